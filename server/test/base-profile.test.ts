// Base profiles: facts, the tier derived by the current standard's rule (Jinhua), the ancestor's override with a
// reason, history, audit, optimistic lock and scope. Fresh database for this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { syncJinhua } from './standards.js';
import { expectError, expectOk } from './helpers.js';

let ctx: TestContext;
let wc: HttpClient;
let oa: HttpClient;
let mem: HttpClient;
const ids: Record<'A' | 'A1' | 'A1b' | 'A1c' | 'A2' | 'B' | 'B1', number> = {} as never;
const db = () => ctx.services.db.kysely;
const url = (id: number) => `/api/orgs/${id}/base-profile`;
const read = async (c: HttpClient, id: number) => expectOk(await c.get(url(id)));

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  const A = await b.org({ parentId: null, name: '甲市直属机关工委' });
  const A1 = await b.org({ parentId: A.id, type: 'organ_committee', name: '甲市财政局机关党委' });
  const A1b = await b.org({ parentId: A1.id, type: 'branch', name: '财政局第一党支部' });
  const A1c = await b.org({ parentId: A1.id, type: 'branch', name: '财政局第二党支部' });
  const A2 = await b.org({ parentId: A.id, type: 'organ_committee', name: '甲市教育局机关党委' });
  const B = await b.org({ parentId: null, name: '乙县直属机关工委' });
  const B1 = await b.org({ parentId: B.id, type: 'organ_committee', name: '乙县财政局机关党委' });
  Object.assign(ids, { A: A.id, A1: A1.id, A1b: A1b.id, A1c: A1c.id, A2: A2.id, B: B.id, B1: B1.id });
  const m = await b.member(A1b.id);
  await b.member(A1b.id);
  await b.member(A1b.id);
  await b.account({ username: 'wc', role: 'work_committee_admin', orgId: A.id });
  await b.account({ username: 'oa', role: 'org_admin', orgId: A1.id });
  await b.account({ username: 'mem', role: 'member', orgId: A1b.id, memberId: m.id });
  // Only the Jinhua pack: the current standard is the newest published version.
  await syncJinhua(ctx);
  [wc, oa, mem] = [await ctx.as('wc'), await ctx.as('oa'), await ctx.as('mem')];
});
afterAll(async () => ctx?.close());

describe('reading a base profile', () => {
  it('an org without a profile answers an empty one, memberCount from the member roll, not yet tiered', async () => {
    const p = await read(oa, ids.A1b);
    expect(p).toMatchObject({
      orgId: ids.A1b, orgName: '财政局第一党支部', facts: {}, memberCount: 3, tier: null, tierDerived: null, tierOverride: null,
      tierName: null, version: 0, updatedAt: null, history: [],
    });
    expect(p.standard).toMatchObject({ packId: 'jinhua-2015', version: '1.0.0' });
  });
});

