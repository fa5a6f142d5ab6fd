// Test context: a real app on a fresh database, a movable clock, factories, and a logged-in HTTP client.
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import type { Clock } from '../src/platform/clock.js';
import type { App } from '../src/platform/http/types.js';
import type { Services } from '../src/services.js';
import { freshDb, type TestDb } from './db.js';
import { createFactories, type Factories } from './factories.js';

export class TestClock implements Clock {
  constructor(public current = new Date('2026-03-01T02:00:00Z')) {}
  now() { return new Date(this.current); }
  advance(ms: number) { this.current = new Date(this.current.getTime() + ms); }
}

export interface TestContext {
  app: App; services: Services; config: Config; clock: TestClock; tdb: TestDb; build: Factories;
  client(): HttpClient;
  as(username: string, password?: string): Promise<HttpClient>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'Test@2026pw';

export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const tdb = await freshDb();
  const config = loadConfig({
    ZHENDI_DATA_DIR: tdb.dataDir, ZHENDI_LOG_LEVEL: 'silent', ZHENDI_LOGIN_RATE_LIMIT: '10000',
    ZHENDI_SECRET_KEY: '11'.repeat(32), ...env,
  });
  const clock = new TestClock();
  const { app, services } = await buildApp({ config, db: tdb.db, clock, webDist: null });
  await app.ready();
  const build = createFactories(services, clock);
  const ctx: TestContext = {
    app, services, config, clock, tdb, build,
    client: () => new HttpClient(app),
    async as(username, password = TEST_PASSWORD) {
      const c = new HttpClient(app);
      const r = await c.login(username, password);
      if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.body}`);
      return c;
    },
    async close() { await services.imports.idle(); await app.close(); await tdb.drop(); },
  };
  return ctx;
}

type Res = { statusCode: number; body: string; json: () => any; headers: Record<string, unknown>; rawPayload: Buffer };

/** Keeps the session cookie and CSRF token like a browser would. */
export class HttpClient {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(private app: App) {}
  async login(username: string, password: string): Promise<Res> {
    const r = await this.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const set = r.headers['set-cookie'];
    const first = Array.isArray(set) ? set[0] : set;
    if (first) this.cookie = first.split(';')[0];
    if (r.statusCode === 200) this.csrf = r.json().csrfToken;
    return r as unknown as Res;
  }
  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const r = await this.app.inject({ method, url, headers: h, ...(payload === undefined ? {} : typeof payload === 'string' || Buffer.isBuffer(payload) ? { payload } : { payload: payload as object }) });
    return r as unknown as Res;
  }
  get(url: string) { return this.request('GET', url); }
  post(url: string, body: unknown = {}) { return this.request('POST', url, body); }
  put(url: string, body: unknown) { return this.request('PUT', url, body); }
  patch(url: string, body: unknown) { return this.request('PATCH', url, body); }
}
