import type { EventRecord, EventSession, SessionStatus } from '$lib/shared/event';
import { addDays, instantOfWallClock, parseIsoDate } from '../hours/timezone';

/** A session as `event_sessions` holds it: UTC instants computed from the organiser's wall clock. */
export interface SessionRow {
  key: string;
  startsAt: string;
  endsAt: string | null;
  allDay: boolean;
  capacity: number | null;
  /** When registration closes: the deadline given, else the start. Null without registration. */
  registrationDeadline: string | null;
  status: SessionStatus;
}

/** What happened to a published session on republishing, for everyone registered for it. */
export interface SessionChange {
  sessionId: number;
  key: string;
  /** moved: its time changed; cancelled: it or the event is called off; removed: dropped from the event. */
  kind: 'moved' | 'cancelled' | 'removed';
  before: { startsAt: string; endsAt: string | null };
  /** Null when the session was removed. */
  after: { startsAt: string; endsAt: string | null } | null;
}

/** The instant a civil date and 'HH:MM' (midnight when none) show in `timeZone`, as ISO. */
export function wallInstant(date: string, time: string | null | undefined, timeZone: string) {
  const { year, month, day } = parseIsoDate(date);
  const [hour = 0, minute = 0] = (time ?? '00:00').split(':').map(Number);
  return instantOfWallClock({ year, month, day, hour, minute, second: 0 }, timeZone).toISOString();
}

/** 'YYYY-MM-DDTHH:MM' read in `timeZone`, as an ISO instant. */
export function wallDateTimeInstant(value: string, timeZone: string): string {
  const [date = '', time = '00:00'] = value.split('T');
  return wallInstant(date, time, timeZone);
}

/**
 * A session's instants. Without a start it is all day: from midnight of its first day to midnight
 * after its last. With a start and no end, the end is not announced.
 */
export function sessionInstants(session: EventSession, timeZone: string) {
  const last = session.until ?? session.date;
  if (!session.start)
    return {
      startsAt: wallInstant(session.date, null, timeZone),
      endsAt: wallInstant(addDays(last, 1), null, timeZone),
      allDay: true
    };
  return {
    startsAt: wallInstant(session.date, session.start, timeZone),
    endsAt: session.end ? wallInstant(last, session.end, timeZone) : null,
    allDay: false
  };
}

/** The session rows a published record stands for, in its zone. */
export function sessionRows(record: EventRecord, timeZone: string): SessionRow[] {
  return record.dates.sessions.map((session) => {
    const at = sessionInstants(session, timeZone);
    const registering = record.registration.enabled && !!session.capacity;
    const status: SessionStatus =
      record.status === 'cancelled' || session.cancelled
        ? 'cancelled'
        : record.status === 'moved'
          ? 'moved'
          : 'scheduled';
    return {
      key: session.key,
      ...at,
      capacity: registering ? (session.capacity ?? null) : null,
      registrationDeadline: registering
        ? session.deadline
          ? wallDateTimeInstant(session.deadline, timeZone)
          : at.startsAt
        : null,
      status
    };
  });
}

const sameInstant = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));

/**
 * What changed for sessions already published: matched by key, a session whose time moved, one
 * called off, one dropped. New sessions have nobody registered and are not changes.
 */
export function sessionChanges(
  before: ({ id: number } & Pick<SessionRow, 'key' | 'startsAt' | 'endsAt' | 'status'>)[],
  after: SessionRow[]
): SessionChange[] {
  const next = new Map(after.map((row) => [row.key, row]));
  const changes: SessionChange[] = [];
  for (const old of before) {
    if (old.status === 'removed' || old.status === 'cancelled') continue;
    const was = { startsAt: old.startsAt, endsAt: old.endsAt };
    const now = next.get(old.key);
    if (!now) {
      changes.push({ sessionId: old.id, key: old.key, kind: 'removed', before: was, after: null });
      continue;
    }
    const becomes = { startsAt: now.startsAt, endsAt: now.endsAt };
    if (now.status === 'cancelled')
      changes.push({
        sessionId: old.id,
        key: old.key,
        kind: 'cancelled',
        before: was,
        after: becomes
      });
    else if (!sameInstant(old.startsAt, now.startsAt) || !sameInstant(old.endsAt, now.endsAt))
      changes.push({ sessionId: old.id, key: old.key, kind: 'moved', before: was, after: becomes });
  }
  return changes;
}

/**
 * Who is told when published sessions move or are called off: the registrations domain
 * (`RegistrationNotices.sessionsChanged`), which writes to everyone registered for them.
 */
export interface SessionNotices {
  sessionsChanged(eventId: number, changes: SessionChange[]): Promise<void>;
}

/** Nobody to tell (before registration exists, in tests about something else). */
export const noSessionNotices: SessionNotices = { sessionsChanged: async () => {} };
