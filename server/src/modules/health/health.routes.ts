import { sql } from 'kysely';
import type { App } from '../../platform/http/types.js';
import type { Db } from '../../platform/db/connect.js';
import { Health } from '../../../../contracts/schemas.js';
import { VERSION } from '../../platform/version.js';

export function registerHealthRoutes(app: App, deps: { db: Db }) {
  app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查', response: { 200: Health } }, config: { auth: 'public' } },
    async () => {
      await sql`select 1`.execute(deps.db.kysely); // a dead database makes this a 500, which is the point
      return { status: 'ok' as const, database: deps.db.dialect, version: VERSION, time: new Date().toISOString() };
    });
}
