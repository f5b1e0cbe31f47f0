import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * The search index is emptied, to be filled again with the analyzer's new terms (a fleeting
 * vowel dropped: "станок" and "станка" now meet) and in the order its relevance pages read it.
 * Nothing is lost: the index is only a copy of the owners' published records, and the next
 * start fills every empty kind again (museums and exhibitions at once, exhibits in the
 * background) without staff doing anything; the search page finds fewer things meanwhile.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  if (t.dialect === 'postgres') {
    await sql`TRUNCATE search_entries`.execute(db);
    return;
  }
  // Without the trigger, so the terms go at once rather than one row at a time.
  await sql`DROP TRIGGER search_entries_deleted`.execute(db);
  await sql`DELETE FROM search_entries`.execute(db);
  await sql`INSERT INTO search_terms(search_terms) VALUES ('delete-all')`.execute(db);
  await sql`
    CREATE TRIGGER search_entries_deleted AFTER DELETE ON search_entries BEGIN
      DELETE FROM search_terms WHERE rowid = old.id;
    END
  `.execute(db);
}
