import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import { IdParams, Ok } from '../../../../contracts/schemas.js';
import {
  Assessment, EvidenceLinkBody, InspectionBody, InspectionCreated, ItemAnswerBody, ItemParams, MyAssessments, ReviewBody, SubmitBody,
  WallPhoto, WallPhotoList,
} from '../../../../contracts/assessment.js';
import type { AssessmentService } from './assessment.service.js';
import type { EvidenceService } from '../evidence/evidence.service.js';
import { readMultipart } from '../../platform/http/multipart.js';
import { attachment } from '../../platform/http/xlsx-reply.js';

export function registerAssessmentRoutes(app: App, deps: { assessments: AssessmentService; evidence: EvidenceService }) {
  const { assessments, evidence } = deps;
  const tags = ['assessments'];
  const upload = { consumes: ['multipart/form-data'] };
  app.get('/api/me/assessments', { schema: { tags, summary: '本组织的自评与待我审核的自评', response: { 200: MyAssessments } } },
    async (req) => assessments.mine(actorOf(req)));
  app.get('/api/assessments/:id', { schema: { tags, summary: '自评（要求清单、系统核验、佐证材料、审核与督查）', params: IdParams, response: { 200: Assessment } } },
    async (req) => assessments.get(actorOf(req), req.params.id));
  app.put('/api/assessments/:id/items/:code', { schema: { tags, summary: '填写一项要求的自评', params: ItemParams, body: ItemAnswerBody, response: { 200: Assessment } } },
    async (req) => assessments.answer(actorOf(req), req.params.id, req.params.code, req.body));
  app.post('/api/assessments/:id/items/:code/evidence', { schema: { tags, summary: '上传佐证材料（照片或文件，multipart 字段 file）', params: ItemParams, ...upload, response: { 200: Assessment } } },
    async (req) => {
      await evidence.precheck(actorOf(req), { assessmentId: req.params.id, code: req.params.code });
      return evidence.addToItem(actorOf(req), req.params.id, req.params.code, await readMultipart(req));
    });
  app.post('/api/assessments/:id/items/:code/links', { schema: { tags, summary: '添加链接作为佐证材料', params: ItemParams, body: EvidenceLinkBody, response: { 200: Assessment } } },
    async (req) => evidence.addLink(actorOf(req), req.params.id, req.params.code, req.body));
  app.post('/api/assessments/:id/checks', { schema: { tags, summary: '重新进行系统核验', params: IdParams, response: { 200: Assessment } } },
    async (req) => assessments.refreshChecks(actorOf(req), req.params.id));
  app.post('/api/assessments/:id/submit', { schema: { tags, summary: '提交审核', params: IdParams, body: SubmitBody, response: { 200: Assessment } } },
    async (req) => assessments.submit(actorOf(req), req.params.id, req.body));
  app.post('/api/assessments/:id/review', { schema: { tags, summary: '审核：验收通过或退回整改（上级党组织）', params: IdParams, body: ReviewBody, response: { 200: Assessment } } },
    async (req) => assessments.review(actorOf(req), req.params.id, req.body));
  app.post('/api/assessments/:id/inspections', { schema: { tags, summary: '记录督查（工委）', params: IdParams, body: InspectionBody, response: { 200: InspectionCreated } } },
    async (req) => assessments.inspect(actorOf(req), req.params.id, req.body));
  app.post('/api/inspections/:id/photos', { schema: { tags, summary: '上传督查照片（multipart 字段 file）', params: IdParams, ...upload, response: { 200: Assessment } } },
    async (req) => {
      await evidence.precheck(actorOf(req), { inspectionId: req.params.id });
      return evidence.addInspectionPhoto(actorOf(req), req.params.id, await readMultipart(req));
    });
  app.delete('/api/evidence/:id', { schema: { tags, summary: '删除佐证材料', params: IdParams, response: { 200: Ok } } },
    async (req) => evidence.remove(actorOf(req), req.params.id));
  // Files go out as attachments; re-encoded photos may be shown inline (?inline=1). nosniff comes from helmet.
  for (const [suffix, thumb] of [['file', false], ['thumb', true]] as const) {
    app.get(`/api/evidence/:id/${suffix}`, { schema: { tags, summary: thumb ? '照片缩略图' : '下载佐证材料', params: IdParams } }, async (req, reply) => {
      const f = await evidence.file(actorOf(req), req.params.id, thumb);
      const inline = f.photo && (thumb || (req.query as { inline?: string }).inline === '1');
      return reply.header('Content-Type', f.mime).header('Cache-Control', 'private, max-age=3600')
        .header('Content-Disposition', inline ? 'inline' : attachment(f.name).replace('download.xlsx', 'download'))
        .send(f.bytes);
    });
  }
  app.get('/api/orgs/:id/wall-photos', { schema: { tags: ['base profiles'], summary: '上墙内容照片', params: IdParams, response: { 200: WallPhotoList } } },
    async (req) => evidence.wallPhotos(actorOf(req), req.params.id));
  app.post('/api/orgs/:id/wall-photos', { schema: { tags: ['base profiles'], summary: '上传上墙内容照片（multipart：wallItem、takenOn、file）', params: IdParams, ...upload, response: { 200: WallPhoto } } },
    async (req) => {
      await evidence.precheck(actorOf(req), { wallOrgId: req.params.id });
      return evidence.addWallPhoto(actorOf(req), req.params.id, await readMultipart(req));
    });
  app.delete('/api/wall-photos/:id', { schema: { tags: ['base profiles'], summary: '删除上墙内容照片', params: IdParams, response: { 200: Ok } } },
    async (req) => evidence.removeWallPhoto(actorOf(req), req.params.id));
}
