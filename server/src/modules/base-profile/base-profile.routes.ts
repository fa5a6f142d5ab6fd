import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import type { BaseProfileService } from './base-profile.service.js';
import { BaseProfile, BaseProfileUpdateBody, IdParams, TierOverrideBody } from '../../../../contracts/schemas.js';

export function registerBaseProfileRoutes(app: App, deps: { baseProfiles: BaseProfileService }) {
  const { baseProfiles } = deps;
  const tags = ['base profiles'];
  app.get('/api/orgs/:id/base-profile', { schema: { tags, summary: '阵地档案（含按标准推定的类别）', params: IdParams, response: { 200: BaseProfile } } },
    async (req) => baseProfiles.get(actorOf(req), req.params.id));
  app.put('/api/orgs/:id/base-profile', { schema: { tags, summary: '更新阵地档案', params: IdParams, body: BaseProfileUpdateBody, response: { 200: BaseProfile } } },
    async (req) => baseProfiles.update(actorOf(req), req.params.id, req.body));
  app.put('/api/orgs/:id/base-profile/tier-override', { schema: { tags, summary: '调整阵地类别（上级组织，须填写原因）', params: IdParams, body: TierOverrideBody, response: { 200: BaseProfile } } },
    async (req) => baseProfiles.overrideTier(actorOf(req), req.params.id, req.body));
}
