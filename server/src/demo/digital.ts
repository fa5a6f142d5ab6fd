// The demo's digital base (新型阵地), three months in: columns and articles on the public site, notices with
// receipts, the study library, plans and sessions with attendance, the work committee's screensaver slides and
// a wall display. The plan (digital-plan.ts, pure and seeded) is played through the real services on a
// simulated clock, event by event in time order, so audit entries, search_doc rows, freshness and every other
// derived row are what real use leaves. Member accounts and the bulk of the receipts go in by batches
// (digital-reads.ts) with their summaries. ALL FICTIONAL, like the rest of the demo.
import type { Db } from '../platform/db/connect.js';
import type { Config } from '../platform/config.js';
import type { Cipher } from '../platform/crypto.js';
import type { Actor } from '../platform/actor.js';
import { type Clock, addDays, iso } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import { createServices } from '../services.js';
import { mulberry32, type GenCommitteeTerm, type GenOrg } from './generate.js';
import { DIGITAL_DAYS, planDigital } from './digital-plan.js';
import { ABSENCE_REASONS, WC_SLIDES } from './digital-texts.js';
import { addMemberAccounts, addReceipts, type SentNotice } from './digital-reads.js';

interface DemoAccount { id: number; orgKey: string; name: string; username: string }
export interface DigitalInput {
  db: Db; config: Config; cipher: Cipher; orgs: readonly GenOrg[]; orgIds: ReadonlyMap<string, number>; committees: readonly GenCommitteeTerm[];
  /** Member ids of the generated members kept by the bulk loader (committee seat holders). */
  memberIds: ReadonlyMap<number, number>;
  accounts: { wc: DemoAccount; oc: DemoAccount; branch: DemoAccount; member: DemoAccount & { memberId: number } };
  /** Hash of the demo password, for the member accounts. */
  passwordHash: string;
  today: string; seed: number;
  /** How many days before today the demo campaign started (its launch is news and a notice). */
  campaignAgeDays: number;
}
export interface DigitalResult {
  columns: number; articles: number; published: number; notices: number; reads: number; memberAccounts: number;
  materials: number; plans: number; sessions: number; displayUrl: string; portalSlug: string;
}

class SimClock implements Clock {
  constructor(public t: number) {}
  now() { return new Date(this.t); }
}
/** 'YYYY-MM-DD' (China time) and an hour of that day (9.5 = 9:30) -> the instant. */
const cnInstant = (day: string, hour: number) => Date.parse(`${day}T00:00:00Z`) - 8 * 3600_000 + Math.round(hour * 3600_000);
const SALT = 0xd1917a1;

