// The results as Markdown: printed after a run and written to docs/benchmarks.md with the machine,
// the sizes and a pass/fail per budget line. A database skipped this run keeps its last saved results.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUDGETS, GROUPS, type CaseResult, type DbResult } from './cases.js';
import { fmtDuration, fmtMs } from './measure.js';

type Dialect = DbResult['dialect'];
const DIALECTS: Dialect[] = ['sqlite', 'postgresql'];
const NAME: Record<Dialect, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL' };
const n = (x: number) => x.toLocaleString('en');

export function saveResult(outDir: string, r: DbResult): void {
  fs.writeFileSync(path.join(outDir, `results-${r.dialect}-${r.sizes.members}.json`), JSON.stringify(r, null, 2));
}

/** This run's results, completed with the last saved results of a database not run this time. */
export function withSaved(outDir: string, members: number, fresh: Partial<Record<Dialect, DbResult>>): { results: Partial<Record<Dialect, DbResult>>; earlier: Dialect[] } {
  const results = { ...fresh };
  const earlier: Dialect[] = [];
  for (const d of DIALECTS) {
    const file = path.join(outDir, `results-${d}-${members}.json`);
    if (!results[d] && fs.existsSync(file)) {
      results[d] = JSON.parse(fs.readFileSync(file, 'utf8')) as DbResult;
      earlier.push(d);
    }
  }
  return { results, earlier };
}

export function machine(): Record<string, string> {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    CPUs: `${os.availableParallelism()} × ${cpu}`,
    Memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    OS: `${os.type()} ${os.release()} (${os.arch()})`,
    Node: process.version,
  };
}

const verdict = (ok: boolean) => (ok ? 'pass' : '**FAIL**');
const budgetMs = (c: CaseResult) => (c.budget ? BUDGETS[c.budget].ms : null);
const cell = (c: CaseResult | undefined) => (c ? `${fmtMs(c.stat.p50)} / ${fmtMs(c.stat.p95)} / ${fmtMs(c.stat.max)}` : 'not run');

/** One table per group: each measurement with both databases side by side. */
export function resultTables(results: Partial<Record<Dialect, DbResult>>): string {
  const present = DIALECTS.filter((d) => results[d]);
  const byId = (d: Dialect, id: string) => results[d]?.cases.find((c) => c.id === id);
  const ids = [...new Set(present.flatMap((d) => results[d]!.cases.map((c) => c.id)))];
  const out: string[] = [];
  for (const [group, title] of Object.entries(GROUPS)) {
    const rows = ids.filter((id) => present.some((d) => byId(d, id)?.group === group));
    if (!rows.length) continue;
    out.push(`### ${title}`, '', `| Measurement | Budget (p95) | ${DIALECTS.map((d) => `${NAME[d]} p50 / p95 / max (ms)`).join(' | ')} | Verdict | Result |`,
      `|---|---|${DIALECTS.map(() => '---:').join('|')}|---|---|`);
    for (const id of rows) {
      const any = present.map((d) => byId(d, id)).find(Boolean)!;
      const limit = budgetMs(any);
      const verdicts = DIALECTS.filter((d) => byId(d, id) && limit !== null).map((d) => `${NAME[d]} ${verdict(byId(d, id)!.stat.p95 < limit!)}`);
      const details = [...new Set(DIALECTS.map((d) => byId(d, id)?.detail).filter(Boolean))].join('; ');
      out.push(`| ${any.label} | ${limit === null ? '–' : `< ${limit} ms`} | ${DIALECTS.map((d) => cell(byId(d, id))).join(' | ')} | ${verdicts.join(', ') || '–'} | ${details} |`);
    }
    out.push('');
  }
  const conc = present.flatMap((d) => results[d]!.concurrent.map((c) => ({ d, c })));
  if (conc.length) {
    out.push('### (d) Concurrent requests (fetch loops in the client process)', '',
      '| Database | Request | Loops × seconds | Requests/s | p50 (ms) | p95 (ms) | Errors |', '|---|---|---|---:|---:|---:|---:|');
    for (const { d, c } of conc) out.push(`| ${NAME[d]} | ${c.label} | ${c.concurrency} × ${c.seconds} | ${Math.round(c.perSecond)} | ${fmtMs(c.stat.p50)} | ${fmtMs(c.stat.p95)} | ${c.errors} |`);
    out.push('');
  }
  out.push('### (e) Load time and server memory', '', `| | ${present.map((d) => NAME[d]).join(' | ')} |`, `|---|${present.map(() => '---').join('|')}|`,
    `| Bulk load (generate + insert) | ${present.map((d) => { const l = results[d]!.load; return `${fmtDuration(l.ms)}${l.cached ? ` (cached file, loaded ${l.loadedAt.slice(0, 10)})` : ''}${l.note ? ` ${l.note}` : ''}`; }).join(' | ')} |`,
    `| Server RSS after the runs (budget < ${BUDGETS.rssMb} MB) | ${present.map((d) => { const m = results[d]!.memory; return `${m.rssMb.toFixed(0)} MB: ${verdict(m.rssMb < BUDGETS.rssMb)}`; }).join(' | ')} |`,
    `| Peak RSS of the server process | ${present.map((d) => `${results[d]!.memory.maxRssMb.toFixed(0)} MB`).join(' | ')} |`,
    `| RSS at start (code loaded, no query yet) / after (a)+(b) | ${present.map((d) => { const c = results[d]!.memory.checkpoints; return `${c.start.toFixed(0)} / ${c.afterRepo.toFixed(0)} MB`; }).join(' | ')} |`,
    `| JS heap used after the runs | ${present.map((d) => `${results[d]!.memory.heapUsedMb.toFixed(0)} MB`).join(' | ')} |`, '');
  return out.join('\n');
}

