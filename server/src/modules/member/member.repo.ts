// Member rows: list and search within an org subtree, keyset iteration for exports.
import { sql, type Kysely, type Transaction, type SelectQueryBuilder } from 'kysely';
import type { Database, MemberRow, NewMember } from '../../platform/db/types.js';
import { likeText } from '../../platform/db/connect.js';
import { likeEscape } from '../../platform/db/dialect.js';
import { createRootCache } from '../org/org.scope.js';

type Q = Kysely<Database> | Transaction<Database>;
export interface MemberFilter { scopeOrgId: number | null; q?: string; status?: string; category?: string }

/** Latin letters as a prefix range (`>= 'zs' and < 'zt'`): unlike LIKE, a range uses the index on both databases. */
function prefixRange(column: 'member.name_initials' | 'member.name_pinyin', prefix: string) {
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return (eb: any) => eb.and([eb(column, '>=', prefix), eb(column, '<', upper)]);
}

export function createMemberRepo(db: Kysely<Database>) {
  const isRoot = createRootCache(db);
  /** The filtered members; `withOrg` joins the org for its name (lists need it, counts must not pay for it). */
  async function filtered(f: MemberFilter, withOrg = true): Promise<SelectQueryBuilder<Database, 'member' | 'org', object>> {
    const base = withOrg ? db.selectFrom('member').innerJoin('org', 'org.id', 'member.org_id') : db.selectFrom('member');
    let qb = base as unknown as SelectQueryBuilder<Database, 'member' | 'org', object>;
    if (f.scopeOrgId !== null) {
      if (await isRoot(f.scopeOrgId)) qb = qb.where('member.root_id', '=', f.scopeOrgId);
      else qb = qb.where('member.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', f.scopeOrgId!));
    }
    if (f.status) qb = qb.where('member.status', '=', f.status);
    if (f.category) qb = qb.where('member.category', '=', f.category);
    const q = f.q?.trim();
    if (q) {
      if (/^[a-zA-Z]+$/.test(q)) {
        // Latin letters: pinyin initials (zs) or the start of the full pinyin (zhangs), as Chinese users type.
        const p = q.toLowerCase();
        qb = qb.where((eb) => eb.or([prefixRange('member.name_initials', p)(eb), prefixRange('member.name_pinyin', p)(eb)]));
      } else {
        qb = qb.where(likeText(sql.ref('member.name'), `%${likeEscape(q)}%`));
      }
    }
    return qb;
  }
  return {
    async list(f: MemberFilter, offset: number, limit: number) {
      return (await filtered(f)).selectAll('member').select('org.name as org_name')
        .orderBy('member.id').limit(limit).offset(offset).execute() as Promise<(MemberRow & { org_name: string })[]>;
    },
    async count(f: MemberFilter): Promise<number> {
      const r = await (await filtered(f, false)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Batches in id order, for exports: memory stays bounded whatever the size. */
    async *iterate(f: MemberFilter, batch = 1000): AsyncGenerator<(MemberRow & { org_name: string })[]> {
      let after = 0;
      for (;;) {
        const rows = await (await filtered(f)).selectAll('member').select('org.name as org_name')
          .where('member.id', '>', after).orderBy('member.id').limit(batch).execute() as (MemberRow & { org_name: string })[];
        if (rows.length === 0) return;
        yield rows;
        after = rows[rows.length - 1].id;
        if (rows.length < batch) return;
      }
    },
    async byId(id: number, q: Q = db): Promise<MemberRow | undefined> {
      return q.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async byIdHash(hash: string, q: Q = db): Promise<MemberRow | undefined> {
      return q.selectFrom('member').selectAll().where('id_number_hash', '=', hash).executeTakeFirst();
    },
    async existingHashes(hashes: string[], q: Q = db): Promise<Set<string>> {
      if (hashes.length === 0) return new Set();
      const rows = await q.selectFrom('member').select('id_number_hash').where('id_number_hash', 'in', hashes).execute();
      return new Set(rows.map((r) => r.id_number_hash));
    },
    async insert(q: Q, row: NewMember): Promise<number> {
      const r = await q.insertInto('member').values(row).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },
    async insertMany(q: Q, rows: NewMember[]): Promise<void> {
      if (rows.length > 0) await q.insertInto('member').values(rows).execute();
    },
    async update(q: Q, id: number, version: number, patch: Partial<NewMember>): Promise<boolean> {
      const r = await q.updateTable('member').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async transfers(memberId: number) {
      // Names with their parent ("财政局机关党委 / 机关第一党支部"): many branches share a name.
      const rows = await db.selectFrom('member_transfer as t')
        .innerJoin('org as f', 'f.id', 't.from_org_id').innerJoin('org as o', 'o.id', 't.to_org_id')
        .leftJoin('org as fp', 'fp.id', 'f.parent_id').leftJoin('org as op', 'op.id', 'o.parent_id')
        .select(['t.id', 'f.name as from_name', 'fp.name as from_parent', 'o.name as to_name', 'op.name as to_parent', 't.transfer_date', 't.reason', 't.at'])
        .where('t.member_id', '=', memberId).orderBy('t.id', 'desc').execute();
      const named = (parent: string | null, name: string) => (parent ? `${parent} / ${name}` : name);
      return rows.map((r) => ({ ...r, from_name: named(r.from_parent, r.from_name), to_name: named(r.to_parent, r.to_name) }));
    },
  };
}
export type MemberRepo = ReturnType<typeof createMemberRepo>;
