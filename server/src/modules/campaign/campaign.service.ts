// Campaigns (专项工作): a work committee starts one with a published standard version, a scope (a subtree) and a
// deadline; every assessed organization in the scope gets an assessment against its tier's requirements.
import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { CampaignRow, Database } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import { type Clock, iso, todayCn } from '../../platform/clock.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import type { Campaign, CampaignCloseBody, CampaignCreateBody } from '../../../../contracts/assessment.js';
import type { OrgRepo } from '../org/org.repo.js';
import type { PackCache } from '../standard/standard.cache.js';
import { deriveTier } from '../standard/standard.pack.js';
import type { Summary } from '../assessment/assessment.summary.js';
import type { CampaignRepo } from './campaign.repo.js';

const BATCH = 500;

export function createCampaignService(deps: {
  db: Kysely<Database>; repo: CampaignRepo; orgs: OrgRepo; packs: PackCache; summary: Summary; access: Access; audit: Audit; clock: Clock;
}) {
  const { db, repo, orgs, packs, summary, access, audit, clock } = deps;

  async function present(rows: CampaignRow[]): Promise<Campaign[]> {
    const accepted = await repo.accepted(rows.map((r) => r.id));
    const scopes = new Map((await orgs.byIds([...new Set(rows.map((r) => r.scope_org_id))])).map((o) => [o.id, o]));
    const out: Campaign[] = [];
    for (const r of rows) {
      const std = await packs(r.standard_version_id);
      out.push({
        id: r.id, title: r.title, status: r.status as Campaign['status'],
        scope: { id: r.scope_org_id, name: scopes.get(r.scope_org_id)?.name ?? '' },
        standard: { id: r.standard_version_id, packId: std?.row.pack_id ?? '', version: std?.row.version ?? '', title: std?.row.title ?? '' },
        deadline: r.deadline, startedOn: r.started_on, assessmentCount: r.assessment_count, acceptedCount: accepted.get(r.id) ?? 0,
        createdBy: r.created_by_name, createdAt: r.created_at, version: r.version,
      });
    }
    return out;
  }

  /** The campaign, when the actor may see it: its scope is within the actor's subtree, or the actor's org is within its scope. */
  async function visible(actor: Actor, id: number): Promise<CampaignRow> {
    const row = await repo.byId(id);
    if (!row) throw notFound('专项工作');
    if (!(await access.can(actor, 'campaign.read'))) await access.deny(actor, 'campaign.read', { type: 'campaign', id });
    if (access.isGlobal(actor) || (await access.inScope(actor, row.scope_org_id))) return row;
    if (actor.orgId !== null && (await orgs.isAncestor(row.scope_org_id, actor.orgId))) return row;
    return access.deny(actor, 'campaign.read', { type: 'campaign', id }, '您无权查看该专项工作');
  }

  return {
    visible,
    async list(actor: Actor) {
      await access.require(actor, 'campaign.read');
      const root = actor.orgId === null ? null : (await orgs.byId(actor.orgId))?.root_id ?? -1;
      const rows = await repo.list(root);
      const mine: CampaignRow[] = [];
      for (const r of rows) {
        if (access.isGlobal(actor) || (await access.inScope(actor, r.scope_org_id)) || (actor.orgId !== null && (await orgs.isAncestor(r.scope_org_id, actor.orgId)))) mine.push(r);
      }
      return { items: await present(mine) };
    },

    async get(actor: Actor, id: number) {
      return (await present([await visible(actor, id)]))[0];
    },

    async create(actor: Actor, body: Static<typeof CampaignCreateBody>) {
      await access.require(actor, 'campaign.write', body.scopeOrgId);
      const scope = await orgs.byId(body.scopeOrgId);
      if (!scope) throw notFound('组织');
      if (scope.status !== 'active') throw badInput('已撤销的组织不能作为专项工作的范围', [{ field: 'scopeOrgId', message: '请选择正常状态的组织' }]);
      const std = await packs(body.standardVersionId);
      if (!std) throw badInput('所选标准版本不存在', [{ field: 'standardVersionId', message: '请选择已发布的标准' }]);
      if (std.row.status !== 'published') throw badInput('只能按已发布的标准开展专项工作', [{ field: 'standardVersionId', message: '该版本尚未发布' }]);
      const today = todayCn(clock);
      if (body.deadline < today) throw badInput('截止日期不能早于今天', [{ field: 'deadline', message: `请选择 ${today} 或以后的日期` }]);
      const title = body.title.trim();
      if (title.length < 2) throw badInput('请填写专项工作名称（2 至 100 字）', [{ field: 'title', message: '请填写名称' }]);
      const now = iso(clock.now());
      const id = await db.transaction().execute(async (trx) => {
        const targets = await repo.orgsToAssess(trx, scope.id);
        if (targets.length === 0) throw badInput('该范围内没有需要自评的党组织（机关党委、党总支、党支部）', [{ field: 'scopeOrgId', message: '请选择包含党组织的范围' }]);
        const campaignId = await repo.insert(trx, {
          root_id: scope.root_id, scope_org_id: scope.id, standard_version_id: std.row.id, title, status: 'active',
          deadline: body.deadline, started_on: today, assessment_count: targets.length, created_by: actor.accountId,
          created_by_name: actor.displayName, created_at: now, closed_at: null, version: 1,
        });
        const rows = targets.map((t) => {
          const facts = t.facts ? JSON.parse(t.facts) as Record<string, unknown> : {};
          const tier = t.tier_override ?? deriveTier(std.pack, { ...facts, memberCount: t.member_count });
          return {
            campaign_id: campaignId, org_id: t.id, parent_org_id: t.parent_id, tier, status: 'not_started', failed_count: 0,
            rectification_deadline: null, review_comment: null, submitted_at: null, reviewed_at: null, accepted_at: null, updated_at: now, version: 1,
          };
        });
        for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto('assessment').values(rows.slice(i, i + BATCH)).execute();
        await summary.initialize(trx, campaignId, today);
        await audit.record(actor, {
          action: 'campaign.create', targetType: 'campaign', targetId: campaignId, orgId: scope.id,
          detail: { title, standard: `${std.row.pack_id}@${std.row.version}`, deadline: body.deadline, assessments: rows.length },
        }, trx);
        return campaignId;
      });
      return (await present([(await repo.byId(id))!]))[0];
    },

    async close(actor: Actor, id: number, body: Static<typeof CampaignCloseBody>) {
      const row = await visible(actor, id);
      await access.require(actor, 'campaign.write', row.scope_org_id);
      if (row.status === 'closed') throw badInput('该专项工作已结束');
      if (row.version !== body.version) throw conflict();
      await db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('campaign').set({ status: 'closed', closed_at: iso(clock.now()), version: row.version + 1 })
          .where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict();
        await audit.record(actor, { action: 'campaign.close', targetType: 'campaign', targetId: id, orgId: row.scope_org_id, detail: { title: row.title } }, trx);
      });
      return (await present([(await repo.byId(id))!]))[0];
    },
  };
}
export type CampaignService = ReturnType<typeof createCampaignService>;
