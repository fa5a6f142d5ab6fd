// Chat-robot webhooks against a local receiver that fails first: settings per org (off by default, in scope, https
// only unless ZHENDI_WEBHOOK_ALLOW_HTTP), DingTalk and WeCom formats, the DingTalk signature, retries with backoff
// driven by the job runner and the test clock, giving up with a log, and the job lease held by one process at a time.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { expectError, expectOk } from './helpers.js';
import { createJobRunner } from '../src/platform/jobs.js';
import { dingtalkSign, robotPayload, webhookUrlProblem } from '../src/modules/notice/notice.robot.js';
import { MAX_ATTEMPTS, RETRY_MINUTES } from '../src/modules/notice/notice.webhook.js';
import { refreshAccountCounts } from '../src/modules/notice/notice.accounts.js';

interface Hit { url: string; body: any }
/** A robot endpoint on 127.0.0.1 that answers 500 to its first `failFirst` requests, then {"errcode":0}. */
async function receiver(failFirst: number) {
  const hits: Hit[] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => { data += c; });
    req.on('end', () => {
      hits.push({ url: req.url ?? '', body: JSON.parse(data) });
      n++;
      if (n <= failFirst) { res.statusCode = 500; res.end('busy'); return; }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { hits, url: (path: string) => `http://127.0.0.1:${port}${path}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let ctx: TestContext;
let wc: HttpClient; let b1: HttpClient; let b2: HttpClient; let m1: HttpClient; let m2: HttpClient; let m4: HttpClient;
const ids: Record<'A' | 'A1' | 'A1b' | 'A1c' | 'A1d', number> = {} as never;
const db = () => ctx.services.db.kysely;
const deliveries = () => db().selectFrom('notice_delivery').selectAll().orderBy('id').execute();
const SECRET = 'SECtest0123456789abcdef';

beforeAll(async () => {
  ctx = await createTestContext({ ZHENDI_WEBHOOK_ALLOW_HTTP: 'true' });
  const b = ctx.build;
  const A = await b.org({ parentId: null, name: '甲市直属机关工委' });
  const A1 = await b.org({ parentId: A.id, type: 'organ_committee', name: '甲市财政局机关党委' });
  const A1b = await b.org({ parentId: A1.id, type: 'branch', name: '财政局第一党支部' });
  const A1c = await b.org({ parentId: A1.id, type: 'branch', name: '财政局第二党支部' });
  const A1d = await b.org({ parentId: A1.id, type: 'branch', name: '财政局第三党支部' });
  Object.assign(ids, { A: A.id, A1: A1.id, A1b: A1b.id, A1c: A1c.id, A1d: A1d.id });
  await b.account({ username: 'wc', role: 'work_committee_admin', orgId: A.id });
  await b.account({ username: 'b1', role: 'org_admin', orgId: A1b.id });
  await b.account({ username: 'b2', role: 'org_admin', orgId: A1c.id });
  // Members with accounts: two in the first branch, one in the second (reach for the reminder test).
  for (const [username, orgId] of [['m1', A1b.id], ['m2', A1b.id], ['m4', A1c.id]] as const) {
    const m = await b.member(orgId, { name: `党员${username}`, post: null });
    await b.account({ username, role: 'member', orgId, memberId: m.id });
  }
  await refreshAccountCounts(db(), [A1b.id, A1c.id]); // the factory writes accounts directly
  [wc, b1, b2, m1, m2, m4] = await Promise.all(['wc', 'b1', 'b2', 'm1', 'm2', 'm4'].map((u) => ctx.as(u)));
});
afterAll(async () => ctx?.close());

describe('formats and rules (pure)', () => {
  it('signs DingTalk requests as documented: base64 HMAC-SHA256 of "timestamp\\nsecret"', () => {
    // Reference value computed independently: echo -ne "1700000000000\nSECabc" | openssl dgst -sha256 -hmac SECabc -binary | base64
    expect(dingtalkSign('SECabc', 1700000000000)).toBe('jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM=');
  });
  it('builds DingTalk and WeCom markdown bodies', () => {
    const n = { title: '通知标题', body: '第一行\n第二行', kind: 'work', senderOrgName: '某党委' };
    const d = robotPayload('dingtalk', n) as any;
    expect(d.msgtype).toBe('markdown');
    expect(d.markdown.title).toBe('通知标题');
    expect(d.markdown.text).toContain('第一行  \n第二行');
    const w = robotPayload('wecom', { ...n, body: '长'.repeat(5000) }) as any;
    expect(Object.keys(w.markdown)).toEqual(['content']);
    expect(Buffer.byteLength(w.markdown.content)).toBeLessThanOrEqual(4096);
  });
  it('allows https only, and http to the loopback address only when the flag is on', () => {
    expect(webhookUrlProblem('https://oapi.dingtalk.com/robot/send?access_token=x', false)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:9/hook', false)).toMatch(/https/);
    expect(webhookUrlProblem('http://127.0.0.1:9/hook', true)).toBeNull();
    expect(webhookUrlProblem('http://10.0.0.5/hook', true)).toMatch(/https/);
    expect(webhookUrlProblem('https://user:pw@example.com/', false)).not.toBeNull();
    expect(webhookUrlProblem('file:///etc/passwd', true)).not.toBeNull();
    expect(webhookUrlProblem('不是网址', true)).not.toBeNull();
  });
});

describe('settings per org', () => {
  it('is off by default and set by the org admin or an ancestor admin, not a sibling', async () => {
    expect(expectOk(await b1.get(`/api/notice-webhooks/${ids.A1b}`))).toMatchObject({ configured: false, enabled: false, version: 0 });
    expectError(await b2.get(`/api/notice-webhooks/${ids.A1b}`), 403, 'FORBIDDEN');
    expectError(await b2.put(`/api/notice-webhooks/${ids.A1b}`, { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/x', enabled: true, version: 0 }), 403, 'FORBIDDEN');
    expectError(await b1.put(`/api/notice-webhooks/${ids.A1b}`, { kind: 'dingtalk', url: 'http://example.com/hook', enabled: true, version: 0 }), 400, 'VALIDATION');
    expectError(await b1.put(`/api/notice-webhooks/${ids.A1b}`, { kind: 'dingtalk', enabled: true, version: 0 }), 400, 'VALIDATION');
  });
  it('stores the URL and secret encrypted and shows them masked; stale versions conflict', async () => {
    const w = expectOk(await b1.put(`/api/notice-webhooks/${ids.A1b}`, { kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789', secret: SECRET, enabled: false, version: 0 }));
    expect(w).toMatchObject({ configured: true, kind: 'dingtalk', hasSecret: true, enabled: false, version: 1 });
    expect(w.urlMasked).toBe('https://oapi.dingtalk.com/robot/send?access_token=abcd****6789');
    const row = await db().selectFrom('notice_webhook').selectAll().where('org_id', '=', ids.A1b).executeTakeFirstOrThrow();
    expect(row.url_enc).not.toContain('abcdef0123456789');
    expect(row.secret_enc).not.toContain(SECRET);
    expectError(await b1.put(`/api/notice-webhooks/${ids.A1b}`, { kind: 'dingtalk', enabled: true, version: 0 }), 409, 'CONFLICT');
    const audit = await db().selectFrom('audit_log').select('detail').where('action', '=', 'notice.webhook').execute();
    expect(audit.length).toBe(1);
    expect(audit[0].detail).not.toContain(SECRET);
  });
});

describe('delivery with retries', () => {
  it('posts to every enabled robot under the targets, retries failures with backoff, and logs each attempt', async () => {
    const rx = await receiver(2);
    try {
      let v = expectOk(await b1.get(`/api/notice-webhooks/${ids.A1b}`)).version;
      expectOk(await b1.put(`/api/notice-webhooks/${ids.A1b}`, { kind: 'dingtalk', url: rx.url('/robot/send?access_token=tok1'), enabled: true, version: v }));
      expectOk(await b2.put(`/api/notice-webhooks/${ids.A1c}`, { kind: 'wecom', url: rx.url('/cgi-bin/webhook/send?key=k2'), enabled: true, version: 0 }));
      // A configured but disabled robot gets nothing.
      expectOk(await wc.put(`/api/notice-webhooks/${ids.A1d}`, { kind: 'wecom', url: rx.url('/disabled'), enabled: false, version: 0 }));
      v = 0;
      const n = expectOk(await wc.post('/api/notices', {
        senderOrgId: ids.A, kind: 'work', audience: 'all', title: '关于开展主题党日的通知', body: '时间：周五下午\n地点：活动室', targets: [{ orgId: ids.A1, subtree: true }],
      }));
      let rows = await deliveries();
      expect(rows.map((r) => [r.org_id, r.kind, r.status])).toEqual([[ids.A1b, 'dingtalk', 'pending'], [ids.A1c, 'wecom', 'pending']].sort((a, b) => Number(a[0]) - Number(b[0])));
      const jobs = ctx.services.jobs;
      expect(await jobs.runOnce()).toBe(true); // both fail (500)
      rows = await deliveries();
      expect(rows.map((r) => [r.status, r.attempts, r.http_status])).toEqual([['pending', 1, 500], ['pending', 1, 500]]);
      expect(rows[0].error).toContain('HTTP 500');
      expect(Date.parse(rows[0].next_attempt_at!) - ctx.clock.now().getTime()).toBe(RETRY_MINUTES[0] * 60_000);
      await jobs.runOnce(); // not due yet: nothing sent
      expect(rx.hits.length).toBe(2);
      ctx.clock.advance(RETRY_MINUTES[0] * 60_000);
      await jobs.runOnce();
      rows = await deliveries();
      expect(rows.map((r) => [r.status, r.attempts, r.http_status, r.error])).toEqual([['sent', 2, 200, null], ['sent', 2, 200, null]]);
      expect(rx.hits.length).toBe(4);
      expect(rx.hits.some((h) => h.url.startsWith('/disabled'))).toBe(false);
      const ding = rx.hits.filter((h) => h.url.startsWith('/robot/send'));
      const wecom = rx.hits.filter((h) => h.url.startsWith('/cgi-bin'));
      expect(ding[1].body).toMatchObject({ msgtype: 'markdown', markdown: { title: '关于开展主题党日的通知' } });
      expect(ding[1].body.markdown.text).toContain('时间：周五下午');
      expect(wecom[1].body.msgtype).toBe('markdown');
      expect(wecom[1].body.markdown.content).toContain('**关于开展主题党日的通知**');
      // The DingTalk signature checks out against the stored secret.
      const u = new URL(`http://x${ding[1].url}`);
      const ts = Number(u.searchParams.get('timestamp'));
      expect(ts).toBe(ctx.clock.now().getTime());
      expect(u.searchParams.get('sign')).toBe(dingtalkSign(SECRET, ts));
      expect(u.searchParams.get('access_token')).toBe('tok1');
      // The log the org admin sees.
      const log = expectOk(await b1.get(`/api/notice-webhooks/${ids.A1b}/deliveries`));
      expect(log.items[0]).toMatchObject({ noticeId: n.id, noticeTitle: '关于开展主题党日的通知', status: 'sent', attempts: 2, httpStatus: 200, kind: 'dingtalk' });
      expectError(await b2.get(`/api/notice-webhooks/${ids.A1b}/deliveries`), 403, 'FORBIDDEN');
    } finally { await rx.close(); }
  });

  it('gives up after the last attempt and says why', async () => {
    const rx = await receiver(1000);
    try {
      const v = expectOk(await b2.get(`/api/notice-webhooks/${ids.A1c}`)).version;
      expectOk(await b2.put(`/api/notice-webhooks/${ids.A1c}`, { kind: 'wecom', url: rx.url('/always-busy'), enabled: true, version: v }));
      const n = expectOk(await b2.post('/api/notices', {
        senderOrgId: ids.A1c, kind: 'theory', audience: 'all', title: '学习材料', body: '请学习', targets: [{ orgId: ids.A1c, subtree: false }],
      }));
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        await ctx.services.jobs.runOnce();
        ctx.clock.advance(RETRY_MINUTES[Math.min(i, RETRY_MINUTES.length - 1)] * 60_000);
      }
      const d = (await deliveries()).find((r) => r.notice_id === n.id)!;
      expect(d).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, http_status: 500, next_attempt_at: null });
      await ctx.services.jobs.runOnce();
      expect(rx.hits.length).toBe(MAX_ATTEMPTS);
    } finally { await rx.close(); }
  });
});

