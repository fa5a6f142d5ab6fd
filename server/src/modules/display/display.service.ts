// Wall display (阵地展示屏): an org admin pairs a TV with a display token (128 random bits, only its SHA-256
// kept, revocable, listed with when it was last seen); the page /display/<token> then reads its data without
// any session. The data: standard wall texts, disclosure items, the committee of the current term, the latest
// column articles and notices, recent study topics.
import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, DisplayTokenTable } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import { type Clock, iso, todayCn } from '../../platform/clock.js';
import { badInput, notFound } from '../../platform/errors.js';
import { COMMITTEE_ROLE_LABELS, ORG_TYPE_LABELS, type CommitteeRole, type OrgType } from '../../../../contracts/enums.js';
import {
  DISPLAY_REFRESH_SECONDS, DISPLAY_TOKENS_PER_ORG_MAX, type DisplayData, type DisplayPanel, type DisplayToken, type DisplayTokenCreated,
} from '../../../../contracts/display.js';
import { DUTIES, FLAG, MEETINGS, OATH, PURPOSE, RIGHTS, type WallText } from './wall-texts.js';
import { latestArticles, latestNotices } from './display.feeds.js';

const COMMITTEE_TITLES: Record<string, string> = { branch: '支部委员会', general_branch: '党总支委员会', organ_committee: '机关党委委员会', work_committee: '机关工委委员会' };
export const TOKEN_PATTERN = /^[0-9a-f]{32}$/;
const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
/** last_seen_at is written at most this often per token (a TV polls every few minutes; no write storm). */
const SEEN_EVERY_MS = 60_000;