describe('writing facts and deriving the tier (Jinhua)', () => {
  it('a dedicated room gives tier 1, shared tier 2, none tier 3; each change re-derives', async () => {
    let p = expectOk(await oa.put(url(ids.A1b), { facts: { 'activityRoom.kind': 'dedicated', 'activityRoom.areaM2': 42.5, 'mediaEquipment.computerWithInternet': true }, version: 0 }));
    expect(p).toMatchObject({ tier: 1, tierDerived: 1, tierName: '一类阵地', version: 1 });
    expect(p.facts).toEqual({ 'activityRoom.kind': 'dedicated', 'activityRoom.areaM2': 42.5, 'mediaEquipment.computerWithInternet': true });
    p = expectOk(await oa.put(url(ids.A1b), { facts: { 'activityRoom.kind': 'shared', 'activityRoom.sharedWith': '会议室' }, version: 1 }));
    expect(p).toMatchObject({ tier: 2, tierDerived: 2, tierName: '二类阵地', version: 2 });
    p = expectOk(await oa.put(url(ids.A1b), { facts: { 'activityRoom.kind': 'none' }, version: 2 }));
    expect(p).toMatchObject({ tier: 3, tierDerived: 3, tierName: '三类阵地', version: 3 });
    const row = await db().selectFrom('base_profile').selectAll().where('org_id', '=', ids.A1b).executeTakeFirstOrThrow();
    expect(row.tier_derived).toBe(3);
    expect(row.standard_version_id).toBe(p.standard.id);
    expect(row.updated_by).not.toBeNull();
    expect(p.history[0].detail).toContain('三类阵地');
    expect(p.history).toHaveLength(3);
  });

  it('seats fewer than members are stored and shown (the check comes with the checklist)', async () => {
    const v = (await read(oa, ids.A1c)).version;
    await ctx.build.member(ids.A1c);
    await ctx.build.member(ids.A1c);
    const p = expectOk(await oa.put(url(ids.A1c), { facts: { 'activityRoom.kind': 'dedicated', 'activityRoom.seats': 1 }, version: v }));
    expect(p.facts['activityRoom.seats']).toBe(1);
    expect(p.memberCount).toBe(2);
    expect(p.tier).toBe(1);
    expect((await read(wc, ids.A1c)).facts['activityRoom.seats']).toBe(1);
  });

  it('an org admin describes its own org too; the work committee its whole tree', async () => {
    expectOk(await oa.put(url(ids.A1), { facts: { 'activityRoom.kind': 'shared' }, version: 0 }));
    expectOk(await wc.put(url(ids.A), { facts: { 'channels.siteUrl': 'https://dj.example.cn/' }, version: 0 }));
  });

  it('unknown or derived facts and bad values are 400 with Chinese messages naming the field', async () => {
    let e = expectError(await oa.put(url(ids.A1b), { facts: { 'activityRoom.colour': 'red' }, version: 3 }), 400, 'VALIDATION');
    expect(e.message).toContain('activityRoom.colour');
    e = expectError(await oa.put(url(ids.A1b), { facts: { memberCount: 99 }, version: 3 }), 400, 'VALIDATION');
    expect(e.message).toContain('党员人数');
    e = expectError(await oa.put(url(ids.A1b), { facts: { 'activityRoom.kind': 'palace' }, version: 3 }), 400, 'VALIDATION');
    expect(e.message).toContain('党员活动室');
    e = expectError(await oa.put(url(ids.A1b), { facts: { 'activityRoom.areaM2': 20000 }, version: 3 }), 400, 'VALIDATION');
    expect(e.message).toContain('活动室面积');
    e = expectError(await oa.put(url(ids.A1b), { facts: { 'channels.columnUrl': 'javascript:alert(1)' }, version: 3 }), 400, 'VALIDATION');
    expect(e.message).toContain('专题党建栏目地址');
    expectError(await oa.put(url(ids.A1b), { facts: { 'chatGroups.memberCoverage': 1.5 }, version: 3 }), 400, 'VALIDATION');
    expectError(await oa.put(url(ids.A1b), { facts: {}, version: 3, extra: 1 }), 400, 'VALIDATION');
    expect((await read(oa, ids.A1b)).version).toBe(3);
  });

  it('a stale version is 409 and changes nothing', async () => {
    expectError(await oa.put(url(ids.A1b), { facts: { 'activityRoom.kind': 'dedicated' }, version: 2 }), 409, 'CONFLICT');
    expectError(await oa.put(url(ids.A2), { facts: {}, version: 1 }), 403, 'FORBIDDEN'); // out of scope first
    expectError(await wc.put(url(ids.A2), { facts: {}, version: 1 }), 409, 'CONFLICT'); // no profile yet: version 0
    expect((await read(oa, ids.A1b)).tier).toBe(3);
  });
});

