import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import type { AuditReadService } from './audit.service.js';
import { AuditPage, AuditQuery } from '../../../../contracts/schemas.js';
import { fileStamp, sendXlsx } from '../../platform/http/xlsx-reply.js';

export function registerAuditRoutes(app: App, deps: { auditRead: AuditReadService }) {
  const tags = ['audit'];
  app.get('/api/audit', { schema: { tags, summary: '审计日志查询', querystring: AuditQuery, response: { 200: AuditPage } } },
    async (req) => deps.auditRead.search(actorOf(req), req.query));
  app.get('/api/audit/export', { schema: { tags, summary: '导出审计日志（Excel）', querystring: AuditQuery } }, async (req, reply) => {
    const write = await deps.auditRead.exportXlsx(actorOf(req), req.query);
    return sendXlsx(req, reply, `审计日志_${fileStamp()}.xlsx`, write);
  });
}
