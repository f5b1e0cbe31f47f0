import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * PostgreSQL: the title's terms and the other terms of an entry in columns of their own, each
 * with a GIN index, beside the weighted `terms`. A relevance page asks "every word in the title"
 * and "the word elsewhere" separately; the planner keeps statistics per column, not per weight,
 * and took a title-only word that is common elsewhere for a common title word, walking the whole
 * table for a tier with no rows. Emptied first (the next start fills the index again, as after
 * 2026-11-23T0600), which also brings the facet words into `terms` (search/facet-tokens.ts).
 * SQLite's FTS5 table has title and body columns already: nothing to do here.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  if (t.dialect !== 'postgres') return;
  await sql`TRUNCATE search_entries`.execute(db);
  await sql`
    ALTER TABLE search_entries
      ADD COLUMN title_terms tsvector NOT NULL,
      ADD COLUMN body_terms tsvector NOT NULL
  `.execute(db);
  await sql`CREATE INDEX search_entries_title_terms ON search_entries USING gin (title_terms)`.execute(
    db
  );
  await sql`CREATE INDEX search_entries_body_terms ON search_entries USING gin (body_terms)`.execute(
    db
  );
}
