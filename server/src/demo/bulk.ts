// Bulk loading of generated organizations, members and committees: closure rows are computed in memory
// and everything goes in by batches with explicit ids, so 50,000 orgs and 1,000,000 members load in minutes.
import type { Kysely } from 'kysely';
import type { Insertable } from 'kysely';
import type { Database, NewMember } from '../platform/db/types.js';
import type { Cipher } from '../platform/crypto.js';
import { resetSequences } from '../platform/db/dialect.js';
import { memberColumns } from '../modules/member/member.rules.js';
import { emptyMemberStats, tallyMember, type MemberStats } from '../modules/org/org.member-stats.js';
import type { GenCommitteeTerm, GenMember, GenOrg } from './generate.js';

export interface BulkResult { orgIds: Map<string, number>; memberIds: Map<number, number>; members: number }

async function maxId(db: Kysely<Database>, table: 'org' | 'member' | 'committee_term'): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.max<number>('id').as('m')).executeTakeFirst();
  return Number(r?.m ?? 0);
}

export async function bulkLoad(db: Kysely<Database>, cipher: Cipher, data: {
  orgs: readonly GenOrg[]; members: Iterable<GenMember>; committees?: readonly GenCommitteeTerm[]; today: string; now: string;
  keepMemberIds?: (m: GenMember) => boolean; onProgress?: (what: string, n: number) => void;
}): Promise<BulkResult> {
  const orgIds = new Map<string, number>();
  const memberIds = new Map<number, number>();
  let nextOrg = (await maxId(db, 'org')) + 1;
  const rootOf = new Map<string, number>();
  const ancestors = new Map<string, number[]>(); // key -> ids from root to self
  const orgRows: Insertable<Database['org']>[] = [];
  const closure: Database['org_closure'][] = [];
  for (const o of data.orgs) {
    const id = nextOrg++;
    orgIds.set(o.key, id);
    const parentId = o.parentKey ? orgIds.get(o.parentKey)! : null;
    const chain = [...(o.parentKey ? ancestors.get(o.parentKey)! : []), id];
    ancestors.set(o.key, chain);
    const root = o.parentKey ? rootOf.get(o.parentKey)! : id;
    rootOf.set(o.key, root);
    orgRows.push({
      id, parent_id: parentId, root_id: root, name: o.name, short_name: o.shortName, code: o.code, type: o.type, status: 'active',
      sort_order: 0, member_count: 0, probationary_count: 0, dissolved_at: null, dissolve_reason: null, created_at: data.now, updated_at: data.now, version: 1,
    } as never);
    chain.forEach((a, i) => closure.push({ ancestor_id: a, descendant_id: id, depth: chain.length - 1 - i }));
  }
  const stats = new Map<number, MemberStats>(); // the per-org summaries, tallied by the services' rule as rows go in
  let members = 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < orgRows.length; i += 500) await trx.insertInto('org').values(orgRows.slice(i, i + 500)).execute();
    for (let i = 0; i < closure.length; i += 2000) await trx.insertInto('org_closure').values(closure.slice(i, i + 2000)).execute();
    data.onProgress?.('orgs', orgRows.length);
    let nextMember = (await maxId(trx as unknown as Kysely<Database>, 'member')) + 1;
    let batch: NewMember[] = [];
    const flush = async () => {
      if (batch.length) await trx.insertInto('member').values(batch).execute();
      batch = [];
    };
    for (const m of data.members) {
      const orgId = orgIds.get(m.orgKey)!;
      const id = nextMember++;
      const cols = memberColumns(m, cipher, data.today);
      batch.push({ ...cols, id, org_id: orgId, root_id: rootOf.get(m.orgKey)!, status: m.status, created_at: data.now, updated_at: data.now, version: 1 } as NewMember);
      if (!data.keepMemberIds || data.keepMemberIds(m)) memberIds.set(m.index, id);
      let s = stats.get(orgId);
      if (!s) stats.set(orgId, s = emptyMemberStats());
      tallyMember(s, m.status, cols.category);
      members++;
      if (batch.length >= 500) { await flush(); if (members % 50_000 === 0) data.onProgress?.('members', members); }
    }
    await flush();
    for (const [orgId, s] of stats) await trx.updateTable('org').set(s).where('id', '=', orgId).execute();
    if (data.committees?.length) {
      let nextTerm = (await maxId(trx as unknown as Kysely<Database>, 'committee_term')) + 1;
      const seats: Insertable<Database['committee_seat']>[] = [];
      const terms: Insertable<Database['committee_term']>[] = [];
      for (const t of data.committees) {
        const id = nextTerm++;
        terms.push({ id, org_id: orgIds.get(t.orgKey)!, start_date: t.startDate, end_date: t.endDate, is_current: 1, created_at: data.now, updated_at: data.now, version: 1 } as never);
        t.seats.forEach((s, i) => seats.push({ term_id: id, role: s.role, member_id: s.memberIndex === null ? null : memberIds.get(s.memberIndex) ?? null, person_name: s.personName, sort_order: i } as never));
      }
      for (let i = 0; i < terms.length; i += 500) await trx.insertInto('committee_term').values(terms.slice(i, i + 500)).execute();
      for (let i = 0; i < seats.length; i += 500) await trx.insertInto('committee_seat').values(seats.slice(i, i + 500)).execute();
    }
  });
  await resetSequences(db, ['org', 'member', 'committee_term']);
  return { orgIds, memberIds, members };
}
