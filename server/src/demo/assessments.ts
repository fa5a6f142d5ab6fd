// Demo base profiles and one demo campaign (专项工作) with assessments in every state.
//
// ALL DATA PRODUCED HERE IS FICTIONAL, like the rest of the demo (青禾 is an invented city).
//
// Base profiles are generated (deterministic, seeded) and written directly, with the tier the Jinhua pack
// derives from them. The campaign and everything that happens in it go through the real services
// (services.campaigns.create, services.assessments.answer/submit/review, services.evidence.addLink), run
// on a simulated clock that starts five weeks ago and moves forward action by action, so the summaries,
// the burn-up, the history of each assessment and the audit log are exactly what real use would leave.
// Afterwards the burn-up points of days without any change are filled in (carried forward), so every
// subtree has one point a day from the start of the campaign to today.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/types.js';
import type { Db } from '../platform/db/connect.js';
import type { Config } from '../platform/config.js';
import type { Cipher } from '../platform/crypto.js';
import type { Actor } from '../platform/actor.js';
import { type Clock, addDays, addMonths, daysBetween, iso } from '../platform/clock.js';
import { createServices } from '../services.js';
import { deriveTier } from '../modules/standard/standard.pack.js';
import { BASE_FACTS, type StandardPack } from '../../../contracts/standard.js';
import type { Assessment } from '../../../contracts/assessment.js';
import { mulberry32, type GenCommitteeTerm, type GenOrg } from './generate.js';

type Rng = () => number;
type Facts = Record<string, string | number | boolean>;
const chance = (rng: Rng, p: number) => rng() < p;
const intIn = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Title of the demo campaign. */
export const DEMO_CAMPAIGN_TITLE = '2026 年机关党建阵地建设全覆盖';
const SALT_PROFILES = 0x51a7e;
const SALT_CAMPAIGN = 0xca3b;
/** The campaign started this many days before today. */
export const CAMPAIGN_AGE_DAYS = 35;

// ---------------------------------------------------------------------------------------------
// Base profiles

/** Share of orgs of each type with a base profile, and the mix of activity rooms (dedicated, shared, none). */
const PROFILE_MIX: Record<string, { share: number; rooms: [number, number, number] }> = {
  organ_committee: { share: 0.92, rooms: [0.55, 0.35, 0.1] },
  general_branch: { share: 0.85, rooms: [0.3, 0.45, 0.25] },
  branch: { share: 0.82, rooms: [0.28, 0.42, 0.3] },
};
const SHARED_WITH = ['会议室', '图书阅览室', '职工之家', '档案室', '小会议室、职工书屋'];
const hasFact = (name: string) => name in BASE_FACTS;

/**
 * Plausible facts (keyed by BASE_FACTS names) for most organ committees, general branches and branches.
 * `members` is each org's member count; orgs listed in `always` always get a profile; `people` names the
 * committee members of each org, from whom duty holders are named.
 */
