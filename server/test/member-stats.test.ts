// The member list's totals come from per-org summaries (org.member_count and the per-status columns of
// migration 0009): after every kind of write (create, edit and status change, transfer, import, concurrent
// writers, the bulk loader, the migration's backfill) each org's summary equals its rows, and the total the
// list shows for 全部状态, each status and 在册 by category equals a real COUNT of the rows in scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import ExcelJS from '../src/platform/excel.js';
import type { CellValue } from 'exceljs'; // a type only: the runtime comes from platform/excel
import type { Database } from '../src/platform/db/types.js';
import { createCipher } from '../src/platform/crypto.js';
import { migrateDown, migrateToLatest } from '../src/platform/db/migrate.js';
import { bulkLoad } from '../src/demo/bulk.js';
import { generateMembers, generateOrgs } from '../src/demo/generate.js';
import { createOrgRepo } from '../src/modules/org/org.repo.js';
import { summaryTerms } from '../src/modules/org/org.member-stats.js';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { freshDb } from './db.js';
import { idNumber } from './factories.js';
import { expectOk } from './helpers.js';
import { multipartBody } from './multipart.js';
import { MEMBER_CATEGORIES, MEMBER_STATUSES, type MemberCategory, type MemberStatus } from '../../contracts/enums.js';
import { MEMBER_XLSX_COLUMNS } from '../../contracts/limits.js';
import type { ImportJob, MemberCreateBody, MemberDetail } from '../../contracts/schemas.js';

const SUMMARY = ['member_count', 'probationary_count', 'transferred_out_count', 'deceased_count', 'removed_count'] as const;
type Summary = Record<(typeof SUMMARY)[number], number>;
const COLUMN_OF: Record<MemberStatus, keyof Summary> = {
  active: 'member_count', transferred_out: 'transferred_out_count', deceased: 'deceased_count', removed: 'removed_count',
};

/** Every org's summary columns, and the same counted from its member rows here (not by the server's rule). */
async function summariesAndRows(db: Kysely<Database>) {
  const stored = await db.selectFrom('org').select(['id', ...SUMMARY]).orderBy('id').execute();
  const rows = await db.selectFrom('member').select(['org_id', 'status', 'category']).execute();
  const counted = new Map(stored.map((o) => [o.id, Object.fromEntries(SUMMARY.map((c) => [c, 0])) as Summary]));
  for (const m of rows) {
    const s = counted.get(m.org_id)!;
    s[COLUMN_OF[m.status as MemberStatus]]++;
    if (m.status === 'active' && m.category === 'probationary') s.probationary_count++;
  }
  return {
    stored: stored.map(({ id, ...s }) => ({ id, ...s })),
    counted: stored.map((o) => ({ id: o.id, ...counted.get(o.id)! })),
  };
}
async function expectSummariesMatchRows(db: Kysely<Database>) {
  const { stored, counted } = await summariesAndRows(db);
  expect(stored).toEqual(counted);
}

/** A real COUNT of the rows a list shows: the subtree of `scope` (every tree when null), status and category. */
async function countRows(db: Kysely<Database>, scope: number | null, status?: string, category?: string): Promise<number> {
  let q = db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n'));
  if (scope !== null) q = q.where('org_id', 'in', db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', scope));
  if (status) q = q.where('status', '=', status);
  if (category) q = q.where('category', '=', category);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** The status choices of the list page (全部状态 = none) with each category choice (全部类别 = none). */
const CHOICES: { status?: MemberStatus; category?: MemberCategory }[] = [undefined, ...MEMBER_STATUSES]
  .flatMap((status) => [undefined, ...MEMBER_CATEGORIES].map((category) => ({ status, category })));

let ctx: TestContext;
let wcA: HttpClient;
let sys: HttpClient; // the system administrator: an account without an org sees every tree
const o: Record<string, number> = {};
let n = 90_000;
const db = () => ctx.services.db.kysely;
const body = (orgId: number, over: Partial<MemberCreateBody> = {}) => ctx.build.memberBody(orgId, { idNumber: idNumber(++n), ...over });
const create = async (orgId: number, over: Partial<MemberCreateBody> = {}) => expectOk(await wcA.post('/api/members', body(orgId, over))) as MemberDetail;
const get = async (id: number) => expectOk(await wcA.get(`/api/members/${id}`)) as MemberDetail;
/** Edits a member as the form does: every field sent back, with these changes. */
async function edit(id: number, change: { status?: MemberStatus; category?: MemberCategory }, from?: MemberDetail) {
  const m = from ?? await get(id);
  const probation = (change.category ?? m.category) === 'probationary';
  return wcA.put(`/api/members/${id}`, {
    name: m.name, gender: m.gender, ethnicity: m.ethnicity, birthDate: m.birthDate, idNumber: m.idNumber, phone: m.phone, education: m.education,
    joinDate: probation ? '2025-09-01' : m.joinDate, category: m.category, probationStart: probation ? '2025-09-01' : null, probationEnd: null,
    post: m.post, status: m.status, version: m.version, ...change,
  });
}
const change = async (id: number, c: { status?: MemberStatus; category?: MemberCategory }) => expectOk(await edit(id, c)) as MemberDetail;
const transfer = async (id: number, toOrgId: number) =>
  expectOk(await wcA.post(`/api/members/${id}/transfer`, { toOrgId, transferDate: '2026-02-20', version: (await get(id)).version })) as MemberDetail;

/** Each list total equals a real COUNT, for every status and category choice, as the work committee and the system administrator. */
async function expectListTotalsMatchRows() {
  for (const [who, client, scopes] of [['wcA', wcA, [undefined, o.A1, o.A1b1, o.A2]], ['sys', sys, [undefined, o.A, o.B]]] as const) {
    for (const scope of scopes) {
      for (const { status, category } of CHOICES) {
        const qs = new URLSearchParams({ pageSize: '1', ...(scope ? { orgId: String(scope) } : {}), ...(status ? { status } : {}), ...(category ? { category } : {}) });
        const page = expectOk(await client.get(`/api/members?${qs}`)) as { total: number };
        const want = await countRows(db(), scope ?? (who === 'wcA' ? o.A : null), status, category);
        expect(`${who} ${qs}: ${page.total}`).toBe(`${who} ${qs}: ${want}`);
      }
    }
  }
}
async function expectConsistent() {
  await expectSummariesMatchRows(db());
  await expectListTotalsMatchRows();
}

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  Object.assign(o, await b.twoCities());
  await b.account({ username: 'wca', role: 'work_committee_admin', orgId: o.A });
  await b.account({ username: 'sys', role: 'work_committee_admin', orgId: null });
  wcA = await ctx.as('wca');
  sys = await ctx.as('sys');
});
afterAll(async () => ctx?.close());

