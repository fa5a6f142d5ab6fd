// The reach summary: per org, members in the roll with an active account (and those among them holding a post).
// Called in the transaction of every write that can change it: member create/update/transfer/import (through
// OrgRepo.refreshMemberCounts) and account create/update (account.service). Each call counts one org's members
// by index (member.org_id, then account.member_id), so a notice's reach never counts a million rows.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/types.js';

type Q = Kysely<Database> | Transaction<Database>;

export async function refreshAccountCounts(q: Q, orgIds: Iterable<number | null | undefined>): Promise<void> {
  for (const id of new Set([...orgIds].filter((x): x is number => typeof x === 'number'))) {
    await sql`update org set
      member_account_count = (select count(*) from member m where m.org_id = ${id} and m.status = 'active'
        and exists (select 1 from account a where a.member_id = m.id and a.status = 'active')),
      post_account_count = (select count(*) from member m where m.org_id = ${id} and m.status = 'active' and m.post is not null and m.post <> ''
        and exists (select 1 from account a where a.member_id = m.id and a.status = 'active'))
      where id = ${id}`.execute(q);
  }
}

/** The org of the member an account is linked to (the org whose reach the account counts in). */
export async function memberOrgOf(q: Q, memberId: number | null | undefined): Promise<number | null> {
  if (!memberId) return null;
  const m = await q.selectFrom('member').select('org_id').where('id', '=', memberId).executeTakeFirst();
  return m?.org_id ?? null;
}
