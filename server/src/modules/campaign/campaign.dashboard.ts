// The work committee's view of a campaign for any subtree in its scope, read from the summaries
// (assessment.summary.ts): a few index reads whatever the size of the subtree.
import { sql, type Kysely } from 'kysely';
import type { CampaignRow, Database } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import { type Clock, daysBetween, todayCn } from '../../platform/clock.js';
import { badInput, notFound } from '../../platform/errors.js';
import {
  ASSESSMENT_STATUSES, type AssessmentListPage, type AssessmentListQuery, type AssessmentStatus, type Dashboard, type StatusCounts,
} from '../../../../contracts/assessment.js';
import { PAGE_SIZE_DEFAULT } from '../../../../contracts/limits.js';
import type { OrgRepo } from '../org/org.repo.js';
import type { PackCache } from '../standard/standard.cache.js';
import type { CampaignService } from './campaign.service.js';

/** A child of the org shown, with its assessments summed per status (the rollup over its subtree). */
type ChildRow = { org_id: number; name: string; sort_order: number; total: number } & Record<AssessmentStatus, number>;

const emptyCounts = (): StatusCounts => ({ not_started: 0, in_progress: 0, submitted: 0, returned: 0, accepted: 0, total: 0 });
const addTo = (c: StatusCounts, status: string, n: number) => {
  if ((ASSESSMENT_STATUSES as readonly string[]).includes(status)) c[status as AssessmentStatus] += n;
  c.total += n;
};

