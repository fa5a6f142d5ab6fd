// The public site without a session: the portal gathering the work committee's tree, column pages paged by
// publish time (not OFFSET), article pages, the Atom feed (well-formed XML, content escaped), the stylesheet, the
// Chinese 404 page for unknown and unpublished things, titles and canonical links, and the CSP on every page.
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.js';

let ctx: TestContext;
const ids: Record<string, number> = {};
const col: Record<string, number> = {};
const articles: number[] = [];
const anon = () => ctx.client();
const sys = () => ctx.build.system;
const MIN = 60_000;

async function publish(columnId: number, title: string, over: { body?: string; summary?: string; publishAt?: string } = {}) {
  const s = ctx.services.content;
  const a = await s.create(sys(), columnId, { title, summary: over.summary ?? `${title}的摘要`, body: over.body ?? `<p>${title}的正文</p>`, author: '宣传委员' });
  const p = await s.submit(sys(), a.id, a.version);
  const r = await s.review(sys(), a.id, { version: p.version, decision: 'publish', publishAt: over.publishAt ?? null });
  ctx.clock.advance(MIN); // distinct publish times
  return r;
}

function wellFormed(xml: string): string[] {
  const names: string[] = [];
  const p = new SaxesParser({ xmlns: true });
  p.on('opentag', (t) => names.push(t.local));
  p.on('error', (e) => { throw e; });
  p.write(xml).close();
  return names;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  const A = await b.org({ parentId: null, name: '甲市直属机关工委' });
  const A1 = await b.org({ parentId: A.id, type: 'organ_committee', name: '甲市财政局机关党委' });
  const A1b = await b.org({ parentId: A1.id, type: 'branch', name: '财政局第一党支部' });
  Object.assign(ids, { A: A.id, A1: A1.id, A1b: A1b.id });
  const s = ctx.services.content;
  col.A = (await s.saveColumn(sys(), A.id, { slug: 'jgdj', title: '甲市机关党建', intro: '甲市直属机关工委的党建门户', version: 0 })).column!.id;
  col.A1 = (await s.saveColumn(sys(), A1.id, { slug: 'czj', title: '财政局党建', intro: '', version: 0 })).column!.id;
  col.A1b = (await s.saveColumn(sys(), A1b.id, { slug: 'czj-1', title: '第一支部 <专栏> & "动态"', intro: '支部<b>动态</b>', version: 0 })).column!.id;
  articles.push((await publish(col.A, '工委部署主题教育')).id);
  for (let i = 0; i < 25; i++) articles.push((await publish(col.A1b, `支部文章${String(i).padStart(2, '0')}`)).id);
  articles.push((await publish(col.A1, '财政局机关党委动态 <script>alert(1)</script>', { body: '<p>含 <a href="https://www.12371.cn/">链接</a> 与 &amp; 符号</p><table><tr><td>表格</td></tr></table>' })).id);
});
afterAll(async () => ctx?.close());

