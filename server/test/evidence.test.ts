// Evidence and wall photos over HTTP, attacked the way a careless or hostile uploader would: oversize bodies,
// files whose content is not what their name says, path-like and control-character names, photos carrying GPS,
// bad links, deleting what one may not; and the dated wall photos feeding the automatic check of a tier 1 base.
// Fresh database for this file.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { syncJinhua } from './standards.js';
import { countRows, expectError, expectOk } from './helpers.js';
import { multipartBody } from './multipart.js';
import { todayCn, addDays } from '../src/platform/clock.js';
import { EVIDENCE_DOCUMENT_MAX_BYTES, EVIDENCE_PER_ITEM_MAX, EVIDENCE_PHOTO_MAX_BYTES } from '../../contracts/assessment.js';

let ctx: TestContext;
let wc: HttpClient; // work-committee admin of A
let oa: HttpClient; // admin of A1, the parent of both branches
let b1: HttpClient; // admin of branch A1b (tier 2)
let b2: HttpClient; // admin of branch A1c (a sibling)
let t1: HttpClient; // admin of branch T1 (tier 1: a dedicated room)
const ids: Record<'A' | 'A1' | 'A1b' | 'A1c' | 'T1', number> = {} as never;
let aid = 0; // A1b's assessment
let tid = 0; // T1's assessment
const db = () => ctx.services.db.kysely;
const KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}\.[a-z0-9]+$/;

const filesDir = () => path.join(ctx.tdb.dataDir, 'files');
const countFiles = (dir = filesDir()): number => (fs.existsSync(dir)
  ? fs.readdirSync(dir, { withFileTypes: true }).reduce((k, e) => k + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0) : 0);
/** Evidence rows and stored files: what an upload leaves behind. */
const stored = async () => ({ rows: await countRows(db(), 'evidence'), files: countFiles(), walls: await countRows(db(), 'wall_photo') });

async function jpeg(exif = true): Promise<Buffer> {
  const img = sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } }).jpeg();
  return (exif ? img.withExif({ IFD0: { Make: 'TestCam', Model: 'GPS-Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 5/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 39/1 0/1' } }) : img).toBuffer();
}
const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#00c' } }).png().toBuffer();
const pdf = (padTo = 0) => {
  const head = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  return padTo > head.length ? Buffer.concat([head, Buffer.alloc(padTo - head.length, 0x20)]) : head;
};
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/auth/me")</script></body></html>');
const SVG = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512)]);

async function upload(c: HttpClient, url: string, data: Buffer, filename: string, contentType = 'image/jpeg', fields: Record<string, string> = {}) {
  const { payload, headers } = multipartBody(fields, { filename, contentType, data });
  return c.request('POST', url, payload, headers);
}
const itemUrl = (code: string, what: 'evidence' | 'links' = 'evidence', id = aid) => `/api/assessments/${id}/items/${code}/${what}`;
const evidenceOf = (a: any, code: string): any[] => a.items.find((i: any) => i.code === code).evidence;
const newest = (a: any, code: string) => evidenceOf(a, code).at(-1);
const rowOf = (id: number) => db().selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
let codes: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  const b = ctx.build;
  const A = await b.org({ parentId: null, name: '甲市直属机关工委' });
  const A1 = await b.org({ parentId: A.id, type: 'organ_committee', name: '甲市财政局机关党委' });
  const A1b = await b.org({ parentId: A1.id, type: 'branch', name: '财政局第一党支部' });
  const A1c = await b.org({ parentId: A1.id, type: 'branch', name: '财政局第二党支部' });
  const T1 = await b.org({ parentId: A1.id, type: 'branch', name: '财政局机关第三党支部' });
  Object.assign(ids, { A: A.id, A1: A1.id, A1b: A1b.id, A1c: A1c.id, T1: T1.id });
  for (let i = 0; i < 3; i++) await b.member(T1.id);
  await b.account({ username: 'wc', role: 'work_committee_admin', orgId: A.id });
  await b.account({ username: 'oa', role: 'org_admin', orgId: A1.id });
  await b.account({ username: 'b1', role: 'org_admin', orgId: A1b.id });
  await b.account({ username: 'b2', role: 'org_admin', orgId: A1c.id });
  await b.account({ username: 't1', role: 'org_admin', orgId: T1.id });
  const standardId = await syncJinhua(ctx);
  [wc, oa, b1, b2, t1] = [await ctx.as('wc'), await ctx.as('oa'), await ctx.as('b1'), await ctx.as('b2'), await ctx.as('t1')];
  expectOk(await b1.put(`/api/orgs/${A1b.id}/base-profile`, { facts: { 'activityRoom.kind': 'shared', 'activityRoom.seats': 10 }, version: 0 }));
  expectOk(await t1.put(`/api/orgs/${T1.id}/base-profile`, { facts: { 'activityRoom.kind': 'dedicated', 'activityRoom.seats': 20 }, version: 0 }));
  expectOk(await wc.post('/api/campaigns', { title: '2026 年阵地建设', standardVersionId: standardId, scopeOrgId: A.id, deadline: '2099-06-30' }));
  aid = expectOk(await b1.get('/api/me/assessments')).own[0].id;
  tid = expectOk(await t1.get('/api/me/assessments')).own[0].id;
  codes = expectOk(await b1.get(`/api/assessments/${aid}`)).items.map((i: any) => i.code);
});
afterAll(async () => ctx?.close());

