// Whether an org is a root. A root's subtree is "everything with this root_id", an index range that is far
// cheaper than joining the closure table's 50,000 rows; below the root, subtrees are small and the closure
// join is fast. Cached: roots cannot be moved and a non-root never becomes one.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';

export function createRootCache(db: Kysely<Database>) {
  const known = new Map<number, boolean>();
  return async function isRoot(orgId: number): Promise<boolean> {
    const hit = known.get(orgId);
    if (hit !== undefined) return hit;
    const row = await db.selectFrom('org').select('parent_id').where('id', '=', orgId).executeTakeFirst();
    if (!row) return false; // unknown ids are not cached: the org may be created later
    known.set(orgId, row.parent_id === null);
    return row.parent_id === null;
  };
}
export type IsRoot = ReturnType<typeof createRootCache>;
