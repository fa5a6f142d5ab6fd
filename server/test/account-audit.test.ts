// Accounts (create, disable, unlock, reset) and the audit trail (append-only, search, keyset paging,
// tree isolation, export) over HTTP.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type HttpClient, type TestContext } from './context.js';
import { countRows, expectError, expectOk, readWorkbook, sheetRows } from './helpers.js';
import type { AuditEntry } from '../../contracts/schemas.js';

let ctx: TestContext;
let sys: HttpClient;
let wcA: HttpClient;
let oa: HttpClient;
let wcB: HttpClient;
const o: Record<string, number> = {};
const acct: Record<string, number> = {};
const m: Record<string, number> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  o.A = (await b.org({ parentId: null, name: '甲市直属机关工委', code: 'A' })).id;
  o.A1 = (await b.org({ parentId: o.A, type: 'organ_committee', name: '甲市财政局机关党委' })).id;
  o.A1b = (await b.org({ parentId: o.A1, type: 'branch', name: '财政局第一党支部' })).id;
  o.B = (await b.org({ parentId: null, name: '乙县直属机关工委', code: 'B' })).id;
  o.B1b = (await b.org({ parentId: o.B, type: 'branch', name: '乙县财政局党支部' })).id;
  m.A1b = (await b.member(o.A1b, { name: '甲支部党员' })).id;
  m.B1b = (await b.member(o.B1b, { name: '乙支部党员' })).id;
  acct.sys = await b.account({ username: 'sys', role: 'work_committee_admin', orgId: null });
  acct.wca = await b.account({ username: 'wca', role: 'work_committee_admin', orgId: o.A });
  acct.oa = await b.account({ username: 'oa', role: 'org_admin', orgId: o.A1 });
  acct.wcb = await b.account({ username: 'wcb', role: 'work_committee_admin', orgId: o.B });
  sys = await ctx.as('sys');
  wcA = await ctx.as('wca');
  oa = await ctx.as('oa');
  wcB = await ctx.as('wcb');
});
afterAll(async () => ctx?.close());

const db = () => ctx.services.db.kysely;
const account = (id: number) => db().selectFrom('account').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const login = (username: string, password: string) => ctx.client().login(username, password);
const create = (c: HttpClient, over: Record<string, unknown>) =>
  c.post('/api/accounts', { username: 'newadmin', displayName: '新管理员', role: 'org_admin', orgId: o.A1, initialPassword: 'Init@2026pw', ...over });
const listed = async (c: HttpClient, username: string) =>
  (expectOk(await c.get(`/api/accounts?q=${username}`)).items as { username: string; id: number; version: number; locked: boolean; status: string }[])
    .find((a) => a.username === username)!;

