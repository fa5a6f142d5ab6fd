// Campaigns and the assessments they create.
import type { Kysely, Transaction } from 'kysely';
import type { CampaignRow, Database } from '../../platform/db/types.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Org types that keep a base and are assessed (a group works inside its branch's base). */
export const ASSESSED_ORG_TYPES = ['organ_committee', 'general_branch', 'branch'] as const;

export function createCampaignRepo(db: Kysely<Database>) {
  return {
    async byId(id: number, q: Q = db): Promise<CampaignRow | undefined> {
      return q.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async list(rootId: number | null): Promise<CampaignRow[]> {
      let qb = db.selectFrom('campaign').selectAll();
      if (rootId !== null) qb = qb.where('root_id', '=', rootId);
      return qb.orderBy('id', 'desc').limit(200).execute();
    },
    async insert(trx: Transaction<Database>, row: Omit<CampaignRow, 'id'>): Promise<number> {
      const r = await trx.insertInto('campaign').values(row).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },
    /** The orgs a campaign over this subtree assesses, with what their tier is derived from. */
    async orgsToAssess(trx: Transaction<Database>, scopeOrgId: number) {
      return trx.selectFrom('org_closure as c').innerJoin('org as o', 'o.id', 'c.descendant_id')
        .leftJoin('base_profile as b', 'b.org_id', 'o.id')
        .select(['o.id', 'o.parent_id', 'o.member_count', 'b.facts', 'b.tier_override'])
        .where('c.ancestor_id', '=', scopeOrgId).where('o.status', '=', 'active')
        .where('o.type', 'in', [...ASSESSED_ORG_TYPES]).orderBy('o.id').execute();
    },
    async accepted(campaignIds: number[], orgId?: number): Promise<Map<number, number>> {
      if (campaignIds.length === 0) return new Map();
      let qb = db.selectFrom('campaign_rollup as r').innerJoin('campaign as c', 'c.id', 'r.campaign_id')
        .select(['r.campaign_id', (eb) => eb.fn.sum<number>('r.n').as('n')])
        .where('r.campaign_id', 'in', campaignIds).where('r.status', '=', 'accepted');
      qb = orgId === undefined ? qb.whereRef('r.org_id', '=', 'c.scope_org_id') : qb.where('r.org_id', '=', orgId);
      const rows = await qb.groupBy('r.campaign_id').execute();
      return new Map(rows.map((r) => [r.campaign_id, Number(r.n)]));
    },
  };
}
export type CampaignRepo = ReturnType<typeof createCampaignRepo>;
