// The baselines of (g): a bare Fastify 5 instance in its own process, started by bench/processes.ts as the app
// is (no plugins, no hooks, no session, no schemas, no CSP), on the same Kysely and driver as the app (openDb),
// doing the database read of each measured page:
//   GET /a/:id       the article row (select * from article where id = ?), visibility check, minimal HTML
//   GET /a3/:id      diagnostic: the article page's reads through the app's own siteRepo (the article with its column
//                    in one query, the attachments only if it has some)
//   GET /list        the portal's latest-articles read (published, publish_at <= now, newest first, 21 rows,
//                    no bodies: the SQL of contentRepo.publicPage('all')), minimal HTML
//   GET /portal      diagnostic: every read of the portal page, uncached (the app renders it once per 10 s), through
//                    the app's own repos: portals, latest articles, recently updated columns, column cards, count
//   GET /inbox?member=ID  the inbox's SQL through the app's own noticeRepo (the member row, the page of notices,
//                    the reminded ones, the unread count), JSON
// and, for (h), GET /counts?notice=ID: row counts of the receipt tables, so the client can check the send wrote none.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { Kysely } from 'kysely';
import { openDb } from '../server/src/platform/db/connect.js';
import { createSiteRepo } from '../server/src/public/site.repo.js';
import type { Database } from '../server/src/platform/db/types.js';
import { createNoticeRepo } from '../server/src/modules/notice/notice.repo.js';
import { SUMMARY_COLUMNS, createContentRepo } from '../server/src/modules/content/content.repo.js';
import { freePort } from './pg-cluster.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, body: string) => `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>${body}</body></html>\n`;

export interface ReceiptCounts { noticeRead: number; noticeOrgStat: number; targetsOfNotice: number; statRowsOfNotice: number; readsOfNotice: number }

export async function startBare(db: Kysely<Database>): Promise<{ base: string; close(): Promise<void> }> {
  const app = Fastify({ logger: false });
  const repo = createNoticeRepo(db);
  const n = async (q: Promise<{ n: number | string } | undefined>) => Number((await q)?.n ?? 0);

  app.get<{ Params: { id: string } }>('/a/:id', async (req, reply) => {
    const a = await db.selectFrom('article').selectAll().where('id', '=', Number(req.params.id)).executeTakeFirst();
    if (!a || a.status !== 'published' || !a.publish_at || a.publish_at > new Date().toISOString()) return reply.status(404).send('not found');
    return reply.type('text/html; charset=utf-8').send(page(a.title, `<h1>${esc(a.title)}</h1><div>${a.body}</div>`));
  });
  app.get('/list', async (_req, reply) => {
    const rows = await db.selectFrom('article as a').select(SUMMARY_COLUMNS).where('a.status', '=', 'published').where('a.publish_at', '<=', new Date().toISOString())
      .orderBy('a.publish_at', 'desc').orderBy('a.id', 'desc').limit(21).execute();
    return reply.type('text/html; charset=utf-8').send(page('最新文章', `<ul>${rows.slice(0, 20).map((r) => `<li><a href="/site/a/${r.id}">${esc(r.title)}</a> ${r.publish_at?.slice(0, 10)}</li>`).join('')}</ul>`));
  });
  const content = createContentRepo(db);
  const site = createSiteRepo(db);
  app.get<{ Params: { id: string } }>('/a3/:id', async (req, reply) => {
    const a = await site.article(Number(req.params.id), new Date().toISOString());
    if (!a) return reply.status(404).send('not found');
    const files = Number(a.attachment_count) > 0 ? await site.attachments(a.id) : [];
    return reply.type('text/html; charset=utf-8').send(page(a.title, `<h1>${esc(a.title)}</h1><p>${esc(a.column_title)}</p><div>${a.body}</div>${files.map((f) => `<a href="/site/files/${f.id}">${esc(f.name)}</a>`).join('')}`));
  });
  app.get('/portal', async (_req, reply) => {
    const now = new Date().toISOString();
    const portals = await site.portals();
    const latest = (await content.publicPage('all', now, null, 21)).slice(0, 20);
    const recent = await site.recentlyUpdated(null, now, 12, portals.map((p) => p.id));
    const cards = await site.cardsByIds([...recent, ...latest.map((a) => a.column_id)]);
    const count = await site.columnCount(null);
    return reply.type('text/html; charset=utf-8').send(page('党建网站', `<ul>${latest.map((r) => `<li><a href="/site/a/${r.id}">${esc(r.title)}</a> ${esc(cards.get(r.column_id)?.title ?? '')}</li>`).join('')}</ul>`
      + `<ul>${recent.map((id) => cards.get(id)!).map((c) => `<li><a href="/site/c/${c.slug}">${esc(c.title)}</a> ${esc(c.org_name)}</li>`).join('')}</ul><a href="/site/columns">全部栏目（${count}）</a>`));
  });
  app.get<{ Querystring: { member: string } }>('/inbox', async (req) => {
    const m = await db.selectFrom('member').select(['id', 'org_id', 'status', 'post']).where('id', '=', Number(req.query.member)).executeTakeFirst();
    if (!m || m.status !== 'active') return { items: [], reminded: [], unread: 0 };
    const r = { memberId: m.id, orgId: m.org_id, hasPost: !!m.post?.trim() };
    const [rows, reminded, unread] = await Promise.all([repo.inbox(r, undefined, 21), repo.remindedUnread(r, 10), repo.unreadCount(r)]);
    return { items: rows.slice(0, 20).map((x) => ({ id: x.id, title: x.title, read: x.read_at !== null })), reminded: reminded.map((x) => x.id), unread };
  });
  app.get<{ Querystring: { notice?: string } }>('/counts', async (req): Promise<ReceiptCounts> => {
    const id = Number(req.query.notice ?? 0);
    const all = (t: 'notice_read' | 'notice_org_stat') => n(db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst());
    const of = (t: 'notice_read' | 'notice_org_stat' | 'notice_target') => n(db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).where('notice_id', '=', id).executeTakeFirst());
    return { noticeRead: await all('notice_read'), noticeOrgStat: await all('notice_org_stat'), targetsOfNotice: await of('notice_target'), statRowsOfNotice: await of('notice_org_stat'), readsOfNotice: await of('notice_read') };
  });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return { base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** Run as a process (forked by bench/processes.ts): BENCH_BARE holds the database; answers { type: 'listening', base }; stops on SIGTERM. */
async function serve(): Promise<void> {
  const opts = JSON.parse(process.env.BENCH_BARE ?? 'null') as { sqliteFile: string | null; databaseUrl: string | null; dataDir: string } | null;
  if (!opts) throw new Error('bench/bare.ts is started by bench/processes.ts');
  const db = openDb({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir, sqliteFile: opts.sqliteFile ?? undefined });
  const server = await startBare(db.kysely);
  const stop = () => { void server.close().then(() => db.close()).finally(() => process.exit(0)); };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop); // the bench ended without stopping it
  process.send?.({ type: 'listening', base: server.base });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  serve().catch((e: unknown) => { console.error('bare server failed:', e instanceof Error ? e.stack : e); process.exit(1); });
}
