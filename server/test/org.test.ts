// Organization tree and committee terms over HTTP: type rules, optimistic renames, subtree moves
// (closure, counts and scope follow), dissolving (kept, hidden, in history), search, stats, terms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { countRows, expectError, expectOk } from './helpers.js';
import type { OrgType } from '../../contracts/enums.js';

let ctx: TestContext;
let sys: HttpClient; // the system administrator: every root
let wcA: HttpClient;
let wcB: HttpClient;
let A: number;
let B: number;
const T0 = new Date('2026-03-01T02:00:00Z');

beforeAll(async () => {
  ctx = await createTestContext();
  A = (await ctx.build.org({ parentId: null, name: '甲市直属机关工委', code: 'A' })).id;
  B = (await ctx.build.org({ parentId: null, name: '乙县直属机关工委', code: 'B' })).id;
  await ctx.build.account({ username: 'sys', role: 'work_committee_admin', orgId: null });
  await ctx.build.account({ username: 'wca', role: 'work_committee_admin', orgId: A });
  await ctx.build.account({ username: 'wcb', role: 'work_committee_admin', orgId: B });
  sys = await ctx.as('sys');
  wcA = await ctx.as('wca');
  wcB = await ctx.as('wcb');
});
afterAll(async () => ctx?.close());

const db = () => ctx.services.db.kysely;
const org = (id: number, c: HttpClient = sys) => c.get(`/api/orgs/${id}`).then(expectOk);
const mk = async (c: HttpClient, parentId: number | null, type: OrgType, name: string, code?: string) =>
  c.post('/api/orgs', { parentId, type, name, ...(code ? { code } : {}) });
const mkOk = async (c: HttpClient, parentId: number | null, type: OrgType, name: string, code?: string) =>
  expectOk(await mk(c, parentId, type, name, code)) as { id: number; version: number; path: { id: number; name: string }[] };

describe('creating organizations', () => {
  it('a root is a work committee, created only by the system administrator', async () => {
    const root = expectOk(await mk(sys, null, 'work_committee', '丙县直属机关工委'));
    expect(root).toMatchObject({ parentId: null, type: 'work_committee', status: 'active', path: [], childCount: 0, memberCount: 0 });
    const roots = expectOk(await sys.get('/api/orgs/roots')) as { id: number }[];
    expect(roots.map((r) => r.id)).toContain(root.id);

    const before = await countRows(db(), 'org');
    expect(expectError(await mk(sys, null, 'branch', '野生党支部'), 400, 'VALIDATION').message).toBe('顶级组织只能是机关工委');
    expectError(await mk(wcA, null, 'work_committee', '自封的机关工委'), 403, 'FORBIDDEN');
    expect(await countRows(db(), 'org')).toBe(before);
  });

  it('follows the type rules: a group only inside a branch, nothing inside a group', async () => {
    const oc = await mkOk(wcA, A, 'organ_committee', '甲市科技局机关党委');
    expect(oc.path).toEqual([{ id: A, name: '甲市直属机关工委' }]);
    const br = await mkOk(wcA, oc.id, 'branch', '科技局第一党支部');
    expect(br.path.map((p) => p.id)).toEqual([A, oc.id]);
    const grp = await mkOk(wcA, br.id, 'group', '科技局第一党小组');
    expect(grp.path.map((p) => p.id)).toEqual([A, oc.id, br.id]);

    const before = await countRows(db(), 'org');
    expect(expectError(await mk(wcA, oc.id, 'group', '越级党小组'), 400, 'VALIDATION').message).toBe('机关党委下不能设立党小组');
    expect(expectError(await mk(wcA, A, 'group', '工委直属党小组'), 400, 'VALIDATION').message).toBe('机关工委下不能设立党小组');
    expect(expectError(await mk(wcA, grp.id, 'branch', '小组下的支部'), 400, 'VALIDATION').message).toBe('党小组下不能设立党支部');
    expect(expectError(await mk(wcA, br.id, 'organ_committee', '支部下的机关党委'), 400, 'VALIDATION').message).toBe('党支部下不能设立机关党委');
    expect(expectError(await mk(wcA, A, 'work_committee', '工委下的工委'), 400, 'VALIDATION').message).toContain('机关工委下不能设立机关工委');
    expect(await countRows(db(), 'org')).toBe(before);

    const kids = expectOk(await wcA.get(`/api/orgs/children?parentId=${oc.id}`)) as { id: number }[];
    expect(kids.map((k) => k.id)).toEqual([br.id]);
    expect((await org(oc.id)).childCount).toBe(1);
  });

  it('refuses a duplicate code within one root, in Chinese, and allows it in another root', async () => {
    const oc = await mkOk(wcA, A, 'organ_committee', '甲市商务局机关党委');
    await mkOk(wcA, oc.id, 'branch', '商务局第一党支部', 'SW-01');
    const before = await countRows(db(), 'org');
    const e = expectError(await mk(wcA, oc.id, 'branch', '商务局第二党支部', 'SW-01'), 400, 'VALIDATION');
    expect(e.message).toBe('组织编码已被同一机关工委下的其他组织使用');
    expect(await countRows(db(), 'org')).toBe(before);
    // Renaming another org's code onto it is refused the same way.
    const other = await mkOk(wcA, oc.id, 'branch', '商务局第三党支部', 'SW-03');
    expectError(await wcA.patch(`/api/orgs/${other.id}`, { code: 'SW-01', version: other.version }), 400, 'VALIDATION');
    expect((await org(other.id)).code).toBe('SW-03');
    // The same code under another work committee is that committee's business.
    const bOc = await mkOk(wcB, B, 'organ_committee', '乙县商务局机关党委');
    await mkOk(wcB, bOc.id, 'branch', '乙县商务局第一党支部', 'SW-01');
  });
});

