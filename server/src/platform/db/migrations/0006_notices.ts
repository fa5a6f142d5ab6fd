// Notices (the micro channel): a notice and its targets (per org or per subtree root) are written at send time,
// never one row per member; a receipt row is written only when a member opens it, and a per-(notice, org) read
// count is kept on read. Reach comes from org.member_account_count / org.post_account_count, kept current on
// every member and account write. Outbound chat-robot webhooks per org with a delivery log, and the job lease
// that lets one of several app processes run the delivery loop.
import { sql, type Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));
  const text = 'text' as const;

  await db.schema.alterTable('org').addColumn('member_account_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('org').addColumn('post_account_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('account_member_idx').on('account').columns(['member_id', 'status']).execute();
  // Existing data: members in the roll with an active account, per org (and those among them holding a post).
  await sql`update org set
    member_account_count = (select count(*) from member m where m.org_id = org.id and m.status = 'active'
        and exists (select 1 from account a where a.member_id = m.id and a.status = 'active')),
    post_account_count = (select count(*) from member m where m.org_id = org.id and m.status = 'active' and m.post is not null and m.post <> ''
        and exists (select 1 from account a where a.member_id = m.id and a.status = 'active'))`.execute(db);

  await db.schema.createTable('notice')
    .addColumn('id', 'integer', id)
    .addColumn('root_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('sender_org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('kind', text, (c) => c.notNull()) // theory | activity | work
    .addColumn('audience', text, (c) => c.notNull()) // all | post (members holding a post)
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('body', text, (c) => c.notNull())
    .addColumn('target_summary', text, (c) => c.notNull()) // JSON [{orgId, name, subtree}] for lists, no join
    .addColumn('read_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('remind_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_at', text)
    .addColumn('sent_by', 'integer')
    .addColumn('sent_by_name', text)
    .addColumn('sent_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_sender_idx').on('notice').columns(['sender_org_id', 'id']).execute();

  await db.schema.createTable('notice_target')
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notice.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('subtree', 'integer', (c) => c.notNull()) // 1: the org and everything under it
    .addPrimaryKeyConstraint('notice_target_pk', ['notice_id', 'org_id'])
    .execute();
  // The inbox: which notices target one of the member's ancestors-or-self, newest first.
  await db.schema.createIndex('notice_target_org_idx').on('notice_target').columns(['org_id', 'notice_id', 'subtree']).execute();

  await db.schema.createTable('notice_read')
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notice.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('member.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull()) // the member's org when read: the stat row it counted in
    .addColumn('read_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_read_pk', ['notice_id', 'member_id'])
    .execute();
  await db.schema.createIndex('notice_read_member_idx').on('notice_read').columns(['member_id', 'notice_id']).execute();

  await db.schema.createTable('notice_org_stat')
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notice.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('read_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('notice_org_stat_pk', ['notice_id', 'org_id'])
    .execute();

  await db.schema.createTable('notice_remind')
    .addColumn('id', 'integer', id)
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notice.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id')) // subtree reminded
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', text)
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_remind_notice_idx').on('notice_remind').columns(['notice_id', 'org_id']).execute();

  await db.schema.createTable('notice_webhook')
    .addColumn('org_id', 'integer', (c) => c.primaryKey().references('org.id'))
    .addColumn('kind', text, (c) => c.notNull()) // dingtalk | wecom
    .addColumn('url_enc', text, (c) => c.notNull()) // the URL carries the robot's access token: encrypted at rest
    .addColumn('url_masked', text, (c) => c.notNull())
    .addColumn('secret_enc', text)
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('notice_webhook_enabled_idx').on('notice_webhook').columns(['enabled', 'org_id']).execute();

  await db.schema.createTable('notice_delivery')
    .addColumn('id', 'integer', id)
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('notice.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull()) // pending | sent | failed (gave up)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('http_status', 'integer')
    .addColumn('error', text)
    .addColumn('next_attempt_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_delivery_due_idx').on('notice_delivery').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('notice_delivery_org_idx').on('notice_delivery').columns(['org_id', 'id']).execute();

  await db.schema.createTable('job_lease')
    .addColumn('name', text, (c) => c.primaryKey())
    .addColumn('holder', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['job_lease', 'notice_delivery', 'notice_webhook', 'notice_remind', 'notice_org_stat', 'notice_read', 'notice_target', 'notice']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.dropIndex('account_member_idx').ifExists().execute();
  await db.schema.alterTable('org').dropColumn('post_account_count').execute();
  await db.schema.alterTable('org').dropColumn('member_account_count').execute();
}
