// Study (理论学习): materials kept by an org for its subtree, plans with dated topics, sessions held with
// attendance from the member roll. Wall display tokens (stored hashed) and the work committee's clean-governance
// screensaver slides.
import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));
  const text = 'text' as const;

  await db.schema.createTable('study_material')
    .addColumn('id', 'integer', id)
    .addColumn('owner_org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('kind', text, (c) => c.notNull()) // article | document | link
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('source', text)
    .addColumn('body', text) // article text (plain text, paragraphs by newline)
    .addColumn('url', text)
    .addColumn('file_name', text)
    .addColumn('storage_key', text)
    .addColumn('mime', text)
    .addColumn('size', 'integer')
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('study_material_owner_idx').on('study_material').columns(['owner_org_id', 'id']).execute();

  await db.schema.createTable('study_plan')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer') // null: a whole-year plan
    .addColumn('note', text)
    .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by_name', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('study_plan_org_idx').on('study_plan').columns(['org_id', 'year']).execute();

  await db.schema.createTable('study_plan_item')
    .addColumn('id', 'integer', id)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('study_plan.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('topic', text, (c) => c.notNull())
    .addColumn('planned_on', text, (c) => c.notNull())
    .addColumn('material_ids', text, (c) => c.notNull()) // JSON array of study_material ids
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('study_plan_item_plan_idx').on('study_plan_item').columns(['plan_id', 'sort_order']).execute();
  await db.schema.createIndex('study_plan_item_org_idx').on('study_plan_item').columns(['org_id', 'year']).execute();

  await db.schema.createTable('study_session')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('held_on', text, (c) => c.notNull())
    .addColumn('topic', text, (c) => c.notNull())
    .addColumn('place', text)
    .addColumn('note', text)
    .addColumn('plan_item_id', 'integer')
    .addColumn('material_ids', text, (c) => c.notNull())
    .addColumn('expected_count', 'integer', (c) => c.notNull().defaultTo(0)) // attendance rows (present + absent)
    .addColumn('present_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by_name', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('study_session_org_idx').on('study_session').columns(['org_id', 'year', 'held_on']).execute();

  await db.schema.createTable('study_attendance')
    .addColumn('id', 'integer', id)
    .addColumn('session_id', 'integer', (c) => c.notNull().references('study_session.id'))
    .addColumn('member_id', 'integer', (c) => c.notNull())
    .addColumn('member_name', text, (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('absence_reason', text)
    .addUniqueConstraint('study_attendance_uq', ['session_id', 'member_id'])
    .execute();

  await db.schema.createTable('display_token')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('created_by_name', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('last_seen_at', text)
    .addColumn('revoked_at', text)
    .execute();
  await db.schema.createIndex('display_token_org_idx').on('display_token').columns(['org_id', 'id']).execute();

  await db.schema.createTable('screensaver_slide')
    .addColumn('id', 'integer', id)
    .addColumn('root_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('lines', text, (c) => c.notNull()) // JSON array of strings
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('screensaver_slide_root_idx').on('screensaver_slide').columns(['root_id', 'sort_order']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['screensaver_slide', 'display_token', 'study_attendance', 'study_session', 'study_plan_item', 'study_plan', 'study_material']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
