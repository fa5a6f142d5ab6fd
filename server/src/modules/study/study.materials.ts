// Study materials (学习资料): articles (plain text), uploaded documents and links to sources such as 共产党员网.
// A material is kept by an org and read by that org's whole subtree (the work committee's by its whole tree).
import type { Kysely, Selectable } from 'kysely';
import type { Database, StudyMaterialTable } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import type { Storage } from '../../platform/storage.js';
import { type Clock, iso } from '../../platform/clock.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import { likeEscape } from '../../platform/db/dialect.js';
import type {
  StudyMaterial, StudyMaterialCreateBody, StudyMaterialPage, StudyMaterialQuery, StudyMaterialSummary, StudyMaterialUpdateBody,
} from '../../../../contracts/study.js';
import { processUpload } from '../evidence/evidence.file.js';
import { trimOrNull } from './study.rules.js';
import { searchIndex } from '../search/search.index.js';

type Row = Selectable<StudyMaterialTable>;
export type { Upload as MaterialUpload } from '../../platform/http/multipart.js';
import type { Upload as MaterialUpload } from '../../platform/http/multipart.js';

const SUMMARY_COLUMNS = ['m.id', 'm.owner_org_id', 'm.kind', 'm.title', 'm.source', 'm.url', 'm.file_name', 'm.size', 'm.storage_key',
  'm.created_by_name', 'm.updated_at', 'm.version', 'o.name as owner_name'] as const;

