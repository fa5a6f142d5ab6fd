// Wall display tokens and screensaver slides (admin API), and the public display page itself: /display/<token>
// (a small server-rendered shell) with its data at /display/<token>/data.json and its script and style served
// as files (no inline script: the CSP stays as helmet sets it).
import fs from 'node:fs';
import path from 'node:path';
import { Type } from 'typebox';
import type { App } from '../../platform/http/types.js';
import { actorOf } from '../../platform/http/types.js';
import { IdParams, Ok } from '../../../../contracts/schemas.js';
import {
  DisplayToken, DisplayTokenCreateBody, DisplayTokenCreated, DisplayTokenList, Slide, SlideCreateBody, SlideList, SlideQuery, SlideUpdateBody,
} from '../../../../contracts/display.js';
import type { DisplayService } from './display.service.js';
import type { SlidesService } from './slides.service.js';
import { ROOT_DIR } from '../../platform/paths.js';

const ASSET_DIR = path.join(ROOT_DIR, 'web/public/display');
const ASSETS: Record<string, string> = { 'wall.js': 'text/javascript; charset=utf-8', 'wall.css': 'text/css; charset=utf-8', 'sw.js': 'text/javascript; charset=utf-8' };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(orgName: string | null): string {
  const title = orgName ? `${escapeHtml(orgName)} · 党建阵地展示屏` : '展示屏已停用';
  const body = orgName
    ? `<main id="wall" data-org="${escapeHtml(orgName)}"><section class="panel"><h1 class="title">${escapeHtml(orgName)}</h1><div class="lines"><p>正在载入……</p></div></section></main>
<footer id="bar"><span id="org">${escapeHtml(orgName)}</span><span id="pager"></span><span id="offline" hidden>离线</span><span id="clock"></span></footer>
<noscript><p class="nojs">本页面需要启用 JavaScript 才能轮播展示内容。</p></noscript>`
    : '<main id="gone"><h1>此展示屏链接无效或已停用</h1><p>请联系本组织管理员在“阵地展示屏”中重新创建。</p></main>';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<link rel="stylesheet" href="/display/assets/wall.css"></head>
<body>${body}${orgName ? '<script src="/display/assets/wall.js" defer></script>' : ''}</body></html>`;
}

const TokenParams = Type.Object({ token: Type.String({ maxLength: 64 }) }, { additionalProperties: false });
const AssetParams = Type.Object({ file: Type.String({ maxLength: 20 }) }, { additionalProperties: false });

export function registerDisplayRoutes(app: App, deps: { display: DisplayService; slides: SlidesService }) {
  const { display, slides } = deps;
  const tags = ['display'];
  app.get('/api/orgs/:id/display-tokens', { schema: { tags, summary: '阵地展示屏令牌（含最近访问时间）', params: IdParams, response: { 200: DisplayTokenList } } },
    async (req) => display.list(actorOf(req), req.params.id));
  app.post('/api/orgs/:id/display-tokens', { schema: { tags, summary: '新建展示屏令牌（令牌只显示这一次）', params: IdParams, body: DisplayTokenCreateBody, response: { 200: DisplayTokenCreated } } },
    async (req) => display.create(actorOf(req), req.params.id, req.body));
  app.post('/api/display-tokens/:id/revoke', { schema: { tags, summary: '停用展示屏令牌', params: IdParams, response: { 200: DisplayToken } } },
    async (req) => display.revoke(actorOf(req), req.params.id));

  app.get('/api/screensaver/slides', { schema: { tags, summary: '廉政屏保页（本组织所在机关工委维护）', querystring: SlideQuery, response: { 200: SlideList } } },
    async (req) => slides.list(actorOf(req), req.query.orgId));
  app.post('/api/screensaver/slides', { schema: { tags, summary: '新增屏保页（机关工委）', body: SlideCreateBody, response: { 200: Slide } } },
    async (req) => slides.create(actorOf(req), req.body));
  app.put('/api/screensaver/slides/:id', { schema: { tags, summary: '修改屏保页（机关工委）', params: IdParams, body: SlideUpdateBody, response: { 200: Slide } } },
    async (req) => slides.update(actorOf(req), req.params.id, req.body));
  app.delete('/api/screensaver/slides/:id', { schema: { tags, summary: '删除屏保页（机关工委）', params: IdParams, response: { 200: Ok } } },
    async (req) => slides.remove(actorOf(req), req.params.id));

  // ---- the public display page: the token is the only credential ----
  const pub = { auth: 'public' as const };
  app.get('/display/assets/:file', { schema: { hide: true, params: AssetParams }, config: pub }, async (req, reply) => {
    const type = Object.hasOwn(ASSETS, req.params.file) ? ASSETS[req.params.file] : undefined;
    if (!type) return reply.status(404).type('text/plain').send('Not Found');
    const bytes = await fs.promises.readFile(path.join(ASSET_DIR, req.params.file));
    // The service worker serves the display pages (/display/<token>), above its own folder.
    if (req.params.file === 'sw.js') reply.header('Service-Worker-Allowed', '/display/');
    return reply.type(type).header('Cache-Control', 'no-cache').send(bytes);
  });
  app.get('/display/:token', { schema: { hide: true, params: TokenParams }, config: pub }, async (req, reply) => {
    const found = await display.resolve(req.params.token);
    reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer').type('text/html; charset=utf-8');
    if (!found) return reply.status(404).send(page(null));
    return reply.send(page(await display.orgName(found.orgId)));
  });
  app.get('/display/:token/data.json', { schema: { hide: true, params: TokenParams }, config: pub }, async (req, reply) => {
    const found = await display.resolve(req.params.token);
    reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
    if (!found) return reply.status(404).send({ code: 'NOT_FOUND', message: '展示屏链接无效或已停用', requestId: String(req.id) });
    return display.data(found.orgId);
  });
}
