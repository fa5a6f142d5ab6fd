// Parsed packs by standard version id. Published versions never change; the row version is part of the key
// so an edited draft is parsed again.
import type { Kysely } from 'kysely';
import type { Database, StandardVersionRow } from '../../platform/db/types.js';
import type { StandardPack } from '../../../../contracts/standard.js';

export interface LoadedStandard { row: StandardVersionRow; pack: StandardPack }

export function createPackCache(db: Kysely<Database>) {
  const packs = new Map<string, StandardPack>();
  return async function byId(id: number): Promise<LoadedStandard | null> {
    const row = await db.selectFrom('standard_version').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const key = `${row.id}:${row.row_version}`;
    let pack = packs.get(key);
    if (!pack) { pack = JSON.parse(row.content) as StandardPack; packs.set(key, pack); }
    return { row, pack };
  };
}
export type PackCache = ReturnType<typeof createPackCache>;
