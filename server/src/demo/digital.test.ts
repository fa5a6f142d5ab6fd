// The demo's digital base as a newcomer meets it (through the HTTP app on the demo data): the public portal has
// articles, demo_member has unread notices, search finds a demo article by a two-character word, the freshness
// list shows stale columns beside fresh ones; and every summary the services keep agrees with its rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { systemClock, todayCn } from '../platform/clock.js';
import { loadConfig } from '../platform/config.js';
import { syncShippedPacks } from '../modules/standard/standard.service.js';
import { buildApp } from '../app.js';
import type { App } from '../platform/http/types.js';
import { DEMO_PASSWORD, DEMO_SEED, generateDemoData } from './generate.js';
import { DIGITAL_DAYS, planDigital } from './digital-plan.js';
import { loadDemo } from './load.js';

let dir: string;
let db: Db;
let app: App;
let summary: string;

/** GET as an account (logged in through the API, as the browser does). */
async function as(username: string) {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(r.statusCode, r.body).toBe(200);
  const cookie = String(([] as string[]).concat(r.headers['set-cookie'] as string | string[])[0]).split(';')[0]!;
  const me = r.json() as { orgId: number | null };
  return {
    me,
    get: async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    },
  };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhendi-demo-digital-'));
  db = openDb({ databaseUrl: null, dataDir: dir });
  await migrateToLatest(db);
  await syncShippedPacks(db.kysely, systemClock, { log: () => {} });
  const config = loadConfig({ ZHENDI_DATA_DIR: dir, ZHENDI_LOG_LEVEL: 'silent', ZHENDI_LOGIN_RATE_LIMIT: '10000' });
  summary = await loadDemo(db, config);
  ({ app } = await buildApp({ config, db, clock: systemClock, webDist: null }));
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo digital base, as a newcomer sees it', () => {
  it('the public portal lists recent articles of many columns; the portal column and an article render', async () => {
    const portal = await app.inject({ method: 'GET', url: '/site' });
    expect(portal.statusCode).toBe(200);
    const links = [...portal.body.matchAll(/<a class="t" href="\/site\/a\/(\d+)">([^<]+)<\/a>/g)];
    expect(links.length).toBeGreaterThanOrEqual(10);
    expect(new Set([...portal.body.matchAll(/href="\/site\/c\/([a-z0-9-]+)"/g)].map((x) => x[1])).size).toBeGreaterThan(10);
    const slug = /工委栏目 \/site\/c\/([a-z0-9-]+)/.exec(summary)![1]!;
    const column = await app.inject({ method: 'GET', url: `/site/c/${slug}` });
    expect(column.statusCode).toBe(200);
    expect(column.body).toContain('市直机关');
    expect([...column.body.matchAll(/<a class="t"/g)].length).toBeGreaterThanOrEqual(10);
    const article = await app.inject({ method: 'GET', url: `/site/a/${links[0]![1]}` });
    expect(article.statusCode).toBe(200);
    expect(article.body).toMatch(/<div class="body"><p>\d+月\d+日，/);
    expect(article.body).toContain('<h2>');
    expect(article.body).toMatch(/<ul><li>/);
    expect(article.body).not.toContain('<script');
    // The newest article is from the last days, none from the future.
    const dates = [...portal.body.matchAll(/<div class="meta">(\d{4}-\d{2}-\d{2})/g)].map((x) => x[1]!);
    expect(dates[0]! <= todayCn(systemClock)).toBe(true);
    expect(Date.parse(todayCn(systemClock)) - Date.parse(dates[0]!)).toBeLessThanOrEqual(7 * 86_400_000);
  });

  it('demo_member has unread notices (one reminded) beside read ones', async () => {
    const inbox = await (await as('demo_member')).get('/api/inbox') as { unread: number; items: { read: boolean }[]; reminded: { title: string }[] };
    expect(inbox.unread).toBeGreaterThanOrEqual(2);
    expect(inbox.items.filter((i) => i.read).length).toBeGreaterThanOrEqual(5);
    expect(inbox.items.filter((i) => !i.read).length).toBe(inbox.unread);
    expect(inbox.reminded.length).toBeGreaterThan(0);
  });

  it('search finds demo articles by a two-character word, on the public site and for the work committee', async () => {
    const site = await app.inject({ method: 'GET', url: `/site?q=${encodeURIComponent('廉政')}` });
    expect(site.statusCode).toBe(200);
    expect(site.body).toMatch(/<a class="t" href="\/site\/a\/\d+">[^<]*<mark>廉政<\/mark>/);
    const wc = await as('demo_wc');
    const hits = await wc.get(`/api/search?q=${encodeURIComponent('党课')}`) as { items: { type: string; title: string }[] };
    expect(hits.items.some((h) => h.type === 'article' && h.title.includes('党课'))).toBe(true);
    const materials = await wc.get(`/api/search?q=${encodeURIComponent('誓词')}&types=material`) as { items: { title: string }[] };
    expect(materials.items.map((h) => h.title)).toContain('入党誓词');
  });

  it('the freshness list shows stale columns beside fresh ones; demo_branch has no column yet', async () => {
    const wc = await as('demo_wc');
    const list = await wc.get(`/api/columns?orgId=${wc.me.orgId}`) as { maxDays: number; items: { stale: boolean; days: number | null }[] };
    expect(list.items.length).toBeGreaterThan(20);
    expect(list.items.some((c) => c.stale && c.days !== null)).toBe(true);
    expect(list.items.some((c) => c.days === null)).toBe(true);
    expect(list.items.filter((c) => !c.stale).length).toBeGreaterThan(list.items.length / 3);
    const branch = await as('demo_branch');
    expect((await branch.get(`/api/orgs/${branch.me.orgId}/column`)).column).toBeNull();
    const oc = await as('demo_oc');
    const own = await oc.get(`/api/columns?orgId=${oc.me.orgId}`) as { items: { orgId: number; stale: boolean }[] };
    expect(own.items.find((c) => c.orgId === oc.me.orgId)?.stale).toBe(false);
    expect(own.items.some((c) => c.stale)).toBe(true);
  });

  it('read rates differ from org to org; demo_oc has an article to review and a wall display with news', async () => {
    const wc = await as('demo_wc');
    const sent = await wc.get('/api/notices?limit=50') as { items: { id: number; title: string }[] };
    const launch = sent.items.find((n) => n.title.includes('自评工作'))!;
    const stats = await wc.get(`/api/notices/${launch.id}/stats?pageSize=200&sort=rate&order=desc`) as { items: { reached: number; read: number }[] };
    const rates = new Set(stats.items.filter((r) => r.reached >= 5).map((r) => Math.round((100 * r.read) / r.reached)));
    expect(rates.size).toBeGreaterThan(5);
    const oc = await as('demo_oc');
    const { column } = await oc.get(`/api/orgs/${oc.me.orgId}/column`) as { column: { id: number } };
    const pending = await oc.get(`/api/columns/${column.id}/articles?status=pending`) as { items: unknown[] };
    expect(pending.items.length).toBeGreaterThan(0);
    const url = /(\/display\/[0-9a-f]{32})/.exec(summary)![1]!;
    const wall = await app.inject({ method: 'GET', url: `${url}/data.json` });
    expect(wall.statusCode).toBe(200);
    const kinds = (wall.json() as { panels: { kind: string }[] }).panels.map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['articles', 'notices', 'study']));
  });
});