/** Every budget line with its verdict, worst first. */
function budgetSummary(results: Partial<Record<Dialect, DbResult>>): string[] {
  const lines: string[] = [];
  for (const d of DIALECTS) {
    const r = results[d];
    if (!r) continue;
    const failing = r.cases.filter((c) => c.budget && c.stat.p95 >= budgetMs(c)!);
    const passing = r.cases.filter((c) => c.budget && c.stat.p95 < budgetMs(c)!);
    lines.push(`- **${NAME[d]}**: ${passing.length} of ${passing.length + failing.length} timed budget lines pass; RSS ${r.memory.rssMb.toFixed(0)} MB ${verdict(r.memory.rssMb < BUDGETS.rssMb)}.`);
    for (const c of failing.sort((a, b) => b.stat.p95 - a.stat.p95)) lines.push(`  - FAIL: ${c.label}: p95 ${fmtMs(c.stat.p95)} ms against < ${budgetMs(c)} ms.`);
  }
  return lines;
}

const NOTES_START = '<!-- notes:start -->';
const NOTES_END = '<!-- notes:end -->';
const DEFAULT_NOTES = `${NOTES_START}
(Hand-written notes on the results go here; the benchmark keeps this block when it rewrites the page.)
${NOTES_END}`;

/** The hand-written block of the existing page, kept across runs. */
function keptNotes(existing: string | null): string {
  const a = existing?.indexOf(NOTES_START) ?? -1;
  const b = existing?.indexOf(NOTES_END) ?? -1;
  return existing && a >= 0 && b > a ? existing.slice(a, b + NOTES_END.length) : DEFAULT_NOTES;
}

