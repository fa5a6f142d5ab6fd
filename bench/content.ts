// The content data set of (g) and (h), on top of the member tree: columns and articles of the public site
// (migration 0005), member accounts, notices with their targets, receipts and per-org read summaries (0006).
//
// - Columns: the work committee's portal column and one column for every 5th organ committee (about 400).
// - Articles: about 4,000 (300 in the portal column, ~9 in each other one): 90 % published over the last year,
//   the rest drafts, pending review or scheduled for the coming days; bodies of 3–6 KB of HTML passed through
//   the server's sanitizer (sanitizeRichText), as the editor's saves are.
// - Accounts: every active member whose id ends in 3 (10 %, about 100,000) gets a member account (role member,
//   member_id set, the bench password), then org.member_account_count / post_account_count are recomputed with
//   the statement of migration 0006, as the services keep them.
// - Notices: 200 over 60 days: 20 to the whole tree (subtree of the root), 20 from the root to three organ
//   committees' subtrees, 160 from organ committees to their own subtree; every 9th only to members holding a
//   post; reminders on three of the whole-tree notices.
// - Receipts: a seeded share of the reached members (5–30 % for whole-tree notices, 20–80 % for the others)
//   has read each notice; notice_org_stat and notice.read_count are computed from those rows (GROUP BY), so
//   they agree with them.
// Kept in the cached SQLite file; a `setting` row records the version, bump VERSION when this changes.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/src/platform/db/types.js';
import type { Db } from '../server/src/platform/db/connect.js';
import { iso, systemClock } from '../server/src/platform/clock.js';
import { hashPassword } from '../server/src/platform/crypto.js';
import { sanitizeRichText } from '../server/src/platform/sanitize.js';
import { mulberry32, DEMO_SEED } from '../server/src/demo/generate.js';
import { fmtDuration } from './measure.js';
import { BENCH_PASSWORD } from './http.js';

const VERSION = 1;
const SETTING = 'bench.content';
/** Notices the benchmark itself sends in (h): removed again before the next measurements. */
export const SENT_TITLE_PREFIX = '压测：致全体党员的通知';

export interface ContentInfo {
  columns: number;
  articles: number;
  published: number;
  accounts: number;
  notices: number;
  noticeTargets: number;
  reads: number;
  orgStatRows: number;
  buildMs: number;
  cached: boolean;
}

const count = async (db: Kysely<Database>, table: 'site_column' | 'article' | 'notice' | 'notice_target' | 'notice_read' | 'notice_org_stat') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

async function info(db: Kysely<Database>, buildMs: number, cached: boolean): Promise<ContentInfo> {
  const published = await db.selectFrom('article').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published')
    .where('publish_at', '<=', iso(systemClock.now())).executeTakeFirstOrThrow();
  const accounts = await db.selectFrom('account').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'member').where('member_id', 'is not', null).executeTakeFirstOrThrow();
  return {
    columns: await count(db, 'site_column'), articles: await count(db, 'article'), published: Number(published.n), accounts: Number(accounts.n),
    notices: await count(db, 'notice'), noticeTargets: await count(db, 'notice_target'), reads: await count(db, 'notice_read'),
    orgStatRows: await count(db, 'notice_org_stat'), buildMs, cached,
  };
}

/** The content data: reused when this version is there, else built (only on a database without other content). */
export async function ensureContent(db: Db, log: (s: string) => void): Promise<ContentInfo> {
  const k = db.kysely;
  await dropSentNotices(k);
  const mark = await k.selectFrom('setting').select('value').where('key', '=', SETTING).executeTakeFirst();
  if (mark?.value === String(VERSION)) {
    log(`reusing the content data (columns, articles, accounts, notices; version ${VERSION})`);
    return info(k, 0, true);
  }
  if (mark || (await count(k, 'article')) > 0 || (await count(k, 'notice')) > 0) {
    throw new Error(`the bench database holds content of another version (${mark?.value ?? 'unmarked'}): run with --fresh to reload it`);
  }
  const t0 = performance.now();
  await buildContent(k, log);
  await k.insertInto('setting').values({ key: SETTING, value: String(VERSION) }).execute();
  return info(k, performance.now() - t0, false);
}

