// Standard packs as records: sync of the shipped files, view, clone into a draft, edit, publish; wc admin only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { countRows, expectError, expectOk } from './helpers.js';
import { syncShippedPacks } from '../src/modules/standard/standard.service.js';
import { STANDARDS_DIR } from '../src/modules/standard/standard.pack.js';

let ctx: TestContext;
let wc: HttpClient;
let oa: HttpClient;
let mem: HttpClient;
let jinhuaId: number;
const db = () => ctx.services.db.kysely;

beforeAll(async () => {
  ctx = await createTestContext();
  const A = await ctx.build.org({ parentId: null, name: '甲市直属机关工委' });
  const A1 = await ctx.build.org({ parentId: A.id, type: 'organ_committee', name: '甲市财政局机关党委' });
  const b = await ctx.build.org({ parentId: A1.id, type: 'branch' });
  const m = await ctx.build.member(b.id);
  await ctx.build.account({ username: 'wc', role: 'work_committee_admin', orgId: A.id });
  await ctx.build.account({ username: 'oa', role: 'org_admin', orgId: A1.id });
  await ctx.build.account({ username: 'mem', role: 'member', orgId: b.id, memberId: m.id });
  [wc, oa, mem] = [await ctx.as('wc'), await ctx.as('oa'), await ctx.as('mem')];
});
afterAll(async () => ctx?.close());

