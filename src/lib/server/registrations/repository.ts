import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Dialect } from '../db/connection';
import type { DB, RegistrationsTable, RegistrationStatus } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import { lockRowForUpdate } from '../db/locking';
import type { Locale } from '$lib/shared/museum';

type Executor = Kysely<DB> | Transaction<DB>;

export interface Registration {
  id: number;
  sessionId: number;
  eventId: number;
  status: RegistrationStatus;
  people: number;
  name: string;
  email: string;
  phone: string;
  school: string | null;
  className: string | null;
  answers: { question: string; answer: string }[];
  locale: Locale;
  attended: boolean;
  createdAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  cancelledBy: 'visitor' | 'staff' | 'event' | null;
  remindedAt: string | null;
}

export interface NewRegistration {
  sessionId: number;
  eventId: number;
  status: 'confirmed' | 'waitlisted';
  people: number;
  name: string;
  email: string;
  phone: string;
  school: string | null;
  className: string | null;
  answers: { question: string; answer: string }[];
  locale: Locale;
  consentText: string;
  cancelTokenHash: string;
  createdAt: string;
}

/** Places taken on a session: confirmed people and the length of its waitlist. */
export interface SessionLoad {
  confirmedPeople: number;
  waitlisted: number;
}

/** SQL for registrations, their waitlists, attendance and the association's consent text. */
export class RegistrationRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect
  ) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /** The session's row lock for the rest of the transaction; first thing in it. */
  lockSession(trx: Transaction<DB>, sessionId: number): Promise<boolean> {
    return lockRowForUpdate(trx, this.dialect, 'event_sessions', sessionId);
  }

  async confirmedPeople(executor: Executor, sessionId: number): Promise<number> {
    const row = await executor
      .selectFrom('registrations')
      .where('session_id', '=', sessionId)
      .where('status', '=', 'confirmed')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('people'), eb.lit(0)).as('people'))
      .executeTakeFirstOrThrow();
    return Number(row.people);
  }

  /** Confirmed people and waitlist length per session, for the event page's "places left". */
  async loads(sessionIds: number[]): Promise<Map<number, SessionLoad>> {
    const loads = new Map<number, SessionLoad>(
      sessionIds.map((id) => [id, { confirmedPeople: 0, waitlisted: 0 }])
    );
    if (sessionIds.length === 0) return loads;
    const rows = await this.db
      .selectFrom('registrations')
      .where('session_id', 'in', sessionIds)
      .where('status', '<>', 'cancelled')
      .groupBy(['session_id', 'status'])
      .select((eb) => [
        'session_id',
        'status',
        eb.fn.sum<number>('people').as('people'),
        eb.fn.countAll<number>().as('count')
      ])
      .execute();
    for (const row of rows) {
      const load = loads.get(row.session_id);
      if (!load) continue;
      if (row.status === 'confirmed') load.confirmedPeople = Number(row.people);
      else load.waitlisted = Number(row.count);
    }
    return loads;
  }

  async liveByEmail(
    executor: Executor,
    sessionId: number,
    email: string
  ): Promise<Registration | undefined> {
    const row = await executor
      .selectFrom('registrations')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('email', '=', email)
      .where('status', '<>', 'cancelled')
      .executeTakeFirst();
    return row && toRegistration(row);
  }

  async insert(trx: Transaction<DB>, r: NewRegistration): Promise<number> {
    const row = await trx
      .insertInto('registrations')
      .values({
        session_id: r.sessionId,
        event_id: r.eventId,
        status: r.status,
        people: r.people,
        name: r.name,
        email: r.email,
        phone: r.phone,
        school: r.school,
        class_name: r.className,
        answers: writeJson(r.answers),
        locale: r.locale,
        consent_text: r.consentText,
        cancel_token_hash: r.cancelTokenHash,
        created_at: r.createdAt,
        confirmed_at: r.status === 'confirmed' ? r.createdAt : null
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async find(id: number, executor: Executor = this.db): Promise<Registration | undefined> {
    const row = await executor
      .selectFrom('registrations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRegistration(row);
  }

  async findByTokenHash(hash: string): Promise<Registration | undefined> {
    const row = await this.db
      .selectFrom('registrations')
      .selectAll()
      .where('cancel_token_hash', '=', hash)
      .executeTakeFirst();
    return row && toRegistration(row);
  }

  /** False when it was cancelled already (a second use of the link, a double click). */
  async cancel(
    trx: Transaction<DB>,
    id: number,
    by: 'visitor' | 'staff' | 'event',
    now: Date
  ): Promise<boolean> {
    const result = await trx
      .updateTable('registrations')
      .set({ status: 'cancelled', cancelled_at: now.toISOString(), cancelled_by: by })
      .where('id', '=', id)
      .where('status', '<>', 'cancelled')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The session's waitlist, first come first. */
  async waitlist(trx: Transaction<DB>, sessionId: number): Promise<Registration[]> {
    const rows = await trx
      .selectFrom('registrations')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('status', '=', 'waitlisted')
      .orderBy('id')
      .execute();
    return rows.map(toRegistration);
  }

  async confirm(trx: Transaction<DB>, id: number, now: Date): Promise<void> {
    await trx
      .updateTable('registrations')
      .set({ status: 'confirmed', confirmed_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'waitlisted')
      .execute();
  }

  /** Everyone still registered (confirmed or waiting) for the given sessions. */
  async live(executor: Executor, sessionIds: number[]): Promise<Registration[]> {
    if (sessionIds.length === 0) return [];
    const rows = await executor
      .selectFrom('registrations')
      .selectAll()
      .where('session_id', 'in', sessionIds)
      .where('status', '<>', 'cancelled')
      .orderBy('session_id')
      .orderBy('id')
      .execute();
    return rows.map(toRegistration);
  }

  /** Every registration of an event, cancelled ones too, session by session in order. */
  async ofEvent(eventId: number): Promise<Registration[]> {
    const rows = await this.db
      .selectFrom('registrations')
      .selectAll()
      .where('event_id', '=', eventId)
      .orderBy('session_id')
      .orderBy('id')
      .execute();
    return rows.map(toRegistration);
  }

  /**
   * Marks who came to a session: the given registrations attended, the session's other
   * confirmed ones did not. Returns the ids whose mark changed.
   */
  async setAttendance(sessionId: number, attendedIds: number[]): Promise<number[]> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('registrations')
        .select(['id', 'attended'])
        .where('session_id', '=', sessionId)
        .where('status', '=', 'confirmed')
        .execute();
      const present = new Set(attendedIds);
      const changed = rows.filter((r) => (r.attended === 1) !== present.has(r.id));
      for (const row of changed)
        await trx
          .updateTable('registrations')
          .set({ attended: present.has(row.id) ? 1 : 0 })
          .where('id', '=', row.id)
          .execute();
      return changed.map((r) => r.id);
    });
  }

  /**
   * Published events that take registrations, of the given museums ('all': every owner, the
   * association's too), soonest first, with their places and how many registered.
   */
  async eventsTakingRegistrations(museums: number[] | 'all', from: string) {
    let query = this.db
      .selectFrom('events')
      .innerJoin('event_sessions', 'event_sessions.event_id', 'events.id')
      .leftJoin('registrations', (join) =>
        join
          .onRef('registrations.session_id', '=', 'event_sessions.id')
          .on('registrations.status', '<>', 'cancelled')
      )
      .leftJoin('museums', 'museums.id', 'events.museum_id')
      .where('events.published', 'is not', null)
      .where('event_sessions.capacity', 'is not', null)
      .where('event_sessions.status', '<>', 'removed')
      .groupBy([
        'events.id',
        'events.title_ru',
        'events.title_en',
        'museums.name_ru',
        'museums.name_en'
      ])
      .select((eb) => [
        'events.id',
        'events.title_ru',
        'events.title_en',
        'museums.name_ru as museum_ru',
        'museums.name_en as museum_en',
        eb.fn.min('event_sessions.starts_at').as('first_starts_at'),
        eb.fn.max('event_sessions.starts_at').as('last_starts_at'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when('registrations.status', '=', 'confirmed')
              .then(eb.ref('registrations.people'))
              .else(0)
              .end()
          )
          .as('confirmed_people'),
        eb.fn
          .sum<number>(
            eb.case().when('registrations.status', '=', 'waitlisted').then(1).else(0).end()
          )
          .as('waitlisted')
      ])
      .having((eb) => eb.fn.max('event_sessions.starts_at'), '>=', from)
      .orderBy('first_starts_at');
    if (museums !== 'all')
      query =
        museums.length === 0
          ? query.where(sql<boolean>`1 = 0`)
          : query.where('events.museum_id', 'in', museums);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      title: { ru: row.title_ru, en: row.title_en },
      museum: row.museum_ru === null ? null : { ru: row.museum_ru, en: row.museum_en ?? '' },
      firstStartsAt: String(row.first_starts_at),
      confirmedPeople: Number(row.confirmed_people ?? 0),
      waitlisted: Number(row.waitlisted ?? 0)
    }));
  }

  /** Takes the reminder for a registration: false when it was sent already (a second run). */
  async markReminded(trx: Transaction<DB>, id: number, now: Date): Promise<boolean> {
    const result = await trx
      .updateTable('registrations')
      .set({ reminded_at: now.toISOString() })
      .where('id', '=', id)
      .where('reminded_at', 'is', null)
      .where('status', '=', 'confirmed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Moved sessions remind again at their new time. */
  async forgetReminders(trx: Transaction<DB>, sessionId: number): Promise<void> {
    await trx
      .updateTable('registrations')
      .set({ reminded_at: null })
      .where('session_id', '=', sessionId)
      .execute();
  }

  async consent(): Promise<{ ru: string; en: string } | undefined> {
    const row = await this.db
      .selectFrom('registration_settings')
      .select(['consent_ru', 'consent_en'])
      .where('id', '=', 1)
      .executeTakeFirst();
    return row && { ru: row.consent_ru, en: row.consent_en };
  }

  async saveConsent(text: { ru: string; en: string }, now: Date): Promise<void> {
    await this.db
      .insertInto('registration_settings')
      .values({ id: 1, consent_ru: text.ru, consent_en: text.en, updated_at: now.toISOString() })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          consent_ru: text.ru,
          consent_en: text.en,
          updated_at: now.toISOString()
        })
      )
      .execute();
  }
}

function toRegistration(row: Selectable<RegistrationsTable>): Registration {
  return {
    id: row.id,
    sessionId: row.session_id,
    eventId: row.event_id,
    status: row.status,
    people: row.people,
    name: row.name,
    email: row.email,
    phone: row.phone,
    school: row.school,
    className: row.class_name,
    answers: readJson(row.answers),
    locale: row.locale,
    attended: row.attended === 1,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    cancelledAt: row.cancelled_at,
    cancelledBy: row.cancelled_by,
    remindedAt: row.reminded_at
  };
}
