// Self-assessments (自评), review (审核/验收), rectification (整改), evidence (佐证材料) and inspections (督查).
// Every write answers with the whole Assessment; callers put it into the cache with `remember`.
import { queryOptions } from '@tanstack/react-query';
import { api, request, upload } from './client';
import { queryClient } from './queryClient';
import type {
  Assessment, EvidenceLinkBody, InspectionBody, InspectionCreated, ItemAnswerBody, MyAssessments, ReviewBody,
} from './types';

export const assessmentKeys = {
  all: ['assessments'] as const,
  mine: () => ['assessments', 'mine'] as const,
  detail: (id: number) => ['assessments', 'detail', id] as const,
};

export const myAssessmentsQuery = () =>
  queryOptions({ queryKey: assessmentKeys.mine(), queryFn: () => api.get<MyAssessments>('/api/me/assessments') });

export const assessmentQuery = (id: number) =>
  queryOptions({ queryKey: assessmentKeys.detail(id), queryFn: () => api.get<Assessment>(`/api/assessments/${id}`) });

/** Puts a fresh Assessment into the cache; lists and dashboards that count it reload. */
export function remember(a: Assessment): Assessment {
  queryClient.setQueryData(assessmentKeys.detail(a.id), a);
  void queryClient.invalidateQueries({ queryKey: assessmentKeys.mine() });
  void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
  return a;
}

const enc = encodeURIComponent;

/** Silent: the page tells the user about a CONFLICT (the item changed meanwhile) itself. */
export const saveAnswer = (id: number, code: string, body: ItemAnswerBody) =>
  api.put<Assessment>(`/api/assessments/${id}/items/${enc(code)}`, body, { silent: true }).then(remember);

/** One file (photo or document) as multipart field `file`; errors (400/413/415) are shown with the server's message. */
export const uploadEvidence = (id: number, code: string, file: File, onProgress?: (percent: number) => void) =>
  upload<Assessment>(`/api/assessments/${id}/items/${enc(code)}/evidence`, formWith(file), onProgress).then(remember);

export const addLink = (id: number, code: string, body: EvidenceLinkBody) =>
  api.post<Assessment>(`/api/assessments/${id}/items/${enc(code)}/links`, body).then(remember);

export const deleteEvidence = (evidenceId: number) => request<{ ok: true }>('DELETE', `/api/evidence/${evidenceId}`);

export const runChecks = (id: number) => api.post<Assessment>(`/api/assessments/${id}/checks`).then(remember);

export const submitAssessment = (id: number, version: number) =>
  api.post<Assessment>(`/api/assessments/${id}/submit`, { version }).then(remember);

/** Silent: a CONFLICT here means another reviewer decided first; the page says so. */
export const reviewAssessment = (id: number, body: ReviewBody) =>
  api.post<Assessment>(`/api/assessments/${id}/review`, body, { silent: true }).then(remember);

export const createInspection = (id: number, body: InspectionBody) =>
  api.post<InspectionCreated>(`/api/assessments/${id}/inspections`, body).then((r) => {
    remember(r.assessment);
    return r;
  });

export const uploadInspectionPhoto = (inspectionId: number, file: File, onProgress?: (percent: number) => void) =>
  upload<Assessment>(`/api/inspections/${inspectionId}/photos`, formWith(file), onProgress).then(remember);

function formWith(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
