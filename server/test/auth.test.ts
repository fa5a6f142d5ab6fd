// Login, lockout, first-login password change, session timeouts, logout and CSRF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from './context.js';
import { ensureAdmin } from '../src/modules/account/account.service.js';

let ctx: TestContext;
let orgId: number;
beforeAll(async () => {
  ctx = await createTestContext();
  orgId = (await ctx.build.org({ parentId: null })).id;
});
afterAll(async () => ctx?.close());

const audits = (action: string, result?: string) => {
  let q = ctx.services.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (result) q = q.where('result', '=', result);
  return q.orderBy('id', 'desc').execute();
};

describe('login', () => {
  it('sets an HttpOnly SameSite session cookie and answers who is logged in, with a CSRF token', async () => {
    await ctx.build.account({ username: 'alice', role: 'org_admin', orgId });
    const c = ctx.client();
    const r = await c.login('alice', TEST_PASSWORD);
    expect(r.statusCode).toBe(200);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/zhendi_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(r.json()).toMatchObject({ username: 'alice', role: 'org_admin', orgId, mustChangePassword: false });
    expect(r.json().csrfToken).toMatch(/^[\w-]{16,}$/);
    const me = await c.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('alice');
  });

  it('lets several people log in at the same moment (password checks wait their turn), each with their own session', async () => {
    const names = ['rush1', 'rush2', 'rush3', 'rush4', 'rush5', 'rush6'];
    for (const username of names) await ctx.build.account({ username, role: 'org_admin', orgId });
    const [wrong, ...right] = await Promise.all([
      ctx.client().login('rush1', 'Wrong@pass1'),
      ...names.map((n) => ctx.client().login(n, TEST_PASSWORD)),
    ]);
    expect(wrong.statusCode).toBe(401);
    expect(right.map((r) => r.statusCode)).toEqual(names.map(() => 200));
    expect(right.map((r) => r.json().username)).toEqual(names);
    expect(new Set(right.map((r) => String(r.headers['set-cookie']))).size).toBe(names.length);
  });

  it('stores only a hash of the session token', async () => {
    const c = await ctx.as('alice');
    const token = c.cookie!.split('=')[1];
    const rows = await ctx.services.db.kysely.selectFrom('session').select('id').execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses a wrong password with a Chinese message and audits the failure', async () => {
    await ctx.build.account({ username: 'bob', role: 'org_admin', orgId });
    const r = await ctx.client().login('bob', 'Wrong@pass1');
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('BAD_CREDENTIALS');
    expect(r.json().message).toContain('用户名或密码错误');
    const rows = await audits('auth.login', 'failed');
    expect(rows.some((a) => a.actor_name === 'bob')).toBe(true);
  });

  it('an unknown user gets the same answer as a wrong password', async () => {
    const r = await ctx.client().login('nobody', 'Wrong@pass1');
    expect(r.statusCode).toBe(401);
    expect(r.json().message).toBe('用户名或密码错误');
  });

  it('locks the account for 30 minutes after 5 failures, even for the right password, then lets it in', async () => {
    await ctx.build.account({ username: 'carol', role: 'org_admin', orgId });
    for (let i = 0; i < 4; i++) expect((await ctx.client().login('carol', 'Wrong@pass1')).statusCode).toBe(401);
    const fifth = await ctx.client().login('carol', 'Wrong@pass1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const locked = await ctx.client().login('carol', TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().message).toContain('锁定');
    ctx.clock.advance(31 * 60_000);
    expect((await ctx.client().login('carol', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a disabled account cannot log in', async () => {
    const id = await ctx.build.account({ username: 'dave', role: 'org_admin', orgId });
    await ctx.services.db.kysely.updateTable('account').set({ status: 'disabled' }).where('id', '=', id).execute();
    const r = await ctx.client().login('dave', TEST_PASSWORD);
    expect(r.statusCode).toBe(401);
    expect(r.json().message).toContain('停用');
  });
});

describe('first login', () => {
  it('the first start creates admin, who must change the password before anything else', async () => {
    expect(await ensureAdmin(ctx.services.db.kysely, ctx.clock, 'First@2026pw')).toBe(true);
    expect(await ensureAdmin(ctx.services.db.kysely, ctx.clock, 'Other@2026pw')).toBe(false);
    const c = ctx.client();
    const r = await c.login('admin', 'First@2026pw');
    expect(r.statusCode).toBe(200);
    expect(r.json().mustChangePassword).toBe(true);
    const blocked = await c.get('/api/orgs/roots');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    // Policy: length, then classes, then not the same as before.
    const short = await c.post('/api/auth/password', { currentPassword: 'First@2026pw', newPassword: 'Ab1!' });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('至少 8 位');
    const weak = await c.post('/api/auth/password', { currentPassword: 'First@2026pw', newPassword: 'abcdefghij' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    const wrong = await c.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'Better@2026pw' });
    expect(wrong.statusCode).toBe(400);
    const ok = await c.post('/api/auth/password', { currentPassword: 'First@2026pw', newPassword: 'Better@2026pw' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mustChangePassword).toBe(false);
    expect((await c.get('/api/orgs/roots')).statusCode).toBe(200);
    expect((await ctx.client().login('admin', 'First@2026pw')).statusCode).toBe(401);
    expect((await ctx.client().login('admin', 'Better@2026pw')).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('ends after 30 idle minutes', async () => {
    await ctx.build.account({ username: 'erin', role: 'org_admin', orgId });
    const c = await ctx.as('erin');
    ctx.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200); // activity keeps it alive
    ctx.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(31 * 60_000);
    const r = await c.get('/api/auth/me');
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('SESSION_EXPIRED');
  });

  it('ends after 12 hours even when active', async () => {
    const c = await ctx.as('erin');
    for (let i = 0; i < 25; i++) {
      ctx.clock.advance(29 * 60_000);
      const r = await c.get('/api/auth/me');
      if (i < 24) expect(r.statusCode, `step ${i}`).toBe(200);
      else expect(r.statusCode).toBe(401);
    }
  });

  it('logout ends the session on the server', async () => {
    const c = await ctx.as('erin');
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    c.cookie = cookie; // a copied cookie is worthless after logout
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    expect((await audits('auth.logout')).length).toBeGreaterThan(0);
  });

  it('a state change without the CSRF token is refused and changes nothing', async () => {
    const c = await ctx.as('erin');
    c.csrf = 'forged';
    const r = await c.post('/api/orgs', { parentId: orgId, type: 'organ_committee', name: '不应创建的组织' });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('CSRF');
    const found = await ctx.services.db.kysely.selectFrom('org').select('id').where('name', '=', '不应创建的组织').execute();
    expect(found).toHaveLength(0);
  });

  it('a successful login is audited with IP and request id', async () => {
    await ctx.as('erin');
    const [row] = await audits('auth.login', 'ok');
    expect(row.actor_name).toContain('erin');
    expect(row.ip).toBeTruthy();
    expect(row.request_id).toBeTruthy();
  });
});

describe('login rate limit', () => {
  it('answers 429 in Chinese past the per-minute limit', async () => {
    const limited = await createTestContext({ ZHENDI_LOGIN_RATE_LIMIT: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.client().login('x', 'y')).statusCode);
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[4]).toBe(429);
      const r = await limited.client().login('x', 'y');
      expect(r.json().message).toContain('频繁');
    } finally {
      await limited.close();
    }
  });
});
