// Study over HTTP: materials kept by the work committee are read by its whole tree and changed only by it; an
// org's own materials are seen by its subtree, not by a sibling; uploads typed by content; plans and sessions
// with attendance from the org's roll (absences need a reason, outsiders are refused); statistics per org for
// the org and its children, with the Excel export; no per-member figures anywhere. Fresh database for this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { cellText, countRows, expectError, expectOk, readWorkbook } from './helpers.js';
import { multipartBody } from './multipart.js';

let ctx: TestContext;
let wc: HttpClient; // work-committee admin of A
let oa: HttpClient; // admin of A1 (organ committee)
let b1: HttpClient; // admin of branch A1b
let b2: HttpClient; // admin of branch A1c (sibling)
const ids: Record<'A' | 'A1' | 'A1b' | 'A1c' | 'B', number> = {} as never;
const members: number[] = [];
let outsider = 0;
const db = () => ctx.services.db.kysely;

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  Object.assign(ids, await b.financeTree('A'));
  ids.B = (await b.org({ parentId: null, name: '乙县直属机关工委', code: 'B' })).id;
  for (let i = 0; i < 4; i++) members.push((await b.member(ids.A1b, { name: `学员${i + 1}` })).id);
  outsider = (await b.member(ids.A1c, { name: '外支部党员' })).id;
  await b.account({ username: 'wc', role: 'work_committee_admin', orgId: ids.A });
  await b.account({ username: 'oa', role: 'org_admin', orgId: ids.A1 });
  await b.account({ username: 'b1', role: 'org_admin', orgId: ids.A1b });
  await b.account({ username: 'b2', role: 'org_admin', orgId: ids.A1c });
  [wc, oa, b1, b2] = await Promise.all(['wc', 'oa', 'b1', 'b2'].map((u) => ctx.as(u)));
});
afterAll(async () => ctx?.close());

let wcArticle = 0;
let b1Link = 0;
let b1Doc = 0;

describe('study materials', () => {
  it('the work committee keeps an article its whole tree reads but only it changes', async () => {
    const m = expectOk(await wc.post('/api/study/materials', { ownerOrgId: ids.A, kind: 'article', title: '学习贯彻党的二十大精神', body: '第一段\n第二段', source: '共产党员网' }));
    wcArticle = m.id;
    expect(m.editable).toBe(true);
    const seen = expectOk(await b1.get(`/api/study/materials/${m.id}`));
    expect(seen.body).toBe('第一段\n第二段');
    expect(seen.editable).toBe(false);
    expectError(await b1.put(`/api/study/materials/${m.id}`, { title: '改标题', body: 'x', version: m.version }), 403, 'FORBIDDEN');
    expectError(await b1.request('DELETE', `/api/study/materials/${m.id}`), 403, 'FORBIDDEN');
    const list = expectOk(await b1.get(`/api/study/materials?orgId=${ids.A1b}`));
    expect(list.items.map((i: { id: number }) => i.id)).toContain(m.id);
    expect(list.items[0]).not.toHaveProperty('body');
  });

  it('an org\'s own materials are seen in its subtree, not by a sibling or another tree', async () => {
    const link = expectOk(await b1.post('/api/study/materials', { ownerOrgId: ids.A1b, kind: 'link', title: '共产党员网专题', url: 'https://www.12371.cn/special/' }));
    b1Link = link.id;
    expectError(await b2.get(`/api/study/materials/${link.id}`), 403, 'FORBIDDEN');
    expectOk(await oa.get(`/api/study/materials/${link.id}`)); // an ancestor's admin reads its subtree
    expectError(await b2.get(`/api/study/materials?orgId=${ids.A1b}`), 403, 'FORBIDDEN');
    const sibling = expectOk(await b2.get(`/api/study/materials?orgId=${ids.A1c}`));
    expect(sibling.items.map((i: { id: number }) => i.id)).not.toContain(link.id);
    expect(sibling.items.map((i: { id: number }) => i.id)).toContain(wcArticle);
  });

  it('refuses bad input with Chinese messages: no body, a javascript: link, a stale version', async () => {
    expectError(await b1.post('/api/study/materials', { ownerOrgId: ids.A1b, kind: 'article', title: '空文章' }), 400, 'VALIDATION');
    expectError(await b1.post('/api/study/materials', { ownerOrgId: ids.A1b, kind: 'link', title: '坏链接', url: 'javascript:alert(1)' }), 400, 'VALIDATION');
    const m = expectOk(await b1.get(`/api/study/materials/${b1Link}`));
    expectOk(await b1.put(`/api/study/materials/${b1Link}`, { title: '共产党员网学习专题', url: m.url, version: m.version }));
    expectError(await b1.put(`/api/study/materials/${b1Link}`, { title: '再改', url: m.url, version: m.version }), 409, 'CONFLICT');
  });

  it('uploads a document typed by its content and serves it only in scope', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = (c: HttpClient, owner: number, data: Buffer, filename: string) => {
      const { payload, headers } = multipartBody({ ownerOrgId: owner, title: '党章学习辅导' }, { filename, contentType: 'application/pdf', data });
      return c.request('POST', '/api/study/materials/upload', payload, headers);
    };
    const m = expectOk(await up(b1, ids.A1b, pdf, '../../辅导.pdf'));
    b1Doc = m.id;
    expect(m.kind).toBe('document');
    expect(m.fileName).toBe('辅导.pdf');
    const f = await b1.get(m.fileUrl);
    expect(f.statusCode).toBe(200);
    expect(f.headers['content-disposition']).toMatch(/^attachment/);
    expect((await b2.get(m.fileUrl)).statusCode).toBe(403);
    expectError(await up(b1, ids.A1b, Buffer.from('<script>alert(1)</script>'), '伪装.pdf'), 415, 'UNSUPPORTED_MEDIA');
    expectError(await up(b2, ids.A1b, pdf, '越权.pdf'), 403, 'FORBIDDEN');
  });
});

