// Search over articles, notices and study materials, scoped to the reader:
// - anyone (also the public site, no session): published articles whose publication time has come;
// - an admin: besides those, articles of any status in its scope, notices sent from its scope or into it (a
//   target inside its subtree, or a subtree target above its org), materials kept in its scope or above its org;
//   the work committee's system administrator (no org) everything;
// - a member: besides public articles, the notices its inbox shows and the materials its org reads.
// Results whose title holds every word come first, then the rest, each part newest first (document date, then
// id), paged by key; matching is by the bigram index.
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../platform/db/types.js';
import type { Actor } from '../../platform/actor.js';
import type { Access } from '../../platform/access.js';
import { type Clock, iso } from '../../platform/clock.js';
import { badInput } from '../../platform/errors.js';
import { ftsMatch } from '../../platform/db/fulltext.js';
import { SEARCH_PAGE_SIZE, SEARCH_TYPES, type SearchHit, type SearchResult, type SearchType } from '../../../../contracts/search.js';
import { parseQuery } from './search.tokens.js';
import { highlightRanges, snippetOf } from './search.highlight.js';

type Scope =
  | { kind: 'public' }
  | { kind: 'all' }
  | { kind: 'admin'; orgId: number }
  | { kind: 'member'; orgId: number; hasPost: boolean };
type EB = ExpressionBuilder<Database & { s: Database['search_doc'] }, 's'>;

export interface SearchInput { q: string; types?: string; cursor?: string; limit?: number }

/** The page key: title part (1 first, then 0), document date, id; written as `1_<date>_<id>`. */
interface Cursor { inTitle: 0 | 1; date: string; id: number }
function parseCursor(c: string | undefined): Cursor | null {
  if (!c) return null;
  const first = c.indexOf('_');
  const last = c.lastIndexOf('_');
  const part = c.slice(0, first);
  const id = Number(c.slice(last + 1));
  const date = c.slice(first + 1, last);
  if ((part !== '0' && part !== '1') || last <= first + 1 || !Number.isInteger(id) || id < 1 || id > 2147483647 || date.length > 40) {
    throw badInput('翻页参数无效', [{ field: 'cursor', message: '无效' }]);
  }
  return { inTitle: part === '1' ? 1 : 0, date, id };
}
function parseTypes(t: string | undefined): SearchType[] {
  if (!t) return [...SEARCH_TYPES];
  const list = t.split(',').filter((x): x is SearchType => (SEARCH_TYPES as readonly string[]).includes(x));
  if (list.length === 0) throw badInput('搜索类型无效', [{ field: 'types', message: '无效' }]);
  return [...new Set(list)];
}

