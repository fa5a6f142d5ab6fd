// Columns and articles over HTTP: the review workflow, who may do what (an admin of one branch cannot publish in
// another's column), optimistic locking, scheduled publishing computed at read time, uploads of images and
// attachments, freshness against the standard's threshold and the stale list with the duty holder.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { syncJinhua } from './standards.js';
import { countRows, expectError, expectOk } from './helpers.js';
import { multipartBody } from './multipart.js';

let ctx: TestContext;
let wc: HttpClient; // work-committee admin of A
let oa: HttpClient; // admin of A1 (organ committee)
let b1: HttpClient; // admin of branch A1b
let b2: HttpClient; // admin of branch A1c (a sibling)
let mem: HttpClient; // a member of A1b
const ids: Record<'A' | 'A1' | 'A1b' | 'A1c', number> = {} as never;
const col: Record<'A' | 'A1b' | 'A1c', number> = {} as never;
const db = () => ctx.services.db.kysely;
const DAY = 86_400_000;
/** Moves the clock; sessions time out, so everyone logs in again. */
async function advance(ms: number) {
  ctx.clock.advance(ms);
  [wc, oa, b1, b2, mem] = [await ctx.as('wc'), await ctx.as('oa'), await ctx.as('b1'), await ctx.as('b2'), await ctx.as('mem')];
}

async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } }).jpeg()
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 5/1 0/1' } }).toBuffer();
}
const pdf = () => Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
function upload(c: HttpClient, articleId: number, data: Buffer, filename: string, contentType: string) {
  const { payload, headers } = multipartBody({}, { filename, contentType, data });
  return c.request('POST', `/api/articles/${articleId}/files`, payload, headers);
}
const body = (over: Record<string, unknown> = {}) => ({ title: '学习贯彻党的二十大精神', summary: '', body: '<h2>一、学习</h2><p>正文<b>内容</b></p>', author: '', ...over });
/** Creates, submits and publishes an article in a column as the given admins; answers the published article. */
async function published(writer: HttpClient, reviewer: HttpClient, columnId: number, over: Record<string, unknown> = {}, publishAt?: string) {
  const a = expectOk(await writer.post(`/api/columns/${columnId}/articles`, body(over)));
  const s = expectOk(await writer.post(`/api/articles/${a.id}/submit`, { version: a.version }));
  return expectOk(await reviewer.post(`/api/articles/${a.id}/review`, { version: s.version, decision: 'publish', ...(publishAt ? { publishAt } : {}) }));
}

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  const { A, A1, A1b, A1c } = await b.financeTree();
  Object.assign(ids, { A, A1, A1b, A1c });
  const m = await b.member(A1b);
  await b.account({ username: 'wc', role: 'work_committee_admin', orgId: A });
  await b.account({ username: 'oa', role: 'org_admin', orgId: A1 });
  await b.account({ username: 'b1', role: 'org_admin', orgId: A1b });
  await b.account({ username: 'b2', role: 'org_admin', orgId: A1c });
  await b.account({ username: 'mem', role: 'member', orgId: A1b, memberId: m.id });
  await syncJinhua(ctx);
  [wc, oa, b1, b2, mem] = [await ctx.as('wc'), await ctx.as('oa'), await ctx.as('b1'), await ctx.as('b2'), await ctx.as('mem')];
});
afterAll(async () => ctx?.close());

