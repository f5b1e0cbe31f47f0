import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * Virtual tours. A tour row holds what visitors see (the published record, or null before the
 * first publishing); its versions travel draft → review → published in tour_revisions, the way a
 * museum's profile does, with one open version per tour held by a partial unique index.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const identity = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await identity(db.schema.createTable('tours'))
    .addColumn('museum_id', 'integer', (c) =>
      c.notNull().references('museums.id').onDelete('cascade')
    )
    .addColumn('slug', 'text', (c) => c.notNull())
    // The title of the latest saved version, so the staff list needs no JSON.
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('published', t.json)
    .addColumn('published_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addUniqueConstraint('tours_slug_in_museum', ['museum_id', 'slug'])
    .execute();

  await identity(db.schema.createTable('tour_revisions'))
    .addColumn('tour_id', 'integer', (c) => c.notNull().references('tours.id').onDelete('cascade'))
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
    .createIndex('tour_revisions_tour')
    .on('tour_revisions')
    .columns(['tour_id', 'status'])
    .execute();
  await sql`
    CREATE UNIQUE INDEX tour_revisions_one_open ON tour_revisions (tour_id)
    WHERE status IN ('draft', 'review')
  `.execute(db);
}
