// Notices (微党建) over HTTP: sending within scope, the inbox by key, receipts written once and only on read,
// per-org reach and read statistics from summaries, roles targeting (members with a post), reminders, the Excel
// export, the reach summary kept on account and member writes, and noticeReach for the assessment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { countRows, expectError, expectOk, readWorkbook, sheetRows } from './helpers.js';
import { refreshAccountCounts } from '../src/modules/notice/notice.accounts.js';

let ctx: TestContext;
let wc: HttpClient; let oa: HttpClient; let b1: HttpClient; let bAdmin: HttpClient;
let m1: HttpClient; let m2: HttpClient; let m4: HttpClient; let mB: HttpClient;
const ids: Record<'A' | 'A1' | 'A1b' | 'A1c' | 'B', number> = {} as never;
const mem: Record<'m1' | 'm2' | 'm3' | 'm4' | 'm5' | 'mB', number> = {} as never;
const db = () => ctx.services.db.kysely;
const counts = async (orgId: number) => db().selectFrom('org').select(['member_account_count', 'post_account_count']).where('id', '=', orgId).executeTakeFirstOrThrow();
const send = (c: HttpClient, body: Record<string, unknown>) => c.post('/api/notices', {
  kind: 'theory', audience: 'all', title: '学习二十届四中全会精神', body: '请各支部组织学习。\n第二行', ...body,
});

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  const A = await b.org({ parentId: null, name: '甲市直属机关工委' });
  const A1 = await b.org({ parentId: A.id, type: 'organ_committee', name: '甲市财政局机关党委' });
  const A1b = await b.org({ parentId: A1.id, type: 'branch', name: '财政局第一党支部' });
  const A1c = await b.org({ parentId: A1.id, type: 'branch', name: '财政局第二党支部' });
  const B = await b.org({ parentId: null, name: '乙市直属机关工委' });
  const Bb = await b.org({ parentId: B.id, type: 'branch', name: '乙市某党支部' });
  Object.assign(ids, { A: A.id, A1: A1.id, A1b: A1b.id, A1c: A1c.id, B: B.id });
  mem.m1 = (await b.member(A1b.id, { name: '书记甲', post: '支部书记' })).id;
  mem.m2 = (await b.member(A1b.id, { name: '党员乙', post: null })).id;
  mem.m3 = (await b.member(A1b.id, { name: '党员丙', post: null })).id; // no account
  mem.m4 = (await b.member(A1c.id, { name: '党员丁', post: null })).id;
  mem.m5 = (await b.member(A1c.id, { name: '党员戊', post: null })).id; // account made through the API below
  mem.mB = (await b.member(Bb.id, { name: '乙市党员', post: null })).id;
  await b.account({ username: 'wc', role: 'work_committee_admin', orgId: A.id });
  await b.account({ username: 'oa', role: 'org_admin', orgId: A1.id });
  await b.account({ username: 'b1', role: 'org_admin', orgId: A1b.id });
  await b.account({ username: 'bAdmin', role: 'work_committee_admin', orgId: B.id });
  await b.account({ username: 'm1', role: 'member', orgId: A1b.id, memberId: mem.m1 });
  await b.account({ username: 'm2', role: 'member', orgId: A1b.id, memberId: mem.m2 });
  await b.account({ username: 'm4', role: 'member', orgId: A1c.id, memberId: mem.m4 });
  await b.account({ username: 'mB', role: 'member', orgId: Bb.id, memberId: mem.mB });
  await refreshAccountCounts(db(), [A1b.id, A1c.id, Bb.id]); // the factory writes accounts directly
  [wc, oa, b1, bAdmin, m1, m2, m4, mB] = await Promise.all(['wc', 'oa', 'b1', 'bAdmin', 'm1', 'm2', 'm4', 'mB'].map((u) => ctx.as(u)));
});
afterAll(async () => ctx?.close());

