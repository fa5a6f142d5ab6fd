import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import { badInput } from '../../platform/errors.js';
import type { ImportService } from './member.import.service.js';
import { IdParams, ImportJob } from '../../../../contracts/schemas.js';

export function registerImportRoutes(app: App, deps: { imports: ImportService }) {
  const tags = ['members'];
  app.post('/api/member-imports', {
    schema: { tags, summary: '上传党员名册（.xlsx，multipart：先 orgId 字段，后 file 文件）', consumes: ['multipart/form-data'], response: { 200: ImportJob } },
  }, async (req) => {
    const actor = actorOf(req);
    if (!req.isMultipart()) throw badInput('请以 multipart/form-data 上传文件');
    const file = await req.file();
    if (!file) throw badInput('请选择要上传的文件');
    const field = file.fields.orgId as { value?: unknown } | undefined;
    const orgId = Number(field?.value);
    if (!Number.isInteger(orgId) || orgId < 1) { file.file.resume(); throw badInput('缺少导入的目标组织（orgId）'); }
    return deps.imports.start(actor, orgId, file.filename, file.file);
  });
  app.get('/api/member-imports/:id', { schema: { tags, summary: '导入任务进度与校验结果', params: IdParams, response: { 200: ImportJob } } },
    async (req) => deps.imports.get(actorOf(req), req.params.id));
  app.post('/api/member-imports/:id/commit', { schema: { tags, summary: '确认导入（全部成功或全部不导入）', params: IdParams, response: { 200: ImportJob } } },
    async (req) => deps.imports.commit(actorOf(req), req.params.id));
}
