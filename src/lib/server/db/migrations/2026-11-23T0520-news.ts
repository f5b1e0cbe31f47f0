import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * News of a museum, or of the association when museum_id is null; the slug is unique per owner
 * (an expression index, since NULLs never clash in a plain unique constraint). The row holds the
 * working title, what visitors see (the published NewsRecord as JSON), its tags as one matchable
 * text, when it first and last went public, and a schedule: the version to publish at a given
 * instant (scheduled_revision_id and its updated_at as scheduled_stamp, so a later edit is
 * noticed). Versions travel draft → review → published in news_revisions, one open at a time.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const identity = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await identity(db.schema.createTable('news'))
    .addColumn('museum_id', 'integer', (c) => c.references('museums.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) =>
      c
        .notNull()
        .defaultTo('staff')
        .check(sql`origin IN ('staff', 'demo')`)
    )
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('published', t.json)
    // '|семинар|seminar|' — lower-case tags of the published record, for LIKE '%|tag|%'.
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_at', t.timestamp)
    .addColumn('modified_at', t.timestamp)
    .addColumn('scheduled_at', t.timestamp)
    .addColumn('scheduled_revision_id', 'integer')
    .addColumn('scheduled_stamp', 'text')
    .addColumn('scheduled_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await sql`
    CREATE UNIQUE INDEX news_slug_of_owner ON news ((COALESCE(museum_id, 0)), slug)
  `.execute(db);
  // The newest first, page after page (keyset on published_at, id).
  await sql`
    CREATE INDEX news_published ON news (published_at, id) WHERE published IS NOT NULL
  `.execute(db);
  await db.schema.createIndex('news_museum').on('news').columns(['museum_id']).execute();

  await identity(db.schema.createTable('news_revisions'))
    .addColumn('news_id', 'integer', (c) => c.notNull().references('news.id').onDelete('cascade'))
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
    .createIndex('news_revisions_news')
    .on('news_revisions')
    .columns(['news_id', 'status'])
    .execute();
  await sql`
    CREATE UNIQUE INDEX news_revisions_one_open ON news_revisions (news_id)
    WHERE status IN ('draft', 'review')
  `.execute(db);
}
