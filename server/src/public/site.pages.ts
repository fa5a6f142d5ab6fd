// The public site's pages, rendered on the server: plain HTML with one stylesheet, no script.
import type { ArticleRow } from '../platform/db/types.js';
import type { ArticleSummaryRow } from '../modules/content/content.repo.js';
import type { ColumnCard } from './site.repo.js';
import { articleUrl, columnUrl } from '../modules/content/content.presenter.js';
import { escapeHtml, html, trusted, type Html } from './html.js';

export const SITE_NAME = '党建网站';
/** The day in China of an instant. */
const day = (instant: string | null) => (instant ? new Date(Date.parse(instant) + 8 * 3600_000).toISOString().slice(0, 10) : '');
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function layout(p: { origin: string; path: string; title: string; description: string; body: Html; feed?: string }): string {
  return `<!DOCTYPE html>\n${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
<meta name="description" content="${clip(p.description, 150)}">
<link rel="canonical" href="${p.origin + p.path}">
<link rel="stylesheet" href="/site/site.css">
${p.feed ? html`<link rel="alternate" type="application/atom+xml" title="${p.title}" href="${p.feed}">` : ''}
</head>
<body>
<header class="top"><a class="brand" href="/site">${SITE_NAME}</a>
<form class="search" action="/site" method="get" role="search"><input type="search" name="q" maxlength="100" placeholder="搜索文章" aria-label="搜索文章"><button type="submit">搜索</button></form></header>
<main>
${p.body}
</main>
<footer>${SITE_NAME} · 由阵地平台发布</footer>
</body>
</html>`}\n`;
}

function articleList(items: ArticleSummaryRow[], titles: Map<number, { slug: string; title: string }>, showColumn: boolean): Html {
  if (items.length === 0) return html`<p class="meta">暂无文章</p>`;
  return html`<ul class="list">${items.map((a) => {
    const col = titles.get(a.column_id);
    return html`<li><a class="t" href="${articleUrl(a.id)}">${a.title}</a>
<div class="meta">${day(a.publish_at)}${showColumn && col ? html` · <a href="${columnUrl(col.slug)}">${col.title}</a>` : ''}</div>
${a.summary ? html`<p>${clip(a.summary, 120)}</p>` : ''}</li>`;
  })}</ul>`;
}

const columnItems = (cols: ColumnCard[]) => html`<ul class="cols">${cols.map((c) => html`<li><a href="${columnUrl(c.slug)}">${c.title}</a> <span class="meta">${c.org_name}</span></li>`)}</ul>`;

/** The columns updated last, and the way to all of them. */
function recentColumns(heading: string, recent: ColumnCard[], count: number, allHref: string): Html {
  return html`<section class="card"><h2>${heading}</h2>${recent.length === 0 ? html`<p class="meta">暂无更新</p>` : columnItems(recent)}
${count > 0 ? html`<a class="more" href="${allHref}">全部栏目（${count}）</a>` : ''}</section>`;
}

export function portalPage(origin: string, d: {
  portals: ColumnCard[]; latest: ArticleSummaryRow[]; recent: ColumnCard[]; titles: Map<number, { slug: string; title: string }>; columnCount: number;
}): string {
  const only = d.portals.length === 1 ? d.portals[0] : null;
  const title = only ? only.title : SITE_NAME;
  return layout({
    origin, path: '/site', title, description: only?.intro ? only.intro : `${SITE_NAME}：各党组织专题党建栏目的最新文章`,
    body: html`<section class="card"><h1>${title}</h1>${only?.intro ? html`<p class="intro">${only.intro}</p>` : ''}
${d.portals.length > 1 ? columnItems(d.portals) : ''}</section>
<section class="card"><h2>最新文章</h2>${articleList(d.latest, d.titles, true)}</section>
${d.columnCount === 0 ? html`<section class="card"><h2>党建栏目</h2><p class="meta">暂无栏目</p></section>` : recentColumns('最近更新的栏目', d.recent, d.columnCount, '/site/columns')}`,
  });
}

export function columnPage(origin: string, d: {
  column: ColumnCard; portal: boolean; recent: ColumnCard[]; columnCount: number; items: ArticleSummaryRow[]; next: string | null;
  titles: Map<number, { slug: string; title: string }>;
}, first: boolean): string {
  const path = columnUrl(d.column.slug);
  return layout({
    origin, path, title: `${d.column.title} - ${SITE_NAME}`, description: d.column.intro || `${d.column.org_name}的专题党建栏目`, feed: `${path}/feed.atom`,
    body: html`<section class="card"><h1>${d.column.title}</h1><div class="meta">${d.column.org_name} · <a href="${path}/feed.atom">订阅（Atom）</a></div>
