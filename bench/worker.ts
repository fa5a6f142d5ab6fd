// The server side of one database's measurements, in a child process forked by run.ts, so that the memory
// reported is that of a process serving the app (not of the one that loaded a million members, nor of
// the HTTP client, which runs in the parent).
// Input: BENCH_JOB (JSON) in the environment. Messages: { type: 'server', base, targets } once the app
// listens; the parent answers { type: 'finish' } after its HTTP runs; then { type: 'result', result }.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDb } from '../server/src/platform/db/connect.js';
import { createOrgRepo } from '../server/src/modules/org/org.repo.js';
import { createMemberRepo } from '../server/src/modules/member/member.repo.js';
import { pickTargets, benchKey, type LoadInfo } from './dataset.js';
import { timeIt } from './measure.js';
import { GROUPS, caseLine, repoCases, type CaseResult, type DbResult } from './cases.js';
import { BENCH_ACCOUNTS, ensureAccount, startApp, type RunningApp } from './http.js';
import { explain } from './explain.js';
import type { CoverageInfo } from './coverage.js';
import { dropSentNotices, type ContentInfo } from './content.js';
import { startBare } from './bare.js';

export interface Job {
  dialect: 'sqlite' | 'postgresql';
  sqliteFile: string | null;
  pgUrl: string | null;
  outDir: string;
  iterations: number;
  httpRequests: number;
  concurrency: number;
  concurrentSeconds: number;
  /** Write the query plans of the main queries to bench/out/plans-<dialect>.txt first. */
  explain: boolean;
  load: { info: LoadInfo; cached: boolean; note?: string; coverage?: CoverageInfo; content?: ContentInfo };
  /** Run only these groups of cases (GROUPS keys); all when missing. */
  only?: string[];
}

const job = JSON.parse(process.env.BENCH_JOB ?? 'null') as Job | null;
if (!job) throw new Error('bench/worker.ts is started by bench/run.ts');
const log = (s: string) => console.log(`[${job.dialect}] ${s}`);

const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const rssAtStart = rssMb();
const loadAtStart = os.loadavg()[0]!;
const loadSamples: number[] = [loadAtStart];
setInterval(() => loadSamples.push(os.loadavg()[0]!), 5000).unref();
const finished = new Promise<void>((resolve) => process.on('message', (m: { type?: string }) => { if (m.type === 'finish') resolve(); }));

async function main(j: Job): Promise<DbResult> {
  const db = openDb({ databaseUrl: j.pgUrl, dataDir: j.outDir, sqliteFile: j.sqliteFile ?? undefined });
  let app: RunningApp | null = null;
  let bare: RunningApp | null = null;
  try {
    const dropped = await dropSentNotices(db.kysely);
    if (dropped) log(`removed ${dropped} notice(s) sent by an earlier run's (h)`);
    const version = j.dialect === 'sqlite'
      ? (await sql<{ v: string }>`select sqlite_version() as v`.execute(db.kysely)).rows[0]!.v
      : (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db.kysely)).rows[0]!.v;
    const t = await pickTargets(db.kysely);
    log(`${j.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${version}; root ${t.rootId}, organ committee ${t.organ.id} “${t.organ.name}”, branch ${t.branch.id} “${t.branch.name}”`);
    if (j.explain) {
      const file = path.join(j.outDir, `plans-${j.dialect}.txt`);
      fs.writeFileSync(file, await explain(db, t));
      log(`query plans written to ${path.relative(process.cwd(), file)}`);
    }

    const cases: CaseResult[] = [];
    let group = '';
    for (const c of repoCases({ orgRepo: createOrgRepo(db.kysely), memberRepo: createMemberRepo(db.kysely), t }).filter((x) => !j.only || j.only.includes(x.group))) {
      if (c.group !== group) {
        group = c.group;
        log(GROUPS[c.group]);
      }
      const { stat, last } = await timeIt(c.run, { warmup: 3, iterations: j.iterations, maxMs: 15_000 });
      cases.push({ id: c.id, group: c.group, label: c.label, budget: c.budget, stat, detail: last });
      log(caseLine(cases[cases.length - 1]!));
    }
    const rssAfterRepo = rssMb();

    app = await startApp(db, { dataDir: j.outDir, key: benchKey(j.outDir), databaseUrl: j.pgUrl });
    await ensureAccount(db.kysely, BENCH_ACCOUNTS.wc, t.rootId);
    await ensureAccount(db.kysely, BENCH_ACCOUNTS.sys, null);
    bare = await startBare(db.kysely);
    process.send?.({ type: 'server', base: app.base, bare: bare.base, targets: t });
    await finished;

    const mem = process.memoryUsage();
    const memory = {
      rssMb: mem.rss / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024, heapUsedMb: mem.heapUsed / 2 ** 20,
      checkpoints: { start: rssAtStart, afterRepo: rssAfterRepo },
    };
    log(`memory after the runs: RSS ${memory.rssMb.toFixed(0)} MB (peak ${memory.maxRssMb.toFixed(0)} MB), JS heap ${memory.heapUsedMb.toFixed(0)} MB; `
      + `RSS at start ${rssAtStart.toFixed(0)} MB, after (a)+(b) ${rssAfterRepo.toFixed(0)} MB`);
    return {
      dialect: j.dialect, version, when: new Date().toISOString(),
      sizes: { orgs: j.load.info.orgs, members: j.load.info.members, committeeTerms: j.load.info.committeeTerms, committeeSeats: j.load.info.committeeSeats },
      load: { ms: j.load.info.loadMs, cached: j.load.cached, loadedAt: j.load.info.loadedAt, note: j.load.note },
      targets: t, cases, concurrent: [], memory, loadAvg: [loadAtStart, os.loadavg()[0]!],
      loadDuring: { min: Math.min(...loadSamples), max: Math.max(...loadSamples), mean: loadSamples.reduce((a, b) => a + b, 0) / loadSamples.length, samples: loadSamples.length }, coverage: j.load.coverage, content: j.load.content,
    };
  } finally {
    await bare?.close();
    await app?.close();
    await db.close();
  }
}

main(job).then(
  (result) => process.send?.({ type: 'result', result }, () => process.exit(0)),
  (e: unknown) => { console.error(`[${job.dialect}] measurement failed:`, e instanceof Error ? e.stack : e); process.exit(1); },
);
