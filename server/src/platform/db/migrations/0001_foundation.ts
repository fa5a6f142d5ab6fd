// Foundation: organizations (closure table), committees, members, accounts, sessions, audit, imports.
import { sql, type Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  const id = idColumn(dialect);
  const text = 'text' as const;

  await db.schema.createTable('org')
    .addColumn('id', 'integer', id)
    .addColumn('parent_id', 'integer', (c) => c.references('org.id'))
    .addColumn('root_id', 'integer', (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('short_name', text)
    .addColumn('code', text)
    .addColumn('type', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull().defaultTo('active'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('member_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('probationary_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dissolved_at', text)
    .addColumn('dissolve_reason', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('org_parent_idx').on('org').columns(['parent_id', 'sort_order', 'id']).execute();
  await db.schema.createIndex('org_root_code_uq').on('org').columns(['root_id', 'code']).unique()
    .where(sql.ref('code'), 'is not', null).execute();
  await db.schema.createIndex('org_name_idx').on('org').column('name').execute();
  await db.schema.createIndex('org_root_idx').on('org').columns(['root_id', 'status', 'type']).execute();

  await db.schema.createTable('org_closure')
    .addColumn('ancestor_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('descendant_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_closure_pk', ['ancestor_id', 'descendant_id'])
    .execute();
  await db.schema.createIndex('org_closure_desc_idx').on('org_closure').columns(['descendant_id', 'depth']).execute();

  await db.schema.createTable('org_event')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('detail', text, (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', text)
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_event_org_idx').on('org_event').columns(['org_id', 'id']).execute();

  await db.schema.createTable('committee_term')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('start_date', text, (c) => c.notNull())
    .addColumn('end_date', text, (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('committee_term_org_idx').on('committee_term').columns(['org_id', 'is_current']).execute();
  await db.schema.createIndex('committee_term_end_idx').on('committee_term').columns(['is_current', 'end_date']).execute();

  await db.schema.createTable('committee_seat')
    .addColumn('id', 'integer', id)
    .addColumn('term_id', 'integer', (c) => c.notNull().references('committee_term.id'))
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('member_id', 'integer')
    .addColumn('person_name', text, (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('committee_seat_term_idx').on('committee_seat').column('term_id').execute();

  await db.schema.createTable('member')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('root_id', 'integer', (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('name_initials', text, (c) => c.notNull())
    .addColumn('name_pinyin', text, (c) => c.notNull())
    .addColumn('gender', text, (c) => c.notNull())
    .addColumn('ethnicity', text)
    .addColumn('birth_date', text)
    .addColumn('id_number_enc', text, (c) => c.notNull())
    .addColumn('id_number_hash', text, (c) => c.notNull())
    .addColumn('id_number_masked', text, (c) => c.notNull())
    .addColumn('phone_enc', text)
    .addColumn('phone_masked', text)
    .addColumn('education', text)
    .addColumn('join_date', text, (c) => c.notNull())
    .addColumn('category', text, (c) => c.notNull())
    .addColumn('probation_start', text)
    .addColumn('probation_end', text)
    .addColumn('post', text)
    .addColumn('status', text, (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('member_org_idx').on('member').columns(['org_id', 'status', 'id']).execute();
  await db.schema.createIndex('member_root_idx').on('member').columns(['root_id', 'status', 'id']).execute();
  await db.schema.createIndex('member_id_hash_uq').on('member').column('id_number_hash').unique().execute();
  await db.schema.createIndex('member_initials_idx').on('member').columns(['name_initials']).execute();
  await db.schema.createIndex('member_pinyin_idx').on('member').columns(['name_pinyin']).execute();
  await db.schema.createIndex('member_name_idx').on('member').columns(['name']).execute();

  await db.schema.createTable('member_transfer')
    .addColumn('id', 'integer', id)
    .addColumn('member_id', 'integer', (c) => c.notNull().references('member.id'))
    .addColumn('from_org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('to_org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('transfer_date', text, (c) => c.notNull())
    .addColumn('reason', text)
    .addColumn('actor_id', 'integer')
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_transfer_member_idx').on('member_transfer').columns(['member_id', 'id']).execute();

  await db.schema.createTable('account')
    .addColumn('id', 'integer', id)
    .addColumn('username', text, (c) => c.notNull().unique())
    .addColumn('display_name', text, (c) => c.notNull())
    .addColumn('password_hash', text, (c) => c.notNull())
    .addColumn('role', text, (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.references('org.id'))
    .addColumn('member_id', 'integer', (c) => c.references('member.id'))
    .addColumn('status', text, (c) => c.notNull().defaultTo('active'))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', text)
    .addColumn('last_login_at', text)
    .addColumn('password_changed_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('account_org_idx').on('account').columns(['org_id']).execute();
  // One account per member: the member page shows one person's data to one login.
  await db.schema.createIndex('account_member_uq').on('account').column('member_id').unique().where(sql.ref('member_id'), 'is not', null).execute();

  await db.schema.createTable('session')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('account.id'))
    .addColumn('csrf_token', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_seen_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('ip', text)
    .addColumn('user_agent', text)
    .execute();
  await db.schema.createIndex('session_account_idx').on('session').column('account_id').execute();

  await db.schema.createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', text)
    .addColumn('actor_role', text)
    .addColumn('org_id', 'integer')
    .addColumn('ip', text)
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('target_type', text)
    .addColumn('target_id', text)
    .addColumn('result', text, (c) => c.notNull())
    .addColumn('request_id', text)
    .addColumn('detail', text)
    .execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'id']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'id']).execute();
  await db.schema.createIndex('audit_log_target_idx').on('audit_log').columns(['target_type', 'target_id']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  // Append-only: the database itself refuses to change or delete an audit entry.
  if (dialect === 'postgresql') {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }

  await db.schema.createTable('import_job')
    .addColumn('id', 'integer', id)
    .addColumn('account_id', 'integer', (c) => c.notNull().references('account.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('file_name', text, (c) => c.notNull())
    .addColumn('file_path', text)
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problem_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problems', text, (c) => c.notNull().defaultTo('[]'))
    .addColumn('preview', text, (c) => c.notNull().defaultTo('[]'))
    .addColumn('inserted_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();

  await db.schema.createTable('setting')
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('value', text, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  for (const t of ['setting', 'import_job', 'audit_log', 'session', 'account', 'member_transfer', 'member',
    'committee_seat', 'committee_term', 'org_event', 'org_closure', 'org']) {
    await db.schema.dropTable(t).execute();
  }
  if (dialect === 'postgresql') await sql`drop function if exists audit_log_append_only()`.execute(db);
}