describe('upload limits and types', () => {
  it('refuses a document over 20 MB with 413, storing nothing', async () => {
    const before = await stored();
    const e = expectError(await upload(b1, itemUrl(codes[0]), pdf(EVIDENCE_DOCUMENT_MAX_BYTES + 1024), '台帐.pdf', 'application/pdf'), 413, 'PAYLOAD_TOO_LARGE');
    expect(e.message).toContain('20 MB');
    expect(await stored()).toEqual(before);
    expect(evidenceOf(expectOk(await b1.get(`/api/assessments/${aid}`)), codes[0])).toHaveLength(0);
  });

  it('refuses a photo over 15 MB with 413, storing nothing, while a 16 MB document is fine', async () => {
    const big = Buffer.concat([await jpeg(false), Buffer.alloc(EVIDENCE_PHOTO_MAX_BYTES + 1024 - (await jpeg(false)).length)]);
    expect(big.length).toBeGreaterThan(EVIDENCE_PHOTO_MAX_BYTES);
    const before = await stored();
    const e = expectError(await upload(b1, itemUrl(codes[0]), big, '活动室.jpg'), 413, 'PAYLOAD_TOO_LARGE');
    expect(e.message).toContain('15 MB');
    expect(await stored()).toEqual(before);
    const a = expectOk(await upload(b1, itemUrl(codes[0]), pdf(16 * 1024 * 1024), '会议记录.pdf', 'application/pdf'));
    expect(newest(a, codes[0])).toMatchObject({ kind: 'document', mime: 'application/pdf', size: 16 * 1024 * 1024 });
    expect(await stored()).toMatchObject({ rows: before.rows + 1, files: before.files + 1 });
  });

  it('decides the type by content: HTML, SVG or an EXE named .jpg / .pdf is refused with 415, storing nothing', async () => {
    const before = await stored();
    for (const [data, name, type] of [
      [HTML, '活动室.jpg', 'image/jpeg'], [SVG, '党旗.jpg', 'image/jpeg'], [SVG, '制度.pdf', 'application/pdf'],
      [EXE, '会议记录.pdf', 'application/pdf'], [HTML, '通知.pdf', 'application/pdf'],
    ] as const) {
      const e = expectError(await upload(b1, itemUrl(codes[1]), data, name, type), 415, 'UNSUPPORTED_MEDIA');
      expect(e.message).toContain('不支持的文件类型');
    }
    expect(await stored()).toEqual(before);
  });

  it('accepts a PNG named .pdf as a photo (re-encoded to JPEG), not as a document', async () => {
    const a = expectOk(await upload(b1, itemUrl(codes[1]), await png(), '报告.pdf', 'application/pdf'));
    const ev = newest(a, codes[1]);
    expect(ev).toMatchObject({ kind: 'photo', mime: 'image/jpeg', width: 40, height: 30 });
    expect(ev.thumbUrl).toBeTruthy();
    const file = await b1.get(ev.fileUrl);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(file.rawPayload).metadata()).format).toBe('jpeg');
  });

  // The stored file is a JPEG, so a download named 报告.pdf would not open in a PDF reader.
  it('names a photo uploaded under a .pdf name with the extension of what is served (.jpg)', async () => {
    const a = expectOk(await upload(b1, itemUrl(codes[1]), await png(), '报告.pdf', 'application/pdf'));
    const ev = newest(a, codes[1]);
    expect(ev.name).toMatch(/\.jpg$/);
  });

  it('keeps only the last part of a path-like name, without control characters, and never uses it on disk', async () => {
    const names: [string, string][] = [
      ['../../etc/passwd.jpg', 'passwd.jpg'],
      ['C:\\x\\y.jpg', 'y.jpg'],
      ['..\\..\\..\\windows\\win.ini.jpg', 'win.ini.jpg'],
      ['活动\u0001室\u001b照片\u007f.jpg', '活动室照片.jpg'],
      ['....jpg', '照片.jpg'],
    ];
    const data = await jpeg();
    for (const [raw, shown] of names) {
      const a = expectOk(await upload(b1, itemUrl(codes[2]), data, raw));
      const ev = newest(a, codes[2]);
      expect(ev.name, raw).toBe(shown);
      const row = await rowOf(ev.id);
      expect(row.storage_key).toMatch(KEY);
      expect(row.thumb_key).toMatch(KEY);
      expect(fs.existsSync(path.join(filesDir(), row.storage_key!))).toBe(true);
      expect(String(ev.fileUrl)).toBe(`/api/evidence/${ev.id}/file`);
      // The download carries the cleaned name only.
      const file = await b1.get(ev.fileUrl);
      expect(decodeURIComponent(String(file.headers['content-disposition']))).toContain(`''${shown}`);
    }
    expect(fs.existsSync(path.join(ctx.tdb.dataDir, 'etc'))).toBe(false);
    expect(fs.existsSync(path.join(filesDir(), '..', '..', 'etc', 'passwd.jpg'))).toBe(false);
  });

  it('strips EXIF and GPS from a photo, in the file and in the thumbnail', async () => {
    const original = await jpeg();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const a = expectOk(await upload(b1, itemUrl(codes[3]), original, '活动室.jpg'));
    const ev = newest(a, codes[3]);
    const file = await b1.get(ev.fileUrl);
    expect(file.statusCode).toBe(200);
    expect((await sharp(file.rawPayload).metadata()).exif).toBeUndefined();
    expect(file.rawPayload.includes(Buffer.from('GPS-Phone'))).toBe(false);
    const thumb = await b1.get(ev.thumbUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(thumb.rawPayload).metadata()).exif).toBeUndefined();
  });

  it('serves a PDF unchanged as an attachment with nosniff, even when asked for inline; it has no thumbnail', async () => {
    const doc = pdf();
    const a = expectOk(await upload(b1, itemUrl(codes[3], 'evidence'), doc, '支部工作制度.pdf', 'application/pdf'));
    const ev = newest(a, codes[3]);
    expect(ev).toMatchObject({ kind: 'document', name: '支部工作制度.pdf', mime: 'application/pdf', thumbUrl: null });
    for (const url of [ev.fileUrl, `${ev.fileUrl}?inline=1`]) {
      const r = await b1.get(url);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      expect(String(r.headers['content-disposition'])).toMatch(/^attachment;/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(r.rawPayload, doc)).toBe(0);
    }
    expectError(await b1.get(`/api/evidence/${ev.id}/thumb`), 404, 'NOT_FOUND');
    // The parent reads it; the sibling branch does not.
    expect((await oa.get(ev.fileUrl)).statusCode).toBe(200);
    expectError(await b2.get(ev.fileUrl), 403, 'FORBIDDEN');
  });
});

