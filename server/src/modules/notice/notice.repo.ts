// Notice queries. A notice covers an org when one of its targets is that org, or an ancestor-or-self of it with
// subtree = 1 (closure table). The inbox, the receipts and the per-org statistics all read through that rule.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/types.js';

type Q = Kysely<Database> | Transaction<Database>;

/** The org summary column counting whom a notice reaches: members with an active account, or those of them with a post. */
export const reachedColumn = (audience: string) => (audience === 'post' ? 'post_account_count' : 'member_account_count');
export interface Reader { memberId: number; orgId: number; hasPost: boolean }
export type StatSort = 'name' | 'reached' | 'read' | 'rate';

/** Notice ids whose targets cover `orgId` (index: notice_target(org_id, notice_id, subtree)). */
const coveringIds = (db: Q, orgId: number) => db.selectFrom('notice_target as t')
  .innerJoin('org_closure as c', 'c.ancestor_id', 't.org_id')
  .select('t.notice_id')
  .where('c.descendant_id', '=', orgId)
  .where((eb) => eb.or([eb('t.subtree', '=', 1), eb('c.depth', '=', 0)]));

/** The orgs a notice covers (subtree targets expanded through the closure table), as a SQL fragment. */
const coveredOrgs = (noticeId: number) => sql`(
  select c.descendant_id as org_id from notice_target t join org_closure c on c.ancestor_id = t.org_id
    where t.notice_id = ${noticeId} and t.subtree = 1
  union
  select t.org_id from notice_target t where t.notice_id = ${noticeId} and t.subtree = 0
)`;

