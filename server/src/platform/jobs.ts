// In-process background jobs (webhook deliveries, later reminders and freshness checks). Several app processes may
// run against one database: only the one holding the `job_lease` row runs the jobs. The lease is taken and renewed
// by single atomic statements (UPDATE ... WHERE holder = me OR expired; else INSERT ... ON CONFLICT DO NOTHING),
// so two processes never both believe they hold it. Tests call runOnce() with their TestClock instead of start().
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './db/types.js';
import { type Clock, iso } from './clock.js';

export interface Job { name: string; run(): Promise<void> }
export interface JobRunner {
  /** Takes or renews the lease; true when this process holds it. */
  acquire(): Promise<boolean>;
  /** One pass: when this process holds the lease, runs every job once (errors are logged, never thrown). */
  runOnce(): Promise<boolean>;
  start(): void;
  /** Stops the loop, waits for a running pass, and gives the lease up. */
  stop(): Promise<void>;
  readonly holder: string;
}

const LEASE = 'jobs';

export function createJobRunner(deps: {
  db: Kysely<Database>; clock: Clock; jobs: Job[]; holder?: string; intervalMs?: number; leaseMs?: number;
  log?: (msg: string, err?: unknown) => void;
}): JobRunner {
  const { db, clock, jobs } = deps;
  const holder = deps.holder ?? `${process.pid}-${crypto.randomBytes(6).toString('hex')}`;
  const intervalMs = deps.intervalMs ?? 5000;
  // Longer than any pass can take (a webhook batch: 20 posts x 10 s timeout), so a slow pass never loses the lease
  // to another process mid-way; a crashed holder is replaced after this long (a clean stop hands over at once).
  const leaseMs = deps.leaseMs ?? Math.max(5 * 60_000, intervalMs * 3);
  const log = deps.log ?? ((msg, err) => console.error(msg, err));
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<boolean> | null = null;
  let stopped = false;

  async function acquire(): Promise<boolean> {
    const now = clock.now();
    const expires = iso(new Date(now.getTime() + leaseMs));
    const upd = await db.updateTable('job_lease').set({ holder, expires_at: expires })
      .where('name', '=', LEASE).where((eb) => eb.or([eb('holder', '=', holder), eb('expires_at', '<', iso(now))])).executeTakeFirst();
    if (Number(upd.numUpdatedRows) === 1) return true;
    const ins = await db.insertInto('job_lease').values({ name: LEASE, holder, expires_at: expires })
      .onConflict((oc) => oc.column('name').doNothing()).returning('name').executeTakeFirst();
    return ins !== undefined;
  }

  async function pass(): Promise<boolean> {
    if (!(await acquire())) return false;
    for (const job of jobs) {
      try { await job.run(); } catch (e) { log(`后台任务 ${job.name} 出错 / job ${job.name} failed`, e); }
    }
    return true;
  }

  function runOnce(): Promise<boolean> {
    if (running) return running;
    running = pass().finally(() => { running = null; });
    return running;
  }

  return {
    holder,
    acquire,
    runOnce,
    start() {
      if (timer || stopped) return;
      timer = setInterval(() => { runOnce().catch((e) => log('后台任务租约出错 / job lease failed', e)); }, intervalMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await running.catch(() => false);
      // Give the lease up so another process takes over at once rather than after it expires.
      await db.updateTable('job_lease').set({ expires_at: iso(new Date(0)) }).where('name', '=', LEASE).where('holder', '=', holder).execute()
        .catch(() => undefined);
    },
  };
}