describe('creating accounts', () => {
  it('enforces the password policy with PASSWORD_POLICY and a Chinese message, writing nothing', async () => {
    const before = await countRows(db(), 'account');
    const cases: [string, string][] = [
      ['Ab1!xyz', '密码长度至少 8 位'],
      ['abcdefgh12', '密码须包含大写字母、小写字母、数字、符号中的至少 3 类'],
      ['Newadmin@2026', '密码不能包含用户名'],
    ];
    for (const [pw, message] of cases) {
      expect(expectError(await create(wcA, { initialPassword: pw }), 400, 'PASSWORD_POLICY').message).toBe(message);
    }
    expect(await countRows(db(), 'account')).toBe(before);

    const a = expectOk(await create(wcA, {}));
    expect(a).toMatchObject({ username: 'newadmin', displayName: '新管理员', role: 'org_admin', orgId: o.A1, orgName: '甲市财政局机关党委', status: 'active', locked: false, mustChangePassword: true });
    expect((await account(a.id)).password_hash).not.toContain('Init@2026pw');
    const first = await login('newadmin', 'Init@2026pw');
    expect(first.statusCode).toBe(200);
    expect(first.json().mustChangePassword).toBe(true);

    const dup = expectError(await create(wcA, { displayName: '另一个人' }), 400, 'VALIDATION');
    expect(dup.message).toBe('用户名“newadmin”已被使用');
    expect(dup.details).toEqual([{ field: 'username', message: '用户名已被使用' }]);
    expect(await countRows(db(), 'account')).toBe(before + 1);
  });

  it('keeps roles in their place: org admins make no work-committee admins, those sit at a root', async () => {
    const before = await countRows(db(), 'account');
    const e = expectError(await create(oa, { username: 'climber', role: 'work_committee_admin', orgId: o.A1 }), 403, 'FORBIDDEN');
    expect(e.message).toBe('只有工委管理员可以创建工委管理员账号');
    expect(expectError(await create(wcA, { username: 'misplaced', role: 'work_committee_admin', orgId: o.A1 }), 400, 'VALIDATION').message)
      .toBe('工委管理员账号须归属于机关工委（顶级组织）');
    expectError(await create(oa, { username: 'elsewhere', orgId: o.B1b }), 403, 'FORBIDDEN');
    expect(await countRows(db(), 'account')).toBe(before);
    expect(expectOk(await create(wcA, { username: 'deputy', role: 'work_committee_admin', orgId: o.A })).role).toBe('work_committee_admin');
  });

  it('binds a member account to a member in the actor\'s scope, at the member\'s own org', async () => {
    const before = await countRows(db(), 'account');
    const none = expectError(await create(oa, { username: 'nomember', role: 'member' }), 400, 'VALIDATION');
    expect(none.message).toBe('党员账号须关联一名党员');
    for (const memberId of [m.B1b, 999_999]) {
      expect(expectError(await create(oa, { username: 'stranger', role: 'member', memberId }), 400, 'VALIDATION').message)
        .toBe('所选党员不存在或不在您的管理范围内');
    }
    expect(await countRows(db(), 'account')).toBe(before);
    const a = expectOk(await create(oa, { username: 'memberacct', displayName: '甲支部党员', role: 'member', orgId: o.A1, memberId: m.A1b }));
    expect(a).toMatchObject({ role: 'member', memberId: m.A1b, orgId: o.A1b, orgName: '财政局第一党支部' });
  });

  it('links an admin account only to a member in the actor\'s scope (the link opens that member\'s profile)', async () => {
    const before = await countRows(db(), 'account');
    // Linked to another root's member, the new account's own profile page would show that member in full.
    const e = expectError(await create(oa, { username: 'linked', role: 'org_admin', orgId: o.A1, memberId: m.B1b }), 400, 'VALIDATION');
    expect(e.message).toBe('所选党员不存在或不在您的管理范围内');
    expect(await countRows(db(), 'account')).toBe(before);

    // One account per member: a member who already has one cannot be linked again.
    expect(expectError(await create(oa, { username: 'linked', role: 'org_admin', orgId: o.A1, memberId: m.A1b }), 400, 'VALIDATION').message).toContain('已有账号');
    const fresh = (await ctx.build.member(o.A1b, { name: '新链接党员' })).id;
    const a = expectOk(await create(oa, { username: 'linked', role: 'org_admin', orgId: o.A1, memberId: fresh }));
    expect(a).toMatchObject({ role: 'org_admin', orgId: o.A1, memberId: fresh });
    const c = ctx.client();
    await c.login('linked', 'Init@2026pw');
    expectOk(await c.post('/api/auth/password', { currentPassword: 'Init@2026pw', newPassword: 'Own@2026pw!' }));
    expect(expectOk(await c.get('/api/me/profile')).member.id).toBe(fresh);
  });
});

