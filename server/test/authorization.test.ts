// The authorization table: every route x role x (own org, child org, sibling org, other root), denials included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { ORG_CHILD_TYPES, type OrgType } from '../../contracts/enums.js';
import { multipartBody } from './multipart.js';
import { writeImportTemplate } from '../src/modules/member/member.xlsx.js';
import { Writable } from 'node:stream';
import { syncShippedPacks } from '../src/modules/standard/standard.service.js';

type Cell = number | '-';
type Target = { orgId: number; memberId: number; placeOrgId: number; type: OrgType };
type Rel = 'own' | 'child' | 'sibling' | 'other';
const RELS: Rel[] = ['own', 'child', 'sibling', 'other'];

let ctx: TestContext;
let world: Record<string, Target>;
const clients: Record<string, HttpClient> = {};
const targets: Record<'wc' | 'oa' | 'member', Partial<Record<Rel, Target>>> = { wc: {}, oa: {}, member: {} };
let n = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  const A = await b.org({ parentId: null, name: '甲市直属机关工委', code: 'A' });
  const A1 = await b.org({ parentId: A.id, type: 'organ_committee', name: '甲市财政局机关党委' });
  const A1b = await b.org({ parentId: A1.id, type: 'branch', name: '财政局第一党支部' });
  const A2 = await b.org({ parentId: A.id, type: 'organ_committee', name: '甲市教育局机关党委' });
  const A2b = await b.org({ parentId: A2.id, type: 'branch', name: '教育局第一党支部' });
  const B = await b.org({ parentId: null, name: '乙县直属机关工委', code: 'B' });
  const B1 = await b.org({ parentId: B.id, type: 'organ_committee', name: '乙县财政局机关党委' });
  const B1b = await b.org({ parentId: B1.id, type: 'branch', name: '乙县财政局第一党支部' });
  const m = async (orgId: number) => (await b.member(orgId)).id;
  const [mA1, mA1b, mSelf, mA2, mA2b, mB1, mB1b] = [await m(A1.id), await m(A1b.id), await m(A1b.id), await m(A2.id), await m(A2b.id), await m(B1.id), await m(B1b.id)];
  const t = (org: { id: number; type: OrgType }, memberId: number, placeOrgId = org.id): Target => ({ orgId: org.id, memberId, placeOrgId, type: org.type });
  world = { A: t(A, mA2b, A2b.id), A1: t(A1, mA1), A1b: t(A1b, mA1b), A2: t(A2, mA2), A2b: t(A2b, mA2b), B: t(B, mB1b, B1b.id), B1: t(B1, mB1), B1b: t(B1b, mB1b) };
  targets.wc = { own: world.A, child: world.A1b, other: world.B };
  targets.oa = { own: world.A1, child: world.A1b, sibling: world.A2, other: world.B1 };
  targets.member = { own: { ...world.A1b, memberId: mSelf }, sibling: world.A2b, other: world.B1b };
  await b.account({ username: 'wc', role: 'work_committee_admin', orgId: A.id });
  await b.account({ username: 'oa', role: 'org_admin', orgId: A1.id });
  await b.account({ username: 'mem', role: 'member', orgId: A1b.id, memberId: mSelf });
  const chunks: Buffer[] = [];
  await writeImportTemplate(new Writable({ write(c, _e, cb) { chunks.push(c); cb(); } }));
  template = Buffer.concat(chunks);
  await syncShippedPacks(ctx.services.db.kysely, ctx.clock);
  standardId = (await ctx.services.standards.list(sys()))[0].id;
  clients.wc = await ctx.as('wc');
  clients.oa = await ctx.as('oa');
  clients.member = await ctx.as('mem');
});
afterAll(async () => ctx?.close());

