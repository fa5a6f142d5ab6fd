// The results as Markdown: printed after a run and written to docs/benchmarks.md with the machine,
// the sizes and a pass/fail per budget line. A database skipped this run keeps its last saved results.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUDGETS, GROUPS, type CaseResult, type DbResult } from './cases.js';
import type { PairResult } from './site-http.js';
import { fmtDuration, fmtMs } from './measure.js';
import { REQUIREMENTS as REQ } from './coverage.js';

type Dialect = DbResult['dialect'];
const DIALECTS: Dialect[] = ['sqlite', 'postgresql'];
const NAME: Record<Dialect, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL' };
const n = (x: number) => x.toLocaleString('en');
const mb = (x: number) => `${x.toFixed(0)} MB`;

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
const cell99 = (c: CaseResult | undefined) => (c ? `${fmtMs(c.stat.p50)} / ${fmtMs(c.stat.p95)} / ${c.stat.p99 === undefined ? '–' : fmtMs(c.stat.p99)} / ${fmtMs(c.stat.max)}` : 'not run');

/** Groups reported in their own section rather than in "Latest results". */
const SECTIONED: readonly (keyof typeof GROUPS)[] = ['coverage', 'site', 'notice'];
const loadText = (r: DbResult) => `${r.loadAvg.map((x) => x.toFixed(1)).join(' / ')}${r.loadDuring ? ` (during: ${r.loadDuring.min.toFixed(1)}–${r.loadDuring.max.toFixed(1)}, mean ${r.loadDuring.mean.toFixed(1)})` : ''}`;