export function document(results: Partial<Record<Dialect, DbResult>>, earlier: Dialect[], argsText: string, existing: string | null): string {
  const any = results.sqlite ?? results.postgresql;
  if (!any) throw new Error('no results to report');
  const m = machine();
  const t = any.targets;
  const s = any.sizes;
  return `# Benchmarks

This page is written by \`npm run bench\` (the code is in \`bench/\`); do not edit the numbers by hand,
run the benchmark again. The budgets come from DESIGN section 5.

## What is measured

The data set is the \`LARGE_SIZE\` preset of the demo generator (\`server/src/demo/generate.ts\`, fixed
seed, fictional city 青禾): **${n(s.orgs)} organizations** (1 work committee, 2,000 organ committees,
38,000 branches, general branches and groups), **${n(s.members)} members** and ${n(s.committeeTerms)} current
committee terms with ${n(s.committeeSeats)} seats. It is loaded with \`bulkLoad\` (\`server/src/demo/bulk.ts\`),
which also fills the per-organization member summaries (\`org.member_count\`) and the closure table.

Three scopes are used: the **root** (the whole tree), an **organ committee** of about 25 organizations
(${t.organ.name}: ${n(t.organ.orgs)} orgs, ${n(t.organ.members)} members) and one **branch**
(${t.branch.name}: ${n(t.branch.orgs)} ${t.branch.orgs === 1 ? 'organization' : 'organizations'}, ${n(t.branch.members)} members).

- (a) and (b) call the repositories the API services use (\`orgRepo\`, \`memberRepo\`) directly:
  a few warm-up calls, then up to ${any.cases.find((c) => c.group === 'subtree')?.stat.n ?? 'N'} timed calls (fewer for slow queries: each line is bounded to about 15 s).
  The raw \`COUNT\` lines have no budget: they show what the per-organization summaries save.
- (c) starts the real app (\`buildApp\`) on 127.0.0.1 in a child process, logs in through
  \`POST /api/auth/login\` as a work-committee admin bound to the root organization (and, for one
  line, as a system admin without an organization, like the \`admin\` account made at first start)
  and sends requests one after another from the parent process with \`fetch\`. Times include HTTP,
  JSON serialization and the client's parsing.
- (d) runs a few fetch loops at once for a few seconds against the same server.
- RSS is \`process.memoryUsage().rss\` of the server process after (a) to (d): that process also ran
  the repository calls of (a) and (b), but neither the data load nor the HTTP client.

Page 50 of a small scope is past its end (0 rows): it still measures what the query has to scan.

## Latest results

${earlier.length ? `> ${earlier.map((d) => `${NAME[d]} results are from an earlier run (${results[d]!.when.slice(0, 16).replace('T', ' ')} UTC)`).join('; ')}: this run skipped it.\n\n` : ''}| | |
|---|---|
| Date | ${DIALECTS.filter((d) => results[d]).map((d) => `${NAME[d]} ${results[d]!.when.slice(0, 16).replace('T', ' ')}`).join(', ')} UTC |
${Object.entries(m).map(([k, v]) => `| ${k} | ${v} |`).join('\n')}
| SQLite | ${results.sqlite?.version ?? 'not run'} (better-sqlite3, WAL, synchronous=NORMAL, 64 MB page cache) |
| PostgreSQL | ${results.postgresql?.version ?? 'not run'}${results.postgresql ? ' (throwaway cluster or DATABASE_URL; fsync=off, default shared_buffers; ANALYZE after the load)' : ''} |
| Load average (1 min) at start / end of the measurements | ${DIALECTS.filter((d) => results[d]?.loadAvg).map((d) => `${NAME[d]} ${results[d]!.loadAvg.map((x) => x.toFixed(1)).join(' / ')}`).join('; ') || 'not recorded'} |
| Command | \`npm run bench${argsText ? ` -- ${argsText}` : ''}\` |

The machine has ${os.availableParallelism()} cores and is shared with other work (another developer's
builds and tests may run at the same time; a load average above ${os.availableParallelism()} means they did), so single
numbers can be noisy: compare p50s, and re-run before drawing conclusions from one p95 or max.

${resultTables(results)}
## Budgets

- Subtree dashboard (the stats and totals lines) < ${BUDGETS.dashboard.ms} ms at p95, on both databases.
- Member list page < ${BUDGETS.list.ms} ms (judged here at p95).
- Server RSS < ${BUDGETS.rssMb} MB.

${budgetSummary(results).join('\n')}

## Notes on the results

${keptNotes(existing)}

## Running it

\`\`\`sh
npm run bench                      # SQLite, then PostgreSQL when available
npm run bench -- --sqlite-only     # skip PostgreSQL
npm run bench -- --fresh           # reload the SQLite file instead of reusing bench/out/
npm run bench -- --members=100000  # a smaller data set, for trying the harness (budgets are for 1,000,000)
\`\`\`

- The loaded SQLite file is cached in \`bench/out/\` (gitignored) with the key that encrypted its ID
  numbers; a re-run reuses it and says so. It is reloaded by itself when the migrations, the demo
  generator or the member columns changed since. A load of 1,000,000 members takes about 3 minutes.
- PostgreSQL: with \`DATABASE_URL\` set, a fresh database \`zhendi_bench_<pid>\` is created in that
  server and dropped at the end; otherwise, when \`/usr/lib/postgresql/15/bin/initdb\` exists, a
  throwaway cluster is started in a temp directory owned by \`postgres\` (DESIGN section 4) and
  stopped at the end, also on failure or Ctrl-C. PostgreSQL is loaded on every run.
- \`--explain\` also writes the plans of the main queries (exactly the SQL the repositories send) to
  \`bench/out/plans-sqlite.txt\` and \`plans-postgresql.txt\` (EXPLAIN QUERY PLAN; EXPLAIN ANALYZE).
- \`--report-only\` rewrites this page from the results saved in \`bench/out/\` without measuring.
- Other options: \`--iterations=N\` (repository calls, default 50), \`--requests=N\` (sequential HTTP
  requests, default 200), \`--concurrency=N\` and \`--seconds=N\` for (d).
`;
}
