// The public site's search results (/site?q=): published articles only, rendered on the server. Titles and
// snippets are plain text: every piece is escaped and only the matched ranges are wrapped in <mark>.
import type { SearchResult } from '../../../contracts/search.js';
import { html, type Html } from './html.js';
import { layout, SITE_NAME } from './site.pages.js';

/** Escaped text with the ranges [start, end) wrapped in <mark>. */
export function marked(text: string, ranges: [number, number][]): Html {
  const parts: (string | Html)[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at || e <= s || e > text.length) continue;
    parts.push(text.slice(at, s), html`<mark>${text.slice(s, e)}</mark>`);
    at = e;
  }
  parts.push(text.slice(at));
  return html`${parts}`;
}

const day = (instant: string) => new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 10);

export function searchPage(origin: string, q: string, r: SearchResult): string {
  return layout({
    origin, path: '/site', title: `搜索：${q} - ${SITE_NAME}`, description: `${SITE_NAME}站内搜索`,
    body: html`<section class="card"><h1>搜索：${q}</h1>
${r.message ? html`<p class="meta">${r.message}</p>` : ''}
${r.items.length === 0 ? html`<p class="meta">没有找到相关文章</p>` : html`<ul class="list">${r.items.map((h) => html`<li><a class="t" href="${h.link ?? `/site/a/${h.id}`}">${marked(h.title, h.titleHighlights)}</a>
<div class="meta">${day(h.date)}</div>
${h.snippet ? html`<p>${marked(h.snippet, h.highlights)}</p>` : ''}</li>`)}</ul>`}
${r.nextCursor ? html`<a class="more" href="/site?q=${encodeURIComponent(q)}&amp;cursor=${encodeURIComponent(r.nextCursor)}">更多结果</a>` : ''}
</section>`,
  });
}
