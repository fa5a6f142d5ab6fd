// A member's inbox: the notices whose targets cover the member's org (closure table), newest first by key, with
// read state; opening one writes the receipt (once) and counts it in the org's read summary.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import { type Clock, iso } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import type { Inbox, InboxNotice, NoticeKind } from '../../../../contracts/notice.js';
import type { NoticeRepo, Reader } from './notice.repo.js';
import { presentInboxItem } from './notice.presenter.js';

export function createInboxService(deps: { db: Kysely<Database>; repo: NoticeRepo; access: Access; clock: Clock }) {
  const { db, repo, access, clock } = deps;

  /** The reader behind an account: its linked member, if that member is in the roll. */
  async function reader(actor: Actor): Promise<Reader | null> {
    await access.require(actor, 'notice.inbox');
    if (actor.memberId === null) return null;
    const m = await db.selectFrom('member').select(['id', 'org_id', 'status', 'post']).where('id', '=', actor.memberId).executeTakeFirst();
    if (!m || m.status !== 'active') return null;
    return { memberId: m.id, orgId: m.org_id, hasPost: !!m.post?.trim() };
  }

  return {
    async inbox(actor: Actor, q: { before?: number; limit?: number }): Promise<Inbox> {
      const r = await reader(actor);
      if (!r) return { items: [], reminded: [], unread: 0, nextBefore: null };
      const limit = q.limit ?? 20;
      const [rows, reminded, unread] = await Promise.all([
        repo.inbox(r, q.before, limit + 1),
        q.before === undefined ? repo.remindedUnread(r, 10) : Promise.resolve([]),
        repo.unreadCount(r),
      ]);
      const items = rows.slice(0, limit).map(presentInboxItem);
      return { items, reminded: reminded.map(presentInboxItem), unread, nextBefore: rows.length > limit ? items[items.length - 1].id : null };
    },

    async open(actor: Actor, id: number): Promise<InboxNotice> {
      const r = await reader(actor);
      // Not covered reads as "does not exist": a member learns nothing about notices sent elsewhere.
      if (!r || !(await repo.covers(id, r))) throw notFound('通知');
      const n = (await repo.byId(id))!;
      const now = iso(clock.now());
      await db.transaction().execute((trx) => repo.markRead(trx, id, r, now));
      const readAt = (await repo.readAt(id, r.memberId))?.read_at ?? now;
      return { id: n.id, kind: n.kind as NoticeKind, title: n.title, body: n.body, senderOrgName: n.sender_org_name, sentAt: n.sent_at, readAt };
    },
  };
}
export type InboxService = ReturnType<typeof createInboxService>;
