import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * Projects of the association and of museums. The association's profile kept a short list of its
 * projects in a table called `projects` (title, period, summary, text); that list stays with the
 * profile as `association_projects`, and `projects` becomes the versioned projects: a project
 * belongs to a museum, or to the association when museum_id is null; its slug is unique per
 * owner; the row holds the working title and the published ProjectRecord as JSON; versions go
 * draft → review → published in project_revisions, one open version at a time. Projects link
 * to the events and news they held or told of.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema.alterTable('projects').renameTo('association_projects').execute();

  const identity = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await identity(db.schema.createTable('projects'))
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
    // The published period, so lists and reports can sort and choose without JSON.
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('published', t.json)
    .addColumn('published_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await sql`
    CREATE UNIQUE INDEX projects_slug_of_owner ON projects ((COALESCE(museum_id, 0)), slug)
  `.execute(db);

  await identity(db.schema.createTable('project_revisions'))
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade')
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
    .createIndex('project_revisions_project')
    .on('project_revisions')
    .columns(['project_id', 'status'])
    .execute();
  await sql`
    CREATE UNIQUE INDEX project_revisions_one_open ON project_revisions (project_id)
    WHERE status IN ('draft', 'review')
  `.execute(db);

  // The published itinerary, one row a stop, kept in step on publishing: reports count districts
  // and participants from it without reading JSON.
  await db.schema
    .createTable('project_stops')
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade')
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('district_ru', 'text', (c) => c.notNull())
    .addColumn('district_en', 'text', (c) => c.notNull())
    .addColumn('venue_museum_id', 'integer', (c) => c.references('museums.id').onDelete('set null'))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('participants', 'integer')
    .addPrimaryKeyConstraint('project_stops_pk', ['project_id', 'key'])
    .execute();

  // The events a project held and the news that told of it, from the published record.
  await db.schema
    .createTable('project_events')
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade')
    )
    .addColumn('event_id', 'integer', (c) =>
      c.notNull().references('events.id').onDelete('cascade')
    )
    .addPrimaryKeyConstraint('project_events_pk', ['project_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('project_events_event')
    .on('project_events')
    .column('event_id')
    .execute();
  await db.schema
    .createTable('project_news')
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade')
    )
    .addColumn('news_id', 'integer', (c) => c.notNull().references('news.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('project_news_pk', ['project_id', 'news_id'])
    .execute();
  await db.schema.createIndex('project_news_news').on('project_news').column('news_id').execute();
}