describe('overriding the tier', () => {
  it('the parent admin overrides with a reason; shown as the tier with who, when and why; clearing restores', async () => {
    let p = expectOk(await oa.put(`${url(ids.A1b)}/tier-override`, { tier: 2, reason: '与社区共用活动室，经核查按二类管理', version: 3 }));
    expect(p).toMatchObject({ tier: 2, tierDerived: 3, tierOverride: 2, tierName: '二类阵地', overrideReason: '与社区共用活动室，经核查按二类管理', overrideBy: 'oa姓名', version: 4 });
    expect(p.overrideAt).toBe(ctx.clock.now().toISOString());
    expect(p.history[0]).toMatchObject({ action: 'override', actorName: 'oa姓名' });
    expect(p.history[0].detail).toContain('与社区共用活动室');
    // Facts change, the override stays; the derived tier follows the facts.
    p = expectOk(await oa.put(url(ids.A1b), { facts: { 'activityRoom.kind': 'dedicated' }, version: 4 }));
    expect(p).toMatchObject({ tier: 2, tierDerived: 1, tierOverride: 2 });
    p = expectOk(await wc.put(`${url(ids.A1b)}/tier-override`, { tier: null, version: 5 }));
    expect(p).toMatchObject({ tier: 1, tierDerived: 1, tierOverride: null, overrideReason: null, overrideBy: null, overrideAt: null, tierName: '一类阵地' });
  });

  it('an override without a reason, or with a tier the standard lacks, is 400', async () => {
    expectError(await oa.put(`${url(ids.A1b)}/tier-override`, { tier: 2, version: 6 }), 400, 'VALIDATION');
    expectError(await oa.put(`${url(ids.A1b)}/tier-override`, { tier: 2, reason: ' 是 ', version: 6 }), 400, 'VALIDATION');
    expectError(await oa.put(`${url(ids.A1b)}/tier-override`, { tier: 4, reason: '没有这一类', version: 6 }), 400, 'VALIDATION');
    expectError(await oa.put(`${url(ids.A1b)}/tier-override`, { tier: 2, reason: 'x'.repeat(201), version: 6 }), 400, 'VALIDATION');
    expectError(await oa.put(`${url(ids.A1b)}/tier-override`, { tier: 2, reason: '理由充分', version: 5 }), 409, 'CONFLICT');
  });

  it('an org admin may not override its own org; the work committee may override its root', async () => {
    const v = (await read(oa, ids.A1)).version;
    const e = expectError(await oa.put(`${url(ids.A1)}/tier-override`, { tier: 1, reason: '自己定自己', version: v }), 403, 'FORBIDDEN');
    expect(e.message).toContain('上级');
    expect((await read(oa, ids.A1)).tierOverride).toBeNull();
    const p = expectOk(await wc.put(`${url(ids.A)}/tier-override`, { tier: 3, reason: '工委机关暂无活动室', version: (await read(wc, ids.A)).version }));
    expect(p.tier).toBe(3);
    expectOk(await wc.put(`${url(ids.A1)}/tier-override`, { tier: 1, reason: '经实地检查', version: v }));
  });
});

describe('scope', () => {
  it('a sibling or another root is 403 on every route; a member is 403 everywhere', async () => {
    for (const [c, target] of [[oa, ids.A2], [oa, ids.B1], [wc, ids.B], [wc, ids.B1], [mem, ids.A1b]] as const) {
      expectError(await c.get(url(target)), 403, 'FORBIDDEN');
      expectError(await c.put(url(target), { facts: { 'activityRoom.kind': 'none' }, version: 0 }), 403, 'FORBIDDEN');
      expectError(await c.put(`${url(target)}/tier-override`, { tier: 1, reason: '越权调整', version: 0 }), 403, 'FORBIDDEN');
    }
    expect(await db().selectFrom('base_profile').select('org_id').where('org_id', 'in', [ids.A2, ids.B, ids.B1]).execute()).toEqual([]);
  });
});

describe('audit', () => {
  it('every write is audited with its action and the org', async () => {
    const rows = await db().selectFrom('audit_log').selectAll().where('target_id', '=', String(ids.A1b)).where('action', 'like', 'base.%').orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['base.update', 'base.update', 'base.update', 'base.override', 'base.update', 'base.override']);
    expect(rows.every((r) => r.org_id === ids.A1b && r.target_type === 'org' && r.result === 'ok')).toBe(true);
    expect(JSON.parse(rows[3].detail!)).toMatchObject({ tier: 2, tierDerived: 3, reason: '与社区共用活动室，经核查按二类管理' });
    const denied = await db().selectFrom('audit_log').selectAll().where('action', '=', 'access.denied').where('target_id', '=', String(ids.A1)).execute();
    expect(denied.some((r) => r.detail?.includes('base.override'))).toBe(true);
  });
});
