// Versions of standard packs: one row per pack id and version, the pack JSON in `content`.
import type { Kysely, Transaction } from 'kysely';
import type { Database, StandardVersionRow } from '../../platform/db/types.js';

type Q = Kysely<Database> | Transaction<Database>;
export type NewStandardVersion = Omit<StandardVersionRow, 'id'>;

export function createStandardRepo(db: Kysely<Database>) {
  return {
    async byId(id: number, q: Q = db): Promise<StandardVersionRow | undefined> {
      return q.selectFrom('standard_version').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async byPackVersion(packId: string, version: string, q: Q = db): Promise<StandardVersionRow | undefined> {
      return q.selectFrom('standard_version').selectAll().where('pack_id', '=', packId).where('version', '=', version).executeTakeFirst();
    },
    /** Every version, newest first. */
    async list(): Promise<StandardVersionRow[]> {
      return db.selectFrom('standard_version').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    },
    async insert(q: Q, row: NewStandardVersion): Promise<number> {
      const { id } = await q.insertInto('standard_version').values(row).returning('id').executeTakeFirstOrThrow();
      return id;
    },
    /** Optimistic update: changes nothing and answers false when the row version moved on. */
    async update(trx: Transaction<Database>, id: number, rowVersion: number, patch: Partial<NewStandardVersion>): Promise<boolean> {
      const r = await trx.updateTable('standard_version').set({ ...patch, row_version: rowVersion + 1 })
        .where('id', '=', id).where('row_version', '=', rowVersion).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
export type StandardRepo = ReturnType<typeof createStandardRepo>;

/**
 * The standard version that applies to an organization's base profile (its tier rule, later its checklist).
 * The rule, in this one place: the newest published version (by publication time, then id). Meant to become
 * "the newest published version of the org's tree" once work committees own their standards, and to be replaced
 * by the campaign's own version inside a campaign.
 */
export async function currentStandard(db: Kysely<Database>): Promise<StandardVersionRow | undefined> {
  return db.selectFrom('standard_version').selectAll().where('status', '=', 'published')
    .orderBy('published_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}
