// Member import over HTTP: .xlsx files built here with exceljs, uploaded as multipart/form-data,
// checked with every problem listed, committed all-or-nothing; and the attacks on the upload.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from '../src/platform/excel.js';
import type { CellValue } from 'exceljs'; // a type only: the runtime comes from platform/excel
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { idNumber } from './factories.js';
import { countRows, CJK, expectError, expectOk } from './helpers.js';
import { multipartBody } from './multipart.js';
import { IMPORT_MAX_BYTES, MEMBER_XLSX_COLUMNS, type MemberXlsxKey } from '../../contracts/limits.js';
import type { ImportJob } from '../../contracts/schemas.js';

let ctx: TestContext;
let oa: HttpClient; // org admin of the finance organ committee
let oa2: HttpClient; // another org admin of the same committee
let wcA: HttpClient;
let mem: HttpClient;
const o: Record<string, number> = {};
let n = 70_000;
const nextId = (birth?: string, male?: boolean) => idNumber(++n, birth, male);

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  o.A = (await b.org({ parentId: null, name: '甲市直属机关工委', code: 'A' })).id;
  o.A1 = (await b.org({ parentId: o.A, type: 'organ_committee', name: '甲市财政局机关党委' })).id;
  o.A1b1 = (await b.org({ parentId: o.A1, type: 'branch', name: '财政局第一党支部' })).id;
  o.A1b2 = (await b.org({ parentId: o.A1, type: 'branch', name: '财政局第二党支部', code: 'CZ-02' })).id;
  o.A2 = (await b.org({ parentId: o.A, type: 'organ_committee', name: '甲市教育局机关党委' })).id;
  o.B = (await b.org({ parentId: null, name: '乙县直属机关工委', code: 'B' })).id;
  o.B1b = (await b.org({ parentId: o.B, type: 'branch', name: '乙县保密局党支部' })).id;
  await b.account({ username: 'oa', role: 'org_admin', orgId: o.A1 });
  await b.account({ username: 'oa2', role: 'org_admin', orgId: o.A1 });
  await b.account({ username: 'wca', role: 'work_committee_admin', orgId: o.A });
  const self = await b.member(o.A1b1, { idNumber: nextId() });
  await b.account({ username: 'mem', role: 'member', orgId: o.A1b1, memberId: self.id });
  oa = await ctx.as('oa');
  oa2 = await ctx.as('oa2');
  wcA = await ctx.as('wca');
  mem = await ctx.as('mem');
});
afterAll(async () => ctx?.close());

const db = () => ctx.services.db.kysely;
const importsDir = () => path.join(ctx.config.dataDir, 'imports');
const filesInImports = () => (fs.existsSync(importsDir()) ? fs.readdirSync(importsDir()).sort() : []);
const newFiles = (before: string[]) => filesInImports().filter((f) => !before.includes(f));
/** The job's stored upload is removed (asynchronously, after the job settles). */
async function gone(jobId: number) {
  await ctx.services.imports.idle();
  const { file_path } = await db().selectFrom('import_job').select('file_path').where('id', '=', jobId).executeTakeFirstOrThrow();
  for (let i = 0; i < 100 && fs.existsSync(file_path!); i++) await new Promise((r) => setTimeout(r, 20));
  expect(fs.existsSync(file_path!), file_path!).toBe(false);
}
type Row = Partial<Record<MemberXlsxKey, CellValue>>;

