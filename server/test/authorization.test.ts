// The authorization table: every route x role x (own org, child org, sibling org, other root), denials included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type HttpClient, type TestContext } from './context.js';
import { ORG_CHILD_TYPES, type OrgType } from '../../contracts/enums.js';
import { multipartBody } from './multipart.js';
import { writeImportTemplate } from '../src/modules/member/member.xlsx.js';
import { Writable } from 'node:stream';
import { syncShippedPacks } from '../src/modules/standard/standard.service.js';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Actor } from '../src/platform/actor.js';
import type { Database } from '../src/platform/db/types.js';

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
  // Campaigns and assessments: every assessed org has a base profile (tier 2), so its assessment can be worked on.
  jinhuaId = (await ctx.services.db.kysely.selectFrom('standard_version').select('id').where('pack_id', 'like', 'jinhua%')
    .where('status', '=', 'published').executeTakeFirstOrThrow()).id;
  for (const k of ['A1', 'A1b', 'A2', 'A2b', 'B1', 'B1b']) {
    await ctx.services.baseProfiles.update(sys(), world[k].orgId, { facts: { 'activityRoom.kind': 'shared', 'activityRoom.seats': 10 }, version: 0 });
  }
  for (const k of Object.keys(world)) campaignOf[world[k].orgId] = await freshCampaign(world[k].orgId);
  for (const root of ['A', 'B']) {
    const rows = await ctx.services.db.kysely.selectFrom('assessment').select(['id', 'org_id']).where('campaign_id', '=', campaignOf[world[root].orgId]).execute();
    for (const r of rows) assessmentOf[r.org_id] = r.id;
  }
  photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#0a0' } }).jpeg().toBuffer();
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
/** A notice sent by the system from the target org to its subtree. */
const noticeFrom = async (t: Target) => (await ctx.services.notices.send(sys(), {
  senderOrgId: t.orgId, kind: 'theory', audience: 'all', title: `学习通知${++n}`, body: '内容', targets: [{ orgId: t.orgId, subtree: true }],
})).id;
/** A fresh draft standard version, for routes that edit or publish one. */
const freshDraft = async () => ctx.services.standards.clone(sys(), standardId, { newVersion: `9.0.${++n}` });
const upload = (c: HttpClient, orgId: number) => {
  const { payload, headers } = multipartBody({ orgId }, { filename: '名册.xlsx', data: template });
  return c.request('POST', '/api/member-imports', payload, headers);
};

/** The base profile's lock as read (0 while the org has none). */
const baseVersion = async (orgId: number) => (await ctx.services.baseProfiles.get(sys(), orgId)).version;

// ---- campaigns, assessments, evidence, wall photos ----
let jinhuaId: number;
let photo: Buffer;
/** The campaign scoped at each org of the world, and the assessment of each assessed org in its root's campaign. */
const campaignOf: Record<number, number> = {};
const assessmentOf: Record<number, number> = {};
/** The org's own admin, as the services see one (fixtures are written through the real services). */
const adminOf = (orgId: number): Actor => ({ ...sys(), role: 'org_admin', orgId, displayName: '本组织管理员' });
/** The assessed org standing for a target: a work committee is not assessed, so its placeOrg (a branch in its tree) stands in. */
const assessedOrg = (t: Target) => (t.type === 'work_committee' ? t.placeOrgId : t.orgId);
const freshCampaign = async (scopeOrgId: number) =>
  (await ctx.services.campaigns.create(sys(), { title: `阵地建设${++n}`, standardVersionId: jinhuaId, scopeOrgId, deadline: '2099-12-31' })).id;