describe('member list totals from the per-org summaries', () => {
  const ids: Record<string, number> = {};

  it('match the rows after members are created, full and probationary, in several orgs and trees', async () => {
    for (const [key, org, over] of [
      ['a', o.A1b1, {}], ['b', o.A1b1, {}], ['c', o.A1b1, { category: 'probationary', joinDate: '2025-09-01', probationStart: '2025-09-01' }],
      ['d', o.A1b2, {}], ['e', o.A1b2, {}], ['f', o.A2b, {}], ['g', o.A2b, { category: 'probationary', joinDate: '2025-09-01', probationStart: '2025-09-01' }],
      ['h', o.A1, {}],
    ] as const) ids[key] = (await create(org, over)).id;
    await ctx.build.member(o.B1b, { idNumber: idNumber(++n) });
    await expectConsistent();
    const all = expectOk(await wcA.get(`/api/members?orgId=${o.A1}&pageSize=20`)) as { total: number; items: { status: string }[] };
    expect(all.total).toBe(6);
    expect(all.items).toHaveLength(6);
  });

  it('match after status changes and corrections, a category change, and a refused stale edit', async () => {
    await change(ids.a, { status: 'deceased' });
    await change(ids.d, { status: 'removed' });
    await change(ids.f, { status: 'transferred_out' });
    await change(ids.g, { status: 'deceased' }); // a probationary member leaves 在册: no longer counted as probationary
    await expectConsistent();
    await change(ids.a, { status: 'active' }); // a mistaken status corrected
    await change(ids.c, { category: 'full' }); // probation ends
    const stale = await get(ids.b);
    await change(ids.b, { status: 'removed' });
    expect((await edit(ids.b, { status: 'active' }, stale)).statusCode).toBe(409); // someone else changed it meanwhile
    await expectConsistent();
    const page = expectOk(await wcA.get(`/api/members?orgId=${o.A1b1}&status=removed`)) as { total: number; items: { id: number }[] };
    expect([page.total, page.items.map((i) => i.id)]).toEqual([1, [ids.b]]);
  });

  it('match after transfers between organ committees', async () => {
    await transfer(ids.e, o.A2b);
    await transfer(ids.h, o.A1b1);
    await expectConsistent();
    expect((expectOk(await wcA.get(`/api/members?orgId=${o.A2}&pageSize=20`)) as { total: number }).total).toBe(3);
  });

  it('match after an import into several branches', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('党员信息');
    ws.addRow(MEMBER_XLSX_COLUMNS.map((c) => c.header));
    const values = (i: number): Record<string, CellValue> => ({
      name: `导入党员${'甲乙丙丁戊己'[i]}`, gender: '男', idNumber: idNumber(++n), joinDate: i === 5 ? '2025-09-01' : '2015-07-01',
      category: i === 5 ? '预备党员' : '正式党员', probationStart: i === 5 ? '2025-09-01' : null, org: i % 2 ? '财政局第二党支部' : '财政局第一党支部',
    });
    for (let i = 0; i < 6; i++) { const v = values(i); ws.addRow(MEMBER_XLSX_COLUMNS.map((c) => v[c.key] ?? null)); }
    const { payload, headers } = multipartBody({ orgId: o.A1 }, { filename: '名册.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });
    const job = expectOk(await wcA.request('POST', '/api/member-imports', payload, headers)) as ImportJob;
    const settle = async () => {
      for (let i = 0; i < 400; i++) {
        const j = expectOk(await wcA.get(`/api/member-imports/${job.id}`)) as ImportJob;
        if (j.status !== 'parsing' && j.status !== 'committing') return j;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('import did not settle');
    };
    expect(await settle()).toMatchObject({ status: 'previewed', problemCount: 0, validRows: 6 });
    expectOk(await wcA.post(`/api/member-imports/${job.id}/commit`));
    expect(await settle()).toMatchObject({ status: 'done', insertedRows: 6 });
    await expectConsistent();
  });

  it('count the members still recorded in a dissolved org, as the list shows them', async () => {
    const gone = (await ctx.build.org({ parentId: o.A2, type: 'branch', name: '教育局第二党支部' })).id;
    const m = await create(gone);
    await change(m.id, { status: 'deceased' });
    const org = expectOk(await wcA.get(`/api/orgs/${gone}`)) as { version: number };
    expectOk(await wcA.post(`/api/orgs/${gone}/dissolve`, { reason: '机构撤并', version: org.version }));
    await expectConsistent();
    const page = expectOk(await wcA.get(`/api/members?orgId=${o.A2}&status=deceased`)) as { total: number; items: { id: number }[] };
    expect(page.items.map((i) => i.id)).toContain(m.id);
    expect(page.total).toBe(page.items.length);
  });

  it('match when several people write to the same orgs at once', async () => {
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => create(i % 2 ? o.A1b1 : o.A2b)));
    await Promise.all([
      ...created.slice(0, 4).map((m, i) => change(m.id, { status: MEMBER_STATUSES[1 + (i % 3)] })),
      transfer(created[4].id, o.A1b2), transfer(created[5].id, o.A1b2),
    ]);
    await expectConsistent();
  });

  it('are read from the summaries (one off by 1,000 shows in the total), and a recount from the rows repairs them', async () => {
    const url = `/api/members?orgId=${o.A1}&status=deceased&pageSize=1`;
    const right = (expectOk(await wcA.get(url)) as { total: number }).total;
    await db().updateTable('org').set((eb) => ({ deceased_count: eb('deceased_count', '+', 1000) })).where('id', '=', o.A1b1).execute();
    expect((expectOk(await wcA.get(url)) as { total: number }).total).toBe(right + 1000);
    // A name search still counts the rows: none of the imported members is deceased.
    expect((expectOk(await wcA.get(`${url}&q=导入`)) as { total: number }).total).toBe(0);
    await ctx.services.orgRepo.refreshMemberCounts(db(), [o.A1b1]);
    await expectConsistent();
  });

  it('are backfilled from the rows by migration 0009, whatever the columns held before', async () => {
    await migrateDown(ctx.tdb.db, '0009_member-status-counts');
    // Rows written without the summaries (as before 0009) and a member_count that drifted.
    await db().updateTable('member').set({ status: 'removed' }).where('id', '=', ids.a).execute();
    await db().updateTable('org').set({ member_count: 77, probationary_count: 5 }).where('id', '=', o.A2b).execute();
    expect((await migrateToLatest(ctx.tdb.db))[0]).toBe('0009_member-status-counts');
    await expectConsistent();
  });
});

