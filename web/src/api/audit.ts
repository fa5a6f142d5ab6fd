import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, download } from './client';
import type { AuditPage, AuditQuery } from './types';

export type AuditFilters = Omit<AuditQuery, 'beforeId' | 'pageSize'>;

/** Keyset paging, newest first: each page continues before the last id seen. */
export const auditQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit', filters] as const,
    queryFn: ({ pageParam }) =>
      api.get<AuditPage>('/api/audit', { ...filters, beforeId: pageParam ?? undefined, pageSize: 50 }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBeforeId,
    staleTime: 0,
  });

export const exportAudit = (filters: AuditFilters) => download('/api/audit/export', filters, '审计日志.xlsx');
