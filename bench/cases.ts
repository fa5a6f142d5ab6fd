// What is measured, with which budget (DESIGN section 5), and the shapes of the results.
import type { OrgRepo } from '../server/src/modules/org/org.repo.js';
import type { MemberRepo } from '../server/src/modules/member/member.repo.js';
import type { Targets } from './dataset.js';
import type { CoverageInfo } from './coverage.js';
import type { ContentInfo } from './content.js';
import type { PairResult, SendResult } from './site-http.js';
import { fmtMs, type Stat } from './measure.js';

export type BudgetKind = 'dashboard' | 'list';
export const BUDGETS = {
  dashboard: { ms: 200, text: 'subtree dashboard < 200 ms at p95' },
  list: { ms: 50, text: 'member list page < 50 ms at p95' },
  rssMb: 300,
} as const;

export interface CaseResult { id: string; group: string; label: string; budget: BudgetKind | null; stat: Stat; detail: string }
export interface ConcurrentResult { id: string; label: string; concurrency: number; seconds: number; perSecond: number; stat: Stat; errors: number }
export interface DbResult {
  dialect: 'sqlite' | 'postgresql';
  version: string;
  when: string;
  /** The arguments of the run that produced this result (set by run.ts). */
  command?: string;
  sizes: { orgs: number; members: number; committeeTerms: number; committeeSeats: number };
  load: { ms: number; cached: boolean; loadedAt: string; note?: string };
  targets: Targets;
  cases: CaseResult[];
  concurrent: ConcurrentResult[];
  /** 1-minute load average of the machine when the measurements started and ended (2 cores: above 2 is contention). */
  loadAvg: [number, number];
  /** The 1-minute load average sampled every 5 s while the server process measured (`uptime`'s first number). */
  loadDuring?: { min: number; max: number; mean: number; samples: number };
  /** The app's own process (bench/processes.ts, MB); results saved before it had one carry heapUsedMb and afterRepo instead. */
  memory: { rssMb: number; maxRssMb: number; anonMb?: number; fileMb?: number; launcherMb?: number; command?: string; heapUsedMb?: number; checkpoints: { start: number; afterRepo?: number; afterHttp?: number; peakHttp?: number; peakSite?: number } };
  /** The coverage-dashboard campaign measured in (f), when there was one. */
  coverage?: CoverageInfo;
  /** The content data of (g) and (h), their throughput pairs and the send to the whole tree. */
  content?: ContentInfo;
  pairs?: PairResult[];
  send?: SendResult | null;
}

/** One result as a console line. */
export const caseLine = (r: CaseResult) =>
  `  ${r.label.padEnd(84)} p50 ${fmtMs(r.stat.p50).padStart(6)}  p95 ${fmtMs(r.stat.p95).padStart(6)}${r.stat.p99 === undefined ? '' : `  p99 ${fmtMs(r.stat.p99).padStart(6)}`}  max ${fmtMs(r.stat.max).padStart(6)} ms  (n=${r.stat.n}; ${r.detail})`;

export const GROUPS = {
  subtree: '(a) Subtree member count',
  list: '(b) Member list page (pageSize 20)',
  http: '(c) Whole HTTP path, sequential requests (client in another process)',
  coverage: '(f) Coverage dashboard: one campaign over the whole tree, 40 items per assessment (HTTP, sequential)',
  site: '(g) Public site and member inbox against a bare Fastify route doing the same read (throughput)',
  notice: '(h) A notice to the whole tree (1,000,000 members): send, then inbox and statistics',
} as const;

export interface RepoCtx { orgRepo: OrgRepo; memberRepo: MemberRepo; t: Targets }
export interface RepoCase { id: string; group: keyof typeof GROUPS; label: string; budget: BudgetKind | null; run(): Promise<string> }

const n = (x: number) => x.toLocaleString('en');