/** One table per group: each measurement with both databases side by side (the coverage group has its own section). */
export function resultTables(results: Partial<Record<Dialect, DbResult>>, only?: readonly (keyof typeof GROUPS)[]): string {
  const present = DIALECTS.filter((d) => results[d]);
  const byId = (d: Dialect, id: string) => results[d]?.cases.find((c) => c.id === id);
  const ids = [...new Set(present.flatMap((d) => results[d]!.cases.map((c) => c.id)))];
  const out: string[] = [];
  for (const [group, title] of Object.entries(GROUPS)) {
    if (only ? !only.includes(group as keyof typeof GROUPS) : SECTIONED.includes(group as keyof typeof GROUPS)) continue;
    const rows = ids.filter((id) => present.some((d) => byId(d, id)?.group === group));
    if (!rows.length) continue;
    const wide = group === 'coverage' || group === 'notice';
    const cellOf = wide ? cell99 : cell;
    out.push(`### ${title}`, '', `| Measurement | Budget (p95) | ${DIALECTS.map((d) => `${NAME[d]} p50 / p95 / ${wide ? 'p99 / ' : ''}max (ms)`).join(' | ')} | Verdict | Result |`,
      `|---|---|${DIALECTS.map(() => '---:').join('|')}|---|---|`);
    for (const id of rows) {
      const any = present.map((d) => byId(d, id)).find(Boolean)!;
      const limit = budgetMs(any);
      const verdicts = DIALECTS.filter((d) => byId(d, id) && limit !== null).map((d) => `${NAME[d]} ${verdict(byId(d, id)!.stat.p95 < limit!)}`);
      const details = [...new Set(DIALECTS.map((d) => byId(d, id)?.detail).filter(Boolean))].join('; ');
      out.push(`| ${any.label} | ${limit === null ? '–' : `< ${limit} ms`} | ${DIALECTS.map((d) => cellOf(byId(d, id))).join(' | ')} | ${verdicts.join(', ') || '–'} | ${details} |`);
    }
    out.push('');
  }
  if (only) return out.join('\n');
  const conc = present.flatMap((d) => results[d]!.concurrent.map((c) => ({ d, c })));
  if (conc.length) {
    out.push('### (d) Concurrent requests (fetch loops in the client process)', '',
      '| Database | Request | Loops × seconds | Requests/s | p50 (ms) | p95 (ms) | Errors |', '|---|---|---|---:|---:|---:|---:|');
    for (const { d, c } of conc) out.push(`| ${NAME[d]} | ${c.label} | ${c.concurrency} × ${c.seconds} | ${Math.round(c.perSecond)} | ${fmtMs(c.stat.p50)} | ${fmtMs(c.stat.p95)} | ${c.errors} |`);
    out.push('');
  }
  out.push('### (e) Load time and server memory', '', `| | ${present.map((d) => NAME[d]).join(' | ')} |`, `|---|${present.map(() => '---').join('|')}|`,
    `| Bulk load (generate + insert) | ${present.map((d) => { const l = results[d]!.load; return `${fmtDuration(l.ms)}${l.cached ? ` (cached file, loaded ${l.loadedAt.slice(0, 10)})` : ''}${l.note ? ` ${l.note}` : ''}`; }).join(' | ')} |`,
    `| Server RSS after the runs (budget < ${BUDGETS.rssMb} MB) | ${present.map((d) => { const m = results[d]!.memory; return `${mb(m.rssMb)}${m.anonMb === undefined ? '' : ` (${mb(m.anonMb)} anonymous, ${mb(m.fileMb!)} file-backed)`}: ${verdict(m.rssMb < BUDGETS.rssMb)}`; }).join(' | ')} |`,
    `| Peak RSS of the server process (VmHWM) | ${present.map((d) => mb(results[d]!.memory.maxRssMb)).join(' | ')} |`,
    `| RSS at start (listening, no request yet) / after (c), (d) and (f) | ${present.map((d) => { const c = results[d]!.memory.checkpoints; return `${mb(c.start)} / ${c.afterHttp === undefined ? '–' : mb(c.afterHttp)}`; }).join(' | ')} |`,
    ...(present.some((d) => results[d]!.memory.checkpoints.peakHttp !== undefined)
      ? [`| Highest RSS sampled during (c)+(d)+(f) / during (g)+(h) | ${present.map((d) => { const c = results[d]!.memory.checkpoints; return c.peakHttp === undefined ? '–' : `${mb(c.peakHttp)} / ${c.peakSite === undefined ? '–' : mb(c.peakSite)}`; }).join(' | ')} |`] : []),
    ...(present.some((d) => results[d]!.memory.launcherMb !== undefined)
      ? [`| RSS of the runner's process that started it (not counted above) | ${present.map((d) => { const l = results[d]!.memory.launcherMb; return l === undefined ? '–' : mb(l); }).join(' | ')} |`] : []),
    ...(present.some((d) => results[d]!.memory.anonMb === undefined)
      ? [`| (older result: measured inside the bench worker, which also ran (a), (b) and the bare baseline) | ${present.map((d) => (results[d]!.memory.anonMb === undefined ? 'yes' : '')).join(' | ')} |`] : []),
    '');
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
    const pairs = (r.pairs ?? []).filter((p) => !p.diagnostic);
    if (pairs.length) {
      const bad = pairs.filter((p) => ratio(p) > PAIR_RATIO);
      lines.push(`  - Throughput against the bare route (g): ${pairs.length - bad.length} of ${pairs.length} within ${PAIR_RATIO}×.`);
      for (const p of bad) lines.push(`  - FAIL: ${p.label}: ${Math.round(p.real.perSecond)} req/s against ${Math.round(p.bare.perSecond)} for ${p.bareLabel} (${ratio(p).toFixed(2)}×).`);
    }
  }
  return lines;
}

const NOTES_START = '<!-- notes:start -->';
const NOTES_END = '<!-- notes:end -->';
const DEFAULT_NOTES = `${NOTES_START}
(Hand-written notes on the results go here; the benchmark keeps this block when it rewrites the page.)
${NOTES_END}`;

