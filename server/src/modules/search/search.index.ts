// Keeps search_doc in step with what it indexes. The content, notice and study services call these inside their
// write transactions (so a document is findable exactly when its write commits); the migration and tests call
// rebuild() to index what already exists. Stateless: every function takes the transaction or database to use.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import { plainText } from '../../platform/sanitize.js';
import { indexTokens } from './search.tokens.js';

type Q = Kysely<Database> | Transaction<Database>;
export type SearchDocType = 'article' | 'notice' | 'material';

export interface SearchDocInput {
  type: SearchDocType; id: number; orgId: number;
  /** article: its status; notice: 'sent'; material: 'active'. */
  status: string;
  /** article: publish_at (public while published and this time is reached). */
  visibleFrom: string | null;
  /** notice: 'all' | 'post'. */
  audience: string | null;
  title: string; body: string; date: string;
}

/** Stored text for snippets is capped; the index covers the same text. */
export const BODY_MAX = 20000;

async function upsert(q: Q, doc: SearchDocInput, now = new Date().toISOString()): Promise<void> {
  const body = doc.body.replace(/\s+/g, ' ').trim().slice(0, BODY_MAX);
  const values = {
    org_id: doc.orgId, status: doc.status, visible_from: doc.visibleFrom, audience: doc.audience, title: doc.title, body,
    tokens: indexTokens(`${doc.title} ${body}`), doc_date: doc.date, updated_at: now,
  };
  await q.insertInto('search_doc').values({ doc_type: doc.type, doc_id: doc.id, ...values })
    .onConflict((oc) => oc.columns(['doc_type', 'doc_id']).doUpdateSet(values)).execute();
}

async function remove(q: Q, type: SearchDocType, id: number): Promise<void> {
  await q.deleteFrom('search_doc').where('doc_type', '=', type).where('doc_id', '=', id).execute();
}

type ArticleFacts = { id: number; org_id: number; status: string; publish_at: string | null; title: string; summary: string; body: string; updated_at: string };
const articleDoc = (a: ArticleFacts): SearchDocInput => ({
  type: 'article', id: a.id, orgId: a.org_id, status: a.status, visibleFrom: a.publish_at, audience: null, title: a.title,
  body: [a.summary, plainText(a.body)].filter(Boolean).join(' '), date: a.publish_at ?? a.updated_at,
});
type NoticeFacts = { id: number; sender_org_id: number; audience: string; title: string; body: string; sent_at: string };
const noticeDoc = (n: NoticeFacts): SearchDocInput => ({
  type: 'notice', id: n.id, orgId: n.sender_org_id, status: 'sent', visibleFrom: null, audience: n.audience, title: n.title, body: n.body, date: n.sent_at,
});
type MaterialFacts = { id: number; owner_org_id: number; title: string; source: string | null; body: string | null; url: string | null; file_name: string | null; updated_at: string };
const materialDoc = (m: MaterialFacts): SearchDocInput => ({
  type: 'material', id: m.id, orgId: m.owner_org_id, status: 'active', visibleFrom: null, audience: null, title: m.title,
  body: [m.source, m.body, m.file_name, m.url].filter(Boolean).join(' '), date: m.updated_at,
});

const ARTICLE = ['id', 'org_id', 'status', 'publish_at', 'title', 'summary', 'body', 'updated_at'] as const;
const NOTICE = ['id', 'sender_org_id', 'audience', 'title', 'body', 'sent_at'] as const;
const MATERIAL = ['id', 'owner_org_id', 'title', 'source', 'body', 'url', 'file_name', 'updated_at', 'deleted_at'] as const;

export const searchIndex = {
  upsert,
  remove,
  /** Re-indexes one article as it now stands in `q` (call after the article's write, in the same transaction). */
  async article(q: Q, id: number) {
    const a = await q.selectFrom('article').select(ARTICLE).where('id', '=', id).executeTakeFirst();
    if (a) await upsert(q, articleDoc(a)); else await remove(q, 'article', id);
  },
  async notice(q: Q, id: number) {
    const n = await q.selectFrom('notice').select(NOTICE).where('id', '=', id).executeTakeFirst();
    if (n) await upsert(q, noticeDoc(n)); else await remove(q, 'notice', id);
  },
  /** Deleted (soft) materials leave the index. */
  async material(q: Q, id: number) {
    const m = await q.selectFrom('study_material').select(MATERIAL).where('id', '=', id).executeTakeFirst();
    if (m && m.deleted_at === null) await upsert(q, materialDoc(m)); else await remove(q, 'material', id);
  },
  /** Indexes every existing article, notice and live material, by key in batches (the migration, repairs). */
  async rebuild(db: Kysely<any>, batch = 500) {
    const k = db as Kysely<Database>;
    const now = new Date().toISOString();
    const run = async <R extends { id: number }>(page: (after: number) => Promise<R[]>, doc: (r: R) => SearchDocInput) => {
      for (let after = 0; ;) {
        const rows = await page(after);
        if (rows.length === 0) break;
        const write = async (q: Q) => { for (const r of rows) await upsert(q, doc(r), now); };
        // Inside the migrator's transaction (PostgreSQL) write there; otherwise one transaction per batch.
        if (k.isTransaction) await write(k); else await k.transaction().execute(write);
        after = rows[rows.length - 1].id;
      }
    };
    await run((after) => k.selectFrom('article').select(ARTICLE).where('id', '>', after).orderBy('id').limit(batch).execute(), articleDoc);
    await run((after) => k.selectFrom('notice').select(NOTICE).where('id', '>', after).orderBy('id').limit(batch).execute(), noticeDoc);
    await run((after) => k.selectFrom('study_material').select(MATERIAL).where('id', '>', after).where('deleted_at', 'is', null).orderBy('id').limit(batch).execute(), materialDoc);
  },
};
export type SearchIndex = typeof searchIndex;
