import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * Every version of a museum's profile a person saved. The museums table holds what visitors see;
 * a revision holds a whole record (JSON) on its way there: draft → review → published.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const table = db.schema.createTable('museum_revisions');
  await (
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('museum_id', 'integer', (c) =>
      c.notNull().references('museums.id').onDelete('cascade')
    )
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('draft', 'review', 'published', 'discarded')`)
    )
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('published_at', t.timestamp)
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('museum_revisions_museum')
    .on('museum_revisions')
    .columns(['museum_id', 'status'])
    .execute();
}