/** Repository calls, exactly the ones the API services make. */
export function repoCases({ orgRepo, memberRepo, t }: RepoCtx): RepoCase[] {
  const scopes = [
    { key: 'root', id: t.rootId, what: 'root (whole tree)' },
    { key: 'organ', id: t.organ.id, what: `organ committee (${n(t.organ.orgs)} orgs, ${n(t.organ.members)} members)` },
    { key: 'branch', id: t.branch.id, what: `branch (${n(t.branch.orgs)} org${t.branch.orgs > 1 ? 's' : ''}, ${n(t.branch.members)} members)` },
  ];
  const cases: RepoCase[] = [];
  for (const s of scopes) {
    cases.push({
      id: `totals.${s.key}`, group: 'subtree', budget: 'dashboard', label: `orgRepo.subtreeMemberTotals, ${s.what}`,
      run: async () => { const r = await orgRepo.subtreeMemberTotals(s.id); return `${n(r.members)} members, ${n(r.orgs)} org${r.orgs === 1 ? '' : 's'}`; },
    });
  }
  for (const s of scopes) {
    cases.push({
      id: `count.${s.key}`, group: 'subtree', budget: null, label: `memberRepo.count({status:'active'}) raw COUNT, ${s.what.replace(/ \(.*/, '')}`,
      run: async () => `${n(await memberRepo.count({ scopeOrgId: s.id, status: 'active' }))} members`,
    });
  }
  for (const s of scopes) {
    for (const page of [1, 50]) {
      cases.push({
        id: `list.${s.key}.${page}`, group: 'list', budget: 'list', label: `memberRepo.list, ${s.what.replace(/ \(.*/, '')}, page ${page}`,
        run: async () => `${(await memberRepo.list({ scopeOrgId: s.id, status: 'active' }, (page - 1) * 20, 20)).length} rows`,
      });
    }
  }
  const search = { scopeOrgId: t.rootId, q: 'zs' };
  cases.push(
    { id: 'search.list', group: 'list', budget: null, label: "memberRepo.list q='zs' (pinyin initials), root, page 1", run: async () => `${(await memberRepo.list(search, 0, 20)).length} rows` },
    { id: 'search.count', group: 'list', budget: null, label: "memberRepo.count q='zs', root (the page's total)", run: async () => `${n(await memberRepo.count(search))} matches` },
    {
      id: 'search.page', group: 'list', budget: 'list', label: "search page as the service runs it (list + count in parallel), q='zs', root",
      run: async () => { const [rows, total] = await Promise.all([memberRepo.list(search, 0, 20), memberRepo.count(search)]); return `${rows.length} rows of ${n(total)}`; },
    },
  );
  return cases;
}

export interface HttpCase { id: string; label: string; budget: BudgetKind | null; path: string; as: 'wc' | 'sys'; requests?: number; group?: 'http' | 'coverage' }

/** HTTP requests; `wc` is a work-committee admin bound to the root org, `sys` the system-wide admin (no org). */
export function httpCases(t: Targets): HttpCase[] {
  return [
    { id: 'http.members', label: 'GET /api/members?status=active&pageSize=20', budget: 'list', path: '/api/members?status=active&pageSize=20', as: 'wc' },
    { id: 'http.members.50', label: 'GET /api/members?status=active&pageSize=20&page=50', budget: 'list', path: '/api/members?status=active&pageSize=20&page=50', as: 'wc' },
    {
      id: 'http.members.ui', label: 'GET /api/members?orgId=<root>&page=1&pageSize=20 (no status filter: the page with “all statuses” chosen)', budget: 'list',
      path: `/api/members?orgId=${t.rootId}&page=1&pageSize=20`, as: 'wc', requests: 40,
    },
    { id: 'http.search', label: "GET /api/members?q=zs&pageSize=20 (pinyin-initials search)", budget: 'list', path: '/api/members?q=zs&pageSize=20', as: 'wc', requests: 40 },
    { id: 'http.stats', label: 'GET /api/orgs/<root>/stats (dashboard counts)', budget: 'dashboard', path: `/api/orgs/${t.rootId}/stats`, as: 'wc' },
    {
      id: 'http.members.sys', label: 'GET /api/members?status=active&pageSize=20 as the system admin (account without org)', budget: 'list',
      path: '/api/members?status=active&pageSize=20', as: 'sys', requests: 40,
    },
    ...coverageCases(t),
  ];
}

/** (f): the coverage dashboard of the bench campaign at three levels, and the drill-down lists behind its numbers. */
export function coverageCases(t: Targets): HttpCase[] {
  const c = t.coverage;
  if (!c) return [];
  const base = `/api/campaigns/${c.campaignId}`;
  const group = 'coverage' as const;
  return [
    { id: 'cov.dash.root', group, budget: 'dashboard', as: 'wc', label: `GET ${'/api/campaigns/:id'}/dashboard, root (${n(c.rootAssessments)} assessments, ${n(c.rootChildren)} children)`, path: `${base}/dashboard` },
    { id: 'cov.dash.organ', group, budget: 'dashboard', as: 'wc', label: `GET …/dashboard?orgId=<organ committee> (${n(c.organ.assessments)} assessments)`, path: `${base}/dashboard?orgId=${c.organ.id}` },
    { id: 'cov.dash.small', group, budget: 'dashboard', as: 'wc', label: `GET …/dashboard?orgId=<general branch> (${n(c.small.assessments)} assessments)`, path: `${base}/dashboard?orgId=${c.small.id}` },
    { id: 'cov.list.returned', group, budget: 'dashboard', as: 'wc', label: 'GET …/assessments?status=returned, root (drill-down list, page 1 of 20)', path: `${base}/assessments?status=returned` },
    { id: 'cov.list.returned.organ', group, budget: 'dashboard', as: 'wc', label: 'GET …/assessments?status=returned&orgId=<organ committee>', path: `${base}/assessments?status=returned&orgId=${c.organ.id}` },
    { id: 'cov.list.failed', group, budget: 'dashboard', as: 'wc', label: 'GET …/assessments?failed=BR-01, root (drill-down from “most failed”)', path: `${base}/assessments?failed=BR-01`, requests: 40 },
  ];
}
