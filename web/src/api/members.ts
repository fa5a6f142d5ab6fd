// Members, transfers, export/template downloads and the member's own profile.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, download } from './client';
import type {
  MemberCreateBody, MemberDetail, MemberListPage, MemberListQuery, MemberTransferBody, MemberUpdateBody, MeProfile,
} from './types';

export const memberKeys = {
  all: ['members'] as const,
  list: (q: MemberListQuery) => ['members', 'list', q] as const,
  detail: (id: number) => ['members', 'detail', id] as const,
  profile: () => ['members', 'profile'] as const,
};

export const memberListQuery = (q: MemberListQuery) =>
  queryOptions({
    queryKey: memberKeys.list(q),
    queryFn: () => api.get<MemberListPage>('/api/members', q),
    placeholderData: keepPreviousData,
  });

/** Full profile (its viewing is audited): never kept in the cache after the drawer closes. */
export const memberQuery = (id: number) =>
  queryOptions({ queryKey: memberKeys.detail(id), queryFn: () => api.get<MemberDetail>(`/api/members/${id}`), gcTime: 0 });

export const myProfileQuery = () =>
  queryOptions({ queryKey: memberKeys.profile(), queryFn: () => api.get<MeProfile>('/api/me/profile') });

export const createMember = (body: MemberCreateBody) => api.post<MemberDetail>('/api/members', body);
export const updateMember = (id: number, body: MemberUpdateBody) => api.put<MemberDetail>(`/api/members/${id}`, body);
export const transferMember = (id: number, body: MemberTransferBody) =>
  api.post<MemberDetail>(`/api/members/${id}/transfer`, body);

export const exportMembers = (q: Omit<MemberListQuery, 'page' | 'pageSize'>) =>
  download('/api/members/export', q, '党员名册.xlsx');
export const downloadImportTemplate = () => download('/api/members/import-template', undefined, '党员导入模板.xlsx');