describe('renaming', () => {
  it('uses the version read: a stale version is 409 and changes nothing', async () => {
    const oc = await mkOk(wcA, A, 'organ_committee', '甲市统计局机关党委');
    const renamed = expectOk(await wcA.patch(`/api/orgs/${oc.id}`, { name: '甲市统计局机关委员会', version: oc.version }));
    expect(renamed).toMatchObject({ name: '甲市统计局机关委员会', version: oc.version + 1 });

    const stale = expectError(await wcA.patch(`/api/orgs/${oc.id}`, { name: '被覆盖的名称', shortName: '覆盖', version: oc.version }), 409, 'CONFLICT');
    expect(stale.message).toContain('刷新');
    const now = await org(oc.id);
    expect(now).toMatchObject({ name: '甲市统计局机关委员会', shortName: null, version: oc.version + 1 });

    const history = expectOk(await wcA.get(`/api/orgs/${oc.id}/history`)) as { action: string; detail: string }[];
    expect(history.filter((h) => h.action === 'update')).toHaveLength(1);
    expect(history[0].detail).toBe('名称由“甲市统计局机关党委”改为“甲市统计局机关委员会”');
  });
});

describe('moving a subtree', () => {
  it('re-hangs an organ committee with its branches under another root: path, counts, closure and scope follow', async () => {
    const X = await mkOk(wcA, A, 'organ_committee', '甲市审计局机关党委');
    const X1 = await mkOk(wcA, X.id, 'branch', '审计局第一党支部');
    const X2 = await mkOk(wcA, X.id, 'branch', '审计局第二党支部');
    const members = [(await ctx.build.member(X1.id)).id, (await ctx.build.member(X1.id)).id, (await ctx.build.member(X2.id)).id];

    const [a0, b0] = [await org(A), await org(B)];
    const [sa0, sb0] = [expectOk(await sys.get(`/api/orgs/${A}/stats`)), expectOk(await sys.get(`/api/orgs/${B}/stats`))];
    expect(expectOk(await wcA.get(`/api/members/${members[0]}`)).id).toBe(members[0]);
    expectError(await wcB.get(`/api/members/${members[0]}`), 403, 'FORBIDDEN');

    // Only someone whose scope covers both places may move it.
    expectError(await wcA.post(`/api/orgs/${X.id}/move`, { newParentId: B, version: X.version }), 403, 'FORBIDDEN');
    expectError(await sys.post(`/api/orgs/${X.id}/move`, { newParentId: B, version: X.version + 5 }), 409, 'CONFLICT');
    expect((await org(X.id)).parentId).toBe(A);

    const moved = expectOk(await sys.post(`/api/orgs/${X.id}/move`, { newParentId: B, version: X.version }));
    expect(moved).toMatchObject({ parentId: B, path: [{ id: B, name: '乙县直属机关工委' }], subtreeMemberCount: 3 });
    expect((await org(X1.id)).path).toEqual([{ id: B, name: '乙县直属机关工委' }, { id: X.id, name: '甲市审计局机关党委' }]);

    // The closure table: X1's ancestors are exactly X1, X, B, at the right depths.
    const closure = await db().selectFrom('org_closure').select(['ancestor_id', 'depth']).where('descendant_id', '=', X1.id).orderBy('depth').execute();
    expect(closure).toEqual([{ ancestor_id: X1.id, depth: 0 }, { ancestor_id: X.id, depth: 1 }, { ancestor_id: B, depth: 2 }]);

    const [a1, b1] = [await org(A), await org(B)];
    expect(a1.subtreeMemberCount).toBe(a0.subtreeMemberCount - 3);
    expect(b1.subtreeMemberCount).toBe(b0.subtreeMemberCount + 3);
    expect(a1.childCount).toBe(a0.childCount - 1);
    expect(b1.childCount).toBe(b0.childCount + 1);
    const [sa1, sb1] = [expectOk(await sys.get(`/api/orgs/${A}/stats`)), expectOk(await sys.get(`/api/orgs/${B}/stats`))];
    expect(sa1.orgCount).toBe(sa0.orgCount - 3);
    expect(sb1.orgCount).toBe(sb0.orgCount + 3);
    expect(sa1.memberCount).toBe(sa0.memberCount - 3);
    expect(sb1.memberCount).toBe(sb0.memberCount + 3);

    // The members now belong to root B: B's admin sees them, A's admin no longer does.
    const rows = await db().selectFrom('member').select(['id', 'root_id']).where('id', 'in', members).execute();
    expect(rows.every((r) => r.root_id === B)).toBe(true);
    const orgRows = await db().selectFrom('org').select('root_id').where('id', 'in', [X.id, X1.id, X2.id]).execute();
    expect(orgRows.every((r) => r.root_id === B)).toBe(true);
    const listB = expectOk(await wcB.get('/api/members?pageSize=100'));
    expect(listB.items.map((m: { id: number }) => m.id)).toEqual(expect.arrayContaining(members));
    const listA = expectOk(await wcA.get('/api/members?pageSize=100'));
    expect(listA.items.map((m: { id: number }) => m.id)).not.toEqual(expect.arrayContaining([members[0]]));
    expect(listA.items.some((m: { id: number }) => members.includes(m.id))).toBe(false);
    expect(expectOk(await wcB.get(`/api/members/${members[2]}`)).orgPath).toBe('乙县直属机关工委 / 甲市审计局机关党委 / 审计局第二党支部');
    expectError(await wcA.get(`/api/members/${members[2]}`), 403, 'FORBIDDEN');
    expectError(await wcA.get(`/api/orgs/${X1.id}`), 403, 'FORBIDDEN');
    expect((await org(X1.id, wcB)).id).toBe(X1.id);

    const history = expectOk(await wcB.get(`/api/orgs/${X.id}/history`)) as { action: string; detail: string }[];
    expect(history[0]).toMatchObject({ action: 'move', detail: '由“甲市直属机关工委”移至“乙县直属机关工委”' });
  });

  it('refuses to move an organization under itself or its own descendant', async () => {
    const G = await mkOk(wcA, A, 'general_branch', '甲市档案局党总支');
    const G1 = await mkOk(wcA, G.id, 'branch', '档案局第一党支部');
    const before = await db().selectFrom('org_closure').selectAll().orderBy('ancestor_id').orderBy('descendant_id').execute();
    const e = expectError(await wcA.post(`/api/orgs/${G.id}/move`, { newParentId: G1.id, version: G.version }), 400, 'VALIDATION');
    expect(e.message).toBe('不能把组织移动到它自己或它的下级组织之下');
    expectError(await wcA.post(`/api/orgs/${G.id}/move`, { newParentId: G.id, version: G.version }), 400, 'VALIDATION');
    // Type rules hold for moves too: a branch cannot go under a group.
    const grp = await mkOk(wcA, G1.id, 'group', '档案局第一党小组');
    const G2 = await mkOk(wcA, G.id, 'branch', '档案局第二党支部');
    expect(expectError(await wcA.post(`/api/orgs/${G2.id}/move`, { newParentId: grp.id, version: G2.version }), 400, 'VALIDATION').message)
      .toBe('党小组下不能设立党支部');
    expect((await org(G.id)).parentId).toBe(A);
    expect((await org(G.id)).version).toBe(G.version);
    const after = await db().selectFrom('org_closure').selectAll().where('descendant_id', 'not in', [grp.id, G2.id])
      .orderBy('ancestor_id').orderBy('descendant_id').execute();
    expect(after).toEqual(before);
  });
});

