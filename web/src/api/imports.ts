// Member import jobs: upload (multipart: orgId, then file), poll, commit.
import { queryOptions } from '@tanstack/react-query';
import { api, upload } from './client';
import type { ImportJob } from './types';

export const importKeys = { job: (id: number) => ['imports', id] as const };

const busy = (job: ImportJob | undefined) => job?.status === 'parsing' || job?.status === 'committing';

/** Polls every 500 ms while the server is parsing or committing. */
export const importJobQuery = (id: number) =>
  queryOptions({
    queryKey: importKeys.job(id),
    queryFn: () => api.get<ImportJob>(`/api/member-imports/${id}`),
    refetchInterval: (query) => (busy(query.state.data) ? 500 : false),
    staleTime: 0,
  });

export function startImport(orgId: number, file: File, onProgress?: (percent: number) => void): Promise<ImportJob> {
  const form = new FormData();
  form.append('orgId', String(orgId)); // the server reads the field before the file
  form.append('file', file, file.name);
  return upload<ImportJob>('/api/member-imports', form, onProgress);
}

export const commitImport = (id: number) => api.post<ImportJob>(`/api/member-imports/${id}/commit`);
