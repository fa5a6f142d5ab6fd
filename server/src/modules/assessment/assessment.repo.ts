// Assessments, their items, events and inspections; evidence rows are read here for presenting.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AssessmentItemRow, AssessmentRow, Database, EvidenceRow } from '../../platform/db/types.js';

type Q = Kysely<Database> | Transaction<Database>;
export type ItemPatch = Partial<Omit<AssessmentItemRow, 'id' | 'assessment_id' | 'requirement_code' | 'version'>>;

export function createAssessmentRepo(db: Kysely<Database>) {
  return {
    async byId(id: number, q: Q = db): Promise<AssessmentRow | undefined> {
      return q.selectFrom('assessment').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async items(assessmentId: number, q: Q = db): Promise<AssessmentItemRow[]> {
      return q.selectFrom('assessment_item').selectAll().where('assessment_id', '=', assessmentId).execute();
    },
    async evidence(assessmentId: number): Promise<EvidenceRow[]> {
      return db.selectFrom('evidence').selectAll().where('assessment_id', '=', assessmentId).where('deleted_at', 'is', null).orderBy('id').execute();
    },
    async evidenceCount(assessmentId: number, code: string, q: Q = db): Promise<number> {
      const r = await q.selectFrom('evidence').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('assessment_id', '=', assessmentId).where('requirement_code', '=', code).where('inspection_id', 'is', null)
        .where('deleted_at', 'is', null).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async events(assessmentId: number) {
      return db.selectFrom('assessment_event').selectAll().where('assessment_id', '=', assessmentId).orderBy('id').execute();
    },
    async inspections(assessmentId: number) {
      return db.selectFrom('inspection').selectAll().where('assessment_id', '=', assessmentId).orderBy('id').execute();
    },
    async addEvent(q: Q, e: Omit<Database['assessment_event'], 'id'>): Promise<void> {
      await q.insertInto('assessment_event').values(e).execute();
    },
    /** Insert (expected version 0) or update the item under its optimistic lock; false when the version moved on. */
    async saveItem(trx: Transaction<Database>, assessmentId: number, code: string, expected: number | null, patch: ItemPatch): Promise<boolean> {
      const existing = await trx.selectFrom('assessment_item').select(['id', 'version']).where('assessment_id', '=', assessmentId)
        .where('requirement_code', '=', code).executeTakeFirst();
      if (!existing) {
        if (expected !== null && expected !== 0) return false;
        await trx.insertInto('assessment_item').values({
          assessment_id: assessmentId, requirement_code: code, self_result: null, na_reason: null, note: null, auto_outcome: null,
          auto_detail: null, review_result: null, review_comment: null, inspection_result: null, inspection_note: null, failed: 0,
          updated_by: null, updated_by_name: null, updated_at: null, ...patch, version: 1,
        }).execute();
        return true;
      }
      if (expected !== null && existing.version !== expected) return false;
      const r = await trx.updateTable('assessment_item').set({ ...patch, version: existing.version + 1 })
        .where('id', '=', existing.id).where('version', '=', existing.version).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /**
     * Status and other fields under the assessment's optimistic lock; with expected null only the status read must
     * still hold (two people answering different items of one assessment do not block each other).
     */
    async update(trx: Transaction<Database>, a: AssessmentRow, expected: number | null, patch: Partial<Omit<AssessmentRow, 'id' | 'version'>>): Promise<boolean> {
      let qb = trx.updateTable('assessment').set({ ...patch, version: sql`version + 1` as unknown as number }).where('id', '=', a.id);
      qb = expected === null ? qb.where('status', '=', a.status) : qb.where('version', '=', expected);
      const r = await qb.executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** The newest photo date per wall item (and board) of an org. */
    async photoDates(orgId: number): Promise<Map<string, string>> {
      const rows = await db.selectFrom('wall_photo').select(['wall_item', (eb) => eb.fn.max('taken_on').as('d')])
        .where('org_id', '=', orgId).where('deleted_at', 'is', null).groupBy('wall_item').execute();
      return new Map(rows.map((r) => [r.wall_item, String(r.d)]));
    },
    /** The org's own assessments in open campaigns, newest first. */
    async ownOpen(orgId: number) {
      return db.selectFrom('assessment as a').innerJoin('campaign as c', 'c.id', 'a.campaign_id').innerJoin('org as o', 'o.id', 'a.org_id')
        .select(['a.id', 'a.status', 'a.rectification_deadline', 'a.tier', 'c.title', 'c.deadline', 'c.standard_version_id', 'o.name as org_name'])
        .where('a.org_id', '=', orgId).where('c.status', '=', 'active').orderBy('a.id', 'desc').limit(20).execute();
    },
    /** Submitted assessments of the org's direct children, waiting for this org's review. */
    async toReview(parentOrgId: number) {
      return db.selectFrom('assessment as a').innerJoin('campaign as c', 'c.id', 'a.campaign_id').innerJoin('org as o', 'o.id', 'a.org_id')
        .select(['a.id', 'a.status', 'a.submitted_at', 'c.title', 'o.name as org_name'])
        .where('a.parent_org_id', '=', parentOrgId).where('a.status', '=', 'submitted').where('c.status', '=', 'active')
        .orderBy('a.submitted_at').limit(200).execute();
    },
  };
}
export type AssessmentRepo = ReturnType<typeof createAssessmentRepo>;
