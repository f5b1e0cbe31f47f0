import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';

/** One session of a published event, as registration needs it. */
export interface RegistrationSession {
  id: number;
  eventId: number;
  /** The organiser; null for the association's own events. */
  museumId: number | null;
  /** The session or its whole event is cancelled. */
  cancelled: boolean;
  startsAt: string;
  endsAt: string | null;
  allDay: boolean;
  /** People; null when the session takes no registrations. */
  capacity: number | null;
  deadline: string | null;
  timeZone: string;
  title: { ru: string; en: string };
  /** The event page's path without the language prefix: `/events/…`. */
  path: string;
  /** School and class fields (group registrations). */
  groups: boolean;
  /** How many people one registration may bring. */
  maxPeople: number;
  phone: 'required' | 'optional';
  questions: { label: { ru: string; en: string }; required: boolean }[];
}

export type { SessionChange } from '../events/sessions';

/** The sessions registration counts against; read inside the lock's transaction when given. */
export interface SessionSource {
  find(sessionId: number, trx?: Transaction<DB>): Promise<RegistrationSession | undefined>;
  ofEvent(eventId: number): Promise<RegistrationSession[]>;
}
