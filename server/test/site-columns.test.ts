// The public site at the size of a city: the portal and a work committee's column stay bounded (the columns
// updated last, and a link to the full list), the full column list pages by key and can be limited to one
// tree, and the briefly cached portal still shows a publication at once and a scheduled one once it is due.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './context.js';
import { createSiteCache } from '../src/public/site.cache.js';
import { RECENT_COLUMNS, COLUMNS_PAGE_SIZE } from '../src/public/site.service.js';

let ctx: TestContext;
const anon = () => ctx.client();
const sys = () => ctx.build.system;
const BRANCHES = 70;
const col: number[] = [];
let portalId = 0;

async function publish(columnId: number, title: string, publishAt: string | null = null, advance = true) {
  const s = ctx.services.content;
  const a = await s.create(sys(), columnId, { title, summary: '', body: `<p>${title}</p>`, author: '' });
  const p = await s.submit(sys(), a.id, a.version);
  const r = await s.review(sys(), a.id, { version: p.version, decision: 'publish', publishAt });
  if (advance) ctx.clock.advance(60_000); // distinct publish times
  return r;
}
const columnLinks = (html: string, section: string) => {
  const part = html.slice(html.indexOf(`<h2>${section}</h2>`));
  return [...part.slice(0, part.indexOf('</section>')).matchAll(/<li><a href="\/site\/c\/([a-z0-9-]+)">/g)].map((m) => m[1]);
};

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  const s = ctx.services.content;
  const root = await b.org({ parentId: null, name: '乙市直属机关工委' });
  portalId = (await s.saveColumn(sys(), root.id, { slug: 'yi', title: '乙市机关党建', intro: '', version: 0 })).column!.id;
  for (let i = 0; i < BRANCHES; i++) {
    const org = await b.org({ parentId: root.id, type: 'branch', name: `乙市第${i + 1}党支部` });
    col.push((await s.saveColumn(sys(), org.id, { slug: `yi-${i + 1}`, title: `第${i + 1}支部栏目`, intro: '', version: 0 })).column!.id);
  }
  // Branches 1..20 publish in turn (20 last): the twelve updated last are 20, 19, ..., 9.
  await publish(portalId, '工委通知');
  for (let i = 0; i < 20; i++) await publish(col[i], `第${i + 1}支部动态`);
  // Another city's tree, which "in=yi" must leave out.
  const other = await b.org({ parentId: null, name: '丙市直属机关工委' });
  await s.saveColumn(sys(), other.id, { slug: 'bing', title: '丙市机关党建', intro: '', version: 0 });
});
afterAll(async () => ctx?.close());