describe('reminders through the robots', () => {
  it('go to the robots of the orgs that still have unread members, saying how many', async () => {
    const rx = await receiver(0);
    // The retry tests moved the clock by hours: sign in again.
    [wc, b1, b2, m1, m2, m4] = await Promise.all(['wc', 'b1', 'b2', 'm1', 'm2', 'm4'].map((u) => ctx.as(u)));
    try {
      const point = async (c: HttpClient, orgId: number, kind: 'dingtalk' | 'wecom', path: string) => {
        const v = expectOk(await c.get(`/api/notice-webhooks/${orgId}`)).version;
        expectOk(await c.put(`/api/notice-webhooks/${orgId}`, { kind, url: rx.url(path), enabled: true, version: v }));
      };
      await point(b1, ids.A1b, 'dingtalk', '/ding');
      await point(b2, ids.A1c, 'wecom', '/wecom');
      const n = expectOk(await wc.post('/api/notices', {
        senderOrgId: ids.A, kind: 'activity', audience: 'all', title: '关于参加七一主题党日活动的通知', body: '七月一日上午九点，活动室集合。', targets: [{ orgId: ids.A1, subtree: true }],
      }));
      await ctx.services.jobs.runOnce();
      expect(rx.hits.map((h) => h.url.split('?')[0]).sort()).toEqual(['/ding', '/wecom']);
      expectOk(await m4.post(`/api/inbox/${n.id}/open`)); // the second branch has read it all

      const r = expectOk(await wc.post(`/api/notices/${n.id}/remind`, {}));
      expect(r).toMatchObject({ ok: true, remindCount: 1, robots: 1 });
      const queued = (await deliveries()).filter((d) => d.notice_id === n.id && d.remind_id !== null);
      expect(queued.map((d) => [d.org_id, d.status])).toEqual([[ids.A1b, 'pending']]);
      expectOk(await m1.post(`/api/inbox/${n.id}/open`)); // one more reads before the robot posts: the count is current
      await ctx.services.jobs.runOnce();
      expect(rx.hits.length).toBe(3);
      const reminder = rx.hits[2];
      expect(reminder.url.startsWith('/ding')).toBe(true);
      expect(reminder.body.markdown.title).toBe('【提醒】关于参加七一主题党日活动的通知');
      expect(reminder.body.markdown.text).toContain('本组织还有 1 名党员未读');
      expect(reminder.body.markdown.text).toContain('七月一日上午九点');
      const log = expectOk(await b1.get(`/api/notice-webhooks/${ids.A1b}/deliveries`));
      expect(log.items.slice(0, 2).map((d: { reminder: boolean; status: string }) => [d.reminder, d.status])).toEqual([[true, 'sent'], [false, 'sent']]);

      // Reminding one org whose members have all read it posts nothing; nor does a disabled robot.
      expect(expectOk(await wc.post(`/api/notices/${n.id}/remind`, { orgId: ids.A1c }))).toMatchObject({ remindCount: 2, robots: 0 });
      const v = expectOk(await b1.get(`/api/notice-webhooks/${ids.A1b}`)).version;
      expectOk(await b1.put(`/api/notice-webhooks/${ids.A1b}`, { kind: 'dingtalk', enabled: false, version: v }));
      expect(expectOk(await wc.post(`/api/notices/${n.id}/remind`, {}))).toMatchObject({ remindCount: 3, robots: 0 });
      await ctx.services.jobs.runOnce();
      expect(rx.hits.length).toBe(3);
      expectOk(await m2.post(`/api/inbox/${n.id}/open`));
    } finally { await rx.close(); }
  });
});

