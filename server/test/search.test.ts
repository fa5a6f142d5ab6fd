// Search over articles, notices and study materials (HTTP and the public site): Chinese two-character terms match
// through the bigram index on both databases, a term that spans no real bigram does not, highlights are ranges on
// plain text (<mark> on escaped text in the site), results are scoped to the reader and ordered newest first,
// the index follows publish/unpublish/edit/delete in the same transaction, and rebuild() indexes what exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { expectError, expectOk } from './helpers.js';
import { refreshAccountCounts } from '../src/modules/notice/notice.accounts.js';
import { searchIndex } from '../src/modules/search/search.index.js';
import { migrateDown, migrateToLatest } from '../src/platform/db/migrate.js';
import type { SearchResult } from '../../contracts/search.js';

let ctx: TestContext;
let wc: HttpClient; let b1: HttpClient; let b2: HttpClient; let bAdmin: HttpClient; let m1: HttpClient; let m2: HttpClient;
const ids: Record<'A' | 'A1b' | 'A1c' | 'B' | 'Bb', number> = {} as never;
const doc: Record<string, number> = {};
const sys = () => ctx.build.system;
const hour = 60_000; // a minute: distinct dates without expiring the sessions

async function article(orgId: number, title: string, body: string, publish: boolean) {
  const col = (await ctx.services.content.columnOf(sys(), orgId)).column
    ?? (await ctx.services.content.saveColumn(sys(), orgId, { slug: `col-${orgId}`, title: `栏目${orgId}`, intro: '', version: 0 })).column!;
  const a = await ctx.services.content.create(sys(), col.id, { title, summary: '', body, author: '' });
  ctx.clock.advance(hour);
  if (!publish) return a.id;
  const s = await ctx.services.content.submit(sys(), a.id, a.version);
  await ctx.services.content.review(sys(), a.id, { version: s.version, decision: 'publish' });
  ctx.clock.advance(hour);
  return a.id;
}
async function notice(senderOrgId: number, title: string, body: string, audience: 'all' | 'post' = 'all') {
  const n = await ctx.services.notices.send(sys(), { senderOrgId, kind: 'work', audience, title, body, targets: [{ orgId: senderOrgId, subtree: true }] });
  ctx.clock.advance(hour);
  return n.id;
}
async function material(ownerOrgId: number, title: string, body: string) {
  const m = await ctx.services.studyMaterials.create(sys(), { ownerOrgId, kind: 'article', title, body });
  ctx.clock.advance(hour);
  return m.id;
}
const find = async (c: HttpClient, q: string, extra = ''): Promise<SearchResult> => expectOk(await c.get(`/api/search?q=${encodeURIComponent(q)}${extra}`));
const keys = (r: SearchResult) => r.items.map((h) => `${h.type}:${h.id}`).sort();
const key = (name: string) => `${name.split(':')[0]}:${doc[name]}`;
const has = (r: SearchResult, ...names: string[]) => names.forEach((n) => expect(keys(r)).toContain(key(n)));
const lacks = (r: SearchResult, ...names: string[]) => names.forEach((n) => expect(keys(r)).not.toContain(key(n)));

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  const A = await b.org({ parentId: null, name: '甲市直属机关工委' });
  const A1b = await b.org({ parentId: A.id, type: 'branch', name: '甲第一党支部' });
  const A1c = await b.org({ parentId: A.id, type: 'branch', name: '甲第二党支部' });
  const B = await b.org({ parentId: null, name: '乙市直属机关工委' });
  const Bb = await b.org({ parentId: B.id, type: 'branch', name: '乙某党支部' });
  Object.assign(ids, { A: A.id, A1b: A1b.id, A1c: A1c.id, B: B.id, Bb: Bb.id });
  const mm1 = await b.member(A1b.id, { name: '书记甲', post: '支部书记' });
  const mm2 = await b.member(A1c.id, { name: '党员乙', post: null });
  await b.account({ username: 'wc', role: 'work_committee_admin', orgId: A.id });
  await b.account({ username: 'b1', role: 'org_admin', orgId: A1b.id });
  await b.account({ username: 'b2', role: 'org_admin', orgId: A1c.id });
  const mm3 = await b.member(A1b.id, { name: '组织委员丙', post: '组织委员' });
  await b.account({ username: 'b1m', role: 'org_admin', orgId: A1b.id, memberId: mm3.id }); // an admin who is also a member
  await b.account({ username: 'bAdmin', role: 'work_committee_admin', orgId: B.id });
  await b.account({ username: 'm1', role: 'member', orgId: A1b.id, memberId: mm1.id });
  await b.account({ username: 'm2', role: 'member', orgId: A1c.id, memberId: mm2.id });
  await refreshAccountCounts(ctx.services.db.kysely, [A1b.id, A1c.id]);

  doc['article:pub'] = await article(A1b.id, '机关党建阵地建设', '<p>推进<b>党建</b>工作，建好活动阵地。</p><p>学习。教育</p>', true);
  doc['article:draftC'] = await article(A1c.id, '廉政教育草稿', '<p>廉政风险防控的草稿</p>', false);
  doc['article:draftB'] = await article(Bb.id, '乙市党建草稿', '<p>乙市廉政工作</p>', false);
  doc['notice:C'] = await notice(A1c.id, '廉政警示教育通知', '请各位党员参加廉政警示教育。');
  doc['notice:Apost'] = await notice(A.id, '党建述职安排', '各支部书记做党建述职。', 'post');
  doc['notice:B'] = await notice(B.id, '乙市党建工作通知', '乙市各支部开展廉政教育。');
  doc['material:A'] = await material(A.id, '党建理论学习资料', '学习党章党规，加强阵地建设。');
  doc['material:C'] = await material(A1c.id, '第二支部阵地建设手册', '廉政文化阵地。');
  [wc, b1, b2, bAdmin, m1, m2] = await Promise.all(['wc', 'b1', 'b2', 'bAdmin', 'm1', 'm2'].map((u) => ctx.as(u)));
});
afterAll(async () => ctx?.close());

