// Builds the Fastify instance: plugins, error handler, auth hook, routes, the SPA.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import type { Config } from './platform/config.js';
import type { Db } from './platform/db/connect.js';
import { type Clock, systemClock } from './platform/clock.js';
import { createCipher, loadOrCreateKey, type Cipher } from './platform/crypto.js';
import { errorHandler } from './platform/http/error-handler.js';
import { makeAuthHook } from './platform/http/auth-hook.js';
import type { App } from './platform/http/types.js';
import { createServices, type Services } from './services.js';
import { registerRoutes } from './routes.js';
import { IMPORT_MAX_BYTES } from '../../contracts/limits.js';
import { VERSION } from './platform/version.js';
import { ROOT_DIR } from './platform/paths.js';

const WEB_DIST = path.join(ROOT_DIR, 'web/dist');

export interface AppDeps { config: Config; db: Db; clock?: Clock; cipher?: Cipher; webDist?: string | null }

export async function buildApp(deps: AppDeps): Promise<{ app: App; services: Services }> {
  const clock = deps.clock ?? systemClock;
  const cipher = deps.cipher ?? createCipher(loadOrCreateKey(deps.config.secretKey, deps.config.dataDir));
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    genReqId: () => crypto.randomUUID(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  const services = createServices({ db: deps.db, config: deps.config, clock, cipher });

  // Security headers for every response. helmet's middleware is built once here: @fastify/helmet built it anew
  // on every request, parsing the CSP each time.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], // antd writes inline styles
        // https images: article bodies keep images from https addresses (the sanitizer's rule); scripts, styles and
        // connections stay same-origin, and helmet's no-referrer keeps the reader's page out of those requests.
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'], connectSrc: ["'self'"], fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"],
        // Only behind HTTPS: on a plain-HTTP intranet address it would send the browser to https and break every asset.
        upgradeInsecureRequests: deps.config.cookieSecure ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: { info: { title: '阵地 Zhendi API', version: VERSION }, components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zhendi_session' } } } },
  });

  app.setErrorHandler(errorHandler);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', makeAuthHook(services.auth));
  app.addHook('onSend', async (req, reply) => {
    // Personal data must not sit in shared caches or the browser's disk cache.
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () => app.swagger());
  registerRoutes(app, services);

  const webDist = deps.webDist === undefined ? WEB_DIST : deps.webDist;
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: true, index: false });
    // Read per request (it is small): a rebuilt web/dist is served without restarting the server.
    const indexHtml = () => fs.readFileSync(path.join(webDist, 'index.html'));
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(indexHtml()));
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET') {
        return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在', requestId: String(req.id) });
      }
      if (/\.[a-z0-9]+$/i.test(req.url.split('?')[0])) return reply.status(404).type('text/plain').send('Not Found');
      return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(indexHtml());
    });
  } else {
    app.setNotFoundHandler((req, reply) => reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在', requestId: String(req.id) }));
  }
  return { app, services };
}