/** A new campaign's assessment of the org, every item answered "met" by the org's own admin. */
const answeredAssessment = async (orgId: number) => {
  const campaignId = await freshCampaign(orgId);
  const { id } = await ctx.services.db.kysely.selectFrom('assessment').select('id').where('campaign_id', '=', campaignId).where('org_id', '=', orgId).executeTakeFirstOrThrow();
  let a = await ctx.services.assessments.get(adminOf(orgId), id);
  for (const item of a.items) a = await ctx.services.assessments.answer(adminOf(orgId), id, item.code, { selfResult: 'met', version: item.version });
  return a;
};
const submittedAssessment = async (orgId: number) => {
  const a = await answeredAssessment(orgId);
  return ctx.services.assessments.submit(adminOf(orgId), a.id, { version: a.version });
};
const sharedAssessment = (t: Target) => ctx.services.assessments.get(sys(), assessmentOf[assessedOrg(t)]);
const photoUpload = (c: HttpClient, url: string, fields: Record<string, string> = {}) => {
  const { payload, headers } = multipartBody(fields, { filename: '照片.jpg', contentType: 'image/jpeg', data: photo });
  return c.request('POST', url, payload, headers);
};
const photoEvidence: Record<number, number> = {};
/** A photo on the first item of the target's shared assessment (made once per org). */
const evidencePhoto = async (t: Target) => {
  const orgId = assessedOrg(t);
  if (!photoEvidence[orgId]) {
    const a = await ctx.services.evidence.addToItem(adminOf(orgId), assessmentOf[orgId], (await sharedAssessment(t)).items[0].code, { bytes: photo, filename: '照片.jpg', fields: {} });
    photoEvidence[orgId] = a.items[0].evidence.find((e) => e.kind === 'photo')!.id;
  }
  return photoEvidence[orgId];
};

/**
 * What a denied request must leave alone: every row of the campaign and assessment tables and the stored files.
 * New routes send through `send`, which takes this snapshot after the fixture is made and just before the request.
 */
const WATCHED: (keyof Database)[] = ['campaign', 'assessment', 'assessment_item', 'assessment_event', 'inspection', 'evidence', 'wall_photo', 'campaign_rollup', 'campaign_failed', 'campaign_progress', 'site_column', 'article', 'article_file',
  'study_material', 'study_plan', 'study_plan_item', 'study_session', 'study_attendance', 'display_token', 'screensaver_slide'];
const countFiles = (dir: string): number => (fs.existsSync(dir)
  ? fs.readdirSync(dir, { withFileTypes: true }).reduce((k, e) => k + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0) : 0);
async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const t of WATCHED) {
    const rows = await ctx.services.db.kysely.selectFrom(t).selectAll().execute();
    parts.push(`${t}:${rows.map((r) => JSON.stringify(r)).sort().join('\n')}`);
  }
  parts.push(`files:${countFiles(path.join(ctx.tdb.dataDir, 'files'))}`);
  return parts.join('\n');
}
let snapshot: string | null = null;
const send = async <T>(request: () => Promise<T>): Promise<T> => { snapshot = await fingerprint(); return request(); };