describe('the reach summary kept on write', () => {
  it('counts members with an active account per org, and those with a post', async () => {
    expect(await counts(ids.A1b)).toEqual({ member_account_count: 2, post_account_count: 1 });
    expect(await counts(ids.A1c)).toEqual({ member_account_count: 1, post_account_count: 0 });
  });
  it('follows account create, disable and enable, and member transfer and leaving', async () => {
    const acc = expectOk(await wc.post('/api/accounts', { username: 'member5', displayName: '党员戊', role: 'member', orgId: ids.A1c, memberId: mem.m5, initialPassword: 'Init@2026pw' }));
    expect((await counts(ids.A1c)).member_account_count).toBe(2);
    const off = expectOk(await wc.patch(`/api/accounts/${acc.id}`, { status: 'disabled', version: acc.version }));
    expect((await counts(ids.A1c)).member_account_count).toBe(1);
    const on = expectOk(await wc.patch(`/api/accounts/${acc.id}`, { status: 'active', version: off.version }));
    expect(on.status).toBe('active');
    expect((await counts(ids.A1c)).member_account_count).toBe(2);
    const m = expectOk(await wc.get(`/api/members/${mem.m5}`));
    expectOk(await wc.post(`/api/members/${mem.m5}/transfer`, { toOrgId: ids.A1b, transferDate: '2026-02-01', version: m.version }));
    expect((await counts(ids.A1c)).member_account_count).toBe(1);
    expect((await counts(ids.A1b)).member_account_count).toBe(3);
    // Leaving the roll (status no longer active) drops the member from reach.
    await db().updateTable('member').set({ status: 'transferred_out' }).where('id', '=', mem.m5).execute();
    await ctx.services.orgRepo.refreshMemberCounts(db(), [ids.A1b]);
    expect((await counts(ids.A1b)).member_account_count).toBe(2);
  });
});

describe('sending', () => {
  it('writes the notice and its targets only, whatever the scope', async () => {
    const before = { reads: await countRows(db(), 'notice_read'), targets: await countRows(db(), 'notice_target') };
    const n = expectOk(await send(oa, { senderOrgId: ids.A1, targets: [{ orgId: ids.A1, subtree: true }] }));
    expect(n.targets).toEqual([{ orgId: ids.A1, name: '甲市财政局机关党委', subtree: true }]);
    expect(n.readCount).toBe(0);
    expect(await countRows(db(), 'notice_read')).toBe(before.reads);
    expect(await countRows(db(), 'notice_target')).toBe(before.targets + 1);
    const audit = await db().selectFrom('audit_log').select(['action', 'target_id']).where('action', '=', 'notice.send').execute();
    expect(audit.map((a) => a.target_id)).toContain(String(n.id));
  });
  it('refuses targets outside the sender org, a sender outside the actor scope, and bad input', async () => {
    expectError(await send(b1, { senderOrgId: ids.A1b, targets: [{ orgId: ids.A1c, subtree: false }] }), 400, 'VALIDATION');
    expectError(await send(b1, { senderOrgId: ids.A1, targets: [{ orgId: ids.A1b, subtree: false }] }), 403, 'FORBIDDEN');
    expectError(await send(bAdmin, { senderOrgId: ids.B, targets: [{ orgId: ids.A1, subtree: true }] }), 400, 'VALIDATION');
    expectError(await send(m1, { senderOrgId: ids.A1b, targets: [{ orgId: ids.A1b, subtree: false }] }), 403, 'FORBIDDEN');
    expectError(await send(oa, { senderOrgId: ids.A1, targets: [] }), 400, 'VALIDATION');
    expectError(await send(oa, { senderOrgId: ids.A1, kind: 'gossip', targets: [{ orgId: ids.A1, subtree: true }] }), 400, 'VALIDATION');
    expectError(await send(oa, { senderOrgId: ids.A1, title: '长'.repeat(101), targets: [{ orgId: ids.A1, subtree: true }] }), 400, 'VALIDATION');
    expectError(await send(oa, { senderOrgId: ids.A1, body: ' \n\u0000 ', targets: [{ orgId: ids.A1, subtree: true }] }), 400, 'VALIDATION');
  });
  it('lists sent notices by key for admins in scope only', async () => {
    const list = expectOk(await wc.get(`/api/notices?orgId=${ids.A}`));
    expect(list.items.length).toBeGreaterThan(0);
    expectError(await bAdmin.get(`/api/notices?orgId=${ids.A}`), 403, 'FORBIDDEN');
    expectError(await bAdmin.get(`/api/notices/${list.items[0].id}`), 403, 'FORBIDDEN');
    expectError(await m1.get(`/api/notices?orgId=${ids.A1b}`), 403, 'FORBIDDEN');
  });
});

