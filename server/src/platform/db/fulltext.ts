// Full-text matching over search_doc, the one place the two databases differ: SQLite keeps an FTS5 table
// (unicode61) over search_doc.tokens, PostgreSQL a generated tsvector (simple config) with a GIN index. The
// tokens are bigrams and words from modules/search/search.tokens.ts; a query is an AND of phrases of them.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from './dialect.js';

export interface FtsPhrase { tokens: string[]; prefix: boolean }

/** Tokens are letters and digits only (search.tokens.ts); drop anything else defensively. */
const clean = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '');

/** A condition on `alias.id` (search_doc) that holds when the document matches every phrase. */
export function ftsMatch(db: Kysely<any>, alias: string, phrases: FtsPhrase[]): RawBuilder<boolean> {
  const ps = phrases.map((p) => ({ tokens: p.tokens.map(clean).filter(Boolean), prefix: p.prefix })).filter((p) => p.tokens.length);
  if (ps.length === 0) return sql<boolean>`1 = 0`;
  if (dialectOf(db) === 'postgresql') {
    const q = ps.map((p) => p.tokens.map((t, i) => (p.prefix && i === p.tokens.length - 1 ? `${t}:*` : t)).join(' <-> ')).join(' & ');
    return sql<boolean>`${sql.ref(`${alias}.tsv`)} @@ to_tsquery('simple', ${q})`;
  }
  const q = ps.map((p) => `"${p.tokens.join(' ')}"${p.prefix ? ' *' : ''}`).join(' AND ');
  return sql<boolean>`${sql.ref(`${alias}.id`)} in (select rowid from search_fts where search_fts match ${q})`;
}

/** Creates the full-text structure over search_doc (called by the migration). */
export async function createFulltext(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgresql') {
    await sql`alter table search_doc add column tsv tsvector generated always as (to_tsvector('simple', tokens)) stored`.execute(db);
    await sql`create index search_doc_tsv_idx on search_doc using gin (tsv)`.execute(db);
    return;
  }
  // External content: the FTS table holds only the index; triggers keep it in step with search_doc.
  await sql`create virtual table search_fts using fts5(tokens, content='search_doc', content_rowid='id', tokenize='unicode61')`.execute(db);
  await sql`create trigger search_doc_ai after insert on search_doc begin
    insert into search_fts(rowid, tokens) values (new.id, new.tokens); end`.execute(db);
  await sql`create trigger search_doc_ad after delete on search_doc begin
    insert into search_fts(search_fts, rowid, tokens) values ('delete', old.id, old.tokens); end`.execute(db);
  await sql`create trigger search_doc_au after update on search_doc begin
    insert into search_fts(search_fts, rowid, tokens) values ('delete', old.id, old.tokens);
    insert into search_fts(rowid, tokens) values (new.id, new.tokens); end`.execute(db);
}

export async function dropFulltext(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgresql') return; // the column and index go with the table
  for (const t of ['search_doc_ai', 'search_doc_ad', 'search_doc_au']) await sql`drop trigger if exists ${sql.raw(t)}`.execute(db);
  await sql`drop table if exists search_fts`.execute(db);
}
