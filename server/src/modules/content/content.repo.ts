// Kysely reads of columns and articles. Lists never select bodies; public lists take only what is visible now
// (status 'published' and publish_at <= now, both in the index) and page by (publish_at, id), not OFFSET.
import type { Kysely } from 'kysely';
import type { ArticleRow, Database } from '../../platform/db/types.js';

export const SUMMARY_COLUMNS = [
  'a.id', 'a.column_id', 'a.org_id', 'a.title', 'a.summary', 'a.author', 'a.status', 'a.publish_at', 'a.updated_at', 'a.version',
] as const;
export type ArticleSummaryRow = Omit<ArticleRow, 'body' | 'root_id' | 'submitted_at' | 'reviewed_by_name' | 'review_comment' | 'created_by' | 'created_by_name' | 'created_at'>;
export interface PublicCursor { at: string; id: number }

export function createContentRepo(db: Kysely<Database>) {
  return {
    columnById: (id: number) => db.selectFrom('site_column').selectAll().where('id', '=', id).executeTakeFirst(),
    columnByOrg: (orgId: number) => db.selectFrom('site_column').selectAll().where('org_id', '=', orgId).executeTakeFirst(),
    columnBySlug: (slug: string) => db.selectFrom('site_column').selectAll().where('slug', '=', slug).executeTakeFirst(),
    articleById: (id: number) => db.selectFrom('article').selectAll().where('id', '=', id).executeTakeFirst(),
    articlesByIds: (ids: number[]) => db.selectFrom('article').selectAll().where('id', 'in', ids).execute(),
    filesOf: (articleId: number) => db.selectFrom('article_file').selectAll().where('article_id', '=', articleId).orderBy('id').execute(),
    fileById: (id: number) => db.selectFrom('article_file').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Columns of the orgs in the subtree of orgId, with the org's name. */
    columnsUnder: (orgId: number) => db.selectFrom('site_column as c').innerJoin('org_closure as oc', 'oc.descendant_id', 'c.org_id')
      .innerJoin('org as o', 'o.id', 'c.org_id').selectAll('c').select(['o.name as org_name', 'o.parent_id as org_parent_id'])
      .where('oc.ancestor_id', '=', orgId).orderBy('oc.depth').orderBy('c.id').execute(),

    /** Admin list of a column: newest first, by id (keyset). */
    adminPage: (columnId: number, status: string | undefined, beforeId: number | undefined, limit: number) => {
      let q = db.selectFrom('article as a').select(SUMMARY_COLUMNS).where('a.column_id', '=', columnId);
      if (status) q = q.where('a.status', '=', status);
      if (beforeId) q = q.where('a.id', '<', beforeId);
      return q.orderBy('a.id', 'desc').limit(limit).execute() as Promise<ArticleSummaryRow[]>;
    },

    /** Visible articles of one column, or of every column of a tree (root), newest publication first. */
    publicPage: (by: { columnId: number } | { rootId: number } | 'all', now: string, before: PublicCursor | null, limit: number) => {
      let q = db.selectFrom('article as a').select(SUMMARY_COLUMNS).where('a.status', '=', 'published').where('a.publish_at', '<=', now);
      if (by !== 'all') q = 'columnId' in by ? q.where('a.column_id', '=', by.columnId) : q.where('a.root_id', '=', by.rootId);
      if (before) q = q.where((eb) => eb.or([eb('a.publish_at', '<', before.at), eb.and([eb('a.publish_at', '=', before.at), eb('a.id', '<', before.id)])]));
      return q.orderBy('a.publish_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute() as Promise<ArticleSummaryRow[]>;
    },

    /** The last visible publication of each column (one index range per column). */
    async lastPublished(columnIds: number[], now: string): Promise<Map<number, string>> {
      const out = new Map<number, string>();
      if (columnIds.length === 0) return out;
      for (let i = 0; i < columnIds.length; i += 500) {
        const rows = await db.selectFrom('article').select(['column_id', (eb) => eb.fn.max('publish_at').as('last')])
          .where('column_id', 'in', columnIds.slice(i, i + 500)).where('status', '=', 'published').where('publish_at', '<=', now)
          .groupBy('column_id').execute();
        for (const r of rows) if (r.last) out.set(r.column_id, String(r.last));
      }
      return out;
    },
  };
}
export type ContentRepo = ReturnType<typeof createContentRepo>;
