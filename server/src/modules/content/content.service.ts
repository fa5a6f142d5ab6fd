// Columns and articles for admins: one column per org; articles go draft -> pending -> published (or back to draft
// with a comment), published -> unpublished. Writing and reviewing need an admin of the column's org or an
// ancestor (content.write / content.review in scope). Bodies are sanitized before they are stored.
import type { Kysely } from 'kysely';
import type { Database, SiteColumnRow } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import type { Audit } from '../../platform/audit.js';
import type { Storage } from '../../platform/storage.js';
import { type Clock, iso } from '../../platform/clock.js';
import { badInput, conflict, notFound } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/db/dialect.js';
import { plainText, sanitizeRichText, stripControl } from '../../platform/sanitize.js';
import {
  ARTICLE_PAGE_SIZE, type ArticleBody, type ArticleReviewBody, type ArticleStatus, type ArticleUpdateBody, type ColumnList, type ColumnOfOrg, type ColumnSaveBody,
} from '../../../../contracts/content.js';
import { processUpload } from '../evidence/evidence.file.js';
import type { Upload } from '../evidence/evidence.service.js';
import type { ContentRepo } from './content.repo.js';
import { isStale, type FreshnessService } from './content.freshness.js';
import { presentArticle, presentColumn, presentFile, presentSummary } from './content.presenter.js';
import { afterEdit, assertCan } from './content.rules.js';
import { searchIndex } from '../search/search.index.js';

const FILES_PER_ARTICLE = 50;
/** One line of text as stored: no control characters, trimmed. */
const line = (s: string) => stripControl(s).replace(/[\t\r\n]+/g, ' ').trim();

