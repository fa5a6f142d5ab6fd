// What the demo city did with its digital base over the last three months, as a plan (pure, seeded): which
// orgs opened a column and how well they kept it up, the articles and their fates, the notices, the study
// library, plans and sessions, and when each organ committee gave its members accounts for the micro channel.
// digital.ts plays the plan through the real services on a simulated clock.
//
// Days count from the start of the window: day 0 is DIGITAL_DAYS days before today, day DIGITAL_DAYS - 1 is
// yesterday. Nothing here knows database ids: orgs are GenOrg keys.
import { pinyinKeys } from '../modules/member/member.normalize.js';
import { addDays } from '../platform/clock.js';
import { mulberry32, type GenCommitteeTerm, type GenOrg } from './generate.js';
import {
  LECTURE_LEAD, LECTURE_POINTS, LECTURE_TITLE, OC_MATERIALS, OC_NOTICES, ORG_NEWS, PORTAL_NEWS, STUDY_PLACES, STUDY_TOPICS, WC_MATERIALS, WC_NOTICES,
  newsBody, newsSummary, noticeBody, type MaterialText, type NewsTemplate, type NoticeTemplate,
} from './digital-texts.js';

/** Length of the window the demo's digital base has been running. */
export const DIGITAL_DAYS = 92;
const SALT = 0xd161;

type Rng = () => number;
const intIn = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); [a[i], a[j]] = [a[j]!, a[i]!]; }
  return a;
}

export type ColumnProfile = 'portal' | 'active' | 'lapsed' | 'slow' | 'never';
export type ArticleFate = 'published' | 'draft' | 'pending' | 'returned' | 'scheduled';
export interface ColumnPlan { orgKey: string; slug: string; title: string; intro: string; openDay: number; profile: ColumnProfile }
export interface ArticlePlan {
  orgKey: string; day: number; hour: number; title: string; summary: string; body: string; author: string; fate: ArticleFate;
  /** scheduled: published from this many days after today, 9:00. */
  publishInDays?: number;
}
export interface NoticePlan { senderKey: string; day: number; hour: number; kind: NoticeTemplate['kind']; audience: 'all' | 'post'; title: string; body: string; targets: string[] }
export interface MaterialPlan { ownerKey: string; day: number; text: MaterialText }
export interface StudyPlanPlan { orgKey: string; day: number; title: string; year: number; quarter: number | null; items: { topic: string; plannedOn: string; materials: number[] }[] }
export interface SessionPlan {
  orgKey: string; day: number; topic: string; place: string; materials: number[];
  /** [index in plans, index of the item] when the session follows the org's own plan. */
  planItem: [number, number] | null;
  /** Share of the roll present. 'committee': only the org's committee members are on the list. */
  present: number; roll: 'subtree' | 'committee';
}
export interface Rollout { ocKey: string; day: number; share: number; engagement: number }
export interface DigitalPlan {
  columns: ColumnPlan[]; articles: ArticlePlan[]; notices: NoticePlan[]; materials: MaterialPlan[];
  plans: StudyPlanPlan[]; sessions: SessionPlan[]; rollouts: Rollout[];
  /** Notices demo_member leaves unread: indexes into notices. */
  memberUnread: number[];
  /** Reminders: [index in notices, day, org key of the reminded subtree]. */
  reminders: [number, number, string][];
}

export interface PlanInput {
  orgs: readonly GenOrg[]; committees: readonly GenCommitteeTerm[]; today: string; seed: number;
  /** Org keys of demo_oc and demo_branch: demo_oc's committee is always active; demo_branch's org opens its column itself (e2e). */
  ocKey: string; branchKey: string;
  /** Day (in the window) the demo campaign started. */
  campaignDay: number;
}

const within = (key: string, top: string) => key === top || key.startsWith(`${top}.`);

