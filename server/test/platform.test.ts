// The platform as a client meets it: health, the OpenAPI document, caching and security headers,
// malformed and over-posted bodies, configuration errors, and what an unexpected failure shows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TestClock, type HttpClient, type TestContext } from './context.js';
import { freshDb } from './db.js';
import { CJK, countRows, expectError, expectOk, type Res } from './helpers.js';
import { buildApp } from '../src/app.js';
import { ConfigError, loadConfig } from '../src/platform/config.js';
import { VERSION } from '../src/platform/version.js';

let ctx: TestContext;
let admin: HttpClient;
let A: number;
let A1: number;
let B: number;
let accountId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  A = (await ctx.build.org({ parentId: null, name: '甲市直属机关工委', code: 'A' })).id;
  A1 = (await ctx.build.org({ parentId: A, type: 'branch', name: '甲市机关第一党支部' })).id;
  B = (await ctx.build.org({ parentId: null, name: '乙县直属机关工委', code: 'B' })).id;
  accountId = await ctx.build.account({ username: 'wca', role: 'work_committee_admin', orgId: A });
  admin = await ctx.as('wca');
});
afterAll(async () => ctx?.close());

const db = () => ctx.services.db.kysely;

function expectSecurityHeaders(r: Res, what: string) {
  const csp = String(r.headers['content-security-policy'] ?? '');
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("object-src 'none'");
  expect(r.headers['x-content-type-options'], what).toBe('nosniff');
  expect(csp.includes("frame-ancestors 'none'") || r.headers['x-frame-options'] !== undefined, what).toBe(true);
  expect(r.headers['x-powered-by'], what).toBeUndefined();
}

describe('health and the API description', () => {
  it('GET /api/health answers without a session, naming the database', async () => {
    const r = await ctx.client().get('/api/health');
    const h = expectOk(r);
    expect(Object.keys(h).sort()).toEqual(['database', 'status', 'time', 'version']);
    expect(h).toMatchObject({ status: 'ok', version: VERSION, database: process.env.ZHENDI_TEST_PG_URL ? 'postgresql' : 'sqlite' });
    expect(Number.isNaN(Date.parse(h.time))).toBe(false);
  });

  it('/api/openapi.json lists the member, org, account and audit routes with their request schemas', async () => {
    const r = await ctx.client().get('/api/openapi.json');
    const doc = expectOk(r) as { openapi: string; paths: Record<string, Record<string, any>> };
    expect(doc.openapi).toMatch(/^3\./);
    const p = doc.paths;
    for (const [route, methods] of Object.entries({
      '/api/members': ['get', 'post'], '/api/members/{id}': ['get', 'put'], '/api/members/{id}/transfer': ['post'], '/api/members/export': ['get'],
      '/api/member-imports': ['post'], '/api/member-imports/{id}/commit': ['post'],
      '/api/orgs': ['post'], '/api/orgs/{id}': ['get', 'patch'], '/api/orgs/{id}/move': ['post'], '/api/orgs/{id}/dissolve': ['post'],
      '/api/accounts': ['get', 'post'], '/api/accounts/{id}': ['patch'], '/api/accounts/{id}/reset-password': ['post'],
      '/api/audit': ['get'], '/api/audit/export': ['get'],
    })) {
      for (const m of methods) expect(p[route]?.[m], `${m.toUpperCase()} ${route}`).toBeDefined();
    }
    const body = (route: string, m: string) => p[route][m].requestBody?.content?.['application/json']?.schema;
    const memberCreate = body('/api/members', 'post');
    expect(memberCreate.additionalProperties).toBe(false);
    expect(memberCreate.required).toEqual(expect.arrayContaining(['name', 'gender', 'idNumber', 'joinDate', 'category', 'orgId']));
    expect(memberCreate.properties.idNumber).toMatchObject({ type: 'string', minLength: 15, maxLength: 18 });
    expect(body('/api/members/{id}', 'put').properties).toHaveProperty('version');
    expect(body('/api/orgs', 'post').properties.type.enum ?? body('/api/orgs', 'post').properties.type.anyOf).toBeDefined();
    expect(Object.keys(body('/api/orgs/{id}', 'patch').properties).sort()).toEqual(['code', 'name', 'shortName', 'version']);
    expect(Object.keys(body('/api/accounts', 'post').properties)).toEqual(expect.arrayContaining(['username', 'role', 'orgId', 'initialPassword']));
    expect(Object.keys(body('/api/accounts/{id}', 'patch').properties).sort()).toEqual(['displayName', 'status', 'unlock', 'version']);
    const params = (route: string, m: string) => (p[route][m].parameters as { name: string; in: string }[]).map((x) => `${x.in}:${x.name}`);
    expect(params('/api/members', 'get')).toEqual(expect.arrayContaining(['query:orgId', 'query:q', 'query:status', 'query:category', 'query:page', 'query:pageSize']));
    expect(params('/api/audit', 'get')).toEqual(expect.arrayContaining(['query:action', 'query:actor', 'query:result', 'query:beforeId']));
    expect(params('/api/members/{id}', 'get')).toContain('path:id');
    expect(p['/api/openapi.json']).toBeUndefined();
  });
});