const PARAS = [
  '深入学习贯彻党的二十大精神，坚持以习近平新时代中国特色社会主义思想为指导，把党的政治建设摆在首位，推动机关党建工作高质量发展。',
  '各党支部要严格落实“三会一课”制度，认真开展主题党日活动，组织党员围绕学习内容交流体会、查找差距、明确努力方向。',
  '坚持把党建阵地建设作为基层党组织建设的重要抓手，做到有场所、有设施、有标志、有党旗、有书报、有制度，使阵地成为党员教育管理的主课堂。',
  '要把理论学习与业务工作结合起来，以学促干、学用相长，切实把学习成果转化为推动工作的实际成效，在服务群众中践行初心使命。',
  '充分发挥党员先锋模范作用，在急难险重任务中设立党员先锋岗、党员责任区，让党旗在一线高高飘扬。',
  '加强对党员的日常教育管理监督，做好党费收缴、组织关系转接、民主评议党员等基础工作，确保各项制度落到实处。',
  '本次活动共有机关各支部党员参加，大家纷纷表示，要以更加饱满的热情、更加务实的作风投入到各项工作中去。',
  '持续深化清廉机关建设，坚持把纪律和规矩挺在前面，常态化开展警示教育，营造风清气正的良好政治生态。',
];
const HEADS = ['一、提高政治站位', '二、突出工作重点', '三、强化组织保障', '四、注重实际成效', '五、加强宣传引导'];

/** One article body of roughly 3–6 KB of HTML: headings, paragraphs, a list, a table and a link, then sanitized. */
function body(rand: () => number): string {
  const parts: string[] = [];
  const sections = 3 + Math.floor(rand() * 3);
  for (let s = 0; s < sections; s++) {
    parts.push(`<h2>${HEADS[s % HEADS.length]}</h2>`);
    const paras = 2 + Math.floor(rand() * 2);
    for (let p = 0; p < paras; p++) parts.push(`<p>${PARAS[Math.floor(rand() * PARAS.length)]}${PARAS[Math.floor(rand() * PARAS.length)]}</p>`);
    if (s === 1) parts.push(`<ul>${HEADS.map((h) => `<li><strong>${h.slice(2)}</strong>：${PARAS[Math.floor(rand() * PARAS.length)].slice(0, 30)}</li>`).join('')}</ul>`);
    if (s === 2) parts.push('<table><thead><tr><th>支部</th><th>参加人数</th><th>学习时长</th></tr></thead><tbody>'
      + Array.from({ length: 5 }, (_, i) => `<tr><td>第${i + 1}党支部</td><td>${10 + Math.floor(rand() * 30)}</td><td>${1 + Math.floor(rand() * 3)} 小时</td></tr>`).join('') + '</tbody></table>');
  }
  parts.push('<p>详见<a href="https://www.12371.cn/" onclick="x()">共产党员网</a>。<script>alert(1)</script></p>');
  return sanitizeRichText(parts.join('\n'));
}

async function insertBatches<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Record<string, unknown>[], size = 200) {
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
}