export async function loadDemoDigital(input: DigitalInput): Promise<DigitalResult> {
  const { db, orgs, orgIds, today, seed, accounts } = input;
  const k = db.kysely;
  const plan = planDigital({
    orgs, committees: input.committees, today, seed, ocKey: accounts.oc.orgKey, branchKey: accounts.branch.orgKey,
    campaignDay: DIGITAL_DAYS - input.campaignAgeDays,
  });
  const rng = mulberry32((seed ^ SALT) >>> 0);
  const at = (day: number, hour: number) => cnInstant(addDays(today, day - DIGITAL_DAYS), hour);
  const end = at(DIGITAL_DAYS - 1, 20); // yesterday evening: everything has happened by then
  const clock = new SimClock(at(0, 9));
  const s = createServices({ db, config: input.config, clock, cipher: input.cipher });
  const id = (key: string) => orgIds.get(key)!;
  const keyOf = new Map([...orgIds].map(([key, v]) => [v, key]));
  const orgByKey = new Map(orgs.map((o) => [o.key, o]));
  const secretary = new Map(input.committees.map((t) => [t.orgKey, t.seats[0]?.personName ?? null]));
  const real = new Map([accounts.wc, accounts.oc, accounts.branch].map((a) => [a.orgKey, a]));
  const actorOf = (key: string): Actor => {
    const acc = real.get(key);
    const orgId = id(key);
    if (acc) return { accountId: acc.id, username: acc.username, displayName: acc.name, role: key === accounts.wc.orgKey ? 'work_committee_admin' : 'org_admin', orgId, memberId: null, ip: null, requestId: null };
    // Admins of other orgs have no login in the demo: their actions carry the secretary's name (as in the campaign).
    const o = orgByKey.get(key)!;
    return { accountId: 0, username: o.code, displayName: secretary.get(key) ?? o.shortName, role: 'org_admin', orgId, memberId: null, ip: null, requestId: null };
  };
  const wc = actorOf(accounts.wc.orgKey);
  const m = accounts.member;
  const memberActor: Actor = { accountId: m.id, username: m.username, displayName: m.name, role: 'member', orgId: id(m.orgKey), memberId: m.memberId, ip: null, requestId: null };

  // Events in time order; each runs at its instant on the simulated clock.
  const events: { at: number; seq: number; run: () => Promise<void> }[] = [];
  const on = (t: number, run: () => Promise<void>) => events.push({ at: Math.min(t, end), seq: events.length, run });

  // --- columns and articles
  const columnIds = new Map<string, number>();
  for (const c of plan.columns) {
    on(at(c.openDay, 9.2), async () => {
      const r = await s.content.saveColumn(actorOf(c.orgKey), id(c.orgKey), { slug: c.slug, title: c.title, intro: c.intro, version: 0 });
      columnIds.set(c.orgKey, r.column!.id);
    });
  }
  let published = 0;
  for (const p of plan.articles) {
    const author = actorOf(p.orgKey);
    const t = at(p.day, p.hour);
    let articleId = 0;
    let version = 0;
    on(t, async () => {
      const a = await s.content.create(author, columnIds.get(p.orgKey)!, { title: p.title, summary: p.summary, body: p.body, author: p.author });
      articleId = a.id; version = a.version;
    });
    if (p.fate === 'draft') continue;
    on(t + 1_200_000, async () => { version = (await s.content.submit(author, articleId, version)).version; });
    if (p.fate === 'pending') continue;
    // A branch's piece is reviewed by its organ committee (an admin of an ancestor may); the others by their own admins.
    const o = orgByKey.get(p.orgKey)!;
    const reviewer = o.type === 'organ_committee' || o.parentKey === null ? author : actorOf(o.parentKey!);
    // Reviewed within the afternoon: an hour or a few later, by 18:30.
    on(Math.max(t + 1_800_000, Math.min(t + 3_600_000 + Math.floor(rng() * 4 * 3_600_000), at(p.day, 18.5))), async () => {
      if (p.fate === 'returned') {
        await s.content.review(reviewer, articleId, { version, decision: 'return', comment: '请补充活动照片，并核实参加人数后重新提交。' });
        return;
      }
      const publishAt = p.fate === 'scheduled' ? new Date(cnInstant(addDays(today, p.publishInDays ?? 1), 9)).toISOString() : null;
      await s.content.review(reviewer, articleId, { version, decision: 'publish', publishAt });
      if (p.fate === 'published') published++;
    });
  }

  // --- member accounts (the micro channel), notices, reminders, demo_member's own reads, then everyone else's
  let memberAccounts = 0;
  const engagement = new Map(plan.rollouts.map((r) => [r.ocKey, r.engagement]));
  for (const r of plan.rollouts) {
    on(at(r.day, 10), async () => {
      memberAccounts += await addMemberAccounts(k, { ocId: id(r.ocKey), share: r.share, hash: input.passwordHash, at: iso(clock.now()), seed, keyOf, skipKey: accounts.branch.orgKey });
    });
  }
  const sent: (SentNotice | undefined)[] = [];
  for (const [i, n] of plan.notices.entries()) {
    const t = at(n.day, n.hour);
    on(t, async () => {
      const r = await s.notices.send(actorOf(n.senderKey), {
        senderOrgId: id(n.senderKey), kind: n.kind, audience: n.audience, title: n.title, body: n.body, targets: n.targets.map((key) => ({ orgId: id(key), subtree: true })),
      });
      sent[i] = { id: r.id, sentAt: t, audience: n.audience, targets: n.targets, pull: 0.65 + rng() * 0.35 };
    });
    if (plan.memberUnread.includes(i)) continue;
    on(t + 3_600_000 + Math.floor(rng() * 30 * 3_600_000), async () => {
      try { await s.inbox.open(memberActor, sent[i]!.id); } catch (e) { if (!(e instanceof AppError && e.status === 404)) throw e; } // not addressed to demo_member
    });
  }
  for (const [i, day, key] of plan.reminders) {
    const n = plan.notices[i]!;
    on(at(day, 10.5), async () => { await s.notices.remind(actorOf(n.senderKey), sent[i]!.id, key === n.senderKey ? {} : { orgId: id(key) }); });
  }
  let reads = 0;
  on(end, async () => {
    const ocOf = (key: string) => plan.rollouts.find((r) => key === r.ocKey || key.startsWith(`${r.ocKey}.`))?.ocKey ?? '';
    reads = await addReceipts(k, { notices: sent.filter((x): x is SentNotice => !!x), end, seed, keyOf, engagement: (key) => engagement.get(ocOf(key)) ?? 0.5, skipMemberId: m.memberId });
  });

  // --- study: materials, plans, sessions with attendance from the roll
  const materialIds: number[] = [];
  for (const [i, mp] of plan.materials.entries()) {
    on(at(mp.day, 10), async () => {
      const r = await s.studyMaterials.create(actorOf(mp.ownerKey), { ownerOrgId: id(mp.ownerKey), kind: mp.text.kind, title: mp.text.title, source: mp.text.source, body: mp.text.body ?? null, url: mp.text.url ?? null });
      materialIds[i] = r.id;
    });
  }
  const planItems: number[][] = [];
  for (const [i, sp] of plan.plans.entries()) {
    on(at(sp.day, 15), async () => {
      const r = await s.study.createPlan(actorOf(sp.orgKey), {
        orgId: id(sp.orgKey), title: sp.title, year: sp.year, quarter: sp.quarter, note: null,
        items: sp.items.map((it) => ({ topic: it.topic, plannedOn: it.plannedOn, materialIds: it.materials.map((x) => materialIds[x]!) })),
      });
      planItems[i] = r.items.map((it) => it.id);
    });
  }
  const seats = new Map(input.committees.map((t) => [t.orgKey, t.seats.map((x) => (x.memberIndex === null ? undefined : input.memberIds.get(x.memberIndex))).filter((x): x is number => x !== undefined)]));
  let sessions = 0;
  for (const sp of plan.sessions) {
    on(at(sp.day, 16), async () => {
      let roll = await k.selectFrom('member as mb').innerJoin('org_closure as c', 'c.descendant_id', 'mb.org_id').select('mb.id')
        .where('c.ancestor_id', '=', id(sp.orgKey)).where('mb.status', '=', 'active').orderBy('mb.id').execute();
      if (sp.roll === 'committee') roll = roll.filter((x) => seats.get(sp.orgKey)?.includes(x.id));
      if (roll.length === 0) return;
      await s.study.createSession(actorOf(sp.orgKey), {
        orgId: id(sp.orgKey), heldOn: addDays(today, sp.day - DIGITAL_DAYS), topic: sp.topic, place: sp.place, note: null,
        planItemId: sp.planItem ? planItems[sp.planItem[0]]![sp.planItem[1]]! : null, materialIds: sp.materials.map((x) => materialIds[x]!),
        attendance: roll.map((x) => (rng() < sp.present ? { memberId: x.id, present: true, absenceReason: null }
          : { memberId: x.id, present: false, absenceReason: ABSENCE_REASONS[Math.floor(rng() * ABSENCE_REASONS.length)]! })),
      });
      sessions++;
    });
  }

  // --- the work committee's screensaver (the shipped pages, then two of its own) and demo_oc's wall display (its
  // token is the one random thing in the demo: it is a credential, made by the service; the address is printed)
  const rootId = id(accounts.wc.orgKey);
  on(at(5, 11), async () => {
    const list = await s.slides.list(wc, rootId); // first read: seeds the shipped pages
    let order = Math.max(0, ...list.items.map((x) => x.sortOrder));
    for (const sl of WC_SLIDES) await s.slides.create(wc, { rootId, title: sl.title, lines: sl.lines, sortOrder: (order += 10), enabled: true });
  });
  let displayUrl = '';
  on(at(40, 14), async () => {
    displayUrl = (await s.display.create(actorOf(accounts.oc.orgKey), id(accounts.oc.orgKey), { name: '三楼党员活动室展示屏' })).url;
  });

  events.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const e of events) {
    clock.t = e.at;
    await e.run();
  }
  return {
    columns: plan.columns.length, articles: plan.articles.length, published, notices: sent.filter(Boolean).length, reads, memberAccounts,
    materials: materialIds.filter(Boolean).length, plans: planItems.filter(Boolean).length, sessions, displayUrl,
    portalSlug: plan.columns[0]!.slug,
  };
}
