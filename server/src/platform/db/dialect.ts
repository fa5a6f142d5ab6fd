// Dialect differences live here and nowhere else.
import { type Kysely, PostgresAdapter, type ColumnDefinitionBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgresql';

export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgresql' : 'sqlite';
}

/** An auto-numbered integer primary key on either database. */
export function idColumn(dialect: DialectName) {
  return (col: ColumnDefinitionBuilder) =>
    dialect === 'postgresql' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

/** Escape LIKE wildcards in user text; use with `escape '\\'`. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A unique-constraint violation on either database (SQLite code or PostgreSQL SQLSTATE 23505). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** After rows were inserted with explicit ids, move PostgreSQL's identity sequences past them. */
export async function resetSequences(db: import('kysely').Kysely<any>, tables: string[]): Promise<void> {
  if (dialectOf(db) !== 'postgresql') return;
  const { sql } = await import('kysely');
  for (const t of tables) {
    await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(db);
  }
}
