// Columns (专题党建栏目) of the public site, their articles and the files (images, attachments) articles carry.
// An article is visible on the public site while status = 'published' and publish_at <= now (computed at read
// time, so scheduled publishing needs no job). root_id is copied onto articles so the portal's "latest across
// the work committee's tree" is one index range; bodies stay out of every list query.
import type { Kysely } from 'kysely';
import { dialectOf, idColumn } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db));
  const text = 'text' as const;

  await db.schema.createTable('site_column')
    .addColumn('id', 'integer', id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('root_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('slug', text, (c) => c.notNull())
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('intro', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('site_column_org_uq', ['org_id'])
    .addUniqueConstraint('site_column_slug_uq', ['slug'])
    .execute();
  await db.schema.createIndex('site_column_root_idx').on('site_column').columns(['root_id', 'org_id']).execute();

  await db.schema.createTable('article')
    .addColumn('id', 'integer', id)
    .addColumn('column_id', 'integer', (c) => c.notNull().references('site_column.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('root_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('body', text, (c) => c.notNull()) // sanitized HTML only
    .addColumn('author', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull()) // draft | pending | published | unpublished
    .addColumn('publish_at', text) // visible from then on while published
    .addColumn('submitted_at', text)
    .addColumn('reviewed_by_name', text)
    .addColumn('review_comment', text)
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Public column pages and freshness (keyset by publish time), the portal across a tree, the admin list by status.
  await db.schema.createIndex('article_column_pub_idx').on('article').columns(['column_id', 'status', 'publish_at', 'id']).execute();
  await db.schema.createIndex('article_root_pub_idx').on('article').columns(['root_id', 'status', 'publish_at', 'id']).execute();
  await db.schema.createIndex('article_status_pub_idx').on('article').columns(['status', 'publish_at', 'id']).execute();
  // The wall display's "latest of my org's column and the columns above it" (by org through the closure table).
  await db.schema.createIndex('article_org_pub_idx').on('article').columns(['org_id', 'status', 'publish_at']).execute();

  await db.schema.createTable('article_file')
    .addColumn('id', 'integer', id)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('article.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('org.id'))
    .addColumn('kind', text, (c) => c.notNull()) // photo | document
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('storage_key', text, (c) => c.notNull())
    .addColumn('mime', text, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_file_article_idx').on('article_file').columns(['article_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('article_file').ifExists().execute();
  await db.schema.dropTable('article').ifExists().execute();
  await db.schema.dropTable('site_column').ifExists().execute();
}