describe('public pages', () => {
  it('the portal lists the latest articles across the tree and every column, without a session', async () => {
    const r = await anon().get('/site');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['set-cookie']).toBeUndefined();
    expect(r.body).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(r.body).toContain('<title>甲市机关党建</title>');
    expect(r.body).toContain('<meta name="description" content="甲市直属机关工委的党建门户">');
    expect(r.body).toContain('<link rel="canonical" href="http://localhost/site">');
    expect(r.body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(r.body).toContain('财政局机关党委动态 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.body).toContain('第一支部 &lt;专栏&gt; &amp; &quot;动态&quot;');
    expect((r.body.match(/class="t"/g) ?? []).length).toBe(20);
    expect(r.body).not.toMatch(/<script/i);
    expect(String(r.headers['content-security-policy'])).toMatch(/default-src 'self'.*script-src 'self'/);
  });

  it('a work committee\'s column gathers its tree; a branch\'s column only its own; both page by publish time', async () => {
    const portal = await anon().get('/site/c/jgdj');
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain('财政局机关党委动态');
    expect(portal.body).toContain('支部文章24');
    expect(portal.body).toContain('各党组织栏目');
    const branch = await anon().get('/site/c/czj-1');
    expect(branch.body).toContain('<title>第一支部 &lt;专栏&gt; &amp; &quot;动态&quot; - 党建网站</title>');
    expect(branch.body).toContain('支部&lt;b&gt;动态&lt;/b&gt;');
    expect(branch.body).not.toContain('财政局机关党委动态');
    expect(branch.body).toContain('<link rel="alternate" type="application/atom+xml"');
    // First page: the 20 newest; the link to the next page carries the last (publish time, id) as the key.
    const titles = (html: string) => [...html.matchAll(/class="t" href="\/site\/a\/\d+">([^<]+)</g)].map((m) => m[1]);
    const first = titles(branch.body);
    expect(first).toHaveLength(20);
    expect(first[0]).toBe('支部文章24');
    const next = /href="\/site\/c\/czj-1\?before=([^"]+)"/.exec(branch.body)![1];
    expect(decodeURIComponent(next)).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d+$/);
    const page2 = await anon().get(`/site/c/czj-1?before=${next}`);
    const second = titles(page2.body);
    expect(second).toEqual(['支部文章04', '支部文章03', '支部文章02', '支部文章01', '支部文章00']);
    expect(page2.body).not.toContain('?before=');
    // A malformed key shows the first page rather than failing.
    expect((await anon().get('/site/c/czj-1?before=%27%20or%201=1')).statusCode).toBe(200);
  });

  it('an article page: escaped title, sanitized body, author, date and column, proper head', async () => {
    const id = articles[articles.length - 1];
    const r = await anon().get(`/site/a/${id}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(`<link rel="canonical" href="http://localhost/site/a/${id}">`);
    expect(r.body).toContain('<title>财政局机关党委动态 &lt;script&gt;alert(1)&lt;/script&gt; - 财政局党建</title>');
    expect(r.body).toContain('<a rel="noopener noreferrer" href="https://www.12371.cn/">链接</a>');
    // The https images the sanitizer keeps may load; scripts may not come from anywhere else; no referrer goes with them.
    expect(String(r.headers['content-security-policy'])).toContain("img-src 'self' data: blob: https:");
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.body).toContain('<table><tr><td>表格</td></tr></table>');
    expect(r.body).toContain('宣传委员');
    expect(r.headers['cache-control']).toBe('public, max-age=60');
  });

  it('the stylesheet is a cached file the CSP allows (same origin)', async () => {
    const r = await anon().get('/site/site.css');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(r.body).toContain('@media');
    expect(String((await anon().get('/site')).headers['content-security-policy'])).toContain("style-src 'self'");
  });

  it('unknown, malformed, draft, pending, withdrawn and scheduled things answer the same Chinese 404 page', async () => {
    const s = ctx.services.content;
    const draft = await s.create(sys(), col.A1b, { title: '草稿文章', summary: '', body: '<p>x</p>', author: '' });
    const pending = await s.submit(sys(), (await s.create(sys(), col.A1b, { title: '待审文章', summary: '', body: '<p>x</p>', author: '' })).id, 1);
    const later = await publish(col.A1b, '明天的文章', { publishAt: new Date(ctx.clock.now().getTime() + 86_400_000).toISOString() });
    const gone = await publish(col.A1b, '撤下的文章');
    await s.unpublish(sys(), gone.id, gone.version);
    for (const url of ['/site/a/999999', '/site/a/abc', '/site/a/0', `/site/a/${draft.id}`, `/site/a/${pending.id}`, `/site/a/${later.id}`, `/site/a/${gone.id}`,
      '/site/c/nope', '/site/c/NOPE', '/site/c/..%2F..%2Fetc', '/site/c/nope/feed.atom', '/site/whatever', '/site/files/999999', '/site/files/x']) {
      const r = await anon().get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(r.body, url).toContain('页面不存在');
      expect(r.body).toContain('lang="zh-CN"');
    }
    for (const t of ['草稿文章', '待审文章', '明天的文章', '撤下的文章']) expect((await anon().get('/site/c/czj-1')).body).not.toContain(t);
    const slash = await anon().get('/site/');
    expect(slash.statusCode).toBe(301);
    expect(slash.headers.location).toBe('/site');
  });
});

describe('Atom feed', () => {
  it('is well-formed XML with the newest entries, escaped titles and HTML content, absolute links', async () => {
    const r = await anon().get('/site/c/czj/feed.atom');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const names = wellFormed(r.body);
    expect(names.filter((n) => n === 'entry')).toHaveLength(1);
    expect(r.body).toContain('<title type="text">财政局机关党委动态 &lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(r.body).toContain('<content type="html">&lt;p&gt;含 &lt;a rel=&quot;noopener noreferrer&quot; href=&quot;https://www.12371.cn/&quot;&gt;');
    expect(r.body).toMatch(/<link rel="alternate" type="text\/html" href="http:\/\/localhost\/site\/a\/\d+"\/>/);
    const branch = await anon().get('/site/c/czj-1/feed.atom');
    expect(wellFormed(branch.body).filter((n) => n === 'entry')).toHaveLength(20);
    const portal = await anon().get('/site/c/jgdj/feed.atom');
    expect(portal.body).toContain('财政局机关党委动态'); // the portal's feed gathers the tree
  });

  it('stays well-formed with control characters and markup in titles and bodies', async () => {
    const nasty = await ctx.services.content.saveColumn(sys(), ids.A1, { slug: 'czj', title: '财政局党建 ]]> <![CDATA[', intro: '\u0001\u0008引言', version: 1 });
    await publish(nasty.column!.id, '标题\u0000\u001f含控制字符 & <b>', { body: '<p>]]&gt; &lt;/content&gt; 正文</p>' });
    const r = await anon().get('/site/c/czj/feed.atom');
    expect(() => wellFormed(r.body)).not.toThrow();
    expect(r.body).toContain('标题含控制字符 &amp; &lt;b&gt;');
  });
});