export function createDisplayService(deps: { db: Kysely<Database>; access: Access; audit: Audit; clock: Clock }) {
  const { db, access, audit, clock } = deps;
  const present = (r: Omit<Selectable<DisplayTokenTable>, 'token_hash' | 'org_id'>): DisplayToken => ({
    id: r.id, name: r.name, createdBy: r.created_by_name, createdAt: r.created_at, lastSeenAt: r.last_seen_at, revokedAt: r.revoked_at,
  });
  const text = (kind: DisplayPanel['kind'], t: WallText): DisplayPanel => ({ kind, title: t.title, lines: t.lines, source: t.source });

  return {
    async list(actor: Actor, orgId: number) {
      await access.require(actor, 'display.manage', orgId);
      const rows = await db.selectFrom('display_token').selectAll().where('org_id', '=', orgId).orderBy('id', 'desc').execute();
      return { items: rows.map(present) };
    },

    async create(actor: Actor, orgId: number, body: { name: string }): Promise<DisplayTokenCreated> {
      await access.require(actor, 'display.manage', orgId);
      const org = await db.selectFrom('org').select(['status']).where('id', '=', orgId).executeTakeFirst();
      if (!org) throw notFound('组织');
      if (org.status !== 'active') throw badInput('已撤销的组织不能创建展示屏');
      const active = await db.selectFrom('display_token').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId)
        .where('revoked_at', 'is', null).executeTakeFirstOrThrow();
      if (Number(active.n) >= DISPLAY_TOKENS_PER_ORG_MAX) throw badInput(`每个组织最多 ${DISPLAY_TOKENS_PER_ORG_MAX} 个在用的展示屏，请先停用不用的`);
      const token = crypto.randomBytes(16).toString('hex');
      const row = await db.transaction().execute(async (trx) => {
        const r = await trx.insertInto('display_token').values({
          org_id: orgId, name: body.name.trim() || '展示屏', token_hash: hash(token), created_by_name: actor.displayName, created_at: iso(clock.now()),
          last_seen_at: null, revoked_at: null,
        }).returningAll().executeTakeFirstOrThrow();
        await audit.record(actor, { action: 'display_token.create', targetType: 'display_token', targetId: r.id, orgId, detail: { name: r.name } }, trx);
        return r;
      });
      return { ...present(row), token, url: `/display/${token}` };
    },

    async revoke(actor: Actor, id: number): Promise<DisplayToken> {
      const row = await db.selectFrom('display_token').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('展示屏');
      await access.require(actor, 'display.manage', row.org_id);
      if (row.revoked_at) return present(row);
      const now = iso(clock.now());
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('display_token').set({ revoked_at: now }).where('id', '=', id).execute();
        await audit.record(actor, { action: 'display_token.revoke', targetType: 'display_token', targetId: id, orgId: row.org_id, detail: { name: row.name } }, trx);
      });
      return present({ ...row, revoked_at: now });
    },

    /** The org a live token opens, or null (unknown, malformed or revoked: the page answers 404 alike). */
    async resolve(token: string): Promise<{ tokenId: number; orgId: number } | null> {
      if (!TOKEN_PATTERN.test(token)) return null;
      const row = await db.selectFrom('display_token').select(['id', 'org_id', 'last_seen_at', 'revoked_at']).where('token_hash', '=', hash(token)).executeTakeFirst();
      if (!row || row.revoked_at) return null;
      const now = clock.now();
      if (!row.last_seen_at || now.getTime() - Date.parse(row.last_seen_at) > SEEN_EVERY_MS) {
        await db.updateTable('display_token').set({ last_seen_at: iso(now) }).where('id', '=', row.id).execute();
      }
      return { tokenId: row.id, orgId: row.org_id };
    },

    async orgName(orgId: number): Promise<string> {
      const org = await db.selectFrom('org').select(['name']).where('id', '=', orgId).executeTakeFirst();
      return org?.name ?? '';
    },

    /** Everything the wall shows, for an org (no actor: the token is the credential). */
    async data(orgId: number): Promise<DisplayData> {
      const org = await db.selectFrom('org').select(['id', 'name', 'type', 'member_count', 'probationary_count']).where('id', '=', orgId).executeTakeFirstOrThrow();
      const total = await db.selectFrom('org as o').innerJoin('org_closure as c', 'c.descendant_id', 'o.id')
        .select((eb) => [eb.fn.sum<number>('o.member_count').as('members'), eb.fn.sum<number>('o.probationary_count').as('probationary')])
        .where('c.ancestor_id', '=', orgId).where('o.status', '=', 'active').executeTakeFirstOrThrow();
      const term = await db.selectFrom('committee_term').select(['id', 'start_date', 'end_date']).where('org_id', '=', orgId).where('is_current', '=', 1)
        .orderBy('start_date', 'desc').executeTakeFirst();
      const seats = term ? await db.selectFrom('committee_seat').select(['role', 'person_name']).where('term_id', '=', term.id).orderBy('sort_order').orderBy('id').execute() : [];
      const year = Number(todayCn(clock).slice(0, 4));
      const sessions = await db.selectFrom('study_session').select(['held_on', 'topic', 'expected_count', 'present_count']).where('org_id', '=', orgId)
        .where('deleted_at', 'is', null).orderBy('held_on', 'desc').orderBy('id', 'desc').limit(6).execute();
      const heldThisYear = await db.selectFrom('study_session').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId)
        .where('year', '=', year).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
      const plannedThisYear = await db.selectFrom('study_plan_item as i').innerJoin('study_plan as p', 'p.id', 'i.plan_id').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('i.org_id', '=', orgId).where('i.year', '=', year).where('i.deleted_at', 'is', null).where('p.deleted_at', 'is', null).executeTakeFirstOrThrow();
      const nowIso = iso(clock.now());
      const [articles, notices] = await Promise.all([latestArticles(db, orgId, nowIso), latestNotices(db, orgId)]);

      const panels: DisplayPanel[] = [
        text('oath', OATH),
        text('flag', FLAG),
        text('purpose', PURPOSE),
        text('duties', DUTIES),
        text('rights', RIGHTS),
        text('meetings', MEETINGS),
        {
          kind: 'disclosure', title: '党务公开', lines: [
            `组织名称：${org.name}`,
            `组织类型：${ORG_TYPE_LABELS[org.type as OrgType] ?? org.type}`,
            `党员人数：${Number(total.members ?? 0)} 名（其中预备党员 ${Number(total.probationary ?? 0)} 名）`,
            term ? `本届委员会任期：${term.start_date} 至 ${term.end_date}` : '本届委员会：尚未登记',
            `${year} 年理论学习：计划 ${Number(plannedThisYear.n)} 次，已开展 ${Number(heldThisYear.n)} 次`,
          ],
        },
      ];
      if (seats.length) {
        panels.push({ kind: 'committee', title: COMMITTEE_TITLES[org.type] ?? '委员会成员', lines: seats.map((s) => `${COMMITTEE_ROLE_LABELS[s.role as CommitteeRole] ?? s.role}：${s.person_name}`) });
      }
      if (articles.length) panels.push({ kind: 'articles', title: '党建栏目', lines: articles.map((a) => `${a.date}　${a.title}`) });
      if (notices.length) panels.push({ kind: 'notices', title: '通知公告', lines: notices.map((n) => `${n.date}　${n.title}`) });
      if (sessions.length) panels.push({ kind: 'study', title: '理论学习', lines: sessions.map((s) => `${s.held_on}　${s.topic}`) });
      return { org: { id: org.id, name: org.name }, generatedAt: nowIso, refreshSeconds: DISPLAY_REFRESH_SECONDS, panels };
    },
  };
}
export type DisplayService = ReturnType<typeof createDisplayService>;
