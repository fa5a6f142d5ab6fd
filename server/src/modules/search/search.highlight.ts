// Highlight ranges and snippets, computed on the plain stored text (never on HTML). Matching is on the text as
// the tokenizer sees it (NFKC, lower case), mapped back to indices of the original string.
export type Range = [number, number];

/** The normalized text and, for each of its code units, the index in the original it came from. */
function normalized(text: string): { norm: string; origin: number[] } {
  let norm = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const n = ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < n.length; k++) origin.push(i);
    norm += n;
    i += ch.length;
  }
  origin.push(text.length);
  return { norm, origin };
}

/** Every occurrence of every term in `text`, merged into ascending non-overlapping ranges. */
export function highlightRanges(text: string, terms: string[]): Range[] {
  if (!text || terms.length === 0) return [];
  const { norm, origin } = normalized(text);
  const raw: Range[] = [];
  for (const t of new Set(terms)) {
    if (!t) continue;
    for (let at = norm.indexOf(t); at !== -1; at = norm.indexOf(t, at + t.length)) {
      const end = at + t.length;
      // End at the original index after the last matched unit.
      let oEnd = origin[end];
      if (end < origin.length - 1 && origin[end] === origin[end - 1]) oEnd = origin[end - 1] + 1;
      raw.push([origin[at], Math.max(oEnd, origin[at] + 1)]);
    }
  }
  raw.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of raw) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** A window of the body around the first match (or its start), with the highlight ranges inside it. */
export function snippetOf(body: string, terms: string[], width = 90): { snippet: string; highlights: Range[] } {
  const all = highlightRanges(body, terms);
  let start = 0;
  if (all.length && all[0][0] > width / 3) start = all[0][0] - Math.floor(width / 3);
  // Do not cut a surrogate pair.
  if (start > 0 && /[\udc00-\udfff]/.test(body[start] ?? '')) start--;
  let end = Math.min(body.length, start + width);
  if (end < body.length && /[\ud800-\udbff]/.test(body[end - 1] ?? '')) end++;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < body.length ? '…' : '';
  const snippet = prefix + body.slice(start, end) + suffix;
  const shift = prefix.length - start;
  const highlights = all.filter((r) => r[0] >= start && r[0] < end)
    .map((r): Range => [r[0] + shift, Math.min(r[1], end) + shift]);
  return { snippet, highlights };
}
