import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import type { CommitteeService } from './committee.service.js';
import { CommitteeSaveBody, CommitteeTerm, CommitteeUpdateBody, ExpiringTerm, IdParams } from '../../../../contracts/schemas.js';

export function registerCommitteeRoutes(app: App, deps: { committees: CommitteeService }) {
  const { committees } = deps;
  const tags = ['committees'];
  app.get('/api/orgs/:id/committee-terms', { schema: { tags, summary: '班子届次（新的在前）', params: IdParams, response: { 200: Type.Array(CommitteeTerm) } } },
    async (req) => committees.list(actorOf(req), req.params.id));
  app.post('/api/orgs/:id/committee-terms', { schema: { tags, summary: '换届：新的一届班子', params: IdParams, body: CommitteeSaveBody, response: { 200: CommitteeTerm } } },
    async (req) => committees.startTerm(actorOf(req), req.params.id, req.body));
  app.put('/api/committee-terms/:id', { schema: { tags, summary: '修改一届班子', params: IdParams, body: CommitteeUpdateBody, response: { 200: CommitteeTerm } } },
    async (req) => committees.updateTerm(actorOf(req), req.params.id, req.body));
  app.get('/api/committees/expiring', {
    schema: { tags, summary: '六个月内任期届满的班子', querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })) }, { additionalProperties: false }), response: { 200: Type.Array(ExpiringTerm) } },
  }, async (req) => committees.expiring(actorOf(req), req.query.orgId ?? null));
}
