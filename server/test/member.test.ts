// Members over HTTP: validation in Chinese with nothing written, duplicates without leaking other roots,
// personal data encrypted at rest and masked in lists, audited views, search, paging, transfers,
// optimistic updates, the export and the import template.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { idNumber } from './factories.js';
import { countRows, expectError, expectOk, readWorkbook, sheetRows } from './helpers.js';
import { MEMBER_XLSX_COLUMNS } from '../../contracts/limits.js';
import type { MemberCreateBody } from '../../contracts/schemas.js';

let ctx: TestContext;
let wcA: HttpClient;
let oa: HttpClient; // org admin of the finance organ committee A1
let wcB: HttpClient;
const o: Record<string, number> = {};
const acct: Record<string, number> = {};
let n = 50_000; // ID sequence far from the factories' own

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  Object.assign(o, await b.twoCities());
  acct.wca = await b.account({ username: 'wca', role: 'work_committee_admin', orgId: o.A });
  acct.oa = await b.account({ username: 'oa', role: 'org_admin', orgId: o.A1 });
  acct.wcb = await b.account({ username: 'wcb', role: 'work_committee_admin', orgId: o.B });
  wcA = await ctx.as('wca');
  oa = await ctx.as('oa');
  wcB = await ctx.as('wcb');
});
afterAll(async () => ctx?.close());

const db = () => ctx.services.db.kysely;
const nextId = (birth?: string, male?: boolean) => idNumber(++n, birth, male);
const body = (orgId: number, over: Partial<MemberCreateBody> = {}): MemberCreateBody => ctx.build.memberBody(orgId, { idNumber: nextId(), ...over });
const orgOf = async (id: number) => expectOk(await wcA.get(`/api/orgs/${id}`)) as { memberCount: number; subtreeMemberCount: number };
const auditRows = (action: string, targetId?: number) => {
  let q = db().selectFrom('audit_log').selectAll().where('action', '=', action);
  if (targetId !== undefined) q = q.where('target_id', '=', String(targetId));
  return q.orderBy('id').execute();
};
const newBranch = async (name: string, parentId = o.A1) => (await ctx.build.org({ parentId, type: 'branch', name })).id;

