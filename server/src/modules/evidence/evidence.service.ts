// Evidence (佐证材料) of assessment items, photos of inspections and dated photos of wall items: stored by
// generated names, served only to those who may read the org, as attachments (photos may be shown inline:
// they were re-encoded on upload, so they are plain JPEG pixels).
import type { Kysely, Transaction } from 'kysely';
import type { Database, EvidenceRow } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import type { Storage } from '../../platform/storage.js';
import { type Clock, iso, todayCn } from '../../platform/clock.js';
import { badInput, notFound } from '../../platform/errors.js';
import { EVIDENCE_PER_ITEM_MAX, type WallPhoto } from '../../../../contracts/assessment.js';
import { BOARDS } from '../../../../contracts/standard-labels.js';
import type { AssessmentService } from '../assessment/assessment.service.js';
import type { PackCache } from '../standard/standard.cache.js';
import { currentStandard } from '../standard/standard.repo.js';
import { presentEvidence } from '../assessment/assessment.presenter.js';
import { displayName, processUpload, type ProcessedFile } from './evidence.file.js';

import type { Upload } from '../../platform/http/multipart.js';
export type { Upload };

const BOARD_NAMES: Record<string, string> = { noticeBoard: '宣传窗', disclosureBoard: '党务公开栏' };

/** YYYY-MM-DD naming a day that exists (Date.parse would roll 02-30 over to March). */
function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function createEvidenceService(deps: {
  db: Kysely<Database>; storage: Storage; assessments: AssessmentService; packs: PackCache; access: Access; audit: Audit; clock: Clock;
}) {
  const { db, storage, assessments, packs, access, audit, clock } = deps;

  /** Stores the processed bytes first; the row is written in the caller's transaction (orphans are removed on failure). */
  async function store(file: ProcessedFile) {
    const key = await storage.put(file.bytes, file.ext);
    const thumb = file.thumb ? await storage.put(file.thumb, 'jpg') : null;
    return { key, thumb, cleanup: async () => { await storage.remove(key); if (thumb) await storage.remove(thumb); } };
  }
  const insert = async (trx: Transaction<Database>, row: Omit<EvidenceRow, 'id'>) =>
    (await trx.insertInto('evidence').values(row).returning('id').executeTakeFirstOrThrow()).id;
  const base = (actor: Actor, orgId: number) => ({
    org_id: orgId, assessment_id: null, requirement_code: null, inspection_id: null, url: null, storage_key: null, thumb_key: null,
    mime: null, size: null, width: null, height: null, sha256: null, created_by: actor.accountId, created_by_name: actor.displayName,
    created_at: iso(clock.now()), deleted_at: null,
  });
  const fileRow = (file: ProcessedFile, key: string, thumb: string | null) => ({
    kind: file.kind, name: file.name, storage_key: key, thumb_key: thumb, mime: file.mime, size: file.bytes.length, width: file.width, height: file.height,
  });

  async function itemGuard(actor: Actor, assessmentId: number, code: string) {
    const ctx = await assessments.editable(actor, assessmentId);
    assessments.requirementOf(ctx, code);
    if ((ctx.evidenceCounts.get(code) ?? 0) >= EVIDENCE_PER_ITEM_MAX) throw badInput(`每项最多上传 ${EVIDENCE_PER_ITEM_MAX} 份佐证材料`);
    return ctx;
  }

  /** What a wall photo may show: the current standard's wall items and the two boards. */
  async function wallItemChoices() {
    const current = await currentStandard(db);
    const pack = current ? (await packs(current.id))?.pack : undefined;
    return [
      ...(pack?.wallItems ?? []).map((w) => ({ code: w.code, name: w.name, required: w.required })),
      ...BOARDS.map((b) => ({ code: b, name: BOARD_NAMES[b], required: false })),
    ];
  }

  async function loadEvidence(id: number): Promise<EvidenceRow> {
    const row = await db.selectFrom('evidence').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('佐证材料');
    return row;
  }

  return {
    /**
     * The checks of an upload that need no file, run before the body is read so that a refused upload is not
     * read into memory first (each add* method checks again with the file).
     */
    async precheck(actor: Actor, target: { assessmentId: number; code: string } | { wallOrgId: number } | { inspectionId: number }) {
      if ('assessmentId' in target) { await itemGuard(actor, target.assessmentId, target.code); return; }
      if ('wallOrgId' in target) { await access.require(actor, 'base.write', target.wallOrgId); return; }
      const ins = await db.selectFrom('inspection as i').innerJoin('assessment as a', 'a.id', 'i.assessment_id').select('a.org_id')
        .where('i.id', '=', target.inspectionId).executeTakeFirst();
      if (!ins) throw notFound('督查记录');
      await access.require(actor, 'assessment.inspect', ins.org_id);
    },

    async addToItem(actor: Actor, assessmentId: number, code: string, upload: Upload) {
      const ctx = await itemGuard(actor, assessmentId, code);
      const file = await processUpload(upload.bytes, upload.filename);
      const saved = await store(file);
      try {
        await db.transaction().execute(async (trx) => {
          const id = await insert(trx, { ...base(actor, ctx.org.id), assessment_id: assessmentId, requirement_code: code, ...fileRow(file, saved.key, saved.thumb) });
          await assessments.touched(trx, actor, ctx, code, 1);
          await audit.record(actor, { action: 'assessment.evidence_add', targetType: 'evidence', targetId: id, orgId: ctx.org.id, detail: { assessment: assessmentId, code, kind: file.kind, size: file.bytes.length } }, trx);
        });
      } catch (e) { await saved.cleanup(); throw e; }
      return assessments.view(actor, assessmentId);
    },

    async addLink(actor: Actor, assessmentId: number, code: string, body: { url: string; name?: string }) {
      const ctx = await itemGuard(actor, assessmentId, code);
      const name = displayName(body.name, body.url).slice(0, 100);
      await db.transaction().execute(async (trx) => {
        const id = await insert(trx, { ...base(actor, ctx.org.id), assessment_id: assessmentId, requirement_code: code, kind: 'link', name, url: body.url });
        await assessments.touched(trx, actor, ctx, code, 1);
        await audit.record(actor, { action: 'assessment.evidence_add', targetType: 'evidence', targetId: id, orgId: ctx.org.id, detail: { assessment: assessmentId, code, kind: 'link' } }, trx);
      });
      return assessments.view(actor, assessmentId);
    },

    async addInspectionPhoto(actor: Actor, inspectionId: number, upload: Upload) {
      const ins = await db.selectFrom('inspection').selectAll().where('id', '=', inspectionId).executeTakeFirst();
      if (!ins) throw notFound('督查记录');
      const a = await db.selectFrom('assessment').select(['org_id']).where('id', '=', ins.assessment_id).executeTakeFirstOrThrow();
      await access.require(actor, 'assessment.inspect', a.org_id);
      const file = await processUpload(upload.bytes, upload.filename, { photosOnly: true });
      const saved = await store(file);
      try {
        await db.transaction().execute(async (trx) => {
          const id = await insert(trx, { ...base(actor, a.org_id), assessment_id: ins.assessment_id, inspection_id: inspectionId, ...fileRow(file, saved.key, saved.thumb) });
          await audit.record(actor, { action: 'assessment.evidence_add', targetType: 'evidence', targetId: id, orgId: a.org_id, detail: { inspection: inspectionId } }, trx);
        });
      } catch (e) { await saved.cleanup(); throw e; }
      return assessments.view(actor, ins.assessment_id);
    },

    /** Removes an item's evidence (the org's own admin, while editable) or an inspection photo (an inspector). */
    async remove(actor: Actor, id: number) {
      const row = await loadEvidence(id);
      if (row.assessment_id === null) throw badInput('上墙照片请在阵地档案中删除');
      const now = iso(clock.now());
      if (row.inspection_id !== null) {
        await access.require(actor, 'assessment.inspect', row.org_id);
        await db.transaction().execute(async (trx) => {
          await trx.updateTable('evidence').set({ deleted_at: now }).where('id', '=', id).execute();
          await audit.record(actor, { action: 'assessment.evidence_remove', targetType: 'evidence', targetId: id, orgId: row.org_id }, trx);
        });
        return { ok: true };
      }
      const ctx = await assessments.editable(actor, row.assessment_id);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('evidence').set({ deleted_at: now }).where('id', '=', id).execute();
        await assessments.touched(trx, actor, ctx, row.requirement_code!, -1);
        await audit.record(actor, { action: 'assessment.evidence_remove', targetType: 'evidence', targetId: id, orgId: row.org_id, detail: { assessment: row.assessment_id, code: row.requirement_code } }, trx);
      });
      return { ok: true };
    },

    /** The stored bytes, for those who may read the org's assessments (or, for wall photos, the org). */
    async file(actor: Actor, id: number, thumb: boolean) {
      const row = await loadEvidence(id);
      await access.require(actor, row.assessment_id === null ? 'org.read' : 'assessment.read', row.org_id);
      const key = thumb ? row.thumb_key : row.storage_key;
      if (!key) throw notFound(thumb ? '缩略图' : '文件');
      return { bytes: await storage.read(key), mime: thumb ? 'image/jpeg' : row.mime ?? 'application/octet-stream', name: row.name, photo: row.kind === 'photo' };
    },

    async wallPhotos(actor: Actor, orgId: number) {
      await access.require(actor, 'org.read', orgId);
      const rows = await db.selectFrom('wall_photo as w').innerJoin('evidence as e', 'e.id', 'w.evidence_id').selectAll('e')
        .select(['w.id as wall_id', 'w.wall_item', 'w.taken_on']).where('w.org_id', '=', orgId).where('w.deleted_at', 'is', null)
        .orderBy('w.wall_item').orderBy('w.taken_on', 'desc').orderBy('w.id', 'desc').execute();
      const wallItems = await wallItemChoices();
      const items: WallPhoto[] = rows.map((r) => ({
        id: r.wall_id, wallItem: r.wall_item, takenOn: r.taken_on, photo: { ...presentEvidence(r), takenOn: r.taken_on },
      }));
      return { items, wallItems };
    },

    async addWallPhoto(actor: Actor, orgId: number, upload: Upload) {
      await access.require(actor, 'base.write', orgId);
      const org = await db.selectFrom('org').select(['status']).where('id', '=', orgId).executeTakeFirst();
      if (!org) throw notFound('组织');
      if (org.status !== 'active') throw badInput('已撤销的组织不能上传照片');
      const wallItem = (upload.fields.wallItem ?? '').trim();
      const known = (await wallItemChoices()).map((w) => w.code);
      if (!known.includes(wallItem)) throw badInput('请选择照片对应的上墙内容', [{ field: 'wallItem', message: `可选：${known.join('、')}` }]);
      const takenOn = (upload.fields.takenOn ?? '').trim() || todayCn(clock);
      if (!isRealDate(takenOn)) throw badInput('拍摄日期无效，格式应为 YYYY-MM-DD', [{ field: 'takenOn', message: '日期无效' }]);
      if (takenOn > todayCn(clock)) throw badInput('拍摄日期不能晚于今天', [{ field: 'takenOn', message: '日期无效' }]);
      const file = await processUpload(upload.bytes, upload.filename, { photosOnly: true });
      const saved = await store(file);
      let wallId = 0;
      try {
        await db.transaction().execute(async (trx) => {
          const evidenceId = await insert(trx, { ...base(actor, orgId), ...fileRow(file, saved.key, saved.thumb) });
          wallId = (await trx.insertInto('wall_photo').values({ org_id: orgId, wall_item: wallItem, taken_on: takenOn, evidence_id: evidenceId, created_at: iso(clock.now()), deleted_at: null })
            .returning('id').executeTakeFirstOrThrow()).id;
          await audit.record(actor, { action: 'wall_photo.add', targetType: 'org', targetId: orgId, orgId, detail: { wallItem, takenOn } }, trx);
        });
      } catch (e) { await saved.cleanup(); throw e; }
      return (await this.wallPhotos(actor, orgId)).items.find((w) => w.id === wallId)!;
    },

    async removeWallPhoto(actor: Actor, id: number) {
      const row = await db.selectFrom('wall_photo').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!row) throw notFound('照片');
      await access.require(actor, 'base.write', row.org_id);
      await db.transaction().execute(async (trx) => {
        const now = iso(clock.now());
        await trx.updateTable('wall_photo').set({ deleted_at: now }).where('id', '=', id).execute();
        await trx.updateTable('evidence').set({ deleted_at: now }).where('id', '=', row.evidence_id).execute();
        await audit.record(actor, { action: 'wall_photo.remove', targetType: 'org', targetId: row.org_id, orgId: row.org_id, detail: { wallItem: row.wall_item, takenOn: row.taken_on } }, trx);
      });
      return { ok: true };
    },
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
