// Campaigns (专项工作): list, create, close, the coverage dashboard, its drill-down list and the Excel export.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, download } from './client';
import type {
  AssessmentListPage, AssessmentListQuery, Campaign, CampaignCloseBody, CampaignCreateBody, CampaignList, Dashboard,
} from './types';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: () => ['campaigns', 'list'] as const,
  detail: (id: number) => ['campaigns', 'detail', id] as const,
  dashboard: (id: number, orgId: number | undefined) => ['campaigns', 'dashboard', id, orgId ?? null] as const,
  assessments: (id: number, query: AssessmentListQuery) => ['campaigns', 'assessments', id, query] as const,
};

export const campaignsQuery = () =>
  queryOptions({ queryKey: campaignKeys.list(), queryFn: () => api.get<CampaignList>('/api/campaigns') });

export const campaignQuery = (id: number) =>
  queryOptions({ queryKey: campaignKeys.detail(id), queryFn: () => api.get<Campaign>(`/api/campaigns/${id}`) });

/** orgId: any org inside the campaign scope; undefined = the whole scope. */
export const dashboardQuery = (id: number, orgId?: number) =>
  queryOptions({
    queryKey: campaignKeys.dashboard(id, orgId),
    queryFn: () => api.get<Dashboard>(`/api/campaigns/${id}/dashboard`, { orgId }),
    staleTime: 30_000,
  });

export const campaignAssessmentsQuery = (id: number, query: AssessmentListQuery) =>
  queryOptions({
    queryKey: campaignKeys.assessments(id, query),
    queryFn: () => api.get<AssessmentListPage>(`/api/campaigns/${id}/assessments`, query),
    placeholderData: keepPreviousData,
  });

export const createCampaign = (body: CampaignCreateBody) => api.post<Campaign>('/api/campaigns', body);
export const closeCampaign = (id: number, body: CampaignCloseBody) => api.post<Campaign>(`/api/campaigns/${id}/close`, body);

export const exportCampaign = (campaign: Pick<Campaign, 'id' | 'title'>, orgId?: number) =>
  download(`/api/campaigns/${campaign.id}/export`, { orgId }, `${campaign.title}-覆盖情况.xlsx`);
