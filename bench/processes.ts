// The two servers of the HTTP measurements, each in its own process: the app started as `npm start` starts it
// (read from package.json: its build steps, then its server command, so the bench runs whatever production
// runs), and the bare Fastify baseline of (g) (bench/bare.ts). Memory is read from /proc/<pid>/status of the
// process that serves.
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './pg-cluster.js';
import { BENCH_PASSWORD } from './http.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const MB = 1024; // /proc reports kB

/** One process's memory from /proc/<pid>/status, in MB: resident now (anonymous + file-backed) and its peak. */
export interface ProcMemory { rssMb: number; hwmMb: number; anonMb: number; fileMb: number }

export function procMemory(pid: number): ProcMemory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / MB, hwmMb: kb('VmHWM') / MB, anonMb: kb('RssAnon') / MB, fileMb: (kb('RssFile') + kb('RssShmem')) / MB };
}

function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A step of a package.json script as argv for this node (`[NAME=value …] node|tsx args`), with its environment. */
function step(text: string): { argv: string[]; env: Record<string, string> } {
  const words = text.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  const [bin, ...args] = words;
  if (bin === 'node') return { argv: args, env };
  if (bin === 'tsx') return { argv: [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args], env };
  throw new Error(`bench/processes.ts does not know how to run "${text}" (from the start script)`);
}

/**
 * `npm start`: the steps before its last `&&` (they build the web interface and the server) and the last one,
 * which runs the server. BENCH_START replaces the last one, to measure another way of starting the same server.
 */
export function startCommand(): { text: string; before: string[]; argv: string[]; env: Record<string, string> } {
  const script = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start!;
  const steps = script.split('&&').map((s) => s.trim());
  const text = process.env.BENCH_START?.trim() || steps.at(-1)!;
  return { text, before: steps.slice(0, -1), ...step(text) };
}

export interface AppProcess {
  base: string;
  /** The command, as in package.json. */
  command: string;
  /** The process that listens (a runner like the tsx CLI starts it as a child: that one is `launcherPid`). */
  pid: number;
  launcherPid: number | null;
  memory(): ProcMemory;
  launcherMemory(): ProcMemory | null;
  stop(): Promise<void>;
}

async function waitHealthy(base: string, child: ChildProcess, output: () => string, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited before answering: ${output().slice(-2000)}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`the server did not answer /api/health within ${limitMs / 1000} s: ${output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the app as production does, on the bench database: `dataDir` holds zhendi.sqlite (a link to the
 * bench file) or nothing (PostgreSQL through `databaseUrl`). Warnings and errors it prints are passed on.
 */
export async function startAppProcess(opts: { dataDir: string; key: Buffer; databaseUrl: string | null; say: (s: string) => void }): Promise<AppProcess> {
  const cmd = startCommand();
  for (const s of cmd.before) {
    const { argv, env } = step(s);
    execFileSync(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
  }
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', ZHENDI_DATA_DIR: opts.dataDir, ZHENDI_SECRET_KEY: opts.key.toString('hex'),
    DATABASE_URL: opts.databaseUrl ?? '', ZHENDI_ADMIN_PASSWORD: BENCH_PASSWORD,
    // warn: the logger is on, as in production, without a line per request. (g) and (h) log in as some
    // twenty member accounts within a minute: above the default login rate limit.
    ZHENDI_LOG_LEVEL: 'warn', ZHENDI_LOGIN_RATE_LIMIT: '1000', ...cmd.env,
  };
  const child = spawn(process.execPath, cmd.argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const pass = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
    for (const line of d.toString().split('\n').filter(Boolean)) opts.say(`app: ${line}`);
  };
  child.stdout.on('data', pass);
  child.stderr.on('data', pass);
  const base = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  try {
    await waitHealthy(base, child, () => out, 120_000);
  } catch (e) {
    await stop();
    throw e;
  }
  // With a runner (tsx's CLI) the listening process is its only child.
  const kids = childrenOf(child.pid!);
  const pid = kids.length === 1 ? kids[0]! : child.pid!;
  const launcherPid = pid === child.pid ? null : child.pid!;
  return {
    base, command: cmd.text, pid, launcherPid, stop,
    memory: () => procMemory(pid),
    launcherMemory: () => (launcherPid === null ? null : procMemory(launcherPid)),
  };
}

export interface BareProcess { base: string; pid: number; memory(): ProcMemory; stop(): Promise<void> }

/** The bare Fastify baseline of (g) in its own process, on the same database. */
export async function startBareProcess(opts: { sqliteFile: string | null; databaseUrl: string | null; dataDir: string }): Promise<BareProcess> {
  const child = fork(path.join(BENCH_DIR, 'bare.ts'), [], { env: { ...process.env, BENCH_BARE: JSON.stringify(opts) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const stop = stopper(child);
  const base = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { type: string; base: string }) => resolve(m.base));
    child.once('exit', (code, signal) => reject(new Error(`the bare server exited (${signal ?? `exit code ${code}`})`)));
  });
  return { base, pid: child.pid!, stop, memory: () => procMemory(child.pid!) };
}
