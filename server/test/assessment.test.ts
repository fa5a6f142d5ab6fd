// The assessment loop end to end over HTTP: a campaign over a subtree, self-assessment with automatic checks and
// evidence, submit, return with a rectification deadline, fix, resubmit, accept, inspection overturning an item,
// the dashboard's numbers moving with every step, optimistic locks. Fresh database for this file.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { syncJinhua } from './standards.js';
import { expectError, expectOk } from './helpers.js';
import { multipartBody } from './multipart.js';

let ctx: TestContext;
let wc: HttpClient; // work-committee admin of A (inspector)
let oa: HttpClient; // admin of A1, the parent of A1b and A1c
let b1: HttpClient; // admin of branch A1b (secretary)
let b2: HttpClient; // admin of branch A1c (a sibling)
const ids: Record<'A' | 'A1' | 'A1b' | 'A1c' | 'A2', number> = {} as never;
let standardId = 0;
let campaignId = 0;
const db = () => ctx.services.db.kysely;

async function jpeg(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } }).jpeg()
    .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 0/1 0/1' } }).toBuffer();
}
async function upload(c: HttpClient, url: string, data: Buffer, filename = '活动室.jpg', contentType = 'image/jpeg', fields: Record<string, string> = {}) {
  const { payload, headers } = multipartBody(fields, { filename, contentType, data });
  return c.request('POST', url, payload, headers);
}
const dash = async (c: HttpClient, orgId?: number) => expectOk(await c.get(`/api/campaigns/${campaignId}/dashboard${orgId ? `?orgId=${orgId}` : ''}`));

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  const { A, A1, A1b, A1c } = await b.financeTree();
  const A2 = (await b.org({ parentId: A, type: 'organ_committee', name: '甲市教育局机关党委' })).id;
  Object.assign(ids, { A, A1, A1b, A1c, A2 });
  for (let i = 0; i < 4; i++) await b.member(A1b);
  await b.account({ username: 'wc', role: 'work_committee_admin', orgId: A });
  await b.account({ username: 'oa', role: 'org_admin', orgId: A1 });
  await b.account({ username: 'b1', role: 'org_admin', orgId: A1b });
  await b.account({ username: 'b2', role: 'org_admin', orgId: A1c });
  standardId = await syncJinhua(ctx);
  [wc, oa, b1, b2] = [await ctx.as('wc'), await ctx.as('oa'), await ctx.as('b1'), await ctx.as('b2')];
  // The secretary's base: a shared room (tier 2) with seats for everyone and a named channel admin.
  expectOk(await b1.put(`/api/orgs/${A1b}/base-profile`, {
    facts: { 'activityRoom.kind': 'shared', 'activityRoom.sharedWith': '会议室', 'activityRoom.seats': 10, 'dutyHolders.channelAdmin': true },
    version: 0,
  }));
});
afterAll(async () => ctx?.close());

describe('starting a campaign', () => {
  it('only a work-committee admin starts one; bad input is a clear 400', async () => {
    expectError(await oa.post('/api/campaigns', { title: '阵地建设', standardVersionId: standardId, scopeOrgId: ids.A1, deadline: '2099-01-01' }), 403, 'FORBIDDEN');
    const e = expectError(await wc.post('/api/campaigns', { title: '阵地建设', standardVersionId: standardId, scopeOrgId: ids.A, deadline: '2000-01-01' }), 400, 'VALIDATION');
    expect(e.message).toContain('截止日期');
  });

  it('creates one assessment per organ committee and branch in scope, counted in the dashboard', async () => {
    const c = expectOk(await wc.post('/api/campaigns', { title: '2026 年阵地建设', standardVersionId: standardId, scopeOrgId: ids.A, deadline: '2099-06-30' }));
    campaignId = c.id;
    expect(c).toMatchObject({ assessmentCount: 4, acceptedCount: 0, status: 'active', scope: { id: ids.A } });
    const d = await dash(wc);
    expect(d.totals).toMatchObject({ not_started: 4, total: 4, accepted: 0 });
    expect(d.byChild.map((k: any) => [k.org.name, k.counts.total])).toEqual([['甲市财政局机关党委', 3], ['甲市教育局机关党委', 1]]);
    expect(d.burnUp).toHaveLength(1);
    expect(d.byTier.find((t: any) => t.tier === 2)?.counts.total).toBe(1);
  });
});

