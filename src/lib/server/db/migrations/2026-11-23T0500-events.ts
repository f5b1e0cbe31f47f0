import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * Events of museums and of the association (museum_id null), versioned like exhibitions: the row
 * holds the working title, the published EventRecord as JSON and, set on publishing, the columns
 * the regional calendar filters by. Each session of the published version is a row of
 * event_sessions (UTC instants), matched by its key on every publishing so its id, which
 * registrations point at, stays while its time moves; a session dropped from the event is kept as
 * 'removed'.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const identity = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await identity(db.schema.createTable('events'))
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
    .addColumn('published_at', t.timestamp)
    // What the calendar filters by, from the published record (null before the first publishing).
    .addColumn('kind', 'text')
    .addColumn('age_rating', 'text')
    .addColumn('free', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pushkin_card', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('for_schools', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('settlement_id', 'integer', (c) =>
      c.references('settlements.id').onDelete('set null')
    )
    .addColumn('district_id', 'integer', (c) => c.references('districts.id').onDelete('set null'))
    .addColumn('venue_museum_id', 'integer', (c) => c.references('museums.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.check(sql`status IS NULL OR status IN ('scheduled', 'moved', 'cancelled')`)
    )
    .addColumn('time_zone', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await sql`
    CREATE UNIQUE INDEX events_slug_of_owner ON events ((COALESCE(museum_id, 0)), slug)
  `.execute(db);

  await identity(db.schema.createTable('event_revisions'))
    .addColumn('event_id', 'integer', (c) =>
      c.notNull().references('events.id').onDelete('cascade')
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
    .createIndex('event_revisions_event')
    .on('event_revisions')
    .columns(['event_id', 'status'])
    .execute();
  await sql`
    CREATE UNIQUE INDEX event_revisions_one_open ON event_revisions (event_id)
    WHERE status IN ('draft', 'review')
  `.execute(db);

  await identity(db.schema.createTable('event_sessions'))
    .addColumn('event_id', 'integer', (c) =>
      c.notNull().references('events.id').onDelete('cascade')
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('ends_at', t.timestamp)
    .addColumn('all_day', 'integer', (c) => c.notNull().defaultTo(0))
    // Null: no registration for this session.
    .addColumn('capacity', 'integer')
    .addColumn('registration_deadline', t.timestamp)
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('scheduled')
        .check(sql`status IN ('scheduled', 'moved', 'cancelled', 'removed')`)
    )
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addUniqueConstraint('event_sessions_key', ['event_id', 'key'])
    .execute();
  await db.schema
    .createIndex('event_sessions_starts')
    .on('event_sessions')
    .columns(['starts_at', 'event_id'])
    .execute();
}
