// Search (站内搜索) over articles, notices and study materials, scoped to what the reader may see. Highlights are
// ranges [start, end) in UTF-16 code units (JavaScript string indices) of the plain title and snippet: the client
// escapes the text and marks the ranges, the server never sends HTML.
import { Type, type Static, type TSchema } from 'typebox';
import { SEARCH_QUERY_MAX } from './search-labels.js';

const Obj = <P extends Record<string, TSchema>>(props: P) => Type.Object(props, { additionalProperties: false });
const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);

export * from './search-labels.js';

export const SearchQuery = Obj({
  q: Type.String({ maxLength: SEARCH_QUERY_MAX, description: 'words to find; Chinese of two or more characters matches as a phrase, one character as a prefix' }),
  types: Type.Optional(Type.String({ maxLength: 40, pattern: '^(article|notice|material)(,(article|notice|material))*$', description: 'comma-separated; all when left out' })),
  cursor: Type.Optional(Type.String({ maxLength: 60, description: 'nextCursor of the previous page' })),
});
export type SearchQuery = Static<typeof SearchQuery>;

const Range = Type.Tuple([Type.Integer({ minimum: 0 }), Type.Integer({ minimum: 0 })]);
export const SearchHit = Obj({
  type: Type.Union([Type.Literal('article'), Type.Literal('notice'), Type.Literal('material')]),
  id: Type.Integer(),
  title: Type.String(),
  titleHighlights: Type.Array(Range),
  snippet: Type.String(),
  highlights: Type.Array(Range),
  date: Type.String({ description: 'publication, sending or last update time (ISO)' }),
  status: Type.String({ description: 'article status (draft, pending, published, unpublished); sent; active' }),
  link: Nullable(Type.String({ description: 'path of the page that shows it to this reader' })),
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchResult = Obj({
  items: Type.Array(SearchHit),
  nextCursor: Nullable(Type.String()),
  /** A hint for the reader, e.g. when the query has nothing searchable. */
  message: Nullable(Type.String()),
});
export type SearchResult = Static<typeof SearchResult>;
