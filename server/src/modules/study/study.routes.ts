import type { FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import { attachment, sendXlsx } from '../../platform/http/xlsx-reply.js';
import { badInput } from '../../platform/errors.js';
import type { Audit } from '../../platform/audit.js';
import { IdParams, Ok } from '../../../../contracts/schemas.js';
import {
  StudyMaterial, StudyMaterialCreateBody, StudyMaterialPage, StudyMaterialQuery, StudyMaterialUpdateBody, StudyPlan, StudyPlanCreateBody,
  StudyPlanList, StudyPlanUpdateBody, StudySession, StudySessionCreateBody, StudySessionList, StudySessionUpdateBody, StudyStats, StudyYearQuery,
} from '../../../../contracts/study.js';
import { readMultipart } from '../../platform/http/multipart.js';
import type { StudyMaterials } from './study.materials.js';
import type { StudyService } from './study.service.js';
import { type StudyStatsService, writeStudyStatsXlsx } from './study.stats.js';

/** Text fields first, then the file: the owner org is checked before the body is read into memory. */
const readMaterialUpload = (req: FastifyRequest, precheck: (ownerOrgId: number) => Promise<void>) => readMultipart(req, async (fields) => {
  const owner = Number(fields.ownerOrgId);
  if (!Number.isInteger(owner) || owner < 1 || owner > 2147483647) throw badInput('请先提供资料所属组织（ownerOrgId 字段应在文件之前）', [{ field: 'ownerOrgId', message: '无效' }]);
  await precheck(owner);
});

export function registerStudyRoutes(app: App, deps: { materials: StudyMaterials; study: StudyService; stats: StudyStatsService; audit: Audit }) {
  const { materials, study, stats, audit } = deps;
  const tags = ['study'];
  // ---- materials ----
  app.get('/api/study/materials', { schema: { tags, summary: '学习资料（本组织及上级组织的资料，按编号分页）', querystring: StudyMaterialQuery, response: { 200: StudyMaterialPage } } },
    async (req) => materials.list(actorOf(req), req.query));
  app.post('/api/study/materials', { schema: { tags, summary: '新增学习资料（文章或链接）', body: StudyMaterialCreateBody, response: { 200: StudyMaterial } } },
    async (req) => materials.create(actorOf(req), req.body));
  app.post('/api/study/materials/upload', { schema: { tags, summary: '上传学习资料文件（multipart：ownerOrgId、title、source，然后 file）', consumes: ['multipart/form-data'], response: { 200: StudyMaterial } } },
    async (req) => {
      const actor = actorOf(req);
      return materials.upload(actor, await readMaterialUpload(req, (owner) => materials.precheckUpload(actor, owner)));
    });
  app.get('/api/study/materials/:id', { schema: { tags, summary: '学习资料详情', params: IdParams, response: { 200: StudyMaterial } } },
    async (req) => materials.get(actorOf(req), req.params.id));
  app.put('/api/study/materials/:id', { schema: { tags, summary: '修改学习资料', params: IdParams, body: StudyMaterialUpdateBody, response: { 200: StudyMaterial } } },
    async (req) => materials.update(actorOf(req), req.params.id, req.body));
  app.delete('/api/study/materials/:id', { schema: { tags, summary: '删除学习资料', params: IdParams, response: { 200: Ok } } },
    async (req) => materials.remove(actorOf(req), req.params.id));
  app.get('/api/study/materials/:id/file', { schema: { tags, summary: '下载学习资料文件', params: IdParams } },
    async (req, reply) => {
      const f = await materials.file(actorOf(req), req.params.id);
      return reply.header('Content-Type', f.mime).header('X-Content-Type-Options', 'nosniff')
        .header('Content-Disposition', attachment(f.name).replace('download.xlsx', 'download')).send(f.bytes);
    });
  // ---- plans ----
  app.get('/api/study/plans', { schema: { tags, summary: '学习计划（某组织某年度）', querystring: StudyYearQuery, response: { 200: StudyPlanList } } },
    async (req) => study.listPlans(actorOf(req), req.query));
  app.post('/api/study/plans', { schema: { tags, summary: '制定学习计划', body: StudyPlanCreateBody, response: { 200: StudyPlan } } },
    async (req) => study.createPlan(actorOf(req), req.body));
  app.get('/api/study/plans/:id', { schema: { tags, summary: '学习计划详情', params: IdParams, response: { 200: StudyPlan } } },
    async (req) => study.getPlan(actorOf(req), req.params.id));
  app.put('/api/study/plans/:id', { schema: { tags, summary: '修改学习计划', params: IdParams, body: StudyPlanUpdateBody, response: { 200: StudyPlan } } },
    async (req) => study.updatePlan(actorOf(req), req.params.id, req.body));
  app.delete('/api/study/plans/:id', { schema: { tags, summary: '删除学习计划', params: IdParams, response: { 200: Ok } } },
    async (req) => study.removePlan(actorOf(req), req.params.id));
  // ---- sessions ----
  app.get('/api/study/sessions', { schema: { tags, summary: '学习活动记录（某组织某年度）', querystring: StudyYearQuery, response: { 200: StudySessionList } } },
    async (req) => study.listSessions(actorOf(req), req.query));
  app.post('/api/study/sessions', { schema: { tags, summary: '登记学习活动（含出勤）', body: StudySessionCreateBody, response: { 200: StudySession } } },
    async (req) => study.createSession(actorOf(req), req.body));
  app.get('/api/study/sessions/:id', { schema: { tags, summary: '学习活动详情', params: IdParams, response: { 200: StudySession } } },
    async (req) => study.getSession(actorOf(req), req.params.id));
  app.put('/api/study/sessions/:id', { schema: { tags, summary: '修改学习活动', params: IdParams, body: StudySessionUpdateBody, response: { 200: StudySession } } },
    async (req) => study.updateSession(actorOf(req), req.params.id, req.body));
  app.delete('/api/study/sessions/:id', { schema: { tags, summary: '删除学习活动', params: IdParams, response: { 200: Ok } } },
    async (req) => study.removeSession(actorOf(req), req.params.id));
  // ---- statistics ----
  app.get('/api/study/stats', { schema: { tags, summary: '学习统计（本组织及各下级组织：计划与开展、出勤率）', querystring: StudyYearQuery, response: { 200: StudyStats } } },
    async (req) => { const s = await stats.stats(actorOf(req), req.query); return { year: s.year, rows: s.rows }; });
  app.get('/api/study/stats/export', { schema: { tags, summary: '导出学习统计（Excel）', querystring: StudyYearQuery } },
    async (req, reply) => {
      const actor = actorOf(req);
      const s = await stats.stats(actor, req.query);
      await audit.record(actor, { action: 'study.export', targetType: 'org', targetId: req.query.orgId, orgId: req.query.orgId, detail: { year: s.year } });
      return sendXlsx(req, reply, `${s.orgName}_${s.year}年理论学习统计.xlsx`, (out) => writeStudyStatsXlsx(out, s));
    });
}
