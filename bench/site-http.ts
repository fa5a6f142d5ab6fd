// The client side of (g) and (h), run in the parent process like the rest of the HTTP cases.
// (g) Throughput of the public article page, the portal and the member inbox, each against the bare Fastify route
//     of bench/bare.ts doing the same database read: the same fetch loops (concurrency × seconds) on both.
// (h) A notice to the whole tree (1,000,000 members) through POST /api/notices as the work-committee admin of
//     the root: the time of the call, the receipt tables' row counts before and after (it must add none), then
//     the inbox latency of members across the tree and the notice's statistics page at the root.
import { BENCH_ACCOUNTS, BENCH_PASSWORD } from './http.js';
import { loadFor, timeIt, summarize, fmtMs, type Stat } from './measure.js';
import { GROUPS, caseLine, type CaseResult } from './cases.js';
import type { Targets } from './dataset.js';
import type { ReceiptCounts } from './bare.js';
import { SENT_TITLE_PREFIX } from './content.js';

export interface Rate { perSecond: number; stat: Stat; errors: number }
/** A page against its bare baseline; `diagnostic`: not a budget line, it shows where the time goes. */
export interface PairResult { id: string; label: string; bareLabel: string; concurrency: number; seconds: number; real: Rate; bare: Rate; detail: string; diagnostic?: boolean }
export interface SendResult {
  noticeId: number;
  sends: number;
  /** Members the sent notice reaches (active accounts in the tree) and the orgs covered, from its statistics page. */
  reached: number;
  orgs: number;
  before: ReceiptCounts;
  after: ReceiptCounts;
  /** Members whose first inbox page, right after the send, starts with the sent notice. */
  inboxTopOk: number;
  inboxMembers: number;
}
interface Session { cookie: string; csrf: string }

async function login(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${text.slice(0, 300)}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('zhendi_session='));
  if (!cookie) throw new Error('login answered 200 without a session cookie');
  return { cookie, csrf: (JSON.parse(text) as { csrfToken: string }).csrfToken };
}