let aid = 0;
describe('self-assessment', () => {
  it('the secretary sees the tier 2 checklist with automatic checks filled from the base profile', async () => {
    const mine = expectOk(await b1.get('/api/me/assessments'));
    expect(mine.own).toHaveLength(1);
    aid = mine.own[0].id;
    const a = expectOk(await b1.get(`/api/assessments/${aid}`));
    expect(a).toMatchObject({ tier: 2, tierName: '二类阵地', status: 'not_started', can: { edit: true, submit: true, review: false } });
    expect(a.items.length).toBeGreaterThan(3);
    const withCheck = a.items.filter((i: any) => i.auto);
    expect(withCheck.length).toBeGreaterThan(0);
    for (const i of withCheck) for (const ch of i.auto.checks) expect(ch.looked.length + (ch.outcome === 'unknown' ? 1 : 0)).toBeGreaterThan(0);
  });

  it('a sibling branch cannot read it; the parent can read but not edit', async () => {
    expectError(await b2.get(`/api/assessments/${aid}`), 403, 'FORBIDDEN');
    const a = expectOk(await oa.get(`/api/assessments/${aid}`));
    expect(a.can).toMatchObject({ edit: false, review: false });
    const code = a.items[0].code;
    expectError(await oa.put(`/api/assessments/${aid}/items/${code}`, { selfResult: 'met', version: 0 }), 403, 'FORBIDDEN');
  });

  it('answers with evidence; not applicable needs a reason; stale versions are refused', async () => {
    let a = expectOk(await b1.get(`/api/assessments/${aid}`));
    const [first, second] = a.items;
    expectError(await b1.put(`/api/assessments/${aid}/items/${first.code}`, { selfResult: 'na', version: 0 }), 400, 'VALIDATION');
    a = expectOk(await b1.put(`/api/assessments/${aid}/items/${first.code}`, { selfResult: 'met', note: '已布置', version: first.version }));
    expect(a.status).toBe('in_progress');
    expectError(await b1.put(`/api/assessments/${aid}/items/${first.code}`, { selfResult: 'not_met', version: first.version }), 409, 'CONFLICT');
    const r = await upload(b1, `/api/assessments/${aid}/items/${first.code}/evidence`, await jpeg(), 'C:\\Users\\张三\\活动室.jpg');
    a = expectOk(r);
    const ev = a.items.find((i: any) => i.code === first.code).evidence[0];
    expect(ev).toMatchObject({ kind: 'photo', name: '活动室.jpg', mime: 'image/jpeg' });
    // The stored photo carries no EXIF (GPS) any more.
    const file = await b1.get(ev.fileUrl);
    expect(file.statusCode).toBe(200);
    expect(String(file.headers['content-disposition'])).toContain('attachment');
    const meta = await sharp(file.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect((await b1.get(ev.thumbUrl)).statusCode).toBe(200);
    expectError(await b2.get(ev.fileUrl), 403, 'FORBIDDEN');
    a = expectOk(await b1.put(`/api/assessments/${aid}/items/${second.code}`, { selfResult: 'na', naReason: '本支部无此条件', version: second.version }));
    expect(a.items.find((i: any) => i.code === second.code)).toMatchObject({ selfResult: 'na', naReason: '本支部无此条件' });
  });

  it('refuses a file whose content is not an allowed type, whatever its name', async () => {
    const a = expectOk(await b1.get(`/api/assessments/${aid}`));
    const code = a.items[0].code;
    const e = expectError(await upload(b1, `/api/assessments/${aid}/items/${code}/evidence`, Buffer.from('<script>alert(1)</script>'), '../../evil.jpg'), 415, 'UNSUPPORTED_MEDIA');
    expect(e.message).toContain('不支持');
  });

  it('cannot submit with required items unanswered; can once every required item has an answer', async () => {
    let a = expectOk(await b1.get(`/api/assessments/${aid}`));
    const e = expectError(await b1.post(`/api/assessments/${aid}/submit`, { version: a.version }), 400, 'VALIDATION');
    expect(e.details?.[0].message).toContain('未自评');
    // Items the automatic checks answered (some "not met": no wall photos yet) are confirmed by the person.
    for (const item of a.items.filter((i: any) => i.selfSource !== 'person')) {
      a = expectOk(await b1.put(`/api/assessments/${aid}/items/${item.code}`, { selfResult: 'met', version: item.version }));
    }
    a = expectOk(await b1.post(`/api/assessments/${aid}/submit`, { version: a.version }));
    expect(a.status).toBe('submitted');
    expect(a.can.edit).toBe(false);
    expect((await dash(wc)).totals).toMatchObject({ submitted: 1, in_progress: 0, not_started: 3 });
  });
});

describe('review, rectification and acceptance', () => {
  it('only the parent reviews; returning needs items with comments and a deadline', async () => {
    let a = expectOk(await oa.get(`/api/assessments/${aid}`));
    expect(a.can.review).toBe(true);
    expectError(await wc.post(`/api/assessments/${aid}/review`, { version: a.version, decision: 'accept' }), 403, 'FORBIDDEN');
    expectError(await oa.post(`/api/assessments/${aid}/review`, { version: a.version, decision: 'return', returned: [] }), 400, 'VALIDATION');
    const code = a.items[2].code;
    a = expectOk(await oa.post(`/api/assessments/${aid}/review`, {
      version: a.version, decision: 'return', returned: [{ code, comment: '照片不清晰，请重拍' }], rectificationDeadline: '2099-01-31', comment: '请整改',
    }));
    expect(a).toMatchObject({ status: 'returned', rectificationDeadline: '2099-01-31' });
    expect(a.items.find((i: any) => i.code === code)).toMatchObject({ reviewResult: 'returned', reviewComment: '照片不清晰，请重拍' });
    const d = await dash(wc);
    expect(d.totals.returned).toBe(1);
    expect(d.mostFailed[0]).toMatchObject({ code, failed: 1 });
    // The children's rows count per status too: the returned one sits under the finance committee.
    expect(d.byChild.map((k: any) => [k.org.name, k.counts.returned, k.counts.total])).toEqual([['甲市财政局机关党委', 1, 3], ['甲市教育局机关党委', 0, 1]]);
  });

  it('a second reviewer working from the old version gets a conflict, not an overwrite', async () => {
    const a = expectOk(await b1.get(`/api/assessments/${aid}`));
    const stale = a.version - 1;
    expectError(await oa.post(`/api/assessments/${aid}/review`, { version: stale, decision: 'accept' }), 409, 'CONFLICT');
    expect(a.status).toBe('returned');
  });

  it('the secretary cannot resubmit before touching the returned item, then fixes it and the parent accepts', async () => {
    let a = expectOk(await b1.get(`/api/assessments/${aid}`));
    const item = a.items.find((i: any) => i.reviewResult === 'returned');
    expect(item.todo.join()).toContain('照片不清晰');
    expectError(await b1.post(`/api/assessments/${aid}/submit`, { version: a.version }), 400, 'VALIDATION');
    ctx.clock.advance(60_000);
    a = expectOk(await upload(b1, `/api/assessments/${aid}/items/${item.code}/evidence`, await jpeg(), '重拍.png', 'image/png'));
    a = expectOk(await b1.post(`/api/assessments/${aid}/submit`, { version: a.version }));
    expect(a.status).toBe('submitted');
    const r1 = expectOk(await oa.get(`/api/assessments/${aid}`));
    a = expectOk(await oa.post(`/api/assessments/${aid}/review`, { version: r1.version, decision: 'accept' }));
    expect(a.status).toBe('accepted');
    // The same page sent again (another reviewer's stale copy): a conflict, and nothing changes.
    expectError(await oa.post(`/api/assessments/${aid}/review`, { version: r1.version, decision: 'accept' }), 409, 'CONFLICT');
    const d = await dash(wc);
    expect(d.totals).toMatchObject({ accepted: 1, returned: 0, submitted: 0 });
    expect(d.mostFailed).toHaveLength(0);
    expect(d.burnUp.at(-1)).toMatchObject({ accepted: 1, total: 4 });
    expect((await dash(oa, ids.A1)).totals).toMatchObject({ accepted: 1, total: 3 });
    const finance = d.byChild.find((k: any) => k.org.name === '甲市财政局机关党委').counts;
    expect(finance).toEqual({ not_started: 2, in_progress: 0, submitted: 0, returned: 0, accepted: 1, total: 3 });
    expect(a.history.map((h: any) => h.action)).toEqual(['start', 'submit', 'return', 'submit', 'accept']);
  });
});

describe('inspection', () => {
  it('an inspector overturns an accepted item, which sends the base back to rectification', async () => {
    const a0 = expectOk(await wc.get(`/api/assessments/${aid}`));
    expect(a0.can.inspect).toBe(true);
    const code = a0.items[0].code;
    expectError(await oa.post(`/api/assessments/${aid}/inspections`, { inspectedOn: '2026-01-02', summary: '现场查看', findings: [{ code, result: 'not_met' }] }), 403, 'FORBIDDEN');
    const r = expectOk(await wc.post(`/api/assessments/${aid}/inspections`, { inspectedOn: '2026-01-02', summary: '现场查看', findings: [{ code, result: 'not_met', note: '未见活动室标识' }] }));
    expect(r.assessment.status).toBe('returned');
    expect(r.assessment.items[0]).toMatchObject({ inspectionResult: 'not_met', finalResult: 'not_met' });
    expectOk(await upload(wc, `/api/inspections/${r.id}/photos`, await jpeg()));
    const d = await dash(wc);
    expect(d.totals).toMatchObject({ accepted: 0, returned: 1 });
  });
});

describe('drill-down and export', () => {
  it('lists the assessments behind a number and exports every table', async () => {
    const list = expectOk(await wc.get(`/api/campaigns/${campaignId}/assessments?status=not_started`));
    expect(list.total).toBe(3);
    const x = await wc.get(`/api/campaigns/${campaignId}/export`);
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