let planId = 0;
let itemIds: number[] = [];

describe('plans and sessions', () => {
  it('makes a year plan whose topics link materials the org may use', async () => {
    const body = { orgId: ids.A1b, title: '2026年度理论学习计划', year: 2026, quarter: null, items: [
      { topic: '学习党章', plannedOn: '2026-01-15', materialIds: [wcArticle, b1Doc] },
      { topic: '学习廉洁自律准则', plannedOn: '2026-02-20', materialIds: [b1Link] },
      { topic: '专题研讨', plannedOn: '2026-05-20', materialIds: [] },
    ] };
    const p = expectOk(await b1.post('/api/study/plans', body));
    planId = p.id;
    itemIds = p.items.map((i: { id: number }) => i.id);
    expect(p.items[0].materials.map((m: { title: string }) => m.title)).toEqual(['学习贯彻党的二十大精神', '党章学习辅导']);
    // A sibling's material, a date outside the year, a quarter mismatch: refused.
    const sib = expectOk(await b2.post('/api/study/materials', { ownerOrgId: ids.A1c, kind: 'link', title: '二支部资料', url: 'https://www.12371.cn/' }));
    expectError(await b1.post('/api/study/plans', { ...body, items: [{ topic: '越权资料', plannedOn: '2026-01-01', materialIds: [sib.id] }] }), 400, 'VALIDATION');
    expectError(await b1.post('/api/study/plans', { ...body, items: [{ topic: '跨年', plannedOn: '2027-01-01', materialIds: [] }] }), 400, 'VALIDATION');
    expectError(await b1.post('/api/study/plans', { ...body, quarter: 1, items: [{ topic: '季度外', plannedOn: '2026-05-01', materialIds: [] }] }), 400, 'VALIDATION');
    expectError(await b1.post('/api/study/plans', { ...body, items: [{ topic: '假日期', plannedOn: '2026-02-30', materialIds: [] }] }), 400, 'VALIDATION');
    expectError(await b2.post('/api/study/plans', body), 403, 'FORBIDDEN');
  });

  it('edits a plan keeping the topics it sends by id', async () => {
    const p = expectOk(await b1.get(`/api/study/plans/${planId}`));
    const items = p.items.slice(0, 2).map((i: { id: number; topic: string; plannedOn: string; materials: { id: number }[] }) => ({ id: i.id, topic: i.topic, plannedOn: i.plannedOn, materialIds: i.materials.map((m) => m.id) }));
    items.push({ topic: '学习新修订的条例', plannedOn: '2026-06-10', materialIds: [] });
    const q = expectOk(await b1.put(`/api/study/plans/${planId}`, { title: p.title, year: 2026, quarter: null, items, version: p.version }));
    expect(q.items.slice(0, 2).map((i: { id: number }) => i.id)).toEqual(itemIds.slice(0, 2));
    expect(q.items).toHaveLength(3);
    expectError(await b1.put(`/api/study/plans/${planId}`, { title: p.title, year: 2026, quarter: null, items, version: p.version }), 409, 'CONFLICT');
    itemIds = q.items.map((i: { id: number }) => i.id);
  });

  it('records a session with attendance from the org roll; absences need a reason; outsiders are refused', async () => {
    const att = [
      { memberId: members[0], present: true }, { memberId: members[1], present: true }, { memberId: members[2], present: true },
      { memberId: members[3], present: false, absenceReason: '公出' },
    ];
    const base = { orgId: ids.A1b, heldOn: '2026-01-16', topic: '学习党章', place: '党员活动室', planItemId: itemIds[0], materialIds: [wcArticle] };
    const s = expectOk(await b1.post('/api/study/sessions', { ...base, attendance: att }));
    expect(s.expectedCount).toBe(4);
    expect(s.presentCount).toBe(3);
    expect(s.attendance.find((a: { memberId: number }) => a.memberId === members[3]).absenceReason).toBe('公出');
    expectError(await b1.post('/api/study/sessions', { ...base, attendance: [{ memberId: members[3], present: false }] }), 400, 'VALIDATION');
    expectError(await b1.post('/api/study/sessions', { ...base, attendance: [{ memberId: outsider, present: true }] }), 400, 'VALIDATION');
    expectError(await b1.post('/api/study/sessions', { ...base, attendance: [{ memberId: members[0], present: true }, { memberId: members[0], present: true }] }), 400, 'VALIDATION');
    expectError(await b1.post('/api/study/sessions', { ...base, heldOn: '2026-12-31', attendance: att }), 400, 'VALIDATION'); // in the future
    const other = expectOk(await b2.post('/api/study/plans', { orgId: ids.A1c, title: '二支部计划', year: 2026, quarter: 1, items: [{ topic: '学习', plannedOn: '2026-01-10', materialIds: [] }] }));
    expectError(await b1.post('/api/study/sessions', { ...base, planItemId: other.items[0].id, attendance: att }), 400, 'VALIDATION');
    // Update replaces the attendance; a stale version is a conflict.
    const u = expectOk(await b1.put(`/api/study/sessions/${s.id}`, { ...base, orgId: undefined, attendance: att.map((a) => ({ ...a, present: true, absenceReason: null })), version: s.version }));
    expect(u.presentCount).toBe(4);
    expectError(await b1.put(`/api/study/sessions/${s.id}`, { heldOn: base.heldOn, topic: base.topic, materialIds: [], attendance: [], version: s.version }), 409, 'CONFLICT');
    expectError(await b2.get(`/api/study/sessions/${s.id}`), 403, 'FORBIDDEN');
    // A second session, unplanned, half present.
    expectOk(await b1.post('/api/study/sessions', { orgId: ids.A1b, heldOn: '2026-02-25', topic: '廉洁自律准则', materialIds: [], attendance: [
      { memberId: members[0], present: true }, { memberId: members[1], present: false, absenceReason: '病假' },
    ] }));
    const list = expectOk(await b1.get(`/api/study/sessions?orgId=${ids.A1b}&year=2026`));
    expect(list.items.map((i: { heldOn: string }) => i.heldOn)).toEqual(['2026-02-25', '2026-01-16']);
    const plan = expectOk(await b1.get(`/api/study/plans/${planId}`));
    expect(plan.items.map((i: { held: boolean }) => i.held)).toEqual([true, false, false]);
  });
});