describe('columns', () => {
  it('an org has no column until one is opened; one per org, slugs unique, optimistic version', async () => {
    expect(expectOk(await b1.get(`/api/orgs/${ids.A1b}/column`))).toEqual({ column: null, freshness: null });
    const c = expectOk(await b1.put(`/api/orgs/${ids.A1b}/column`, { slug: 'czj-1', title: '第一支部专栏', intro: '支部动态', version: 0 })).column;
    expect(c).toMatchObject({ slug: 'czj-1', title: '第一支部专栏', orgId: ids.A1b, isPortal: false, url: '/site/c/czj-1', version: 1 });
    col.A1b = c.id;
    // Opening it again with version 0 is a conflict (someone opened it already), the version read updates it.
    expectError(await b1.put(`/api/orgs/${ids.A1b}/column`, { slug: 'czj-1', title: '重复', intro: '', version: 0 }), 409, 'CONFLICT');
    expect(expectOk(await b1.put(`/api/orgs/${ids.A1b}/column`, { slug: 'czj-1', title: '第一支部党建专栏', intro: '支部动态', version: 1 })).column.version).toBe(2);
    expectError(await b1.put(`/api/orgs/${ids.A1b}/column`, { slug: 'czj-1', title: '旧版本', intro: '', version: 1 }), 409, 'CONFLICT');
    // Another org may not take the same address.
    expectError(await b2.put(`/api/orgs/${ids.A1c}/column`, { slug: 'czj-1', title: '第二支部专栏', intro: '', version: 0 }), 409, 'CONFLICT');
    col.A1c = expectOk(await b2.put(`/api/orgs/${ids.A1c}/column`, { slug: 'czj-2', title: '第二支部专栏', intro: '', version: 0 })).column.id;
    const portal = expectOk(await wc.put(`/api/orgs/${ids.A}/column`, { slug: 'jgdj', title: '甲市机关党建', intro: '工委门户', version: 0 })).column;
    expect(portal.isPortal).toBe(true);
    col.A = portal.id;
  });

  it('refuses bad slugs and titles with Chinese messages, and members and other branches', async () => {
    for (const slug of ['A-B', '-x', 'x', 'a b', '中文', '../x', 'a'.repeat(41)]) {
      expectError(await b1.put(`/api/orgs/${ids.A1b}/column`, { slug, title: '标题标题', intro: '', version: 2 }), 400, 'VALIDATION');
    }
    expectError(await b2.put(`/api/orgs/${ids.A1b}/column`, { slug: 'czj-1', title: '抢占', intro: '', version: 2 }), 403, 'FORBIDDEN');
    expectError(await mem.get(`/api/orgs/${ids.A1b}/column`), 403, 'FORBIDDEN');
    // An ancestor's admin may run a branch's column.
    expectOk(await oa.get(`/api/orgs/${ids.A1b}/column`));
  });
});