describe('bounded column lists', () => {
  it('the portal lists the twelve columns updated last, newest first, and links to all of them', async () => {
    const r = await anon().get('/site');
    expect(r.statusCode).toBe(200);
    const recent = columnLinks(r.body, '最近更新的栏目');
    expect(recent).toHaveLength(RECENT_COLUMNS);
    expect(recent).toEqual(Array.from({ length: RECENT_COLUMNS }, (_, i) => `yi-${20 - i}`));
    expect(r.body).not.toContain('第70支部栏目'); // never published: only in the full list
    expect(r.body).toContain('<a class="more" href="/site/columns">全部栏目（72）</a>');
    // Two work committees: both portals are named at the top.
    expect(r.body).toContain('<a href="/site/c/yi">乙市机关党建</a>');
    expect(r.body).toContain('<a href="/site/c/bing">丙市机关党建</a>');
  });

  it('a work committee\'s column shows its tree\'s recently updated columns and links to its own full list', async () => {
    const r = await anon().get('/site/c/yi');
    expect(columnLinks(r.body, '各党组织栏目：最近更新')).toEqual(Array.from({ length: RECENT_COLUMNS }, (_, i) => `yi-${20 - i}`));
    expect(r.body).toContain(`<a class="more" href="/site/columns?in=yi">全部栏目（${BRANCHES}）</a>`);
    // A branch's column lists no other columns.
    expect((await anon().get('/site/c/yi-3')).body).not.toContain('全部栏目');
  });

  it('the full list pages by key, 60 to a page, and can be limited to one tree', async () => {
    const first = await anon().get('/site/columns');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<title>全部栏目 - 党建网站</title>');
    expect(first.body).toContain('共 72 个栏目');
    const page1 = [...first.body.matchAll(/<li><a href="\/site\/c\/([a-z0-9-]+)">/g)].map((m) => m[1]);
    expect(page1).toHaveLength(COLUMNS_PAGE_SIZE);
    expect(page1[0]).toBe('yi');
    const next = /href="\/site\/columns\?after=(\d+)">下一页</.exec(first.body)![1];
    const second = await anon().get(`/site/columns?after=${next}`);
    const page2 = [...second.body.matchAll(/<li><a href="\/site\/c\/([a-z0-9-]+)">/g)].map((m) => m[1]);
    expect(page2).toHaveLength(72 - COLUMNS_PAGE_SIZE);
    expect(page2[page2.length - 1]).toBe('bing');
    expect(second.body).not.toContain('下一页');
    expect(new Set([...page1, ...page2]).size).toBe(72);

    const tree = await anon().get('/site/columns?in=yi');
    expect(tree.body).toContain('<title>乙市机关党建：全部栏目 - 党建网站</title>');
    expect(tree.body).toContain(`共 ${BRANCHES + 1} 个栏目`);
    const treeNext = /href="\/site\/columns\?in=yi&amp;after=(\d+)">下一页</.exec(tree.body)![1];
    const tree2 = await anon().get(`/site/columns?in=yi&after=${treeNext}`);
    expect(tree2.body).not.toContain('/site/c/bing');
    expect([...tree2.body.matchAll(/<li><a href="\/site\/c\/(yi-\d+)">/g)]).toHaveLength(BRANCHES + 1 - COLUMNS_PAGE_SIZE);
  });

  it('a list of a branch\'s tree, an unknown tree or a malformed key answers 404 or the first page', async () => {
    for (const url of ['/site/columns?in=yi-3', '/site/columns?in=nope', '/site/columns?in=..%2F']) {
      const r = await anon().get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.body).toContain('页面不存在');
    }
    const bad = await anon().get('/site/columns?after=1%20or%201=1');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('/site/c/yi"');
  });
});

describe('the cached portal', () => {
  it('shows a new publication at once, a scheduled one once due, and a direct database change within seconds', async () => {
    expect((await anon().get('/site')).body).not.toContain('刚刚发布的文章');
    await publish(col[40], '刚刚发布的文章', null, false); // within the cached seconds
    const now = await anon().get('/site');
    expect(now.body).toContain('刚刚发布的文章');
    expect(columnLinks(now.body, '最近更新的栏目')[0]).toBe('yi-41');

    await publish(col[41], '五分钟后的文章', new Date(ctx.clock.now().getTime() + 5 * 60_000).toISOString(), false);
    expect((await anon().get('/site')).body).not.toContain('五分钟后的文章');
    ctx.clock.advance(5 * 60_000);
    expect((await anon().get('/site')).body).toContain('五分钟后的文章');

    // A change made elsewhere (another process) shows once the few cached seconds have passed.
    await ctx.tdb.db.kysely.updateTable('site_column').set({ title: '改名后的栏目' }).where('id', '=', col[41]).execute();
    expect((await anon().get('/site')).body).not.toContain('改名后的栏目');
    ctx.clock.advance(10_000);
    expect((await anon().get('/site')).body).toContain('改名后的栏目');
  });

  it('keys pages by the address the reader used, and keeps only a few addresses', async () => {
    const get = (host: string) => ctx.app.inject({ method: 'GET', url: '/site', headers: { host } });
    expect((await get('a.example')).body).toContain('<link rel="canonical" href="http://a.example/site">');
    expect((await get('b.example')).body).toContain('<link rel="canonical" href="http://b.example/site">');
    let renders = 0;
    const cache = createSiteCache(ctx.clock);
    for (let i = 0; i < 100; i++) await cache.get(`k${i}`, async () => `p${++renders}`);
    expect(await cache.get('k99', async () => `p${++renders}`)).toBe('p100'); // still cached
    expect(await cache.get('k0', async () => `p${++renders}`)).toBe('p101'); // long dropped
  });
});
