// Notices from the sender's side: send to a scope, the list of sent notices, per-org reach and read statistics,
// reminders. Sending writes the notice, one row per target and one delivery row per enabled chat robot: never
// one row per member, whatever the scope's size. A reminder is one row, plus a delivery per robot of an org that
// still has unread members.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import { type Clock, iso } from '../../platform/clock.js';
import { badInput, notFound } from '../../platform/errors.js';
import type { NoticeList, NoticeSendBody, NoticeStats, NoticeStatsQuery, NoticeSummary } from '../../../../contracts/notice.js';
import type { NoticeRepo } from './notice.repo.js';
import { presentNotice, presentSummary, rate } from './notice.presenter.js';
import { cleanBody } from './notice.text.js';
import { searchIndex } from '../search/search.index.js';

export function createNoticeService(deps: { db: Kysely<Database>; repo: NoticeRepo; access: Access; audit: Audit; clock: Clock }) {
  const { db, repo, access, audit, clock } = deps;

  /** One pending delivery per chat robot the notice (or one reminder of it) goes to; returns how many. */
  async function queueDeliveries(trx: Transaction<Database>, noticeId: number, remind: { id: number; orgId: number; audience: string } | null, now: string) {
    const hooks = await repo.webhookOrgs(trx, noticeId, remind ?? undefined);
    if (hooks.length) {
      await trx.insertInto('notice_delivery').values(hooks.map((h) => ({
        notice_id: noticeId, org_id: h.org_id, kind: h.kind, status: 'pending', attempts: 0, http_status: null, error: null,
        next_attempt_at: now, created_at: now, updated_at: now, remind_id: remind?.id ?? null,
      }))).execute();
    }
    return hooks.length;
  }

  async function load(actor: Actor, id: number) {
    const n = await repo.byId(id);
    if (!n) throw notFound('通知');
    await access.require(actor, 'notice.read', n.sender_org_id);
    return n;
  }

  return {
    async send(actor: Actor, body: NoticeSendBody): Promise<NoticeSummary> {
      await access.require(actor, 'notice.send', body.senderOrgId);
      const sender = await db.selectFrom('org').select(['id', 'name', 'root_id', 'status']).where('id', '=', body.senderOrgId).executeTakeFirst();
      if (!sender) throw notFound('发送组织');
      if (sender.status !== 'active') throw badInput('该组织已撤销');
      const title = body.title.trim();
      const text = cleanBody(body.body);
      if (title.length < 2) throw badInput('标题至少 2 个字', [{ field: 'title', message: '请填写标题' }]);
      if (!text) throw badInput('请填写通知内容', [{ field: 'body', message: '请填写通知内容' }]);
      const byOrg = new Map<number, boolean>();
      for (const t of body.targets) byOrg.set(t.orgId, (byOrg.get(t.orgId) ?? false) || t.subtree);
      const ids = [...byOrg.keys()];
      // Every target inside the sender org's subtree (and so inside the actor's scope), and still active.
      const inside = await db.selectFrom('org_closure as c').innerJoin('org as o', 'o.id', 'c.descendant_id')
        .select(['o.id', 'o.name', 'o.status']).where('c.ancestor_id', '=', sender.id).where('c.descendant_id', 'in', ids).execute();
      const found = new Map(inside.map((o) => [o.id, o]));
      const outside = ids.filter((id) => !found.has(id));
      if (outside.length) throw badInput('发送范围只能是本组织及其下级组织', [{ field: 'targets', message: `不在发送组织范围内的组织：${outside.join('、')}` }]);
      const dissolved = inside.filter((o) => o.status !== 'active');
      if (dissolved.length) throw badInput(`已撤销的组织不能作为发送范围：${dissolved.map((o) => o.name).join('、')}`, [{ field: 'targets', message: '含已撤销的组织' }]);
      const targets = ids.map((id) => ({ orgId: id, name: found.get(id)!.name, subtree: byOrg.get(id)! }));
      const now = iso(clock.now());
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx.insertInto('notice').values({
          root_id: sender.root_id, sender_org_id: sender.id, kind: body.kind, audience: body.audience, title, body: text,
          target_summary: JSON.stringify(targets), read_count: 0, remind_count: 0, last_reminded_at: null,
          sent_by: actor.accountId, sent_by_name: actor.displayName, sent_at: now,
        }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('notice_target').values(targets.map((t) => ({ notice_id: id, org_id: t.orgId, subtree: t.subtree ? 1 : 0 }))).execute();
        const robots = await queueDeliveries(trx, id, null, now);
        await searchIndex.notice(trx, id);
        await audit.record(actor, { action: 'notice.send', targetType: 'notice', targetId: id, orgId: sender.id, detail: { title, kind: body.kind, audience: body.audience, targets: targets.length, webhooks: robots } }, trx);
        return id;
      });
      return presentSummary((await repo.byId(id))!);
    },

    async list(actor: Actor, q: { orgId?: number; before?: number; limit?: number }): Promise<NoticeList> {
      const scope = q.orgId ?? actor.orgId;
      await access.require(actor, 'notice.read', scope);
      const limit = q.limit ?? 20;
      const rows = await repo.sent(scope, q.before, limit + 1);
      const more = rows.length > limit;
      const items = rows.slice(0, limit).map(presentSummary);
      return { items, nextBefore: more ? items[items.length - 1].id : null };
    },

    async get(actor: Actor, id: number) {
      return presentNotice(await load(actor, id));
    },

    async stats(actor: Actor, id: number, q: NoticeStatsQuery): Promise<NoticeStats> {
      const n = await load(actor, id);
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 50;
      const sort = q.sort ?? 'rate';
      const order = q.order ?? 'asc'; // lowest read rate first: the orgs to remind
      const s = await repo.stats(n.id, n.audience, { sort, order, limit: pageSize, offset: (page - 1) * pageSize });
      return {
        notice: presentSummary(n),
        totals: { ...s.totals, rate: rate(s.totals.read, s.totals.reached) },
        items: s.items.map((r) => ({ ...r, rate: rate(r.read, r.reached) })),
        total: s.totals.orgs, page, pageSize,
      };
    },

    /** Re-surfaces the notice for those who have not read it (in the whole scope or one covered subtree): one row. */
    async remind(actor: Actor, id: number, body: { orgId?: number }) {
      const n = await repo.byId(id);
      if (!n) throw notFound('通知');
      await access.require(actor, 'notice.send', n.sender_org_id);
      const orgId = body.orgId ?? n.sender_org_id;
      if (body.orgId !== undefined && !(await repo.coversOrg(n.id, body.orgId))) throw badInput('该组织不在此通知的发送范围内');
      const now = iso(clock.now());
      const robots = await db.transaction().execute(async (trx) => {
        const { id: remindId } = await trx.insertInto('notice_remind').values({ notice_id: n.id, org_id: orgId, actor_id: actor.accountId, actor_name: actor.displayName, at: now })
          .returning('id').executeTakeFirstOrThrow();
        await trx.updateTable('notice').set({ remind_count: sql`remind_count + 1`, last_reminded_at: now }).where('id', '=', n.id).execute();
        const robots = await queueDeliveries(trx, n.id, { id: remindId, orgId, audience: n.audience }, now);
        await audit.record(actor, { action: 'notice.remind', targetType: 'notice', targetId: n.id, orgId, detail: { orgId, webhooks: robots } }, trx);
        return robots;
      });
      return { ok: true, remindCount: n.remind_count + 1, robots };
    },
  };
}
export type NoticeService = ReturnType<typeof createNoticeService>;
