// Campaigns, assessments and their items, evidence files, inspections, wall photos, and the summaries that keep
// the coverage dashboard at one index read per subtree: counts per (campaign, ancestor org, tier, status),
// failed items per (campaign, ancestor, requirement), and a daily snapshot per (campaign, ancestor) for burn-up.
import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));
  const text = 'text' as const;

  await db.schema.createTable('campaign')
    .addColumn('id', 'integer', id)
    .addColumn('root_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('scope_org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('standard_version_id', 'integer', (c) => c.notNull().references('standard_version.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('deadline', text, (c) => c.notNull())
    .addColumn('started_on', text, (c) => c.notNull())
    .addColumn('assessment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('closed_at', text)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('campaign_root_idx').on('campaign').columns(['root_id', 'id']).execute();

  await db.schema.createTable('assessment')
    .addColumn('id', 'integer', id)
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaign.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('parent_org_id', 'integer') // the reviewer's org, fixed at the start
    .addColumn('tier', 'integer') // fixed at the start; null: the standard gives no tier
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rectification_deadline', text)
    .addColumn('review_comment', text)
    .addColumn('submitted_at', text)
    .addColumn('reviewed_at', text)
    .addColumn('accepted_at', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('assessment_campaign_org_uq', ['campaign_id', 'org_id'])
    .execute();
  await db.schema.createIndex('assessment_org_idx').on('assessment').columns(['org_id', 'campaign_id']).execute();
  await db.schema.createIndex('assessment_parent_idx').on('assessment').columns(['parent_org_id', 'status']).execute();
  await db.schema.createIndex('assessment_status_idx').on('assessment').columns(['campaign_id', 'status', 'rectification_deadline']).execute();

  await db.schema.createTable('assessment_item')
    .addColumn('id', 'integer', id)
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessment.id'))
    .addColumn('requirement_code', text, (c) => c.notNull())
    .addColumn('self_result', text) // met | not_met | na, set by a person
    .addColumn('na_reason', text)
    .addColumn('note', text)
    .addColumn('auto_outcome', text) // pass | fail | unknown
    .addColumn('auto_detail', text) // JSON AutoCheck
    .addColumn('review_result', text)
    .addColumn('review_comment', text)
    .addColumn('inspection_result', text)
    .addColumn('inspection_note', text)
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0)) // counted in the requirement summary
    .addColumn('updated_by', 'integer')
    .addColumn('updated_by_name', text)
    .addColumn('updated_at', text)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('assessment_item_uq', ['assessment_id', 'requirement_code'])
    .execute();
  // The drill-down "organizations failing requirement X".
  await db.schema.createIndex('assessment_item_failed_idx').on('assessment_item').columns(['requirement_code', 'failed', 'assessment_id']).execute();

  await db.schema.createTable('assessment_event')
    .addColumn('id', 'integer', id)
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessment.id'))
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('from_status', text)
    .addColumn('to_status', text)
    .addColumn('detail', text, (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', text)
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_event_idx').on('assessment_event').columns(['assessment_id', 'id']).execute();

  await db.schema.createTable('inspection')
    .addColumn('id', 'integer', id)
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessment.id'))
    .addColumn('inspected_on', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('findings', text, (c) => c.notNull()) // JSON [{code, result, note}]
    .addColumn('inspector_id', 'integer')
    .addColumn('inspector_name', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_assessment_idx').on('inspection').columns(['assessment_id']).execute();

  // Stored files and links: evidence of an assessment item, photos of an inspection or of a wall item.
  await db.schema.createTable('evidence')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('assessment_id', 'integer')
    .addColumn('requirement_code', text)
    .addColumn('inspection_id', 'integer')
    .addColumn('kind', text, (c) => c.notNull()) // photo | document | link
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('url', text)
    .addColumn('storage_key', text) // generated name under the data dir; never the uploaded name
    .addColumn('thumb_key', text)
    .addColumn('mime', text)
    .addColumn('size', 'integer')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('sha256', text)
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('evidence_assessment_idx').on('evidence').columns(['assessment_id', 'requirement_code']).execute();
  await db.schema.createIndex('evidence_inspection_idx').on('evidence').columns(['inspection_id']).execute();

  await db.schema.createTable('wall_photo')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('wall_item', text, (c) => c.notNull())
    .addColumn('taken_on', text, (c) => c.notNull())
    .addColumn('evidence_id', 'integer', (c) => c.notNull().references('evidence.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('wall_photo_org_idx').on('wall_photo').columns(['org_id', 'wall_item', 'taken_on']).execute();

  // Summaries, kept current in the transaction of every change (see assessment.summary.ts).
  await db.schema.createTable('campaign_rollup')
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull()) // an ancestor-or-self of the assessed orgs
    .addColumn('parent_id', 'integer') // org_id's parent, so "counts of X's children" is one index range, no join
    .addColumn('tier', 'integer', (c) => c.notNull()) // 0: no tier
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_rollup_pk', ['campaign_id', 'org_id', 'tier', 'status'])
    .execute();
  await db.schema.createIndex('campaign_rollup_parent_idx').on('campaign_rollup').columns(['campaign_id', 'parent_id', 'org_id']).execute();
  await db.schema.createTable('campaign_failed')
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('requirement_code', text, (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_failed_pk', ['campaign_id', 'org_id', 'requirement_code'])
    .execute();
  await db.schema.createTable('campaign_progress')
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('day', text, (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('submitted', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_progress_pk', ['campaign_id', 'org_id', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['campaign_progress', 'campaign_failed', 'campaign_rollup', 'wall_photo', 'evidence', 'inspection',
    'assessment_event', 'assessment_item', 'assessment', 'campaign']) {
    await db.schema.dropTable(t).execute();
  }
}
