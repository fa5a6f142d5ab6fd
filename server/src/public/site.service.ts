// Reads for the public site: only what is visible now (published, publish time reached); no session, no actor.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/types.js';
import type { Storage } from '../platform/storage.js';
import { type Clock, iso } from '../platform/clock.js';
import { ARTICLE_PAGE_SIZE } from '../../../contracts/content.js';
import type { ContentRepo, PublicCursor } from '../modules/content/content.repo.js';
import { isVisible } from '../modules/content/content.presenter.js';

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(\d{1,10})$/;
export const parseCursor = (raw: unknown): PublicCursor | null => {
  const m = typeof raw === 'string' ? CURSOR.exec(raw) : null;
  return m ? { at: m[1], id: Number(m[2]) } : null;
};
export const cursorOf = (a: { publish_at: string | null; id: number }) => `${a.publish_at}_${a.id}`;

export function createSiteService(deps: { db: Kysely<Database>; repo: ContentRepo; storage: Storage; clock: Clock }) {
  const { db, repo, storage, clock } = deps;
  const now = () => iso(clock.now());
  const page = async (by: Parameters<ContentRepo['publicPage']>[0], before: PublicCursor | null, size = ARTICLE_PAGE_SIZE) => {
    const rows = await repo.publicPage(by, now(), before, size + 1);
    const items = rows.slice(0, size);
    return { items, next: rows.length > size ? cursorOf(items[items.length - 1]) : null };
  };
  const columnTitles = async (ids: number[]) => {
    if (ids.length === 0) return new Map<number, { slug: string; title: string }>();
    const rows = await db.selectFrom('site_column').select(['id', 'slug', 'title']).where('id', 'in', [...new Set(ids)]).execute();
    return new Map(rows.map((r) => [r.id, r]));
  };

  return {
    /** Every column (portals first within their tree) and the latest articles across them. */
    async portal() {
      const columns = await repo.allColumns();
      const latest = await page('all', null);
      return { columns, latest: latest.items, titles: await columnTitles(latest.items.map((a) => a.column_id)) };
    },
    /** A column's page; a work committee's column gathers the articles of every column in its tree. */
    async column(slug: string, before: PublicCursor | null) {
      const column = await repo.columnBySlug(slug);
      if (!column) return null;
      const org = await db.selectFrom('org').select(['name', 'parent_id']).where('id', '=', column.org_id).executeTakeFirstOrThrow();
      const portal = org.parent_id === null;
      const result = await page(portal ? { rootId: column.root_id } : { columnId: column.id }, before);
      const children = portal ? (await repo.columnsUnder(column.org_id)).filter((c) => c.id !== column.id) : [];
      return { column, orgName: org.name, portal, children, ...result, titles: await columnTitles(result.items.map((a) => a.column_id)) };
    },
    /** The feed's newest entries with their bodies (a bounded page). */
    async feed(slug: string) {
      const col = await this.column(slug, null);
      if (!col) return null;
      const ids = col.items.map((a) => a.id);
      const full = ids.length ? await db.selectFrom('article').selectAll().where('id', 'in', ids).execute() : [];
      const byId = new Map(full.map((a) => [a.id, a]));
      return { ...col, entries: ids.map((id) => byId.get(id)!) };
    },
    async article(id: number) {
      const a = await repo.articleById(id);
      if (!a || !isVisible(a, now())) return null;
      const column = (await repo.columnById(a.column_id))!;
      const files = await repo.filesOf(id);
      return { a, column, attachments: files.filter((f) => f.kind !== 'photo') };
    },
    /** A file of a visible article, else null (unpublished, scheduled or unknown: the same 404). */
    async file(id: number) {
      const f = await repo.fileById(id);
      if (!f) return null;
      const a = await db.selectFrom('article').select(['status', 'publish_at']).where('id', '=', f.article_id).executeTakeFirst();
      if (!a || !isVisible(a, now())) return null;
      return { bytes: await storage.read(f.storage_key), mime: f.mime, name: f.name, photo: f.kind === 'photo' };
    },
  };
}
export type SiteService = ReturnType<typeof createSiteService>;
