// Reach of the whole membership under an org ("覆盖各支部和全体党员"): for the base profile and the assessment's
// automatic check. Reads the per-org summaries over the closure table and the newest notice covering the org.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import { reachedColumn } from './notice.repo.js';

export interface NoticeReach {
  /** Members in the roll in the subtree. */
  members: number;
  /** Of them, members with an active account: those a notice reaches. */
  withAccount: number;
  /** withAccount / members (0..1); null when the subtree has no members. */
  ratio: number | null;
  /** When the newest notice sent from inside the subtree, or covering the org, was sent; null: never. */
  lastNoticeAt: string | null;
  /** Read share of that notice among those it reached (0..1); null when no notice or nobody reached. */
  lastNoticeReadRatio: number | null;
}

export function createNoticeReach(db: Kysely<Database>) {
  return async function noticeReach(orgId: number): Promise<NoticeReach> {
    const t = await db.selectFrom('org_closure as c').innerJoin('org as o', 'o.id', 'c.descendant_id')
      .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('o.member_count'), sql<number>`0`).as('members'),
        eb.fn.coalesce(eb.fn.sum<number>('o.member_account_count'), sql<number>`0`).as('with_account')])
      .where('c.ancestor_id', '=', orgId).executeTakeFirstOrThrow();
    const members = Number(t.members);
    const withAccount = Number(t.with_account);
    // The newest notice that reaches into this subtree: sent from inside it, or targeting it or an ancestor.
    const last = await db.selectFrom('notice as n').select(['n.id', 'n.sent_at', 'n.audience'])
      .where((eb) => eb.or([
        eb('n.sender_org_id', 'in', eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId)),
        eb('n.id', 'in', eb.selectFrom('notice_target as t').innerJoin('org_closure as c', 'c.ancestor_id', 't.org_id')
          .select('t.notice_id').where('c.descendant_id', '=', orgId).where((e) => e.or([e('t.subtree', '=', 1), e('c.depth', '=', 0)]))),
      ]))
      .orderBy('n.id', 'desc').limit(1).executeTakeFirst();
    let lastNoticeReadRatio: number | null = null;
    if (last) {
      // Reads and reach of that notice within this org's subtree (summary rows only).
      const reachCol = `o.${reachedColumn(last.audience)}`;
      const r = await sql<{ reached: number; read_n: number }>`
        select coalesce(sum(${sql.ref(reachCol)}), 0) as reached, coalesce(sum(s.read_count), 0) as read_n
        from org_closure c join org o on o.id = c.descendant_id
        left join notice_org_stat s on s.notice_id = ${last.id} and s.org_id = o.id
        where c.ancestor_id = ${orgId}
          and o.id in (select ct.descendant_id from notice_target t join org_closure ct on ct.ancestor_id = t.org_id
                       where t.notice_id = ${last.id} and (t.subtree = 1 or ct.depth = 0))`.execute(db);
      const reached = Number(r.rows[0]?.reached ?? 0);
      const read = Number(r.rows[0]?.read_n ?? 0);
      lastNoticeReadRatio = reached > 0 ? Math.min(1, read / reached) : null;
    }
    return { members, withAccount, ratio: members > 0 ? withAccount / members : null, lastNoticeAt: last?.sent_at ?? null, lastNoticeReadRatio };
  };
}

/** The function the lead wires into the assessment's automatic check. */
export type NoticeReachFn = ReturnType<typeof createNoticeReach>;
