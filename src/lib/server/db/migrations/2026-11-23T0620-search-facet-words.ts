import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * SQLite: the FTS5 table gets a third column, `facets`, with an entry's facet values as words
 * (search/facet-tokens.ts), so a search with a filter is narrowed inside the term index rather
 * than by reading every match. The table is made anew and the index emptied; the next start
 * fills it again (as after 2026-11-23T0600). PostgreSQL combines its own indexes: nothing to do.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  if (t.dialect === 'postgres') return;
  await sql`DROP TRIGGER search_entries_deleted`.execute(db);
  await sql`DROP TABLE search_terms`.execute(db);
  await sql`DELETE FROM search_entries`.execute(db);
  await sql`
    CREATE VIRTUAL TABLE search_terms USING fts5(
      title, body, facets, content='', contentless_delete=1,
      tokenize='unicode61 remove_diacritics 0'
    )
  `.execute(db);
  await sql`
    CREATE TRIGGER search_entries_deleted AFTER DELETE ON search_entries BEGIN
      DELETE FROM search_terms WHERE rowid = old.id;
    END
  `.execute(db);
}
