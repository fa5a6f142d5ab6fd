// Everything one assessment's rules need, loaded once per request: the campaign and its pack, the org and its
// base facts, the live tier, the item rows and the automatic checks computed from today's data.
import type { Kysely } from 'kysely';
import type { AssessmentItemRow, AssessmentRow, CampaignRow, Database, OrgRow } from '../../platform/db/types.js';
import { type Clock, iso, todayCn } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import type { AssessmentStatus, AutoCheck, SelfResult } from '../../../../contracts/assessment.js';
import type { Requirement, StandardPack } from '../../../../contracts/standard.js';
import type { LoadedStandard, PackCache } from '../standard/standard.cache.js';
import { deriveTier, requirementsForTier } from '../standard/standard.pack.js';
import type { AssessmentRepo } from './assessment.repo.js';
import { runChecks } from './assessment.checks.js';
import { isEditable, isFailed, type ItemState } from './assessment.rules.js';

export interface AssessmentContext {
  a: AssessmentRow;
  campaign: CampaignRow;
  std: LoadedStandard;
  org: OrgRow;
  facts: Record<string, unknown>;
  /** The tier as of now: stored while the assessment is out of the org's hands, else derived from today's profile. */
  tier: number | null;
  requirements: Requirement[];
  rows: Map<string, AssessmentItemRow>;
  evidenceCounts: Map<string, number>;
  /** Automatic checks by requirement: computed now while editable, else as stored at submission. */
  auto: Map<string, AutoCheck | null>;
  today: string;
}

/** What the digital base knows about an org, for the automatic checks (each may be absent). */
export interface DigitalSignals {
  column?(orgId: number): Promise<{ lastPublishedAt: string | null; days: number | null } | null>;
  reach?(orgId: number): Promise<{ members: number; withAccount: number } | null>;
}

export function createContextLoader(deps: { db: Kysely<Database>; repo: AssessmentRepo; packs: PackCache; clock: Clock; digital?: DigitalSignals }) {
  const { db, repo, packs, clock, digital } = deps;
  return async function load(id: number, q: Kysely<Database> = db): Promise<AssessmentContext> {
    const a = await repo.byId(id, q);
    if (!a) throw notFound('自评');
    const campaign = await q.selectFrom('campaign').selectAll().where('id', '=', a.campaign_id).executeTakeFirstOrThrow();
    const std = (await packs(campaign.standard_version_id))!;
    const org = await q.selectFrom('org').selectAll().where('id', '=', a.org_id).executeTakeFirstOrThrow();
    const profile = await q.selectFrom('base_profile').select(['facts', 'tier_override']).where('org_id', '=', a.org_id).executeTakeFirst();
    const facts: Record<string, unknown> = { ...(profile ? JSON.parse(profile.facts) as Record<string, unknown> : {}), memberCount: org.member_count };
    const live = isEditable(a.status as AssessmentStatus) && campaign.status === 'active';
    const tier = live ? (profile?.tier_override ?? deriveTier(std.pack, facts)) : a.tier;
    const requirements = tier === null ? [] : requirementsForTier(std.pack, tier);
    const rows = new Map((await repo.items(a.id, q)).map((r) => [r.requirement_code, r]));
    const evidence = await q.selectFrom('evidence').select(['requirement_code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('assessment_id', '=', a.id).where('inspection_id', 'is', null).where('deleted_at', 'is', null).groupBy('requirement_code').execute();
    const evidenceCounts = new Map(evidence.map((e) => [e.requirement_code ?? '', Number(e.n)]));
    const today = todayCn(clock);
    const auto = new Map<string, AutoCheck | null>();
    if (live && tier !== null) {
      const [photoDates, column, reach] = await Promise.all([
        repo.photoDates(a.org_id), digital?.column?.(a.org_id), digital?.reach?.(a.org_id),
      ]);
      const at = iso(clock.now());
      for (const r of requirements) auto.set(r.code, runChecks(r.checks, { pack: std.pack, tier, facts, photoDates, today, column, reach }, at));
    } else {
      for (const r of requirements) {
        const d = rows.get(r.code)?.auto_detail;
        auto.set(r.code, d ? JSON.parse(d) as AutoCheck : null);
      }
    }
    return { a, campaign, std, org, facts, tier, requirements, rows, evidenceCounts, auto, today };
  };
}
export type ContextLoader = ReturnType<typeof createContextLoader>;

/** The rule-level state of one item, from its row (if any), the automatic check and the evidence count. */
export function stateOf(ctx: AssessmentContext, code: string, override: Partial<ItemState> = {}): ItemState {
  const row = ctx.rows.get(code);
  return {
    selfResult: (row?.self_result ?? null) as SelfResult | null,
    naReason: row?.na_reason ?? null,
    auto: ctx.auto.get(code) ?? null,
    reviewResult: (row?.review_result ?? null) as ItemState['reviewResult'],
    reviewComment: row?.review_comment ?? null,
    inspectionResult: (row?.inspection_result ?? null) as ItemState['inspectionResult'],
    evidenceCount: ctx.evidenceCounts.get(code) ?? 0,
    updatedAt: row?.updated_at ?? null,
    ...override,
  };
}

/** The stored failed flag of an item, and what it becomes. */
export const failedNow = (ctx: AssessmentContext, code: string) => ctx.rows.get(code)?.failed ?? 0;
export const failedOf = (s: ItemState) => (isFailed(s) ? 1 : 0);
export type { StandardPack };