describe('dissolving', () => {
  it('is refused while members or active children remain, and keeps the org as history afterwards', async () => {
    const D = await mkOk(wcA, A, 'organ_committee', '甲市粮食局机关党委');
    const D1 = await mkOk(wcA, D.id, 'branch', '粮食局第一党支部');
    const D2 = await mkOk(wcA, D.id, 'branch', '粮食局第二党支部');
    const m = await ctx.build.member(D1.id);

    expect(expectError(await wcA.post(`/api/orgs/${D.id}/dissolve`, { reason: '机构改革', version: D.version }), 400, 'VALIDATION').message)
      .toContain('未撤销的下级组织');
    expect(expectError(await wcA.post(`/api/orgs/${D1.id}/dissolve`, { reason: '机构改革', version: D1.version }), 400, 'VALIDATION').message)
      .toBe('该组织还有 1 名在册党员，请先办理组织关系转接');
    expect((await org(D.id)).status).toBe('active');
    expect((await org(D1.id)).status).toBe('active');

    const gone = expectOk(await wcA.post(`/api/orgs/${D2.id}/dissolve`, { reason: '机构改革撤并', version: D2.version }));
    expect(gone.status).toBe('dissolved');
    expect(gone.dissolvedAt).toBe(ctx.clock.now().toISOString());
    // Kept: still readable, hidden from the tree unless asked for.
    expect(await org(D2.id, wcA)).toMatchObject({ id: D2.id, status: 'dissolved', name: '粮食局第二党支部' });
    const visible = expectOk(await wcA.get(`/api/orgs/children?parentId=${D.id}`)) as { id: number }[];
    expect(visible.map((o) => o.id)).toEqual([D1.id]);
    const all = expectOk(await wcA.get(`/api/orgs/children?parentId=${D.id}&includeDissolved=true`)) as { id: number; status: string }[];
    expect(all.map((o) => [o.id, o.status])).toEqual([[D1.id, 'active'], [D2.id, 'dissolved']]);
    expect((await org(D.id)).childCount).toBe(1);
    const history = expectOk(await wcA.get(`/api/orgs/${D2.id}/history`)) as { action: string; detail: string; actorName: string }[];
    expect(history[0]).toMatchObject({ action: 'dissolve', detail: '撤销组织，原因：机构改革撤并', actorName: 'wca姓名' });

    expectError(await wcA.post(`/api/orgs/${D2.id}/dissolve`, { reason: '再撤一次', version: gone.version }), 400, 'VALIDATION');
    expectError(await mk(wcA, D2.id, 'group', '已撤销支部的党小组'), 400, 'VALIDATION');
    expectError(await wcA.patch(`/api/orgs/${D2.id}`, { name: '复活', version: gone.version }), 400, 'VALIDATION');

    // Once the member has moved and the last child is gone, the committee itself can go.
    const elsewhere = await mkOk(wcA, A, 'branch', '甲市机关直属党支部');
    const detail = await ctx.services.members.get(ctx.build.system, m.id);
    await ctx.services.members.transfer(ctx.build.system, m.id, { toOrgId: elsewhere.id, transferDate: '2026-02-01', version: detail.version });
    expectOk(await wcA.post(`/api/orgs/${D1.id}/dissolve`, { reason: '机构改革', version: (await org(D1.id)).version }));
    expectOk(await wcA.post(`/api/orgs/${D.id}/dissolve`, { reason: '机构改革', version: (await org(D.id)).version }));
    expect(await org(D.id)).toMatchObject({ status: 'dissolved', childCount: 0 });
  });
});

