// Wall display and screensaver slides over HTTP: a display token opens the page and its data with no session,
// is stored only as a hash, is revocable and shows when it was last seen; the page carries the CSP and loads its
// script as a file; the data has the standard texts, the committee of the current term and study topics; the
// slides start from the shipped clean-governance texts, are edited only by the work committee and read by
// every admin in its tree. Fresh database for this file.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { expectError, expectOk } from './helpers.js';
import { DEFAULT_SLIDES } from '../src/modules/display/screensaver-defaults.js';
import { DUTIES, OATH, RIGHTS } from '../src/modules/display/wall-texts.js';

let ctx: TestContext;
let wc: HttpClient;
let b1: HttpClient;
let b2: HttpClient;
let anon: HttpClient;
const ids: Record<'A' | 'A1' | 'A1b' | 'A1c' | 'B', number> = {} as never;
const db = () => ctx.services.db.kysely;

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  Object.assign(ids, await b.financeTree('A'));
  ids.B = (await b.org({ parentId: null, name: '乙县直属机关工委', code: 'B' })).id;
  const m = await b.member(ids.A1b, { name: '李书记' });
  await b.member(ids.A1b, { name: '王委员' });
  await ctx.services.committees.startTerm(b.system, ids.A1b, { startDate: '2024-06-01', endDate: '2027-05-31', seats: [
    { role: 'secretary', memberId: m.id, personName: '李书记' }, { role: 'committee_member', memberId: null, personName: '王委员' },
  ] });
  await b.account({ username: 'wc', role: 'work_committee_admin', orgId: ids.A });
  await b.account({ username: 'b1', role: 'org_admin', orgId: ids.A1b });
  await b.account({ username: 'b2', role: 'org_admin', orgId: ids.A1c });
  [wc, b1, b2] = await Promise.all(['wc', 'b1', 'b2'].map((u) => ctx.as(u)));
  anon = ctx.client();
});
afterAll(async () => ctx?.close());

let token = '';
let tokenId = 0;