export async function buildContent(db: Kysely<Database>, log: (s: string) => void): Promise<void> {
  const rand = mulberry32(DEMO_SEED + 4);
  const now = systemClock.now().getTime();
  const at = (ms: number) => new Date(ms).toISOString();
  const DAY = 86_400_000;
  const t0 = performance.now();
  const root = await db.selectFrom('org').select(['id', 'name']).where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const organs = await db.selectFrom('org').select(['id', 'name']).where('type', '=', 'organ_committee').where('status', '=', 'active').orderBy('id').execute();

  // Columns: the portal's and every 5th organ committee's.
  const colOrgs = [root, ...organs.filter((_, i) => i % 5 === 0)];
  await insertBatches(db, 'site_column', colOrgs.map((o, i) => ({
    org_id: o.id, root_id: root.id, slug: i === 0 ? 'portal' : `col-${o.id}`, title: i === 0 ? `${o.name}党建网站` : `${o.name}专题党建栏目`,
    intro: `${o.name}的党建工作动态、理论学习和党务公开。`, created_at: at(now - 400 * DAY), updated_at: at(now - 400 * DAY), version: 1,
  })));
  const columns = await db.selectFrom('site_column').select(['id', 'org_id']).orderBy('id').execute();

  // Articles: a pool of sanitized bodies, reused.
  const bodies = Array.from({ length: 40 }, () => body(rand));
  const articles: Record<string, unknown>[] = [];
  columns.forEach((c, ci) => {
    const howMany = ci === 0 ? 300 : 4 + Math.floor(rand() * 11);
    for (let j = 0; j < howMany; j++) {
      const r = rand();
      const status = r < 0.9 ? 'published' : r < 0.94 ? 'draft' : r < 0.97 ? 'pending' : 'published';
      const publishAt = r < 0.9 ? at(now - Math.floor(rand() * 365 * DAY)) : r < 0.97 ? null : at(now + (1 + Math.floor(rand() * 10)) * DAY);
      const created = publishAt && publishAt < at(now) ? publishAt : at(now - Math.floor(rand() * 30 * DAY));
      const b = bodies[Math.floor(rand() * bodies.length)]!;
      articles.push({
        column_id: c.id, org_id: c.org_id, root_id: root.id, title: `${HEADS[j % HEADS.length].slice(2)}：扎实推进机关党建阵地建设（${ci + 1}-${j + 1}）`,
        summary: PARAS[(ci + j) % PARAS.length]!.slice(0, 60), body: b, author: '党办', status, publish_at: publishAt,
        submitted_at: status === 'draft' ? null : created, reviewed_by_name: status === 'published' ? '审核员' : null, review_comment: null,
        created_by: null, created_by_name: '压测', created_at: created, updated_at: created, version: 1,
      });
    }
  });
  await insertBatches(db, 'article', articles, 100);
  log(`  content: ${columns.length} columns, ${articles.length.toLocaleString('en')} articles (${fmtDuration(performance.now() - t0)})`);

  // Member accounts for 10 % of the active members, one password hash for all.
  const hash = await hashPassword(BENCH_PASSWORD);
  const stamp = at(now - 30 * DAY);
  await sql`insert into account (username, display_name, password_hash, role, org_id, member_id, status, must_change_password, failed_attempts,
      locked_until, last_login_at, password_changed_at, created_at, updated_at, version)
    select 'bm' || m.id, m.name, ${hash}, 'member', m.org_id, m.id, 'active', 0, 0, null, null, ${stamp}, ${stamp}, ${stamp}, 1
    from member m where m.status = 'active' and m.id % 10 = 3
      and not exists (select 1 from account a where a.member_id = m.id)`.execute(db);
  // The reach summaries, with the statement of migration 0006.
  await sql`update org set
    member_account_count = (select count(*) from member m where m.org_id = org.id and m.status = 'active'
        and exists (select 1 from account a where a.member_id = m.id and a.status = 'active')),
    post_account_count = (select count(*) from member m where m.org_id = org.id and m.status = 'active' and m.post is not null and m.post <> ''
        and exists (select 1 from account a where a.member_id = m.id and a.status = 'active'))`.execute(db);
  log(`  content: member accounts and reach summaries (${fmtDuration(performance.now() - t0)})`);

  // Notices, oldest first, and their targets.
  const kinds = ['theory', 'activity', 'work'] as const;
  const targetOrgs = organs.filter((_, i) => i % 7 === 1);
  const notices: { sender: { id: number; name: string }; targets: { id: number; name: string }[]; whole: boolean; audience: string; sentAt: string }[] = [];
  for (let i = 0; i < 200; i++) {
    const sentAt = at(now - (60 * DAY * (200 - i)) / 200 - 3_600_000);
    const audience = i % 9 === 4 ? 'post' : 'all';
    if (i % 10 === 0) notices.push({ sender: root, targets: [root], whole: true, audience, sentAt });
    else if (i % 10 === 5) notices.push({ sender: root, targets: [0, 1, 2].map((k) => targetOrgs[(i + k * 31) % targetOrgs.length]!), whole: false, audience, sentAt });
    else { const o = targetOrgs[i % targetOrgs.length]!; notices.push({ sender: o, targets: [o], whole: false, audience, sentAt }); }
  }
  for (const [i, n] of notices.entries()) {
    const { id } = await db.insertInto('notice').values({
      root_id: root.id, sender_org_id: n.sender.id, kind: kinds[i % 3]!, audience: n.audience,
      title: `${n.whole ? '全体党员' : '支部'}通知（第 ${i + 1} 期）：${HEADS[i % HEADS.length].slice(2)}`,
      body: `${PARAS[i % PARAS.length]}\n${PARAS[(i + 3) % PARAS.length]}`,
      target_summary: JSON.stringify(n.targets.map((t) => ({ orgId: t.id, name: t.name, subtree: true }))),
      read_count: 0, remind_count: 0, last_reminded_at: null, sent_by: null, sent_by_name: '压测', sent_at: n.sentAt,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('notice_target').values(n.targets.map((t) => ({ notice_id: id, org_id: t.id, subtree: 1 }))).execute();
  }
  // Receipts: from each account holder's ancestors to the notices targeting them (the inbox rule), a seeded share.
  await sql`insert into notice_read (notice_id, member_id, org_id, read_at)
    select n.id, m.id, m.org_id, n.sent_at
    from account a
    join member m on m.id = a.member_id and m.status = 'active'
    join org_closure c on c.descendant_id = m.org_id
    join notice_target t on t.org_id = c.ancestor_id and (t.subtree = 1 or c.depth = 0)
    join notice n on n.id = t.notice_id
    where a.role = 'member' and a.status = 'active'
      and (n.audience = 'all' or (m.post is not null and m.post <> ''))
      and (m.id * 7 + n.id * 13) % 100 < case when t.org_id = ${root.id} then 5 + (n.id * 37) % 26 else 20 + (n.id * 53) % 61 end
    group by n.id, m.id, m.org_id, n.sent_at`.execute(db);
  await sql`insert into notice_org_stat (notice_id, org_id, read_count) select notice_id, org_id, count(*) from notice_read group by notice_id, org_id`.execute(db);
  await sql`update notice set read_count = (select count(*) from notice_read r where r.notice_id = notice.id)`.execute(db);
  // Reminders on three whole-tree notices (the inbox's "reminded" list reads them).
  const whole = await db.selectFrom('notice').select(['id', 'sent_at']).where('sender_org_id', '=', root.id).where('title', 'like', '全体党员%').orderBy('id', 'desc').limit(3).execute();
  for (const w of whole) {
    const when = at(Date.parse(w.sent_at) + DAY);
    await db.insertInto('notice_remind').values({ notice_id: w.id, org_id: root.id, actor_id: null, actor_name: '压测', at: when }).execute();
    await db.updateTable('notice').set({ remind_count: 1, last_reminded_at: when }).where('id', '=', w.id).execute();
  }
  log(`  content: ${notices.length} notices with receipts and read summaries (${fmtDuration(performance.now() - t0)})`);
}

/** Removes the notices an earlier run sent in (h) (the cached SQLite file keeps them otherwise). */
export async function dropSentNotices(db: Kysely<Database>): Promise<number> {
  const ids = (await db.selectFrom('notice').select('id').where('title', 'like', `${SENT_TITLE_PREFIX}%`).execute()).map((r) => r.id);
  if (!ids.length) return 0;
  for (const t of ['notice_read', 'notice_org_stat', 'notice_target', 'notice_remind', 'notice_delivery'] as const) await db.deleteFrom(t).where('notice_id', 'in', ids).execute();
  await db.deleteFrom('search_doc').where('doc_type', '=', 'notice').where('doc_id', 'in', ids).execute();
  await db.deleteFrom('notice').where('id', 'in', ids).execute();
  return ids.length;
}

export interface ContentTargets {
  /** Visible articles spread over all columns, requested in turn. */
  articleIds: number[];
  /** Member accounts across the tree: half spread over all account holders, half under the subtree notices' targets. */
  members: { username: string; memberId: number; orgId: number }[];
  /** Visible articles in the portal's latest list and columns (for the report). */
  columns: number;
}

/** What (g) and (h) request; null when the database has no content data. */
export async function contentTargets(db: Kysely<Database>): Promise<ContentTargets | null> {
  const now = iso(systemClock.now());
  const visible = await db.selectFrom('article').select('id').where('status', '=', 'published').where('publish_at', '<=', now).orderBy('id').execute();
  if (!visible.length) return null;
  const step = Math.max(1, Math.floor(visible.length / 100));
  const articleIds = visible.filter((_, i) => i % step === 0).slice(0, 100).map((r) => r.id);
  const holders = db.selectFrom('account as a').innerJoin('member as m', 'm.id', 'a.member_id')
    .select(['a.username', 'm.id as memberId', 'm.org_id as orgId']).where('a.role', '=', 'member').where('a.status', '=', 'active').where('m.status', '=', 'active');
  const total = Number((await db.selectFrom('account').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'member').executeTakeFirstOrThrow()).n);
  const members: ContentTargets['members'] = [];
  for (let i = 0; i < 10; i++) {
    const m = await holders.orderBy('m.id').offset(Math.floor(((i + 0.5) * total) / 10)).limit(1).executeTakeFirst();
    if (m) members.push(m);
  }
  const root = await db.selectFrom('org').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const subtreeTargets = await db.selectFrom('notice_target').select('org_id').distinct().where('org_id', '<>', root.id).orderBy('org_id').limit(10).execute();
  for (const t of subtreeTargets) {
    const m = await holders.innerJoin('org_closure as c', 'c.descendant_id', 'm.org_id').where('c.ancestor_id', '=', t.org_id).orderBy('m.id').limit(1).executeTakeFirst();
    if (m) members.push({ username: m.username, memberId: m.memberId, orgId: m.orgId });
  }
  const columns = Number((await db.selectFrom('site_column').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { articleIds, members, columns };
}
