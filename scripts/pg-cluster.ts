// A throwaway PostgreSQL cluster for tests: initdb into a temp dir, start on a free port, stop and delete.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const PG_BIN = process.env.ZHENDI_PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const pgAvailable = () => fs.existsSync(path.join(PG_BIN, 'initdb'));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface Cluster { url: string; stop(): void }

export async function startCluster(): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-pg-'));
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: run the server as the postgres user, which must own the directory.
  const run = (bin: string, args: string[]) => {
    const cmd = path.join(PG_BIN, bin);
    if (isRoot) {
      execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
    } else {
      execFileSync(cmd, args, { stdio: 'pipe' });
    }
  };
  if (isRoot) execFileSync('chown', ['postgres:postgres', dir]);
  run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', ['-D', dir, '-l', path.join(dir, 'server.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`, '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try { run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']); } catch { /* already down */ }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
