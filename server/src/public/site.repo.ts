// Kysely reads of the public site. Every list is bounded: the portal shows the columns updated last (found
// from the newest visible articles, one index range) and pages the full column list by key, so a tree of
// thousands of columns costs the same as one of ten.
import type { Kysely } from 'kysely';
import type { ArticleRow, Database } from '../platform/db/types.js';

/** A column as the public pages show it: its address, title and org. */
export interface ColumnCard { id: number; slug: string; title: string; intro: string; root_id: number; updated_at: string; org_name: string; org_parent_id: number | null }
/** An article with what its page shows of its column, and how many attachments (not inline images) it has. */
export type PublicArticle = ArticleRow & { column_slug: string; column_title: string; attachment_count: number };

/** How many of the newest visible articles are looked through for recently updated columns. */
const RECENT_WINDOW = 300;

export function createSiteRepo(db: Kysely<Database>) {
  const cards = () => db.selectFrom('site_column as c').innerJoin('org as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.slug', 'c.title', 'c.intro', 'c.root_id', 'c.updated_at', 'o.name as org_name', 'o.parent_id as org_parent_id']);
  const visible = (now: string) => db.selectFrom('article as a').where('a.status', '=', 'published').where('a.publish_at', '<=', now);

  return {
    /** The columns of work committees (the roots): the portals. */
    portals: (): Promise<ColumnCard[]> => cards().where('o.parent_id', 'is', null).orderBy('c.id').execute(),

    cardsByIds: async (ids: number[]): Promise<Map<number, ColumnCard>> => {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      return new Map((await cards().where('c.id', 'in', unique).execute()).map((c) => [c.id, c]));
    },

    /** Up to n columns with the newest visible publications (of one tree, or all), newest first. */
    async recentlyUpdated(rootId: number | null, now: string, n: number, exclude: number[] = []): Promise<number[]> {
      let q = visible(now).select('a.column_id');
      if (rootId !== null) q = q.where('a.root_id', '=', rootId);
      const rows = await q.orderBy('a.publish_at', 'desc').orderBy('a.id', 'desc').limit(RECENT_WINDOW).execute();
      const out = new Set<number>();
      for (const r of rows) if (!exclude.includes(r.column_id) && out.add(r.column_id).size >= n) break;
      return [...out];
    },

    async columnCount(rootId: number | null): Promise<number> {
      let q = db.selectFrom('site_column').select((eb) => eb.fn.countAll<number>().as('n'));
      if (rootId !== null) q = q.where('root_id', '=', rootId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },

    /** Every column (of one tree, or all), paged by id. */
    columnsPage: (rootId: number | null, afterId: number, limit: number): Promise<ColumnCard[]> => {
      let q = cards().where('c.id', '>', afterId);
      if (rootId !== null) q = q.where('c.root_id', '=', rootId);
      return q.orderBy('c.id').limit(limit).execute();
    },

    columnBySlug: (slug: string) => cards().where('c.slug', '=', slug).executeTakeFirst(),

    /** A visible article with its column in one read; the files are read only when there are attachments. */
    article: (id: number, now: string): Promise<PublicArticle | undefined> => db.selectFrom('article as a')
      .innerJoin('site_column as c', 'c.id', 'a.column_id').selectAll('a')
      .select((eb) => ['c.slug as column_slug', 'c.title as column_title',
        eb.selectFrom('article_file as f').select((e) => e.fn.countAll<number>().as('n')).whereRef('f.article_id', '=', 'a.id')
          .where('f.kind', '<>', 'photo').as('attachment_count')])
      .where('a.id', '=', id).where('a.status', '=', 'published').where('a.publish_at', '<=', now)
      .executeTakeFirst() as Promise<PublicArticle | undefined>,

    attachments: (articleId: number) => db.selectFrom('article_file').select(['id', 'name']).where('article_id', '=', articleId)
      .where('kind', '<>', 'photo').orderBy('id').execute(),

    /** The article a file belongs to, if that article is visible now. */
    fileOfVisible: (fileId: number, now: string) => db.selectFrom('article_file as f').innerJoin('article as a', 'a.id', 'f.article_id')
      .select(['f.storage_key', 'f.mime', 'f.name', 'f.kind']).where('f.id', '=', fileId)
      .where('a.status', '=', 'published').where('a.publish_at', '<=', now).executeTakeFirst(),
  };
}
export type SiteRepo = ReturnType<typeof createSiteRepo>;
