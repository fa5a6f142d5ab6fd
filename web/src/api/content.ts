// Columns (专题党建栏目) and articles: the org's column, the stale list, articles with review and files.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, upload } from './client';
import type {
  Article, ArticleBody, ArticleFile, ArticlePage, ArticleReviewBody, ArticleStatus, ArticleUpdateBody, ColumnList, ColumnOfOrg, ColumnSaveBody,
} from './types';

export const contentKeys = {
  all: ['content'] as const,
  column: (orgId: number) => ['content', 'column', orgId] as const,
  columns: (orgId: number, staleOnly: boolean) => ['content', 'columns', orgId, staleOnly] as const,
  articles: (columnId: number, status: ArticleStatus | undefined, cursor: string | undefined) => ['content', 'articles', columnId, status ?? null, cursor ?? null] as const,
  article: (id: number) => ['content', 'article', id] as const,
};

export const columnOfOrgQuery = (orgId: number) =>
  queryOptions({ queryKey: contentKeys.column(orgId), queryFn: () => api.get<ColumnOfOrg>(`/api/orgs/${orgId}/column`) });
export const columnsQuery = (orgId: number, staleOnly = false) =>
  queryOptions({ queryKey: contentKeys.columns(orgId, staleOnly), queryFn: () => api.get<ColumnList>('/api/columns', { orgId, staleOnly: staleOnly || undefined }) });
export const articlesQuery = (columnId: number, status?: ArticleStatus, cursor?: string) =>
  queryOptions({
    queryKey: contentKeys.articles(columnId, status, cursor),
    queryFn: () => api.get<ArticlePage>(`/api/columns/${columnId}/articles`, { status, cursor }),
    placeholderData: keepPreviousData,
  });
export const articleQuery = (id: number) =>
  queryOptions({ queryKey: contentKeys.article(id), queryFn: () => api.get<Article>(`/api/articles/${id}`) });

export const saveColumn = (orgId: number, body: ColumnSaveBody) => api.put<ColumnOfOrg>(`/api/orgs/${orgId}/column`, body);
export const createArticle = (columnId: number, body: ArticleBody) => api.post<Article>(`/api/columns/${columnId}/articles`, body);
export const updateArticle = (id: number, body: ArticleUpdateBody) => api.put<Article>(`/api/articles/${id}`, body);
export const submitArticle = (id: number, version: number) => api.post<Article>(`/api/articles/${id}/submit`, { version });
export const reviewArticle = (id: number, body: ArticleReviewBody) => api.post<Article>(`/api/articles/${id}/review`, body);
export const unpublishArticle = (id: number, version: number) => api.post<Article>(`/api/articles/${id}/unpublish`, { version });
export function uploadArticleFile(id: number, file: File, onProgress?: (percent: number) => void) {
  const form = new FormData();
  form.append('file', file);
  return upload<ArticleFile>(`/api/articles/${id}/files`, form, onProgress);
}

/** Bodies are stored with public file addresses; the editor shows drafts' images through the admin route. */
export const toEditorHtml = (body: string) => body.replace(/(src|href)="\/site\/files\/(\d+)"/g, '$1="/api/article-files/$2"');
