import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import type { OrgService } from './org.service.js';
import {
  IdParams, Org, OrgChildrenQuery, OrgCreateBody, OrgDissolveBody, OrgHistoryItem, OrgMoveBody, OrgSearchQuery, OrgStats,
  OrgTreeNode, OrgUpdateBody,
} from '../../../../contracts/schemas.js';

export function registerOrgRoutes(app: App, deps: { orgs: OrgService }) {
  const { orgs } = deps;
  const tags = ['organizations'];
  app.get('/api/orgs/roots', { schema: { tags, summary: '可见的顶级组织', response: { 200: Type.Array(OrgTreeNode) } } },
    async (req) => orgs.roots(actorOf(req)));
  app.get('/api/orgs/children', { schema: { tags, summary: '下级组织', querystring: OrgChildrenQuery, response: { 200: Type.Array(OrgTreeNode) } } },
    async (req) => {
      const actor = actorOf(req);
      if (req.query.parentId === undefined) return orgs.roots(actor);
      return orgs.children(actor, req.query.parentId, req.query.includeDissolved ?? false);
    });
  app.get('/api/orgs/search', { schema: { tags, summary: '按名称搜索组织', querystring: OrgSearchQuery, response: { 200: Type.Array(OrgTreeNode) } } },
    async (req) => orgs.search(actorOf(req), req.query.q));
  app.get('/api/orgs/:id', { schema: { tags, summary: '组织详情', params: IdParams, response: { 200: Org } } },
    async (req) => orgs.get(actorOf(req), req.params.id));
  app.get('/api/orgs/:id/stats', { schema: { tags, summary: '组织（含下级）统计', params: IdParams, response: { 200: OrgStats } } },
    async (req) => orgs.stats(actorOf(req), req.params.id));
  app.get('/api/orgs/:id/history', { schema: { tags, summary: '组织变更历史', params: IdParams, response: { 200: Type.Array(OrgHistoryItem) } } },
    async (req) => orgs.history(actorOf(req), req.params.id));
  app.post('/api/orgs', { schema: { tags, summary: '新建组织', body: OrgCreateBody, response: { 200: Org } } },
    async (req) => orgs.create(actorOf(req), req.body));
  app.patch('/api/orgs/:id', { schema: { tags, summary: '修改组织', params: IdParams, body: OrgUpdateBody, response: { 200: Org } } },
    async (req) => orgs.update(actorOf(req), req.params.id, req.body));
  app.post('/api/orgs/:id/move', { schema: { tags, summary: '移动组织（含下级）', params: IdParams, body: OrgMoveBody, response: { 200: Org } } },
    async (req) => orgs.move(actorOf(req), req.params.id, req.body));
  app.post('/api/orgs/:id/dissolve', { schema: { tags, summary: '撤销组织', params: IdParams, body: OrgDissolveBody, response: { 200: Org } } },
    async (req) => orgs.dissolve(actorOf(req), req.params.id, req.body));
}
