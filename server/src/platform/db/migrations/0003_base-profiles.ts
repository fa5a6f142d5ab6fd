// Base profiles (阵地档案): each organization's facts about its base, the tier derived from them by a standard
// pack's rule, an admin's override with its reason, and the history of every change.
import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));
  const text = 'text' as const;
  await db.schema.createTable('base_profile')
    .addColumn('org_id', 'integer', (c) => c.primaryKey().references('org.id'))
    .addColumn('facts', text, (c) => c.notNull()) // JSON object keyed by BASE_FACTS names (memberCount never stored)
    .addColumn('tier_derived', 'integer') // by the pack's rule, as of the last write
    .addColumn('tier_override', 'integer')
    .addColumn('override_reason', text)
    .addColumn('override_by', 'integer')
    .addColumn('override_by_name', text)
    .addColumn('override_at', text)
    .addColumn('standard_version_id', 'integer', (c) => c.references('standard_version.id')) // the pack version used to derive
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('base_profile_tier_idx').on('base_profile').columns(['tier_override', 'tier_derived']).execute();

  await db.schema.createTable('base_profile_event')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('detail', text, (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', text)
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('base_profile_event_org_idx').on('base_profile_event').columns(['org_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('base_profile_event').execute();
  await db.schema.dropTable('base_profile').execute();
}
