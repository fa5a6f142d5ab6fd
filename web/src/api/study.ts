// Study (理论学习): materials, plans, sessions with attendance, statistics and their Excel export.
import { queryOptions } from '@tanstack/react-query';
import { api, download, request, upload } from './client';
import type {
  Ok, StudyMaterial, StudyMaterialCreateBody, StudyMaterialPage, StudyMaterialQuery, StudyMaterialUpdateBody, StudyPlan, StudyPlanCreateBody,
  StudyPlanSummary, StudyPlanUpdateBody, StudySession, StudySessionCreateBody, StudySessionSummary, StudySessionUpdateBody, StudyStats,
} from './types';

export const studyKeys = {
  all: ['study'] as const,
  materials: (q: StudyMaterialQuery) => ['study', 'materials', q] as const,
  material: (id: number) => ['study', 'material', id] as const,
  plans: (orgId: number, year: number) => ['study', 'plans', orgId, year] as const,
  plan: (id: number) => ['study', 'plan', id] as const,
  sessions: (orgId: number, year: number) => ['study', 'sessions', orgId, year] as const,
  session: (id: number) => ['study', 'session', id] as const,
  stats: (orgId: number, year: number) => ['study', 'stats', orgId, year] as const,
};

export const materialsQuery = (q: StudyMaterialQuery) =>
  queryOptions({ queryKey: studyKeys.materials(q), queryFn: () => api.get<StudyMaterialPage>('/api/study/materials', q) });
export const materialQuery = (id: number) =>
  queryOptions({ queryKey: studyKeys.material(id), queryFn: () => api.get<StudyMaterial>(`/api/study/materials/${id}`) });
export const createMaterial = (body: StudyMaterialCreateBody) => api.post<StudyMaterial>('/api/study/materials', body);
export const updateMaterial = (id: number, body: StudyMaterialUpdateBody) => api.put<StudyMaterial>(`/api/study/materials/${id}`, body);
export const deleteMaterial = (id: number) => request<Ok>('DELETE', `/api/study/materials/${id}`);
/** ownerOrgId and the text fields go before the file: the server checks the owner before reading the file. */
export function uploadMaterial(ownerOrgId: number, title: string, source: string, file: File, onProgress?: (p: number) => void) {
  const form = new FormData();
  form.append('ownerOrgId', String(ownerOrgId));
  form.append('title', title);
  if (source) form.append('source', source);
  form.append('file', file);
  return upload<StudyMaterial>('/api/study/materials/upload', form, onProgress);
}

export const plansQuery = (orgId: number, year: number) =>
  queryOptions({ queryKey: studyKeys.plans(orgId, year), queryFn: () => api.get<{ items: StudyPlanSummary[] }>('/api/study/plans', { orgId, year }) });
export const planQuery = (id: number) =>
  queryOptions({ queryKey: studyKeys.plan(id), queryFn: () => api.get<StudyPlan>(`/api/study/plans/${id}`) });
export const createPlan = (body: StudyPlanCreateBody) => api.post<StudyPlan>('/api/study/plans', body);
export const updatePlan = (id: number, body: StudyPlanUpdateBody) => api.put<StudyPlan>(`/api/study/plans/${id}`, body);
export const deletePlan = (id: number) => request<Ok>('DELETE', `/api/study/plans/${id}`);

export const sessionsQuery = (orgId: number, year: number) =>
  queryOptions({ queryKey: studyKeys.sessions(orgId, year), queryFn: () => api.get<{ items: StudySessionSummary[] }>('/api/study/sessions', { orgId, year }) });
export const sessionQuery = (id: number) =>
  queryOptions({ queryKey: studyKeys.session(id), queryFn: () => api.get<StudySession>(`/api/study/sessions/${id}`) });
export const createSession = (body: StudySessionCreateBody) => api.post<StudySession>('/api/study/sessions', body);
export const updateSession = (id: number, body: StudySessionUpdateBody) => api.put<StudySession>(`/api/study/sessions/${id}`, body);
export const deleteSession = (id: number) => request<Ok>('DELETE', `/api/study/sessions/${id}`);

export const statsQuery = (orgId: number, year: number) =>
  queryOptions({ queryKey: studyKeys.stats(orgId, year), queryFn: () => api.get<StudyStats>('/api/study/stats', { orgId, year }) });
export const exportStats = (orgId: number, year: number) => download('/api/study/stats/export', { orgId, year }, `${year}年理论学习统计.xlsx`);
