// The repository side of one database's measurements, in a child process forked by run.ts: (a) and (b)
// call the repositories directly, then the bench accounts are made for the HTTP runs. The app itself runs in
// a process of its own (bench/processes.ts), so nothing measured here weighs on its memory.
// Input: BENCH_JOB (JSON) in the environment. Message: { type: 'result', result } with the repository cases.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openDb } from '../server/src/platform/db/connect.js';
import { createOrgRepo } from '../server/src/modules/org/org.repo.js';
import { createMemberRepo } from '../server/src/modules/member/member.repo.js';
import { pickTargets, type LoadInfo, type Targets } from './dataset.js';
import { timeIt } from './measure.js';
import { GROUPS, caseLine, repoCases, type CaseResult } from './cases.js';
import { BENCH_ACCOUNTS, ensureAccount } from './http.js';
import { explain } from './explain.js';
import type { CoverageInfo } from './coverage.js';
import { dropSentNotices, type ContentInfo } from './content.js';

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

/** What the worker hands back: the database's version, the targets the HTTP runs use, and (a)+(b). */
export interface RepoResult { version: string; targets: Targets; cases: CaseResult[] }

async function main(j: Job): Promise<RepoResult> {
  const db = openDb({ databaseUrl: j.pgUrl, dataDir: j.outDir, sqliteFile: j.sqliteFile ?? undefined });
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
    await ensureAccount(db.kysely, BENCH_ACCOUNTS.wc, t.rootId);
    await ensureAccount(db.kysely, BENCH_ACCOUNTS.sys, null);
    return { version, targets: t, cases };
  } finally {
    await db.close();
  }
}

main(job).then(
  (result) => process.send?.({ type: 'result', result }, () => process.exit(0)),
  (e: unknown) => { console.error(`[${job.dialect}] measurement failed:`, e instanceof Error ? e.stack : e); process.exit(1); },
);