export function createStudyMaterials(deps: { db: Kysely<Database>; storage: Storage; access: Access; audit: Audit; clock: Clock }) {
  const { db, storage, access, audit, clock } = deps;

  /** Whether the actor may read what `ownerOrgId` keeps: the owner is in the actor's scope, or above the actor's org. */
  async function canSee(actor: Actor, ownerOrgId: number): Promise<boolean> {
    if (await access.can(actor, 'study.read', ownerOrgId)) return true;
    if (!(await access.can(actor, 'study.read')) || actor.orgId === null) return false;
    const row = await db.selectFrom('org_closure').select('depth').where('ancestor_id', '=', ownerOrgId).where('descendant_id', '=', actor.orgId).executeTakeFirst();
    return row !== undefined;
  }

  async function load(id: number) {
    const row = await db.selectFrom('study_material as m').innerJoin('org as o', 'o.id', 'm.owner_org_id').selectAll('m').select('o.name as owner_name')
      .where('m.id', '=', id).where('m.deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw notFound('学习资料');
    return row;
  }
  async function readable(actor: Actor, id: number) {
    const row = await load(id);
    if (!(await canSee(actor, row.owner_org_id))) await access.deny(actor, 'study.read', { type: 'study_material', id }, '您无权查看该学习资料');
    return row;
  }

  const summary = (r: Pick<Row, 'id' | 'owner_org_id' | 'kind' | 'title' | 'source' | 'url' | 'file_name' | 'size' | 'storage_key' | 'created_by_name' | 'updated_at' | 'version'> & { owner_name: string }, editable: boolean): StudyMaterialSummary => ({
    id: r.id, kind: r.kind as StudyMaterialSummary['kind'], title: r.title, source: r.source, url: r.url, fileName: r.file_name, size: r.size,
    fileUrl: r.storage_key ? `/api/study/materials/${r.id}/file` : null, owner: { id: r.owner_org_id, name: r.owner_name },
    editable, createdBy: r.created_by_name, updatedAt: r.updated_at, version: r.version,
  });
  const present = async (actor: Actor, r: Awaited<ReturnType<typeof load>>): Promise<StudyMaterial> =>
    ({ ...summary(r, await access.can(actor, 'study.write', r.owner_org_id)), body: r.body });

  function checkKind(kind: string, body: string | null, url: string | null) {
    if (kind === 'article' && !body) throw badInput('请填写文章正文', [{ field: 'body', message: '不能为空' }]);
    if (kind === 'link' && !url) throw badInput('请填写链接地址', [{ field: 'url', message: '不能为空' }]);
  }

  return {
    canSee,
    /** Materials the org reads: kept by the org itself or any org above it, newest first, paged by id. */
    async list(actor: Actor, q: StudyMaterialQuery): Promise<StudyMaterialPage> {
      await access.require(actor, 'study.read', q.orgId);
      const limit = q.limit ?? 30;
      let query = db.selectFrom('study_material as m').innerJoin('org as o', 'o.id', 'm.owner_org_id')
        .innerJoin('org_closure as c', 'c.ancestor_id', 'm.owner_org_id')
        .select([...SUMMARY_COLUMNS]).where('c.descendant_id', '=', q.orgId).where('m.deleted_at', 'is', null);
      if (q.kind) query = query.where('m.kind', '=', q.kind);
      if (q.q?.trim()) query = query.where('m.title', 'like', `%${likeEscape(q.q.trim())}%`);
      if (q.before) query = query.where('m.id', '<', q.before);
      const rows = await query.orderBy('m.id', 'desc').limit(limit + 1).execute();
      const page = rows.slice(0, limit);
      const editable = new Map<number, boolean>();
      for (const r of page) if (!editable.has(r.owner_org_id)) editable.set(r.owner_org_id, await access.can(actor, 'study.write', r.owner_org_id));
      return { items: page.map((r) => summary(r, editable.get(r.owner_org_id)!)), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
    },

    async get(actor: Actor, id: number): Promise<StudyMaterial> {
      return present(actor, await readable(actor, id));
    },

    /** The titles of materials the org may use (plans and sessions link them); unknown or invisible ids are refused. */
    async refs(orgId: number, ids: number[]): Promise<Map<number, string>> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map();
      const rows = await db.selectFrom('study_material as m').innerJoin('org_closure as c', 'c.ancestor_id', 'm.owner_org_id')
        .select(['m.id', 'm.title']).where('c.descendant_id', '=', orgId).where('m.id', 'in', unique).where('m.deleted_at', 'is', null).execute();
      if (rows.length !== unique.length) throw badInput('所选学习资料不存在或本组织无权使用', [{ field: 'materialIds', message: '资料无效' }]);
      return new Map(rows.map((r) => [r.id, r.title]));
    },

    async create(actor: Actor, body: StudyMaterialCreateBody): Promise<StudyMaterial> {
      await access.require(actor, 'study.write', body.ownerOrgId);
      const text = trimOrNull(body.body);
      const url = trimOrNull(body.url);
      checkKind(body.kind, text, url);
      const now = iso(clock.now());
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx.insertInto('study_material').values({
          owner_org_id: body.ownerOrgId, kind: body.kind, title: body.title.trim(), source: trimOrNull(body.source), body: text, url,
          file_name: null, storage_key: null, mime: null, size: null, created_by: actor.accountId, created_by_name: actor.displayName,
          created_at: now, updated_at: now, deleted_at: null, version: 1,
        }).returning('id').executeTakeFirstOrThrow();
        await searchIndex.material(trx, id);
        await audit.record(actor, { action: 'study_material.create', targetType: 'study_material', targetId: id, orgId: body.ownerOrgId, detail: { kind: body.kind, title: body.title } }, trx);
        return id;
      });
      return this.get(actor, id);
    },

    async precheckUpload(actor: Actor, ownerOrgId: number) {
      await access.require(actor, 'study.write', ownerOrgId);
    },

    /** An uploaded document (PDF, Office) or photo, typed by content (evidence.file.ts). */
    async upload(actor: Actor, up: MaterialUpload): Promise<StudyMaterial> {
      const ownerOrgId = Number(up.fields.ownerOrgId);
      if (!Number.isInteger(ownerOrgId) || ownerOrgId < 1 || ownerOrgId > 2147483647) throw badInput('请选择资料所属组织', [{ field: 'ownerOrgId', message: '无效' }]);
      await access.require(actor, 'study.write', ownerOrgId);
      const file = await processUpload(up.bytes, up.filename);
      const title = (up.fields.title ?? '').trim() || file.name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
      if (title.length < 2 || title.length > 200) throw badInput('标题应为 2 至 200 个字', [{ field: 'title', message: '长度不符' }]);
      const key = await storage.put(file.bytes, file.ext);
      const now = iso(clock.now());
      let id = 0;
      try {
        id = await db.transaction().execute(async (trx) => {
          const { id } = await trx.insertInto('study_material').values({
            owner_org_id: ownerOrgId, kind: 'document', title, source: trimOrNull(up.fields.source), body: null, url: null,
            file_name: file.name, storage_key: key, mime: file.mime, size: file.bytes.length, created_by: actor.accountId, created_by_name: actor.displayName,
            created_at: now, updated_at: now, deleted_at: null, version: 1,
          }).returning('id').executeTakeFirstOrThrow();
          await searchIndex.material(trx, id);
          await audit.record(actor, { action: 'study_material.create', targetType: 'study_material', targetId: id, orgId: ownerOrgId, detail: { kind: 'document', title, size: file.bytes.length } }, trx);
          return id;
        });
      } catch (e) { await storage.remove(key); throw e; }
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, body: StudyMaterialUpdateBody): Promise<StudyMaterial> {
      const row = await load(id);
      await access.require(actor, 'study.write', row.owner_org_id);
      const text = row.kind === 'article' ? trimOrNull(body.body) : row.body;
      const url = row.kind === 'link' ? trimOrNull(body.url) : row.url;
      checkKind(row.kind, text, url);
      await db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('study_material').set({
          title: body.title.trim(), source: trimOrNull(body.source), body: text, url, updated_at: iso(clock.now()), version: row.version + 1,
        }).where('id', '=', id).where('version', '=', body.version).where('deleted_at', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict();
        await searchIndex.material(trx, id);
        await audit.record(actor, { action: 'study_material.update', targetType: 'study_material', targetId: id, orgId: row.owner_org_id, detail: { title: body.title } }, trx);
      });
      return this.get(actor, id);
    },

    /** Soft delete: plans and sessions that used it keep its title. */
    async remove(actor: Actor, id: number) {
      const row = await load(id);
      await access.require(actor, 'study.write', row.owner_org_id);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('study_material').set({ deleted_at: iso(clock.now()) }).where('id', '=', id).execute();
        await searchIndex.material(trx, id);
        await audit.record(actor, { action: 'study_material.delete', targetType: 'study_material', targetId: id, orgId: row.owner_org_id, detail: { title: row.title } }, trx);
      });
      return { ok: true };
    },

    async file(actor: Actor, id: number) {
      const row = await readable(actor, id);
      if (!row.storage_key) throw notFound('文件');
      return { bytes: await storage.read(row.storage_key), mime: row.mime ?? 'application/octet-stream', name: row.file_name ?? '学习资料' };
    },
  };
}
export type StudyMaterials = ReturnType<typeof createStudyMaterials>;