describe('inbox, receipts and statistics', () => {
  let id = 0;
  beforeAll(async () => {
    id = expectOk(await send(oa, { senderOrgId: ids.A1, kind: 'activity', title: '主题党日活动通知', targets: [{ orgId: ids.A1, subtree: true }] })).id;
  });
  it('shows the notice unread to members under the target, and not elsewhere', async () => {
    const box = expectOk(await m1.get('/api/inbox'));
    const item = box.items.find((i: any) => i.id === id);
    expect(item).toMatchObject({ title: '主题党日活动通知', kind: 'activity', read: false, reminded: false, senderOrgName: '甲市财政局机关党委' });
    expect(box.unread).toBeGreaterThanOrEqual(1);
    const other = expectOk(await mB.get('/api/inbox'));
    expect(other.items.find((i: any) => i.id === id)).toBeUndefined();
    expectError(await mB.post(`/api/inbox/${id}/open`), 404, 'NOT_FOUND');
    // An admin without a linked member has an empty inbox.
    expect(expectOk(await oa.get('/api/inbox'))).toEqual({ items: [], reminded: [], unread: 0, nextBefore: null });
  });
  it('writes the receipt once on open and counts it in the org summary', async () => {
    const n = expectOk(await m1.post(`/api/inbox/${id}/open`));
    expect(n.body).toBe('请各支部组织学习。\n第二行');
    const again = expectOk(await m1.post(`/api/inbox/${id}/open`));
    expect(again.readAt).toBe(n.readAt);
    expect(await db().selectFrom('notice_read').select('member_id').where('notice_id', '=', id).execute()).toEqual([{ member_id: mem.m1 }]);
    const stat = await db().selectFrom('notice_org_stat').selectAll().where('notice_id', '=', id).execute();
    expect(stat).toEqual([{ notice_id: id, org_id: ids.A1b, read_count: 1 }]);
    const box = expectOk(await m1.get('/api/inbox'));
    expect(box.items.find((i: any) => i.id === id).read).toBe(true);
  });
  it('reports reach and reads per org, sortable, with totals', async () => {
    const s = expectOk(await oa.get(`/api/notices/${id}/stats?sort=name&order=asc`));
    expect(s.totals).toEqual({ orgs: 2, reached: 3, read: 1, rate: 0.333 });
    const byOrg = Object.fromEntries(s.items.map((r: any) => [r.orgId, r]));
    expect(byOrg[ids.A1b]).toMatchObject({ reached: 2, read: 1, rate: 0.5 });
    expect(byOrg[ids.A1c]).toMatchObject({ reached: 1, read: 0, rate: 0 });
    const byRate = expectOk(await oa.get(`/api/notices/${id}/stats?sort=rate&order=desc`));
    expect(byRate.items.map((r: any) => r.orgId)).toEqual([ids.A1b, ids.A1c]);
    const paged = expectOk(await oa.get(`/api/notices/${id}/stats?sort=rate&order=asc&pageSize=1&page=2`));
    expect(paged.items.map((r: any) => r.orgId)).toEqual([ids.A1b]);
    expect(paged.total).toBe(2);
    expect(paged.totals).toEqual(s.totals); // the totals are of every covered org, not of the page
    const past = expectOk(await oa.get(`/api/notices/${id}/stats?pageSize=1&page=9`));
    expect(past.items).toEqual([]);
    expect(past.totals).toEqual(s.totals);
    expectOk(await m2.post(`/api/inbox/${id}/open`));
    expect(expectOk(await oa.get(`/api/notices/${id}/stats`)).totals.read).toBe(2);
    expect(expectOk(await oa.get(`/api/notices/${id}`)).readCount).toBe(2);
  });
  it('reminds the unread: the notice comes back highlighted for them, logged, no per-member rows', async () => {
    expectError(await oa.post(`/api/notices/${id}/remind`, { orgId: ids.B }), 400, 'VALIDATION');
    expectError(await bAdmin.post(`/api/notices/${id}/remind`, {}), 403, 'FORBIDDEN');
    const r = expectOk(await oa.post(`/api/notices/${id}/remind`, { orgId: ids.A1c }));
    expect(r).toEqual({ ok: true, remindCount: 1, robots: 0 }); // no chat robot set up here;
    expect(await countRows(db(), 'notice_remind')).toBe(1);
    const box4 = expectOk(await m4.get('/api/inbox'));
    expect(box4.reminded.map((i: any) => i.id)).toEqual([id]);
    expect(box4.items.find((i: any) => i.id === id).reminded).toBe(true);
    const box1 = expectOk(await m1.get('/api/inbox'));
    expect(box1.reminded).toEqual([]); // read already, and outside the reminded org
    expectOk(await m4.post(`/api/inbox/${id}/open`));
    expect(expectOk(await m4.get('/api/inbox')).reminded).toEqual([]);
    const log = await db().selectFrom('audit_log').select('action').where('action', '=', 'notice.remind').execute();
    expect(log.length).toBe(1);
  });
  it('exports the table as Excel, audited', async () => {
    const r = await oa.get(`/api/notices/${id}/stats/export?sort=name&order=asc`);
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('阅读统计'));
    const wb = await readWorkbook(r.rawPayload);
    const rows = sheetRows(wb.getWorksheet('按组织')!);
    expect(rows[0]).toEqual(['组织', '送达人数', '已读人数', '阅读率']);
    expect(rows.slice(1).map((x) => x[0]).sort()).toEqual(['财政局第一党支部', '财政局第二党支部'].sort());
    expect(await db().selectFrom('audit_log').select('action').where('action', '=', 'notice.export').execute()).toHaveLength(1);
    expectError(await bAdmin.get(`/api/notices/${id}/stats/export`), 403, 'FORBIDDEN');
  });
});