describe('headers', () => {
  it('every /api response says Cache-Control: no-store, errors and downloads included', async () => {
    const anon = ctx.client();
    const responses: [string, Res][] = [
      ['health', await anon.get('/api/health')],
      ['openapi', await anon.get('/api/openapi.json')],
      ['401', await anon.get('/api/members')],
      ['anonymous unknown route', await anon.get('/api/no-such-thing')], // deny by default: no session, no map of routes
      ['404', await admin.get('/api/no-such-thing')],
      ['bad login', await anon.post('/api/auth/login', { username: 'wca', password: 'Wrong@2026pw' })],
      ['list', await admin.get('/api/members')],
      ['org', await admin.get(`/api/orgs/${A}`)],
      ['403', await admin.get(`/api/orgs/${B}`)],
      ['400', await admin.post('/api/orgs', { parentId: A })],
      ['export', await admin.get('/api/members/export')],
      ['template', await admin.get('/api/members/import-template')],
    ];
    for (const [what, r] of responses) {
      expect(r.headers['cache-control'], what).toBe('no-store');
      expectSecurityHeaders(r, what);
    }
    expect(responses.map(([, r]) => r.statusCode)).toEqual([200, 200, 401, 401, 404, 401, 200, 200, 403, 400, 200, 200]);
  });

  it('the HTML app pages carry the same security headers', async () => {
    const web = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-web-'));
    fs.mkdirSync(path.join(web, 'assets'));
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>阵地</title></head><body><div id="root"></div></body></html>');
    fs.writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log(1)');
    const tdb = await freshDb();
    const config = loadConfig({ ZHENDI_DATA_DIR: tdb.dataDir, ZHENDI_LOG_LEVEL: 'silent', ZHENDI_SECRET_KEY: '22'.repeat(32) });
    const { app } = await buildApp({ config, db: tdb.db, clock: new TestClock(), webDist: web });
    try {
      await app.ready();
      for (const url of ['/', '/members/12', '/orgs?id=3']) {
        const r = await app.inject({ method: 'GET', url });
        expect(r.statusCode, url).toBe(200);
        expect(r.headers['content-type'], url).toMatch(/^text\/html/);
        expect(r.body).toContain('<div id="root">');
        expectSecurityHeaders(r as unknown as Res, url);
        expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
        expect(r.headers['cache-control'], url).toBe('no-cache');
      }
      const js = await app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(js.statusCode).toBe(200);
      expect(js.headers['x-content-type-options']).toBe('nosniff');
      const missing = await app.inject({ method: 'GET', url: '/assets/none.js' });
      expect(missing.statusCode).toBe(404);
      const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
      expect(api.statusCode).toBe(401); // never the SPA's HTML for an API path
      expect(api.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(api.headers['cache-control']).toBe('no-store');
      const post = await app.inject({ method: 'POST', url: '/somewhere', payload: {} });
      expect(post.statusCode).toBe(404);
    } finally {
      await app.close();
      await tdb.drop();
      fs.rmSync(web, { recursive: true, force: true });
    }
  });
});

describe('request bodies', () => {
  it('a malformed or empty JSON body is 400 VALIDATION in Chinese', async () => {
    const before = await countRows(db(), 'org');
    const json = { 'content-type': 'application/json' };
    const bad = expectError(await admin.request('POST', '/api/orgs', '{"parentId": 1, "name": ', json), 400, 'VALIDATION');
    expect(bad.message).toBe('请求内容不是有效的 JSON');
    expectError(await admin.request('POST', '/api/orgs', '', json), 400, 'VALIDATION');
    expectError(await ctx.client().request('POST', '/api/auth/login', '{username:"wca"}', json), 400, 'VALIDATION');
    expectError(await admin.request('POST', '/api/orgs', 'parentId=1&name=x', { 'content-type': 'text/xml' }), 415, 'UNSUPPORTED_MEDIA');
    const huge = JSON.stringify({ parentId: A, type: 'group', name: 'x'.repeat(1024 * 1024) });
    expectError(await admin.request('POST', '/api/orgs', huge, json), 413, 'PAYLOAD_TOO_LARGE');
    expect(await countRows(db(), 'org')).toBe(before);
  });

  it('an id beyond any stored id is a client error on both databases, never a 500', async () => {
    for (const url of [`/api/orgs/${2 ** 31}`, `/api/members/${2 ** 40}`, `/api/audit?beforeId=${2 ** 33}`, `/api/members?orgId=${2 ** 31}`,
      `/api/committees/expiring?orgId=${2 ** 31}`, `/api/member-imports/${2 ** 31}`]) {
      const r = await admin.get(url);
      expect(r.statusCode, `${url}: ${r.body}`).toBe(400);
      expect(r.json().code).toBe('VALIDATION');
    }
    expectError(await admin.post(`/api/orgs/${2 ** 31}/move`, { newParentId: A, version: 1 }), 400, 'VALIDATION');
    expectError(await admin.post('/api/orgs', { parentId: 2 ** 31, type: 'branch', name: '无' }), 400, 'VALIDATION');
  });

  it('schema violations name the field in Chinese', async () => {
    const missing = expectError(await admin.post('/api/orgs', { parentId: A, type: 'group' }), 400, 'VALIDATION');
    expect(missing.message).toBe('缺少必填项“名称”');
    expect(missing.details).toContainEqual({ field: 'name', message: '缺少必填项“名称”' });
    const wrongType = expectError(await admin.post('/api/members', { ...ctx.build.memberBody(A1), gender: 'other' }), 400, 'VALIDATION');
    expect(wrongType.details?.map((d) => d.field)).toContain('gender');
    expect(wrongType.message).toContain('性别');
  });

  it('an unknown field in a write body is refused by name: no mass assignment', async () => {
    const members = await countRows(db(), 'member');
    const extra = expectError(await admin.post('/api/members', { ...ctx.build.memberBody(A1), status: 'deceased' }), 400, 'VALIDATION');
    expect(extra.message).toBe('不允许提交字段“status”');
    expect(extra.details).toContainEqual({ field: 'status', message: '不允许提交字段“status”' });
    expect(await countRows(db(), 'member')).toBe(members);

    const org = expectOk(await admin.get(`/api/orgs/${A1}`));
    const move = expectError(await admin.patch(`/api/orgs/${A1}`, { name: '改名并偷偷搬家', parentId: B, version: org.version }), 400, 'VALIDATION');
    expect(move.message).toBe('不允许提交字段“parentId”');
    expect(expectOk(await admin.get(`/api/orgs/${A1}`))).toMatchObject({ name: '甲市机关第一党支部', parentId: A, version: org.version });
    expectError(await admin.patch(`/api/orgs/${A1}`, { root_id: B, version: org.version }), 400, 'VALIDATION');

    const target = await ctx.build.account({ username: 'plain', role: 'org_admin', orgId: A1 });
    const row = () => db().selectFrom('account').selectAll().where('id', '=', target).executeTakeFirstOrThrow();
    const before = await row();
    const promote = expectError(await admin.patch(`/api/accounts/${target}`, { displayName: '升职', role: 'work_committee_admin', orgId: A, version: before.version }), 400, 'VALIDATION');
    expect(promote.details?.map((d) => d.field)).toEqual(expect.arrayContaining(['role', 'orgId']));
    expect(await row()).toEqual(before);

    const m = await ctx.build.member(A1);
    const put = expectError(await admin.put(`/api/members/${m.id}`, {
      name: m.name, gender: m.gender, idNumber: m.idNumber, joinDate: m.joinDate, category: m.category, status: m.status, version: m.version, orgId: B,
    }), 400, 'VALIDATION');
    expect(put.message).toBe('不允许提交字段“orgId”');
    expect((await ctx.services.members.get(ctx.build.system, m.id)).orgId).toBe(A1);
    expectError(await ctx.client().post('/api/auth/login', { username: 'wca', password: 'Test@2026pw', role: 'member' }), 400, 'VALIDATION');
  });
});

describe('configuration', () => {
  const fails = (env: Record<string, string>) => {
    try {
      loadConfig(env, '/tmp');
    } catch (e) {
      return e as ConfigError;
    }
    throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
  };

  it('a bad setting stops start-up with a Chinese and English message naming the variable', () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ PORT: 'abc' }, 'PORT', /must be an integer/],
      [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /postgres/],
      [{ ZHENDI_PASSWORD_MIN_LENGTH: '3' }, 'ZHENDI_PASSWORD_MIN_LENGTH', /between 6 and 64/],
      [{ ZHENDI_SECRET_KEY: 'not-hex' }, 'ZHENDI_SECRET_KEY', /64 hex/],
      [{ ZHENDI_COOKIE_SECURE: 'maybe' }, 'ZHENDI_COOKIE_SECURE', /true or false/],
    ];
    for (const [env, variable, english] of cases) {
      const e = fails(env);
      expect(e, variable).toBeInstanceOf(ConfigError);
      expect(e.variable).toBe(variable);
      expect(e.message).toContain(variable);
      expect(e.message).toMatch(CJK);
      expect(e.message).toMatch(english);
    }
  });

  it('a good environment gives a frozen config with the documented defaults', () => {
    const c = loadConfig({ PORT: '9090', DATABASE_URL: 'postgres://u@h/db' }, '/srv/zhendi');
    expect(c).toMatchObject({ port: 9090, host: '127.0.0.1', databaseUrl: 'postgres://u@h/db', dataDir: '/srv/zhendi/data', passwordMinLength: 8, passwordMinClasses: 3, sessionIdleMinutes: 30, sessionAbsoluteHours: 12, loginMaxFailures: 5, loginLockMinutes: 30 });
    expect(Object.isFrozen(c)).toBe(true);
  });
});

describe('unexpected errors', () => {
  it('answer 500 INTERNAL with a request id and nothing of the internals', async () => {
    // A real failure below the service: the table the history is read from disappears.
    await sql`alter table org_event rename to org_event_away`.execute(db());
    let r: Res;
    try {
      r = await admin.get(`/api/orgs/${A}/history`);
    } finally {
      await sql`alter table org_event_away rename to org_event`.execute(db());
    }
    expect(r.statusCode, r.body).toBe(500);
    const body = r.json();
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId']);
    expect(body.code).toBe('INTERNAL');
    expect(body.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(body.message).toMatch(CJK);
    expect(body.message).toContain(body.requestId);
    for (const leak of ['org_event', 'SQLITE', 'sqlite', 'relation', 'stack', '.ts:', 'at ', 'Error']) expect(r.body).not.toContain(leak);
    expect(r.headers['cache-control']).toBe('no-store');
    // And the app is fine afterwards.
    expectOk(await admin.get(`/api/orgs/${A}/history`));
    expect(accountId).toBeGreaterThan(0);
  });
});