describe('statistics', () => {
  it('counts per organization over each subtree: planned, held, attendance rate', async () => {
    const s = expectOk(await oa.get(`/api/study/stats?orgId=${ids.A1}&year=2026`));
    const row = (id: number) => s.rows.find((r: { org: { id: number } }) => r.org.id === id);
    expect(s.rows[0].self).toBe(true);
    expect(row(ids.A1b)).toMatchObject({ planned: 3, held: 2, heldPlanned: 1, expected: 6, present: 5 });
    expect(row(ids.A1b).attendanceRate).toBeCloseTo(5 / 6, 3);
    expect(row(ids.A1c)).toMatchObject({ planned: 1, held: 0, attendanceRate: null });
    expect(row(ids.A1)).toMatchObject({ planned: 4, held: 2, expected: 6, present: 5 });
    // Organization level only: no member, name or per-person figure appears in the statistics.
    expect(JSON.stringify(s)).not.toMatch(/学员/);
    expectError(await b2.get(`/api/study/stats?orgId=${ids.A1b}`), 403, 'FORBIDDEN');
  });

  it('exports the statistics as Excel', async () => {
    const r = await oa.get(`/api/study/stats/export?orgId=${ids.A1}&year=2026`);
    expect(r.statusCode, r.body).toBe(200);
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('理论学习统计'));
    const wb = await readWorkbook(r.rawPayload);
    const ws = wb.worksheets[0];
    expect(cellText(ws.getRow(1).getCell(1).value)).toBe('组织');
    const names = [2, 3, 4].map((i) => cellText(ws.getRow(i).getCell(1).value));
    expect(names).toEqual(['甲市财政局机关党委（合计）', '财政局第一党支部', '财政局第二党支部']);
    expect(cellText(ws.getRow(3).getCell(9).value)).toBe('83.3%');
  });

  it('deleting a session or plan takes it out of the statistics; the audit log has every change', async () => {
    const list = expectOk(await b1.get(`/api/study/sessions?orgId=${ids.A1b}&year=2026`));
    expectOk(await b1.request('DELETE', `/api/study/sessions/${list.items[0].id}`));
    expectOk(await b1.request('DELETE', `/api/study/plans/${planId}`));
    const s = expectOk(await b1.get(`/api/study/stats?orgId=${ids.A1b}&year=2026`));
    expect(s.rows[0]).toMatchObject({ planned: 0, held: 1, expected: 4, present: 4 });
    const actions = (await db().selectFrom('audit_log').select('action').where('action', 'like', 'study%').execute()).map((r) => r.action);
    expect(new Set(actions)).toEqual(new Set(['study_material.create', 'study_material.update', 'study_plan.create', 'study_plan.update', 'study_plan.delete',
      'study_session.create', 'study_session.update', 'study_session.delete', 'study.export']));
    expect(await countRows(db(), 'study_attendance')).toBeGreaterThan(0);
  });
});