describe('matching two-character Chinese terms through the bigram index', () => {
  it('finds 党建, 阵地 and 廉政 and longer phrases, for the system administrator across everything', async () => {
    const all = await ctx.services.search.search(sys(), { q: '党建' });
    expect(all.items.map((h) => `${h.type}:${h.id}`).sort()).toEqual(
      ['article:pub', 'article:draftB', 'notice:Apost', 'notice:B', 'material:A'].map(key).sort());
    expect((await ctx.services.search.search(sys(), { q: '阵地' })).items).toHaveLength(3);
    expect((await ctx.services.search.search(sys(), { q: '廉政' })).items).toHaveLength(5);
    expect(keys(await ctx.services.search.search(sys(), { q: '党建阵地' }))).toEqual([key('article:pub')]);
    expect(keys(await ctx.services.search.search(sys(), { q: '廉政 警示' }))).toEqual([key('notice:C')]);
  });
  it('does not match a term that spans no real bigram (punctuation between) nor a non-adjacent pair', async () => {
    expect((await ctx.services.search.search(sys(), { q: '习教' })).items).toEqual([]); // 学习。教育
    expect((await ctx.services.search.search(sys(), { q: '党阵' })).items).toEqual([]);
    expect((await ctx.services.search.search(sys(), { q: '设推' })).items).toEqual([]); // title | body boundary
  });
  it('matches a single character as a prefix, with a hint', async () => {
    const r = await ctx.services.search.search(sys(), { q: '廉' });
    expect(r.items).toHaveLength(5);
    expect(r.message).toContain('单个汉字');
  });
  it('answers an empty or punctuation-only query with a message, and refuses bad parameters', async () => {
    expect(await find(wc, '，。')).toEqual({ items: [], nextCursor: null, message: '请输入要搜索的字词' });
    expectError(await wc.get('/api/search?q=党建&types=evil'), 400, 'VALIDATION');
    expectError(await wc.get('/api/search?q=党建&cursor=nonsense'), 400, 'VALIDATION');
    expectError(await wc.get(`/api/search?q=${'党'.repeat(101)}`), 400, 'VALIDATION');
    expect((await ctx.client().get('/api/search?q=党建')).statusCode).toBe(401);
  });
});

