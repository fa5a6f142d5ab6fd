// Study statistics per organization (never per person): for an org and each of its direct children, over the
// subtree of each, plan items dated in the year vs sessions held, and the attendance rate. Three grouped
// reads over the closure table whatever the number of children.
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import { type Clock, todayCn } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import ExcelJS from '../../platform/excel.js';
import { ORG_TYPE_LABELS, type OrgType } from '../../../../contracts/enums.js';
import type { StudyStats, StudyYearQuery } from '../../../../contracts/study.js';
import { rate } from './study.rules.js';

export function createStudyStats(deps: { db: Kysely<Database>; access: Access; clock: Clock }) {
  const { db, access, clock } = deps;
  return {
    async stats(actor: Actor, q: StudyYearQuery): Promise<StudyStats & { orgName: string }> {
      await access.require(actor, 'study.read', q.orgId);
      const year = q.year ?? Number(todayCn(clock).slice(0, 4));
      const self = await db.selectFrom('org').select(['id', 'name', 'type']).where('id', '=', q.orgId).executeTakeFirst();
      if (!self) throw notFound('组织');
      const children = await db.selectFrom('org').select(['id', 'name', 'type']).where('parent_id', '=', q.orgId).where('status', '=', 'active')
        .orderBy('sort_order').orderBy('id').execute();
      const orgs = [self, ...children];
      const ids = orgs.map((o) => o.id);
      const planned = await db.selectFrom('study_plan_item as i').innerJoin('study_plan as p', 'p.id', 'i.plan_id')
        .innerJoin('org_closure as c', 'c.descendant_id', 'i.org_id')
        .select(['c.ancestor_id as org', (eb) => eb.fn.countAll<number>().as('n')])
        .where('c.ancestor_id', 'in', ids).where('i.year', '=', year).where('i.deleted_at', 'is', null).where('p.deleted_at', 'is', null)
        .groupBy('c.ancestor_id').execute();
      const held = await db.selectFrom('study_session as s').innerJoin('org_closure as c', 'c.descendant_id', 's.org_id')
        .select((eb) => ['c.ancestor_id as org', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('s.plan_item_id').distinct().as('planned'),
          eb.fn.sum<number>('s.expected_count').as('expected'), eb.fn.sum<number>('s.present_count').as('present')])
        .where('c.ancestor_id', 'in', ids).where('s.year', '=', year).where('s.deleted_at', 'is', null)
        .groupBy('c.ancestor_id').execute();
      const p = new Map(planned.map((r) => [Number(r.org), Number(r.n)]));
      const h = new Map(held.map((r) => [Number(r.org), r]));
      return {
        year, orgName: self.name,
        rows: orgs.map((o, i) => {
          const s = h.get(o.id);
          const expected = Number(s?.expected ?? 0);
          const present = Number(s?.present ?? 0);
          return {
            org: { id: o.id, name: o.name, type: o.type }, self: i === 0, planned: p.get(o.id) ?? 0, held: Number(s?.n ?? 0),
            heldPlanned: Number(s?.planned ?? 0), expected, present, attendanceRate: rate(present, expected),
          };
        }),
      };
    },
  };
}
export type StudyStatsService = ReturnType<typeof createStudyStats>;

export async function writeStudyStatsXlsx(out: Writable, s: StudyStats & { orgName: string }) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(`${s.year}年学习统计`, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ['组织', '类型', '计划专题数', '已开展学习次数', '其中按计划开展', '计划完成率', '应到人次', '实到人次', '出勤率']
    .map((header, i) => ({ header, width: [36, 10, 12, 14, 14, 12, 10, 10, 10][i] }));
  ws.getRow(1).font = { bold: true };
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
  for (const r of s.rows) {
    ws.addRow([r.self ? `${r.org.name}（合计）` : r.org.name, ORG_TYPE_LABELS[r.org.type as OrgType] ?? r.org.type, r.planned, r.held, r.heldPlanned,
      r.planned ? pct(Math.min(1, r.heldPlanned / r.planned)) : '—', r.expected, r.present, pct(r.attendanceRate)]).commit();
  }
  ws.commit();
  await wb.commit();
}