// ---- columns and articles ----
const columnIds: Record<number, number> = {};
/** The target org's column (opened once, by the system). */
const columnOf = async (t: Target) => {
  if (!columnIds[t.orgId]) {
    columnIds[t.orgId] = (await ctx.services.content.columnOf(sys(), t.orgId)).column?.id
      ?? (await ctx.services.content.saveColumn(sys(), t.orgId, { slug: `col-${t.orgId}`, title: '党建栏目', intro: '', version: 0 })).column!.id;
  }
  return columnIds[t.orgId];
};
const articleBody = () => ({ title: `文章${++n}`, summary: '', body: '<p>正文</p>', author: '' });
/** A fresh article in the target's column, moved by the system to `status`. */
const articleIn = async (t: Target, status: 'draft' | 'pending' | 'published' = 'draft') => {
  let a = await ctx.services.content.create(sys(), await columnOf(t), articleBody());
  if (status !== 'draft') a = await ctx.services.content.submit(sys(), a.id, a.version);
  if (status === 'published') a = await ctx.services.content.review(sys(), a.id, { version: a.version, decision: 'publish' });
  return a;
};

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
  // Campaigns: the campaign scoped at the target org (a fresh one for closing).
  { name: 'GET /api/campaigns/:id', call: (c, t) => send(() => c.get(`/api/campaigns/${campaignOf[t.orgId]}`)) },
  { name: 'POST /api/campaigns', call: (c, t) => send(() => c.post('/api/campaigns', { title: `阵地建设${++n}`, standardVersionId: jinhuaId, scopeOrgId: t.orgId, deadline: '2099-12-31' })) },
  { name: 'POST /api/campaigns/:id/close', call: async (c, t) => {
    const id = await freshCampaign(t.orgId);
    return send(() => c.post(`/api/campaigns/${id}/close`, { version: 1 }));
  } },
  { name: 'GET /api/campaigns/:id/dashboard', call: (c, t) => send(() => c.get(`/api/campaigns/${campaignOf[t.orgId]}/dashboard`)) },
  { name: 'GET /api/campaigns/:id/assessments', call: (c, t) => send(() => c.get(`/api/campaigns/${campaignOf[t.orgId]}/assessments`)) },
  { name: 'GET /api/campaigns/:id/export', call: (c, t) => send(() => c.get(`/api/campaigns/${campaignOf[t.orgId]}/export`)) },
  // Assessments: the target's assessment in its root's campaign (fresh ones where the call moves its state).
  { name: 'GET /api/assessments/:id', call: (c, t) => send(() => c.get(`/api/assessments/${assessmentOf[assessedOrg(t)]}`)) },
  { name: 'PUT /api/assessments/:id/items/:code', call: async (c, t) => {
    const item = (await sharedAssessment(t)).items[1];
    return send(() => c.put(`/api/assessments/${assessmentOf[assessedOrg(t)]}/items/${item.code}`, { selfResult: 'met', note: `备注${++n}`, version: item.version }));
  } },
  { name: 'POST /api/assessments/:id/items/:code/evidence', call: async (c, t) => {
    const item = (await sharedAssessment(t)).items[2];
    return send(() => photoUpload(c, `/api/assessments/${assessmentOf[assessedOrg(t)]}/items/${item.code}/evidence`));
  } },
  { name: 'POST /api/assessments/:id/items/:code/links', call: async (c, t) => {
    const item = (await sharedAssessment(t)).items[2];
    return send(() => c.post(`/api/assessments/${assessmentOf[assessedOrg(t)]}/items/${item.code}/links`, { url: `https://example.org/${++n}`, name: '栏目' }));
  } },
  { name: 'POST /api/assessments/:id/checks', call: (c, t) => send(() => c.post(`/api/assessments/${assessmentOf[assessedOrg(t)]}/checks`)) },
  { name: 'POST /api/assessments/:id/submit', call: async (c, t) => {
    const a = await answeredAssessment(assessedOrg(t));
    return send(() => c.post(`/api/assessments/${a.id}/submit`, { version: a.version }));
  } },
  { name: 'POST /api/assessments/:id/review', call: async (c, t) => {
    const a = await submittedAssessment(assessedOrg(t));
    return send(() => c.post(`/api/assessments/${a.id}/review`, { version: a.version, decision: 'accept' }));
  } },
  { name: 'POST /api/assessments/:id/inspections', call: async (c, t) => {
    const code = (await sharedAssessment(t)).items[3].code;
    return send(() => c.post(`/api/assessments/${assessmentOf[assessedOrg(t)]}/inspections`, { inspectedOn: '2026-02-20', summary: '现场查看', findings: [{ code, result: 'met' }] }));
  } },
  { name: 'POST /api/inspections/:id/photos', call: async (c, t) => {
    const code = (await sharedAssessment(t)).items[3].code;
    const ins = await ctx.services.assessments.inspect(sys(), assessmentOf[assessedOrg(t)], { inspectedOn: '2026-02-20', summary: '现场查看', findings: [{ code, result: 'met' }] });
    return send(() => photoUpload(c, `/api/inspections/${ins.id}/photos`));
  } },
  { name: 'DELETE /api/evidence/:id', call: async (c, t) => {
    const orgId = assessedOrg(t);
    const code = (await sharedAssessment(t)).items[4].code;
    const a = await ctx.services.evidence.addLink(adminOf(orgId), assessmentOf[orgId], code, { url: `https://example.org/del/${++n}` });
    const id = Math.max(...a.items.find((i) => i.code === code)!.evidence.map((e) => e.id));
    return send(() => c.request('DELETE', `/api/evidence/${id}`));
  } },
  { name: 'GET /api/evidence/:id/file', call: async (c, t) => { const id = await evidencePhoto(t); return send(() => c.get(`/api/evidence/${id}/file`)); } },
  { name: 'GET /api/evidence/:id/thumb', call: async (c, t) => { const id = await evidencePhoto(t); return send(() => c.get(`/api/evidence/${id}/thumb`)); } },
  // Wall photos belong to the org's base profile.
  { name: 'GET /api/orgs/:id/wall-photos', call: (c, t) => send(() => c.get(`/api/orgs/${t.orgId}/wall-photos`)) },
  { name: 'POST /api/orgs/:id/wall-photos', call: (c, t) => send(() => photoUpload(c, `/api/orgs/${t.orgId}/wall-photos`, { wallItem: 'W02', takenOn: '2026-02-01' })) },
  { name: 'DELETE /api/wall-photos/:id', call: async (c, t) => {
    const w = await ctx.services.evidence.addWallPhoto(sys(), t.orgId, { bytes: photo, filename: '上墙.jpg', fields: { wallItem: 'W03', takenOn: '2026-02-01' } });
    return send(() => c.request('DELETE', `/api/wall-photos/${w.id}`));
  } },
  // Notices: sent from the target org to its subtree (by the system where the route needs one to exist).
  { name: 'POST /api/notices', call: (c, t) => c.post('/api/notices', { senderOrgId: t.orgId, kind: 'work', audience: 'all', title: `通知${++n}`, body: '内容', targets: [{ orgId: t.orgId, subtree: true }] }) },
  { name: 'GET /api/notices', call: (c, t) => c.get(`/api/notices?orgId=${t.orgId}`) },
  { name: 'GET /api/notices/:id', call: async (c, t) => c.get(`/api/notices/${await noticeFrom(t)}`) },
  { name: 'GET /api/notices/:id/stats', call: async (c, t) => c.get(`/api/notices/${await noticeFrom(t)}/stats`) },
  { name: 'GET /api/notices/:id/stats/export', call: async (c, t) => c.get(`/api/notices/${await noticeFrom(t)}/stats/export`) },
  { name: 'POST /api/notices/:id/remind', call: async (c, t) => c.post(`/api/notices/${await noticeFrom(t)}/remind`, {}) },
  { name: 'GET /api/notice-webhooks/:id', call: (c, t) => c.get(`/api/notice-webhooks/${t.orgId}`) },
  { name: 'PUT /api/notice-webhooks/:id', call: async (c, t) => c.put(`/api/notice-webhooks/${t.orgId}`, {
    kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', enabled: false, version: (await ctx.services.webhooks.get(sys(), t.orgId)).version,
  }) },
  { name: 'GET /api/notice-webhooks/:id/deliveries', call: (c, t) => c.get(`/api/notice-webhooks/${t.orgId}/deliveries`) },
  // Columns and articles: run by the admins of the column's org and above (a branch admin cannot publish in another's).
  { name: 'GET /api/orgs/:id/column', call: (c, t) => c.get(`/api/orgs/${t.orgId}/column`) },
  { name: 'PUT /api/orgs/:id/column', call: async (c, t) => {
    const v = (await ctx.services.content.columnOf(sys(), t.orgId)).column?.version ?? 0;
    return send(() => c.put(`/api/orgs/${t.orgId}/column`, { slug: `col-${t.orgId}`, title: `栏目${++n}`, intro: '', version: v }));
  } },
  { name: 'GET /api/columns', call: async (c, t) => { await columnOf(t); return c.get(`/api/columns?orgId=${t.orgId}`); } },
  { name: 'GET /api/columns/:id/articles', call: async (c, t) => c.get(`/api/columns/${await columnOf(t)}/articles`) },
  { name: 'POST /api/columns/:id/articles', call: async (c, t) => { const id = await columnOf(t); return send(() => c.post(`/api/columns/${id}/articles`, articleBody())); } },
  { name: 'GET /api/articles/:id', call: async (c, t) => c.get(`/api/articles/${(await articleIn(t)).id}`) },
  { name: 'PUT /api/articles/:id', call: async (c, t) => { const a = await articleIn(t); return send(() => c.put(`/api/articles/${a.id}`, { ...articleBody(), version: a.version })); } },
  { name: 'POST /api/articles/:id/submit', call: async (c, t) => { const a = await articleIn(t); return send(() => c.post(`/api/articles/${a.id}/submit`, { version: a.version })); } },
  { name: 'POST /api/articles/:id/review', call: async (c, t) => { const a = await articleIn(t, 'pending'); return send(() => c.post(`/api/articles/${a.id}/review`, { version: a.version, decision: 'publish' })); } },
  { name: 'POST /api/articles/:id/unpublish', call: async (c, t) => { const a = await articleIn(t, 'published'); return send(() => c.post(`/api/articles/${a.id}/unpublish`, { version: a.version })); } },
  { name: 'POST /api/articles/:id/files', call: async (c, t) => { const a = await articleIn(t); return send(() => photoUpload(c, `/api/articles/${a.id}/files`)); } },
  { name: 'GET /api/article-files/:id', call: async (c, t) => {
    const f = await ctx.services.content.addFile(sys(), (await articleIn(t)).id, { bytes: photo, filename: '图片.jpg', fields: {} });
    return c.get(`/api/article-files/${f.id}`);
  } },
  // ---- study (materials, plans, sessions, statistics), wall display tokens, screensaver slides ----
  { name: 'GET /api/study/materials', call: (c, t) => c.get(`/api/study/materials?orgId=${t.orgId}`) },
  { name: 'POST /api/study/materials', call: (c, t) => send(() => c.post('/api/study/materials', { ownerOrgId: t.orgId, kind: 'link', title: `资料${++n}`, url: 'https://www.12371.cn/' })) },
  { name: 'POST /api/study/materials/upload', call: (c, t) => {
    const { payload, headers } = multipartBody({ ownerOrgId: t.orgId, title: `文件${++n}` }, { filename: '辅导.pdf', contentType: 'application/pdf', data: PDF });
    return send(() => c.request('POST', '/api/study/materials/upload', payload, headers));
  } },
  { name: 'GET /api/study/materials/:id', call: async (c, t) => c.get(`/api/study/materials/${(await materialOf(t)).id}`) },
  { name: 'PUT /api/study/materials/:id', call: async (c, t) => { const m = await materialOf(t); return send(() => c.put(`/api/study/materials/${m.id}`, { title: `改名${++n}`, url: m.url, version: m.version })); } },
  { name: 'DELETE /api/study/materials/:id', call: async (c, t) => { const m = await materialOf(t); return send(() => c.request('DELETE', `/api/study/materials/${m.id}`)); } },
  { name: 'GET /api/study/materials/:id/file', call: async (c, t) => {
    const m = await ctx.services.studyMaterials.upload(sys(), { bytes: PDF, filename: '辅导.pdf', fields: { ownerOrgId: String(t.orgId), title: '辅导材料' } });
    return c.get(`/api/study/materials/${m.id}/file`);
  } },
  { name: 'GET /api/study/plans', call: (c, t) => c.get(`/api/study/plans?orgId=${t.orgId}&year=2026`) },
  { name: 'POST /api/study/plans', call: (c, t) => send(() => c.post('/api/study/plans', { orgId: t.orgId, ...planBody() })) },
  { name: 'GET /api/study/plans/:id', call: async (c, t) => c.get(`/api/study/plans/${(await planOf(t)).id}`) },
  { name: 'PUT /api/study/plans/:id', call: async (c, t) => { const p = await planOf(t); return send(() => c.put(`/api/study/plans/${p.id}`, { ...planBody(), version: p.version })); } },
  { name: 'DELETE /api/study/plans/:id', call: async (c, t) => { const p = await planOf(t); return send(() => c.request('DELETE', `/api/study/plans/${p.id}`)); } },
  { name: 'GET /api/study/sessions', call: (c, t) => c.get(`/api/study/sessions?orgId=${t.orgId}&year=2026`) },
  { name: 'POST /api/study/sessions', call: (c, t) => send(() => c.post('/api/study/sessions', { orgId: t.orgId, ...sessionBody() })) },
  { name: 'GET /api/study/sessions/:id', call: async (c, t) => c.get(`/api/study/sessions/${(await sessionOf(t)).id}`) },
  { name: 'PUT /api/study/sessions/:id', call: async (c, t) => { const s = await sessionOf(t); return send(() => c.put(`/api/study/sessions/${s.id}`, { ...sessionBody(), version: s.version })); } },
  { name: 'DELETE /api/study/sessions/:id', call: async (c, t) => { const s = await sessionOf(t); return send(() => c.request('DELETE', `/api/study/sessions/${s.id}`)); } },
  { name: 'GET /api/study/stats', call: (c, t) => c.get(`/api/study/stats?orgId=${t.orgId}&year=2026`) },
  { name: 'GET /api/study/stats/export', call: (c, t) => c.get(`/api/study/stats/export?orgId=${t.orgId}&year=2026`) },
  { name: 'GET /api/orgs/:id/display-tokens', call: (c, t) => c.get(`/api/orgs/${t.orgId}/display-tokens`) },
  { name: 'POST /api/orgs/:id/display-tokens', call: (c, t) => send(() => c.post(`/api/orgs/${t.orgId}/display-tokens`, { name: `屏${++n}` })) },
  { name: 'POST /api/display-tokens/:id/revoke', call: async (c, t) => {
    const d = await ctx.services.display.create(sys(), t.orgId, { name: `屏${++n}` });
    return send(() => c.post(`/api/display-tokens/${d.id}/revoke`));
  } },
  { name: 'GET /api/screensaver/slides', call: (c, t) => c.get(`/api/screensaver/slides?orgId=${t.orgId}`) },
  { name: 'POST /api/screensaver/slides', call: async (c, t) => {
    const rootId = await rootOf(t);
    return send(() => c.post('/api/screensaver/slides', { rootId, title: `屏保${++n}`, lines: ['清正廉洁'], sortOrder: 1, enabled: true }));
  } },
  { name: 'PUT /api/screensaver/slides/:id', call: async (c, t) => {
    const s = await slideOf(t);
    return send(() => c.put(`/api/screensaver/slides/${s.id}`, { title: `屏保${++n}`, lines: ['清正廉洁'], sortOrder: 1, enabled: true, version: s.version }));
  } },
  { name: 'DELETE /api/screensaver/slides/:id', call: async (c, t) => { const s = await slideOf(t); return send(() => c.request('DELETE', `/api/screensaver/slides/${s.id}`)); } },
];