describe('highlighting and order', () => {
  it('returns highlight ranges on the plain title and snippet', async () => {
    const r = await find(wc, '党建', '&types=article');
    const h = r.items.find((x) => x.id === doc['article:pub'])!;
    expect(h.title).toBe('机关党建阵地建设');
    expect(h.titleHighlights).toEqual([[2, 4]]);
    expect(h.snippet).not.toContain('<');
    expect(h.highlights.length).toBeGreaterThan(0);
    for (const [s, e] of h.highlights) expect(h.snippet.slice(s, e)).toBe('党建');
  });
  it('puts documents with every word in the title first, each part newest first, and pages by key across them', async () => {
    const first = await ctx.services.search.search(sys(), { q: '廉政', limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toMatch(/^1_/);
    const second = await ctx.services.search.search(sys(), { q: '廉政', limit: 2, cursor: first.nextCursor! });
    expect(second.nextCursor).toMatch(/^0_/);
    const rest = await ctx.services.search.search(sys(), { q: '廉政', cursor: second.nextCursor! });
    const all = [...first.items, ...second.items, ...rest.items];
    expect(all.map((h) => `${h.type}:${h.id}`)).toEqual([
      key('notice:C'), key('article:draftC'), // 廉政 in the title: newest first
      key('material:C'), key('notice:B'), key('article:draftB'), // in the text only: newest first
    ]);
    for (const part of [all.slice(0, 2), all.slice(2)]) {
      const dates = part.map((h) => h.date);
      expect(dates).toEqual([...dates].sort().reverse());
    }
    // Both words in the title: only the notice; one of them in the title is not enough.
    expect((await ctx.services.search.search(sys(), { q: '廉政 通知' })).items.map((h) => `${h.type}:${h.id}`)[0]).toBe(key('notice:C'));
    expectError(await wc.get(`/api/search?q=廉政&cursor=${encodeURIComponent('2026-01-01T00:00:00.000Z_5')}`), 400, 'VALIDATION');
  });
});

describe('scoping: nobody finds what they may not see', () => {
  it('an admin of one branch finds neither the other branch\'s draft nor its notice', async () => {
    const r = await find(b1, '廉政');
    lacks(r, 'article:draftC', 'notice:C', 'article:draftB', 'notice:B', 'material:C');
    const own = await find(b2, '廉政');
    has(own, 'article:draftC', 'notice:C', 'material:C');
    lacks(own, 'article:draftB', 'notice:B');
  });
  it('the work committee admin finds its tree (drafts included) but not another tree', async () => {
    const r = await find(wc, '廉政');
    has(r, 'article:draftC', 'notice:C', 'material:C');
    lacks(r, 'article:draftB', 'notice:B');
    const other = await find(bAdmin, '党建');
    has(other, 'article:pub', 'article:draftB', 'notice:B'); // published articles are public
    lacks(other, 'notice:Apost', 'material:A');
  });
  it('a branch admin finds notices sent into its scope and materials kept above it', async () => {
    const r = await find(b1, '党建');
    has(r, 'article:pub', 'notice:Apost', 'material:A');
    // Received from above: without a member record there is no inbox to open it in, so no link (not a 404).
    expect(r.items.find((h) => h.type === 'notice')!.link).toBeNull();
    const secretary = await ctx.as('b1m');
    expect((await find(secretary, '党建')).items.find((h) => h.type === 'notice')!.link).toBe(`/inbox/${doc['notice:Apost']}`);
    expect(expectOk(await secretary.post(`/api/inbox/${doc['notice:Apost']}/open`)).title).toBe('党建述职安排');
    expect(r.items.find((h) => h.type === 'article')!.link).toBe(`/columns/articles/${doc['article:pub']}`);
  });
  it('a member finds published articles, the notices of its inbox and its org\'s materials', async () => {
    const r1 = await find(m1, '党建');
    has(r1, 'article:pub', 'notice:Apost', 'material:A');
    lacks(r1, 'article:draftB', 'notice:B');
    expect(r1.items.find((h) => h.type === 'article')!.link).toBe(`/site/a/${doc['article:pub']}`);
    const r2 = await find(m2, '党建');
    lacks(r2, 'notice:Apost'); // sent to members holding a post only
    has(r2, 'material:A');
    has(await find(m2, '阵地'), 'material:C');
    lacks(await find(m1, '阵地'), 'material:C');
    lacks(await find(m1, '廉政'), 'notice:C', 'article:draftC');
  });
  it('filters by type', async () => {
    const r = await find(wc, '党建', '&types=notice,material');
    expect(new Set(r.items.map((h) => h.type))).toEqual(new Set(['notice', 'material']));
  });
});

describe('the public site', () => {
  it('renders published articles only, escaped, with <mark>', async () => {
    const res = await ctx.client().get(`/site?q=${encodeURIComponent('党建')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('机关<mark>党建</mark>阵地建设');
    expect(res.body).not.toContain('乙市党建草稿');
    expect(res.body).not.toContain('党建述职安排');
    expect(res.headers['content-security-policy']).toBeTruthy();
    const xss = await ctx.client().get(`/site?q=${encodeURIComponent('<script>alert(1)</script>党建')}`);
    expect(xss.body).not.toContain('<script>alert');
    expect(xss.body).toContain('&lt;script&gt;');
    const none = await ctx.client().get(`/site?q=${encodeURIComponent('廉政')}`);
    expect(none.body).toContain('没有找到相关文章');
  });
});

describe('the index follows writes', () => {
  it('unpublishing hides an article from the public; editing a draft re-indexes it', async () => {
    const a = await ctx.services.content.get(sys(), doc['article:pub']);
    await ctx.services.content.unpublish(sys(), a.id, a.version);
    expect((await ctx.services.search.searchPublic({ q: '党建' })).items).toEqual([]);
    has(await find(b1, '党建'), 'article:pub'); // still the branch's own (unpublished) article
    const d = await ctx.services.content.get(sys(), doc['article:draftC']);
    await ctx.services.content.update(sys(), d.id, { title: '防腐倡廉草稿', summary: '', body: '<p>新内容</p>', author: '', version: d.version });
    lacks(await find(b2, '廉政'), 'article:draftC');
    has(await find(b2, '倡廉'), 'article:draftC');
  });
  it('editing and deleting a study material updates the index', async () => {
    const m = await ctx.services.studyMaterials.get(sys(), doc['material:C']);
    await ctx.services.studyMaterials.update(sys(), m.id, { title: '基层组织标准化手册', body: '标准化建设。', version: m.version });
    lacks(await find(b2, '阵地'), 'material:C');
    has(await find(b2, '标准'), 'material:C');
    await ctx.services.studyMaterials.remove(sys(), m.id);
    lacks(await find(b2, '标准'), 'material:C');
  });
  it('rebuild() indexes what exists (as the migration does)', async () => {
    const db = ctx.services.db.kysely;
    const before = (await db.selectFrom('search_doc').select(['doc_type', 'doc_id', 'tokens']).orderBy('doc_type').orderBy('doc_id').execute());
    await db.deleteFrom('search_doc').execute();
    expect((await ctx.services.search.search(sys(), { q: '党建' })).items).toEqual([]);
    await searchIndex.rebuild(db, 2);
    const after = (await db.selectFrom('search_doc').select(['doc_type', 'doc_id', 'tokens']).orderBy('doc_type').orderBy('doc_id').execute());
    expect(after).toEqual(before);
    expect((await ctx.services.search.search(sys(), { q: '党建' })).items.length).toBeGreaterThan(0);
  });
  it('the migration goes down and up again, indexing the rows that exist', async () => {
    const db = ctx.services.db.kysely;
    const before = await db.selectFrom('search_doc').select(['doc_type', 'doc_id', 'tokens']).orderBy('doc_type').orderBy('doc_id').execute();
    await migrateDown(ctx.services.db, '0008_search'); // and any later migration
    await expect(db.selectFrom('search_doc').select('id').execute()).rejects.toThrow();
    expect(await migrateToLatest(ctx.services.db)).toContain('0008_search');
    expect(await db.selectFrom('search_doc').select(['doc_type', 'doc_id', 'tokens']).orderBy('doc_type').orderBy('doc_id').execute()).toEqual(before);
    has(await find(wc, '党建'), 'material:A');
  });
});
