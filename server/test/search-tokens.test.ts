// The search tokenizer and highlighter: pure functions, no database.
import { describe, expect, it } from 'vitest';
import { indexTokens, parseQuery, tokenGroups } from '../src/modules/search/search.tokens.js';
import { highlightRanges, snippetOf } from '../src/modules/search/search.highlight.js';

describe('tokenizer', () => {
  it('indexes a Chinese run as overlapping bigrams', () => {
    expect(indexTokens('机关党建阵地')).toBe('机关 关党 党建 建阵 阵地');
  });
  it('keeps digits and Latin letters as words, lower-cased, beside the bigrams', () => {
    expect(indexTokens('2026年党建ABC')).toBe('2026 年党 党建 abc');
    expect(indexTokens('ＡＢＣ１２３')).toBe('abc123'); // full-width folded
  });
  it('splits on punctuation and spaces: no bigram spans them', () => {
    expect(indexTokens('党建，阵地！廉政 教育')).toBe('党建 阵地 廉政 教育');
    expect(indexTokens('学习。教育')).not.toContain('习教');
    expect(indexTokens('<b>&amp;</b>')).toBe('b amp b');
  });
  it('keeps a lone Chinese character as itself', () => {
    expect(tokenGroups('党')).toEqual([{ kind: 'han', text: '党', tokens: ['党'] }]);
    expect(indexTokens('A党B')).toBe('a 党 b');
  });
  it('parses a query into phrases (AND), a single character as a prefix', () => {
    expect(parseQuery('党建阵地 2026').phrases).toEqual([{ tokens: ['党建', '建阵', '阵地'], prefix: false }, { tokens: ['2026'], prefix: false }]);
    expect(parseQuery('党').phrases).toEqual([{ tokens: ['党'], prefix: true }]);
    expect(parseQuery('，。!?  ').phrases).toEqual([]);
    expect(parseQuery('" OR * NEAR(').phrases.map((p) => p.tokens)).toEqual([['or'], ['near']]);
  });
});

describe('highlighting', () => {
  it('finds every occurrence, merged, in original indices', () => {
    expect(highlightRanges('机关党建阵地建设', ['党建'])).toEqual([[2, 4]]);
    expect(highlightRanges('党建党建', ['党建', '建党'])).toEqual([[0, 4]]);
    expect(highlightRanges('Party ABC abc', ['abc'])).toEqual([[6, 9], [10, 13]]);
    expect(highlightRanges('ＡＢＣ', ['abc'])).toEqual([[0, 3]]);
  });
  it('cuts a snippet around the first match', () => {
    const body = `${'前'.repeat(200)}廉政教育${'后'.repeat(200)}`;
    const s = snippetOf(body, ['廉政'], 60);
    expect(s.snippet.startsWith('…')).toBe(true);
    const [a, b] = s.highlights[0];
    expect(s.snippet.slice(a, b)).toBe('廉政');
  });
});