describe('articles', () => {
  it('draft -> pending -> published -> unpublished, with the body sanitized on the way in', async () => {
    const a = expectOk(await b1.post(`/api/columns/${col.A1b}/articles`, body({ body: '<p onclick="x()">正文<script>alert(1)</script></p><img src="/api/article-files/1">' })));
    expect(a).toMatchObject({ status: 'draft', version: 1, publicUrl: null, author: 'b1姓名', summary: '正文' });
    expect(a.body).toBe('<p>正文</p><img src="/site/files/1" />');
    expectError(await b1.post(`/api/articles/${a.id}/review`, { version: 1, decision: 'publish' }), 409, 'CONFLICT'); // not submitted
    expectError(await b1.post(`/api/articles/${a.id}/unpublish`, { version: 1 }), 409, 'CONFLICT');
    const p = expectOk(await b1.post(`/api/articles/${a.id}/submit`, { version: 1 }));
    expect(p.status).toBe('pending');
    expectError(await b1.post(`/api/articles/${a.id}/submit`, { version: p.version }), 409, 'CONFLICT');
    // Returning needs a comment; the article goes back to draft with it.
    expectError(await oa.post(`/api/articles/${a.id}/review`, { version: p.version, decision: 'return' }), 400, 'VALIDATION');
    const r = expectOk(await oa.post(`/api/articles/${a.id}/review`, { version: p.version, decision: 'return', comment: '请补充活动照片' }));
    expect(r).toMatchObject({ status: 'draft', reviewComment: '请补充活动照片', reviewedBy: 'oa姓名' });
    const p2 = expectOk(await b1.post(`/api/articles/${a.id}/submit`, { version: r.version }));
    const pub = expectOk(await oa.post(`/api/articles/${a.id}/review`, { version: p2.version, decision: 'publish' }));
    expect(pub).toMatchObject({ status: 'published', scheduled: false, publicUrl: `/site/a/${a.id}`, publishAt: ctx.clock.now().toISOString() });
    expect((await ctx.client().get(`/site/a/${a.id}`)).statusCode).toBe(200);
    // A published article is not edited in place: withdraw first.
    expectError(await b1.put(`/api/articles/${a.id}`, { ...body(), version: pub.version }), 409, 'CONFLICT');
    const un = expectOk(await b1.post(`/api/articles/${a.id}/unpublish`, { version: pub.version }));
    expect(un).toMatchObject({ status: 'unpublished', publicUrl: null });
    expect((await ctx.client().get(`/site/a/${a.id}`)).statusCode).toBe(404);
    // Editing a withdrawn article takes it back to draft.
    const ed = expectOk(await b1.put(`/api/articles/${a.id}`, { ...body({ title: '修改后的标题' }), version: un.version }));
    expect(ed).toMatchObject({ status: 'draft', title: '修改后的标题' });
    const audit = await db().selectFrom('audit_log').select('action').where('target_type', '=', 'article').where('target_id', '=', String(a.id)).execute();
    expect(audit.map((x) => x.action)).toEqual(['article.create', 'article.submit', 'article.return', 'article.submit', 'article.publish', 'article.unpublish', 'article.update']);
  });

  it('two editors with the same version: the second gets 409 and changes nothing', async () => {
    const a = expectOk(await b1.post(`/api/columns/${col.A1b}/articles`, body()));
    expectOk(await b1.put(`/api/articles/${a.id}`, { ...body({ title: '甲改的' }), version: a.version }));
    expectError(await oa.put(`/api/articles/${a.id}`, { ...body({ title: '乙改的' }), version: a.version }), 409, 'CONFLICT');
    expect(expectOk(await b1.get(`/api/articles/${a.id}`)).title).toBe('甲改的');
  });

  it('an admin of one branch cannot write, review or publish in another branch\'s column; members nothing; ancestors may', async () => {
    const before = await countRows(db(), 'article');
    expectError(await b2.post(`/api/columns/${col.A1b}/articles`, body()), 403, 'FORBIDDEN');
    expectError(await mem.post(`/api/columns/${col.A1b}/articles`, body()), 403, 'FORBIDDEN');
    expect(await countRows(db(), 'article')).toBe(before);
    const a = expectOk(await b1.post(`/api/columns/${col.A1b}/articles`, body()));
    const p = expectOk(await b1.post(`/api/articles/${a.id}/submit`, { version: a.version }));
    expectError(await b2.post(`/api/articles/${a.id}/review`, { version: p.version, decision: 'publish' }), 403, 'FORBIDDEN');
    expectError(await b2.get(`/api/articles/${a.id}`), 403, 'FORBIDDEN');
    expectError(await b2.get(`/api/columns/${col.A1b}/articles`), 403, 'FORBIDDEN');
    expectError(await mem.get(`/api/articles/${a.id}`), 403, 'FORBIDDEN');
    expect(expectOk(await b1.get(`/api/articles/${a.id}`)).status).toBe('pending');
    const pub = expectOk(await wc.post(`/api/articles/${a.id}/review`, { version: p.version, decision: 'publish' }));
    expect(pub.status).toBe('published');
    expectError(await b2.post(`/api/articles/${a.id}/unpublish`, { version: pub.version }), 403, 'FORBIDDEN');
  });

  it('scheduled publishing: invisible until its time, then visible without any job', async () => {
    const at = new Date(ctx.clock.now().getTime() + 2 * DAY).toISOString();
    const a = await published(b1, oa, col.A1b, { title: '定时发布的文章' }, at);
    expect(a).toMatchObject({ status: 'published', scheduled: true, publishAt: at, publicUrl: null });
    expect((await ctx.client().get(`/site/a/${a.id}`)).statusCode).toBe(404);
    expect((await ctx.client().get('/site/c/czj-1')).body).not.toContain('定时发布的文章');
    const list = expectOk(await b1.get(`/api/columns/${col.A1b}/articles?status=published`));
    expect(list.items.find((x: { id: number }) => x.id === a.id).scheduled).toBe(true);
    await advance(2 * DAY + 1000);
    expect((await ctx.client().get(`/site/a/${a.id}`)).statusCode).toBe(200);
    expect((await ctx.client().get('/site/c/czj-1')).body).toContain('定时发布的文章');
    expect(expectOk(await b1.get(`/api/articles/${a.id}`))).toMatchObject({ scheduled: false, publicUrl: `/site/a/${a.id}` });
    // A publish time in the past publishes now.
    const past = await published(b1, oa, col.A1b, {}, '2020-01-01T00:00:00Z');
    expect(past.publishAt).toBe(ctx.clock.now().toISOString());
    expectError(await oa.post(`/api/articles/${a.id}/review`, { version: 1, decision: 'publish', publishAt: 'tomorrow' }), 400, 'VALIDATION');
  });

  it('the admin list pages by key, filters by status and carries no bodies', async () => {
    for (let i = 0; i < 23; i++) await db().insertInto('article').values({
      column_id: col.A1c, org_id: ids.A1c, root_id: ids.A, title: `批量${i}`, summary: '', body: '<p>很长的正文</p>', author: '', status: i % 2 ? 'draft' : 'pending',
      publish_at: null, submitted_at: null, reviewed_by_name: null, review_comment: null, created_by: null, created_by_name: null,
      created_at: ctx.clock.now().toISOString(), updated_at: ctx.clock.now().toISOString(), version: 1,
    }).execute();
    const p1 = expectOk(await b2.get(`/api/columns/${col.A1c}/articles`));
    expect(p1.items).toHaveLength(20);
    expect(p1.items[0]).not.toHaveProperty('body');
    const p2 = expectOk(await b2.get(`/api/columns/${col.A1c}/articles?cursor=${p1.next}`));
    expect(p2.items).toHaveLength(3);
    expect(p2.next).toBeNull();
    expect(new Set([...p1.items, ...p2.items].map((x: { id: number }) => x.id)).size).toBe(23);
    const drafts = expectOk(await b2.get(`/api/columns/${col.A1c}/articles?status=draft`));
    expect(drafts.items.every((x: { status: string }) => x.status === 'draft')).toBe(true);
    expect(drafts.items).toHaveLength(11);
    expectError(await b2.get(`/api/columns/${col.A1c}/articles?status=bogus`), 400, 'VALIDATION');
    expectError(await b2.get(`/api/columns/${col.A1c}/articles?cursor=abc`), 400, 'VALIDATION');
  });

  it('bad input is a 400 in Chinese, never a 5xx', async () => {
    expectError(await b1.post(`/api/columns/${col.A1b}/articles`, { title: '' }), 400, 'VALIDATION');
    expectError(await b1.post(`/api/columns/${col.A1b}/articles`, body({ body: 'x'.repeat(400_001) })), 400, 'VALIDATION');
    expectError(await b1.post(`/api/columns/999999/articles`, body()), 404, 'NOT_FOUND');
    expectError(await b1.get('/api/articles/999999'), 404, 'NOT_FOUND');
    expectError(await b1.post('/api/articles/1/review', { version: 1, decision: 'maybe' }), 400, 'VALIDATION');
    expectError(await b1.post(`/api/columns/${col.A1b}/articles`, body({ title: '\u0000\u0001 ' })), 400, 'VALIDATION');
    // Control characters (PostgreSQL refuses NUL) are dropped, not stored and not a 500.
    const a = expectOk(await b1.post(`/api/columns/${col.A1b}/articles`, body({ title: '标题\u0000含\u001f控制', author: 'a\u0000b', summary: 's\u0007', body: '<p>x\u0000y</p>' })));
    expect(a).toMatchObject({ title: '标题含控制', author: 'ab', summary: 's', body: '<p>xy</p>' });
  });
});