describe('search and stats', () => {
  it('searches by name within the actor\'s scope only', async () => {
    await mkOk(wcA, A, 'organ_committee', '甲市财政局机关党委');
    await mkOk(wcB, B, 'organ_committee', '乙县财政局机关党委');
    const a = expectOk(await wcA.get(`/api/orgs/search?q=${encodeURIComponent('财政')}`)) as { name: string }[];
    expect(a.map((o) => o.name)).toContain('甲市财政局机关党委');
    expect(a.map((o) => o.name)).not.toContain('乙县财政局机关党委');
    expect(a.every((o) => o.name.includes('财政'))).toBe(true);
    // Results name their parent, so two branches called the same can be told apart.
    expect((a as { name: string; parentName?: string | null }[]).find((o) => o.name === '甲市财政局机关党委')?.parentName).toBe('甲市直属机关工委');
    const all = expectOk(await sys.get(`/api/orgs/search?q=${encodeURIComponent('财政局机关')}`)) as { name: string }[];
    expect(all.map((o) => o.name)).toEqual(expect.arrayContaining(['甲市财政局机关党委', '乙县财政局机关党委']));
    // LIKE wildcards typed by a person are literal text.
    expect(expectOk(await wcA.get(`/api/orgs/search?q=${encodeURIComponent('%')}`))).toEqual([]);
    // An exact code finds its org.
    const byCode = expectOk(await wcA.get('/api/orgs/search?q=A')) as { id: number }[];
    expect(byCode.map((o) => o.id)).toContain(A);
  });

  it('counts the subtree by type, members and probationary members; dissolved orgs do not count', async () => {
    const S = await mkOk(wcA, A, 'organ_committee', '甲市水利局机关党委');
    const SG = await mkOk(wcA, S.id, 'general_branch', '水利局党总支');
    const S1 = await mkOk(wcA, SG.id, 'branch', '水利局第一党支部');
    const S2 = await mkOk(wcA, SG.id, 'branch', '水利局第二党支部');
    const grp = await mkOk(wcA, S1.id, 'group', '水利局第一党小组');
    await ctx.build.member(S1.id);
    await ctx.build.member(S2.id);
    await ctx.build.member(S2.id, { category: 'probationary', joinDate: '2025-09-01' });
    const stats = expectOk(await wcA.get(`/api/orgs/${S.id}/stats`));
    expect(stats).toEqual({ orgCount: 5, byType: { organ_committee: 1, general_branch: 1, branch: 2, group: 1 }, memberCount: 3, probationaryCount: 1, expiringTerms: 0 });
    expectOk(await wcA.post(`/api/orgs/${grp.id}/dissolve`, { reason: '合并', version: grp.version }));
    const after = expectOk(await wcA.get(`/api/orgs/${S.id}/stats`));
    expect(after).toMatchObject({ orgCount: 4, byType: { organ_committee: 1, general_branch: 1, branch: 2 } });
    expect(after.byType.group).toBeUndefined();
    expect((await org(SG.id)).subtreeMemberCount).toBe(3);
    expect((await org(S2.id)).memberCount).toBe(2);
  });
});

