// Organizations, committees (届次) and their query keys.
import { queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type {
  CommitteeSaveBody, CommitteeTerm, CommitteeUpdateBody, ExpiringTerm, Org, OrgCreateBody, OrgDissolveBody, OrgHistoryItem,
  OrgMoveBody, OrgStats, OrgTreeNode, OrgUpdateBody,
} from './types';

export const orgKeys = {
  all: ['orgs'] as const,
  roots: () => ['orgs', 'roots'] as const,
  children: (parentId: number, includeDissolved: boolean) => ['orgs', 'children', parentId, includeDissolved] as const,
  search: (q: string) => ['orgs', 'search', q] as const,
  detail: (id: number) => ['orgs', 'detail', id] as const,
  stats: (id: number) => ['orgs', 'stats', id] as const,
  history: (id: number) => ['orgs', 'history', id] as const,
  terms: (id: number) => ['orgs', 'terms', id] as const,
  expiring: (orgId: number | null) => ['orgs', 'expiring', orgId] as const,
};

export const rootsQuery = () =>
  queryOptions({ queryKey: orgKeys.roots(), queryFn: () => api.get<OrgTreeNode[]>('/api/orgs/roots') });

export const childrenQuery = (parentId: number, includeDissolved: boolean) =>
  queryOptions({
    queryKey: orgKeys.children(parentId, includeDissolved),
    queryFn: () =>
      api.get<OrgTreeNode[]>('/api/orgs/children', { parentId, includeDissolved: includeDissolved || undefined }),
  });

export const searchOrgsQuery = (q: string) =>
  queryOptions({
    queryKey: orgKeys.search(q),
    queryFn: () => api.get<OrgTreeNode[]>('/api/orgs/search', { q }),
    enabled: q.trim().length > 0,
  });

export const orgQuery = (id: number) =>
  queryOptions({ queryKey: orgKeys.detail(id), queryFn: () => api.get<Org>(`/api/orgs/${id}`) });

export const orgStatsQuery = (id: number) =>
  queryOptions({ queryKey: orgKeys.stats(id), queryFn: () => api.get<OrgStats>(`/api/orgs/${id}/stats`) });

export const orgHistoryQuery = (id: number) =>
  queryOptions({ queryKey: orgKeys.history(id), queryFn: () => api.get<OrgHistoryItem[]>(`/api/orgs/${id}/history`) });

export const termsQuery = (orgId: number) =>
  queryOptions({ queryKey: orgKeys.terms(orgId), queryFn: () => api.get<CommitteeTerm[]>(`/api/orgs/${orgId}/committee-terms`) });

export const expiringQuery = (orgId: number | null) =>
  queryOptions({
    queryKey: orgKeys.expiring(orgId),
    queryFn: () => api.get<ExpiringTerm[]>('/api/committees/expiring', { orgId: orgId ?? undefined }),
  });

export const createOrg = (body: OrgCreateBody) => api.post<Org>('/api/orgs', body);
export const updateOrg = (id: number, body: OrgUpdateBody) => api.patch<Org>(`/api/orgs/${id}`, body);
export const moveOrg = (id: number, body: OrgMoveBody) => api.post<Org>(`/api/orgs/${id}/move`, body);
export const dissolveOrg = (id: number, body: OrgDissolveBody) => api.post<Org>(`/api/orgs/${id}/dissolve`, body);
export const createTerm = (orgId: number, body: CommitteeSaveBody) =>
  api.post<CommitteeTerm>(`/api/orgs/${orgId}/committee-terms`, body);
export const updateTerm = (termId: number, body: CommitteeUpdateBody) =>
  api.put<CommitteeTerm>(`/api/committee-terms/${termId}`, body);
