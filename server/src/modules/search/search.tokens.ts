// The search tokenizer, one pure function for indexing and querying alike. Chinese has no spaces, so a run of
// Han characters is indexed as its overlapping two-character pieces (bigrams): 机关党建 -> 机关 关党 党建; a query
// for 党建 is then the phrase "党建" and a longer query the phrase of its bigrams. Latin letters and digits form
// words (lower-cased, full-width folded by NFKC). Anything else (punctuation, spaces, symbols) only separates.
// SQLite's FTS5 (unicode61) and PostgreSQL's `simple` config see the result as space-separated words.

const HAN = /\p{Script=Han}/u;
/** A Han run, or a word of letters (not Han) and digits: 2026年 splits into 2026 and 年. */
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** A run of text as search sees it: a Han run (its bigrams, or the single character) or a word. */
export interface TokenGroup { kind: 'han' | 'word'; text: string; tokens: string[] }

/** Splits text into Han runs and words, each with its index tokens (bigrams for Han). */
export function tokenGroups(text: string): TokenGroup[] {
  const out: TokenGroup[] = [];
  const norm = text.normalize('NFKC').toLowerCase();
  for (const m of norm.matchAll(RUNS)) {
    const run = m[0];
    if (HAN.test(run[0])) {
      const chars = [...run];
      const tokens = chars.length === 1 ? [run] : chars.slice(1).map((c, i) => chars[i] + c);
      out.push({ kind: 'han', text: run, tokens });
    } else {
      out.push({ kind: 'word', text: run, tokens: [run] });
    }
  }
  return out;
}

/** The space-separated index text of a document (what is stored and given to FTS5 / to_tsvector). */
export function indexTokens(text: string): string {
  return tokenGroups(text).flatMap((g) => g.tokens).join(' ');
}

/**
 * A parsed query: every group must match as a phrase of its tokens (all groups: AND). A single Han character
 * cannot be a bigram: it is matched as a prefix (党 finds 党建, 党员…, the bigrams it starts).
 */
export interface SearchQuery { phrases: { tokens: string[]; prefix: boolean }[]; terms: string[] }

export const QUERY_MAX_GROUPS = 8;

export function parseQuery(q: string): SearchQuery {
  const groups = tokenGroups(q).slice(0, QUERY_MAX_GROUPS);
  return {
    phrases: groups.map((g) => ({ tokens: g.tokens.map((t) => t.slice(0, 64)), prefix: g.kind === 'han' && [...g.text].length === 1 })),
    terms: groups.map((g) => g.text),
  };
}
