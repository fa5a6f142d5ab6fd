// Public site routes: no session (config.auth 'public'), hidden from the API document, HTML with the app's CSP.
// Unknown, unpublished and scheduled-but-not-yet-due things answer the same Chinese 404 page.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../platform/http/types.js';
import type { SiteService } from './site.service.js';
import type { SiteCache } from './site.cache.js';
import type { SearchService } from '../modules/search/search.service.js';
import { searchPage } from './site.search.js';
import { parseCursor } from './site.service.js';
import { articlePage, atomFeed, columnPage, columnsPage, notFoundPage, portalPage } from './site.pages.js';
import { SITE_CSS } from './site.css.js';

const HTML = 'text/html; charset=utf-8';
const SLUG = /^[a-z0-9][a-z0-9-]{1,39}$/;
const ID = /^[1-9]\d{0,9}$/;
/** This site's address as the reader reached it (default ports left out), for canonical links and feeds. */
const origin = (req: FastifyRequest) => `${req.protocol}://${req.host.replace(req.protocol === 'https' ? /:443$/ : /:80$/, '')}`;
// Short shared caching: a scheduled article appears within a minute of its time, a withdrawn one goes as fast.
const page = (reply: FastifyReply, body: string) => reply.type(HTML).header('Cache-Control', 'public, max-age=60').send(body);
const missing = (req: FastifyRequest, reply: FastifyReply) => reply.status(404).type(HTML).header('Cache-Control', 'no-cache').send(notFoundPage(origin(req)));

export function registerSiteRoutes(app: App, deps: { site: SiteService; search: SearchService; cache: SiteCache }) {
  const { site, cache } = deps;
  const opts = { schema: { hide: true }, config: { auth: 'public' as const } };
  type P = { Params: Record<string, string>; Querystring: Record<string, string> };

  app.get('/site/site.css', opts, (_req, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=86400').send(SITE_CSS));
  app.get<P>('/site', opts, async (req, reply) => {
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 100) : '';
    if (!q.trim()) {
      const o = origin(req);
      return page(reply, await cache.get(`portal ${o}`, async () => portalPage(o, await site.portal())));
    }
    const cursor = typeof req.query.cursor === 'string' && req.query.cursor.length <= 60 ? req.query.cursor : undefined;
    const r = await deps.search.searchPublic({ q, cursor }).catch(() => deps.search.searchPublic({ q })); // a bad cursor: the first page
    return page(reply, searchPage(origin(req), q, r));
  });
  app.get<P>('/site/c/:slug', opts, async (req, reply) => {
    if (!SLUG.test(req.params.slug)) return missing(req, reply);
    const before = parseCursor(req.query.before);
    const d = await site.column(req.params.slug, before);
    return d ? page(reply, columnPage(origin(req), d, before === null)) : missing(req, reply);
  });
  app.get<P>('/site/columns', opts, async (req, reply) => {
    const within = typeof req.query.in === 'string' ? req.query.in : null;
    const after = typeof req.query.after === 'string' && ID.test(req.query.after) ? Number(req.query.after) : 0;
    if (within !== null && !SLUG.test(within)) return missing(req, reply);
    const d = await site.columns(within, after);
    return d ? page(reply, columnsPage(origin(req), d, after === 0)) : missing(req, reply);
  });
  app.get<P>('/site/c/:slug/feed.atom', opts, async (req, reply) => {
    if (!SLUG.test(req.params.slug)) return missing(req, reply);
    const d = await site.feed(req.params.slug);
    if (!d) return missing(req, reply);
    return reply.type('application/atom+xml; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(atomFeed(origin(req), d));
  });
  app.get<P>('/site/a/:id', opts, async (req, reply) => {
    if (!ID.test(req.params.id)) return missing(req, reply);
    const d = await site.article(Number(req.params.id));
    return d ? page(reply, articlePage(origin(req), d)) : missing(req, reply);
  });
  // Images of published articles inline (re-encoded JPEG); attachments as attachments. nosniff comes from helmet.
  app.get<P>('/site/files/:id', opts, async (req, reply) => {
    if (!ID.test(req.params.id)) return missing(req, reply);
    const f = await site.file(Number(req.params.id));
    if (!f) return missing(req, reply);
    return reply.header('Content-Type', f.mime).header('Cache-Control', 'public, max-age=300')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Content-Disposition', f.photo ? 'inline' : `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .send(f.bytes);
  });
  app.get('/site/*', opts, async (req, reply) => (req.url === '/site/' ? reply.redirect('/site', 301) : missing(req, reply)));
}