export function generateBaseProfiles(orgs: readonly GenOrg[], members: ReadonlyMap<string, number>, seed: number, always: ReadonlySet<string> = new Set(),
  people: ReadonlyMap<string, readonly string[]> = new Map()): Map<string, Facts> {
  const rng = mulberry32((seed ^ SALT_PROFILES) >>> 0);
  const out = new Map<string, Facts>();
  for (const o of orgs) {
    const mix = PROFILE_MIX[o.type];
    if (!mix) continue;
    const has = rng() < mix.share;
    const r = rng();
    if (!has && !always.has(o.key)) continue;
    const kind = r < mix.rooms[0] ? 'dedicated' : r < mix.rooms[0] + mix.rooms[1] ? 'shared' : 'none';
    const n = members.get(o.key) ?? 0;
    const heads = Math.max(n, o.type === 'branch' ? 8 : 25);
    const f: Facts = { 'activityRoom.kind': kind };
    if (kind === 'dedicated') {
      f['activityRoom.areaM2'] = intIn(rng, 40, 120);
      f['activityRoom.seats'] = chance(rng, 0.85) ? Math.ceil(heads * (1 + rng() * 0.8)) : Math.max(1, Math.floor(heads * (0.6 + rng() * 0.3)));
      f['mediaEquipment.computerWithInternet'] = chance(rng, 0.92);
      f['mediaEquipment.tvWithDvd'] = chance(rng, 0.6);
      f['racks.newspaper'] = chance(rng, 0.85);
      f['cabinets.bookcase'] = chance(rng, 0.9);
      f['noticeBoard.dedicated'] = chance(rng, 0.8);
    } else if (kind === 'shared') {
      f['activityRoom.sharedWith'] = pick(rng, SHARED_WITH);
      f['activityRoom.areaM2'] = intIn(rng, 20, 60);
      f['activityRoom.seats'] = Math.ceil(heads * (0.8 + rng() * 0.7));
      f['mediaEquipment.computerWithInternet'] = chance(rng, 0.8);
      f['mediaEquipment.tvWithDvd'] = chance(rng, 0.35);
      f['racks.newspaper'] = chance(rng, 0.6);
      f['cabinets.bookcase'] = chance(rng, 0.75);
      f['noticeBoard.dedicated'] = chance(rng, 0.72);
    } else {
      f['noticeBoard.corridor'] = chance(rng, 0.8);
      f['disclosureBoard.secretaryOffice'] = chance(rng, 0.7);
      f['deskPlates.count'] = chance(rng, 0.75) ? n : Math.max(0, n - intIn(rng, 1, 4));
    }
    f['channels.microChannel'] = chance(rng, 0.85);
    f['screensaver.deployed'] = chance(rng, 0.75);
    f['chatGroups.memberCoverage'] = chance(rng, 0.72) ? 1 : round2(0.82 + rng() * 0.17);
    f['subscription.followRate'] = chance(rng, 0.55) ? 1 : round2(0.78 + rng() * 0.21);
    if (o.type !== 'branch' || chance(rng, 0.25)) {
      const slug = o.code.toLowerCase();
      f['channels.siteUrl'] = `https://www.qinghe.example/${slug}/`;
      if (chance(rng, 0.7)) f['channels.columnUrl'] = `https://www.qinghe.example/${slug}/djzl/`;
    }
    // A duty holder is named (a committee member of the org) when there is one; a few profiles only say "yes".
    const names = people.get(o.key) ?? [];
    for (const [duty, p] of [['siteEditor', 0.7], ['channelAdmin', 0.8], ['evaluationManager', 0.75]] as const) {
      const held = chance(rng, p);
      const named = rng() < 0.85 && names.length > 0;
      const who = names.length ? names[Math.floor(rng() * names.length)]! : '';
      f[`dutyHolders.${duty}`] = held;
      if (held && named && hasFact(`dutyHolders.${duty}Name`)) f[`dutyHolders.${duty}Name`] = who;
    }
    out.set(o.key, f);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The campaign, run through the services on a simulated clock

/** A clock that the simulation moves. */
class SimClock implements Clock {
  constructor(public t: number) {}
  now() { return new Date(this.t); }
}

/** 'YYYY-MM-DD' (China time) and an hour 9..17 -> the instant. */
const cnInstant = (day: string, hour: number) => Date.parse(`${day}T00:00:00Z`) - 8 * 3600_000 + hour * 3600_000;

type Target = 'not_started' | 'in_progress' | 'submitted' | 'returned' | 'accepted' | 'accepted_after_return' | 'resubmitted';
interface Plan { id: number; orgId: number; orgKey: string; parentId: number | null; target: Target; start: number }
interface Step { at: number; seq: number; plan: Plan; kind: 'start' | 'complete' | 'submit' | 'review' | 'fix' }

export interface DemoCampaignInput {
  db: Db;
  config: Config;
  cipher: Cipher;
  orgs: readonly GenOrg[];
  orgIds: ReadonlyMap<string, number>;
  committees: readonly GenCommitteeTerm[];
  /** Real accounts: the work-committee admin (root), the first organ committee's and the first branch's admins. */
  accounts: { wc: { id: number; orgKey: string; name: string; username: string }; oc: { id: number; orgKey: string; name: string; username: string }; branch: { id: number; orgKey: string; name: string; username: string } };
  today: string;
  now: string;
  seed: number;
}

export interface DemoCampaignResult { profiles: number; campaignId: number; assessments: number; counts: Record<string, number>; actions: number }

export async function loadDemoCampaign(input: DemoCampaignInput): Promise<DemoCampaignResult> {
  const { db, orgs, orgIds, today, seed } = input;
  const k = db.kysely;
  const std = await k.selectFrom('standard_version').selectAll().where('pack_id', '=', 'jinhua-2015').where('status', '=', 'published')
    .orderBy('id', 'desc').executeTakeFirst();
  if (!std) throw new Error('the Jinhua standard (jinhua-2015) is not published');
  const pack = JSON.parse(std.content) as StandardPack;
  const start = addDays(today, -CAMPAIGN_AGE_DAYS);
  const before = iso(new Date(cnInstant(addDays(start, -3), 10)));

  // --- base profiles
  const memberRows = await k.selectFrom('org').select(['id', 'member_count']).execute();
  const countById = new Map(memberRows.map((r) => [r.id, r.member_count]));
  const members = new Map(orgs.map((o) => [o.key, countById.get(orgIds.get(o.key)!) ?? 0]));
  const firstOc = input.accounts.oc.orgKey;
  const always = new Set(orgs.filter((o) => o.key === firstOc || o.key.startsWith(`${firstOc}.`)).map((o) => o.key));
  const people = new Map(input.committees.map((t) => [t.orgKey, t.seats.map((x) => x.personName)]));
  const profiles = generateBaseProfiles(orgs, members, seed, always, people);
  const secretary = new Map(input.committees.map((t) => [t.orgKey, t.seats[0]?.personName ?? null]));
  const rows = [...profiles].map(([key, facts]) => ({
    org_id: orgIds.get(key)!, facts: JSON.stringify(facts), tier_derived: deriveTier(pack, { ...facts, memberCount: members.get(key) ?? 0 }),
    tier_override: null, override_reason: null, override_by: null, override_by_name: null, override_at: null,
    standard_version_id: std.id, updated_by: null, updated_at: before, version: 1,
  }));
  const events = [...profiles.keys()].map((key) => ({
    org_id: orgIds.get(key)!, action: 'update', detail: '建立阵地档案：党员活动室、电教设备、宣传窗、网络阵地、专人负责等情况',
    actor_id: null, actor_name: secretary.get(key) ?? null, at: before,
  }));
  for (let i = 0; i < rows.length; i += 200) await k.insertInto('base_profile').values(rows.slice(i, i + 200)).execute();
  for (let i = 0; i < events.length; i += 200) await k.insertInto('base_profile_event').values(events.slice(i, i + 200)).execute();

  // --- the campaign, started five weeks ago by the work committee
  const clock = new SimClock(cnInstant(start, 9.5));
  const services = createServices({ db, config: input.config, clock, cipher: input.cipher });
  const keyById = new Map([...orgIds].map(([key, id]) => [id, key]));
  const orgByKey = new Map(orgs.map((o) => [o.key, o]));
  const real = new Map([input.accounts.wc, input.accounts.oc, input.accounts.branch].map((a) => [a.orgKey, a]));
  const actorOf = (orgId: number): Actor => {
    const key = keyById.get(orgId)!;
    const acc = real.get(key);
    if (acc) return { accountId: acc.id, username: acc.username, displayName: acc.name, role: key === 'r' ? 'work_committee_admin' : 'org_admin', orgId, memberId: null, ip: null, requestId: null };
    // Admins of other orgs have no login in the demo: their actions carry the secretary's name.
    const name = secretary.get(key) ?? orgByKey.get(key)!.shortName;
    return { accountId: 0, username: orgByKey.get(key)!.code, displayName: name, role: 'org_admin', orgId, memberId: null, ip: null, requestId: null };
  };
  const rootId = orgIds.get('r')!;
  const campaign = await services.campaigns.create(actorOf(rootId), {
    title: DEMO_CAMPAIGN_TITLE, standardVersionId: std.id, scopeOrgId: rootId, deadline: addMonths(today, 3),
  });

  // --- who gets how far
  const list = await k.selectFrom('assessment').select(['id', 'org_id', 'parent_org_id', 'tier']).where('campaign_id', '=', campaign.id).orderBy('id').execute();
  const rng = mulberry32((seed ^ SALT_CAMPAIGN) >>> 0);
  const branchKey = input.accounts.branch.orgKey;
  const plans: Plan[] = [];
  let ocChildrenSubmitted = 0;
  for (const a of list) {
    if (a.tier === null) continue; // no base profile: cannot be started (shows as 未定类别)
    const key = keyById.get(a.org_id)!;
    const x = rng();
    let target: Target = x < 0.4 ? 'not_started' : x < 0.58 ? 'in_progress' : x < 0.68 ? 'submitted' : x < 0.74 ? 'returned'
      : x < 0.78 ? 'resubmitted' : x < 0.9 ? 'accepted' : 'accepted_after_return';
    if (key === branchKey) target = 'in_progress';
    else if (key === firstOc) target = 'in_progress';
    else if (orgByKey.get(key)!.parentKey === firstOc && ocChildrenSubmitted < 2) { target = 'submitted'; ocChildrenSubmitted++; }
    const late = target === 'in_progress' || target === 'submitted';
    plans.push({ id: a.id, orgId: a.org_id, orgKey: key, parentId: a.parent_org_id, target, start: late ? 8 + rng() * 22 : rng() * 14 });
  }
  // Steps in working hours: time t counts working days since the start (t = 3.5 is mid-day of the fourth day).
  const lastDay = CAMPAIGN_AGE_DAYS - 1; // everything happened by yesterday
  const steps: Step[] = [];
  let seq = 0;
  for (const p of plans) {
    if (p.target === 'not_started') continue;
    const kinds: Step['kind'][] = ['start'];
    if (p.target !== 'in_progress') kinds.push('complete', 'submit');
    if (['returned', 'accepted', 'accepted_after_return', 'resubmitted'].includes(p.target)) kinds.push('review');
    if (p.target === 'accepted_after_return' || p.target === 'resubmitted') kinds.push('fix', 'submit');
    if (p.target === 'accepted_after_return') kinds.push('review');
    let t = p.start;
    const gaps = kinds.map((kind, i) => (i === 0 ? 0 : kind === 'submit' && kinds[i - 1] === 'complete' ? 0.05 + rng() * 0.2 : 0.6 + rng() * 4));
    const span = gaps.reduce((s, g) => s + g, 0);
    const room = lastDay + 0.95 - p.start;
    const scale = span > room ? room / span : 1;
    kinds.forEach((kind, i) => { t += gaps[i]! * scale; steps.push({ at: t, seq: seq++, plan: p, kind }); });
  }
  steps.sort((a, b) => a.at - b.at || a.seq - b.seq);

  // --- play them
  const view = (actor: Actor, id: number) => services.assessments.get(actor, id);
  const fixNotes = ['已按要求整改到位', '已补充完善，附整改说明', '已整改，照片已更新'];
  /** Answers the items a person has to answer; `share` of them now. */
  async function answer(actor: Actor, a: Assessment, share: number, mode: 'first' | 'rest' | 'fix', clean: boolean) {
    const returned = new Set(a.items.filter((i) => i.reviewResult === 'returned').map((i) => i.code));
    let answered = 0;
    for (const item of a.items) {
      const revisit = mode === 'fix' || (clean && item.finalResult === 'not_met');
      if (revisit ? !returned.has(item.code) && item.finalResult !== 'not_met' : item.selfSource === 'person') continue;
      if (!revisit && item.auto?.outcome === 'pass') continue;
      if (mode === 'first' && answered > 0 && rng() > share) continue;
      answered++;
      let selfResult: 'met' | 'not_met' | 'na' = 'met';
      let naReason: string | null = null;
      let note: string | null = null;
      if (revisit) note = pick(rng, fixNotes);
      else if (clean) selfResult = 'met';
      else if (!item.required && rng() < 0.4) { selfResult = 'na'; naReason = '本单位暂不具备条件，依托部门网站发布党建信息'; }
      else if (item.auto?.outcome === 'fail' ? rng() < 0.45 : rng() < 0.12) selfResult = 'not_met';
      if (selfResult === 'met' && item.evidenceTypes.includes('link') && item.evidence.length === 0) {
        const url = `https://www.qinghe.example/dj/${a.org.id}/${item.code.toLowerCase()}`;
        await services.evidence.addLink(actor, a.id, item.code, { url, name: `${item.title}（栏目链接）` });
        a = await view(actor, a.id);
      }
      const fresh = a.items.find((i) => i.code === item.code)!;
      a = await services.assessments.answer(actor, a.id, item.code, { selfResult, naReason, note, version: fresh.version });
    }
    return a;
  }
  const returnComments = ['佐证材料不足，请补充近期照片', '与现场情况不符，请核实后重新自评', '请补充台帐目录和记录', '上墙内容不全，请按标准补齐'];
  let actions = 0;
  for (const s of steps) {
    const day = Math.min(lastDay, Math.floor(s.at));
    clock.t = Math.max(clock.t + 60_000, cnInstant(addDays(start, day), 9 + (s.at - Math.floor(s.at)) * 8.5));
    const p = s.plan;
    const own = actorOf(p.orgId);
    let a = await view(own, p.id);
    const clean = p.target === 'accepted';
    if (s.kind === 'start') a = await answer(own, a, p.target === 'in_progress' ? 0.5 : 0.6, 'first', clean);
    else if (s.kind === 'complete') a = await answer(own, a, 1, 'rest', clean);
    else if (s.kind === 'fix') a = await answer(own, a, 1, 'fix', false);
    else if (s.kind === 'submit') a = await services.assessments.submit(own, p.id, { version: a.version });
    else {
      const reviewer = actorOf(p.parentId!);
      a = await view(reviewer, p.id);
      const failing = a.items.filter((i) => i.required && i.finalResult === 'not_met');
      const wantsReturn = p.target !== 'accepted' && !a.reviewedAt;
      if (failing.length === 0 && !wantsReturn) {
        a = await services.assessments.review(reviewer, p.id, { version: a.version, decision: 'accept', comment: '经审核，阵地建设符合标准要求，验收通过。' });
      } else {
        const met = a.items.filter((i) => i.finalResult === 'met');
        const back = failing.length ? failing : [pick(rng, met.length ? met : a.items)];
        const returned = back.slice(0, 4).map((i) => ({ code: i.code, comment: i.finalResult === 'not_met' ? `未达标，请整改：${i.title}` : pick(rng, returnComments) }));
        a = await services.assessments.review(reviewer, p.id, {
          version: a.version, decision: 'return', returned, comment: '请按审核意见整改后重新提交。',
          rectificationDeadline: addDays(addDays(start, day), pick(rng, [7, 14, 21, 30])),
        });
      }
    }
    actions++;
  }

  // --- one burn-up point a day for every subtree: days without a change carry the previous day's numbers
  await carryForward(k, campaign.id, start, today);

  const counts = await k.selectFrom('assessment').select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', campaign.id).groupBy('status').execute();
  return {
    profiles: rows.length, campaignId: campaign.id, assessments: list.length, actions,
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
  };
}

async function carryForward(k: Kysely<Database>, campaignId: number, start: string, today: string) {
  const rows = await k.selectFrom('campaign_progress').selectAll().where('campaign_id', '=', campaignId).orderBy('org_id').orderBy('day').execute();
  const byOrg = new Map<number, typeof rows>();
  for (const r of rows) byOrg.set(r.org_id, [...(byOrg.get(r.org_id) ?? []), r]);
  const add: typeof rows = [];
  const days = daysBetween(start, today);
  for (const [orgId, list] of byOrg) {
    const have = new Map(list.map((r) => [r.day, r]));
    let last = list[0]!;
    for (let i = 0; i <= days; i++) {
      const day = addDays(start, i);
      const r = have.get(day);
      if (r) { last = r; continue; }
      if (day < list[0]!.day) continue;
      add.push({ campaign_id: campaignId, org_id: orgId, day, accepted: last.accepted, submitted: last.submitted, total: last.total });
    }
  }
  for (let i = 0; i < add.length; i += 500) await k.insertInto('campaign_progress').values(add.slice(i, i + 500)).execute();
}
