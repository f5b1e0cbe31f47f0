import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { decodeRecord } from '../events/repository';
import { eventPath } from '$lib/shared/event';
import type { RegistrationSession, SessionSource } from './sessions';

/** SQL for the published sessions registration counts against, with their event's settings. */
export class RegistrationSessionRepository implements SessionSource {
  constructor(private readonly db: Kysely<DB>) {}

  private query(executor: Kysely<DB> | Transaction<DB>) {
    return executor
      .selectFrom('event_sessions')
      .innerJoin('events', 'events.id', 'event_sessions.event_id')
      .leftJoin('museums', 'museums.id', 'events.museum_id')
      .where('events.published', 'is not', null)
      .select([
        'event_sessions.id',
        'event_sessions.event_id',
        'event_sessions.starts_at',
        'event_sessions.ends_at',
        'event_sessions.all_day',
        'event_sessions.capacity',
        'event_sessions.registration_deadline',
        'event_sessions.status',
        'events.museum_id',
        'events.slug',
        'events.status as event_status',
        'events.time_zone',
        'events.published',
        'museums.slug as museum_slug',
        'museums.time_zone as museum_time_zone'
      ]);
  }

  async find(sessionId: number, trx?: Transaction<DB>): Promise<RegistrationSession | undefined> {
    const row = await this.query(trx ?? this.db)
      .where('event_sessions.id', '=', sessionId)
      .executeTakeFirst();
    return row && toSession(row);
  }

  /** The event's sessions in time order, removed ones left out. */
  async ofEvent(eventId: number): Promise<RegistrationSession[]> {
    const rows = await this.query(this.db)
      .where('event_sessions.event_id', '=', eventId)
      .where('event_sessions.status', '<>', 'removed')
      .orderBy('event_sessions.starts_at')
      .orderBy('event_sessions.id')
      .execute();
    return rows.map(toSession);
  }
}

function toSession(row: {
  id: number;
  event_id: number;
  starts_at: string;
  ends_at: string | null;
  all_day: number;
  capacity: number | null;
  registration_deadline: string | null;
  status: string;
  museum_id: number | null;
  slug: string;
  event_status: string | null;
  time_zone: string | null;
  published: unknown;
  museum_slug: string | null;
  museum_time_zone: string | null;
}): RegistrationSession {
  const record = decodeRecord(row.published);
  return {
    id: row.id,
    eventId: row.event_id,
    museumId: row.museum_id,
    cancelled:
      row.status === 'cancelled' || row.status === 'removed' || row.event_status === 'cancelled',
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    allDay: row.all_day === 1,
    capacity: record.registration.enabled ? row.capacity : null,
    deadline: row.registration_deadline,
    timeZone: row.time_zone ?? row.museum_time_zone ?? 'Asia/Vladivostok',
    title: record.title,
    path: eventPath(row.museum_slug, row.slug),
    groups: record.registration.group,
    maxPeople: record.registration.maxPeople,
    phone: record.registration.phone,
    questions: record.registration.questions.map((q) => ({ label: q.label, required: q.required }))
  };
}