export function createSearchService(deps: { db: Kysely<Database>; access: Access; clock: Clock }) {
  const { db, access, clock } = deps;

  const subtree = (eb: EB, orgId: number) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId);
  const ancestors = (eb: EB, orgId: number) => eb.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', orgId);
  /** Notices whose targets cover the org (the inbox rule: the org itself, or an ancestor targeted with its subtree). */
  const covering = (eb: EB, orgId: number) => eb.selectFrom('notice_target as t').innerJoin('org_closure as c', 'c.ancestor_id', 't.org_id')
    .select('t.notice_id').where('c.descendant_id', '=', orgId).where((e) => e.or([e('t.subtree', '=', 1), e('c.depth', '=', 0)]));

  function visible(eb: EB, scope: Scope, now: string) {
    const publicArticle = eb.and([eb('s.doc_type', '=', 'article'), eb('s.status', '=', 'published'), eb('s.visible_from', '<=', now)]);
    if (scope.kind === 'all') return eb.lit(true);
    if (scope.kind === 'public') return publicArticle;
    if (scope.kind === 'member') {
      const notice = [eb('s.doc_type', '=', 'notice'), eb('s.doc_id', 'in', covering(eb, scope.orgId))];
      if (!scope.hasPost) notice.push(eb('s.audience', '=', 'all'));
      return eb.or([publicArticle, eb.and(notice),
        eb.and([eb('s.doc_type', '=', 'material'), eb('s.org_id', 'in', ancestors(eb, scope.orgId))])]);
    }
    const x = scope.orgId;
    return eb.or([
      publicArticle,
      eb.and([eb('s.doc_type', '=', 'article'), eb('s.org_id', 'in', subtree(eb, x))]),
      eb.and([eb('s.doc_type', '=', 'notice'), eb.or([
        eb('s.org_id', 'in', subtree(eb, x)),
        eb('s.doc_id', 'in', eb.selectFrom('notice_target as nt').select('nt.notice_id').where('nt.org_id', 'in', subtree(eb, x))),
        eb('s.doc_id', 'in', covering(eb, x)),
      ])]),
      eb.and([eb('s.doc_type', '=', 'material'), eb.or([eb('s.org_id', 'in', subtree(eb, x)), eb('s.org_id', 'in', ancestors(eb, x))])]),
    ]);
  }

  async function scopeOf(actor: Actor): Promise<Scope> {
    if (actor.role !== 'member') {
      if (access.isGlobal(actor)) return { kind: 'all' };
      return actor.orgId === null ? { kind: 'public' } : { kind: 'admin', orgId: actor.orgId };
    }
    if (actor.memberId === null) return { kind: 'public' };
    const m = await db.selectFrom('member').select(['org_id', 'status', 'post']).where('id', '=', actor.memberId).executeTakeFirst();
    if (!m || m.status !== 'active') return { kind: 'public' };
    return { kind: 'member', orgId: m.org_id, hasPost: !!m.post?.trim() };
  }

  async function run(scope: Scope, input: SearchInput, link: (r: { doc_type: string; doc_id: number; org_id: number; status: string }) => Promise<string | null>): Promise<SearchResult> {
    const query = parseQuery(input.q ?? '');
    const types = parseTypes(scope.kind === 'public' ? 'article' : input.types);
    const cursor = parseCursor(input.cursor);
    if (query.phrases.length === 0) return { items: [], nextCursor: null, message: '请输入要搜索的字词' };
    const limit = Math.min(input.limit ?? SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE);
    const now = iso(clock.now());
    // 1 when the title holds every word of the query (terms are letters and digits only: no LIKE wildcards).
    const inTitle = (eb: EB) => eb.case().when(eb.and(query.terms.map((t) => eb(eb.fn('lower', ['s.title']), 'like', `%${t}%`)))).then(1).else(0).end();
    let q = db.selectFrom('search_doc as s')
      .select(['s.id', 's.doc_type', 's.doc_id', 's.org_id', 's.status', 's.title', 's.body', 's.doc_date'])
      .select((eb) => inTitle(eb as unknown as EB).as('in_title'))
      .where('s.doc_type', 'in', types)
      .where(ftsMatch(db, 's', query.phrases))
      .where((eb) => visible(eb as unknown as EB, scope, now));
    if (cursor) {
      q = q.where((eb) => {
        const t = inTitle(eb as unknown as EB);
        return eb.or([eb(t, '<', cursor.inTitle), eb.and([eb(t, '=', cursor.inTitle), eb.or([
          eb('s.doc_date', '<', cursor.date), eb.and([eb('s.doc_date', '=', cursor.date), eb('s.id', '<', cursor.id)]),
        ])])]);
      });
    }
    const rows = await q.orderBy('in_title', 'desc').orderBy('s.doc_date', 'desc').orderBy('s.id', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const items: SearchHit[] = [];
    for (const r of page) {
      const { snippet, highlights } = snippetOf(r.body, query.terms);
      items.push({
        type: r.doc_type as SearchType, id: r.doc_id, title: r.title, titleHighlights: highlightRanges(r.title, query.terms), snippet, highlights,
        date: r.doc_date, status: r.status, link: await link(r),
      });
    }
    const last = rows.length > limit ? page[page.length - 1] : null;
    const single = query.phrases.some((p) => p.prefix);
    return { items, nextCursor: last ? `${Number(last.in_title) ? 1 : 0}_${last.doc_date}_${last.id}` : null, message: single ? '单个汉字按词首匹配；输入两个字以上的词，结果更准确' : null };
  }

  return {
    /** Search as the signed-in reader sees it. */
    async search(actor: Actor, input: SearchInput): Promise<SearchResult> {
      await access.require(actor, 'search.read');
      const scope = await scopeOf(actor);
      const can = new Map<string, boolean>();
      const allowed = async (perm: 'content.read' | 'notice.read', orgId: number) => {
        const k = `${perm}:${orgId}`;
        if (!can.has(k)) can.set(k, scope.kind !== 'member' && (await access.can(actor, perm, orgId)));
        return can.get(k)!;
      };
      return run(scope, input, async (r) => {
        if (r.doc_type === 'article') return (await allowed('content.read', r.org_id)) ? `/columns/articles/${r.doc_id}` : `/site/a/${r.doc_id}`;
        // A notice received from above opens in the reader's inbox, which needs the account's member record.
        if (r.doc_type === 'notice') return (await allowed('notice.read', r.org_id)) ? `/notices/${r.doc_id}` : actor.memberId !== null ? `/inbox/${r.doc_id}` : null;
        return scope.kind === 'member' ? null : '/study';
      });
    },
    /** The public site's search: published articles only, no session. */
    async searchPublic(input: SearchInput): Promise<SearchResult> {
      return run({ kind: 'public' }, input, async (r) => `/site/a/${r.doc_id}`);
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