describe('the bulk loader of the demo and the benchmark', () => {
  it('fills every summary column, for members of every status', async () => {
    const t = await freshDb();
    try {
      const orgs = generateOrgs({ seed: 7, organCommittees: 3, branchesPerCommittee: [2, 4], totalBranches: 9, generalBranchShare: 0.3, groupShare: 0.3 });
      const statuses: MemberStatus[] = ['active', 'active', 'active', 'transferred_out', 'deceased', 'removed'];
      const members = [...generateMembers(orgs, { seed: 7, total: 600, today: '2026-03-01' })].map((m, i) => ({ ...m, status: statuses[i % statuses.length] }));
      expect(new Set(members.map((m) => m.category))).toEqual(new Set(MEMBER_CATEGORIES));
      const { orgIds } = await bulkLoad(t.db.kysely, createCipher(Buffer.alloc(32, 7)), { orgs, members, today: '2026-03-01', now: '2026-03-01T00:00:00.000Z' });
      await expectSummariesMatchRows(t.db.kysely);
      const repo = createOrgRepo(t.db.kysely);
      const root = orgIds.get(orgs[0].key)!;
      const organ = orgIds.get(orgs.find((x) => x.type === 'organ_committee')!.key)!;
      for (const scope of [root, organ, null]) {
        for (const f of CHOICES) {
          const terms = summaryTerms(f);
          if (!terms) continue;
          expect(await repo.memberSummaryTotal(scope, terms), `${scope} ${f.status} ${f.category}`).toBe(await countRows(t.db.kysely, scope, f.status, f.category));
        }
      }
      expect(await repo.memberSummaryTotal(root, summaryTerms({})!)).toBe(600);
    } finally {
      await t.drop();
    }
  });
});
