// Opens the database: a SQLite file under the data directory by default, PostgreSQL when DATABASE_URL is set.
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Expression, type SqlBool } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './types.js';
import type { DialectName } from './dialect.js';
import { withStatementCache } from './sqlite-statements.js';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

// pg returns int8 (count(*), sum) as strings; numbers are what every caller expects.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function openDb(opts: { databaseUrl: string | null; dataDir: string; sqliteFile?: string }): Db {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server drops (restart, failover, a dropped database) must not crash the
    // process: the pool discards it and opens a new one on the next query.
    pool.on('error', (err) => { console.error(`PostgreSQL 连接中断（将自动重连）/ PostgreSQL connection lost: ${err.message}`); });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgresql', close: () => kysely.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = opts.sqliteFile ?? path.join(opts.dataDir, 'zhendi.sqlite');
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('cache_size = -32768'); // 32 MiB: keeps the server inside its 300 MB budget
  // Refresh planner statistics where they are missing or stale: without them SQLite picks the root_id index
  // for a pinyin search over a million members (1 s instead of 15 ms).
  database.pragma('optimize = 0x10002');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

/** `column LIKE '%text%'` with wildcards in the text taken literally, on both databases. */
export function likeText(column: Expression<unknown> | ReturnType<typeof sql.ref>, pattern: string): Expression<SqlBool> {
  return sql<SqlBool>`${column} like ${pattern} escape '\\'`;
}