${d.column.intro ? html`<p class="intro">${d.column.intro}</p>` : ''}</section>
<section class="card"><h2>${first ? '最新文章' : '更早的文章'}</h2>${articleList(d.items, d.titles, d.portal)}
${d.next ? html`<a class="more" href="${path}?before=${encodeURIComponent(d.next)}">更早的文章</a>` : ''}</section>
${d.portal && first && d.columnCount > 1 ? recentColumns('各党组织栏目：最近更新', d.recent, d.columnCount - 1, `/site/columns?in=${encodeURIComponent(d.column.slug)}`) : ''}`,
  });
}

/** Every column (of a work committee's tree, or all), 60 to a page, with a link to the next page. */
export function columnsPage(origin: string, d: { within: ColumnCard | null; items: ColumnCard[]; next: number | null; total: number }, first: boolean): string {
  const base = d.within ? `/site/columns?in=${encodeURIComponent(d.within.slug)}` : '/site/columns';
  const title = d.within ? `${d.within.title}：全部栏目` : '全部栏目';
  return layout({
    origin, path: base, title: `${title} - ${SITE_NAME}`, description: `${SITE_NAME}的全部专题党建栏目，共 ${d.total} 个`,
    body: html`<section class="card"><h1>${title}</h1><div class="meta">共 ${d.total} 个栏目${first ? '' : ' · 续页'}${d.within ? html` · <a href="${columnUrl(d.within.slug)}">返回${d.within.title}</a>` : ''}</div></section>
<section class="card">${d.items.length === 0 ? html`<p class="meta">暂无栏目</p>` : columnItems(d.items)}
${d.next ? html`<a class="more" href="${base}${d.within ? '&' : '?'}after=${d.next}">下一页</a>` : ''}</section>`,
  });
}

export function articlePage(origin: string, d: { a: ArticleRow & { column_slug: string; column_title: string }; attachments: { id: number; name: string }[] }): string {
  const { a } = d;
  return layout({
    origin, path: articleUrl(a.id), title: `${a.title} - ${a.column_title}`, description: a.summary || a.title,
    body: html`<article class="card"><h1>${a.title}</h1>
<div class="meta">${day(a.publish_at)}${a.author ? html` · ${a.author}` : ''} · <a href="${columnUrl(a.column_slug)}">${a.column_title}</a></div>
<div class="body">${trusted(a.body)}</div>
${d.attachments.length ? html`<h2>附件</h2><ul class="files">${d.attachments.map((f) => html`<li><a href="/site/files/${f.id}" download>${f.name}</a></li>`)}</ul>` : ''}
</article>`,
  });
}

export function notFoundPage(origin: string): string {
  return layout({
    origin, path: '/site', title: `页面不存在 - ${SITE_NAME}`, description: '您访问的页面不存在或已撤下',
    body: html`<section class="card"><h1>页面不存在</h1><p>您访问的文章或栏目不存在，或已撤下。</p><p><a href="/site">返回${SITE_NAME}首页</a></p></section>`,
  });
}

/** An Atom feed of a column: escaped titles and summaries, bodies as escaped HTML content. */
export function atomFeed(origin: string, d: { column: ColumnCard; entries: ArticleRow[] }): string {
  const self = `${origin}${columnUrl(d.column.slug)}/feed.atom`;
  const updated = d.entries[0]?.publish_at ?? d.column.updated_at;
  const x = escapeHtml;
  const entries = d.entries.map((a) => {
    // Our own file addresses become absolute so feed readers can load them.
    const body = a.body.replace(/(src|href)="\/site\//g, `$1="${origin}/site/`);
    return `<entry>
<id>${x(`${origin}${articleUrl(a.id)}`)}</id>
<title type="text">${x(a.title)}</title>
<link rel="alternate" type="text/html" href="${x(`${origin}${articleUrl(a.id)}`)}"/>
<published>${x(a.publish_at ?? a.updated_at)}</published>
<updated>${x(a.publish_at ?? a.updated_at)}</updated>
<author><name>${x(a.author || d.column.org_name)}</name></author>
<summary type="text">${x(a.summary)}</summary>
<content type="html">${x(body)}</content>
</entry>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<id>${x(`${origin}${columnUrl(d.column.slug)}`)}</id>
<title type="text">${x(d.column.title)}</title>
<subtitle type="text">${x(d.column.intro || d.column.org_name)}</subtitle>
<link rel="self" type="application/atom+xml" href="${x(self)}"/>
<link rel="alternate" type="text/html" href="${x(`${origin}${columnUrl(d.column.slug)}`)}"/>
<updated>${x(updated)}</updated>
${entries}
</feed>
`;
}
