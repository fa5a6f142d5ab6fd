// Kysely's SQLite driver prepares every statement anew (about 40 µs for a join, three times the cost of
// running it on a small page). Kysely compiles the same SQL text for the same query shape, so keeping the
// prepared statements by text turns most of that into a map lookup.
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept; the app has a few hundred query shapes, bulk inserts vary by row count. */
const MAX_STATEMENTS = 1000;

export function withStatementCache(database: SQLite.Database, max = MAX_STATEMENTS): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      const hit = cache.get(sql);
      // A statement still being iterated (a stream) cannot run again until it finishes: prepare another.
      if (hit && !hit.busy) {
        cache.delete(sql); // most recently used last
        cache.set(sql, hit);
        return hit;
      }
      const stmt = database.prepare(sql);
      if (!hit) {
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
    close() {
      cache.clear();
      database.close();
    },
  };
}
