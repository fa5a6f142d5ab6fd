// The public site's pages, rendered on the server: plain HTML with one stylesheet, no script.
import type { ArticleFileRow, ArticleRow, SiteColumnRow } from '../platform/db/types.js';
import type { ArticleSummaryRow, ColumnWithOrg } from '../modules/content/content.repo.js';
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

export function portalPage(origin: string, d: { columns: ColumnWithOrg[]; latest: ArticleSummaryRow[]; titles: Map<number, { slug: string; title: string }> }): string {
  const portals = d.columns.filter((c) => c.org_parent_id === null);
  const title = portals.length === 1 ? portals[0].title : SITE_NAME;
  return layout({
    origin, path: '/site', title, description: portals.length === 1 && portals[0].intro ? portals[0].intro : `${SITE_NAME}：各党组织专题党建栏目的最新文章`,
    body: html`<section class="card"><h1>${title}</h1>${portals.length === 1 && portals[0].intro ? html`<p class="intro">${portals[0].intro}</p>` : ''}</section>
<section class="card"><h2>最新文章</h2>${articleList(d.latest, d.titles, true)}</section>
<section class="card"><h2>党建栏目</h2>${d.columns.length === 0 ? html`<p class="meta">暂无栏目</p>`
  : html`<ul class="cols">${d.columns.map((c) => html`<li><a href="${columnUrl(c.slug)}">${c.title}</a> <span class="meta">${c.org_name}</span></li>`)}</ul>`}</section>`,
  });
}

export function columnPage(origin: string, d: {
  column: SiteColumnRow; orgName: string; portal: boolean; children: ColumnWithOrg[]; items: ArticleSummaryRow[]; next: string | null;
  titles: Map<number, { slug: string; title: string }>;
}, first: boolean): string {
  const path = columnUrl(d.column.slug);
  return layout({
    origin, path, title: `${d.column.title} - ${SITE_NAME}`, description: d.column.intro || `${d.orgName}的专题党建栏目`, feed: `${path}/feed.atom`,
    body: html`<section class="card"><h1>${d.column.title}</h1><div class="meta">${d.orgName} · <a href="${path}/feed.atom">订阅（Atom）</a></div>
${d.column.intro ? html`<p class="intro">${d.column.intro}</p>` : ''}</section>
<section class="card"><h2>${first ? '最新文章' : '更早的文章'}</h2>${articleList(d.items, d.titles, d.portal)}
${d.next ? html`<a class="more" href="${path}?before=${encodeURIComponent(d.next)}">更早的文章</a>` : ''}</section>
${d.portal && d.children.length ? html`<section class="card"><h2>各党组织栏目</h2><ul class="cols">${d.children.map((c) => html`<li><a href="${columnUrl(c.slug)}">${c.title}</a> <span class="meta">${c.org_name}</span></li>`)}</ul></section>` : ''}`,
  });
}

export function articlePage(origin: string, d: { a: ArticleRow; column: SiteColumnRow; attachments: ArticleFileRow[] }): string {
  const { a, column } = d;
  return layout({
    origin, path: articleUrl(a.id), title: `${a.title} - ${column.title}`, description: a.summary || a.title,
    body: html`<article class="card"><h1>${a.title}</h1>
<div class="meta">${day(a.publish_at)}${a.author ? html` · ${a.author}` : ''} · <a href="${columnUrl(column.slug)}">${column.title}</a></div>
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
export function atomFeed(origin: string, d: { column: SiteColumnRow; orgName: string; entries: ArticleRow[] }): string {
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
<author><name>${x(a.author || d.orgName)}</name></author>
<summary type="text">${x(a.summary)}</summary>
<content type="html">${x(body)}</content>
</entry>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<id>${x(`${origin}${columnUrl(d.column.slug)}`)}</id>
<title type="text">${x(d.column.title)}</title>
<subtitle type="text">${x(d.column.intro || d.orgName)}</subtitle>
<link rel="self" type="application/atom+xml" href="${x(self)}"/>
<link rel="alternate" type="text/html" href="${x(`${origin}${columnUrl(d.column.slug)}`)}"/>
<updated>${x(updated)}</updated>
${entries}
</feed>
`;
}