/** An .xlsx with the template's headers (plain text, no '*' marks) and these rows from row 2. */
async function xlsx(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员信息');
  ws.addRow(MEMBER_XLSX_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(MEMBER_XLSX_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(c: HttpClient, orgId: number | null, filename: string, data: Buffer, contentType?: string) {
  const { payload, headers } = multipartBody(orgId === null ? {} : { orgId }, { filename, data, contentType });
  return c.request('POST', '/api/member-imports', payload, headers);
}

/** Polls the job until it leaves `parsing`/`committing`. */
async function settle(c: HttpClient, id: number, timeoutMs = 20_000): Promise<ImportJob> {
  const start = Date.now();
  for (;;) {
    const j = expectOk(await c.get(`/api/member-imports/${id}`)) as ImportJob;
    if (j.status !== 'parsing' && j.status !== 'committing') return j;
    if (Date.now() - start > timeoutMs) throw new Error(`import job ${id} still ${j.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function uploadAndPreview(c: HttpClient, orgId: number, filename: string, data: Buffer): Promise<ImportJob> {
  const started = expectOk(await upload(c, orgId, filename, data)) as ImportJob;
  expect(started.status).toBe('parsing');
  return settle(c, started.id);
}

const full = (s: string) => s.replace(/[0-9A-Za-z\-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const hashOf = (id: string) => ctx.services.cipher.blindIndex(id);
const membersWith = (ids: string[]) => db().selectFrom('member').selectAll().where('id_number_hash', 'in', ids.map(hashOf)).execute();

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';

/** A valid row; the variant `i` picks one of the ways people really write things. */
function goodRow(i: number, id: string, male: boolean): Row {
  const joinFormats: CellValue[] = ['2015年7月1日', '2015.7.1', new Date(Date.UTC(2015, 6, 1)), '２０１５－０７－０１', '2015/7/1', 20150701, ' 2015-07-01 '];
  const orgs = ['  财政局第一党支部 ', '\u3000财政局第二党支部\u3000', '甲市财政局机关党委/财政局第一党支部', 'CZ-02', '财政局第一党支部'];
  const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${GIVEN[(i * 3 + 1) % GIVEN.length]}`;
  const probationary = i % 10 === 9;
  return {
    name: i % 3 === 0 ? ` ${name[0]} ${name.slice(1)} ` : name,
    gender: male ? (i % 4 === 0 ? ' 男 ' : '男') : '女',
    ethnicity: i % 2 ? '汉族' : '汉',
    birthDate: i % 5 === 0 ? '1985年3月15日' : i % 5 === 1 ? new Date(Date.UTC(1985, 2, 15)) : null,
    idNumber: i % 6 === 0 ? full(id) : i % 6 === 1 ? ` ${id.toLowerCase()} ` : id,
    phone: i % 4 === 0 ? `139 1234 ${String(1000 + i)}` : i % 4 === 1 ? `+86 13812345${String(100 + i).slice(-3)}` : null,
    education: ['本科', '大学本科', '硕士', '大专', null][i % 5],
    joinDate: probationary ? '2025年9月1日' : joinFormats[i % joinFormats.length],
    category: probationary ? '预备党员' : i % 2 ? '正式党员' : '正式',
    probationStart: probationary ? '2025.9.1' : null,
    probationEnd: null,
    org: orgs[i % orgs.length],
    post: i % 3 ? '科员' : null,
  };
}

describe('a good file', () => {
  it('previews 50 rows written every which way with no problems, then commits them all', async () => {
    const ids: string[] = [];
    const rows: Row[] = [];
    for (let i = 0; i < 50; i++) {
      const male = i % 7 !== 3;
      const id = nextId('19850315', male);
      ids.push(id);
      rows.push(goodRow(i, id, male));
    }
    const [b1, b2] = [expectOk(await oa.get(`/api/orgs/${o.A1b1}`)).memberCount, expectOk(await oa.get(`/api/orgs/${o.A1b2}`)).memberCount];
    const before = await countRows(db(), 'member');

    const job = await uploadAndPreview(oa, o.A1, '党员名册（2026）.xlsx', await xlsx(rows));
    expect(job.problems).toEqual([]);
    expect(job).toMatchObject({ status: 'previewed', fileName: '党员名册（2026）.xlsx', totalRows: 50, validRows: 50, problemCount: 0, progress: 100, insertedRows: 0, error: null });
    expect(job.preview).toHaveLength(20);
    expect(job.preview[0]).toEqual({ row: 2, name: `${SURNAMES[0]}${GIVEN[0]}${GIVEN[1]}`, idNumberMasked: `${ids[0].slice(0, 4)}**********${ids[0].slice(-4)}`, orgName: '财政局第一党支部', category: '正式党员' });
    expect(job.preview[9]).toMatchObject({ row: 11, category: '预备党员' });
    expect(await countRows(db(), 'member')).toBe(before); // a preview writes nothing

    const committing = expectOk(await oa.post(`/api/member-imports/${job.id}/commit`));
    expect(committing.status).toBe('committing');
    const done = await settle(oa, job.id);
    expect(done).toMatchObject({ status: 'done', insertedRows: 50, error: null });
    expect(await countRows(db(), 'member')).toBe(before + 50);

    const stored = await membersWith(ids);
    expect(stored).toHaveLength(50);
    const byHash = new Map(stored.map((m) => [m.id_number_hash, m]));
    ids.forEach((id, i) => {
      const m = byHash.get(hashOf(id))!;
      const probationary = i % 10 === 9;
      expect(m.join_date, `row ${i + 2}`).toBe(probationary ? '2025-09-01' : '2015-07-01');
      expect(m.birth_date, `row ${i + 2}`).toBe('1985-03-15');
      expect(m.name, `row ${i + 2}`).not.toMatch(/\s/);
      expect(m.category).toBe(probationary ? 'probationary' : 'full');
      if (probationary) expect([m.probation_start, m.probation_end]).toEqual(['2025-09-01', '2026-09-01']);
      expect(ctx.services.cipher.decrypt(m.id_number_enc)).toBe(id);
      expect([o.A1b1, o.A1b2]).toContain(m.org_id);
    });
    const to1 = stored.filter((m) => m.org_id === o.A1b1).length;
    expect(to1).toBe(30); // orgs cycle in fives: 3 of every 5 rows name the first branch
    expect(expectOk(await oa.get(`/api/orgs/${o.A1b1}`)).memberCount).toBe(b1 + to1);
    expect(expectOk(await oa.get(`/api/orgs/${o.A1b2}`)).memberCount).toBe(b2 + 50 - to1);

    const audits = await db().selectFrom('audit_log').selectAll().where('action', '=', 'member.import').where('target_id', '=', String(job.id)).execute();
    expect(audits).toHaveLength(1);
    expect(audits[0].result).toBe('ok');
    expect(JSON.parse(audits[0].detail!)).toMatchObject({ file: '党员名册（2026）.xlsx', rows: 50 });
    // The uploaded file does not linger once imported.
    await gone(job.id);
    // Committing twice does not import twice.
    expectError(await oa.post(`/api/member-imports/${job.id}/commit`), 400, 'VALIDATION');
    expect(await countRows(db(), 'member')).toBe(before + 50);
  });
});

describe('a bad file', () => {
  it('lists every problem by row and column in Chinese, and refuses to commit anything', async () => {
    const existingB = nextId();
    await ctx.build.member(o.B1b, { name: '乙县已登记人员', idNumber: existingB });
    const dup = nextId();
    const row = (over: Row): Row => ({ ...goodRow(1, '', true), idNumber: nextId(), ...over });
    const rows: Row[] = [
      row({}), // 2: fine
      row({ org: '不存在的党支部' }), // 3
      row({ idNumber: dup }), // 4: fine, first use
      row({ idNumber: dup }), // 5: same ID as row 4
      row({ idNumber: existingB }), // 6: already registered (in another root)
      row({ joinDate: '2015-13-45' }), // 7
      row({ name: '   ' }), // 8: required cell empty
      row({ org: '乙县保密局党支部' }), // 9: exists, but outside the import's scope
      row({ idNumber: 110105199001010010 }), // 10: an ID typed into a number cell
    ];
    const before = await countRows(db(), 'member');
    const job = await uploadAndPreview(oa, o.A1, 'bad.xlsx', await xlsx(rows));
    expect(job).toMatchObject({ status: 'previewed', totalRows: 9, validRows: 2 });
    const p = job.problems.map((x) => ({ row: x.row, column: x.column, message: x.message }));
    expect(p).toEqual([
      { row: 3, column: '所在党组织', message: '在导入范围内找不到组织“不存在的党支部”' },
      { row: 5, column: '身份证号', message: '与第 4 行的身份证号重复' },
      { row: 6, column: '身份证号', message: '该身份证号已在系统中登记' },
      { row: 7, column: '入党日期', message: '日期“2015-13-45”不存在' },
      { row: 8, column: '姓名', message: '必填项为空' },
      { row: 9, column: '所在党组织', message: '在导入范围内找不到组织“乙县保密局党支部”' },
      { row: 10, column: '身份证号', message: expect.stringContaining('被Excel存成了数字') },
    ]);
    expect(job.problemCount).toBe(7);
    job.problems.forEach((x) => expect(x.message).toMatch(CJK));
    // The problem list masks ID numbers and names nobody from another root.
    const text = JSON.stringify(job);
    expect(text).not.toContain(existingB);
    expect(text).not.toContain('乙县已登记人员');

    const e = expectError(await oa.post(`/api/member-imports/${job.id}/commit`), 400, 'VALIDATION');
    expect(e.message).toContain('7 个问题');
    expect(await countRows(db(), 'member')).toBe(before);
    expect((await settle(oa, job.id)).status).toBe('previewed');
  });

  it('reports missing required columns at the header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('党员信息');
    ws.addRow(['姓名', '身份证号', '性别']);
    ws.addRow(['张三', nextId(), '男']);
    const job = await uploadAndPreview(oa, o.A1, 'short.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(job.status).toBe('previewed');
    expect(job.problems.map((x) => x.message)).toEqual(['缺少必填列“入党日期”', '缺少必填列“党员类别”', '缺少必填列“所在党组织”']);
    expectError(await oa.post(`/api/member-imports/${job.id}/commit`), 400, 'VALIDATION');
  });
});

describe('all or nothing', () => {
  it('fails the whole commit when one row became a duplicate after the preview', async () => {
    const ids = Array.from({ length: 10 }, () => nextId());
    const job = await uploadAndPreview(oa, o.A1, 'race.xlsx', await xlsx(ids.map((id) => ({ ...goodRow(2, '', true), idNumber: id }))));
    expect(job).toMatchObject({ status: 'previewed', problemCount: 0, validRows: 10 });

    // Meanwhile someone registers the person of row 8 by hand.
    await ctx.services.members.create(ctx.build.system, ctx.build.memberBody(o.A1b2, { idNumber: ids[6] }));
    const before = await countRows(db(), 'member');
    expectOk(await oa.post(`/api/member-imports/${job.id}/commit`));
    const end = await settle(oa, job.id);
    expect(end.status).toBe('failed');
    expect(end.error).toMatch(CJK);
    expect(end.error).toContain('未导入任何数据');
    expect(end.insertedRows).toBe(0);
    expect(await countRows(db(), 'member')).toBe(before);
    expect(await membersWith(ids)).toHaveLength(1);
    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'member.import').where('target_id', '=', String(job.id)).execute();
    expect(audit.map((a) => a.result)).toEqual(['failed']);
  });
});

describe('attacks on the upload', () => {
  it('judges the file by its content, not its name', async () => {
    const random = crypto.randomBytes(4096);
    random[0] = 0x00;
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), crypto.randomBytes(512)]);
    const jobs0 = await countRows(db(), 'import_job');
    const files0 = filesInImports(); // earlier previews keep their files until committed
    for (const [what, data] of [['random bytes', random], ['a PNG', png], ['an empty file', Buffer.alloc(0)]] as const) {
      const e = expectError(await upload(oa, o.A1, 'members.xlsx', data), 400, 'VALIDATION');
      expect(e.message, what).toMatch(/Excel|xlsx/);
    }
    expect(expectError(await upload(oa, o.A1, 'members.csv', await xlsx([])), 400, 'VALIDATION').message).toContain('.xlsx');
    expect(await countRows(db(), 'import_job')).toBe(jobs0);
    expect(newFiles(files0)).toEqual([]);

    // A zip that is no workbook passes the first look and fails the reading, in Chinese, leaving no file.
    const zipish = Buffer.concat([Buffer.from('504b0304', 'hex'), crypto.randomBytes(2048)]);
    const started = expectOk(await upload(oa, o.A1, 'zip.xlsx', zipish));
    const end = await settle(oa, started.id);
    expect(end.status).toBe('failed');
    expect(end.error).toMatch(CJK);
    await gone(started.id);
    expect(newFiles(files0)).toEqual([]);
  });

  it('stores the upload under a generated name whatever the file name says', async () => {
    const data = await xlsx([{ ...goodRow(2, '', true), idNumber: nextId() }]);
    const outside = path.resolve(importsDir(), '../../etc/passwd.xlsx');
    for (const [sent, kept] of [['../../etc/passwd.xlsx', 'passwd.xlsx'], ['..\\..\\windows\\evil.xlsx', 'evil.xlsx'], ['/tmp/abs.xlsx', 'abs.xlsx']]) {
      const job = await uploadAndPreview(oa, o.A1, sent, data);
      expect(job.fileName).toBe(kept);
      expect(job.status).toBe('previewed');
      const row = await db().selectFrom('import_job').select(['file_name', 'file_path']).where('id', '=', job.id).executeTakeFirstOrThrow();
      expect(path.dirname(row.file_path!)).toBe(importsDir());
      expect(path.basename(row.file_path!)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.xlsx$/);
    }
    expect(fs.existsSync(outside)).toBe(false);
    expect(fs.existsSync('/tmp/abs.xlsx') && fs.statSync('/tmp/abs.xlsx').size === data.length).toBe(false);
    for (const f of filesInImports()) expect(f).toMatch(/^[0-9a-f-]{36}\.xlsx$/);
  });

  it('refuses an upload over the size limit with 413 and keeps nothing of it', async () => {
    const big = Buffer.alloc(IMPORT_MAX_BYTES + 64 * 1024);
    Buffer.from('504b0304', 'hex').copy(big);
    const files0 = filesInImports();
    const jobs0 = await countRows(db(), 'import_job');
    const r = await upload(oa, o.A1, 'big.xlsx', big);
    expectError(r, 413, 'PAYLOAD_TOO_LARGE');
    expect(await countRows(db(), 'import_job')).toBe(jobs0);
    expect(newFiles(files0)).toEqual([]);
  });

  it('needs the orgId field and an org in scope, and multipart at all', async () => {
    const data = await xlsx([]);
    expect(expectError(await upload(oa, null, 'a.xlsx', data), 400, 'VALIDATION').message).toBe('缺少导入的目标组织（orgId）');
    expectError(await upload(oa, o.A2, 'a.xlsx', data), 403, 'FORBIDDEN');
    expectError(await oa.post('/api/member-imports', { orgId: o.A1 }), 400, 'VALIDATION');
  });

  it('a member cannot upload; nobody but the uploader reads or commits a job; unknown jobs are 404', async () => {
    const jobs0 = await countRows(db(), 'import_job');
    expectError(await upload(mem, o.A1b1, 'mine.xlsx', await xlsx([])), 403, 'FORBIDDEN');
    expect(await countRows(db(), 'import_job')).toBe(jobs0);

    const id = nextId();
    const job = await uploadAndPreview(oa, o.A1, 'private.xlsx', await xlsx([{ ...goodRow(2, '', true), idNumber: id }]));
    expect(job.status).toBe('previewed');
    for (const other of [oa2, wcA, mem]) {
      expectError(await other.get(`/api/member-imports/${job.id}`), 403, 'FORBIDDEN');
      expectError(await other.post(`/api/member-imports/${job.id}/commit`), 403, 'FORBIDDEN');
    }
    expect((await settle(oa, job.id)).status).toBe('previewed');
    expect(await membersWith([id])).toHaveLength(0);
    expectError(await oa.get('/api/member-imports/999999'), 404, 'NOT_FOUND');
    expectError(await oa.post('/api/member-imports/999999/commit'), 404, 'NOT_FOUND');
  });
});
