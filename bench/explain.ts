// `--explain`: the query plans of some measured calls. The repositories run on a Kysely that records
// each compiled query, so the plans are those of the exact SQL the API sends, not of a copy.
import { CompiledQuery, type Kysely, type KyselyPlugin, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Database } from '../server/src/platform/db/types.js';
import type { Db } from '../server/src/platform/db/connect.js';
import { createOrgRepo } from '../server/src/modules/org/org.repo.js';
import { createMemberRepo } from '../server/src/modules/member/member.repo.js';
import { repoCases } from './cases.js';
import type { Targets } from './dataset.js';
import { createServices } from '../server/src/services.js';
import { loadConfig } from '../server/src/platform/config.js';
import { createCipher } from '../server/src/platform/crypto.js';
import { systemClock } from '../server/src/platform/clock.js';
import type { Actor } from '../server/src/platform/actor.js';
import { createNoticeRepo } from '../server/src/modules/notice/notice.repo.js';

/** Cases worth a plan: the slow or budget-relevant ones. */
const EXPLAINED = ['totals.root', 'count.root', 'list.root.1', 'list.organ.1', 'search.list', 'search.count'];

function recorder(kysely: Kysely<Database>) {
  const seen: CompiledQuery[] = [];
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      if (args.node.kind === 'SelectQueryNode') seen.push(kysely.getExecutor().compileQuery(args.node as RootOperationNode, args.queryId));
      else if (args.node.kind === 'RawNode') { // sql`select …` of the notice statistics
        const q = kysely.getExecutor().compileQuery(args.node as RootOperationNode, args.queryId);
        if (/^\s*select\b/i.test(q.sql)) seen.push(q);
      }
      return args.node;
    },
    async transformResult(args): Promise<QueryResult<UnknownRow>> { return args.result; },
  };
  return { seen, kysely: kysely.withPlugin(plugin) };
}

/** Median time of a query run alone (5 runs after one warm-up), in ms. */
async function timeQuery(db: Db, q: CompiledQuery): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    await db.kysely.executeQuery(CompiledQuery.raw(q.sql, [...q.parameters]));
    if (i > 0) samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[2]!;
}

async function plans(db: Db, label: string, queries: readonly CompiledQuery[], out: string[]) {
  for (const q of queries) {
    const prefix = db.dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers) ';
    const r = await db.kysely.executeQuery(CompiledQuery.raw(prefix + q.sql, [...q.parameters]));
    const lines = (r.rows as Record<string, unknown>[]).map((row) => String(row.detail ?? row['QUERY PLAN'] ?? JSON.stringify(row)));
    out.push(`-- ${label} (alone: ${(await timeQuery(db, q)).toFixed(2)} ms median of 5)`, `${q.sql.replace(/(?:(?:\?|\$\d+), ){20,}(?:\?|\$\d+)/g, (m) => `${m.slice(0, 12)}… ${m.split(',').length} placeholders …`)}`, `-- parameters: ${shownParams(q.parameters)}`, ...lines.map((l) => `   ${l}`), '');
  }
}
/** Long IN lists (2,000 child ids) shortened in the file. */
function shownParams(p: readonly unknown[]): string {
  return p.length <= 20 ? JSON.stringify(p) : `${JSON.stringify(p.slice(0, 10)).slice(0, -1)}, … ${p.length - 12} more …, ${JSON.stringify(p.slice(-2)).slice(1)} (${p.length} parameters)`;
}

export async function explain(db: Db, t: Targets): Promise<string> {
  const rec = recorder(db.kysely);
  const cases = repoCases({ orgRepo: createOrgRepo(rec.kysely), memberRepo: createMemberRepo(rec.kysely), t }).filter((c) => EXPLAINED.includes(c.id));
  const out: string[] = [];
  for (const c of cases) {
    rec.seen.length = 0;
    await c.run();
    await plans(db, c.label, [...rec.seen], out);
  }
  if (t.coverage) await explainCoverage(db, t, out);
  if (t.content) await explainContent(db, t, out);
  return out.join('\n');
}

/**
 * (f): every SELECT the dashboard and list services send for one request, through the real services on a
 * recording Kysely, with each query's time alone, so a slow line can be traced to one statement.
 */
async function explainCoverage(db: Db, t: Targets, out: string[]) {
  const c = t.coverage!;
  const rec = recorder(db.kysely);
  const config = loadConfig({ ...process.env, ZHENDI_LOG_LEVEL: 'silent' });
  const services = createServices({ db: { ...db, kysely: rec.kysely }, config, clock: systemClock, cipher: createCipher(Buffer.alloc(32)) });
  const actor: Actor = { accountId: 0, username: 'bench_explain', displayName: 'bench', role: 'work_committee_admin', orgId: t.rootId, memberId: null, ip: null, requestId: null };
  const calls: [string, () => Promise<unknown>][] = [
    ['dashboard, root', () => services.dashboards.dashboard(actor, c.campaignId)],
    ['dashboard, organ committee', () => services.dashboards.dashboard(actor, c.campaignId, c.organ.id)],
    ['assessments?status=returned, root', () => services.dashboards.list(actor, c.campaignId, { status: 'returned' })],
    ['assessments?failed=BR-01, root', () => services.dashboards.list(actor, c.campaignId, { failed: 'BR-01' })],
  ];
  for (const [label, call] of calls) {
    await call();
    rec.seen.length = 0;
    const t0 = performance.now();
    await call();
    const ms = performance.now() - t0;
    out.push(`==== (f) ${label}: ${ms.toFixed(1)} ms for the whole service call, ${rec.seen.length} SELECTs`, '');
    await plans(db, `(f) ${label}`, [...rec.seen], out);
  }
}

/** (g)/(h): the inbox's three queries for one member and the statistics of the newest whole-tree notice. */
async function explainContent(db: Db, t: Targets, out: string[]) {
  const rec = recorder(db.kysely);
  const repo = createNoticeRepo(rec.kysely);
  const m = t.content!.members[0]!;
  const member = await db.kysely.selectFrom('member').select(['id', 'org_id', 'post']).where('id', '=', m.memberId).executeTakeFirstOrThrow();
  const r = { memberId: member.id, orgId: member.org_id, hasPost: !!member.post?.trim() };
  const whole = await db.kysely.selectFrom('notice_target').select('notice_id').where('org_id', '=', t.rootId).orderBy('notice_id', 'desc').limit(1).executeTakeFirst();
  const calls: [string, () => Promise<unknown>][] = [
    ['(g) inbox page, first member', () => repo.inbox(r, undefined, 21)],
    ['(g) inbox reminded, first member', () => repo.remindedUnread(r, 10)],
    ['(g) inbox unread count, first member', () => repo.unreadCount(r)],
  ];
  if (whole) calls.push([`(h) stats of whole-tree notice ${whole.notice_id}, root, by rate`, () => repo.stats(whole.notice_id, 'all', { sort: 'rate', order: 'asc', limit: 50, offset: 0 })]);
  for (const [label, call] of calls) {
    await call();
    rec.seen.length = 0;
    const t0 = performance.now();
    await call();
    out.push(`==== ${label}: ${(performance.now() - t0).toFixed(1)} ms for the repository call, ${rec.seen.length} SELECTs`, '');
    await plans(db, label, [...rec.seen], out);
  }
}