describe('article files', () => {
  let aid = 0;
  it('images are re-encoded without EXIF and served publicly only once the article is published; attachments go as attachments', async () => {
    const a = expectOk(await b1.post(`/api/columns/${col.A1b}/articles`, body()));
    aid = a.id;
    const img = expectOk(await upload(b1, a.id, await jpegWithGps(), '..\\..\\活动照片.png', 'image/png'));
    expect(img).toMatchObject({ kind: 'photo', name: '活动照片.jpg', mime: 'image/jpeg', url: `/api/article-files/${img.id}` });
    const doc = expectOk(await upload(b1, a.id, pdf(), '通知.pdf', 'application/pdf'));
    expect(doc).toMatchObject({ kind: 'document', mime: 'application/pdf' });
    // Files' content decides: HTML sent as a JPEG is refused.
    expectError(await upload(b1, a.id, Buffer.from('<html><script>alert(1)</script></html>'), 'x.jpg', 'image/jpeg'), 415, 'UNSUPPORTED_MEDIA');
    expectError(await upload(b2, a.id, pdf(), 'x.pdf', 'application/pdf'), 403, 'FORBIDDEN');
    // The admin route serves drafts' files to those who may read the column.
    const own = await b1.get(`/api/article-files/${img.id}`);
    expect(own.statusCode).toBe(200);
    const meta = await sharp(own.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect((await b2.get(`/api/article-files/${img.id}`)).statusCode).toBe(403);
    // Not public while a draft.
    expect((await ctx.client().get(`/site/files/${img.id}`)).statusCode).toBe(404);
    const withImg = expectOk(await b1.put(`/api/articles/${a.id}`, { ...body({ body: `<p>图文</p><img src="${img.url}"><a href="/site/files/${doc.id}">附件</a>` }), version: a.version }));
    expect(withImg.body).toContain(`<img src="/site/files/${img.id}" />`);
    expect(withImg.files).toHaveLength(2);
    const s = expectOk(await b1.post(`/api/articles/${a.id}/submit`, { version: withImg.version }));
    const pub = expectOk(await oa.post(`/api/articles/${a.id}/review`, { version: s.version, decision: 'publish' }));
    const pic = await ctx.client().get(`/site/files/${img.id}`);
    expect(pic.statusCode).toBe(200);
    expect(pic.headers['content-type']).toBe('image/jpeg');
    expect(pic.headers['x-content-type-options']).toBe('nosniff');
    expect(pic.headers['content-disposition']).toBe('inline');
    const att = await ctx.client().get(`/site/files/${doc.id}`);
    expect(att.headers['content-disposition']).toMatch(/^attachment;/);
    expect(att.headers['x-content-type-options']).toBe('nosniff');
    const page = (await ctx.client().get(`/site/a/${a.id}`)).body;
    expect(page).toContain(`<img src="/site/files/${img.id}" />`);
    expect(page).toContain('<h2>附件</h2>');
    expectError(await upload(b1, a.id, pdf(), 'x.pdf', 'application/pdf'), 409, 'CONFLICT'); // published: withdraw first
    expectOk(await oa.post(`/api/articles/${a.id}/unpublish`, { version: pub.version }));
    expect((await ctx.client().get(`/site/files/${img.id}`)).statusCode).toBe(404);
  });

  it('a refused upload leaves no row and no file', async () => {
    const rows = await countRows(db(), 'article_file');
    expectError(await upload(b1, aid, Buffer.from('MZ\x90\x00'.repeat(100), 'latin1'), 'x.exe', 'application/octet-stream'), 415, 'UNSUPPORTED_MEDIA');
    expect(await countRows(db(), 'article_file')).toBe(rows);
  });
});

describe('freshness', () => {
  it('columnFreshness(orgId): days since the last visible publication; null without a column', async () => {
    const f = ctx.services.contentFreshness;
    expect(await f.columnFreshness(ids.A1)).toBeNull();
    expect(await f.maxDays()).toBe(30);
    const none = await f.columnFreshness(ids.A);
    expect(none).toEqual({ columnId: col.A, lastPublishedAt: null, days: null });
    const fresh = await f.columnFreshness(ids.A1b);
    expect(fresh!.days).toBe(0);
    await advance(31 * DAY);
    expect((await f.columnFreshness(ids.A1b))!.days).toBe(31);
    // A scheduled article counts only from its time on.
    const at = new Date(ctx.clock.now().getTime() + DAY).toISOString();
    await published(b1, oa, col.A1b, { title: '下周发布' }, at);
    expect((await f.columnFreshness(ids.A1b))!.days).toBe(31);
    await advance(DAY + 1000);
    expect((await f.columnFreshness(ids.A1b))!.days).toBe(0);
  });

  it('the stale list shows days and the duty holder, stale first; scoped to the reader\'s subtree', async () => {
    await ctx.services.baseProfiles.update(ctx.build.system, ids.A1c, { facts: { 'dutyHolders.siteEditor': true, 'dutyHolders.siteEditorName': '王小明' }, version: 0 });
    const all = expectOk(await wc.get(`/api/columns?orgId=${ids.A}`));
    expect(all.maxDays).toBe(30);
    const byOrg = Object.fromEntries(all.items.map((x: { orgId: number }) => [x.orgId, x]));
    expect(byOrg[ids.A1b]).toMatchObject({ stale: false, days: 0 });
    expect(byOrg[ids.A1c]).toMatchObject({ stale: true, days: null, lastPublishedAt: null, dutyHolder: '王小明', orgName: '财政局第二党支部' });
    expect(byOrg[ids.A]).toMatchObject({ stale: true, dutyHolder: null });
    expect(all.items[all.items.length - 1].orgId).toBe(ids.A1b); // fresh ones last
    const stale = expectOk(await wc.get(`/api/columns?orgId=${ids.A}&staleOnly=true`));
    expect(stale.items.map((x: { orgId: number }) => x.orgId).sort()).toEqual([ids.A, ids.A1c].sort());
    expect(expectOk(await b2.get(`/api/columns?orgId=${ids.A1c}`)).items).toHaveLength(1);
    expectError(await b2.get(`/api/columns?orgId=${ids.A1}`), 403, 'FORBIDDEN');
    expectError(await mem.get(`/api/columns?orgId=${ids.A1b}`), 403, 'FORBIDDEN');
  });

  it('the org\'s own column says how fresh it is, for its admin to act on', async () => {
    expect(expectOk(await b1.get(`/api/orgs/${ids.A1b}/column`)).freshness).toEqual({ lastPublishedAt: expect.any(String), days: 0, maxDays: 30, stale: false });
    // Never published: stale, with no date.
    expect(expectOk(await b2.get(`/api/orgs/${ids.A1c}/column`)).freshness).toEqual({ lastPublishedAt: null, days: null, maxDays: 30, stale: true });
    await advance(31 * DAY);
    expect(expectOk(await b1.get(`/api/orgs/${ids.A1b}/column`)).freshness).toMatchObject({ days: 31, maxDays: 30, stale: true });
  });
});