describe('creating a member', () => {
  it('rejects invalid facts with Chinese messages and writes nothing', async () => {
    const good = nextId('19850315', true);
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const cases: [string, Partial<MemberCreateBody>, string, string][] = [
      ['bad ID checksum', { idNumber: badCheck }, 'idNumber', '身份证号校验位错误'],
      ['ID of the wrong length', { idNumber: good.slice(0, 16) }, 'idNumber', '身份证号应为18位'],
      ['birth date differs from the ID', { idNumber: good, birthDate: '1985-03-16' }, 'birthDate', '出生日期与身份证号不一致'],
      ['gender differs from the ID', { idNumber: good, gender: 'female' }, 'gender', '性别与身份证号不一致'],
      ['join date in the future', { idNumber: good, joinDate: '2026-03-02' }, 'joinDate', '入党日期不能晚于今天'],
      ['under 18 at joining', { idNumber: good, joinDate: '2003-03-14' }, 'joinDate', '入党时未满18周岁'],
      ['a date that does not exist', { idNumber: good, joinDate: '2015-02-30' }, 'joinDate', '日期“2015-02-30”不存在'],
      ['a bad phone number', { idNumber: good, phone: '12345' }, 'phone', '手机号码格式不正确'],
    ];
    const before = await countRows(db(), 'member');
    const audits = (await auditRows('member.create')).length;
    for (const [what, over, field, message] of cases) {
      const e = expectError(await wcA.post('/api/members', body(o.A1b1, over)), 400, 'VALIDATION');
      expect(e.message, what).toBe(message);
      expect(e.details?.map((d) => d.field), what).toContain(field);
    }
    // Every problem is listed at once, so a form can mark every field.
    const many = expectError(await wcA.post('/api/members', body(o.A1b1, { idNumber: good, gender: 'female', joinDate: '2027-01-01' })), 400, 'VALIDATION');
    expect(many.details?.map((d) => d.field).sort()).toEqual(['gender', 'joinDate']);
    expect(await countRows(db(), 'member')).toBe(before);
    expect((await auditRows('member.create')).length).toBe(audits);
    expect((await orgOf(o.A1b1)).memberCount).toBe(await db().selectFrom('member').select('id').where('org_id', '=', o.A1b1).execute().then((r) => r.length));

    // The boundary: joining on the 18th birthday is allowed.
    const ok = expectOk(await wcA.post('/api/members', body(o.A1b1, { idNumber: good, joinDate: '2003-03-15' })));
    expect(ok).toMatchObject({ birthDate: '1985-03-15', joinDate: '2003-03-15', gender: 'male' });
  });

  it('gives a probationary member without dates a one-year probation from the join date', async () => {
    const stats0 = expectOk(await wcA.get(`/api/orgs/${o.A1b2}/stats`));
    const m = expectOk(await wcA.post('/api/members', body(o.A1b2, { category: 'probationary', joinDate: '2025-07-01' })));
    expect(m).toMatchObject({ category: 'probationary', probationStart: '2025-07-01', probationEnd: '2026-07-01' });
    const stats1 = expectOk(await wcA.get(`/api/orgs/${o.A1b2}/stats`));
    expect(stats1.probationaryCount).toBe(stats0.probationaryCount + 1);
    expect(stats1.memberCount).toBe(stats0.memberCount + 1);
  });

  it('refuses a duplicate ID number, naming the member only when the actor may see them', async () => {
    const id = nextId();
    await ctx.build.member(o.A1b1, { name: '赵重复', idNumber: id });
    const before = await countRows(db(), 'member');
    const seen = expectError(await oa.post('/api/members', body(o.A1b2, { idNumber: id })), 400, 'VALIDATION');
    expect(seen.message).toBe('该身份证号已登记为党员“赵重复”');
    // The old 15-digit form of the same number is the same person.
    const old15 = id.slice(0, 6) + id.slice(8, 17);
    expect(expectError(await oa.post('/api/members', body(o.A1b2, { idNumber: old15 })), 400, 'VALIDATION').message).toBe('该身份证号已登记为党员“赵重复”');
    expect(await countRows(db(), 'member')).toBe(before);

    const secretId = nextId();
    const secret = await ctx.build.member(o.B1b, { name: '乙县保密人员', idNumber: secretId });
    const before2 = await countRows(db(), 'member');
    const r = await oa.post('/api/members', body(o.A1b2, { idNumber: secretId }));
    const hidden = expectError(r, 400, 'VALIDATION');
    expect(hidden.message).toBe('该身份证号已在系统中登记，请联系其所在组织办理组织关系转接');
    for (const leak of ['乙县保密人员', '乙县保密局党支部', '乙县直属机关工委', `"${secret.id}"`]) expect(r.body).not.toContain(leak);
    expect(await countRows(db(), 'member')).toBe(before2);
  });
});

