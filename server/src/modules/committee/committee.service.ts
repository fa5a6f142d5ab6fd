// Committees (班子) by term (届次): the current term, re-election, and terms ending within six months.
import type { Kysely } from 'kysely';
import type { Database, CommitteeTermRow } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import { type Clock, iso, todayCn, addMonths, daysBetween } from '../../platform/clock.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import type { CommitteeTerm } from '../../../../contracts/schemas.js';
import type { CommitteeRole } from '../../../../contracts/enums.js';
import { TERM_WARNING_MONTHS } from '../../../../contracts/limits.js';

export interface CommitteeSaveInput {
  startDate: string; endDate: string; seats: { role: CommitteeRole; memberId: number | null; personName: string }[];
}

export function createCommitteeService(deps: { db: Kysely<Database>; access: Access; audit: Audit; clock: Clock }) {
  const { db, access, audit, clock } = deps;

  async function present(t: CommitteeTermRow): Promise<CommitteeTerm> {
    const seats = await db.selectFrom('committee_seat').selectAll().where('term_id', '=', t.id).orderBy('sort_order').execute();
    const today = todayCn(clock);
    return {
      id: t.id, orgId: t.org_id, startDate: t.start_date, endDate: t.end_date,
      seats: seats.map((s) => ({ role: s.role as CommitteeRole, memberId: s.member_id, personName: s.person_name })),
      daysToEnd: daysBetween(today, t.end_date), version: t.version,
      expiringSoon: t.is_current === 1 && t.end_date <= addMonths(today, TERM_WARNING_MONTHS),
    };
  }
  async function validate(orgId: number, input: CommitteeSaveInput) {
    if (input.endDate <= input.startDate) throw badInput('任期结束日期应晚于开始日期');
    const secretaries = input.seats.filter((s) => s.role === 'secretary').length;
    if (secretaries > 1) throw badInput('一个班子只能有一名书记');
    const ids = input.seats.map((s) => s.memberId).filter((x): x is number => x !== null);
    if (new Set(ids).size !== ids.length) throw badInput('同一名党员在班子中出现了多次');
    if (ids.length) {
      // Seats reference members of this org's subtree only: no borrowing people from another branch by id.
      const found = await db.selectFrom('member').select('id')
        .where('id', 'in', ids)
        .where('org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId))
        .execute();
      if (found.length !== ids.length) throw badInput('班子成员须是本组织的党员');
    }
  }
  async function writeSeats(trx: Kysely<Database>, termId: number, input: CommitteeSaveInput) {
    await trx.deleteFrom('committee_seat').where('term_id', '=', termId).execute();
    if (input.seats.length) {
      await trx.insertInto('committee_seat').values(input.seats.map((s, i) => ({
        term_id: termId, role: s.role, member_id: s.memberId, person_name: s.personName.trim(), sort_order: i,
      }))).execute();
    }
  }
  async function orgOf(orgId: number) {
    const org = await db.selectFrom('org').select(['id', 'status', 'type']).where('id', '=', orgId).executeTakeFirst();
    if (!org) throw notFound('组织');
    return org;
  }

  return {
    async list(actor: Actor, orgId: number) {
      await access.require(actor, 'org.read', orgId);
      await orgOf(orgId);
      const terms = await db.selectFrom('committee_term').selectAll().where('org_id', '=', orgId).orderBy('start_date', 'desc').orderBy('id', 'desc').execute();
      return Promise.all(terms.map(present));
    },
    /** Re-election: the new term becomes current, the previous one is kept as history. */
    async startTerm(actor: Actor, orgId: number, input: CommitteeSaveInput) {
      await access.require(actor, 'committee.write', orgId);
      const org = await orgOf(orgId);
      if (org.status !== 'active') throw badInput('已撤销的组织不能换届');
      if (org.type === 'group') throw badInput('党小组不设委员会');
      await validate(orgId, input);
      const now = iso(clock.now());
      const id = await db.transaction().execute(async (trx) => {
        await trx.updateTable('committee_term').set({ is_current: 0, updated_at: now }).where('org_id', '=', orgId).where('is_current', '=', 1).execute();
        const { id } = await trx.insertInto('committee_term').values({ org_id: orgId, start_date: input.startDate, end_date: input.endDate, is_current: 1, created_at: now, updated_at: now, version: 1 })
          .returning('id').executeTakeFirstOrThrow();
        await writeSeats(trx, id, input);
        await trx.insertInto('org_event').values({ org_id: orgId, action: 'committee', detail: `换届：任期 ${input.startDate} 至 ${input.endDate}`, actor_id: actor.accountId, actor_name: actor.displayName, at: now }).execute();
        await audit.record(actor, { action: 'committee.save', targetType: 'committee_term', targetId: id, orgId, detail: { kind: 'new_term', ...input } }, trx);
        return id;
      });
      return present((await db.selectFrom('committee_term').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
    },
    async updateTerm(actor: Actor, termId: number, input: CommitteeSaveInput & { version: number }) {
      const t = await db.selectFrom('committee_term').selectAll().where('id', '=', termId).executeTakeFirst();
      if (!t) throw notFound('班子届次');
      await access.require(actor, 'committee.write', t.org_id);
      await validate(t.org_id, input);
      const now = iso(clock.now());
      await db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('committee_term').set({ start_date: input.startDate, end_date: input.endDate, updated_at: now, version: t.version + 1 })
          .where('id', '=', termId).where('version', '=', input.version).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict();
        await writeSeats(trx, termId, input);
        await audit.record(actor, { action: 'committee.save', targetType: 'committee_term', targetId: termId, orgId: t.org_id, detail: { kind: 'update', ...input } }, trx);
      });
      return present((await db.selectFrom('committee_term').selectAll().where('id', '=', termId).executeTakeFirstOrThrow()));
    },
    /** Current terms in scope ending within six months (or already past), soonest first. */
    async expiring(actor: Actor, orgId: number | null) {
      const scope = orgId ?? actor.orgId;
      await access.require(actor, 'org.read', scope);
      const today = todayCn(clock);
      let qb = db.selectFrom('committee_term as t').innerJoin('org as o', 'o.id', 't.org_id').leftJoin('org as p', 'p.id', 'o.parent_id')
        .select(['t.id', 't.org_id', 'o.name', 'p.name as parent_name', 't.end_date'])
        .where('t.is_current', '=', 1).where('o.status', '=', 'active').where('t.end_date', '<=', addMonths(today, TERM_WARNING_MONTHS));
      if (scope !== null) qb = qb.where('t.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', scope));
      const rows = await qb.orderBy('t.end_date').limit(500).execute();
      const secretaries = rows.length
        ? await db.selectFrom('committee_seat').select(['term_id', 'person_name']).where('term_id', 'in', rows.map((r) => r.id)).where('role', '=', 'secretary').execute()
        : [];
      const sec = new Map(secretaries.map((s) => [s.term_id, s.person_name]));
      return rows.map((r) => ({ orgId: r.org_id, orgName: r.name, parentName: r.parent_name ?? null, endDate: r.end_date, daysToEnd: daysBetween(today, r.end_date), secretary: sec.get(r.id) ?? null }));
    },
  };
}
export type CommitteeService = ReturnType<typeof createCommitteeService>;