describe('targeting', () => {
  it('chosen orgs without their subtree reach only members directly in them', async () => {
    const n = expectOk(await send(oa, { senderOrgId: ids.A1, title: '只发机关党委本级', targets: [{ orgId: ids.A1, subtree: false }] }));
    expect(expectOk(await m1.get('/api/inbox')).items.find((i: any) => i.id === n.id)).toBeUndefined();
    const two = expectOk(await send(oa, { senderOrgId: ids.A1, title: '发两个支部', targets: [{ orgId: ids.A1b, subtree: false }, { orgId: ids.A1c, subtree: false }] }));
    expect(expectOk(await m1.get('/api/inbox')).items.find((i: any) => i.id === two.id)).toBeDefined();
    expect(expectOk(await m4.get('/api/inbox')).items.find((i: any) => i.id === two.id)).toBeDefined();
  });
  it('a notice to members with a post reaches the secretary and not the others', async () => {
    const n = expectOk(await send(b1, { senderOrgId: ids.A1b, audience: 'post', title: '支委会会议安排', kind: 'work', targets: [{ orgId: ids.A1b, subtree: true }] }));
    expect(expectOk(await m1.get('/api/inbox')).items.find((i: any) => i.id === n.id)).toBeDefined();
    expect(expectOk(await m2.get('/api/inbox')).items.find((i: any) => i.id === n.id)).toBeUndefined();
    expectError(await m2.post(`/api/inbox/${n.id}/open`), 404, 'NOT_FOUND');
    const s = expectOk(await b1.get(`/api/notices/${n.id}/stats`));
    expect(s.totals).toMatchObject({ reached: 1, read: 0 });
  });
});

describe('inbox paging by key', () => {
  it('pages newest first with no repeats', async () => {
    for (let i = 0; i < 23; i++) expectOk(await send(b1, { senderOrgId: ids.A1b, title: `分页通知${i}`, targets: [{ orgId: ids.A1b, subtree: false }] }));
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const page: any = expectOk(await m2.get(`/api/inbox?limit=10${before ? `&before=${before}` : ''}`));
      seen.push(...page.items.map((i: any) => i.id));
      before = page.nextBefore;
    } while (before);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    const all = await db().selectFrom('notice').select('id').where('audience', '=', 'all').execute();
    expect(seen.length).toBeGreaterThanOrEqual(23);
    expect(seen.length).toBeLessThanOrEqual(all.length);
    expect(expectOk(await m2.get('/api/inbox')).unread).toBe(seen.length - 1); // m2 read one earlier
  });
});

describe('noticeReach for the base profile and the assessment', () => {
  it('gives members, members with an account, the ratio and the latest notice read share', async () => {
    const r = await ctx.services.noticeReach(ids.A1);
    expect(r.members).toBe(4); // m1..m4 (m5 left the roll)
    expect(r.withAccount).toBe(3);
    expect(r.ratio).toBeCloseTo(0.75);
    expect(r.lastNoticeAt).not.toBeNull();
    expect(r.lastNoticeReadRatio).toBe(0); // the newest (a paging notice to A1b) is unread by m1 and m2
    const none = await ctx.services.noticeReach(ids.B);
    expect(none).toMatchObject({ members: 1, withAccount: 1, ratio: 1, lastNoticeAt: null, lastNoticeReadRatio: null });
  });
});

describe('statistics by read rate', () => {
  it('puts orgs without account holders last in either order: nobody there can be reminded', async () => {
    const A1d = await ctx.build.org({ parentId: ids.A1, type: 'branch', name: '财政局第三党支部' });
    await ctx.build.member(A1d.id, { name: '党员己', post: null }); // a member, no account
    const nid = expectOk(await send(oa, { senderOrgId: ids.A1, kind: 'work', title: '按阅读率排序', targets: [{ orgId: ids.A1, subtree: true }] })).id;
    expectOk(await m1.post(`/api/inbox/${nid}/open`));
    const order = async (o: string) => expectOk(await oa.get(`/api/notices/${nid}/stats?sort=rate&order=${o}`)).items.map((r: any) => r.orgId);
    expect(await order('asc')).toEqual([ids.A1c, ids.A1b, A1d.id]);
    expect(await order('desc')).toEqual([ids.A1b, ids.A1c, A1d.id]);
  });
});
