import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import { sendXlsx } from '../../platform/http/xlsx-reply.js';
import { IdParams } from '../../../../contracts/schemas.js';
import {
  AssessmentListPage, AssessmentListQuery, Campaign, CampaignCloseBody, CampaignCreateBody, CampaignList, Dashboard, DashboardQuery,
} from '../../../../contracts/assessment.js';
import type { Audit } from '../../platform/audit.js';
import type { CampaignService } from './campaign.service.js';
import type { DashboardService } from './campaign.dashboard.js';
import { writeCoverageXlsx } from './campaign.xlsx.js';

export function registerCampaignRoutes(app: App, deps: { campaigns: CampaignService; dashboards: DashboardService; audit: Audit }) {
  const { campaigns, dashboards, audit } = deps;
  const tags = ['campaigns'];
  app.get('/api/campaigns', { schema: { tags, summary: '专项工作列表', response: { 200: CampaignList } } },
    async (req) => campaigns.list(actorOf(req)));
  app.post('/api/campaigns', { schema: { tags, summary: '发起专项工作（为范围内每个党组织建立自评）', body: CampaignCreateBody, response: { 200: Campaign } } },
    async (req) => campaigns.create(actorOf(req), req.body));
  app.get('/api/campaigns/:id', { schema: { tags, summary: '专项工作', params: IdParams, response: { 200: Campaign } } },
    async (req) => campaigns.get(actorOf(req), req.params.id));
  app.post('/api/campaigns/:id/close', { schema: { tags, summary: '结束专项工作', params: IdParams, body: CampaignCloseBody, response: { 200: Campaign } } },
    async (req) => campaigns.close(actorOf(req), req.params.id, req.body));
  app.get('/api/campaigns/:id/dashboard', { schema: { tags, summary: '覆盖情况（任一范围内组织的下辖统计）', params: IdParams, querystring: DashboardQuery, response: { 200: Dashboard } } },
    async (req) => dashboards.dashboard(actorOf(req), req.params.id, req.query.orgId));
  app.get('/api/campaigns/:id/assessments', { schema: { tags, summary: '自评清单（覆盖情况的明细）', params: IdParams, querystring: AssessmentListQuery, response: { 200: AssessmentListPage } } },
    async (req) => dashboards.list(actorOf(req), req.params.id, req.query));
  app.get('/api/campaigns/:id/export', { schema: { tags, summary: '导出覆盖情况（Excel，每张表一个工作表）', params: IdParams, querystring: DashboardQuery } },
    async (req, reply) => {
      const actor = actorOf(req);
      const d = await dashboards.dashboard(actor, req.params.id, req.query.orgId);
      await audit.record(actor, { action: 'campaign.export', targetType: 'campaign', targetId: d.campaign.id, orgId: d.org.id });
      const list = (page: number, pageSize: number) => dashboards.list(actor, d.campaign.id, { orgId: d.org.id, page, pageSize });
      return sendXlsx(req, reply, `${d.campaign.title}_${d.org.name}_覆盖情况_${d.today}.xlsx`, (out) => writeCoverageXlsx(out, d, list));
    });
}