/** The hand-written block of the existing page, kept across runs. */
function keptNotes(existing: string | null, start = NOTES_START, end = NOTES_END, fallback = DEFAULT_NOTES): string {
  const a = existing?.indexOf(start) ?? -1;
  const b = existing?.indexOf(end) ?? -1;
  return existing && a >= 0 && b > a ? existing.slice(a, b + end.length) : fallback;
}
const COVERAGE_NOTES_START = '<!-- coverage-notes:start -->';
const COVERAGE_NOTES_END = '<!-- coverage-notes:end -->';

/** The coverage-dashboard section: its data set, the machine, and (f). */
function coverageSection(results: Partial<Record<Dialect, DbResult>>, existing: string | null): string {
  const withCov = DIALECTS.filter((d) => results[d]?.coverage);
  const any = withCov.map((d) => results[d]!).find(Boolean);
  if (!any?.coverage || !any.targets.coverage) return '';
  const c = any.coverage;
  const t = any.targets.coverage;
  const st = (k: string) => n(c.byStatus[k] ?? 0);
  const m = machine();
  return `## Coverage dashboard (campaigns)

The data set adds one campaign (专项工作) to the tree above: \`bench/coverage.ts\` gives every assessed
organization of the 50,000 (organ committees, general branches, branches) an assessment with
${REQ} requirement items: **${n(c.assessments)} assessments and ${n(c.items)} assessment_item rows**, in a spread of
statuses (${st('not_started')} not started, ${st('in_progress')} in progress, ${st('submitted')} submitted, ${st('returned')} returned,
${st('accepted')} accepted; ${n(c.failedItems)} failed items) with dates over 60 days. The summaries the dashboard reads are
computed after the inserts with GROUP BY over the closure table (like \`summary.initialize\`) and checked
against the rows: ${n(c.rollupRows)} \`campaign_rollup\` rows (ancestor × tier × status), ${n(c.failedRows)} \`campaign_failed\`
rows (ancestor × requirement) and ${n(c.progressRows)} \`campaign_progress\` rows (one per ancestor and day on which
something in its subtree changed, plus the first day, as the services leave them). Items use synthetic
requirement codes BR-01 … BR-40 (BR-01 fails most) against the Jinhua standard version.
${withCov.map((d) => (results[d]!.coverage!.cached ? `${NAME[d]}: reused from the cached file` : `${NAME[d]}: built in ${fmtDuration(results[d]!.coverage!.buildMs)}`)).join('; ')}.

Scopes: the **root** (${n(t.rootAssessments)} assessments, ${n(t.rootChildren)} direct children in the by-child table),
the **organ committee** used above (${t.organ.name}: ${n(t.organ.assessments)} assessments) and a small
**general branch** subtree (${t.small.name}: ${n(t.small.assessments)} assessments). Each line is sequential HTTP
requests as the work-committee admin of the root (the whole path: login session, access checks, the
summaries, JSON), as in (c). Budget: p95 < ${BUDGETS.dashboard.ms} ms on both databases.

Machine: ${m.CPUs}, ${m.Memory}, ${m.OS}, Node ${m.Node}; SQLite ${results.sqlite?.version ?? 'not run'}, PostgreSQL ${results.postgresql?.version ?? 'not run'}
(${DIALECTS.filter((d) => results[d]).map((d) => `${NAME[d]} run ${results[d]!.when.slice(0, 16).replace('T', ' ')} UTC, load average ${results[d]!.loadAvg.map((x) => x.toFixed(1)).join(' / ')}`).join('; ')}).

${resultTables(results, ['coverage'])}
${keptNotes(existing, COVERAGE_NOTES_START, COVERAGE_NOTES_END, `${COVERAGE_NOTES_START}\n(Hand-written notes on the coverage results go here; kept when the page is rewritten.)\n${COVERAGE_NOTES_END}`)}

`;
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
- (c) starts the app as \`npm start\` does (${any.memory.command ? `\`${any.memory.command}\`` : 'its server command'}, read from \`package.json\`), on
  127.0.0.1 in a process of its own over the bench database, logs in through
  \`POST /api/auth/login\` as a work-committee admin bound to the root organization (and, for one
  line, as a system admin without an organization, like the \`admin\` account made at first start)
  and sends requests one after another from the bench's own process with \`fetch\`. Times include HTTP,
  JSON serialization and the client's parsing.
- (d) runs a few fetch loops at once for a few seconds against the same server.
- (f), (g) and (h) have their own sections below: the coverage dashboard, and the public site and
  notices (with the bare Fastify baselines of (g)).
- Server memory is that of the app's process alone, read from \`/proc/<pid>/status\`: \`VmRSS\` (resident
  now: anonymous memory such as the JS heap, malloc and SQLite's page cache, plus file-backed pages such
  as the node binary and shared libraries) after (c) to (h), and \`VmHWM\` (the highest RSS it reached).
  The repository calls of (a) and (b), the bare baseline of (g), the data load and the HTTP client all
  run in other processes. PostgreSQL's own memory is not counted (it is the database, not the server).

Page 50 of a small scope is past its end (0 rows): it still measures what the query has to scan.

## Latest results

${earlier.length ? `> ${earlier.map((d) => `${NAME[d]} results are from an earlier run (${results[d]!.when.slice(0, 16).replace('T', ' ')} UTC)`).join('; ')}: this run skipped it.\n\n` : ''}| | |
|---|---|
| Date | ${DIALECTS.filter((d) => results[d]).map((d) => `${NAME[d]} ${results[d]!.when.slice(0, 16).replace('T', ' ')}`).join(', ')} UTC |
${Object.entries(m).map(([k, v]) => `| ${k} | ${v} |`).join('\n')}
| SQLite | ${results.sqlite?.version ?? 'not run'} (better-sqlite3, WAL, synchronous=NORMAL, the page cache set in \`server/src/platform/db/connect.ts\`) |
| PostgreSQL | ${results.postgresql?.version ?? 'not run'}${results.postgresql ? ' (throwaway cluster or DATABASE_URL; fsync=off, default shared_buffers; ANALYZE after the load)' : ''} |
| Load average (1 min) at start / end of the measurements (sampled every 5 s during them) | ${DIALECTS.filter((d) => results[d]?.loadAvg).map((d) => `${NAME[d]} ${loadText(results[d]!)}`).join('; ') || 'not recorded'} |
| Command | \`npm run bench${argsText ? ` -- ${argsText}` : ''}\` |

The machine has ${os.availableParallelism()} cores and is shared with other work (another developer's
builds and tests may run at the same time; a load average above ${os.availableParallelism()} means they did), so single
numbers can be noisy: compare p50s, and re-run before drawing conclusions from one p95 or max.

${resultTables(results)}
${coverageSection(results, existing)}${contentSection(results, existing)}## Budgets

- Subtree dashboard (the stats and totals lines, and the coverage dashboard and its lists) < ${BUDGETS.dashboard.ms} ms at p95, on both databases.
- Member list page < ${BUDGETS.list.ms} ms (judged here at p95).
- Server RSS < ${BUDGETS.rssMb} MB.
- Public article page, portal and member inbox: at least half the throughput of a bare Fastify route doing the same read (ratio ≤ ${PAIR_RATIO}).
- A notice to 1,000,000 members writes no per-member rows at send time (checked: the run stops otherwise).

${budgetSummary(results).join('\n')}

## Notes on the results

${keptNotes(existing)}

## Running it

\`\`\`sh
npm run bench                      # SQLite, then PostgreSQL when available
npm run bench -- --sqlite-only     # skip PostgreSQL
npm run bench -- --postgres-only   # skip SQLite (its last saved results are reported)
npm run bench -- --fresh           # reload the SQLite file instead of reusing bench/out/
npm run bench -- --members=100000  # a smaller data set, for trying the harness (budgets are for 1,000,000)
npm run bench -- --no-coverage     # without the coverage-dashboard campaign of (f)
npm run bench -- --only=site,notice  # only (g) and (h) (groups: subtree,list,http,coverage,site,notice)
\`\`\`

- The loaded SQLite file is cached in \`bench/out/\` (gitignored) with the key that encrypted its ID
  numbers; a re-run reuses it and says so. It is reloaded by itself when the migrations, the demo
  generator or the member columns changed since. A load of 1,000,000 members takes about 3 minutes.
- PostgreSQL: with \`DATABASE_URL\` set, a fresh database \`zhendi_bench_<pid>\` is created in that
  server and dropped at the end; otherwise, when \`/usr/lib/postgresql/15/bin/initdb\` exists, a
  throwaway cluster is started in a temp directory owned by \`postgres\` (DESIGN section 4) and
  stopped at the end, also on failure or Ctrl-C. PostgreSQL is loaded on every run.
- \`--explain\` also writes the plans of the main queries (exactly the SQL the repositories send) to
  \`bench/out/plans-sqlite.txt\` and \`plans-postgresql.txt\` (EXPLAIN QUERY PLAN; EXPLAIN ANALYZE),
  with each statement's time alone; for (f), every SELECT that one dashboard or list call sends
  through the real services, so a slow line can be traced to one statement.
- The coverage campaign of (f) (\`bench/coverage.ts\`) is built after the member load (seconds on
  SQLite, about a minute on PostgreSQL) and kept in the cached SQLite file; bump its \`VERSION\` when
  the generator changes and the next run rebuilds it.
- The content data of (g) and (h) (\`bench/content.ts\`) is built after the coverage campaign (seconds
  on SQLite) and kept in the cached SQLite file (a \`setting\` row holds its version); notices that (h)
  sent are deleted again at the start of the next run.
- \`--report-only\` rewrites this page from the results saved in \`bench/out/\` without measuring.
- Other options: \`--iterations=N\` (repository calls, default 50), \`--requests=N\` (sequential HTTP
  requests, default 200), \`--concurrency=N\` and \`--seconds=N\` for (d).
`;
}

