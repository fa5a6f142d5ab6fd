// Search (站内搜索): one row per searchable document (article, notice, study material) with the facts that scope
// it to a reader and its bigram index text; the full-text structure over it differs per database (fulltext.ts).
// Existing documents are indexed here; from then on the services keep the index in their write transactions.
import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';
import { createFulltext, dropFulltext } from '../fulltext.js';
import { searchIndex } from '../../../modules/search/search.index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));
  const text = 'text' as const;
  await db.schema.createTable('search_doc')
    .addColumn('id', 'integer', id)
    .addColumn('doc_type', text, (c) => c.notNull()) // article | notice | material
    .addColumn('doc_id', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull()) // article: its column's org; notice: sender org; material: owner org
    .addColumn('status', text, (c) => c.notNull()) // article status; notice 'sent'; material 'active'
    .addColumn('visible_from', text) // article publish_at
    .addColumn('audience', text) // notice audience: all | post
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('body', text, (c) => c.notNull()) // plain text for snippets
    .addColumn('tokens', text, (c) => c.notNull()) // bigrams and words, space-separated
    .addColumn('doc_date', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addUniqueConstraint('search_doc_doc_uq', ['doc_type', 'doc_id'])
    .execute();
  await db.schema.createIndex('search_doc_scope_idx').on('search_doc').columns(['doc_type', 'org_id', 'doc_date']).execute();
  await db.schema.createIndex('search_doc_date_idx').on('search_doc').columns(['doc_date', 'id']).execute();
  await createFulltext(db);
  await searchIndex.rebuild(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropFulltext(db);
  await db.schema.dropTable('search_doc').ifExists().execute();
}
