// Reads for the public site: only what is visible now (published, publish time reached); no session, no actor.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/types.js';
import type { Storage } from '../platform/storage.js';
import { type Clock, iso } from '../platform/clock.js';
import { ARTICLE_PAGE_SIZE } from '../../../contracts/content.js';
import type { ContentRepo, PublicCursor } from '../modules/content/content.repo.js';
import { createSiteRepo, type ColumnCard } from './site.repo.js';

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(\d{1,10})$/;
export const parseCursor = (raw: unknown): PublicCursor | null => {
  const m = typeof raw === 'string' ? CURSOR.exec(raw) : null;
  return m ? { at: m[1], id: Number(m[2]) } : null;
};
export const cursorOf = (a: { publish_at: string | null; id: number }) => `${a.publish_at}_${a.id}`;

/** Columns shown as "recently updated" on the portal and on a work committee's column. */
export const RECENT_COLUMNS = 12;
/** Columns per page of the full column list. */
export const COLUMNS_PAGE_SIZE = 60;

export function createSiteService(deps: { db: Kysely<Database>; repo: ContentRepo; storage: Storage; clock: Clock }) {
  const { db, repo, storage, clock } = deps;
  const site = createSiteRepo(db);
  const now = () => iso(clock.now());
  const page = async (by: Parameters<ContentRepo['publicPage']>[0], before: PublicCursor | null, size = ARTICLE_PAGE_SIZE) => {
    const rows = await repo.publicPage(by, now(), before, size + 1);
    const items = rows.slice(0, size);
    return { items, next: rows.length > size ? cursorOf(items[items.length - 1]) : null };
  };
  /** The recently updated columns of a tree (or all) and the cards of the listed articles' columns, in one read of cards. */
  const withCards = async (rootId: number | null, articleColumnIds: number[], exclude: number[]) => {
    const recentIds = await site.recentlyUpdated(rootId, now(), RECENT_COLUMNS, exclude);
    const cards = await site.cardsByIds([...recentIds, ...articleColumnIds]);
    return { recent: recentIds.flatMap((id) => cards.get(id) ?? []), titles: cards };
  };

  return {
    /** The portals, the latest articles across every tree, and the columns updated last (bounded). */
    async portal() {
      const portals = await site.portals();
      const latest = await page('all', null);
      const { recent, titles } = await withCards(null, latest.items.map((a) => a.column_id), portals.map((p) => p.id));
      return { portals, latest: latest.items, recent, titles, columnCount: await site.columnCount(null) };
    },
    /** A column's page; a work committee's column gathers the articles of every column in its tree. */
    async column(slug: string, before: PublicCursor | null) {
      const column = await site.columnBySlug(slug);
      if (!column) return null;
      const portal = column.org_parent_id === null;
      const result = await page(portal ? { rootId: column.root_id } : { columnId: column.id }, before);
      const ids = portal ? result.items.map((a) => a.column_id) : [];
      const { recent, titles } = portal ? await withCards(column.root_id, ids, [column.id]) : { recent: [], titles: new Map<number, ColumnCard>() };
      return { column, portal, recent, columnCount: portal ? await site.columnCount(column.root_id) : 0, ...result, titles };
    },
    /** Every column, or every column of a work committee's tree, paged by id. */
    async columns(inSlug: string | null, afterId: number) {
      const within = inSlug ? await site.columnBySlug(inSlug) : null;
      if (inSlug && (!within || within.org_parent_id !== null)) return null;
      const rows = await site.columnsPage(within?.root_id ?? null, afterId, COLUMNS_PAGE_SIZE + 1);
      const items = rows.slice(0, COLUMNS_PAGE_SIZE);
      return { within: within ?? null, items, next: rows.length > COLUMNS_PAGE_SIZE ? items[items.length - 1].id : null,
        total: await site.columnCount(within?.root_id ?? null) };
    },
    /** The feed's newest entries with their bodies (a bounded page). */
    async feed(slug: string) {
      const column = await site.columnBySlug(slug);
      if (!column) return null;
      const { items } = await page(column.org_parent_id === null ? { rootId: column.root_id } : { columnId: column.id }, null);
      const ids = items.map((a) => a.id);
      const full = ids.length ? await repo.articlesByIds(ids) : [];
      const byId = new Map(full.map((a) => [a.id, a]));
      return { column, entries: ids.map((id) => byId.get(id)!) };
    },
    /** A visible article with its column: one read, and a second only when it has attachments. */
    async article(id: number) {
      const a = await site.article(id, now());
      if (!a) return null;
      return { a, attachments: Number(a.attachment_count) > 0 ? await site.attachments(id) : [] };
    },
    /** A file of a visible article, else null (unpublished, scheduled or unknown: the same 404). */
    async file(id: number) {
      const f = await site.fileOfVisible(id, now());
      if (!f) return null;
      return { bytes: await storage.read(f.storage_key), mime: f.mime, name: f.name, photo: f.kind === 'photo' };
    },
  };
}
export type SiteService = ReturnType<typeof createSiteService>;
