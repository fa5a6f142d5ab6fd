// `npm run bench`: load (or reuse) the large data set, measure on SQLite and then PostgreSQL, print the
// results as Markdown and write docs/benchmarks.md. See that page for what each line means.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDb } from '../server/src/platform/db/connect.js';
import { migrateToLatest } from '../server/src/platform/db/migrate.js';
import { LARGE_SIZE } from '../server/src/demo/generate.js';
import { benchKey, ensureSqlite, loadDataset, type LoadInfo } from './dataset.js';
import { ensureCoverage, type CoverageInfo } from './coverage.js';
import { runHttp } from './http.js';
import { runSiteHttp } from './site-http.js';
import { ensureContent, type ContentInfo } from './content.js';
import { fmtDuration, withTimeout } from './measure.js';
import { pgAvailable, startPg } from './pg-cluster.js';
import { document, resultTables, saveResult, withSaved } from './report.js';
import type { DbResult } from './cases.js';
import type { Job, RepoResult } from './worker.js';
import { startAppProcess, startBareProcess } from './processes.js';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const OUT_DIR = path.join(BENCH_DIR, 'out');
const MIN = 60_000;
/** Beyond this, the PostgreSQL bulk load is called too slow in the results. */
const PG_LOAD_WARN_MS = 8 * MIN;

