// Search (站内搜索) over articles, notices and study materials, scoped by the server to what the reader may see.
import type { Static } from 'typebox';
import type * as S from '@contracts/search';
import { api } from './client';

export type SearchHit = Static<typeof S.SearchHit>;
export type SearchResult = Static<typeof S.SearchResult>;
export type SearchType = S.SearchType;

export const searchKeys = { query: (q: string, types: string) => ['search', q, types] as const };
export const searchPage = (q: string, types: string | undefined, cursor?: string) =>
  api.get<SearchResult>('/api/search', { q, types: types || undefined, cursor });

/** Splits text into plain parts and highlighted parts by the server's ranges (the caller renders text only). */
export function splitHighlights(text: string, ranges: [number, number][]): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at || e <= s || e > text.length) continue;
    if (s > at) out.push({ text: text.slice(at, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}