export function createNoticeRepo(db: Kysely<Database>) {
  const inboxBase = (r: Reader) => db.selectFrom('notice as n')
    .innerJoin('org as so', 'so.id', 'n.sender_org_id')
    .leftJoin('notice_read as r', (j) => j.onRef('r.notice_id', '=', 'n.id').on('r.member_id', '=', r.memberId))
    .select(['n.id', 'n.kind', 'n.title', 'n.sent_at', 'so.name as sender_org_name', 'r.read_at'])
    .select((eb) => eb.exists(eb.selectFrom('notice_remind as rm')
      .innerJoin('org_closure as rc', 'rc.ancestor_id', 'rm.org_id')
      .select('rm.id').whereRef('rm.notice_id', '=', 'n.id').where('rc.descendant_id', '=', r.orgId)).as('reminded'))
    .where('n.id', 'in', coveringIds(db, r.orgId))
    .$if(!r.hasPost, (q) => q.where('n.audience', '=', 'all'));

  return {
    byId: (id: number) => db.selectFrom('notice as n').innerJoin('org as so', 'so.id', 'n.sender_org_id')
      .selectAll('n').select('so.name as sender_org_name').where('n.id', '=', id).executeTakeFirst(),

    /** Notices sent from orgs in the subtree of `scopeOrgId` (all when null), newest first, by key; no bodies. */
    sent: (scopeOrgId: number | null, before: number | undefined, limit: number) => db.selectFrom('notice as n')
      .innerJoin('org as so', 'so.id', 'n.sender_org_id')
      .select(['n.id', 'n.kind', 'n.audience', 'n.title', 'n.sender_org_id', 'so.name as sender_org_name', 'n.target_summary', 'n.sent_by_name',
        'n.sent_at', 'n.read_count', 'n.remind_count', 'n.last_reminded_at'])
      .$if(scopeOrgId !== null, (q) => q.where('n.sender_org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', scopeOrgId!)))
      .$if(before !== undefined, (q) => q.where('n.id', '<', before!))
      .orderBy('n.id', 'desc').limit(limit).execute(),

    inbox: (r: Reader, before: number | undefined, limit: number) => inboxBase(r)
      .$if(before !== undefined, (q) => q.where('n.id', '<', before!))
      .orderBy('n.id', 'desc').limit(limit).execute(),
    remindedUnread: (r: Reader, limit: number) => inboxBase(r).where('r.read_at', 'is', null)
      .where((eb) => eb.exists(eb.selectFrom('notice_remind as rm').innerJoin('org_closure as rc', 'rc.ancestor_id', 'rm.org_id')
        .select('rm.id').whereRef('rm.notice_id', '=', 'n.id').where('rc.descendant_id', '=', r.orgId)))
      .orderBy('n.last_reminded_at', 'desc').orderBy('n.id', 'desc').limit(limit).execute(),
    async unreadCount(r: Reader): Promise<number> {
      const row = await db.selectFrom('notice as n')
        .leftJoin('notice_read as r', (j) => j.onRef('r.notice_id', '=', 'n.id').on('r.member_id', '=', r.memberId))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('n.id', 'in', coveringIds(db, r.orgId)).where('r.read_at', 'is', null)
        .$if(!r.hasPost, (q) => q.where('n.audience', '=', 'all'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async covers(noticeId: number, r: Reader): Promise<boolean> {
      const row = await inboxBase(r).where('n.id', '=', noticeId).executeTakeFirst();
      return row !== undefined;
    },
    /** Writes the receipt once; the first read also counts in the per-org summary and the notice's total. */
    async markRead(trx: Transaction<Database>, noticeId: number, r: Reader, at: string): Promise<boolean> {
      const ins = await trx.insertInto('notice_read').values({ notice_id: noticeId, member_id: r.memberId, org_id: r.orgId, read_at: at })
        .onConflict((oc) => oc.columns(['notice_id', 'member_id']).doNothing()).returning('notice_id').executeTakeFirst();
      if (!ins) return false;
      await trx.insertInto('notice_org_stat').values({ notice_id: noticeId, org_id: r.orgId, read_count: 1 })
        .onConflict((oc) => oc.columns(['notice_id', 'org_id']).doUpdateSet({ read_count: sql`notice_org_stat.read_count + 1` })).execute();
      await trx.updateTable('notice').set({ read_count: sql`read_count + 1` }).where('id', '=', noticeId).execute();
      return true;
    },
    readAt: (noticeId: number, memberId: number) => db.selectFrom('notice_read').select('read_at')
      .where('notice_id', '=', noticeId).where('member_id', '=', memberId).executeTakeFirst(),

    /**
     * Per covered org with members: reach (members with an active account, from the org summary) and reads (from
     * notice_org_stat). Reads only summary rows: one per covered org.
     */
    async stats(noticeId: number, audience: string, q: { sort: StatSort; order: 'asc' | 'desc'; limit: number; offset: number }) {
      const reached = sql.ref(`o.${reachedColumn(audience)}`);
      const rows = sql<{ org_id: number; name: string; reached: number; read_n: number; rate: number | null }>`
        select o.id as org_id, o.name, ${reached} as reached, coalesce(s.read_count, 0) as read_n
        from ${coveredOrgs(noticeId)} cv
        join org o on o.id = cv.org_id
        left join notice_org_stat s on s.notice_id = ${noticeId} and s.org_id = o.id
        where o.member_count > 0 or s.read_count > 0`;
      const key = { name: sql`name`, reached: sql`reached`, read: sql`read_n`, rate: sql`case when reached > 0 then read_n * 1.0 / reached else 0 end` }[q.sort];
      // By read rate, orgs without account holders (nobody to remind) come last either way.
      const dir = q.order === 'asc' ? sql`asc` : sql`desc`;
      // One pass over the covered orgs: the totals ride along each row of the page as window sums. Only a page
      // past the end (no rows) needs a second read for them.
      const page = await sql<{ org_id: number; name: string; reached: number; read_n: number; t_orgs: number; t_reached: number; t_read: number }>`
        select x.*, count(*) over () as t_orgs, sum(reached) over () as t_reached, sum(read_n) over () as t_read
        from (${rows}) x order by ${q.sort === 'rate' ? sql`case when reached > 0 then 0 else 1 end, ` : sql``}${key} ${dir}, org_id asc
        limit ${q.limit} offset ${q.offset}`.execute(db);
      const first = page.rows[0];
      const t = first ? { orgs: first.t_orgs, reached: first.t_reached, read_n: first.t_read } : (await sql<{ orgs: number; reached: number; read_n: number }>`
        select count(*) as orgs, coalesce(sum(reached), 0) as reached, coalesce(sum(read_n), 0) as read_n from (${rows}) x`.execute(db)).rows[0];
      return {
        items: page.rows.map((r) => ({ orgId: Number(r.org_id), name: r.name, reached: Number(r.reached), read: Number(r.read_n) })),
        totals: { orgs: Number(t?.orgs ?? 0), reached: Number(t?.reached ?? 0), read: Number(t?.read_n ?? 0) },
      };
    },
    /** Whether `orgId` is covered by the notice (a reminder or a filter must stay inside it). */
    async coversOrg(noticeId: number, orgId: number): Promise<boolean> {
      const r = await sql`select 1 as x from ${coveredOrgs(noticeId)} cv where cv.org_id = ${orgId}`.execute(db);
      return r.rows.length > 0;
    },
    /**
     * Orgs covered by the targets with an enabled webhook: the chat groups a notice goes to. For a reminder, only
     * those inside the reminded org's subtree that still have members who have not read it.
     */
    async webhookOrgs(q: Q, noticeId: number, reminder?: { orgId: number; audience: string }): Promise<{ org_id: number; kind: string }[]> {
      const reached = sql.ref(`o.${reachedColumn(reminder?.audience ?? 'all')}`);
      const r = await sql<{ org_id: number; kind: string }>`select w.org_id, w.kind from notice_webhook w
        ${reminder ? sql`join org o on o.id = w.org_id left join notice_org_stat s on s.notice_id = ${noticeId} and s.org_id = w.org_id` : sql``}
        where w.enabled = 1 and w.org_id in (select org_id from ${coveredOrgs(noticeId)} cv)
        ${reminder ? sql`and w.org_id in (select descendant_id from org_closure where ancestor_id = ${reminder.orgId})
          and ${reached} > coalesce(s.read_count, 0)` : sql``}`.execute(q);
      return r.rows.map((x) => ({ org_id: Number(x.org_id), kind: x.kind }));
    },
  };
}
export type NoticeRepo = ReturnType<typeof createNoticeRepo>;