const { values: opts } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    'sqlite-only': { type: 'boolean', default: false },
    'postgres-only': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    'no-coverage': { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    members: { type: 'string', default: String(LARGE_SIZE.members) },
    iterations: { type: 'string', default: '50' },
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '5' },
    /** Comma-separated groups to measure (subtree, list, http, coverage, site, notice); all by default. */
    only: { type: 'string' },
  },
});
const int = (name: keyof typeof opts, min: number) => {
  const v = Number(opts[name]);
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer >= ${min}`);
  return v;
};
// Below ~50,000 members some general branches hold a single member and generateCommittees loops forever.
const members = int('members', 100_000);
const GROUP_KEYS = ['subtree', 'list', 'http', 'coverage', 'site', 'notice'];
const only = opts.only ? opts.only.split(',').map((x) => x.trim()).filter(Boolean) : undefined;
if (only?.some((g) => !GROUP_KEYS.includes(g))) throw new Error(`--only takes some of ${GROUP_KEYS.join(',')}`);
const settings = { iterations: int('iterations', 1), httpRequests: int('requests', 1), concurrency: int('concurrency', 1), concurrentSeconds: int('seconds', 1), explain: opts.explain, only };

const t0 = performance.now();
const log = (s: string) => console.log(`[${fmtDuration(performance.now() - t0).padStart(9)}] ${s}`);

/** Runs bench/worker.ts ((a), (b), the bench accounts) to its end; killed after `limitMs`. */
function runWorker(job: Job, limitMs: number): Promise<RepoResult> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(BENCH_DIR, 'worker.ts'), [], { env: { ...process.env, BENCH_JOB: JSON.stringify(job) }, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    let result: RepoResult | null = null;
    const timer = setTimeout(() => { log(`the repository cases on ${job.dialect} took over ${fmtDuration(limitMs)}: stopping them`); child.kill('SIGKILL'); }, limitMs);
    child.on('message', (m: { type: string; result?: RepoResult }) => { if (m.type === 'result') result = m.result!; });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result) resolve(result);
      else reject(new Error(`the repository cases on ${job.dialect} ended without a result (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Processes to stop if the bench itself fails or is interrupted. */
const running = new Set<{ stop(): Promise<void> }>();
const stopAll = () => Promise.all([...running].map((p) => p.stop()));
process.once('SIGINT', () => { void stopAll().finally(() => process.exit(130)); });

/** The app's data directory for `npm start`: zhendi.sqlite is a link to the bench file (SQLite follows it, WAL included). */
function appDataDir(job: Job): string {
  const dir = path.join(OUT_DIR, `app-${job.dialect}`);
  fs.mkdirSync(dir, { recursive: true });
  const link = path.join(dir, 'zhendi.sqlite');
  fs.rmSync(link, { force: true });
  if (job.sqliteFile) fs.symlinkSync(path.relative(dir, job.sqliteFile), link);
  return dir;
}

const mb = (x: number) => `${x.toFixed(0)} MB`;

/**
 * One database's measurements: (a)+(b) in bench/worker.ts, then the app started as `npm start` starts it and
 * the bare baseline of (g), each in a process of its own, with the HTTP client here; the app's memory is
 * read from /proc after the runs. Stopped after `limitMs`.
 */
async function measure(job: Job, limitMs: number): Promise<DbResult> {
  const say = (s: string) => console.log(`[${job.dialect}] ${s}`);
  const started = performance.now();
  const loadAtStart = os.loadavg()[0]!;
  const loadSamples: number[] = [loadAtStart];
  const sampler = setInterval(() => loadSamples.push(os.loadavg()[0]!), 5000);
  try {
    const repo = await runWorker(job, limitMs);
    const t = repo.targets;
    const app = await startAppProcess({ dataDir: appDataDir(job), key: benchKey(job.outDir), databaseUrl: job.pgUrl, say });
    running.add(app);
    const wantSite = !job.only || job.only.includes('site') || job.only.includes('notice');
    const bare = wantSite ? await startBareProcess({ sqliteFile: job.sqliteFile, databaseUrl: job.pgUrl, dataDir: job.outDir }) : null;
    if (bare) running.add(bare);
    try {
      const atStart = app.memory();
      // The highest RSS seen in each part (sampled every 100 ms), to tell which load makes the peak.
      let highest = atStart.rssMb;
      const sampling = setInterval(() => { try { highest = Math.max(highest, app.memory().rssMb); } catch { /* exited */ } }, 100);
      const highestSince = () => { const h = Math.max(highest, app.memory().rssMb); highest = 0; return h; };
      say(`app started with \`${app.command}\` (pid ${app.pid}${app.launcherPid ? `, under its runner's pid ${app.launcherPid}` : ''}): RSS ${mb(atStart.rssMb)} before any request`);
      const left = () => limitMs - (performance.now() - started);
      const r = await withTimeout(runHttp(app.base, t, job, say), left(), `HTTP runs on ${job.dialect}`);
      const afterHttp = app.memory();
      const peakHttp = highestSince();
      const site = bare ? await withTimeout(runSiteHttp(app.base, bare.base, t, job, say), left(), `site runs on ${job.dialect}`) : { cases: [], pairs: [], send: null };
      const end = app.memory();
      const peakSite = highestSince();
      clearInterval(sampling);
      const launcher = app.launcherMemory();
      const memory: DbResult['memory'] = {
        rssMb: end.rssMb, maxRssMb: end.hwmMb, anonMb: end.anonMb, fileMb: end.fileMb, launcherMb: launcher?.rssMb, command: app.command,
        checkpoints: { start: atStart.rssMb, afterHttp: afterHttp.rssMb, peakHttp, peakSite: bare ? peakSite : undefined },
      };
      say(`app memory after the runs: RSS ${mb(end.rssMb)} (${mb(end.anonMb)} anonymous, ${mb(end.fileMb)} file-backed), peak ${mb(end.hwmMb)}; `
        + `at start ${mb(atStart.rssMb)}, after (c)+(d)+(f) ${mb(afterHttp.rssMb)} (highest during them ${mb(peakHttp)}${bare ? `, during (g)+(h) ${mb(peakSite)}` : ''})${launcher ? `; its runner's process ${mb(launcher.rssMb)} more` : ''}`
        + `${bare ? `; bare server ${mb(bare.memory().rssMb)}` : ''}`);
      return {
        dialect: job.dialect, version: repo.version, when: new Date().toISOString(),
        sizes: { orgs: job.load.info.orgs, members: job.load.info.members, committeeTerms: job.load.info.committeeTerms, committeeSeats: job.load.info.committeeSeats },
        load: { ms: job.load.info.loadMs, cached: job.load.cached, loadedAt: job.load.info.loadedAt, note: job.load.note },
        targets: t, cases: [...repo.cases, ...r.cases, ...site.cases], concurrent: r.concurrent, pairs: site.pairs, send: site.send,
        memory, loadAvg: [loadAtStart, os.loadavg()[0]!],
        loadDuring: { min: Math.min(...loadSamples), max: Math.max(...loadSamples), mean: loadSamples.reduce((a, b) => a + b, 0) / loadSamples.length, samples: loadSamples.length },
        coverage: job.load.coverage, content: job.load.content,
      };
    } finally {
      for (const p of [bare, app]) if (p) { await p.stop(); running.delete(p); }
    }
  } finally {
    clearInterval(sampler);
  }
}

/** (f)'s campaign over the whole tree: reused from a cached SQLite file, else built (then ANALYZE, as after the member load). */
async function coverage(db: ReturnType<typeof openDb>): Promise<CoverageInfo | undefined> {
  if (opts['no-coverage']) return log('coverage dashboard skipped (--no-coverage)'), undefined;
  const c = await ensureCoverage(db, log);
  if (!c.cached) {
    const a0 = performance.now();
    await sql`analyze`.execute(db.kysely);
    log(`coverage campaign ${c.campaignId} built in ${fmtDuration(c.buildMs)}: ${c.assessments.toLocaleString('en')} assessments, ${c.items.toLocaleString('en')} items, `
      + `${c.rollupRows.toLocaleString('en')} rollup / ${c.failedRows.toLocaleString('en')} failed / ${c.progressRows.toLocaleString('en')} progress rows; ANALYZE ${fmtDuration(performance.now() - a0)}`);
  }
  return c;
}

/** The content data of (g) and (h) (columns, articles, member accounts, notices, receipts). */
async function content(db: ReturnType<typeof openDb>, analyze: boolean): Promise<ContentInfo> {
  const c = await ensureContent(db, log);
  if (!c.cached) {
    const a0 = performance.now();
    if (analyze) await sql`analyze`.execute(db.kysely);
    log(`content data built in ${fmtDuration(c.buildMs)}: ${c.columns} columns, ${c.articles.toLocaleString('en')} articles (${c.published.toLocaleString('en')} visible), `
      + `${c.accounts.toLocaleString('en')} member accounts, ${c.notices} notices, ${c.reads.toLocaleString('en')} receipts, ${c.orgStatRows.toLocaleString('en')} read-summary rows${analyze ? `; ANALYZE ${fmtDuration(performance.now() - a0)}` : ''}`);
  }
  return c;
}

async function runSqlite(): Promise<DbResult> {
  const ds = await withTimeout(ensureSqlite({ outDir: OUT_DIR, members, fresh: opts.fresh, log }), 30 * MIN, 'SQLite load');
  const db = openDb({ databaseUrl: null, dataDir: OUT_DIR, sqliteFile: ds.file });
  let cov: CoverageInfo | undefined;
  let cnt: ContentInfo;
  try {
    await migrateToLatest(db); // a cached file loaded before a new migration
    cov = await withTimeout(coverage(db), 15 * MIN, 'SQLite coverage data');
    cnt = await withTimeout(content(db, true), 10 * MIN, 'SQLite content data');
  } finally {
    await db.close();
  }
  log(`measuring on SQLite (${path.relative(ROOT, ds.file)})`);
  return measure({ dialect: 'sqlite', sqliteFile: ds.file, pgUrl: null, outDir: OUT_DIR, ...settings, load: { info: ds.info, cached: ds.cached, coverage: cov, content: cnt } }, 20 * MIN);
}

async function runPostgres(): Promise<DbResult> {
  const target = await withTimeout(startPg(log), 3 * MIN, 'PostgreSQL start');
  try {
    const db = openDb({ databaseUrl: target.url, dataDir: OUT_DIR });
    let info: LoadInfo;
    let cov: CoverageInfo | undefined;
    let cnt: ContentInfo;
    let settled = false;
    try {
      await migrateToLatest(db);
      log(`loading PostgreSQL (this takes longer than SQLite; progress every 15 s)`);
      info = await withTimeout(loadDataset(db, benchKey(OUT_DIR), members, log), 40 * MIN, 'PostgreSQL load');
      cov = opts['no-coverage'] ? undefined : await withTimeout(ensureCoverage(db, log), 20 * MIN, 'PostgreSQL coverage data');
      if (cov) log(`coverage campaign ${cov.campaignId} built in ${fmtDuration(cov.buildMs)}: ${cov.items.toLocaleString('en')} items, ${cov.progressRows.toLocaleString('en')} progress rows`);
      cnt = await withTimeout(content(db, false), 10 * MIN, 'PostgreSQL content data');
      const a0 = performance.now();
      await sql`analyze`.execute(db.kysely);
      log(`PostgreSQL load done in ${fmtDuration(info.loadMs)}; ANALYZE ${fmtDuration(performance.now() - a0)}`);
      settled = true;
    } finally {
      // After a timeout the load still holds a connection: the cluster's stop ends it, so do not wait here.
      if (settled) await db.close(); else void db.close().catch(() => {});
    }
    const note = info.loadMs > PG_LOAD_WARN_MS ? `(over ${fmtDuration(PG_LOAD_WARN_MS)}: too slow)` : undefined;
    if (note) log(`the PostgreSQL bulk load took ${fmtDuration(info.loadMs)}, more than ${fmtDuration(PG_LOAD_WARN_MS)}`);
    log('measuring on PostgreSQL');
    return await measure({ dialect: 'postgresql', sqliteFile: null, pgUrl: target.url, outDir: OUT_DIR, ...settings, load: { info, cached: false, note, coverage: cov, content: cnt } }, 20 * MIN);
  } finally {
    await target.stop();
  }
}

/** Measures SQLite, then PostgreSQL when available; true when the PostgreSQL run failed. */
async function runAll(fresh: Partial<Record<DbResult['dialect'], DbResult>>, argv: string): Promise<boolean> {
  if (opts['postgres-only']) log('SQLite skipped (--postgres-only): its last saved results are reported');
  else {
    fresh.sqlite = { ...(await runSqlite()), command: argv };
    saveResult(OUT_DIR, fresh.sqlite);
  }
  if (opts['sqlite-only']) return log('PostgreSQL skipped (--sqlite-only)'), false;
  if (!pgAvailable()) return log('PostgreSQL skipped: DATABASE_URL is not set and /usr/lib/postgresql/15/bin/initdb is missing'), false;
  try {
    fresh.postgresql = { ...(await runPostgres()), command: argv };
    saveResult(OUT_DIR, fresh.postgresql);
    return false;
  } catch (e) {
    log(`PostgreSQL run failed: ${e instanceof Error ? e.message : String(e)}`);
    return true;
  }
}

async function main(): Promise<number> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  log(`benchmark: ${LARGE_SIZE.organCommittees} organ committees / ${LARGE_SIZE.totalBranches} branches (~50,000 orgs), ${members.toLocaleString('en')} members`);
  const fresh: Partial<Record<DbResult['dialect'], DbResult>> = {};
  const argv = process.argv.slice(2).join(' ');
  let failed = false;
  if (opts['report-only']) log('--report-only: rewriting docs/benchmarks.md from the results saved in bench/out');
  else failed = await runAll(fresh, argv);
  const saved = withSaved(OUT_DIR, members, fresh);
  const results = saved.results;
  const earlier = opts['report-only'] ? [] : saved.earlier;
  if (members !== LARGE_SIZE.members) log('a smaller data set than the budgets are for: docs/benchmarks.md is not updated');
  else {
    const docFile = path.join(ROOT, 'docs/benchmarks.md');
    const existing = fs.existsSync(docFile) ? fs.readFileSync(docFile, 'utf8') : null;
    const command = results.sqlite?.command ?? results.postgresql?.command ?? argv;
    fs.writeFileSync(docFile, document(results, earlier, command, existing));
    log('wrote docs/benchmarks.md');
  }
  console.log(`\n${resultTables(members === LARGE_SIZE.members ? results : fresh)}`);
  log(`done in ${fmtDuration(performance.now() - t0)}`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error('benchmark failed:', e instanceof Error ? e.stack : e);
  process.exit(1);
});
