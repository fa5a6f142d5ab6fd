// Base profiles: one row per org (facts as JSON, derived and overridden tier) and their history.
import type { Kysely, Transaction } from 'kysely';
import type { BaseProfileRow, Database } from '../../platform/db/types.js';

type Q = Kysely<Database> | Transaction<Database>;
export type BaseProfileEvent = Omit<Database['base_profile_event'], 'id'>;

export function createBaseProfileRepo(db: Kysely<Database>) {
  return {
    async byOrg(orgId: number, q: Q = db): Promise<BaseProfileRow | undefined> {
      return q.selectFrom('base_profile').selectAll().where('org_id', '=', orgId).executeTakeFirst();
    },
    async insert(trx: Transaction<Database>, row: BaseProfileRow): Promise<void> {
      await trx.insertInto('base_profile').values(row).execute();
    },
    /** Optimistic update: changes nothing and answers false when the version moved on. */
    async update(trx: Transaction<Database>, orgId: number, version: number, patch: Partial<Omit<BaseProfileRow, 'org_id' | 'version'>>): Promise<boolean> {
      const r = await trx.updateTable('base_profile').set({ ...patch, version: version + 1 })
        .where('org_id', '=', orgId).where('version', '=', version).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async addEvent(q: Q, e: BaseProfileEvent): Promise<void> {
      await q.insertInto('base_profile_event').values(e).execute();
    },
    async events(orgId: number, limit = 50) {
      return db.selectFrom('base_profile_event').selectAll().where('org_id', '=', orgId).orderBy('id', 'desc').limit(limit).execute();
    },
  };
}
export type BaseProfileRepo = ReturnType<typeof createBaseProfileRepo>;