// ---- study and display fixtures (made by the system through the real services) ----
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const materialOf = (t: Target) => ctx.services.studyMaterials.create(sys(), { ownerOrgId: t.orgId, kind: 'link', title: `资料${++n}`, url: 'https://www.12371.cn/' });
const planBody = () => ({ title: `学习计划${++n}`, year: 2026, quarter: null, items: [{ topic: '学习党章', plannedOn: '2026-02-01', materialIds: [] }] });
const planOf = (t: Target) => ctx.services.study.createPlan(sys(), { orgId: t.orgId, ...planBody() });
const sessionBody = () => ({ heldOn: '2026-02-01', topic: `学习活动${++n}`, materialIds: [], attendance: [] });
const sessionOf = (t: Target) => ctx.services.study.createSession(sys(), { orgId: t.orgId, ...sessionBody() });
const rootOf = async (t: Target) => (await ctx.services.db.kysely.selectFrom('org').select('root_id').where('id', '=', t.orgId).executeTakeFirstOrThrow()).root_id;
const slideOf = async (t: Target) => ctx.services.slides.create(sys(), { rootId: await rootOf(t), title: `屏保${++n}`, lines: ['廉洁自律'], sortOrder: 1, enabled: true });

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
  // Campaigns: started and closed by the work committee within its tree; read by admins whose org is in the scope or above it.
  'GET /api/campaigns/:id':              [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/campaigns':                 [[200, 200, '-', 403], [403, 403, 403, 403], [403, '-', 403, 403]],
  'POST /api/campaigns/:id/close':       [[200, 200, '-', 403], [403, 403, 403, 403], [403, '-', 403, 403]],
  'GET /api/campaigns/:id/dashboard':    [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/campaigns/:id/assessments':  [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/campaigns/:id/export':       [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  // Assessments (a work committee's "own" is a branch in its tree): read by the org's and its ancestors' admins;
  // written only by the org's own admins; reviewed only by the parent's admins; inspected by the work committee.
  'GET /api/assessments/:id':            [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'PUT /api/assessments/:id/items/:code': [[403, 403, '-', 403], [200, 403, 403, 403], [403, '-', 403, 403]],
  'POST /api/assessments/:id/items/:code/evidence': [[403, 403, '-', 403], [200, 403, 403, 403], [403, '-', 403, 403]],
  'POST /api/assessments/:id/items/:code/links': [[403, 403, '-', 403], [200, 403, 403, 403], [403, '-', 403, 403]],
  'POST /api/assessments/:id/checks':    [[403, 403, '-', 403], [200, 403, 403, 403], [403, '-', 403, 403]],
  'POST /api/assessments/:id/submit':    [[403, 403, '-', 403], [200, 403, 403, 403], [403, '-', 403, 403]],
  'POST /api/assessments/:id/review':    [[403, 403, '-', 403], [403, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/assessments/:id/inspections': [[200, 200, '-', 403], [403, 403, 403, 403], [403, '-', 403, 403]],
  'POST /api/inspections/:id/photos':    [[200, 200, '-', 403], [403, 403, 403, 403], [403, '-', 403, 403]],
  'DELETE /api/evidence/:id':            [[403, 403, '-', 403], [200, 403, 403, 403], [403, '-', 403, 403]],
  'GET /api/evidence/:id/file':          [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/evidence/:id/thumb':         [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/orgs/:id/wall-photos':       [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/orgs/:id/wall-photos':      [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'DELETE /api/wall-photos/:id':         [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  // Notices: sent, read and reminded by admins within their scope; chat robots set by the org's admins and above.
  'POST /api/notices':                   [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/notices':                    [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/notices/:id':                [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/notices/:id/stats':          [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/notices/:id/stats/export':   [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/notices/:id/remind':        [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/notice-webhooks/:id':        [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'PUT /api/notice-webhooks/:id':        [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/notice-webhooks/:id/deliveries': [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  // Columns and articles: the column's org's admins and its ancestors' admins; members none.
  'GET /api/orgs/:id/column':            [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'PUT /api/orgs/:id/column':            [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/columns':                    [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/columns/:id/articles':       [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/columns/:id/articles':      [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/articles/:id':               [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'PUT /api/articles/:id':               [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/articles/:id/submit':       [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/articles/:id/review':       [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/articles/:id/unpublish':    [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/articles/:id/files':        [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/article-files/:id':          [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  // Study: an org's admins and its ancestors' admins, in scope; display tokens likewise. Slides: every admin reads its
  // work committee's; only the work committee's admins change them.
  'GET /api/study/materials':             [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/study/materials':            [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/study/materials/upload':     [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/study/materials/:id':         [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'PUT /api/study/materials/:id':         [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'DELETE /api/study/materials/:id':      [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/study/materials/:id/file':    [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/study/plans':                 [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/study/plans':                [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/study/plans/:id':             [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'PUT /api/study/plans/:id':             [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'DELETE /api/study/plans/:id':          [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/study/sessions':              [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/study/sessions':             [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/study/sessions/:id':          [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'PUT /api/study/sessions/:id':          [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'DELETE /api/study/sessions/:id':       [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/study/stats':                 [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/study/stats/export':          [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/orgs/:id/display-tokens':     [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/orgs/:id/display-tokens':    [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/display-tokens/:id/revoke':  [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'GET /api/screensaver/slides':          [[200, 200, '-', 403], [200, 200, 403, 403], [403, '-', 403, 403]],
  'POST /api/screensaver/slides':         [[200, 200, '-', 403], [403, 403, 403, 403], [403, '-', 403, 403]],
  'PUT /api/screensaver/slides/:id':      [[200, 200, '-', 403], [403, 403, 403, 403], [403, '-', 403, 403]],
  'DELETE /api/screensaver/slides/:id':   [[200, 200, '-', 403], [403, 403, 403, 403], [403, '-', 403, 403]],
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
          snapshot = null;
          const r = await route.call(clients[role], targets[role][rel]!);
          expect(r.statusCode, r.body).toBe(expected);
          if (expected === 403) expect(JSON.parse(r.body).code).toBe('FORBIDDEN');
          // A denial changes nothing: no row of the campaign and assessment tables, no stored file.
          if (expected === 403 && snapshot !== null) expect(await fingerprint()).toBe(snapshot);
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
    // Campaign list: each admin sees the campaigns of its own tree (checked below); members none.
    ['GET /api/campaigns',                (c) => c.get('/api/campaigns'), 200, 200, 403],
    // "My" assessments: a member has none (empty lists, no data), an admin its own org's and its children's.
    ['GET /api/me/assessments',           (c) => c.get('/api/me/assessments'), 200, 200, 200],
    // Inbox: everyone reads their own; opening a notice needs a linked member it covers (admins here have none: 404).
    ['GET /api/inbox',                    (c) => c.get('/api/inbox'), 200, 200, 200],
    ['POST /api/inbox/:id/open',          async (c) => c.post(`/api/inbox/${await noticeFrom(world.A1)}/open`), 404, 404, 200],
    // Search: everyone signed in; what each finds is scoped inside (server/test/search.test.ts, and the check below).
    ['GET /api/search',                   (c) => c.get(`/api/search?q=${encodeURIComponent('学习')}`), 200, 200, 200],
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
    const all = Object.entries(spec.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.replace(/\{(id|code)\}/g, ':$1')}`));
    const covered = new Set([
      ...Object.keys(TABLE), ...ROLE_TABLE.map((r) => r[0]),
      'GET /api/member-imports/:id', 'POST /api/member-imports/:id/commit', // own job only: tested below
      'GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password', // any session / none: auth.test.ts
    ]);
    expect(all.filter((r) => !covered.has(r))).toEqual([]);
  });

  it('a campaign is read from inside its scope too: an org admin reads the campaign over its whole tree, not a sibling\'s', async () => {
    expect((await clients.oa.get(`/api/campaigns/${campaignOf[world.A.orgId]}`)).statusCode).toBe(200);
    const titles = (r: { json: () => { items: { id: number }[] } }) => r.json().items.map((x) => x.id);
    const seen = titles(await clients.oa.get('/api/campaigns'));
    expect(seen).toEqual(expect.arrayContaining([campaignOf[world.A.orgId], campaignOf[world.A1.orgId], campaignOf[world.A1b.orgId]]));
    expect(seen).not.toContain(campaignOf[world.A2.orgId]);
    expect(seen).not.toContain(campaignOf[world.B.orgId]);
    expect(titles(await clients.wc.get('/api/campaigns'))).not.toContain(campaignOf[world.B1.orgId]);
    // The org admin's dashboard of the root campaign is its own subtree; asking for a sibling's subtree is refused.
    expect((await clients.oa.get(`/api/campaigns/${campaignOf[world.A.orgId]}/dashboard`)).json().org.id).toBe(world.A1.orgId);
    expect((await clients.oa.get(`/api/campaigns/${campaignOf[world.A.orgId]}/dashboard?orgId=${world.A2.orgId}`)).statusCode).toBe(403);
  });

  it('the work committee reviews its direct children\'s assessments; the org itself cannot accept its own', async () => {
    const a = await submittedAssessment(world.A1.orgId);
    const before = await fingerprint();
    const self = await clients.oa.post(`/api/assessments/${a.id}/review`, { version: a.version, decision: 'accept' });
    expect(self.statusCode).toBe(403);
    expect(await fingerprint()).toBe(before);
    const r = await clients.wc.post(`/api/assessments/${a.id}/review`, { version: a.version, decision: 'accept' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('accepted');
    expect(await fingerprint()).not.toBe(before); // the snapshot does see a change
  });

  it('a member\'s "my assessments" is empty, even though its branch has assessments', async () => {
    expect(assessmentOf[world.A1b.orgId]).toBeGreaterThan(0);
    expect((await clients.member.get('/api/me/assessments')).json()).toEqual({ own: [], toReview: [] });
  });

  it('search results of an org admin stay inside its subtree', async () => {
    const names = ((await clients.oa.get(`/api/orgs/search?q=${encodeURIComponent('财政')}`)).json() as { name: string }[]).map((o) => o.name);
    expect(names).toContain('财政局第一党支部');
    expect(names).not.toContain('乙县财政局机关党委');
  });

  it('full-text search of an org admin finds its own subtree\'s notices, not a sibling\'s', async () => {
    const own = await noticeFrom(world.A1b);
    const sibling = await noticeFrom(world.A2);
    const found = ((await clients.oa.get(`/api/search?q=${encodeURIComponent('学习通知')}&types=notice`)).json() as { items: { id: number }[] }).items.map((h) => h.id);
    expect(found).toContain(own);
    expect(found).not.toContain(sibling);
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
        const url = path.replace(/\{id\}/g, '1').replace(/\{code\}/g, 'T1-PHY-01');
        const r = await anon.request(method.toUpperCase() as 'GET', url, method === 'get' ? undefined : {});
        expect(r.statusCode, name).toBe(401);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25);
  });
});