describe('demo digital base: consistency and the browser tests\' assumptions', () => {
  const count = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(db.kysely)).rows[0]!.n);

  it('keeps every summary in step with its rows', async () => {
    expect(await count(sql`select count(*) as n from notice n where n.read_count <> (select count(*) from notice_read r where r.notice_id = n.id)`)).toBe(0);
    expect(await count(sql`select count(*) as n from notice_org_stat s where s.read_count <> (select count(*) from notice_read r where r.notice_id = s.notice_id and r.org_id = s.org_id)`)).toBe(0);
    expect(await count(sql`select count(*) as n from (select notice_id, org_id from notice_read group by notice_id, org_id) x
      where not exists (select 1 from notice_org_stat s where s.notice_id = x.notice_id and s.org_id = x.org_id)`)).toBe(0);
    expect(await count(sql`select count(*) as n from org o where o.member_account_count <> (select count(*) from member m where m.org_id = o.id and m.status = 'active'
      and exists (select 1 from account a where a.member_id = m.id and a.status = 'active'))`)).toBe(0);
    expect(await count(sql`select count(*) as n from study_session s where s.expected_count <> (select count(*) from study_attendance a where a.session_id = s.id)
      or s.present_count <> (select count(*) from study_attendance a where a.session_id = s.id and a.present = 1)`)).toBe(0);
    expect(await count(sql`select count(*) as n from study_plan p where p.item_count <> (select count(*) from study_plan_item i where i.plan_id = p.id and i.deleted_at is null)`)).toBe(0);
    const docs = await count(sql`select count(*) as n from search_doc`);
    const indexed = await count(sql`select (select count(*) from article) + (select count(*) from notice) + (select count(*) from study_material where deleted_at is null) as n`);
    expect(docs).toBe(indexed);
    expect(await count(sql`select count(*) as n from article a join search_doc d on d.doc_type = 'article' and d.doc_id = a.id
      where d.status <> a.status or coalesce(d.visible_from, '') <> coalesce(a.publish_at, '')`)).toBe(0);
    expect(await count(sql`select count(*) as n from notice_read r join notice n on n.id = r.notice_id where r.read_at < n.sent_at or r.read_at > ${new Date().toISOString()}`)).toBe(0);
  });

  it('leaves demo_branch\'s org as the browser tests expect: demo_member its only reader, no column, no study sessions', async () => {
    const { org_id } = await db.kysely.selectFrom('account').select('org_id').where('username', '=', 'demo_branch').executeTakeFirstOrThrow();
    const under = (table: string, col: string) => sql<{ n: number }>`select count(*) as n from ${sql.table(table)} t
      join org_closure c on c.descendant_id = t.${sql.ref(col)} where c.ancestor_id = ${org_id}`;
    expect(await count(sql`select coalesce(sum(o.member_account_count), 0) as n from org o join org_closure c on c.descendant_id = o.id where c.ancestor_id = ${org_id}`)).toBe(1);
    expect(await count(under('site_column', 'org_id'))).toBe(0);
    expect(await count(under('study_session', 'org_id'))).toBe(0);
    expect(await count(under('notice', 'sender_org_id'))).toBe(0);
  });

  it('is planned deterministically from the seed', () => {
    const today = todayCn(systemClock);
    const data = generateDemoData(today);
    const keyOf = (username: string) => data.accounts.find((x) => x.username === username)!.orgKey;
    const input = { orgs: data.orgs, committees: data.committees, today, seed: DEMO_SEED, ocKey: keyOf('demo_oc'), branchKey: keyOf('demo_branch'), campaignDay: DIGITAL_DAYS - 35 };
    const a = planDigital(input);
    expect(planDigital(input)).toEqual(a);
    expect(planDigital({ ...input, seed: DEMO_SEED + 1 })).not.toEqual(a);
    expect(a.columns.some((c) => c.orgKey === input.branchKey || c.orgKey.startsWith(`${input.branchKey}.`))).toBe(false);
    expect(a.articles.every((x) => x.day >= 0 && x.day < DIGITAL_DAYS)).toBe(true);
  });
});
