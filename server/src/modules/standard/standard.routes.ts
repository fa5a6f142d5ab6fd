import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import type { StandardService } from './standard.service.js';
import {
  IdParams, StandardCloneBody, StandardPublishBody, StandardUpdateBody, StandardVersionDetail, StandardVersionSummary,
} from '../../../../contracts/schemas.js';

export function registerStandardRoutes(app: App, deps: { standards: StandardService }) {
  const { standards } = deps;
  const tags = ['standards'];
  app.get('/api/standards', { schema: { tags, summary: '标准版本列表（新的在前）', response: { 200: Type.Array(StandardVersionSummary) } } },
    async (req) => standards.list(actorOf(req)));
  app.get('/api/standards/:id', { schema: { tags, summary: '标准版本详情（含标准包内容）', params: IdParams, response: { 200: StandardVersionDetail } } },
    async (req) => standards.get(actorOf(req), req.params.id));
  app.post('/api/standards/:id/clone', { schema: { tags, summary: '复制为新版本（草稿）', params: IdParams, body: StandardCloneBody, response: { 200: StandardVersionDetail } } },
    async (req) => standards.clone(actorOf(req), req.params.id, req.body));
  app.put('/api/standards/:id', { schema: { tags, summary: '修改标准草稿', params: IdParams, body: StandardUpdateBody, response: { 200: StandardVersionDetail } } },
    async (req) => standards.update(actorOf(req), req.params.id, req.body));
  app.post('/api/standards/:id/publish', { schema: { tags, summary: '发布标准草稿', params: IdParams, body: StandardPublishBody, response: { 200: StandardVersionDetail } } },
    async (req) => standards.publish(actorOf(req), req.params.id, req.body));
}
