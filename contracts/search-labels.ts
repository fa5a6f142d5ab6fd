// Search constants and labels without schemas (no typebox), so the plain member pages can import them.
export const SEARCH_TYPES = ['article', 'notice', 'material'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
export const SEARCH_TYPE_LABELS: Record<SearchType, string> = { article: '栏目文章', notice: '通知', material: '学习资料' };
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_QUERY_MAX = 100;
