// Base profile (阵地档案) of an organization: facts, derived/overridden tier, history; and wall photos
// (上墙内容照片: each wall item or board with dated photos).
import { queryOptions } from '@tanstack/react-query';
import { api, request, upload } from './client';
import type { BaseProfile, BaseProfileUpdateBody, Ok, TierOverrideBody, WallPhoto, WallPhotoList } from './types';

export const baseProfileKeys = {
  all: ['baseProfiles'] as const,
  detail: (orgId: number) => ['baseProfiles', 'detail', orgId] as const,
  wallPhotos: (orgId: number) => ['baseProfiles', 'wallPhotos', orgId] as const,
};

export const baseProfileQuery = (orgId: number) =>
  queryOptions({
    queryKey: baseProfileKeys.detail(orgId),
    queryFn: () => api.get<BaseProfile>(`/api/orgs/${orgId}/base-profile`, undefined, { silent: true }),
  });

/** Silent: the page shows a failure in the photo section itself. */
export const wallPhotosQuery = (orgId: number) =>
  queryOptions({
    queryKey: baseProfileKeys.wallPhotos(orgId),
    queryFn: () => api.get<WallPhotoList>(`/api/orgs/${orgId}/wall-photos`, undefined, { silent: true }),
    retry: false,
  });

/** Silent: the page tells a stale version (CONFLICT) in its own words and shows other errors itself. */
export const updateBaseProfile = (orgId: number, body: BaseProfileUpdateBody) =>
  api.put<BaseProfile>(`/api/orgs/${orgId}/base-profile`, body, { silent: true });

export const overrideTier = (orgId: number, body: TierOverrideBody) =>
  api.put<BaseProfile>(`/api/orgs/${orgId}/base-profile/tier-override`, body);

/** POST multipart (wallItem, takenOn, file) with the session's CSRF token; errors are shown by the client. */
export function uploadWallPhoto(
  orgId: number,
  fields: { wallItem: string; takenOn: string; file: File | Blob },
  onProgress?: (percent: number) => void,
): Promise<WallPhoto> {
  const form = new FormData();
  // Fields before the file: a streaming multipart parser sees them first.
  form.append('wallItem', fields.wallItem);
  form.append('takenOn', fields.takenOn);
  form.append('file', fields.file, fields.file instanceof File ? fields.file.name : 'photo.jpg');
  return upload<WallPhoto>(`/api/orgs/${orgId}/wall-photos`, form, onProgress);
}

export const deleteWallPhoto = (id: number) => request<Ok>('DELETE', `/api/wall-photos/${id}`);
