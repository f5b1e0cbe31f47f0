import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * Registrations for event sessions. A row is one person's (or one group's) registration: who,
 * how many people, their answers, the consent text they agreed to, and where it stands —
 * confirmed, waitlisted (in id order) or cancelled. The cancel link's token is kept only as a
 * SHA-256 hash. `attended` (0/1) is what staff mark at the door; reports count it.
 * `registration_settings` is the association's single row: the consent text (152-FZ).
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const id = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await id(db.schema.createTable('registrations'))
    .addColumn('session_id', 'integer', (c) =>
      c.notNull().references('event_sessions.id').onDelete('cascade')
    )
    .addColumn('event_id', 'integer', (c) =>
      c.notNull().references('events.id').onDelete('cascade')
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('confirmed', 'waitlisted', 'cancelled')`)
    )
    .addColumn('people', 'integer', (c) => c.notNull().check(sql`people >= 1`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('school', 'text')
    .addColumn('class_name', 'text')
    .addColumn('answers', t.json, (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale IN ('ru', 'en')`))
    .addColumn('consent_text', 'text', (c) => c.notNull())
    .addColumn('cancel_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('attended', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`attended IN (0, 1)`)
    )
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('confirmed_at', t.timestamp)
    .addColumn('cancelled_at', t.timestamp)
    .addColumn('cancelled_by', 'text', (c) =>
      c.check(sql`cancelled_by IS NULL OR cancelled_by IN ('visitor', 'staff', 'event')`)
    )
    .addColumn('reminded_at', t.timestamp)
    .execute();
  // One live registration per e-mail and session: a double submit finds the first.
  await sql`
    CREATE UNIQUE INDEX registrations_one_per_email ON registrations (session_id, email)
    WHERE status <> 'cancelled'
  `.execute(db);
  // Counting a session's places and walking its waitlist in order.
  await db.schema
    .createIndex('registrations_session')
    .on('registrations')
    .columns(['session_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('registrations_event')
    .on('registrations')
    .columns(['event_id', 'session_id', 'id'])
    .execute();

  await db.schema
    .createTable('registration_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('consent_ru', 'text', (c) => c.notNull())
    .addColumn('consent_en', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
}