const PAIR_RATIO = 2;
const ratio = (p: PairResult) => p.bare.perSecond / p.real.perSecond;
const CONTENT_NOTES_START = '<!-- content-notes:start -->';
const CONTENT_NOTES_END = '<!-- content-notes:end -->';

/** (g) and (h): the content data, the throughput pairs, the send to the whole tree. */
function contentSection(results: Partial<Record<Dialect, DbResult>>, existing: string | null): string {
  const withC = DIALECTS.filter((d) => results[d]?.content && (results[d]!.pairs?.length || results[d]!.send));
  const any = withC.map((d) => results[d]!)[0];
  if (!any?.content) return '';
  const c = any.content;
  const out: string[] = [`## Public site and notices

The data set adds \`bench/content.ts\` to the tree above: **${n(c.columns)} columns** (the work committee's
portal column and one for every 5th organ committee) with **${n(c.articles)} articles** (${n(c.published)} visible now;
the rest drafts, pending review or scheduled), bodies of 3–6 KB of HTML passed through the server's
sanitizer; **${n(c.accounts)} member accounts** (role member, linked to every 10th active member; the reach
summaries \`org.member_account_count\` recomputed with the statement of migration 0006); **${n(c.notices)} notices**
over 60 days (${n(c.noticeTargets)} targets: 20 to the whole tree, the others to organ committees' subtrees, every
9th to members holding a post) with **${n(c.reads)} receipts** (\`notice_read\`, a seeded 5–30 % of the reached
members for whole-tree notices, 20–80 % for the others) and ${n(c.orgStatRows)} \`notice_org_stat\` rows computed from
them with GROUP BY, so the summaries agree with the receipts.
${withC.map((d) => (results[d]!.content!.cached ? `${NAME[d]}: reused from the cached file` : `${NAME[d]}: built in ${fmtDuration(results[d]!.content!.buildMs)}`)).join('; ')}.

**(g)** The client logs in through \`POST /api/auth/login\` as ${any.targets.content?.members.length ?? 20} member accounts (10 spread over all account
holders, 10 under the targets of subtree notices) and runs the same fetch loops as (d) (${any.pairs?.[0]?.concurrency ?? 8} loops ×
${any.pairs?.[0]?.seconds ?? 5} s) first against the app and then against a bare Fastify 5 instance (\`bench/bare.ts\`), which runs,
like the app, in a process of its own on the same Kysely and driver: no plugins, hooks, session, schemas or CSP, only
the database read and a minimal response. Articles are requested in turn from ${any.targets.content?.articleIds.length ?? 100} visible ones
spread over all columns; inbox requests rotate over the member accounts (the bare inbox takes the member
id from the query string and runs the inbox's SQL through the app's own \`noticeRepo\`). Before each pair is timed, both
sides are warmed over the whole rotation (every article, every member), so neither pays for cold reads. The ratio is bare
÷ app requests/s; the aim is ≤ ${PAIR_RATIO}. The client shares the 2 cores with the server, so the bare routes'
numbers are partly bounded by the client: the ratios are, if anything, flattered.
`];
  out.push('| Database | Page | App req/s (p50 ms) | Bare route | Bare req/s (p50 ms) | Ratio | Verdict | Notes |', '|---|---|---:|---|---:|---:|---|---|');
  for (const d of withC) {
    for (const p of results[d]!.pairs ?? []) {
      out.push(`| ${NAME[d]} | ${p.label} | ${Math.round(p.real.perSecond)} (${fmtMs(p.real.stat.p50)})${p.real.errors ? `, ${p.real.errors} errors` : ''} | ${p.bareLabel} | ${Math.round(p.bare.perSecond)} (${fmtMs(p.bare.stat.p50)}) | ${ratio(p).toFixed(2)} | ${p.diagnostic ? '– (diagnostic)' : verdict(ratio(p) <= PAIR_RATIO)} | ${p.detail} |`);
    }
  }
  out.push('', `**(h)** Right after (g), the work-committee admin of the root sends ${any.send?.sends ?? 3} notices to the root with
\`subtree: true\` (every organization, ${n(any.sizes.members)} members, of whom the ${n(any.send?.reached ?? 0)} with an account are reached) through
\`POST /api/notices\`, one after another; the client reads the row counts of \`notice_read\` and \`notice_org_stat\`
from the bare server before and after, and the run stops if the send wrote any. Then each member's first
inbox page must start with the new notice; then inbox latency (sequential, and ${any.pairs?.[0]?.concurrency ?? 8} concurrent loops) and the
notice's statistics page at the root (per covered organization: reach from the org summaries, reads from
\`notice_org_stat\`).
`);
  out.push('| Database | Sends | notice_read rows before → after | notice_org_stat rows before → after | notice_target rows of the notice | Orgs in its statistics (covered, with members) | Inboxes with the notice on top |', '|---|---:|---|---|---:|---:|---|');
  for (const d of withC) {
    const s = results[d]!.send;
    if (s) out.push(`| ${NAME[d]} | ${s.sends} | ${n(s.before.noticeRead)} → ${n(s.after.noticeRead)} (${s.after.noticeRead - s.before.noticeRead} new) | ${n(s.before.noticeOrgStat)} → ${n(s.after.noticeOrgStat)} | ${s.after.targetsOfNotice} | ${n(s.orgs)} | ${s.inboxTopOk} of ${s.inboxMembers} |`);
  }
  out.push('', resultTables(results, ['notice']), keptNotes(existing, CONTENT_NOTES_START, CONTENT_NOTES_END, `${CONTENT_NOTES_START}\n(Hand-written notes on (g) and (h) go here; kept when the page is rewritten.)\n${CONTENT_NOTES_END}`), '', '');
  return out.join('\n');
}