describe('links', () => {
  it('accepts an http(s) link and refuses javascript:, data: and other schemes with 400', async () => {
    const before = await stored();
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.org/x', 'https://exa mple.org', '']) {
      expectError(await b1.post(itemUrl(codes[4], 'links'), { url, name: '栏目' }), 400, 'VALIDATION');
    }
    expect(await stored()).toEqual(before);
    const a = expectOk(await b1.post(itemUrl(codes[4], 'links'), { url: 'https://dj.example.cn/column?id=1', name: '专题党建栏目' }));
    expect(newest(a, codes[4])).toMatchObject({ kind: 'link', name: '专题党建栏目', url: 'https://dj.example.cn/column?id=1', fileUrl: null, thumbUrl: null });
  });
});

describe('deleting evidence', () => {
  it('only the org\'s own admin deletes; the parent and a sibling get 403 and the evidence stays', async () => {
    const a = expectOk(await upload(b1, itemUrl(codes[5]), await jpeg(), '活动室.jpg'));
    const ev = newest(a, codes[5]);
    for (const c of [oa, b2, wc]) expectError(await c.request('DELETE', `/api/evidence/${ev.id}`), 403, 'FORBIDDEN');
    expect(evidenceOf(expectOk(await b1.get(`/api/assessments/${aid}`)), codes[5]).map((e: any) => e.id)).toContain(ev.id);
    expect(expectOk(await b1.request('DELETE', `/api/evidence/${ev.id}`))).toEqual({ ok: true });
    expect(evidenceOf(expectOk(await b1.get(`/api/assessments/${aid}`)), codes[5]).map((e: any) => e.id)).not.toContain(ev.id);
    expectError(await b1.get(ev.fileUrl), 404, 'NOT_FOUND');
    expectError(await b1.request('DELETE', `/api/evidence/${ev.id}`), 404, 'NOT_FOUND');
  });

  it('limits each item to 20 pieces of evidence, with a clear message, and stores nothing beyond', async () => {
    const code = codes[6];
    for (let i = 0; i < EVIDENCE_PER_ITEM_MAX; i++) expectOk(await b1.post(itemUrl(code, 'links'), { url: `https://dj.example.cn/${i}` }));
    const before = await stored();
    let e = expectError(await b1.post(itemUrl(code, 'links'), { url: 'https://dj.example.cn/21' }), 400, 'VALIDATION');
    expect(e.message).toBe('每项最多上传 20 份佐证材料');
    e = expectError(await upload(b1, itemUrl(code), await jpeg(), '多余.jpg'), 400, 'VALIDATION');
    expect(e.message).toBe('每项最多上传 20 份佐证材料');
    expect(await stored()).toEqual(before);
    expect(evidenceOf(expectOk(await b1.get(`/api/assessments/${aid}`)), code)).toHaveLength(EVIDENCE_PER_ITEM_MAX);
    // Deleting one makes room again.
    const first = evidenceOf(expectOk(await b1.get(`/api/assessments/${aid}`)), code)[0];
    expectOk(await b1.request('DELETE', `/api/evidence/${first.id}`));
    expectOk(await b1.post(itemUrl(code, 'links'), { url: 'https://dj.example.cn/again' }));
  });

  it('once submitted, evidence can be neither added nor deleted until the assessment is returned', async () => {
    let a = expectOk(await b1.get(`/api/assessments/${aid}`));
    const ev = newest(a, codes[3]);
    for (const item of a.items.filter((i: any) => i.selfSource !== 'person')) {
      a = expectOk(await b1.put(`/api/assessments/${aid}/items/${item.code}`, { selfResult: 'met', version: item.version }));
    }
    a = expectOk(await b1.post(`/api/assessments/${aid}/submit`, { version: a.version }));
    expect(a.status).toBe('submitted');
    const before = await stored();
    const e = expectError(await b1.request('DELETE', `/api/evidence/${ev.id}`), 400, 'VALIDATION');
    expect(e.message).toContain('待审核');
    expectError(await upload(b1, itemUrl(codes[3]), await jpeg(), '补充.jpg'), 400, 'VALIDATION');
    expectError(await b1.post(itemUrl(codes[3], 'links'), { url: 'https://dj.example.cn/late' }), 400, 'VALIDATION');
    expect(await stored()).toEqual(before);
    expect(evidenceOf(expectOk(await b1.get(`/api/assessments/${aid}`)), codes[3]).map((x: any) => x.id)).toContain(ev.id);
    // Returned for rectification: the secretary may change evidence again.
    a = expectOk(await oa.post(`/api/assessments/${aid}/review`, { version: a.version, decision: 'return', returned: [{ code: codes[3], comment: '请换成清晰的照片' }], rectificationDeadline: '2099-01-31' }));
    expect(a.status).toBe('returned');
    expectOk(await b1.request('DELETE', `/api/evidence/${ev.id}`));
    expect(evidenceOf(expectOk(await b1.get(`/api/assessments/${aid}`)), codes[3]).map((x: any) => x.id)).not.toContain(ev.id);
  });
});