const sys = () => ctx.build.system;
const version = async (kind: 'org' | 'member', id: number) =>
  (await ctx.services.db.kysely.selectFrom(kind).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

/** A fresh child of the target, made by the system, for routes that change or remove an org. */
const freshChild = async (t: Target) => ctx.build.org({ parentId: t.orgId, type: ORG_CHILD_TYPES[t.type][ORG_CHILD_TYPES[t.type].length - 1], name: `临时组织${++n}` });
/** A fresh place for members inside the target's scope (a group under a branch, else a branch). */
const freshPlace = async (t: Target) => {
  const place = await ctx.services.orgRepo.byId(t.placeOrgId);
  return ctx.build.org({ parentId: t.placeOrgId, type: place!.type === 'branch' ? 'group' : 'branch', name: `转入组织${++n}` });
};
let template: Buffer;
let standardId: number;
/** A fresh draft standard version, for routes that edit or publish one. */
const freshDraft = async () => ctx.services.standards.clone(sys(), standardId, { newVersion: `9.0.${++n}` });
const upload = (c: HttpClient, orgId: number) => {
  const { payload, headers } = multipartBody({ orgId }, { filename: '名册.xlsx', data: template });
  return c.request('POST', '/api/member-imports', payload, headers);
};

/** The base profile's lock as read (0 while the org has none). */
const baseVersion = async (orgId: number) => (await ctx.services.baseProfiles.get(sys(), orgId)).version;

interface Route { name: string; call: (c: HttpClient, t: Target) => Promise<{ statusCode: number; body: string }> }
const ROUTES: Route[] = [
  { name: 'GET /api/orgs/:id', call: (c, t) => c.get(`/api/orgs/${t.orgId}`) },
  { name: 'GET /api/orgs/:id/stats', call: (c, t) => c.get(`/api/orgs/${t.orgId}/stats`) },
  { name: 'GET /api/orgs/:id/history', call: (c, t) => c.get(`/api/orgs/${t.orgId}/history`) },
  { name: 'GET /api/orgs/children', call: (c, t) => c.get(`/api/orgs/children?parentId=${t.orgId}`) },
  { name: 'POST /api/orgs', call: (c, t) => c.post('/api/orgs', { parentId: t.orgId, type: ORG_CHILD_TYPES[t.type][ORG_CHILD_TYPES[t.type].length - 1], name: `新组织${++n}` }) },
  { name: 'PATCH /api/orgs/:id', call: async (c, t) => c.patch(`/api/orgs/${t.orgId}`, { shortName: `简称${++n}`, version: await version('org', t.orgId) }) },
  { name: 'GET /api/orgs/:id/committee-terms', call: (c, t) => c.get(`/api/orgs/${t.orgId}/committee-terms`) },
  { name: 'POST /api/orgs/:id/committee-terms', call: (c, t) => c.post(`/api/orgs/${t.orgId}/committee-terms`, { startDate: '2024-01-01', endDate: '2029-01-01', seats: [{ role: 'secretary', memberId: null, personName: '张书记' }] }) },
  { name: 'GET /api/committees/expiring', call: (c, t) => c.get(`/api/committees/expiring?orgId=${t.orgId}`) },
  { name: 'GET /api/members', call: (c, t) => c.get(`/api/members?orgId=${t.orgId}`) },
  { name: 'GET /api/members/:id', call: (c, t) => c.get(`/api/members/${t.memberId}`) },
  { name: 'PUT /api/members/:id', call: async (c, t) => {
    const d = await ctx.services.members.get(sys(), t.memberId);
    return c.put(`/api/members/${t.memberId}`, { name: d.name, gender: d.gender, idNumber: d.idNumber, joinDate: d.joinDate, category: d.category, status: d.status, post: `职务${++n}`, version: d.version });
  } },
  { name: 'POST /api/members', call: (c, t) => c.post('/api/members', ctx.build.memberBody(t.placeOrgId)) },
  { name: 'GET /api/members/export', call: (c, t) => c.get(`/api/members/export?orgId=${t.orgId}`) },
  { name: 'POST /api/orgs/:id/move', call: async (c, t) => {
    const child = await freshChild(t);
    return c.post(`/api/orgs/${child.id}/move`, { newParentId: t.orgId, version: child.version });
  } },
  { name: 'POST /api/orgs/:id/dissolve', call: async (c, t) => {
    const child = await freshChild(t);
    return c.post(`/api/orgs/${child.id}/dissolve`, { reason: '机构调整', version: child.version });
  } },
  { name: 'PUT /api/committee-terms/:id', call: async (c, t) => {
    const term = await ctx.services.committees.startTerm(sys(), t.orgId, { startDate: '2024-01-01', endDate: '2029-01-01', seats: [] });
    return c.put(`/api/committee-terms/${term.id}`, { startDate: '2024-01-01', endDate: '2029-06-30', seats: [], version: term.version });
  } },
  { name: 'POST /api/members/:id/transfer', call: async (c, t) => {
    const m = await ctx.build.member(t.placeOrgId);
    const to = await freshPlace(t);
    return c.post(`/api/members/${m.id}/transfer`, { toOrgId: to.id, transferDate: '2026-02-01', reason: '调动', version: m.version });
  } },
  { name: 'POST /api/member-imports', call: (c, t) => upload(c, t.placeOrgId) },
  { name: 'GET /api/accounts', call: (c, t) => c.get(`/api/accounts?orgId=${t.orgId}`) },
  { name: 'POST /api/accounts', call: (c, t) => c.post('/api/accounts', { username: `acct${++n}`, displayName: '新账号', role: 'org_admin', orgId: t.orgId, initialPassword: 'Init@2026pw' }) },
  { name: 'PATCH /api/accounts/:id', call: async (c, t) => {
    const id = await ctx.build.account({ username: `target${++n}`, role: 'org_admin', orgId: t.orgId });
    return c.patch(`/api/accounts/${id}`, { displayName: '改过的名字', version: 1 });
  } },
  { name: 'GET /api/orgs/:id/base-profile', call: (c, t) => c.get(`/api/orgs/${t.orgId}/base-profile`) },
  { name: 'PUT /api/orgs/:id/base-profile', call: async (c, t) => c.put(`/api/orgs/${t.orgId}/base-profile`, {
    facts: { 'activityRoom.kind': 'shared', 'activityRoom.seats': ++n }, version: await baseVersion(t.orgId),
  }) },
  { name: 'PUT /api/orgs/:id/base-profile/tier-override', call: async (c, t) => c.put(`/api/orgs/${t.orgId}/base-profile/tier-override`, {
    tier: 2, reason: `经核查调整${++n}`, version: await baseVersion(t.orgId),
  }) },
  { name: 'POST /api/accounts/:id/reset-password', call: async (c, t) => {
    const id = await ctx.build.account({ username: `target${++n}`, role: 'org_admin', orgId: t.orgId });
    return c.post(`/api/accounts/${id}/reset-password`, { newPassword: 'Reset@2026pw' });
  } },
];

//                                       work-committee admin      org admin (organ committee)  member (branch)
//                                       own  child sib  other     own  child sib  other        own  child sib  other
const TABLE: Record<string, [Cell[], Cell[], Cell[]]> = {
  'GET /api/orgs/:id':                   [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/orgs/:id/stats':             [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/orgs/:id/history':           [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/orgs/children':              [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/orgs':                      [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'PATCH /api/orgs/:id':                 [[200, 200, '-', 403], [403, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/orgs/:id/committee-terms':   [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/orgs/:id/committee-terms':  [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/committees/expiring':        [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/members':                    [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/members/:id':                [[200, 200, '-', 403], [200, 200, 403, 403], [200, '-', 403, 403]],
  'PUT /api/members/:id':                [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/members':                   [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/members/export':             [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/orgs/:id/move':             [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/orgs/:id/dissolve':         [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'PUT /api/committee-terms/:id':        [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/members/:id/transfer':      [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/member-imports':            [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/accounts':                   [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'PATCH /api/accounts/:id':             [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/accounts/:id/reset-password': [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/accounts':                  [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/orgs/:id/base-profile':      [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'PUT /api/orgs/:id/base-profile':      [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  // Only an admin above the org overrides its tier: an org admin not its own org (a work-committee admin its whole tree).
  'PUT /api/orgs/:id/base-profile/tier-override': [[200, 200, '-', 403], [403, 200, 403, 403], [403, '-', 403, 403]],
};

describe('authorization table', () => {
  it('covers every route in the table', () => {
    expect(ROUTES.map((r) => r.name).sort()).toEqual(Object.keys(TABLE).sort());
  });
  for (const route of ROUTES) {
    (['wc', 'oa', 'member'] as const).forEach((role, ri) => {
      RELS.forEach((rel, i) => {
        const expected = TABLE[route.name][ri][i];
        if (expected === '-') return;
        it(`${route.name} as ${role} on ${rel} org -> ${expected}`, async () => {
          const r = await route.call(clients[role], targets[role][rel]!);
          expect(r.statusCode, r.body).toBe(expected);
          if (expected === 403) expect(JSON.parse(r.body).code).toBe('FORBIDDEN');
        });
      });
    });
  }

  // Routes without an org in the request: the answer depends on the role alone (scope is applied inside).
  //                                  work-committee admin, org admin, member
  const ROLE_TABLE: [string, (c: HttpClient) => Promise<{ statusCode: number }>, number, number, number][] = [
    ['GET /api/audit',                    (c) => c.get('/api/audit'), 200, 403, 403],
    ['GET /api/audit/export',             (c) => c.get('/api/audit/export'), 200, 403, 403],
    ['GET /api/orgs/roots',               (c) => c.get('/api/orgs/roots'), 200, 200, 403],
    ['GET /api/orgs/search',              (c) => c.get(`/api/orgs/search?q=${encodeURIComponent('财政')}`), 200, 200, 403],
    ['GET /api/members/import-template',  (c) => c.get('/api/members/import-template'), 200, 200, 200],
    ['GET /api/me/profile',               (c) => c.get('/api/me/profile'), 200, 200, 200],
    ['GET /api/auth/me',                  (c) => c.get('/api/auth/me'), 200, 200, 200],
    // Standards: the work committee's alone (server/test/standard.test.ts tests the behaviour).
    ['GET /api/standards',                (c) => c.get('/api/standards'), 200, 403, 403],
    ['GET /api/standards/:id',            (c) => c.get(`/api/standards/${standardId}`), 200, 403, 403],
    ['POST /api/standards/:id/clone',     (c) => c.post(`/api/standards/${standardId}/clone`, { newVersion: `8.0.${++n}` }), 200, 403, 403],
    ['PUT /api/standards/:id',            async (c) => { const d = await freshDraft(); return c.put(`/api/standards/${d.id}`, { content: d.content, version: d.rowVersion }); }, 200, 403, 403],
    ['POST /api/standards/:id/publish',   async (c) => { const d = await freshDraft(); return c.post(`/api/standards/${d.id}/publish`, { version: d.rowVersion }); }, 200, 403, 403],
  ];
  for (const [name, call, ...expected] of ROLE_TABLE) {
    (['wc', 'oa', 'member'] as const).forEach((role, i) => {
      it(`${name} as ${role} -> ${expected[i]}`, async () => {
        expect((await call(clients[role])).statusCode).toBe(expected[i]);
      });
    });
  }

  it('an import job is seen and committed only by the account that uploaded it', async () => {
    const job = (await upload(clients.oa, world.A1b.orgId)).json();
    for (const other of [clients.wc, clients.member]) {
      expect((await other.get(`/api/member-imports/${job.id}`)).statusCode).toBe(403);
      expect((await other.post(`/api/member-imports/${job.id}/commit`)).statusCode).toBe(403);
    }
    expect((await clients.oa.get(`/api/member-imports/${job.id}`)).statusCode).toBe(200);
  });

  it('the tables above cover every API route', () => {
    const spec = ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const all = Object.entries(spec.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.replace(/\{id\}/g, ':id')}`));
    const covered = new Set([
      ...Object.keys(TABLE), ...ROLE_TABLE.map((r) => r[0]),
      'GET /api/member-imports/:id', 'POST /api/member-imports/:id/commit', // own job only: tested below
      'GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password', // any session / none: auth.test.ts
    ]);
    expect(all.filter((r) => !covered.has(r))).toEqual([]);
  });

  it('search results of an org admin stay inside its subtree', async () => {
    const names = ((await clients.oa.get(`/api/orgs/search?q=${encodeURIComponent('财政')}`)).json() as { name: string }[]).map((o) => o.name);
    expect(names).toContain('财政局第一党支部');
    expect(names).not.toContain('乙县财政局机关党委');
  });

  it('a member reads their own profile and nothing of the tree', async () => {
    const r = await clients.member.get('/api/me/profile');
    expect(r.statusCode).toBe(200);
    expect(r.json().member.id).toBe(targets.member.own!.memberId);
    expect((await clients.member.get('/api/orgs/roots')).statusCode).toBe(403);
  });

  it('denials are audited with the actor and the target', async () => {
    await clients.oa.get(`/api/orgs/${world.B1.orgId}`);
    const rows = await ctx.services.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'access.denied')
      .where('target_id', '=', String(world.B1.orgId)).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].result).toBe('denied');
    expect(rows[0].actor_name).toContain('oa');
  });

  it('every API route except the public ones answers 401 without a session (deny by default)', async () => {
    const spec = ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/login']);
    const anon = ctx.client();
    let checked = 0;
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const method of Object.keys(methods)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (PUBLIC.has(name)) continue;
        const url = path.replace(/\{id\}/g, '1');
        const r = await anon.request(method.toUpperCase() as 'GET', url, method === 'get' ? undefined : {});
        expect(r.statusCode, name).toBe(401);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25);
  });
});