describe('managing accounts', () => {
  it('disabling an account ends its sessions and stops its logins', async () => {
    const id = await ctx.build.account({ username: 'leaver', role: 'org_admin', orgId: o.A1b });
    const c = await ctx.as('leaver');
    expectOk(await c.get('/api/auth/me'));
    const v = (await listed(wcA, 'leaver')).version;
    expectError(await wcA.patch(`/api/accounts/${id}`, { status: 'disabled', version: v + 3 }), 409, 'CONFLICT');
    expectOk(await c.get('/api/auth/me')); // the stale attempt changed nothing

    const off = expectOk(await wcA.patch(`/api/accounts/${id}`, { status: 'disabled', version: v }));
    expect(off).toMatchObject({ status: 'disabled', version: v + 1 });
    expectError(await c.get('/api/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await c.get('/api/orgs/roots'), 401, 'UNAUTHENTICATED');
    expect(await db().selectFrom('session').select('id').where('account_id', '=', id).execute()).toEqual([]);
    const refused = await login('leaver', TEST_PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ code: 'BAD_CREDENTIALS', message: '该账号已停用，请联系管理员' });
    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'account.update').where('target_id', '=', String(id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(acct.wca);

    expectOk(await wcA.patch(`/api/accounts/${id}`, { status: 'active', version: v + 1 }));
    expect((await login('leaver', TEST_PASSWORD)).statusCode).toBe(200);
    // Nobody disables themselves by accident.
    expectError(await wcA.patch(`/api/accounts/${acct.wca}`, { status: 'disabled', version: (await account(acct.wca)).version }), 400, 'VALIDATION');
  });

  it('unlocking clears a lockout after too many wrong passwords', async () => {
    const id = await ctx.build.account({ username: 'clumsy', role: 'org_admin', orgId: o.A1b });
    for (let i = 0; i < 4; i++) expect((await login('clumsy', 'Wrong@2026pw')).json().code).toBe('BAD_CREDENTIALS');
    const fifth = await login('clumsy', 'Wrong@2026pw');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const right = await login('clumsy', TEST_PASSWORD);
    expect(right.statusCode).toBe(423); // locked even with the right password
    const row = await listed(oa, 'clumsy');
    expect(row.locked).toBe(true);

    const unlocked = expectOk(await oa.patch(`/api/accounts/${id}`, { unlock: true, version: row.version }));
    expect(unlocked.locked).toBe(false);
    expect((await account(id)).failed_attempts).toBe(0);
    expect((await login('clumsy', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a reset password must be changed at the next login before anything else', async () => {
    const id = await ctx.build.account({ username: 'forgetful', role: 'org_admin', orgId: o.A1b });
    const old = await ctx.as('forgetful');
    expect(expectError(await wcA.post(`/api/accounts/${id}/reset-password`, { newPassword: 'weak' }), 400, 'PASSWORD_POLICY').message).toBe('密码长度至少 8 位');
    expectOk(await old.get('/api/auth/me')); // a refused reset changes nothing

    expect(expectOk(await wcA.post(`/api/accounts/${id}/reset-password`, { newPassword: 'Reset@2026pw' }))).toEqual({ ok: true });
    expectError(await old.get('/api/auth/me'), 401, 'UNAUTHENTICATED'); // sessions end with the reset
    expect((await login('forgetful', TEST_PASSWORD)).json().code).toBe('BAD_CREDENTIALS');

    const c = ctx.client();
    const me = await c.login('forgetful', 'Reset@2026pw');
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);
    for (const url of ['/api/orgs/roots', '/api/members', `/api/orgs/${o.A1b}`]) {
      expect(expectError(await c.get(url), 403, 'PASSWORD_CHANGE_REQUIRED').message).toBe('首次登录或密码已被重置，请先修改密码');
    }
    expectError(await c.post('/api/orgs', { parentId: o.A1b, type: 'group', name: '偷偷建的党小组' }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect(expectOk(await c.get('/api/auth/me')).mustChangePassword).toBe(true);
    expectError(await c.post('/api/auth/password', { currentPassword: 'Reset@2026pw', newPassword: 'Reset@2026pw' }), 400, 'PASSWORD_POLICY');
    expectError(await c.post('/api/auth/password', { currentPassword: 'Reset@2026pw', newPassword: 'short' }), 400, 'PASSWORD_POLICY');
    expectError(await c.post('/api/auth/password', { currentPassword: 'Wrong@2026pw', newPassword: 'Mine@2026pw!' }), 400, 'VALIDATION');

    const changed = expectOk(await c.post('/api/auth/password', { currentPassword: 'Reset@2026pw', newPassword: 'Mine@2026pw!' }));
    expect(changed.mustChangePassword).toBe(false);
    expect((expectOk(await c.get('/api/orgs/roots')) as { id: number }[]).map((r) => r.id)).toEqual([o.A1b]);
    expect((await login('forgetful', 'Mine@2026pw!')).statusCode).toBe(200);
  });

  it('an org admin cannot reset a work-committee admin or the system administrator', async () => {
    const before = [(await account(acct.wca)).password_hash, (await account(acct.sys)).password_hash];
    expectError(await oa.post(`/api/accounts/${acct.wca}/reset-password`, { newPassword: 'Takeover@2026' }), 403, 'FORBIDDEN');
    expectError(await oa.post(`/api/accounts/${acct.sys}/reset-password`, { newPassword: 'Takeover@2026' }), 403, 'FORBIDDEN');
    expectError(await wcA.post(`/api/accounts/${acct.sys}/reset-password`, { newPassword: 'Takeover@2026' }), 403, 'FORBIDDEN');
    expectError(await wcA.post(`/api/accounts/${acct.wcb}/reset-password`, { newPassword: 'Takeover@2026' }), 403, 'FORBIDDEN');
    expect([(await account(acct.wca)).password_hash, (await account(acct.sys)).password_hash]).toEqual(before);
  });
});

describe('the audit trail', () => {
  /** Every entry the client may read for this query, following nextBeforeId to the end. */
  async function all(c: HttpClient, query = ''): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    let before: number | null = null;
    for (let i = 0; i < 100; i++) {
      const page = expectOk(await c.get(`/api/audit?pageSize=100${query}${before ? `&beforeId=${before}` : ''}`));
      out.push(...page.items);
      before = page.nextBeforeId;
      if (before === null) return out;
    }
    throw new Error('too many pages');
  }

  it('cannot be changed or deleted, not even directly in the database', async () => {
    const row = await db().selectFrom('audit_log').selectAll().orderBy('id').limit(1).executeTakeFirstOrThrow();
    const n = await countRows(db(), 'audit_log');
    await expect(db().updateTable('audit_log').set({ action: 'auth.logout', result: 'ok' }).where('id', '=', row.id).execute()).rejects.toThrow(/append-only/);
    await expect(db().deleteFrom('audit_log').where('id', '=', row.id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db())).rejects.toThrow(/append-only/);
    expect(await db().selectFrom('audit_log').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow()).toEqual(row);
    expect(await countRows(db(), 'audit_log')).toBe(n);
  });

  it('cannot be emptied with TRUNCATE on PostgreSQL either', async () => {
    if (ctx.services.db.dialect !== 'postgresql') return; // SQLite has no TRUNCATE; DELETE is refused above
    const n = await countRows(db(), 'audit_log');
    await expect(sql`truncate audit_log`.execute(db())).rejects.toThrow(/append-only/);
    expect(await countRows(db(), 'audit_log')).toBe(n);
  });

  it('searches by action, actor and result', async () => {
    const made = [expectOk(await create(wcA, { username: 'audited1' })).id, expectOk(await create(wcA, { username: 'audited2' })).id];
    expect((await login('wca', 'Wrong@2026pw')).statusCode).toBe(401);
    expectError(await wcA.get(`/api/orgs/${o.B}`), 403, 'FORBIDDEN');

    const created = await all(wcA, '&action=account.create');
    expect(created.every((e) => e.action === 'account.create')).toBe(true);
    expect(created.map((e) => e.targetId)).toEqual(expect.arrayContaining(made.map(String)));
    const byActor = await all(wcA, `&actor=${encodeURIComponent('wca姓名')}`);
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actorName === 'wca姓名（wca）')).toBe(true);
    expect(byActor.map((e) => e.targetId)).toEqual(expect.arrayContaining(made.map(String)));
    const failed = await all(wcA, '&result=failed');
    expect(failed.every((e) => e.result === 'failed')).toBe(true);
    expect(failed.some((e) => e.action === 'auth.login' && e.actorName === 'wca' && e.actorId === acct.wca)).toBe(true);
    const denied = await all(wcA, '&result=denied&action=access.denied');
    expect(denied.some((e) => e.actorId === acct.wca && e.targetType === 'org' && e.targetId === String(o.B))).toBe(true);
    const combined = await all(wcA, `&action=account.create&actor=wca&result=ok`);
    expect(combined.length).toBeGreaterThanOrEqual(2);
    expect(combined.every((e) => e.action === 'account.create' && e.result === 'ok' && e.actorName!.includes('wca'))).toBe(true);
    // Each entry says who, from where, in which request.
    const entry = created.find((e) => e.targetId === String(made[0]))!;
    expect(entry).toMatchObject({ actorId: acct.wca, actorRole: 'work_committee_admin', orgId: o.A1, result: 'ok' });
    expect(entry.ip).toBeTruthy();
    expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('pages by key: nextBeforeId leads to older entries without overlap', async () => {
    for (let i = 0; i < 12; i++) expectOk(await wcA.get(`/api/members/${m.A1b}`));
    const q = `&action=member.view&targetId=${m.A1b}`;
    const everything = (expectOk(await wcA.get(`/api/audit?pageSize=100${q}`)).items as AuditEntry[]).map((e) => e.id);
    expect(everything.length).toBeGreaterThanOrEqual(12);
    const pages: number[][] = [];
    let before: number | null = null;
    do {
      const page = expectOk(await wcA.get(`/api/audit?pageSize=5${q}${before ? `&beforeId=${before}` : ''}`));
      const ids = (page.items as AuditEntry[]).map((e) => e.id);
      if (pages.length) expect(Math.max(...ids)).toBeLessThan(Math.min(...pages[pages.length - 1]));
      pages.push(ids);
      before = page.nextBeforeId;
      if (before !== null) expect(before).toBe(ids[ids.length - 1]);
    } while (before !== null && pages.length < 20);
    expect(pages.slice(0, -1).every((p) => p.length === 5)).toBe(true);
    const flat = pages.flat();
    expect(new Set(flat).size).toBe(flat.length);
    expect(flat).toEqual(everything); // newest first, nothing skipped
    expect([...flat].sort((a, b) => b - a)).toEqual(flat);
  });

  it('shows a work-committee admin only the entries of its own tree', async () => {
    const bOrg = expectOk(await wcB.post('/api/orgs', { parentId: o.B, type: 'branch', name: '乙县审计局党支部' })).id;
    expectOk(await wcB.get(`/api/members/${m.B1b}`));
    expect((await login('wcb', 'Wrong@2026pw')).statusCode).toBe(401);
    const bOrgs = new Set([o.B, o.B1b, bOrg]);

    const seenByA = await all(wcA);
    expect(seenByA.length).toBeGreaterThan(10);
    expect(seenByA.filter((e) => e.actorId === acct.wcb)).toEqual([]);
    expect(seenByA.filter((e) => e.orgId !== null && bOrgs.has(e.orgId))).toEqual([]);
    expect(seenByA.filter((e) => e.targetType === 'member' && e.targetId === String(m.B1b))).toEqual([]);
    // Searching by the other tree's actor finds nothing either.
    expect(await all(wcA, '&actor=wcb')).toEqual([]);

    const seenByB = await all(wcB);
    expect(seenByB.some((e) => e.action === 'org.create' && e.targetId === String(bOrg))).toBe(true);
    expect(seenByB.filter((e) => e.actorId === acct.wca)).toEqual([]);
    // The system administrator sees both trees.
    const everything = await all(sys, '&actor=wcb');
    expect(everything.some((e) => e.action === 'member.view' && e.targetId === String(m.B1b))).toBe(true);
  });

  it('exports the filtered entries as .xlsx, and the export itself is audited', async () => {
    expectOk(await wcA.get(`/api/members/${m.A1b}`));
    expectOk(await wcB.get(`/api/members/${m.B1b}`));
    const expected = await all(wcA, '&action=member.view');
    const exports0 = (await db().selectFrom('audit_log').select('id').where('action', '=', 'audit.export').execute()).length;

    const r = await wcA.get('/api/audit/export?action=member.view');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(r.headers['content-disposition']))![1])).toMatch(/^审计日志_\d{12}\.xlsx$/);
    const rows = sheetRows((await readWorkbook(r.rawPayload)).getWorksheet('审计日志')!);
    expect(rows[0].slice(0, 5)).toEqual(['时间', '操作人', '角色', 'IP', '操作']);
    const data = rows.slice(1);
    expect(data).toHaveLength(expected.length);
    expect(data.every((d) => d[4] === '查看党员完整信息')).toBe(true);
    expect(data.some((d) => d[1].includes('wcb'))).toBe(false);
    expect(data[0][5]).toBe(`member#${expected[0].targetId}`);

    const audits = await db().selectFrom('audit_log').selectAll().where('action', '=', 'audit.export').orderBy('id').execute();
    expect(audits.length).toBe(exports0 + 1);
    expect(audits[audits.length - 1]).toMatchObject({ actor_id: acct.wca, result: 'ok' });
    expect(JSON.parse(audits[audits.length - 1].detail!)).toEqual({ rows: expected.length });
    expectError(await oa.get('/api/audit/export'), 403, 'FORBIDDEN');
  });
});
