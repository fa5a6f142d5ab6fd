// Organizations as a closure table: every subtree question is an index lookup on org_closure.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, OrgRow } from '../../platform/db/types.js';
import { likeText } from '../../platform/db/connect.js';
import { dialectOf, likeEscape } from '../../platform/db/dialect.js';
import { createRootCache } from './org.scope.js';
import { emptyMemberStats, tallyMember, type MemberStatColumn, type OtherStatusCountColumn } from './org.member-stats.js';
import { refreshAccountCounts } from '../notice/notice.accounts.js';

type Q = Kysely<Database> | Transaction<Database>;

export function createOrgRepo(db: Kysely<Database>) {
  const isRoot = createRootCache(db);
  /** The orgs of a subtree as a filter on `o`: by root_id for a root, through the closure table below it. */
  const inSubtree = async (id: number) => (await isRoot(id))
    ? (eb: any) => eb('o.root_id', '=', id)
    : (eb: any) => eb('o.id', 'in', eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', id));
  return {
    isRoot,
    inSubtree,
    async byId(id: number, q: Q = db): Promise<OrgRow | undefined> {
      return q.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async byIds(ids: number[]): Promise<OrgRow[]> {
      if (ids.length === 0) return [];
      return db.selectFrom('org').selectAll().where('id', 'in', ids).execute();
    },
    async roots(): Promise<OrgRow[]> {
      return db.selectFrom('org').selectAll().where('parent_id', 'is', null).orderBy('sort_order').orderBy('id').execute();
    },
    async children(parentId: number, includeDissolved: boolean): Promise<OrgRow[]> {
      let qb = db.selectFrom('org').selectAll().where('parent_id', '=', parentId);
      if (!includeDissolved) qb = qb.where('status', '=', 'active');
      return qb.orderBy('sort_order').orderBy('id').execute();
    },
    /** Number of active children for each given org. */
    async childCounts(ids: number[]): Promise<Map<number, number>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('org').select(['parent_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('parent_id', 'in', ids).where('status', '=', 'active').groupBy('parent_id').execute();
      return new Map(rows.map((r) => [r.parent_id as number, Number(r.n)]));
    },
    /** Number of active children of each child of `id` (one join by parent, not an IN list of every child). */
    async grandchildCounts(id: number): Promise<Map<number, number>> {
      const rows = await db.selectFrom('org as c').innerJoin('org as p', 'p.id', 'c.parent_id')
        .select(['c.parent_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('p.parent_id', '=', id).where('c.status', '=', 'active').groupBy('c.parent_id').execute();
      return new Map(rows.map((r) => [r.parent_id as number, Number(r.n)]));
    },
    /** Ancestors from the root down, excluding the org itself. */
    async ancestors(id: number): Promise<{ id: number; name: string }[]> {
      return db.selectFrom('org_closure as c').innerJoin('org as o', 'o.id', 'c.ancestor_id')
        .select(['o.id', 'o.name']).where('c.descendant_id', '=', id).where('c.depth', '>', 0)
        .orderBy('c.depth', 'desc').execute();
    },
    async isAncestor(ancestorId: number, descendantId: number, q: Q = db): Promise<boolean> {
      const r = await q.selectFrom('org_closure').select('depth').where('ancestor_id', '=', ancestorId)
        .where('descendant_id', '=', descendantId).executeTakeFirst();
      return r !== undefined;
    },
    async subtreeMemberTotals(id: number): Promise<{ members: number; probationary: number; orgs: number }> {
      const r = await db.selectFrom('org as o')
        .select([
          (eb) => eb.fn.coalesce(eb.fn.sum<number>('o.member_count'), sql<number>`0`).as('members'),
          (eb) => eb.fn.coalesce(eb.fn.sum<number>('o.probationary_count'), sql<number>`0`).as('probationary'),
          (eb) => eb.fn.countAll<number>().as('orgs'),
        ])
        .where(await inSubtree(id)).where('o.status', '=', 'active').executeTakeFirstOrThrow();
      return { members: Number(r.members), probationary: Number(r.probationary), orgs: Number(r.orgs) };
    },
    /**
     * A member list's total from the per-org summaries: these columns (with their signs, see summaryTerms) summed
     * over the subtree of `scopeId`, or over every tree when null. Dissolved orgs are included, as the list shows
     * the members still recorded in them.
     */
    async memberSummaryTotal(scopeId: number | null, terms: [MemberStatColumn, 1 | -1][]): Promise<number> {
      const columns = [...new Set(terms.map(([c]) => c))];
      let qb = db.selectFrom('org as o').select(columns.map((c) => sql<number>`coalesce(sum(${sql.ref(`o.${c}`)}), 0)`.as(c)));
      if (scopeId !== null) qb = qb.where(await inSubtree(scopeId));
      const r = await qb.executeTakeFirstOrThrow() as Record<string, unknown>;
      return terms.reduce((total, [c, sign]) => total + sign * Number(r[c]), 0);
    },
    async countsByType(id: number): Promise<Record<string, number>> {
      const rows = await db.selectFrom('org as o')
        .select(['o.type', (eb) => eb.fn.countAll<number>().as('n')])
        .where(await inSubtree(id)).where('o.status', '=', 'active').groupBy('o.type').execute();
      return Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
    },
    /** Name search within the subtree of `scopeId` (or everywhere when null). */
    async search(scopeId: number | null, text: string, limit: number): Promise<OrgRow[]> {
      let qb = db.selectFrom('org as o').selectAll('o')
        .where((eb) => eb.or([likeText(sql.ref('o.name'), `%${likeEscape(text)}%`), likeText(sql.ref('o.short_name'), `%${likeEscape(text)}%`), eb('o.code', '=', text)]));
      if (scopeId !== null) {
        qb = qb.where('o.id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', scopeId));
      }
      return qb.orderBy('o.status').orderBy('o.name').limit(limit).execute();
    },
    /** Every active org of a subtree (for in-memory name resolution during imports). */
    async subtree(id: number, q: Q = db): Promise<OrgRow[]> {
      return q.selectFrom('org as o').selectAll('o')
        .where('o.id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', id))
        .where('o.status', '=', 'active').execute();
    },
    async insert(trx: Transaction<Database>, row: Omit<OrgRow, 'id' | 'member_account_count' | 'post_account_count' | OtherStatusCountColumn>): Promise<number> {
      const { id } = await trx.insertInto('org').values(row).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('org_closure').values({ ancestor_id: id, descendant_id: id, depth: 0 }).execute();
      if (row.parent_id !== null) {
        await trx.insertInto('org_closure')
          .columns(['ancestor_id', 'descendant_id', 'depth'])
          .expression((eb) => eb.selectFrom('org_closure').select(['ancestor_id', sql<number>`${id}`.as('d'), sql<number>`depth + 1`.as('depth')])
            .where('descendant_id', '=', row.parent_id!))
          .execute();
      }
      return id;
    },
    /** Re-hang a subtree: drop the links from its old ancestors, add links from the new ones. */
    async moveSubtree(trx: Transaction<Database>, id: number, newParentId: number, newRootId: number): Promise<void> {
      const sub = trx.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', id);
      await trx.deleteFrom('org_closure')
        .where('descendant_id', 'in', sub)
        .where('ancestor_id', 'not in', trx.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', id))
        .execute();
      await trx.insertInto('org_closure').columns(['ancestor_id', 'descendant_id', 'depth'])
        .expression((eb) => eb.selectFrom('org_closure as sup').innerJoin('org_closure as sub', (j) => j.on('sub.ancestor_id', '=', id))
          .select(['sup.ancestor_id', 'sub.descendant_id', sql<number>`sup.depth + sub.depth + 1`.as('depth')])
          .where('sup.descendant_id', '=', newParentId))
        .execute();
      await trx.updateTable('org').set({ parent_id: newParentId }).where('id', '=', id).execute();
      await trx.updateTable('org').set({ root_id: newRootId })
        .where('id', 'in', trx.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', id)).execute();
      await trx.updateTable('member').set({ root_id: newRootId })
        .where('org_id', 'in', trx.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', id)).execute();
    },
    /** Optimistic update: changes nothing and answers false when the version moved on. */
    async update(trx: Transaction<Database>, id: number, version: number, patch: Partial<OrgRow>): Promise<boolean> {
      const r = await trx.updateTable('org').set({ ...patch, version: version + 1 })
        .where('id', '=', id).where('version', '=', version).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async activeDescendantCount(id: number, q: Q = db): Promise<number> {
      const r = await q.selectFrom('org_closure as c').innerJoin('org as o', 'o.id', 'c.descendant_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('c.ancestor_id', '=', id).where('c.depth', '>', 0).where('o.status', '=', 'active').executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async addEvent(q: Q, e: Database['org_event'] extends infer T ? Omit<{ [K in keyof T]: any }, 'id'> : never) {
      await q.insertInto('org_event').values(e).execute();
    },
    async events(orgId: number) {
      return db.selectFrom('org_event').selectAll().where('org_id', '=', orgId).orderBy('id', 'desc').limit(200).execute();
    },
    /**
     * Recount the per-org member summaries (org.member-stats.ts) of these orgs from their rows, inside the
     * transaction of every write that adds members or changes a member's status, category or org.
     */
    async refreshMemberCounts(q: Q, orgIds: number[]): Promise<void> {
      const ids = [...new Set(orgIds)].sort((a, b) => a - b);
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        // PostgreSQL: lock the org rows first (in id order), so the count below, a new statement, sees every
        // committed write; without it two writers to one org each count without the other's member. NO KEY: the
        // member rows' foreign keys hold KEY SHARE locks on these orgs, which FOR UPDATE would deadlock with.
        if (dialectOf(q) === 'postgresql') await q.selectFrom('org').select('id').where('id', 'in', chunk).orderBy('id').forNoKeyUpdate().execute();
        const rows = await q.selectFrom('member').select(['org_id', 'status', 'category', (eb) => eb.fn.countAll<number>().as('n')])
          .where('org_id', 'in', chunk).groupBy(['org_id', 'status', 'category']).execute();
        const stats = new Map(chunk.map((id) => [id, emptyMemberStats()]));
        for (const r of rows) tallyMember(stats.get(r.org_id)!, r.status, r.category, Number(r.n));
        for (const [id, s] of stats) await q.updateTable('org').set(s).where('id', '=', id).execute();
      }
      await refreshAccountCounts(q, orgIds);
    },
  };
}
export type OrgRepo = ReturnType<typeof createOrgRepo>;