export function createContentService(deps: {
  db: Kysely<Database>; repo: ContentRepo; freshness: FreshnessService; storage: Storage; access: Access; audit: Audit; clock: Clock;
  /** Called after a write the public site may show (the rendered-page cache is cleared). */
  publicChanged: () => void;
}) {
  const { db, repo, freshness, storage, access, audit, clock, publicChanged } = deps;
  const now = () => iso(clock.now());

  async function orgOf(orgId: number) {
    const org = await db.selectFrom('org').select(['id', 'name', 'parent_id', 'root_id', 'status']).where('id', '=', orgId).executeTakeFirst();
    if (!org) throw notFound('组织');
    return org;
  }
  /** An org's column as its page shows it: the column and how fresh it is, or both null. */
  async function ofOrg(org: { name: string; parent_id: number | null }, c: SiteColumnRow | undefined): Promise<ColumnOfOrg> {
    if (!c) return { column: null, freshness: null };
    const [last, maxDays] = await Promise.all([repo.lastPublished([c.id], now()), freshness.maxDays()]);
    const lastPublishedAt = last.get(c.id) ?? null;
    const days = freshness.daysSince(lastPublishedAt);
    return { column: presentColumn(c, org.name, org.parent_id === null), freshness: { lastPublishedAt, days, maxDays, stale: isStale(days, maxDays) } };
  }
  async function column(id: number): Promise<SiteColumnRow> {
    const c = await repo.columnById(id);
    if (!c) throw notFound('栏目');
    return c;
  }
  /** The article and its column, after the permission check on the column's org. */
  async function guarded(actor: Actor, id: number, perm: 'content.read' | 'content.write' | 'content.review') {
    const a = await repo.articleById(id);
    if (!a) throw notFound('文章');
    await access.require(actor, perm, a.org_id);
    return { a, c: await column(a.column_id) };
  }
  async function view(id: number) {
    const a = (await repo.articleById(id))!;
    return presentArticle(a, await column(a.column_id), await repo.filesOf(id), now());
  }
  const summaryOf = (body: ArticleBody, clean: string) => (line(body.summary) || plainText(clean).slice(0, 120)).slice(0, 300);

  /** Moves an article to `to` if its version is the one read; otherwise nothing changes (409). */
  async function transition(actor: Actor, id: number, version: number, to: ArticleStatus, set: Record<string, unknown>,
    action: 'article.submit' | 'article.publish' | 'article.return' | 'article.unpublish', orgId: number, detail: Record<string, unknown> = {}) {
    await db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('article').set({ ...set, status: to, updated_at: now(), version: version + 1 })
        .where('id', '=', id).where('version', '=', version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict();
      await audit.record(actor, { action, targetType: 'article', targetId: id, orgId, detail: { to, ...detail } }, trx);
      await searchIndex.article(trx, id);
    });
    publicChanged();
    return view(id);
  }

  return {
    async columnOf(actor: Actor, orgId: number) {
      await access.require(actor, 'content.read', orgId);
      const org = await orgOf(orgId);
      return ofOrg(org, await repo.columnByOrg(orgId));
    },

    /** Creates the org's column (version 0) or updates it (the version read). */
    async saveColumn(actor: Actor, orgId: number, body: ColumnSaveBody) {
      await access.require(actor, 'content.write', orgId);
      const org = await orgOf(orgId);
      if (org.status !== 'active') throw badInput('该组织已撤销，不能开设栏目');
      if (line(body.title).length < 2) throw badInput('请填写栏目名称', [{ field: 'title', message: '至少 2 个字' }]);
      const existing = await repo.columnByOrg(orgId);
      const t = now();
      const values = { slug: body.slug, title: line(body.title), intro: stripControl(body.intro).trim() };
      try {
        await db.transaction().execute(async (trx) => {
          let id: number;
          if (!existing) {
            if (body.version !== 0) throw conflict();
            id = (await trx.insertInto('site_column').values({ ...values, org_id: orgId, root_id: org.root_id, created_at: t, updated_at: t, version: 1 })
              .returning('id').executeTakeFirstOrThrow()).id;
          } else {
            const r = await trx.updateTable('site_column').set({ ...values, updated_at: t, version: body.version + 1 })
              .where('id', '=', existing.id).where('version', '=', body.version).executeTakeFirst();
            if (Number(r.numUpdatedRows) !== 1) throw conflict();
            id = existing.id;
          }
          await audit.record(actor, { action: 'column.save', targetType: 'column', targetId: id, orgId, detail: values }, trx);
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('该栏目地址已被使用，请换一个');
        throw e;
      }
      publicChanged();
      return ofOrg(org, await repo.columnByOrg(orgId));
    },

    /** Columns in the org's subtree with their freshness; stale ones (or never published) first, longest first. */
    async columns(actor: Actor, orgId: number, staleOnly = false): Promise<ColumnList> {
      await access.require(actor, 'content.read', orgId);
      const maxDays = await freshness.maxDays();
      const cols = await repo.columnsUnder(orgId);
      const last = await repo.lastPublished(cols.map((c) => c.id), now());
      const facts = cols.length === 0 ? [] : await db.selectFrom('base_profile').select(['org_id', 'facts']).where('org_id', 'in', cols.map((c) => c.org_id)).execute();
      const holder = new Map(facts.map((f) => {
        const v = (JSON.parse(f.facts) as Record<string, unknown>)['dutyHolders.siteEditorName'];
        return [f.org_id, typeof v === 'string' && v.trim() ? v.trim() : null] as const;
      }));
      const items = cols.map((c) => {
        const at = last.get(c.id) ?? null;
        const days = freshness.daysSince(at);
        return {
          id: c.id, orgId: c.org_id, orgName: c.org_name, slug: c.slug, title: c.title, lastPublishedAt: at, days,
          stale: isStale(days, maxDays), dutyHolder: holder.get(c.org_id) ?? null,
        };
      }).filter((x) => !staleOnly || x.stale);
      items.sort((a, b) => Number(b.stale) - Number(a.stale) || (b.days ?? Infinity) - (a.days ?? Infinity) || a.id - b.id);
      return { maxDays, items };
    },

    async articles(actor: Actor, columnId: number, q: { status?: ArticleStatus; cursor?: string }) {
      const c = await column(columnId);
      await access.require(actor, 'content.read', c.org_id);
      const rows = await repo.adminPage(columnId, q.status, q.cursor ? Number(q.cursor) : undefined, ARTICLE_PAGE_SIZE + 1);
      const t = now();
      const items = rows.slice(0, ARTICLE_PAGE_SIZE).map((r) => presentSummary(r, t));
      return { items, next: rows.length > ARTICLE_PAGE_SIZE ? String(items[items.length - 1].id) : null };
    },

    async create(actor: Actor, columnId: number, body: ArticleBody) {
      const c = await column(columnId);
      await access.require(actor, 'content.write', c.org_id);
      if (!line(body.title)) throw badInput('请填写标题', [{ field: 'title', message: '请填写标题' }]);
      const clean = sanitizeRichText(body.body);
      const t = now();
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await trx.insertInto('article').values({
          column_id: c.id, org_id: c.org_id, root_id: c.root_id, title: line(body.title), summary: summaryOf(body, clean), body: clean,
          author: line(body.author) || actor.displayName, status: 'draft', publish_at: null, submitted_at: null, reviewed_by_name: null,
          review_comment: null, created_by: actor.accountId, created_by_name: actor.displayName, created_at: t, updated_at: t, version: 1,
        }).returning('id').executeTakeFirstOrThrow();
        await audit.record(actor, { action: 'article.create', targetType: 'article', targetId: id, orgId: c.org_id, detail: { column: c.id, title: body.title } }, trx);
        await searchIndex.article(trx, id);
        return id;
      });
      return view(id);
    },

    async get(actor: Actor, id: number) {
      await guarded(actor, id, 'content.read');
      return view(id);
    },

    async update(actor: Actor, id: number, body: ArticleUpdateBody) {
      const { a } = await guarded(actor, id, 'content.write');
      const to = afterEdit(a.status as ArticleStatus);
      if (!line(body.title)) throw badInput('请填写标题', [{ field: 'title', message: '请填写标题' }]);
      const clean = sanitizeRichText(body.body);
      await db.transaction().execute(async (trx) => {
        const r = await trx.updateTable('article').set({
          title: line(body.title), summary: summaryOf(body, clean), body: clean, author: line(body.author) || a.author,
          status: to, updated_at: now(), version: body.version + 1,
        }).where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw conflict();
        await audit.record(actor, { action: 'article.update', targetType: 'article', targetId: id, orgId: a.org_id, detail: { from: a.status, to } }, trx);
        await searchIndex.article(trx, id);
      });
      publicChanged(); // an edit may take a published article down (back to draft)
      return view(id);
    },

    async submit(actor: Actor, id: number, version: number) {
      const { a } = await guarded(actor, id, 'content.write');
      assertCan('submit', a.status as ArticleStatus);
      if (!a.body.trim() && !a.summary.trim()) throw badInput('文章正文是空的，请先填写内容');
      return transition(actor, id, version, 'pending', { submitted_at: now(), review_comment: null }, 'article.submit', a.org_id);
    },

    /** Publish (now, or from publishAt on: scheduled) or return to draft with a comment. */
    async review(actor: Actor, id: number, body: ArticleReviewBody) {
      const { a } = await guarded(actor, id, 'content.review');
      assertCan('review', a.status as ArticleStatus);
      const comment = body.comment ? stripControl(body.comment).trim() || null : null;
      if (body.decision === 'return') {
        if (!comment) throw badInput('退回时请填写修改意见', [{ field: 'comment', message: '请填写修改意见' }]);
        return transition(actor, id, body.version, 'draft', { reviewed_by_name: actor.displayName, review_comment: comment }, 'article.return', a.org_id);
      }
      let at = now();
      if (body.publishAt) {
        const ms = Date.parse(body.publishAt);
        if (Number.isNaN(ms)) throw badInput('定时发布时间无效', [{ field: 'publishAt', message: '时间无效' }]);
        if (ms > Date.parse(at)) at = new Date(ms).toISOString(); // a time in the past publishes now
      }
      return transition(actor, id, body.version, 'published', { publish_at: at, reviewed_by_name: actor.displayName, review_comment: comment },
        'article.publish', a.org_id, { publishAt: at });
    },

    async unpublish(actor: Actor, id: number, version: number) {
      const { a } = await guarded(actor, id, 'content.review');
      assertCan('unpublish', a.status as ArticleStatus);
      return transition(actor, id, version, 'unpublished', {}, 'article.unpublish', a.org_id);
    },

    /** Checks before the upload body is read. */
    async precheckFile(actor: Actor, id: number) {
      const { a } = await guarded(actor, id, 'content.write');
      if (a.status === 'published') throw conflict('已发布的文章请先撤下再修改');
    },

    /** An image (re-encoded, metadata stripped) or an attachment (PDF/Office, kept as is) for the article. */
    async addFile(actor: Actor, id: number, upload: Upload) {
      const { a } = await guarded(actor, id, 'content.write');
      if (a.status === 'published') throw conflict('已发布的文章请先撤下再修改');
      const count = await db.selectFrom('article_file').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', id).executeTakeFirstOrThrow();
      if (Number(count.n) >= FILES_PER_ARTICLE) throw badInput(`每篇文章最多上传 ${FILES_PER_ARTICLE} 个图片或附件`);
      const file = await processUpload(upload.bytes, upload.filename);
      const key = await storage.put(file.bytes, file.ext);
      try {
        const fileId = await db.transaction().execute(async (trx) => {
          const { id: fileId } = await trx.insertInto('article_file').values({
            article_id: id, org_id: a.org_id, kind: file.kind, name: file.name, storage_key: key, mime: file.mime, size: file.bytes.length,
            width: file.width, height: file.height, created_by: actor.accountId, created_at: now(),
          }).returning('id').executeTakeFirstOrThrow();
          await audit.record(actor, { action: 'article.file_add', targetType: 'article', targetId: id, orgId: a.org_id, detail: { file: fileId, kind: file.kind, size: file.bytes.length } }, trx);
          return fileId;
        });
        return presentFile((await repo.fileById(fileId))!);
      } catch (e) { await storage.remove(key); throw e; }
    },

    /** A file of an article, for admins who may read the column (drafts' images in the editor and preview). */
    async file(actor: Actor, fileId: number) {
      const f = await repo.fileById(fileId);
      if (!f) throw notFound('文件');
      await access.require(actor, 'content.read', f.org_id);
      return { bytes: await storage.read(f.storage_key), mime: f.mime, name: f.name, photo: f.kind === 'photo' };
    },
  };
}
export type ContentService = ReturnType<typeof createContentService>;