export function createDashboardService(deps: { db: Kysely<Database>; campaigns: CampaignService; orgs: OrgRepo; packs: PackCache; access: Access; clock: Clock }) {
  const { db, campaigns, orgs, packs, access, clock } = deps;

  /** The campaign and the subtree asked for: in the campaign's scope and in the actor's. */
  async function target(actor: Actor, campaignId: number, orgId: number | undefined): Promise<{ campaign: CampaignRow; orgId: number }> {
    const campaign = await campaigns.visible(actor, campaignId);
    const id = orgId ?? (access.isGlobal(actor) || (await access.inScope(actor, campaign.scope_org_id)) ? campaign.scope_org_id : actor.orgId!);
    if (!(await orgs.isAncestor(campaign.scope_org_id, id))) throw badInput('该组织不在本次专项工作的范围内', [{ field: 'orgId', message: '请选择范围内的组织' }]);
    await access.require(actor, 'campaign.read', id);
    return { campaign, orgId: id };
  }

  async function overdueCounts(campaign: CampaignRow, orgId: number, totals: StatusCounts, today: string) {
    const q = db.selectFrom('assessment as a').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.campaign_id', '=', campaign.id).where('a.status', '=', 'returned').where('a.rectification_deadline', '<', today);
    const r = await (orgId === campaign.scope_org_id ? q : q.where('a.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId)))
      .executeTakeFirstOrThrow();
    const rectificationOverdue = Number(r.n);
    return { count: today > campaign.deadline ? totals.total - totals.accepted : rectificationOverdue, rectificationOverdue };
  }

  return {
    target,
    async dashboard(actor: Actor, campaignId: number, orgIdParam?: number): Promise<Dashboard> {
      const { campaign, orgId } = await target(actor, campaignId, orgIdParam);
      const std = (await packs(campaign.standard_version_id))!;
      const today = todayCn(clock);
      const org = await orgs.byId(orgId);
      if (!org) throw notFound('组织');
      const [rollup, children, burn, failed, path, present] = await Promise.all([
        db.selectFrom('campaign_rollup').select(['tier', 'status', 'n']).where('campaign_id', '=', campaign.id).where('org_id', '=', orgId).execute(),
        // One index range of the rollup (by parent), summed per child into one row with a column per status (a row
        // per child and status was 5x the rows and twice the time for a root with 2,000 children); names joined after.
        db.selectFrom((eb) => eb.selectFrom('campaign_rollup')
          .select((e) => ['org_id', e.fn.sum<number>('n').as('total'),
            ...ASSESSMENT_STATUSES.map((st) => e.fn.sum<number>(e.case().when('status', '=', st).then(e.ref('n')).else(0).end()).as(st))])
          .where('campaign_id', '=', campaign.id).where('parent_id', '=', orgId).groupBy('org_id').as('r'))
          .innerJoin('org as o', 'o.id', 'r.org_id')
          .selectAll('r').select(['o.name', 'o.sort_order']).execute() as Promise<ChildRow[]>,
        db.selectFrom('campaign_progress').select(['day', 'accepted', 'submitted', 'total']).where('campaign_id', '=', campaign.id)
          .where('org_id', '=', orgId).orderBy('day').execute(),
        db.selectFrom('campaign_failed').select(['requirement_code', 'n']).where('campaign_id', '=', campaign.id).where('org_id', '=', orgId)
          .where('n', '>', 0).orderBy('n', 'desc').orderBy('requirement_code').limit(10).execute(),
        orgs.ancestors(orgId),
        campaigns.get(actor, campaign.id),
      ]);
      const totals = emptyCounts();
      const tiers = new Map<number, StatusCounts>();
      for (const r of rollup) {
        addTo(totals, r.status, Number(r.n));
        if (!tiers.has(r.tier)) tiers.set(r.tier, emptyCounts());
        addTo(tiers.get(r.tier)!, r.status, Number(r.n));
      }
      const kids = children.map((c) => {
        const counts = emptyCounts();
        for (const st of ASSESSMENT_STATUSES) counts[st] = Number(c[st]);
        counts.total = Number(c.total);
        return { org: { id: Number(c.org_id), name: c.name }, sort: c.sort_order, counts };
      });
      const childCounts = await orgs.grandchildCounts(orgId);
      const tierName = (t: number) => (t === 0 ? '未定类别' : std.pack.tiers.find((x) => x.tier === t)?.name ?? `${t} 类`);
      const titles = new Map(std.pack.requirements.map((r) => [r.code, r.title]));
      return {
        campaign: present, org: { id: org.id, name: org.name, path }, today, daysLeft: daysBetween(today, campaign.deadline),
        totals,
        byTier: [...tiers].filter(([, c]) => c.total > 0).sort(([a], [b]) => (a || 99) - (b || 99)).map(([tier, counts]) => ({ tier, tierName: tierName(tier), counts })),
        byChild: kids.filter((k) => k.counts.total > 0).sort((a, b) => a.sort - b.sort || a.org.id - b.org.id)
          .map((k) => ({ org: k.org, childCount: childCounts.get(k.org.id) ?? 0, counts: k.counts })),
        burnUp: burn.map((b) => ({ day: b.day, accepted: Number(b.accepted), submitted: Number(b.submitted), total: Number(b.total) })),
        mostFailed: failed.map((f) => ({ code: f.requirement_code, title: titles.get(f.requirement_code) ?? f.requirement_code, failed: Number(f.n) })),
        overdue: await overdueCounts(campaign, orgId, totals, today),
      };
    },

    /** The list behind any number of the dashboard. */
    async list(actor: Actor, campaignId: number, q: AssessmentListQuery): Promise<AssessmentListPage> {
      const { campaign, orgId } = await target(actor, campaignId, q.orgId);
      const today = todayCn(clock);
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? PAGE_SIZE_DEFAULT;
      let base = db.selectFrom('assessment as a').where('a.campaign_id', '=', campaign.id);
      if (orgId !== campaign.scope_org_id) base = base.where('a.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId));
      if (q.status) base = base.where('a.status', '=', q.status);
      if (q.tier !== undefined) base = q.tier === 0 ? base.where('a.tier', 'is', null) : base.where('a.tier', '=', q.tier);
      if (q.overdue) {
        base = today > campaign.deadline ? base.where('a.status', '!=', 'accepted')
          : base.where('a.status', '=', 'returned').where('a.rectification_deadline', '<', today);
      }
      if (q.failed) {
        const code = q.failed;
        base = base.where('a.id', 'in', (eb) => eb.selectFrom('assessment_item').select('assessment_id').where('requirement_code', '=', code).where('failed', '=', 1));
      }
      const [count, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        base.innerJoin('org as o', 'o.id', 'a.org_id').leftJoin('org as p', 'p.id', 'a.parent_org_id')
          .select(['a.id', 'a.org_id', 'o.name as org_name', 'a.parent_org_id', 'p.name as parent_name', 'a.tier', 'a.status', 'a.failed_count',
            'a.rectification_deadline', 'a.submitted_at', 'a.accepted_at'])
          .orderBy(sql`case a.status when 'returned' then 0 when 'submitted' then 1 when 'in_progress' then 2 when 'not_started' then 3 else 4 end`)
          .orderBy('a.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id, org: { id: r.org_id, name: r.org_name }, parent: r.parent_org_id ? { id: r.parent_org_id, name: r.parent_name ?? '' } : null,
          tier: r.tier, status: r.status as AssessmentStatus, failedCount: r.failed_count, rectificationDeadline: r.rectification_deadline,
          submittedAt: r.submitted_at, acceptedAt: r.accepted_at,
          overdue: r.status !== 'accepted' && (today > campaign.deadline || (r.status === 'returned' && !!r.rectification_deadline && today > r.rectification_deadline)),
        })),
        total: Number(count.n), page, pageSize,
      };
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