describe('display tokens', () => {
  it('an org admin creates a token shown once and stored only as its hash', async () => {
    const t = expectOk(await b1.post(`/api/orgs/${ids.A1b}/display-tokens`, { name: '一楼活动室电视' }));
    expect(t.token).toMatch(/^[0-9a-f]{32}$/);
    expect(t.url).toBe(`/display/${t.token}`);
    token = t.token; tokenId = t.id;
    const row = await db().selectFrom('display_token').selectAll().where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(crypto.createHash('sha256').update(t.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(t.token);
    const list = expectOk(await b1.get(`/api/orgs/${ids.A1b}/display-tokens`));
    expect(list.items[0]).toMatchObject({ id: t.id, name: '一楼活动室电视', lastSeenAt: null, revokedAt: null });
    expect(list.items[0]).not.toHaveProperty('token');
    expectError(await b2.post(`/api/orgs/${ids.A1b}/display-tokens`, { name: '越权' }), 403, 'FORBIDDEN');
    expectError(await b2.get(`/api/orgs/${ids.A1b}/display-tokens`), 403, 'FORBIDDEN');
  });

  it('opens the page without a session, under the CSP, with its script as a file', async () => {
    const r = await anon.get(`/display/${token}`);
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['content-type'])).toContain('text/html');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline\'; script'); // scripts stay 'self' only
    expect(r.body).toContain('财政局第一党支部');
    expect(r.body).toMatch(/<script src="\/display\/assets\/wall\.js" defer><\/script>/);
    expect(r.body).not.toMatch(/<script>[^<]/); // no inline script
    const js = await anon.get('/display/assets/wall.js');
    expect(js.statusCode).toBe(200);
    expect(String(js.headers['content-type'])).toContain('javascript');
    expect((await anon.get('/display/assets/wall.css')).statusCode).toBe(200);
    expect((await anon.get('/display/assets/..%2f..%2fpackage.json')).statusCode).toBe(404);
    for (const name of ['constructor', 'toString', '__proto__']) expect((await anon.get(`/display/assets/${name}`)).statusCode).toBe(404);
  });

  it('serves the service worker that lets a restarted TV start offline, allowed to control the display pages', async () => {
    const sw = await anon.get('/display/assets/sw.js');
    expect(sw.statusCode).toBe(200);
    expect(String(sw.headers['content-type'])).toContain('javascript');
    expect(sw.headers['service-worker-allowed']).toBe('/display/');
    expect(sw.body).toContain("addEventListener('fetch'");
    expect((await anon.get('/display/assets/wall.js')).headers['service-worker-allowed']).toBeUndefined();
  });

  it('serves the data: standard texts, disclosure, the current committee, study topics; marks the token seen', async () => {
    await ctx.services.study.createSession(ctx.build.system, { orgId: ids.A1b, heldOn: '2026-02-10', topic: '学习《中国共产党章程》', materialIds: [], attendance: [] });
    const r = await anon.get(`/display/${token}/data.json`);
    const d = expectOk(r);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(d.org.name).toBe('财政局第一党支部');
    const panel = (k: string) => d.panels.find((p: { kind: string }) => p.kind === k);
    expect(panel('oath').lines.join('')).toBe(OATH.lines.join(''));
    expect(panel('oath').lines.join('')).toContain('永不叛党');
    expect(panel('duties').lines).toEqual(DUTIES.lines);
    expect(panel('duties').lines).toHaveLength(8);
    expect(panel('rights').lines).toEqual(RIGHTS.lines);
    expect(panel('committee').lines).toEqual(['书记：李书记', '委员：王委员']);
    expect(panel('disclosure').lines.join('\n')).toContain('党员人数：2 名');
    expect(panel('study').lines[0]).toContain('学习《中国共产党章程》');
    expect(panel('flag').lines).toEqual(['中国共产党党旗为旗面缀有金黄色党徽图案的红旗。']);
    const seen = expectOk(await b1.get(`/api/orgs/${ids.A1b}/display-tokens`)).items[0];
    expect(seen.lastSeenAt).toBe(ctx.clock.now().toISOString());
  });

  it('shows the latest published column articles and all-member notices that reach the org, titles only', async () => {
    const sys = ctx.build.system;
    const col = (await ctx.services.content.saveColumn(sys, ids.A, { slug: 'portal', title: '机关党建', intro: '', version: 0 })).column!.id;
    let a = await ctx.services.content.create(sys, col, { title: '工委发布的文章', summary: '', body: '<p>正文</p>', author: '' });
    a = await ctx.services.content.submit(sys, a.id, a.version);
    await ctx.services.content.review(sys, a.id, { version: a.version, decision: 'publish' });
    await ctx.services.content.create(sys, col, { title: '未发布的草稿', summary: '', body: '<p>草稿</p>', author: '' });
    await ctx.services.notices.send(sys, { senderOrgId: ids.A, kind: 'theory', audience: 'all', title: '全体党员学习通知', body: '不上墙的正文', targets: [{ orgId: ids.A, subtree: true }] });
    await ctx.services.notices.send(sys, { senderOrgId: ids.A1, kind: 'work', audience: 'all', title: '二支部的通知', body: '内容', targets: [{ orgId: ids.A1c, subtree: false }] });
    const d = expectOk(await anon.get(`/display/${token}/data.json`));
    const text = JSON.stringify(d);
    expect(d.panels.find((p: { kind: string }) => p.kind === 'articles').lines[0]).toContain('工委发布的文章');
    expect(d.panels.find((p: { kind: string }) => p.kind === 'notices').lines[0]).toContain('全体党员学习通知');
    for (const hidden of ['未发布的草稿', '二支部的通知', '不上墙的正文']) expect(text).not.toContain(hidden);
  });

  it('unknown, malformed and revoked tokens answer 404 alike; revoking is the org admin\'s', async () => {
    for (const t of ['0'.repeat(32), 'abc', '<script>']) {
      expect((await anon.get(`/display/${encodeURIComponent(t)}`)).statusCode).toBe(404);
      expect((await anon.get(`/display/${encodeURIComponent(t)}/data.json`)).statusCode).toBe(404);
    }
    expectError(await b2.post(`/api/display-tokens/${tokenId}/revoke`), 403, 'FORBIDDEN');
    const r = expectOk(await b1.post(`/api/display-tokens/${tokenId}/revoke`));
    expect(r.revokedAt).not.toBeNull();
    const page = await anon.get(`/display/${token}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('已停用');
    expect((await anon.get(`/display/${token}/data.json`)).statusCode).toBe(404);
    const actions = (await db().selectFrom('audit_log').select('action').where('action', 'like', 'display_token%').execute()).map((a) => a.action);
    expect(actions.sort()).toEqual(['display_token.create', 'display_token.revoke']);
  });
});

describe('screensaver slides', () => {
  it('every admin in the tree reads the committee\'s slides, seeded from the shipped texts', async () => {
    const s = expectOk(await b1.get(`/api/screensaver/slides?orgId=${ids.A1b}`));
    expect(s.root).toEqual({ id: ids.A, name: '甲市直属机关工委' });
    expect(s.editable).toBe(false);
    expect(s.items.map((i: { lines: string[] }) => i.lines)).toEqual(DEFAULT_SLIDES.map((d) => d.lines));
    expect(s.items.map((i: { lines: string[] }) => i.lines.join(''))).toContain('坚持公私分明，先公后私，克己奉公。');
    const again = expectOk(await wc.get(`/api/screensaver/slides?orgId=${ids.A}`));
    expect(again.editable).toBe(true);
    expect(again.items).toHaveLength(DEFAULT_SLIDES.length); // seeded once
    expectError(await b1.get(`/api/screensaver/slides?orgId=${ids.B}`), 403, 'FORBIDDEN');
  });

  it('only the work committee edits them, with an optimistic lock', async () => {
    const created = expectOk(await wc.post('/api/screensaver/slides', { rootId: ids.A, title: '廉洁文化', lines: ['清正廉洁', '  ', '干净做事'], sortOrder: 5, enabled: true }));
    expect(created.lines).toEqual(['清正廉洁', '干净做事']);
    expectError(await b1.post('/api/screensaver/slides', { rootId: ids.A, title: '越权', lines: ['x'], sortOrder: 1, enabled: true }), 403, 'FORBIDDEN');
    expectError(await wc.post('/api/screensaver/slides', { rootId: ids.A1, title: '非工委', lines: ['x'], sortOrder: 1, enabled: true }), 400, 'VALIDATION');
    expectError(await wc.post('/api/screensaver/slides', { rootId: ids.A, title: '空白', lines: ['  '], sortOrder: 1, enabled: true }), 400, 'VALIDATION');
    const u = expectOk(await wc.put(`/api/screensaver/slides/${created.id}`, { title: '廉洁文化', lines: ['清正廉洁'], sortOrder: 5, enabled: false, version: created.version }));
    expect(u.enabled).toBe(false);
    expectError(await wc.put(`/api/screensaver/slides/${created.id}`, { title: 'x', lines: ['x'], sortOrder: 5, enabled: true, version: created.version }), 409, 'CONFLICT');
    expectError(await b1.request('DELETE', `/api/screensaver/slides/${created.id}`), 403, 'FORBIDDEN');
    expectOk(await wc.request('DELETE', `/api/screensaver/slides/${created.id}`));
    const s = expectOk(await b1.get(`/api/screensaver/slides?orgId=${ids.A1b}`));
    expect(s.items.map((i: { id: number }) => i.id)).not.toContain(created.id);
  });
});
