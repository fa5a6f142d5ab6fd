// What the wall display borrows from other modules: the latest published column articles (table `article`,
// migration 0005) and the latest notices addressed to the org (tables `notice` / `notice_target`, 0006).
// HOOK: these read the other modules' tables directly and answer [] when a read fails (a database migrated
// before those modules existed, or their shape changed): the display then simply shows no such panel. When
// the content and notice modules expose a "latest for org" read, call it from here instead.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';

export interface FeedItem { title: string; date: string }

const day = (isoTime: string | null) => (isoTime ? new Date(Date.parse(isoTime) + 8 * 3600_000).toISOString().slice(0, 10) : '');

/** Published articles of the org's own column and of the columns above it (the portal), newest first. */
export async function latestArticles(db: Kysely<Database>, orgId: number, now: string, limit = 6): Promise<FeedItem[]> {
  try {
    const rows = await db.selectFrom('article as a').innerJoin('org_closure as c', 'c.ancestor_id', 'a.org_id')
      .select(['a.title', 'a.publish_at']).where('c.descendant_id', '=', orgId).where('a.status', '=', 'published')
      .where('a.publish_at', '<=', now).orderBy('a.publish_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({ title: r.title, date: day(r.publish_at) }));
  } catch {
    return [];
  }
}

/** Notices to all members of the org: sent to it directly, or to an org above it with its subtree. Titles only. */
export async function latestNotices(db: Kysely<Database>, orgId: number, limit = 6): Promise<FeedItem[]> {
  try {
    const rows = await db.selectFrom('notice as n').innerJoin('notice_target as t', 't.notice_id', 'n.id')
      .innerJoin('org_closure as c', 'c.ancestor_id', 't.org_id')
      .select(['n.id', 'n.title', 'n.sent_at']).distinct()
      .where('c.descendant_id', '=', orgId).where((eb) => eb.or([eb('c.depth', '=', 0), eb('t.subtree', '=', 1)]))
      .where('n.audience', '=', 'all') // notices for members with a post only stay off the wall
      .orderBy('n.sent_at', 'desc').limit(limit).execute();
    return rows.map((r) => ({ title: r.title, date: day(r.sent_at) }));
  } catch {
    return [];
  }
}