describe('the job lease', () => {
  it('lets one process run the jobs; another takes over only when the lease expires or is given up', async () => {
    let ranA = 0; let ranB = 0;
    const a = createJobRunner({ db: db(), clock: ctx.clock, holder: 'proc-a', leaseMs: 60_000, jobs: [{ name: 'count', run: async () => { ranA++; } }], log: () => {} });
    const b = createJobRunner({ db: db(), clock: ctx.clock, holder: 'proc-b', leaseMs: 60_000, jobs: [{ name: 'count', run: async () => { ranB++; } }], log: () => {} });
    // The app's own runner may hold it from the tests above: let that lease lapse first.
    ctx.clock.advance(10 * 60_000);
    expect(await a.runOnce()).toBe(true);
    expect(await b.runOnce()).toBe(false);
    expect(await a.runOnce()).toBe(true); // renews
    ctx.clock.advance(30_000);
    expect(await b.runOnce()).toBe(false); // still held
    ctx.clock.advance(61_000);
    expect(await b.runOnce()).toBe(true); // expired: b takes over
    expect(await a.runOnce()).toBe(false);
    await b.stop(); // gives it up
    expect(await a.runOnce()).toBe(true);
    expect([ranA, ranB]).toEqual([3, 1]);
    const lease = await db().selectFrom('job_lease').selectAll().execute();
    expect(lease).toEqual([{ name: 'jobs', holder: 'proc-a', expires_at: new Date(ctx.clock.now().getTime() + 60_000).toISOString() }]);
    await a.stop();
  });
  it('logs a failing job and keeps going', async () => {
    const errors: string[] = [];
    let ran = 0;
    ctx.clock.advance(10 * 60_000);
    const r = createJobRunner({ db: db(), clock: ctx.clock, holder: 'proc-c', jobs: [{ name: 'boom', run: async () => { throw new Error('x'); } }, { name: 'ok', run: async () => { ran++; } }], log: (m) => errors.push(m) });
    expect(await r.runOnce()).toBe(true);
    expect(ran).toBe(1);
    expect(errors[0]).toContain('boom');
    await r.stop();
  });
});