export function planDigital(input: PlanInput): DigitalPlan {
  const { orgs, committees, today, ocKey, branchKey } = input;
  const rng = mulberry32((input.seed ^ SALT) >>> 0);
  const dayOf = (d: number) => addDays(today, d - DIGITAL_DAYS);
  const last = DIGITAL_DAYS - 1;
  const root = orgs.find((o) => o.parentKey === null)!;
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  const people = new Map(committees.map((t) => [t.orgKey, t.seats.map((s) => s.personName)]));
  const ocs = orgs.filter((o) => o.type === 'organ_committee');
  const ocOf = (key: string) => ocs.find((o) => within(key, o.key))?.key ?? null;

  // --- columns
  const columns: ColumnPlan[] = [];
  const slugs = new Set<string>();
  const slugFor = (o: GenOrg, base: string) => {
    const s = slugs.has(base) ? `${base}-${o.code.toLowerCase().replace(/^[a-z]+-/, '')}` : base;
    slugs.add(s);
    return s;
  };
  const stripOc = (s: string) => s.replace(/机关党委$/, '');
  columns.push({ orgKey: root.key, slug: slugFor(root, 'qhszjg'), title: `${root.shortName}党建网`, openDay: 0, profile: 'portal',
    intro: `${root.name}主办，发布市直机关党建工作动态、理论学习和党务公开信息。` });
  const ocProfile = (): ColumnProfile => { const x = rng(); return x < 0.55 ? 'active' : x < 0.8 ? 'lapsed' : x < 0.9 ? 'slow' : 'never'; };
  for (const o of ocs) {
    const has = o.key === ocKey || rng() < 0.62;
    const profile = o.key === ocKey ? 'active' : ocProfile();
    const openDay = profile === 'never' ? intIn(rng, 60, 85) : intIn(rng, 1, 25);
    if (!has) continue;
    columns.push({ orgKey: o.key, slug: slugFor(o, `${pinyinKeys(stripOc(o.shortName)).initials}-dj`), title: `${o.shortName}党建专栏`, openDay, profile,
      intro: `${o.name}的党建工作动态、支部风采和党务公开。` });
  }
  // Branches: two of demo_oc's (one kept up, one lapsed), a few elsewhere; never demo_branch's (the browser test opens it).
  const branches = orgs.filter((o) => (o.type === 'branch' || o.type === 'general_branch') && !within(o.key, branchKey));
  const ocChildren = branches.filter((o) => o.parentKey === ocKey).slice(0, 2);
  for (const o of branches) {
    const mine = ocChildren.indexOf(o);
    const x = rng();
    if (mine < 0 && rng() > 0.07) continue;
    const profile: ColumnProfile = mine === 0 ? 'active' : mine === 1 ? 'lapsed' : x < 0.45 ? 'active' : x < 0.8 ? 'lapsed' : 'never';
    columns.push({ orgKey: o.key, slug: slugFor(o, pinyinKeys(o.shortName).initials), title: `${o.shortName}党建园地`,
      openDay: profile === 'never' ? intIn(rng, 60, 85) : intIn(rng, 10, 40), profile, intro: `${o.shortName}的支部活动和党员风采。` });
  }

  // --- articles
  const articles: ArticlePlan[] = [];
  const add = (orgKey: string, day: number, t: NewsTemplate, subject: string, title: string, author: string, fate: ArticleFate = 'published') => {
    articles.push({ orgKey, day, hour: intIn(rng, 9, 16) + rng(), title, summary: newsSummary(t, subject), fate,
      body: newsBody(t, subject, dayOf(day), (n) => Math.floor(rng() * n), rng() < 0.3), author });
  };
  const portalAuthors = ['市直机关工委办公室', '市直机关工委组织部', '市直机关工委宣传部'];
  // The portal: the platform's launch on day 2, the campaign's start on its day, a lecture every fourth piece.
  const news = [...PORTAL_NEWS];
  const launch = news.shift()!;
  const campaignNews = news.splice(news.findIndex((t) => t.title.includes('全覆盖专项')), 1)[0]!;
  const [portalPending, portalScheduled] = news.splice(-2, 2) as [NewsTemplate, NewsTemplate];
  add(root.key, 2, launch, '', launch.title, portalAuthors[0]!);
  let lecture = 0;
  for (let d = 4 + intIn(rng, 0, 2), n = 0; d <= last; d += intIn(rng, 2, 5), n++) {
    if (Math.abs(d - input.campaignDay) <= 1) continue;
    const isLecture = n % 4 === 3;
    const t = isLecture ? { title: '', lead: LECTURE_LEAD, points: LECTURE_POINTS } : news.shift();
    if (!t) break;
    add(root.key, d, t, '', isLecture ? LECTURE_TITLE(++lecture) : t.title, portalAuthors[n % 3]!);
  }
  add(root.key, input.campaignDay, campaignNews, '', campaignNews.title, portalAuthors[1]!);
  /** An article not (yet) on the public site: a draft, one waiting for review, one returned, one scheduled. */
  const inWorks = (orgKey: string, fate: ArticleFate, t: NewsTemplate, subject: string, day: number, author: string, publishInDays?: number) => {
    add(orgKey, day, t, subject, `${subject}${t.title}`, author, fate);
    if (publishInDays) articles[articles.length - 1]!.publishInDays = publishInDays;
  };
  inWorks(root.key, 'pending', portalPending, '', last, portalAuthors[2]!);
  inWorks(root.key, 'scheduled', portalScheduled, '', last, portalAuthors[1]!, 1);
  for (const c of columns) {
    if (c.profile === 'portal') continue;
    const o = byKey.get(c.orgKey)!;
    const subject = o.shortName;
    const author = o.type === 'organ_committee' ? `${o.shortName}办公室` : (people.get(o.key)?.[0] ?? o.shortName);
    const pool = shuffled(rng, ORG_NEWS);
    const reserved = pool.splice(0, c.orgKey === ocKey ? 3 : 1);
    const [gapMin, gapMax] = c.profile === 'slow' ? [22, 32] : c.profile === 'lapsed' ? [6, 15] : [5, 14];
    const stop = c.profile === 'lapsed' ? last - intIn(rng, 35, 75) : last;
    let d = c.openDay + intIn(rng, 2, 5);
    if (c.profile !== 'never') {
      for (let first = true; (d <= stop || first) && pool.length > 0; d += intIn(rng, gapMin, gapMax), first = false) {
        const t = pool.shift()!;
        add(o.key, Math.min(d, last), t, subject, `${subject}${t.title}`, author);
      }
    }
    // What is still in the works: demo_oc has one of each; others now and then.
    if (c.orgKey === ocKey) {
      inWorks(o.key, 'pending', reserved[0]!, subject, last - 1, author);
      inWorks(o.key, 'returned', reserved[1]!, subject, last - 4, author);
      inWorks(o.key, 'scheduled', reserved[2]!, subject, last, author, 3);
    } else if (rng() < (c.profile === 'never' ? 0.6 : 0.15)) {
      inWorks(o.key, rng() < 0.5 ? 'draft' : 'pending', reserved[0]!, subject, Math.min(last, Math.max(c.openDay + 1, last - intIn(rng, 0, 10))), author);
    }
  }

  // --- member accounts (the micro channel): demo_oc's committee early, most others over the first weeks, a few not yet
  const rollouts: Rollout[] = ocs.map((o) => (o.key === ocKey
    ? { ocKey: o.key, day: 2, share: 0.85, engagement: 0.8 }
    : { ocKey: o.key, day: intIn(rng, 2, 40), share: rng() < 0.12 ? 0 : 0.35 + rng() * 0.6, engagement: 0.35 + rng() * 0.6 }));

  // --- notices
  const notices: NoticePlan[] = [];
  const greeting = (wc: boolean, audience: 'all' | 'post') => (wc ? (audience === 'post' ? '各基层党组织书记、委员' : '各基层党组织、全体党员') : (audience === 'post' ? '机关党委各位委员' : '各党支部、全体党员'));
  const notice = (sender: GenOrg, t: NoticeTemplate, day: number, targets: string[]) => {
    const sent = dayOf(day);
    const m = Number(sent.slice(5, 7));
    notices.push({ senderKey: sender.key, day, hour: intIn(rng, 9, 16) + rng(), kind: t.kind, audience: t.audience, title: t.title(m, Math.ceil(m / 3)), targets,
      body: noticeBody(t, greeting(sender.key === root.key, t.audience), sender.name, sent, addDays(sent, intIn(rng, 5, 10))) });
  };
  const invited = [ocKey, ...shuffled(rng, ocs.filter((o) => o.key !== ocKey)).slice(0, 5).map((o) => o.key)];
  const wcDays: [number, number][] = [[0, 3], [1, 14], [2, 24], [3, 33], [1, 44], [6, 47], [4, input.campaignDay], [5, 64], [7, 71], [1, 76], [8, 82], [9, 88]];
  for (const [i, d] of wcDays) notice(root, WC_NOTICES[i]!, d, i === 7 ? invited : [root.key]);
  const oc = byKey.get(ocKey)!;
  for (const [i, d] of [[2, 18], [1, 28], [0, 50], [1, 60], [3, 70], [4, 86], [1, 90]] as const) notice(oc, OC_NOTICES[i]!, d, [ocKey]);
  for (const r of rollouts) {
    if (r.ocKey === ocKey || r.share === 0 || rng() > 0.35) continue;
    for (const t of shuffled(rng, OC_NOTICES).slice(0, intIn(rng, 1, 3))) notice(byKey.get(r.ocKey)!, t, intIn(rng, r.day + 3, last), [r.ocKey]);
  }
  notices.sort((a, b) => a.day - b.day || a.hour - b.hour);
  // demo_member has read what came more than a week ago, except one that the work committee reminded about.
  const discipline = notices.findIndex((n) => n.title.includes('纪律处分条例'));
  const memberUnread = notices.map((n, i) => (n.day > last - 8 || i === discipline ? i : -1)).filter((i) => i >= 0);
  const reminders: [number, number, string][] = [[discipline, notices[discipline]!.day + 5, root.key]];
  const ocSecond = ocChildren[1]?.key;
  const ocTheme = notices.findIndex((n) => n.senderKey === ocKey && n.day === 60);
  if (ocSecond && ocTheme >= 0) reminders.push([ocTheme, 63, ocSecond]);

  // --- study: the work committee's library, demo_oc's and a few others' own materials
  const materials: MaterialPlan[] = WC_MATERIALS.map((text, i) => ({ ownerKey: root.key, day: 4 + i * 2, text }));
  const studyOcs = [ocKey, ...shuffled(rng, rollouts.filter((r) => r.share > 0 && r.ocKey !== ocKey)).slice(0, 4).map((r) => r.ocKey)];
  for (const [n, key] of studyOcs.entries()) {
    const o = byKey.get(key)!;
    for (const text of (n === 0 ? OC_MATERIALS : OC_MATERIALS.slice(0, 1 + (n % 2)))) {
      const own = text.kind === 'article' ? { title: `${o.shortName}${text.title}`, source: o.shortName } : {};
      materials.push({ ownerKey: key, day: intIn(rng, 10, 14), text: { ...text, ...own } });
    }
  }
  /** Up to n materials the org reads (kept by itself or above), among those that exist before `day`. */
  const pickMaterials = (key: string, n: number, day: number) =>
    shuffled(rng, materials.map((m, i) => (within(key, m.ownerKey) && m.day < day ? i : -1)).filter((i) => i >= 0)).slice(0, n);
  const year = Number(today.slice(0, 4));
  const plans: StudyPlanPlan[] = [];
  const annual = (key: string, every: number) => {
    const o = byKey.get(key)!;
    const topics = shuffled(rng, STUDY_TOPICS);
    const day = intIn(rng, 24, 32);
    const items = Array.from({ length: 12 / every }, (_, i) => ({
      topic: topics[i % topics.length]!, plannedOn: `${year}-${String(1 + i * every).padStart(2, '0')}-15`, materials: pickMaterials(key, intIn(rng, 0, 2), day),
    }));
    plans.push({ orgKey: key, day, title: `${o.shortName}${year}年度理论学习计划`, year, quarter: null, items });
  };
  for (const key of studyOcs) annual(key, key === ocKey ? 1 : 2);
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  for (const o of ocChildren) {
    const day = 33;
    const items = [0, 1, 2].map((i) => ({ topic: STUDY_TOPICS[(i * 5 + o.key.length) % STUDY_TOPICS.length]!, plannedOn: `${year}-${String((quarter - 1) * 3 + 1 + i).padStart(2, '0')}-10`, materials: pickMaterials(o.key, 1, day) }));
    plans.push({ orgKey: o.key, day, title: `${o.shortName}第${['一', '二', '三', '四'][quarter - 1]}季度学习计划`, year, quarter, items });
  }
  // Sessions: monthly in demo_oc's committee (its committee members) and in branches of the studying committees.
  const sessions: SessionPlan[] = [];
  const planOf = (key: string) => plans.findIndex((p) => p.orgKey === key);
  const held = new Set<string>(); // plan items already followed by a session
  const session = (key: string, day: number, roll: SessionPlan['roll']) => {
    const on = dayOf(day);
    const own = planOf(key) >= 0 && plans[planOf(key)]!.day < day ? planOf(key) : -1;
    const found = own >= 0 ? plans[own]!.items.findIndex((it) => it.plannedOn.slice(0, 7) === on.slice(0, 7)) : -1;
    const item = found >= 0 && !held.has(`${own}:${found}`) ? found : -1;
    if (item >= 0) held.add(`${own}:${item}`);
    const parentPlan = plans[planOf(ocOf(key) ?? '')];
    const topic = item >= 0 ? plans[own]!.items[item]!.topic
      : found < 0 && parentPlan?.items.find((it) => it.plannedOn.slice(0, 7) === on.slice(0, 7))?.topic || STUDY_TOPICS[intIn(rng, 0, STUDY_TOPICS.length - 1)]!;
    sessions.push({ orgKey: key, day, topic, place: STUDY_PLACES[intIn(rng, 0, STUDY_PLACES.length - 1)]!, materials: pickMaterials(key, intIn(rng, 0, 2), day),
      planItem: item >= 0 ? [own, item] : null, present: 0.78 + rng() * 0.2, roll });
  };
  for (let d = intIn(rng, 5, 12); d <= last; d += intIn(rng, 25, 33)) session(ocKey, d, 'committee');
  for (const key of studyOcs) {
    const kids = branches.filter((b) => b.parentKey === key || byKey.get(b.parentKey ?? '')?.parentKey === key);
    for (const b of kids.slice(0, key === ocKey ? 4 : 2)) {
      for (let d = intIn(rng, 3, 20); d <= last; d += intIn(rng, 24, 35)) session(b.key, d, 'subtree');
    }
  }
  return { columns, articles, notices, materials, plans, sessions, rollouts, memberUnread, reminders };
}