describe('syncing the shipped packs', () => {
  it('inserts the shipped packs once: the official one published, the sample as a draft', async () => {
    const logs: string[] = [];
    const first = await syncShippedPacks(db(), ctx.clock, { log: (m) => logs.push(m) });
    expect(first.inserted.sort()).toEqual(['jinhua-2015@1.0.0', 'qihe-qiyou-sample@0.1.0']);
    expect(first.rejected).toEqual([]);
    const second = await syncShippedPacks(db(), ctx.clock, { log: (m) => logs.push(m) });
    expect(second.inserted).toEqual([]);
    expect(await countRows(db(), 'standard_version')).toBe(2);
    const rows = await db().selectFrom('standard_version').selectAll().execute();
    const status = Object.fromEntries(rows.map((r) => [r.pack_id, [r.status, r.published_at !== null]]));
    expect(status).toEqual({ 'jinhua-2015': ['published', true], 'qihe-qiyou-sample': ['draft', false] });
    expect(rows.every((r) => r.created_by === null)).toBe(true);
    expect(rows.map((r) => r.source_file).sort()).toEqual(['jinhua-2015.json', 'qihe-qiyou-sample.json']);
    jinhuaId = rows.find((r) => r.pack_id === 'jinhua-2015')!.id;
  });

  it('skips and logs a bad pack file, inserting the good ones beside it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-packs-'));
    try {
      const good = JSON.parse(fs.readFileSync(path.join(STANDARDS_DIR, 'qihe-qiyou-sample.json'), 'utf8'));
      good.pack.version = '0.2.0';
      fs.writeFileSync(path.join(dir, 'good.json'), JSON.stringify(good));
      const bad = structuredClone(good);
      bad.pack.version = '0.3.0';
      bad.requirements[0].essential = 'nonexistent';
      fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
      fs.writeFileSync(path.join(dir, 'broken.json'), '{ "format": 1, ');
      const logs: string[] = [];
      const r = await syncShippedPacks(db(), ctx.clock, { dir, log: (m) => logs.push(m) });
      expect(r.inserted).toEqual(['qihe-qiyou-sample@0.2.0']);
      expect(r.rejected.map((x) => x.file).sort()).toEqual(['bad.json', 'broken.json']);
      expect(logs.join('\n')).toContain('bad.json');
      expect(logs.join('\n')).toContain(bad.requirements[0].code);
      expect(await db().selectFrom('standard_version').select('id').where('version', '=', '0.3.0').executeTakeFirst()).toBeUndefined();
      // a missing directory is logged, not fatal
      const none = await syncShippedPacks(db(), ctx.clock, { dir: path.join(dir, 'missing'), log: (m) => logs.push(m) });
      expect(none.inserted).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('viewing, cloning, editing and publishing', () => {
  let draftId: number;

  it('lists versions newest first with requirement counts, and shows one in full', async () => {
    const list = expectOk(await wc.get('/api/standards'));
    expect(list.length).toBe(3);
    expect(list[0].version).toBe('0.2.0'); // inserted last
    const jinhua = list.find((s: any) => s.id === jinhuaId);
    expect(jinhua).toMatchObject({ packId: 'jinhua-2015', version: '1.0.0', status: 'published', coverageDeadline: '2016-06-30' });
    expect(jinhua.requirementCount).toBeGreaterThan(20);
    const d = expectOk(await wc.get(`/api/standards/${jinhuaId}`));
    expect(d.content.pack.id).toBe('jinhua-2015');
    expect(d.content.requirements.length).toBe(jinhua.requirementCount);
    expect(d.rowVersion).toBe(1);
    expectError(await wc.get('/api/standards/99999'), 404, 'NOT_FOUND');
  });

  it('clones a published version into a draft with the new version number', async () => {
    const d = expectOk(await wc.post(`/api/standards/${jinhuaId}/clone`, { newVersion: '1.1.0' }));
    expect(d).toMatchObject({ packId: 'jinhua-2015', version: '1.1.0', status: 'draft', publishedAt: null });
    expect(d.content.pack.version).toBe('1.1.0');
    draftId = d.id;
    expectError(await wc.post(`/api/standards/${jinhuaId}/clone`, { newVersion: '1.1.0' }), 409, 'CONFLICT');
    expectError(await wc.post(`/api/standards/${jinhuaId}/clone`, { newVersion: 'v2' }), 400, 'VALIDATION');
  });

  it('rejects a broken draft with every problem and saves nothing', async () => {
    const d = expectOk(await wc.get(`/api/standards/${draftId}`));
    const content = structuredClone(d.content);
    content.requirements[0].essential = 'nonexistent';
    content.wallItems[0].required = 'yes';
    const e = expectError(await wc.put(`/api/standards/${draftId}`, { content, version: d.rowVersion }), 400, 'VALIDATION');
    expect(e.details!.length).toBeGreaterThanOrEqual(2);
    expect(e.details!.some((x) => x.message.includes(content.requirements[0].code))).toBe(true);
    expect(e.details!.some((x) => x.message.includes(content.wallItems[0].code))).toBe(true);
    // the record's id and version are bound to the content
    const moved = structuredClone(d.content);
    moved.pack.version = '9.9.9';
    expectError(await wc.put(`/api/standards/${draftId}`, { content: moved, version: d.rowVersion }), 400, 'VALIDATION');
    expectError(await wc.put(`/api/standards/${draftId}`, { content: 'not a pack', version: d.rowVersion }), 400, 'VALIDATION');
    const after = expectOk(await wc.get(`/api/standards/${draftId}`));
    expect(after.rowVersion).toBe(d.rowVersion);
    expect(after.content).toEqual(d.content);
  });

  it('saves a valid edit, and answers 409 to a stale version', async () => {
    const d = expectOk(await wc.get(`/api/standards/${draftId}`));
    const content = structuredClone(d.content);
    content.pack.title = '金华市直机关党建阵地建设标准（修订稿）';
    content.pack.coverageDeadline = '2027-06-30';
    const saved = expectOk(await wc.put(`/api/standards/${draftId}`, { content, version: d.rowVersion }));
    expect(saved).toMatchObject({ title: content.pack.title, coverageDeadline: '2027-06-30', rowVersion: d.rowVersion + 1, status: 'draft' });
    expectError(await wc.put(`/api/standards/${draftId}`, { content, version: d.rowVersion }), 409, 'CONFLICT');
    expectError(await wc.post(`/api/standards/${draftId}/publish`, { version: d.rowVersion }), 409, 'CONFLICT');
  });

  it('publishes a draft; a published version is immutable', async () => {
    const d = expectOk(await wc.get(`/api/standards/${draftId}`));
    const p = expectOk(await wc.post(`/api/standards/${draftId}/publish`, { version: d.rowVersion }));
    expect(p.status).toBe('published');
    expect(p.publishedAt).toBe(ctx.clock.now().toISOString());
    const e = expectError(await wc.put(`/api/standards/${draftId}`, { content: p.content, version: p.rowVersion }), 400, 'VALIDATION');
    expect(e.message).toBe('已发布的标准不能修改，请复制为新版本');
    expectError(await wc.put(`/api/standards/${jinhuaId}`, { content: d.content, version: 1 }), 400, 'VALIDATION');
    expectError(await wc.post(`/api/standards/${draftId}/publish`, { version: p.rowVersion }), 400, 'VALIDATION');
    const row = await db().selectFrom('standard_version').selectAll().where('id', '=', draftId).executeTakeFirstOrThrow();
    expect(row.published_by).not.toBeNull();
  });

  it('audits every write', async () => {
    const rows = await db().selectFrom('audit_log').selectAll().where('action', 'like', 'standard.%').where('result', '=', 'ok').execute();
    expect(rows.map((r) => r.action).sort()).toEqual(['standard.clone', 'standard.publish', 'standard.update']);
    expect(rows.every((r) => r.target_type === 'standard_version' && r.target_id === String(draftId) && r.actor_name!.includes('wc'))).toBe(true);
  });
});

describe('only the work-committee admin', () => {
  const calls: [string, (c: HttpClient) => Promise<any>][] = [
    ['GET /api/standards', (c) => c.get('/api/standards')],
    ['GET /api/standards/:id', (c) => c.get(`/api/standards/${jinhuaId}`)],
    ['POST /api/standards/:id/clone', (c) => c.post(`/api/standards/${jinhuaId}/clone`, { newVersion: '5.0.0' })],
    ['PUT /api/standards/:id', (c) => c.put(`/api/standards/${jinhuaId}`, { content: {}, version: 1 })],
    ['POST /api/standards/:id/publish', (c) => c.post(`/api/standards/${jinhuaId}/publish`, { version: 1 })],
  ];
  for (const [name, call] of calls) {
    it(`${name}: org admin and member get 403, audited`, async () => {
      for (const c of [oa, mem]) expectError(await call(c), 403, 'FORBIDDEN');
    });
  }
  it('denials changed nothing and were audited', async () => {
    expect(await db().selectFrom('standard_version').select('id').where('version', '=', '5.0.0').executeTakeFirst()).toBeUndefined();
    const denied = await db().selectFrom('audit_log').select('detail').where('action', '=', 'access.denied').execute();
    expect(denied.filter((d) => d.detail?.includes('standard.')).length).toBe(10);
  });
});