/** GET; anything but 200 is an error (a broken route never looks fast). Returns the body text. */
async function get(url: string, cookie?: string): Promise<string> {
  const res = await fetch(url, cookie ? { headers: { cookie } } : undefined);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 200)}`);
  return text;
}

const kb = (s: string) => `${(Buffer.byteLength(s) / 1024).toFixed(1)} kB`;

export async function runSiteHttp(base: string, bare: string, t: Targets, opts: { concurrency: number; concurrentSeconds: number; httpRequests: number }, log: (s: string) => void)
  : Promise<{ cases: CaseResult[]; pairs: PairResult[]; send: SendResult | null }> {
  const c = t.content;
  if (!c) { log('(g)/(h) skipped: no content data'); return { cases: [], pairs: [], send: null }; }
  const cases: CaseResult[] = [];
  const pairs: PairResult[] = [];
  const members = await Promise.all(c.members.map(async (m) => ({ ...m, s: await login(base, m.username) })));
  log(`${GROUPS.site}`);
  log(`  logged in as ${members.length} member accounts across the tree; ${c.articleIds.length} article ids in turn`);

  // Check both sides answer, and what they answer.
  const sample = { page: await get(`${base}/site/a/${c.articleIds[0]}`), barePage: await get(`${bare}/a/${c.articleIds[0]}`), portal: await get(`${base}/site`), bareList: await get(`${bare}/list`), barePortal: await get(`${bare}/portal`) };
  const inbox0 = JSON.parse(await get(`${base}/api/inbox`, members[0]!.s.cookie)) as { items: { id: number }[]; unread: number };
  const bareInbox0 = JSON.parse(await get(`${bare}/inbox?member=${members[0]!.memberId}`)) as { items: { id: number }[]; unread: number };
  if (inbox0.items[0]?.id !== bareInbox0.items[0]?.id || inbox0.unread !== bareInbox0.unread) throw new Error('the bare inbox answers differently from /api/inbox');

  let k = 0;
  const next = <T>(xs: readonly T[]) => xs[k++ % xs.length]!;
  const defs = [
    { id: 'site.article', label: 'GET /site/a/:id (public article page, server-rendered)', bareLabel: 'bare GET /a/:id (the article row, minimal HTML)',
      real: () => get(`${base}/site/a/${next(c.articleIds)}`), bareFn: () => get(`${bare}/a/${next(c.articleIds)}`),
      detail: `page ${kb(sample.page)} vs bare ${kb(sample.barePage)}; ${c.articleIds.length} articles in turn` },
    { id: 'site.article.reads', diagnostic: true, label: 'GET /site/a/:id (the same page)', bareLabel: 'bare GET /a3/:id (the article page\'s reads through its own siteRepo: article with column, attachments if any; minimal HTML)',
      real: () => get(`${base}/site/a/${next(c.articleIds)}`), bareFn: () => get(`${bare}/a3/${next(c.articleIds)}`), detail: '' },
    { id: 'site.portal', label: 'GET /site (portal: latest articles, the 12 columns updated last; rendered once per 10 s)', bareLabel: 'bare GET /list (the latest-articles read, minimal HTML)',
      real: () => get(`${base}/site`), bareFn: () => get(`${bare}/list`),
      detail: `page ${kb(sample.portal)} (12 of ${c.columns} columns listed) vs bare ${kb(sample.bareList)}` },
    { id: 'site.portal.reads', diagnostic: true, label: 'GET /site (the same page)', bareLabel: 'bare GET /portal (every read of the portal through its own siteRepo, uncached: portals, latest, recently updated columns, column cards, count; minimal HTML)',
      real: () => get(`${base}/site`), bareFn: () => get(`${bare}/portal`),
      detail: `bare ${kb(sample.barePortal)}` },
    { id: 'site.inbox', label: 'GET /api/inbox (member session)', bareLabel: 'bare GET /inbox?member= (the same inbox SQL, no session)',
      real: () => get(`${base}/api/inbox`, next(members).s.cookie), bareFn: () => get(`${bare}/inbox?member=${next(members).memberId}`),
      detail: `${members.length} members in turn; first: ${inbox0.items.length} items, ${inbox0.unread} unread` },
  ];
  const warmRequests = Math.max(20, c.articleIds.length, members.length);
  for (const d of defs) {
    const ms = opts.concurrentSeconds * 1000;
    // Both warm before either is timed, over the whole rotation (every article, every member): with only a few
    // warm requests the side timed first paid for the cold reads and the other side did not (seen as 644 against
    // 1,009 req/s for the same page in one run).
    for (let i = 0; i < warmRequests; i++) { await d.real(); await d.bareFn(); }
    const real = await loadFor(async () => { await d.real(); }, opts.concurrency, ms);
    const b = await loadFor(async () => { await d.bareFn(); }, opts.concurrency, ms);
    pairs.push({ id: d.id, label: d.label, bareLabel: d.bareLabel, concurrency: opts.concurrency, seconds: opts.concurrentSeconds, real, bare: b, detail: d.detail, diagnostic: d.diagnostic });
    log(`  ${d.label}: ${Math.round(real.perSecond)} req/s (p50 ${fmtMs(real.stat.p50)} ms${real.errors ? `, ${real.errors} errors` : ''}) vs ${d.bareLabel}: ${Math.round(b.perSecond)} req/s (p50 ${fmtMs(b.stat.p50)} ms): ratio ${(b.perSecond / real.perSecond).toFixed(2)}`);
  }

  // (h)
  log(GROUPS.notice);
  const wc = await login(base, BENCH_ACCOUNTS.wc);
  const before = JSON.parse(await get(`${bare}/counts`)) as ReceiptCounts;
  const times: number[] = [];
  let noticeId = 0;
  const SENDS = 3;
  for (let i = 0; i < SENDS; i++) {
    const body = { senderOrgId: t.rootId, kind: 'work', audience: 'all', title: `${SENT_TITLE_PREFIX}（${i + 1}）`, body: '请各党支部组织全体党员认真学习。\n收到请阅读。', targets: [{ orgId: t.rootId, subtree: true }] };
    const t0 = performance.now();
    const res = await fetch(`${base}/api/notices`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: wc.cookie, 'x-csrf-token': wc.csrf }, body: JSON.stringify(body) });
    const text = await res.text();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`POST /api/notices: ${res.status} ${text.slice(0, 300)}`);
    noticeId = (JSON.parse(text) as { id: number }).id;
  }
  const after = JSON.parse(await get(`${bare}/counts?notice=${noticeId}`)) as ReceiptCounts;
  const sendStat = summarize(times);
  const newReads = after.noticeRead - before.noticeRead;
  cases.push({ id: 'notice.send', group: 'notice', label: 'POST /api/notices to the root and its whole subtree, as the work-committee admin of the root', budget: null, stat: sendStat,
    detail: `${SENDS} sends; notice_read ${before.noticeRead.toLocaleString('en')} → ${after.noticeRead.toLocaleString('en')} (${newReads} new), notice_org_stat ${before.noticeOrgStat.toLocaleString('en')} → ${after.noticeOrgStat.toLocaleString('en')}, ${after.targetsOfNotice} notice_target row` });
  log(caseLine(cases[cases.length - 1]!));
  if (newReads !== 0 || after.noticeOrgStat !== before.noticeOrgStat || after.readsOfNotice !== 0) throw new Error(`the send wrote receipt rows: ${JSON.stringify({ before, after })}`);

  // Inbox right after the send: every member's first page must start with the new notice.
  let topOk = 0;
  for (const m of members) {
    const r = JSON.parse(await get(`${base}/api/inbox`, m.s.cookie)) as { items: { id: number }[] };
    if (r.items[0]?.id === noticeId) topOk++;
  }
  const inbox = await timeIt(() => get(`${base}/api/inbox`, next(members).s.cookie), { warmup: 0, iterations: opts.httpRequests, maxMs: 30_000 });
  cases.push({ id: 'notice.inbox', group: 'notice', label: `GET /api/inbox right after the send, ${members.length} members across the tree in turn (sequential)`, budget: null, stat: inbox.stat,
    detail: `${topOk} of ${members.length} inboxes start with the new notice` });
  log(caseLine(cases[cases.length - 1]!));
  if (topOk !== members.length) throw new Error(`only ${topOk} of ${members.length} inboxes show the sent notice first`);
  const conc = await loadFor(async () => { await get(`${base}/api/inbox`, next(members).s.cookie); }, opts.concurrency, opts.concurrentSeconds * 1000);
  cases.push({ id: 'notice.inbox.conc', group: 'notice', label: `GET /api/inbox right after the send, ${opts.concurrency} concurrent loops for ${opts.concurrentSeconds} s`, budget: null, stat: conc.stat,
    detail: `${Math.round(conc.perSecond)} req/s${conc.errors ? `, ${conc.errors} errors` : ''}` });
  log(caseLine(cases[cases.length - 1]!));

  const statsPath = `/api/notices/${noticeId}/stats`;
  const stats = await timeIt(() => get(`${base}${statsPath}`, wc.cookie), { warmup: 2, iterations: Math.min(100, opts.httpRequests), maxMs: 30_000 });
  const st = JSON.parse(stats.last) as { totals: { orgs: number; reached: number; read: number }; items: unknown[] };
  cases.push({ id: 'notice.stats', group: 'notice', label: 'GET /api/notices/:id/stats of that notice (root, page 1 of 50 orgs, lowest read rate first)', budget: 'dashboard', stat: stats.stat,
    detail: `${st.totals.orgs.toLocaleString('en')} orgs, ${st.totals.reached.toLocaleString('en')} members reached, ${st.totals.read} read` });
  log(caseLine(cases[cases.length - 1]!));
  return {
    cases, pairs,
    send: { noticeId, sends: SENDS, reached: st.totals.reached, orgs: st.totals.orgs, before, after, inboxTopOk: topOk, inboxMembers: members.length },
  };
}
