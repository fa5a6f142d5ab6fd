// Rows to API shapes. Files are addressed by the admin route; bodies keep /site/files/<id> (the web editor swaps).
import type { ArticleFileRow, ArticleRow, SiteColumnRow } from '../../platform/db/types.js';
import type { Article, ArticleFile, ArticleStatus, ArticleSummary, Column } from '../../../../contracts/content.js';
import type { ArticleSummaryRow } from './content.repo.js';

export const columnUrl = (slug: string) => `/site/c/${encodeURIComponent(slug)}`;
export const articleUrl = (id: number) => `/site/a/${id}`;
export const isVisible = (a: { status: string; publish_at: string | null }, now: string) =>
  a.status === 'published' && a.publish_at !== null && a.publish_at <= now;

export function presentColumn(c: SiteColumnRow, orgName: string, isPortal: boolean): Column {
  return { id: c.id, orgId: c.org_id, orgName, slug: c.slug, title: c.title, intro: c.intro, isPortal, url: columnUrl(c.slug), version: c.version };
}

export function presentSummary(a: ArticleSummaryRow, now: string): ArticleSummary {
  return {
    id: a.id, columnId: a.column_id, title: a.title, summary: a.summary, author: a.author, status: a.status as ArticleStatus,
    publishAt: a.publish_at, scheduled: a.status === 'published' && a.publish_at !== null && a.publish_at > now,
    updatedAt: a.updated_at, version: a.version,
  };
}

export const presentFile = (f: ArticleFileRow): ArticleFile => ({ id: f.id, kind: f.kind, name: f.name, mime: f.mime, size: f.size, url: `/api/article-files/${f.id}` });

export function presentArticle(a: ArticleRow, column: SiteColumnRow, files: ArticleFileRow[], now: string): Article {
  return {
    ...presentSummary(a, now), body: a.body,
    column: { id: column.id, slug: column.slug, title: column.title, orgId: column.org_id },
    submittedAt: a.submitted_at, reviewedBy: a.reviewed_by_name, reviewComment: a.review_comment,
    createdBy: a.created_by_name, createdAt: a.created_at, files: files.map(presentFile),
    publicUrl: isVisible(a, now) ? articleUrl(a.id) : null,
  };
}
