// Per-status member summaries on org, beside member_count (在册): the member list's totals for 全部状态 and for
// each status are these columns summed over a subtree, not a COUNT over up to a million member rows. They are
// kept current by OrgRepo.refreshMemberCounts (the rule is in modules/org/org.member-stats.ts); existing data
// is counted here, member_count and probationary_count included, so every summary starts from the rows.
import { sql, type Kysely } from 'kysely';

const COLUMNS = ['transferred_out_count', 'deceased_count', 'removed_count'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const c of COLUMNS) {
    await db.schema.alterTable('org').addColumn(c, 'integer', (col) => col.notNull().defaultTo(0)).execute();
  }
  await sql`update org set
    member_count = (select count(*) from member m where m.org_id = org.id and m.status = 'active'),
    probationary_count = (select count(*) from member m where m.org_id = org.id and m.status = 'active' and m.category = 'probationary'),
    transferred_out_count = (select count(*) from member m where m.org_id = org.id and m.status = 'transferred_out'),
    deceased_count = (select count(*) from member m where m.org_id = org.id and m.status = 'deceased'),
    removed_count = (select count(*) from member m where m.org_id = org.id and m.status = 'removed')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of [...COLUMNS].reverse()) await db.schema.alterTable('org').dropColumn(c).execute();
}
