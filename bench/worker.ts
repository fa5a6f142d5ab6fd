// One database's measurements, run in a child process (forked by run.ts) so that the memory reported is
// that of a process serving the app, not of the one that generated and loaded a million members.
// Input: BENCH_JOB (JSON) in the environment. Output: one { type: 'result', result } message.
import { sql } from 'kysely';
import { openDb } from '../server/src/platform/db/connect.js';
import { createOrgRepo } from '../server/src/modules/org/org.repo.js';
import { createMemberRepo } from '../server/src/modules/member/member.repo.js';
import { pickTargets, benchKey, type LoadInfo } from './dataset.js';
import { fmtMs, loadFor, timeIt } from './measure.js';
import { GROUPS, httpCases, repoCases, type CaseResult, type ConcurrentResult, type DbResult } from './cases.js';
import { ensureAccount, getJson, login, startApp, type RunningApp } from './http.js';

export interface Job {
  dialect: 'sqlite' | 'postgresql';
  sqliteFile: string | null;
  pgUrl: string | null;
  outDir: string;
  iterations: number;
  httpRequests: number;
  concurrency: number;
  concurrentSeconds: number;
  load: { info: LoadInfo; cached: boolean; note?: string };
}

const job = JSON.parse(process.env.BENCH_JOB ?? 'null') as Job | null;
if (!job) throw new Error('bench/worker.ts is started by bench/run.ts');
const log = (s: string) => console.log(`[${job.dialect}] ${s}`);
const line = (r: CaseResult) => log(`  ${r.label.padEnd(84)} p50 ${fmtMs(r.stat.p50).padStart(6)}  p95 ${fmtMs(r.stat.p95).padStart(6)}  max ${fmtMs(r.stat.max).padStart(6)} ms  (n=${r.stat.n}; ${r.detail})`);

async function main(j: Job): Promise<DbResult> {
  const db = openDb({ databaseUrl: j.pgUrl, dataDir: j.outDir, sqliteFile: j.sqliteFile ?? undefined });
  let app: RunningApp | null = null;
  try {
    const version = j.dialect === 'sqlite'
      ? (await sql<{ v: string }>`select sqlite_version() as v`.execute(db.kysely)).rows[0]!.v
      : (await sql<{ v: string }>`show server_version`.execute(db.kysely)).rows[0]!.v;
    const t = await pickTargets(db.kysely);
    log(`${j.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${version}; root ${t.rootId}, organ committee ${t.organ.id} “${t.organ.name}”, branch ${t.branch.id} “${t.branch.name}”`);

    const cases: CaseResult[] = [];
    let group = '';
    for (const c of repoCases({ orgRepo: createOrgRepo(db.kysely), memberRepo: createMemberRepo(db.kysely), t })) {
      if (c.group !== group) {
        group = c.group;
        log(GROUPS[c.group]);
      }
      const { stat, last } = await timeIt(c.run, { warmup: 3, iterations: j.iterations, maxMs: 15_000 });
      cases.push({ id: c.id, group: c.group, label: c.label, budget: c.budget, stat, detail: last });
      line(cases[cases.length - 1]!);
    }

    log(GROUPS.http);
    const key = benchKey(j.outDir);
    app = await startApp(db, { dataDir: j.outDir, key, databaseUrl: j.pgUrl });
    await ensureAccount(db.kysely, 'bench_wc', t.rootId);
    await ensureAccount(db.kysely, 'bench_sys', null);
    const cookies = { wc: await login(app.base, 'bench_wc'), sys: await login(app.base, 'bench_sys') };
    log(`  app listening on ${app.base}, logged in as bench_wc (work-committee admin of the root) and bench_sys (no org)`);
    const base = app.base;
    for (const c of httpCases(t)) {
      const { stat, last } = await timeIt(() => getJson(base, c.path, cookies[c.as]), {
        warmup: Math.min(10, Math.ceil((c.requests ?? j.httpRequests) / 10)), iterations: c.requests ?? j.httpRequests, maxMs: 30_000,
      });
      const body = last as { items?: unknown[]; total?: number; memberCount?: number; orgCount?: number };
      const detail = body.items ? `${body.items.length} items of ${body.total?.toLocaleString('en')}` : `${body.orgCount?.toLocaleString('en')} orgs, ${body.memberCount?.toLocaleString('en')} members`;
      cases.push({ id: c.id, group: 'http', label: c.label, budget: c.budget, stat, detail });
      line(cases[cases.length - 1]!);
    }

    const concurrent: ConcurrentResult[] = [];
    for (const c of httpCases(t).filter((x) => x.id === 'http.members' || x.id === 'http.stats')) {
      const r = await loadFor(async () => { await getJson(base, c.path, cookies[c.as]); }, j.concurrency, j.concurrentSeconds * 1000);
      concurrent.push({ id: c.id, label: c.label, concurrency: j.concurrency, seconds: j.concurrentSeconds, ...r });
      log(`  ${j.concurrency} concurrent loops for ${j.concurrentSeconds} s: ${c.label}: ${Math.round(r.perSecond)} req/s, p50 ${fmtMs(r.stat.p50)} ms, p95 ${fmtMs(r.stat.p95)} ms${r.errors ? `, ${r.errors} errors` : ''}`);
    }

    const mem = process.memoryUsage();
    const memory = { rssMb: mem.rss / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024, heapUsedMb: mem.heapUsed / 2 ** 20 };
    log(`memory after the runs: RSS ${memory.rssMb.toFixed(0)} MB (peak ${memory.maxRssMb.toFixed(0)} MB), JS heap ${memory.heapUsedMb.toFixed(0)} MB`);
    return {
      dialect: j.dialect, version, when: new Date().toISOString(),
      sizes: { orgs: j.load.info.orgs, members: j.load.info.members, committeeTerms: j.load.info.committeeTerms, committeeSeats: j.load.info.committeeSeats },
      load: { ms: j.load.info.loadMs, cached: j.load.cached, loadedAt: j.load.info.loadedAt, note: j.load.note },
      targets: t, cases, concurrent, memory,
    };
  } finally {
    await app?.close();
    await db.close();
  }
}

main(job).then(
  (result) => process.send?.({ type: 'result', result }, () => process.exit(0)),
  (e: unknown) => { console.error(`[${job.dialect}] measurement failed:`, e instanceof Error ? e.stack : e); process.exit(1); },
);