describe('personal data', () => {
  it('is encrypted at rest, masked in lists, and shown in full only in the audited profile', async () => {
    const id = nextId('19900101', false);
    const phone = '13912340000';
    const created = expectOk(await wcA.post('/api/members', body(o.A1b1, { name: '钱隐私', gender: 'female', idNumber: id, phone })));
    const raw = await db().selectFrom('member').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(raw.id_number_enc).not.toContain(id);
    expect(raw.id_number_enc).not.toContain(id.slice(6, 14));
    expect(raw.phone_enc).not.toContain(phone);
    expect(raw.id_number_hash).not.toContain(id);
    expect(JSON.stringify(raw)).not.toContain(id);
    expect(JSON.stringify(raw)).not.toContain(phone);
    expect(ctx.services.cipher.decrypt(raw.id_number_enc)).toBe(id); // really encrypted, not thrown away

    const list = await wcA.get(`/api/members?orgId=${o.A1b1}&pageSize=100`);
    const item = expectOk(list).items.find((m: { id: number }) => m.id === created.id);
    expect(item.idNumberMasked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    expect(item.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(item.phoneMasked).toBe('139****0000');
    expect(item).not.toHaveProperty('idNumber');
    expect(item).not.toHaveProperty('phone');
    expect(list.body).not.toContain(id);
    expect(list.body).not.toContain(phone);
    expect(list.headers['cache-control']).toBe('no-store');

    const views = (await auditRows('member.view', created.id)).length;
    const detail = await wcA.get(`/api/members/${created.id}`);
    expect(expectOk(detail)).toMatchObject({ id: created.id, idNumber: id, phone, name: '钱隐私', orgPath: '甲市直属机关工委 / 甲市财政局机关党委 / 财政局第一党支部' });
    expect(detail.headers['cache-control']).toBe('no-store');
    const rows = await auditRows('member.view', created.id);
    expect(rows.length).toBe(views + 1);
    expect(rows[rows.length - 1]).toMatchObject({ actor_id: acct.wca, target_type: 'member', result: 'ok', org_id: o.A1b1 });
    // A refused look is audited as a denial, and is not a view.
    expectError(await wcB.get(`/api/members/${created.id}`), 403, 'FORBIDDEN');
    expect((await auditRows('member.view', created.id)).length).toBe(views + 1);
    expect((await auditRows('access.denied', created.id)).some((r) => r.actor_id === acct.wcb)).toBe(true);
  });
});

describe('searching and paging', () => {
  let S: number;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    S = await newBranch('搜索测试党支部');
    for (const name of ['张三', '张三丰', '李四', '赵四', '王小张']) ids[name] = (await ctx.build.member(S, { name, idNumber: nextId() })).id;
  });
  const names = async (query: string) => {
    const r = expectOk(await wcA.get(`/api/members?orgId=${S}&${query}`));
    return (r.items as { name: string }[]).map((m) => m.name).sort();
  };

  it('finds by name substring, pinyin initials and the start of the full pinyin', async () => {
    expect(await names(`q=${encodeURIComponent('张')}`)).toEqual(['张三', '张三丰', '王小张'].sort());
    expect(await names(`q=${encodeURIComponent('张三')}`)).toEqual(['张三', '张三丰'].sort());
    expect(await names('q=zs')).toEqual(['张三', '张三丰', '赵四'].sort());
    expect(await names('q=ZS')).toEqual(['张三', '张三丰', '赵四'].sort());
    expect(await names('q=zhangs')).toEqual(['张三', '张三丰'].sort());
    expect(await names('q=zhangsanf')).toEqual(['张三丰']);
    expect(await names('q=ls')).toEqual(['李四']);
    expect(await names(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await names('q=xyz')).toEqual([]);
  });

  it('filters by status and category, with totals that follow status changes', async () => {
    const li = await ctx.services.members.get(ctx.build.system, ids['李四']);
    expectOk(await wcA.put(`/api/members/${li.id}`, {
      name: li.name, gender: li.gender, idNumber: li.idNumber, joinDate: li.joinDate, category: li.category, status: 'deceased', version: li.version,
    }));
    const zhao = await ctx.services.members.get(ctx.build.system, ids['赵四']);
    expectOk(await wcA.put(`/api/members/${zhao.id}`, {
      name: zhao.name, gender: zhao.gender, idNumber: zhao.idNumber, joinDate: '2025-10-01', category: 'probationary', status: 'active', version: zhao.version,
    }));
    expect(await names('status=deceased')).toEqual(['李四']);
    expect(await names('category=probationary')).toEqual(['赵四']);
    expect(await names('q=zs&category=probationary')).toEqual(['赵四']);
    const active = expectOk(await wcA.get(`/api/members?orgId=${S}&status=active`));
    expect(active.total).toBe(4);
    expect(active.items.map((m: { name: string }) => m.name)).not.toContain('李四');
    expect((await orgOf(S)).memberCount).toBe(4);
    expect(expectOk(await wcA.get(`/api/members?orgId=${S}`)).total).toBe(5);
  });

  it('pages with a total and no overlap', async () => {
    const P = await newBranch('分页测试党支部');
    const all: number[] = [];
    for (let i = 0; i < 25; i++) all.push((await ctx.build.member(P, { name: `分页${i}`, idNumber: nextId() })).id);
    const page = async (p: number) => expectOk(await wcA.get(`/api/members?orgId=${P}&pageSize=10&page=${p}`));
    const [p1, p2, p3, p4] = [await page(1), await page(2), await page(3), await page(4)];
    expect([p1.total, p2.total, p3.total]).toEqual([25, 25, 25]);
    expect(p2).toMatchObject({ page: 2, pageSize: 10 });
    expect([p1.items.length, p2.items.length, p3.items.length, p4.items.length]).toEqual([10, 10, 5, 0]);
    const seen = [...p1.items, ...p2.items, ...p3.items].map((m: { id: number }) => m.id);
    expect(new Set(seen).size).toBe(25);
    expect(seen.sort((a, b) => a - b)).toEqual(all.sort((a, b) => a - b));
    expectError(await wcA.get(`/api/members?orgId=${P}&pageSize=101`), 400, 'VALIDATION');
  });
});

describe('transfers', () => {
  it('moves a member between branches with history and counts, within scope only', async () => {
    const m = await ctx.build.member(o.A1b1, { name: '孙调动', idNumber: nextId() });
    await ctx.build.account({ username: 'sun', role: 'member', orgId: o.A1b1, memberId: m.id });
    const [from0, to0, parent0] = [await orgOf(o.A1b1), await orgOf(o.A1b2), await orgOf(o.A1)];
    const moved = expectOk(await oa.post(`/api/members/${m.id}/transfer`, { toOrgId: o.A1b2, transferDate: '2026-02-15', reason: '工作调动', version: m.version }));
    expect(moved).toMatchObject({ orgId: o.A1b2, orgName: '财政局第二党支部', version: m.version + 1 });
    expect(moved.transfers).toHaveLength(1);
    expect(moved.transfers[0]).toMatchObject({ fromOrgName: '甲市财政局机关党委 / 财政局第一党支部', toOrgName: '甲市财政局机关党委 / 财政局第二党支部', transferDate: '2026-02-15', reason: '工作调动' });
    const [from1, to1, parent1] = [await orgOf(o.A1b1), await orgOf(o.A1b2), await orgOf(o.A1)];
    expect(from1.memberCount).toBe(from0.memberCount - 1);
    expect(to1.memberCount).toBe(to0.memberCount + 1);
    expect(parent1.subtreeMemberCount).toBe(parent0.subtreeMemberCount);
    expect(expectOk(await wcA.get(`/api/members/${m.id}`)).transfers[0].fromOrgName).toBe('甲市财政局机关党委 / 财政局第一党支部');
    expect((await auditRows('member.transfer', m.id))).toHaveLength(1);
    // The member's own account follows them.
    const self = await ctx.as('sun');
    expect(expectOk(await self.get('/api/me/profile')).org.id).toBe(o.A1b2);

    // Out of the actor's scope: another root, or a sibling organ committee.
    for (const toOrgId of [o.B1b, o.A2b]) {
      expectError(await oa.post(`/api/members/${m.id}/transfer`, { toOrgId, transferDate: '2026-02-20', version: moved.version }), 403, 'FORBIDDEN');
    }
    expectError(await oa.post(`/api/members/${m.id}/transfer`, { toOrgId: o.A1b2, transferDate: '2026-02-20', version: moved.version }), 400, 'VALIDATION');
    expectError(await oa.post(`/api/members/${m.id}/transfer`, { toOrgId: o.A1b1, transferDate: '2026-02-20', version: m.version }), 409, 'CONFLICT');
    const still = await ctx.services.members.get(ctx.build.system, m.id);
    expect(still).toMatchObject({ orgId: o.A1b2, version: moved.version });
    expect(still.transfers).toHaveLength(1);
    expect((await orgOf(o.A1b2)).memberCount).toBe(to1.memberCount);
  });

  it('refuses to transfer a member who is not active', async () => {
    const m = await ctx.build.member(o.A1b1, { idNumber: nextId() });
    const gone = expectOk(await oa.put(`/api/members/${m.id}`, {
      name: m.name, gender: m.gender, idNumber: m.idNumber, joinDate: m.joinDate, category: m.category, status: 'transferred_out', version: m.version,
    }));
    const e = expectError(await oa.post(`/api/members/${m.id}/transfer`, { toOrgId: o.A1b2, transferDate: '2026-02-20', version: gone.version }), 400, 'VALIDATION');
    expect(e.message).toBe('只有在册党员可以办理组织关系转接');
    expect((await ctx.services.members.get(ctx.build.system, m.id)).orgId).toBe(o.A1b1);
  });
});

describe('updating', () => {
  it('uses the version read: a stale version is 409 and changes nothing', async () => {
    const m = await ctx.build.member(o.A1b1, { idNumber: nextId(), post: '科员' });
    const base = { name: m.name, gender: m.gender, idNumber: m.idNumber, joinDate: m.joinDate, category: m.category, status: m.status };
    const first = expectOk(await oa.put(`/api/members/${m.id}`, { ...base, post: '副科长', version: m.version }));
    expect(first).toMatchObject({ post: '副科长', version: m.version + 1 });
    const e = expectError(await oa.put(`/api/members/${m.id}`, { ...base, post: '科长', name: '改名者', version: m.version }), 409, 'CONFLICT');
    expect(e.message).toContain('已被他人修改');
    const now = await ctx.services.members.get(ctx.build.system, m.id);
    expect(now).toMatchObject({ post: '副科长', name: m.name, version: m.version + 1 });
  });
});

describe('export and template', () => {
  it('exports exactly the filtered members as .xlsx, and audits the export', async () => {
    const E = await newBranch('导出测试党支部', o.A2);
    const people = [
      await ctx.build.member(E, { name: '导出甲', idNumber: nextId(), phone: '13800001111' }),
      await ctx.build.member(E, { name: '导出乙', idNumber: nextId() }),
      await ctx.build.member(E, { name: '导出丙', idNumber: nextId(), category: 'probationary', joinDate: '2025-09-01' }),
    ];
    await ctx.build.member(o.A2b, { name: '别处的人', idNumber: nextId() });
    const exports0 = (await auditRows('member.export')).length;

    const r = await wcA.get(`/api/members/export?orgId=${E}&category=full`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const cd = String(r.headers['content-disposition']);
    expect(cd).toMatch(/^attachment;/);
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(cd)?.[1];
    expect(decodeURIComponent(encoded!)).toMatch(/^党员信息_\d{12}\.xlsx$/);
    expect(r.headers['cache-control']).toBe('no-store');

    const wb = await readWorkbook(r.rawPayload);
    const rows = sheetRows(wb.getWorksheet('党员信息')!);
    expect(rows[0][0]).toBe('党员信息');
    expect(rows[1]).toEqual([...MEMBER_XLSX_COLUMNS.map((c) => c.header), '状态']);
    const data = rows.slice(2);
    expect(data.map((d) => d[0]).sort()).toEqual(['导出乙', '导出甲'].sort());
    const col = (header: string) => rows[1].indexOf(header);
    const jia = data.find((d) => d[0] === '导出甲')!;
    expect(jia[col('身份证号')]).toBe(people[0].idNumber);
    expect(jia[col('手机号码')]).toBe('13800001111');
    expect(jia[col('性别')]).toBe('男');
    expect(jia[col('党员类别')]).toBe('正式党员');
    expect(jia[col('所在党组织')]).toBe('导出测试党支部');
    expect(jia[col('状态')]).toBe('在册');

    const audits = await auditRows('member.export');
    expect(audits.length).toBe(exports0 + 1);
    expect(audits[audits.length - 1]).toMatchObject({ actor_id: acct.wca, target_id: String(E), result: 'ok' });
    expect(JSON.parse(audits[audits.length - 1].detail!)).toMatchObject({ rows: 2, filter: { category: 'full' } });

    const byName = await readWorkbook((await wcA.get(`/api/members/export?orgId=${o.A}&q=${encodeURIComponent('导出')}`)).rawPayload);
    expect(sheetRows(byName.getWorksheet('党员信息')!).slice(2).map((d) => d[0]).sort()).toEqual(['导出丙', '导出乙', '导出甲'].sort());
  });

  it('serves the import template as .xlsx with the 姓名 header', async () => {
    const r = await oa.get('/api/members/import-template');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(r.headers['content-disposition']))![1])).toBe('党员信息导入模板.xlsx');
    const wb = await readWorkbook(r.rawPayload);
    const ws = wb.getWorksheet('党员信息')!;
    const header = sheetRows(ws)[0];
    expect(header[0]).toBe('*姓名');
    expect(header.map((h) => h.replace(/^\*/, ''))).toEqual(MEMBER_XLSX_COLUMNS.map((c) => c.header));
    MEMBER_XLSX_COLUMNS.forEach((c, i) => expect(header[i].startsWith('*'), c.header).toBe(c.required));
    expect(wb.getWorksheet('填写说明')).toBeDefined();
  });
});

describe('totals', () => {
  it('the list total of 在册 members comes from the summaries and equals a real count, for every scope', async () => {
    await ctx.build.account({ username: 'sysadmin', role: 'work_committee_admin', orgId: null });
    const sys = await ctx.as('sysadmin');
    const real = async (root: number | null) => {
      let q = db().selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active');
      if (root !== null) q = q.where('root_id', '=', root);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const all = expectOk(await sys.get('/api/members?status=active&pageSize=1'));
    expect(all.total).toBe(await real(null));
    expect(all.total).toBeGreaterThan(0);
    expect(expectOk(await wcA.get('/api/members?status=active&pageSize=1')).total).toBe(await real(o.A));
    expect(expectOk(await wcB.get('/api/members?status=active&pageSize=1')).total).toBe(await real(o.B));
  });
});
