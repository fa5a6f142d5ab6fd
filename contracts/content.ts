// Columns (专题党建栏目) and their articles on the public site (党建网站): request and response schemas shared by
// server and web, states with Chinese labels, limits.
import { Type, type Static, type TSchema } from 'typebox';

const Obj = <P extends Record<string, TSchema>>(props: P) => Type.Object(props, { additionalProperties: false });
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Version = Type.Integer({ minimum: 0, description: 'optimistic lock: the version read (0 when creating a column)' });
const Instant = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$', description: 'ISO-8601 instant with zone' });

export const ARTICLE_STATUSES = ['draft', 'pending', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: '草稿', pending: '待审核', published: '已发布', unpublished: '已撤下',
};
export const ARTICLE_BODY_MAX = 400_000; // characters of HTML, after the editor
export const ARTICLE_PAGE_SIZE = 20;
export const COLUMN_SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{1,39}$';
/** Freshness threshold when no published standard names one (the shipped pack says 30). */
export const COLUMN_FRESH_DEFAULT_DAYS = 30;

export const Column = Obj({
  id: Id, orgId: Id, orgName: Type.String(), slug: Type.String(), title: Type.String(), intro: Type.String(),
  isPortal: Type.Boolean({ description: 'the work committee\'s column: the portal gathering the columns of its tree' }),
  url: Type.String({ description: 'public address' }), version: Type.Integer(),
});
export type Column = Static<typeof Column>;
export const ColumnOwnFreshness = Obj({
  lastPublishedAt: Nullable(Type.String()),
  days: Nullable(Type.Integer({ description: 'days since the last publication; null: never published' })),
  maxDays: Type.Integer({ description: 'the threshold the current standard sets' }),
  stale: Type.Boolean(),
});
export const ColumnOfOrg = Obj({ column: Nullable(Column), freshness: Nullable(ColumnOwnFreshness) });
export type ColumnOfOrg = Static<typeof ColumnOfOrg>;
export const ColumnSaveBody = Obj({
  slug: Type.String({ pattern: COLUMN_SLUG_PATTERN, description: 'lower-case letters, digits and hyphens, 2-40' }),
  title: Type.String({ minLength: 2, maxLength: 60 }),
  intro: Type.String({ maxLength: 500 }),
  version: Version,
});
export type ColumnSaveBody = Static<typeof ColumnSaveBody>;

export const ColumnFreshness = Obj({
  id: Id, orgId: Id, orgName: Type.String(), slug: Type.String(), title: Type.String(),
  lastPublishedAt: Nullable(Type.String()),
  days: Nullable(Type.Integer({ description: 'days since the last publication; null: never published' })),
  stale: Type.Boolean(), dutyHolder: Nullable(Type.String({ description: 'base profile fact dutyHolders.siteEditorName' })),
});
export type ColumnFreshness = Static<typeof ColumnFreshness>;
export const ColumnList = Obj({ maxDays: Type.Integer(), items: Type.Array(ColumnFreshness) });
export type ColumnList = Static<typeof ColumnList>;
export const ColumnListQuery = Obj({ orgId: Id, staleOnly: Type.Optional(Type.Boolean()) });

export const ArticleSummary = Obj({
  id: Id, columnId: Id, title: Type.String(), summary: Type.String(), author: Type.String(),
  status: Type.Enum(ARTICLE_STATUSES), publishAt: Nullable(Type.String()),
  scheduled: Type.Boolean({ description: 'published with a publish time still in the future' }),
  updatedAt: Type.String(), version: Type.Integer(),
});
export type ArticleSummary = Static<typeof ArticleSummary>;
export const ArticleFile = Obj({ id: Id, kind: Type.String(), name: Type.String(), mime: Type.String(), size: Type.Integer(), url: Type.String() });
export type ArticleFile = Static<typeof ArticleFile>;
export const Article = Obj({
  ...ArticleSummary.properties,
  body: Type.String({ description: 'sanitized HTML' }),
  column: Obj({ id: Id, slug: Type.String(), title: Type.String(), orgId: Id }),
  submittedAt: Nullable(Type.String()), reviewedBy: Nullable(Type.String()), reviewComment: Nullable(Type.String()),
  createdBy: Nullable(Type.String()), createdAt: Type.String(), files: Type.Array(ArticleFile),
  publicUrl: Nullable(Type.String({ description: 'set while the article is visible on the public site' })),
});
export type Article = Static<typeof Article>;
export const ArticlePage = Obj({ items: Type.Array(ArticleSummary), next: Nullable(Type.String({ description: 'cursor of the next page' })) });
export type ArticlePage = Static<typeof ArticlePage>;
export const ArticleListQuery = Obj({
  status: Type.Optional(Type.Enum(ARTICLE_STATUSES)),
  cursor: Type.Optional(Type.String({ maxLength: 40, pattern: '^\\d{1,10}$' })),
});
export const ArticleBody = Obj({
  title: Type.String({ minLength: 1, maxLength: 100 }),
  summary: Type.String({ maxLength: 300 }),
  body: Type.String({ maxLength: ARTICLE_BODY_MAX }),
  author: Type.String({ maxLength: 50 }),
});
export type ArticleBody = Static<typeof ArticleBody>;
export const ArticleUpdateBody = Obj({ ...ArticleBody.properties, version: Version });
export type ArticleUpdateBody = Static<typeof ArticleUpdateBody>;
export const ArticleVersionBody = Obj({ version: Version });
export const ArticleReviewBody = Obj({
  version: Version,
  decision: Type.Union([Type.Literal('publish'), Type.Literal('return')]),
  comment: Type.Optional(Type.String({ maxLength: 300 })),
  publishAt: Type.Optional(Nullable(Instant)),
});
export type ArticleReviewBody = Static<typeof ArticleReviewBody>;
