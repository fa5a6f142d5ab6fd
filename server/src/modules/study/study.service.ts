// Study plans (学习计划: a year or quarter plan with dated topics and linked materials) and sessions held
// (学习活动: date, topic, place, materials, attendance from the member roll with reasons for absence).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import { type Clock, iso, todayCn } from '../../platform/clock.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import type {
  StudyPlan, StudyPlanBody, StudyPlanCreateBody, StudyPlanSummary, StudyPlanUpdateBody, StudySession, StudySessionBody,
  StudySessionCreateBody, StudySessionSummary, StudySessionUpdateBody, StudyYearQuery,
} from '../../../../contracts/study.js';
import type { StudyMaterials } from './study.materials.js';
import { idsOf, requireDate, trimOrNull } from './study.rules.js';

export function createStudyService(deps: { db: Kysely<Database>; materials: StudyMaterials; access: Access; audit: Audit; clock: Clock }) {
  const { db, materials, access, audit, clock } = deps;
  const yearOf = (q: StudyYearQuery) => q.year ?? Number(todayCn(clock).slice(0, 4));

  async function activeOrg(orgId: number) {
    const org = await db.selectFrom('org').select(['id', 'name', 'status']).where('id', '=', orgId).executeTakeFirst();
    if (!org) throw notFound('组织');
    return org;
  }

  // ---- plans ----
  async function loadPlan(id: number) {
    const row = await db.selectFrom('study_plan as p').innerJoin('org as o', 'o.id', 'p.org_id').selectAll('p').select('o.name as org_name')
      .where('p.id', '=', id).where('p.deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('学习计划');
    return row;
  }
  const planSummary = (p: Awaited<ReturnType<typeof loadPlan>>): StudyPlanSummary => ({
    id: p.id, org: { id: p.org_id, name: p.org_name }, title: p.title, year: p.year, quarter: p.quarter, itemCount: p.item_count,
    updatedAt: p.updated_at, version: p.version,
  });
  async function checkPlanBody(orgId: number, body: StudyPlanBody) {
    body.items.forEach((it, i) => {
      requireDate(it.plannedOn, `items.${i}.plannedOn`, '计划日期');
      if (Number(it.plannedOn.slice(0, 4)) !== body.year) throw badInput(`第 ${i + 1} 个专题的日期不在 ${body.year} 年内`, [{ field: `items.${i}.plannedOn`, message: '不在计划年度内' }]);
      if (body.quarter && Math.ceil(Number(it.plannedOn.slice(5, 7)) / 3) !== body.quarter) {
        throw badInput(`第 ${i + 1} 个专题的日期不在第 ${body.quarter} 季度内`, [{ field: `items.${i}.plannedOn`, message: '不在计划季度内' }]);
      }
    });
    await materials.refs(orgId, body.items.flatMap((it) => it.materialIds));
  }
  async function writeItems(trx: Transaction<Database>, planId: number, orgId: number, body: StudyPlanBody) {
    const existing = await trx.selectFrom('study_plan_item').select('id').where('plan_id', '=', planId).where('deleted_at', 'is', null).execute();
    const keep = new Set(existing.map((e) => e.id));
    const sent = new Set<number>();
    for (const [i, it] of body.items.entries()) {
      const values = { topic: it.topic.trim(), planned_on: it.plannedOn, material_ids: JSON.stringify([...new Set(it.materialIds)]), sort_order: i, year: body.year };
      if (it.id !== undefined) {
        if (!keep.has(it.id) || sent.has(it.id)) throw badInput('计划专题已被修改，请刷新后重试', [{ field: `items.${i}.id`, message: '无效' }]);
        sent.add(it.id);
        await trx.updateTable('study_plan_item').set(values).where('id', '=', it.id).execute();
      } else {
        await trx.insertInto('study_plan_item').values({ plan_id: planId, org_id: orgId, ...values, deleted_at: null }).execute();
      }
    }
    const gone = [...keep].filter((id) => !sent.has(id));
    if (gone.length) await trx.updateTable('study_plan_item').set({ deleted_at: iso(clock.now()) }).where('id', 'in', gone).execute();
  }

  // ---- sessions ----
  async function loadSession(id: number) {
    const row = await db.selectFrom('study_session as s').innerJoin('org as o', 'o.id', 's.org_id').selectAll('s').select('o.name as org_name')
      .where('s.id', '=', id).where('s.deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('学习活动');
    return row;
  }
  const sessionSummary = (s: Awaited<ReturnType<typeof loadSession>>): StudySessionSummary => ({
    id: s.id, org: { id: s.org_id, name: s.org_name }, heldOn: s.held_on, topic: s.topic, place: s.place, planItemId: s.plan_item_id,
    expectedCount: s.expected_count, presentCount: s.present_count, updatedAt: s.updated_at, version: s.version,
  });
  /** Checks the body against the org's roll and plans; answers the attendance rows to write. */
  async function checkSessionBody(orgId: number, body: StudySessionBody) {
    requireDate(body.heldOn, 'heldOn', '学习日期');
    if (body.heldOn > todayCn(clock)) throw badInput('学习日期不能晚于今天', [{ field: 'heldOn', message: '日期无效' }]);
    if (body.planItemId) {
      const item = await db.selectFrom('study_plan_item as i').innerJoin('study_plan as p', 'p.id', 'i.plan_id').select('i.id')
        .where('i.id', '=', body.planItemId).where('i.org_id', '=', orgId).where('i.deleted_at', 'is', null).where('p.deleted_at', 'is', null).executeTakeFirst();
      if (!item) throw badInput('所选计划专题不属于本组织', [{ field: 'planItemId', message: '无效' }]);
    }
    await materials.refs(orgId, body.materialIds);
    const ids = body.attendance.map((a) => a.memberId);
    if (new Set(ids).size !== ids.length) throw badInput('出勤名单中有重复的党员', [{ field: 'attendance', message: '重复' }]);
    body.attendance.forEach((a, i) => {
      if (!a.present && !trimOrNull(a.absenceReason)) throw badInput('缺席的党员请填写缺席原因', [{ field: `attendance.${i}.absenceReason`, message: '请填写缺席原因' }]);
    });
    const names = new Map<number, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db.selectFrom('member as m').innerJoin('org_closure as c', 'c.descendant_id', 'm.org_id').select(['m.id', 'm.name'])
        .where('c.ancestor_id', '=', orgId).where('m.id', 'in', ids.slice(i, i + 500)).where('m.status', '=', 'active').execute();
      for (const r of rows) names.set(r.id, r.name);
    }
    if (names.size !== ids.length) throw badInput('出勤名单中有不属于本组织的党员（或已不在册）', [{ field: 'attendance', message: '党员无效' }]);
    return body.attendance.map((a) => ({ member_id: a.memberId, member_name: names.get(a.memberId)!, present: a.present ? 1 : 0, absence_reason: a.present ? null : trimOrNull(a.absenceReason) }));
  }
  async function writeAttendance(trx: Transaction<Database>, sessionId: number, rows: Awaited<ReturnType<typeof checkSessionBody>>) {
    await trx.deleteFrom('study_attendance').where('session_id', '=', sessionId).execute();
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      if (chunk.length) await trx.insertInto('study_attendance').values(chunk.map((r) => ({ ...r, session_id: sessionId }))).execute();
    }
  }
  const sessionValues = (body: StudySessionBody, att: { present: number }[]) => ({
    held_on: body.heldOn, year: Number(body.heldOn.slice(0, 4)), topic: body.topic.trim(), place: trimOrNull(body.place), note: trimOrNull(body.note),
    plan_item_id: body.planItemId ?? null, material_ids: JSON.stringify([...new Set(body.materialIds)]),
    expected_count: att.length, present_count: att.filter((a) => a.present).length,
  });

  return {
    async listPlans(actor: Actor, q: StudyYearQuery): Promise<{ items: StudyPlanSummary[] }> {
      await access.require(actor, 'study.read', q.orgId);
      const rows = await db.selectFrom('study_plan as p').innerJoin('org as o', 'o.id', 'p.org_id').selectAll('p').select('o.name as org_name')
        .where('p.org_id', '=', q.orgId).where('p.year', '=', yearOf(q)).where('p.deleted_at', 'is', null)
        .orderBy('p.quarter').orderBy('p.id').execute();
      return { items: rows.map(planSummary) };
    },

    async getPlan(actor: Actor, id: number): Promise<StudyPlan> {
      const p = await loadPlan(id);
      await access.require(actor, 'study.read', p.org_id);
      const items = await db.selectFrom('study_plan_item').selectAll().where('plan_id', '=', id).where('deleted_at', 'is', null).orderBy('sort_order').execute();
      const mIds = [...new Set(items.flatMap((i) => idsOf(i.material_ids)))];
      const titles = new Map((mIds.length ? await db.selectFrom('study_material').select(['id', 'title']).where('id', 'in', mIds).execute() : []).map((m) => [m.id, m.title]));
      const held = new Set(items.length ? (await db.selectFrom('study_session').select('plan_item_id').where('plan_item_id', 'in', items.map((i) => i.id))
        .where('deleted_at', 'is', null).execute()).map((s) => s.plan_item_id) : []);
      return {
        ...planSummary(p), note: p.note,
        items: items.map((i) => ({
          id: i.id, topic: i.topic, plannedOn: i.planned_on, held: held.has(i.id),
          materials: idsOf(i.material_ids).filter((m) => titles.has(m)).map((m) => ({ id: m, title: titles.get(m)! })),
        })),
      };
    },

    async createPlan(actor: Actor, body: StudyPlanCreateBody): Promise<StudyPlan> {
      await access.require(actor, 'study.write', body.orgId);
      const org = await activeOrg(body.orgId);
      if (org.status !== 'active') throw badInput('已撤销的组织不能制定学习计划');
      if (body.items.some((i) => i.id !== undefined)) throw badInput('新计划的专题不应带编号');
      await checkPlanBody(body.orgId, body);
      const now = iso(clock.now());
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx.insertInto('study_plan').values({
          org_id: body.orgId, title: body.title.trim(), year: body.year, quarter: body.quarter, note: trimOrNull(body.note), item_count: body.items.length,
          created_by_name: actor.displayName, created_at: now, updated_at: now, deleted_at: null, version: 1,
        }).returning('id').executeTakeFirstOrThrow();
        await writeItems(trx, id, body.orgId, body);
        await audit.record(actor, { action: 'study_plan.create', targetType: 'study_plan', targetId: id, orgId: body.orgId, detail: { title: body.title, year: body.year, items: body.items.length } }, trx);
        return id;
      });
      return this.getPlan(actor, id);
    },

    async updatePlan(actor: Actor, id: number, body: StudyPlanUpdateBody): Promise<StudyPlan> {
      const p = await loadPlan(id);
      await access.require(actor, 'study.write', p.org_id);
      await checkPlanBody(p.org_id, body);
      await db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('study_plan').set({
          title: body.title.trim(), year: body.year, quarter: body.quarter, note: trimOrNull(body.note), item_count: body.items.length,
          updated_at: iso(clock.now()), version: p.version + 1,
        }).where('id', '=', id).where('version', '=', body.version).where('deleted_at', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict();
        await writeItems(trx, id, p.org_id, body);
        await audit.record(actor, { action: 'study_plan.update', targetType: 'study_plan', targetId: id, orgId: p.org_id, detail: { title: body.title, items: body.items.length } }, trx);
      });
      return this.getPlan(actor, id);
    },

    async removePlan(actor: Actor, id: number) {
      const p = await loadPlan(id);
      await access.require(actor, 'study.write', p.org_id);
      await db.transaction().execute(async (trx) => {
        const now = iso(clock.now());
        await trx.updateTable('study_plan').set({ deleted_at: now }).where('id', '=', id).execute();
        await trx.updateTable('study_plan_item').set({ deleted_at: now }).where('plan_id', '=', id).where('deleted_at', 'is', null).execute();
        await audit.record(actor, { action: 'study_plan.delete', targetType: 'study_plan', targetId: id, orgId: p.org_id, detail: { title: p.title } }, trx);
      });
      return { ok: true };
    },

    async listSessions(actor: Actor, q: StudyYearQuery): Promise<{ items: StudySessionSummary[] }> {
      await access.require(actor, 'study.read', q.orgId);
      const rows = await db.selectFrom('study_session as s').innerJoin('org as o', 'o.id', 's.org_id').selectAll('s').select('o.name as org_name')
        .where('s.org_id', '=', q.orgId).where('s.year', '=', yearOf(q)).where('s.deleted_at', 'is', null)
        .orderBy('s.held_on', 'desc').orderBy('s.id', 'desc').execute();
      return { items: rows.map(sessionSummary) };
    },

    async getSession(actor: Actor, id: number): Promise<StudySession> {
      const s = await loadSession(id);
      await access.require(actor, 'study.read', s.org_id);
      const att = await db.selectFrom('study_attendance').selectAll().where('session_id', '=', id).orderBy('id').execute();
      const mIds = idsOf(s.material_ids);
      const titles = new Map((mIds.length ? await db.selectFrom('study_material').select(['id', 'title']).where('id', 'in', mIds).execute() : []).map((m) => [m.id, m.title]));
      return {
        ...sessionSummary(s), note: s.note,
        materials: mIds.filter((m) => titles.has(m)).map((m) => ({ id: m, title: titles.get(m)! })),
        attendance: att.map((a) => ({ memberId: a.member_id, name: a.member_name, present: a.present === 1, absenceReason: a.absence_reason })),
      };
    },

    async createSession(actor: Actor, body: StudySessionCreateBody): Promise<StudySession> {
      await access.require(actor, 'study.write', body.orgId);
      const org = await activeOrg(body.orgId);
      if (org.status !== 'active') throw badInput('已撤销的组织不能登记学习活动');
      const att = await checkSessionBody(body.orgId, body);
      const now = iso(clock.now());
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx.insertInto('study_session').values({
          org_id: body.orgId, ...sessionValues(body, att), created_by_name: actor.displayName, created_at: now, updated_at: now, deleted_at: null, version: 1,
        }).returning('id').executeTakeFirstOrThrow();
        await writeAttendance(trx, id, att);
        await audit.record(actor, { action: 'study_session.create', targetType: 'study_session', targetId: id, orgId: body.orgId, detail: { topic: body.topic, heldOn: body.heldOn, expected: att.length } }, trx);
        return id;
      });
      return this.getSession(actor, id);
    },

    async updateSession(actor: Actor, id: number, body: StudySessionUpdateBody): Promise<StudySession> {
      const s = await loadSession(id);
      await access.require(actor, 'study.write', s.org_id);
      const att = await checkSessionBody(s.org_id, body);
      await db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('study_session').set({ ...sessionValues(body, att), updated_at: iso(clock.now()), version: s.version + 1 })
          .where('id', '=', id).where('version', '=', body.version).where('deleted_at', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict();
        await writeAttendance(trx, id, att);
        await audit.record(actor, { action: 'study_session.update', targetType: 'study_session', targetId: id, orgId: s.org_id, detail: { topic: body.topic, heldOn: body.heldOn } }, trx);
      });
      return this.getSession(actor, id);
    },

    async removeSession(actor: Actor, id: number) {
      const s = await loadSession(id);
      await access.require(actor, 'study.write', s.org_id);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('study_session').set({ deleted_at: iso(clock.now()) }).where('id', '=', id).execute();
        await audit.record(actor, { action: 'study_session.delete', targetType: 'study_session', targetId: id, orgId: s.org_id, detail: { topic: s.topic, heldOn: s.held_on } }, trx);
      });
      return { ok: true };
    },

    /** Latest session topics of an org, for the wall display. */
    async recentTopics(orgId: number, limit = 5) {
      return db.selectFrom('study_session').select(['held_on', 'topic']).where('org_id', '=', orgId).where('deleted_at', 'is', null)
        .orderBy('held_on', 'desc').orderBy('id', 'desc').limit(limit).execute();
    },
  };
}
export type StudyService = ReturnType<typeof createStudyService>;