describe('wall photos', () => {
  let wallId = 0;
  it('uploads a dated photo of a wall item, which the listing shows with the item names', async () => {
    const w = expectOk(await upload(b1, `/api/orgs/${ids.A1b}/wall-photos`, await jpeg(), '../权利.jpg', 'image/jpeg', { wallItem: 'W02', takenOn: '2026-02-15' }));
    expect(w).toMatchObject({ wallItem: 'W02', takenOn: '2026-02-15', photo: { kind: 'photo', name: '权利.jpg', takenOn: '2026-02-15' } });
    wallId = w.id;
    const file = await b1.get(w.photo.fileUrl);
    expect((await sharp(file.rawPayload).metadata()).exif).toBeUndefined();
    expect((await rowOf(w.photo.id)).storage_key).toMatch(KEY);
    const list = expectOk(await oa.get(`/api/orgs/${ids.A1b}/wall-photos`));
    expect(list.items.map((i: any) => [i.id, i.wallItem, i.takenOn])).toEqual([[w.id, 'W02', '2026-02-15']]);
    expect(list.wallItems.find((x: any) => x.code === 'W02')).toMatchObject({ name: '党员的权利', required: true });
    expect(list.wallItems.map((x: any) => x.code)).toEqual(expect.arrayContaining(['W01', 'W13', 'noticeBoard', 'disclosureBoard']));
    expectError(await b1.get(`/api/orgs/${ids.A1c}/wall-photos`), 403, 'FORBIDDEN');
  });

  it('refuses a date after today, a missing wall item and a non-photo, storing nothing', async () => {
    const before = await stored();
    const tomorrow = addDays(todayCn(ctx.clock), 1);
    let e = expectError(await upload(b1, `/api/orgs/${ids.A1b}/wall-photos`, await jpeg(), '党旗.jpg', 'image/jpeg', { wallItem: 'W01', takenOn: tomorrow }), 400, 'VALIDATION');
    expect(e.message).toBe('拍摄日期不能晚于今天');
    e = expectError(await upload(b1, `/api/orgs/${ids.A1b}/wall-photos`, await jpeg(), '党旗.jpg', 'image/jpeg', { wallItem: 'W01', takenOn: '2026-02-30x' }), 400, 'VALIDATION');
    expectError(await upload(b1, `/api/orgs/${ids.A1b}/wall-photos`, await jpeg(), '党旗.jpg', 'image/jpeg', { takenOn: '2026-02-15' }), 400, 'VALIDATION');
    expectError(await upload(b1, `/api/orgs/${ids.A1b}/wall-photos`, await jpeg(), '党旗.jpg', 'image/jpeg', { wallItem: '../W01', takenOn: '2026-02-15' }), 400, 'VALIDATION');
    // A code the standard does not have is refused with the list of those it has.
    e = expectError(await upload(b1, `/api/orgs/${ids.A1b}/wall-photos`, await jpeg(), '党旗.jpg', 'image/jpeg', { wallItem: 'X99', takenOn: '2026-02-15' }), 400, 'VALIDATION');
    expect(e.details?.[0].message).toContain('W01');
    e = expectError(await upload(b1, `/api/orgs/${ids.A1b}/wall-photos`, pdf(), '党旗.pdf', 'application/pdf', { wallItem: 'W01', takenOn: '2026-02-15' }), 415, 'UNSUPPORTED_MEDIA');
    expect(e.message).toContain('只能上传照片');
    expectError(await upload(b1, `/api/orgs/${ids.A1b}/wall-photos`, SVG, '党旗.jpg', 'image/jpeg', { wallItem: 'W01', takenOn: '2026-02-15' }), 415, 'UNSUPPORTED_MEDIA');
    expect(await stored()).toEqual(before);
    expect(expectOk(await b1.get(`/api/orgs/${ids.A1b}/wall-photos`)).items).toHaveLength(1);
  });

  it('a wall photo is deleted in the base profile, not through the evidence route; the sibling cannot delete it', async () => {
    const list = expectOk(await b1.get(`/api/orgs/${ids.A1b}/wall-photos`));
    const evidenceId = list.items[0].photo.id;
    expectError(await b1.request('DELETE', `/api/evidence/${evidenceId}`), 400, 'VALIDATION');
    expectError(await b2.request('DELETE', `/api/wall-photos/${wallId}`), 403, 'FORBIDDEN');
    expectOk(await b1.request('DELETE', `/api/wall-photos/${wallId}`));
    expect(expectOk(await b1.get(`/api/orgs/${ids.A1b}/wall-photos`)).items).toHaveLength(0);
  });

  // Date.parse would roll '2026-02-30' over to 2 March.
  it('refuses a day that does not exist, such as 2026-02-30', async () => {
    const before = await stored();
    expectError(await upload(b2, `/api/orgs/${ids.A1c}/wall-photos`, await jpeg(), '党旗.jpg', 'image/jpeg', { wallItem: 'W01', takenOn: '2026-02-30' }), 400, 'VALIDATION');
    expect(await stored()).toEqual(before);
  });

  it('a tier 1 base passes the wall-photo check once every required wall item has a photo, and fails when one is over 365 days old', async () => {
    const item = async () => expectOk(await t1.get(`/api/assessments/${tid}`)).items.find((i: any) => i.code === 'T1-PHY-03');
    let it1 = await item();
    expect(it1.auto.outcome).toBe('fail');
    expect(it1).toMatchObject({ selfResult: 'not_met', selfSource: 'auto' });
    const today = todayCn(ctx.clock);
    const data = await jpeg();
    for (const code of ['W01', 'W02', 'W03', 'W04', 'W05']) {
      expectOk(await upload(t1, `/api/orgs/${ids.T1}/wall-photos`, data, `${code}.jpg`, 'image/jpeg', { wallItem: code, takenOn: today }));
    }
    it1 = await item();
    expect(it1.auto.outcome).toBe('fail');
    expect(it1.auto.checks[0].message).toBe('缺少近期照片：党务公开栏');
    // W06 photographed a month ago; an older photo of W05 does not hide the newer one.
    expectOk(await upload(t1, `/api/orgs/${ids.T1}/wall-photos`, data, 'W06.jpg', 'image/jpeg', { wallItem: 'W06', takenOn: addDays(today, -30) }));
    expectOk(await upload(t1, `/api/orgs/${ids.T1}/wall-photos`, data, 'W05-old.jpg', 'image/jpeg', { wallItem: 'W05', takenOn: addDays(today, -400) }));
    it1 = await item();
    expect(it1.auto.outcome).toBe('pass');
    expect(it1).toMatchObject({ selfResult: 'met', selfSource: 'auto', todo: [] });
    const looked = Object.fromEntries(it1.auto.checks[0].looked.map((l: any) => [l.label, l.value]));
    expect(looked['上墙照片：党务公开栏']).toBe(`${addDays(today, -30)} 拍摄（30 天前）`);
    expect(looked['上墙照片：党员的义务']).toBe(`${today} 拍摄（0 天前）`);
    // Re-running the checks stores the same answer.
    expect(expectOk(await t1.post(`/api/assessments/${tid}/checks`)).items.find((i: any) => i.code === 'T1-PHY-03').auto.outcome).toBe('pass');
    // 336 days later the W06 photo is 366 days old: the check fails on it alone.
    ctx.clock.advance(336 * 86_400_000);
    t1 = await ctx.as('t1'); // the session ran out meanwhile
    it1 = await item();
    expect(it1.auto.outcome).toBe('fail');
    expect(it1.auto.checks[0].message).toBe('缺少近期照片：党务公开栏（照片已超过 365 天）');
    expect(it1.selfResult).toBe('not_met');
  });
});