describe('committee terms', () => {
  it('warns six months ahead of a term\'s end, and re-election ends the warning', async () => {
    const T1 = await mkOk(wcA, A, 'branch', '甲市机关事务局党支部');
    const T2 = await mkOk(wcA, A, 'branch', '甲市信访局党支部');
    const sec = await ctx.build.member(T1.id, { name: '王建国' });
    const term = expectOk(await wcA.post(`/api/orgs/${T1.id}/committee-terms`, {
      startDate: '2021-12-31', endDate: '2026-12-31', seats: [{ role: 'secretary', memberId: sec.id, personName: '王建国' }, { role: 'committee_member', memberId: null, personName: '李委员' }],
    }));
    expect(term).toMatchObject({ orgId: T1.id, daysToEnd: 305, expiringSoon: false });
    expectOk(await wcA.post(`/api/orgs/${T2.id}/committee-terms`, { startDate: '2023-03-01', endDate: '2028-03-01', seats: [] }));
    const early = expectOk(await wcA.get(`/api/committees/expiring?orgId=${A}`)) as { orgId: number }[];
    expect(early.map((e) => e.orgId)).not.toContain(T1.id);

    const old = await ctx.as('wca');
    try {
      ctx.clock.current = new Date('2026-08-01T02:00:00Z'); // five months on: the end is within six months
      expectError(await old.get('/api/auth/me'), 401, 'SESSION_EXPIRED'); // sessions do not outlive such a jump
      const c = await ctx.as('wca');
      const expiring = expectOk(await c.get(`/api/committees/expiring?orgId=${A}`)) as { orgId: number; orgName: string; daysToEnd: number; endDate: string; secretary: string | null }[];
      expect(expiring.find((e) => e.orgId === T1.id)).toEqual({ orgId: T1.id, orgName: '甲市机关事务局党支部', parentName: '甲市直属机关工委', endDate: '2026-12-31', daysToEnd: 152, secretary: '王建国' });
      expect(expiring.map((e) => e.orgId)).not.toContain(T2.id); // two years away
      // Default scope is the actor's own tree; another root's admin does not see it.
      expect((expectOk(await c.get('/api/committees/expiring')) as { orgId: number }[]).map((e) => e.orgId)).toContain(T1.id);
      const cb = await ctx.as('wcb');
      expect((expectOk(await cb.get('/api/committees/expiring')) as { orgId: number }[]).map((e) => e.orgId)).not.toContain(T1.id);

      const terms = expectOk(await c.get(`/api/orgs/${T1.id}/committee-terms`)) as { id: number; expiringSoon: boolean; daysToEnd: number }[];
      expect(terms).toHaveLength(1);
      expect(terms[0]).toMatchObject({ id: term.id, expiringSoon: true, daysToEnd: 152 });
      expect(terms[0]).toMatchObject({ seats: [{ role: 'secretary', memberId: sec.id, personName: '王建国' }, { role: 'committee_member', memberId: null, personName: '李委员' }] });
      expect(expectOk(await c.get(`/api/orgs/${T1.id}/stats`)).expiringTerms).toBe(1);

      // Re-election: a new term; the old one is kept but no longer current, so no longer warned about.
      const next = expectOk(await c.post(`/api/orgs/${T1.id}/committee-terms`, {
        startDate: '2026-07-20', endDate: '2031-07-19', seats: [{ role: 'secretary', memberId: sec.id, personName: '王建国' }],
      }));
      expect(next.expiringSoon).toBe(false);
      const after = expectOk(await c.get(`/api/orgs/${T1.id}/committee-terms`)) as { id: number; expiringSoon: boolean }[];
      expect(after.map((t) => t.id)).toEqual([next.id, term.id]);
      expect(after[1].expiringSoon).toBe(false);
      const current = await db().selectFrom('committee_term').select(['id', 'is_current']).where('org_id', '=', T1.id).orderBy('id').execute();
      expect(current).toEqual([{ id: term.id, is_current: 0 }, { id: next.id, is_current: 1 }]);
      expect((expectOk(await c.get(`/api/committees/expiring?orgId=${A}`)) as { orgId: number }[]).map((e) => e.orgId)).not.toContain(T1.id);
      expect(expectOk(await c.get(`/api/orgs/${T1.id}/stats`)).expiringTerms).toBe(0);
      const history = expectOk(await c.get(`/api/orgs/${T1.id}/history`)) as { action: string; detail: string }[];
      expect(history[0]).toMatchObject({ action: 'committee', detail: '换届：任期 2026-07-20 至 2031-07-19' });
    } finally {
      ctx.clock.current = new Date(T0);
    }
  });

  it('refuses a seat held by a member of another branch, and other bad terms', async () => {
    const T3 = await mkOk(wcA, A, 'branch', '甲市人防办党支部');
    const T4 = await mkOk(wcA, A, 'branch', '甲市地震局党支部');
    const own = await ctx.build.member(T3.id);
    const stranger = await ctx.build.member(T4.id, { name: '外支部党员' });
    const before = await countRows(db(), 'committee_term');
    const post = (seats: unknown[], startDate = '2024-01-01', endDate = '2029-01-01') =>
      wcA.post(`/api/orgs/${T3.id}/committee-terms`, { startDate, endDate, seats });
    expect(expectError(await post([{ role: 'secretary', memberId: stranger.id, personName: '外支部党员' }]), 400, 'VALIDATION').message)
      .toBe('班子成员须是本组织的党员');
    expect(expectError(await post([{ role: 'secretary', memberId: own.id, personName: '甲' }, { role: 'secretary', memberId: null, personName: '乙' }]), 400, 'VALIDATION').message)
      .toBe('一个班子只能有一名书记');
    expect(expectError(await post([], '2029-01-01', '2024-01-01'), 400, 'VALIDATION').message).toBe('任期结束日期应晚于开始日期');
    expect(await countRows(db(), 'committee_term')).toBe(before);
    expect(expectOk(await wcA.get(`/api/orgs/${T3.id}/committee-terms`))).toEqual([]);
    expectOk(await post([{ role: 'secretary', memberId: own.id, personName: '本支部书记' }]));
  });

  it('two editors of one term: the second, working from a stale copy, gets 409 and changes nothing', async () => {
    const T5 = await mkOk(wcA, A, 'branch', '甲市档案局党支部');
    const term = expectOk(await wcA.post(`/api/orgs/${T5.id}/committee-terms`, { startDate: '2024-01-01', endDate: '2029-01-01', seats: [] }));
    const first = expectOk(await wcA.put(`/api/committee-terms/${term.id}`, { startDate: '2024-01-01', endDate: '2029-01-01', seats: [{ role: 'secretary', memberId: null, personName: '先改的书记' }], version: term.version }));
    expect(first.version).toBe(term.version + 1);
    expectError(await wcA.put(`/api/committee-terms/${term.id}`, { startDate: '2024-01-01', endDate: '2029-01-01', seats: [{ role: 'secretary', memberId: null, personName: '后改的书记' }], version: term.version }), 409, 'CONFLICT');
    const [now] = expectOk(await wcA.get(`/api/orgs/${T5.id}/committee-terms`)) as { seats: { personName: string }[] }[];
    expect(now.seats.map((x) => x.personName)).toEqual(['先改的书记']);
  });
});
