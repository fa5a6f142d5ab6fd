// PostgreSQL for the benchmark: a database inside DATABASE_URL's server, or a throwaway cluster started
// as DESIGN section 4 describes (initdb as the postgres user, a free port, a socket in the data dir,
// fsync off). `stop()` drops the database or stops the cluster and removes its files.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

import { freePort, PG_BIN } from '../scripts/pg-cluster.js';

export { freePort };

export interface PgTarget {
  /** Connection string of the fresh, empty benchmark database. */
  url: string;
  /** 'cluster' when we started one, 'server' when DATABASE_URL was given. */
  kind: 'cluster' | 'server';
  stop(): Promise<void>;
}

/** Whether PostgreSQL can be used at all: DATABASE_URL is set or initdb is installed. */
export function pgAvailable(): 'server' | 'cluster' | null {
  if (process.env.DATABASE_URL?.trim()) return 'server';
  return fs.existsSync(path.join(PG_BIN, 'initdb')) ? 'cluster' : null;
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  } finally {
    await c.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(`drop database if exists ${name} with (force)`);
  } finally {
    await c.end();
  }
}

/** A fresh database `zhendi_bench_<pid>` in the server named by DATABASE_URL. */
async function onServer(log: (s: string) => void): Promise<PgTarget> {
  const admin = process.env.DATABASE_URL!.trim();
  const name = `zhendi_bench_${process.pid}`;
  const url = await createDatabase(admin, name);
  log(`PostgreSQL: created database ${name} in the server of DATABASE_URL`);
  return { url, kind: 'server', stop: () => dropDatabase(admin, name) };
}

/** Stops a cluster at once (used from signal handlers, so synchronous). */
function stopClusterSync(dir: string): void {
  spawnSync('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, 'pg_ctl'), '-D', dir, '-m', 'fast', '-w', '-t', '30', 'stop'], { stdio: 'ignore', timeout: 40_000 });
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A throwaway cluster in a temp directory owned by the postgres user. */
async function throwawayCluster(log: (s: string) => void): Promise<PgTarget> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-bench-pg-'));
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  fs.chownSync(dir, uid, gid);
  fs.chmodSync(dir, 0o700);
  let started = false;
  const onSignal = () => {
    console.error('interrupted: stopping the throwaway PostgreSQL cluster');
    if (started) stopClusterSync(dir);
    process.exit(130);
  };
  const stop = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (started) log('PostgreSQL: stopping the throwaway cluster');
    stopClusterSync(dir);
  };
  try {
    const t0 = performance.now();
    const run = (args: string[], timeout: number) => {
      const r = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', timeout });
      if (r.status !== 0) throw new Error(`${path.basename(args[0]!)} failed (${r.status ?? r.signal}): ${(r.stderr || r.stdout || '').trim().slice(-800)}`);
    };
    run([path.join(PG_BIN, 'initdb'), '-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], 120_000);
    const port = await freePort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    started = true;
    // fsync off as in DESIGN; a larger max_wal_size only spares the bulk load some checkpoints.
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_wal_size=2GB`;
    run([path.join(PG_BIN, 'pg_ctl'), '-D', dir, '-o', settings, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start'], 90_000);
    log(`PostgreSQL: throwaway cluster on 127.0.0.1:${port} (${dir}) started in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const url = await createDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`, 'zhendi_bench');
    return { url, kind: 'cluster', stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

export async function startPg(log: (s: string) => void): Promise<PgTarget> {
  return pgAvailable() === 'server' ? onServer(log) : throwawayCluster(log);
}
