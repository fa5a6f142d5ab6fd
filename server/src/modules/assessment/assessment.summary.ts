// The coverage summaries, kept current inside the transaction of every change, so that the dashboard of any
// subtree reads a handful of rows instead of aggregating 50,000 assessments:
//   campaign_rollup   (campaign, ancestor-or-self org, tier, status) -> count of assessments
//   campaign_failed   (campaign, ancestor-or-self org, requirement)  -> count of failed items
//   campaign_progress (campaign, ancestor-or-self org, day)          -> accepted / submitted / total that day (burn-up)
// Ancestors are taken from the closure table at the time of the change.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/types.js';

type Q = Kysely<Database> | Transaction<Database>;

interface Ancestor { id: number; parentId: number | null }
async function ancestorsOf(q: Q, orgId: number): Promise<Ancestor[]> {
  const rows = await q.selectFrom('org_closure as c').innerJoin('org as o', 'o.id', 'c.ancestor_id')
    .select(['c.ancestor_id', 'o.parent_id']).where('c.descendant_id', '=', orgId).execute();
  return rows.map((r) => ({ id: r.ancestor_id, parentId: r.parent_id }));
}

async function addRollup(q: Q, campaignId: number, orgs: Ancestor[], tier: number, status: string, delta: number) {
  if (orgs.length === 0) return;
  await q.insertInto('campaign_rollup')
    .values(orgs.map((o) => ({ campaign_id: campaignId, org_id: o.id, parent_id: o.parentId, tier, status, n: delta })))
    .onConflict((oc) => oc.columns(['campaign_id', 'org_id', 'tier', 'status']).doUpdateSet({ n: sql`campaign_rollup.n + ${delta}` }))
    .execute();
}

/** Today's burn-up point of each org, copied from the rollup. */
async function snapshot(q: Q, campaignId: number, orgIds: number[], day: string) {
  if (orgIds.length === 0) return;
  const rows = await q.selectFrom('campaign_rollup').select([
    'org_id',
    sql<number>`sum(case when status = 'accepted' then n else 0 end)`.as('accepted'),
    sql<number>`sum(case when status = 'submitted' then n else 0 end)`.as('submitted'),
    sql<number>`sum(n)`.as('total'),
  ]).where('campaign_id', '=', campaignId).where('org_id', 'in', orgIds).groupBy('org_id').execute();
  if (rows.length === 0) return;
  await q.insertInto('campaign_progress')
    .values(rows.map((r) => ({ campaign_id: campaignId, org_id: r.org_id, day, accepted: Number(r.accepted), submitted: Number(r.submitted), total: Number(r.total) })))
    .onConflict((oc) => oc.columns(['campaign_id', 'org_id', 'day']).doUpdateSet((eb) => ({
      accepted: eb.ref('excluded.accepted'), submitted: eb.ref('excluded.submitted'), total: eb.ref('excluded.total'),
    })))
    .execute();
}

export const tierKey = (tier: number | null) => tier ?? 0;

export function createSummary() {
  return {
    /** An assessment moved from one (tier, status) to another. */
    async move(trx: Transaction<Database>, campaignId: number, orgId: number, from: { tier: number | null; status: string }, to: { tier: number | null; status: string }, day: string) {
      if (tierKey(from.tier) === tierKey(to.tier) && from.status === to.status) return;
      const orgs = await ancestorsOf(trx, orgId);
      await addRollup(trx, campaignId, orgs, tierKey(from.tier), from.status, -1);
      await addRollup(trx, campaignId, orgs, tierKey(to.tier), to.status, 1);
      await snapshot(trx, campaignId, orgs.map((o) => o.id), day);
    },
    /** Items of one assessment started or stopped counting as failed. */
    async failed(trx: Transaction<Database>, campaignId: number, orgId: number, deltas: Map<string, number>) {
      const changed = [...deltas].filter(([, d]) => d !== 0);
      if (changed.length === 0) return;
      const orgs = (await ancestorsOf(trx, orgId)).map((o) => o.id);
      for (const [code, delta] of changed) {
        await trx.insertInto('campaign_failed')
          .values(orgs.map((org_id) => ({ campaign_id: campaignId, org_id, requirement_code: code, n: delta })))
          .onConflict((oc) => oc.columns(['campaign_id', 'org_id', 'requirement_code']).doUpdateSet({ n: sql`campaign_failed.n + ${delta}` }))
          .execute();
      }
    },
    /** At the start of a campaign: every assessment not started, counted into all its ancestors in one statement. */
    async initialize(trx: Transaction<Database>, campaignId: number, day: string) {
      await trx.insertInto('campaign_rollup').columns(['campaign_id', 'org_id', 'parent_id', 'tier', 'status', 'n'])
        .expression((eb) => eb.selectFrom('assessment as a').innerJoin('org_closure as c', 'c.descendant_id', 'a.org_id')
          .innerJoin('org as p', 'p.id', 'c.ancestor_id')
          .select([
            sql<number>`cast(${campaignId} as integer)`.as('campaign_id'), 'c.ancestor_id', 'p.parent_id',
            sql<number>`coalesce(a.tier, 0)`.as('tier'), sql<string>`'not_started'`.as('status'), sql<number>`count(*)`.as('n'),
          ])
          .where('a.campaign_id', '=', campaignId).groupBy(['c.ancestor_id', 'p.parent_id', sql`coalesce(a.tier, 0)`]))
        .execute();
      await trx.insertInto('campaign_progress').columns(['campaign_id', 'org_id', 'day', 'accepted', 'submitted', 'total'])
        .expression((eb) => eb.selectFrom('campaign_rollup').select([
          'campaign_id', 'org_id', sql<string>`cast(${day} as text)`.as('day'), sql<number>`0`.as('accepted'), sql<number>`0`.as('submitted'), sql<number>`sum(n)`.as('total'),
        ]).where('campaign_id', '=', campaignId).groupBy(['campaign_id', 'org_id']))
        .execute();
    },
  };
}
export type Summary = ReturnType<typeof createSummary>;
