import { sql, type Kysely } from 'kysely';

/**
 * One open (draft or review) version per museum, said by the database: two requests racing to
 * open one (a double click) make one. Older duplicates, if any, are set aside first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE museum_revisions SET status = 'discarded'
    WHERE status IN ('draft', 'review')
      AND id NOT IN (
        SELECT max(id) FROM museum_revisions WHERE status IN ('draft', 'review') GROUP BY museum_id
      )
  `.execute(db);
  await sql`
    CREATE UNIQUE INDEX museum_revisions_one_open ON museum_revisions (museum_id)
    WHERE status IN ('draft', 'review')
  `.execute(db);
}
