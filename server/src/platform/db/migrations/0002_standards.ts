// Standards: every version of a standard pack as a record (the pack JSON in `content`), draft -> published.
import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));
  const text = 'text' as const;
  await db.schema.createTable('standard_version')
    .addColumn('id', 'integer', id)
    .addColumn('pack_id', text, (c) => c.notNull())
    .addColumn('version', text, (c) => c.notNull()) // the pack's semver, not the row lock
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull().defaultTo('draft'))
    .addColumn('content', text, (c) => c.notNull())
    .addColumn('coverage_deadline', text, (c) => c.notNull())
    .addColumn('effective_from', text, (c) => c.notNull())
    .addColumn('source_file', text)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('published_at', text)
    .addColumn('published_by', 'integer')
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('standard_version_pack_version_uq', ['pack_id', 'version'])
    .execute();
  await db.schema.createIndex('standard_version_created_idx').on('standard_version').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('standard_version').execute();
}
