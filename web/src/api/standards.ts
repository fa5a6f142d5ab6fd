// Standard packs (标准管理, work-committee admin only): versions, clone, edit a draft, publish.
import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type {
  StandardCloneBody, StandardPublishBody, StandardUpdateBody, StandardVersionDetail, StandardVersionSummary,
} from './types';

export const standardKeys = {
  all: ['standards'] as const,
  list: () => ['standards', 'list'] as const,
  detail: (id: number) => ['standards', 'detail', id] as const,
};

export const standardsQuery = () =>
  queryOptions({ queryKey: standardKeys.list(), queryFn: () => api.get<StandardVersionSummary[]>('/api/standards') });

export const standardQuery = (id: number) =>
  queryOptions({
    queryKey: standardKeys.detail(id),
    queryFn: () => api.get<StandardVersionDetail>(`/api/standards/${id}`),
  });

export const cloneStandard = (id: number, body: StandardCloneBody) =>
  api.post<StandardVersionDetail>(`/api/standards/${id}/clone`, body);
/** Silent: the editor lists the VALIDATION details itself. */
export const updateStandard = (id: number, body: StandardUpdateBody) =>
  api.put<StandardVersionDetail>(`/api/standards/${id}`, body, { silent: true });
export const publishStandard = (id: number, body: StandardPublishBody) =>
  api.post<StandardVersionDetail>(`/api/standards/${id}/publish`, body);
