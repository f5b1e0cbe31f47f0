import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * Online exhibitions. An exhibition belongs to a museum, or to the association when museum_id is
 * null; its slug is unique per owner (an expression index, since NULLs never clash in a plain
 * unique constraint). The row holds the working title and what visitors see (the published
 * ExhibitionRecord as JSON, null before the first publishing); versions travel draft → review →
 * published in exhibition_revisions like an exhibit's, one open version at a time.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const identity = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await identity(db.schema.createTable('exhibitions'))
    .addColumn('museum_id', 'integer', (c) => c.references('museums.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) =>
      c
        .notNull()
        .defaultTo('staff')
        .check(sql`origin IN ('staff', 'demo')`)
    )
    // The title of the latest saved version, so staff lists need no JSON.
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('published', t.json)
    .addColumn('published_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await sql`
    CREATE UNIQUE INDEX exhibitions_slug_of_owner ON exhibitions ((COALESCE(museum_id, 0)), slug)
  `.execute(db);

  await identity(db.schema.createTable('exhibition_revisions'))
    .addColumn('exhibition_id', 'integer', (c) =>
      c.notNull().references('exhibitions.id').onDelete('cascade')
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
    .createIndex('exhibition_revisions_exhibition')
    .on('exhibition_revisions')
    .columns(['exhibition_id', 'status'])
    .execute();
  await sql`
    CREATE UNIQUE INDEX exhibition_revisions_one_open ON exhibition_revisions (exhibition_id)
    WHERE status IN ('draft', 'review')
  `.execute(db);
}
