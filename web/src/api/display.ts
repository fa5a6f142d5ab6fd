// Wall display tokens (阵地展示屏) and the clean-governance screensaver slides (廉政屏保).
import { queryOptions } from '@tanstack/react-query';
import { api, request } from './client';
import type { DisplayToken, DisplayTokenCreated, Ok, Slide, SlideCreateBody, SlideList, SlideUpdateBody } from './types';

export const displayKeys = {
  tokens: (orgId: number) => ['display', 'tokens', orgId] as const,
  slides: (orgId: number) => ['display', 'slides', orgId] as const,
};

export const displayTokensQuery = (orgId: number) =>
  queryOptions({ queryKey: displayKeys.tokens(orgId), queryFn: () => api.get<{ items: DisplayToken[] }>(`/api/orgs/${orgId}/display-tokens`) });
export const createDisplayToken = (orgId: number, name: string) => api.post<DisplayTokenCreated>(`/api/orgs/${orgId}/display-tokens`, { name });
export const revokeDisplayToken = (id: number) => api.post<DisplayToken>(`/api/display-tokens/${id}/revoke`);

export const slidesQuery = (orgId: number) =>
  queryOptions({ queryKey: displayKeys.slides(orgId), queryFn: () => api.get<SlideList>('/api/screensaver/slides', { orgId }) });
export const createSlide = (body: SlideCreateBody) => api.post<Slide>('/api/screensaver/slides', body);
export const updateSlide = (id: number, body: SlideUpdateBody) => api.put<Slide>(`/api/screensaver/slides/${id}`, body);
export const deleteSlide = (id: number) => request<Ok>('DELETE', `/api/screensaver/slides/${id}`);
