import ical, { ICalEventStatus } from 'ical-generator';
import type { Locale } from '$lib/shared/museum';
import { pick } from '$lib/shared/localize';
import { eventPath } from '$lib/shared/event';
import { localDateOf } from '$lib/shared/event-time';
import { plainText } from '../content/rich-text';
import type { CalendarFilter, EventRepository } from './repository';

type Published = Awaited<ReturnType<EventRepository['publishedAmong']>>[number];
type Session = Awaited<ReturnType<EventRepository['sessionsOf']>>[number];

/** How far feeds reach: a week back (what just happened) and three months ahead. */
const feedWindow = { backDays: 7, aheadDays: 92 };

/**
 * iCalendar feeds of published events: everything, narrowed like the calendar (a museum, a kind,
 * a town…), or one event ("add to calendar"). Times are UTC instants, so every calendar shows
 * them right whatever its zone; a whole-day session is a DATE in the venue's zone. UIDs name the
 * session row, which stays while its time moves; a cancelled session is STATUS:CANCELLED.
 */
export class EventFeeds {
  constructor(
    private readonly events: EventRepository,
    /** The site's origin, for links and UIDs. */
    private readonly origin: string,
    private readonly clock: () => Date
  ) {}

  async feed(filter: CalendarFilter, name: string, locale: Locale): Promise<string> {
    const now = this.clock().getTime();
    const lines = await this.events.calendarSessions(
      filter,
      new Date(now - feedWindow.backDays * 86_400_000).toISOString(),
      new Date(now + feedWindow.aheadDays * 86_400_000).toISOString()
    );
    const events = new Map(
      (await this.events.publishedAmong([...new Set(lines.map((l) => l.eventId))])).map((e) => [
        e.id,
        e
      ])
    );
    const calendar = this.calendar(name);
    for (const line of lines) {
      const event = events.get(line.eventId);
      if (event) this.add(calendar, event, { id: line.sessionId, ...line }, locale);
    }
    return calendar.toString();
  }

  /** One event's sessions (not removed ones); null when it is not published. */
  async single(eventId: number, locale: Locale): Promise<{ body: string; slug: string } | null> {
    const [event] = await this.events.publishedAmong([eventId]);
    if (!event) return null;
    const calendar = this.calendar(pick(locale, event.record.title.ru, event.record.title.en));
    for (const session of await this.events.sessionsOf(eventId))
      if (session.status !== 'removed') this.add(calendar, event, session, locale);
    return { body: calendar.toString(), slug: event.slug };
  }

  private calendar(name: string) {
    return ical({
      name,
      prodId: { company: 'Kraeved', product: 'events', language: 'RU' },
      ttl: 3600
    });
  }

  private add(
    calendar: ReturnType<typeof ical>,
    event: Published,
    session: Pick<Session, 'id' | 'startsAt' | 'endsAt' | 'allDay' | 'status'>,
    locale: Locale
  ) {
    const { record } = event;
    const text = (v: { ru: string; en: string }) => pick(locale, v.ru, v.en);
    const url = `${this.origin}${locale === 'en' ? '/en' : ''}${eventPath(event.museum?.slug ?? null, event.slug)}`;
    const place =
      record.venue.kind === 'museum' && event.venueMuseum
        ? [
            text(event.venueMuseum.name),
            event.venueMuseum.address && text(event.venueMuseum.address)
          ]
        : [
            event.town && text(event.town),
            record.venue.kind === 'address' && text(record.venue.address)
          ];
    const description = [
      record.lead ? text(record.lead) : null,
      record.description ? plainText(text(record.description)) : null,
      url
    ].filter(Boolean);
    const allDay = session.allDay;
    calendar.createEvent({
      id: `event-${event.id}-session-${session.id}@${new URL(this.origin).hostname}`,
      summary: text(record.title),
      description: description.join('\n\n'),
      location: place.filter(Boolean).join(', ') || null,
      url,
      allDay,
      // A whole day is a DATE of the venue's zone; a time is a UTC instant.
      start: allDay ? localDateOf(session.startsAt, event.timeZone) : new Date(session.startsAt),
      end: allDay
        ? session.endsAt
          ? localDateOf(session.endsAt, event.timeZone)
          : null
        : session.endsAt
          ? new Date(session.endsAt)
          : null,
      status:
        session.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: event.publishedAt ? new Date(event.publishedAt) : this.clock(),
      organizer:
        event.museum && record.contact?.email
          ? { name: text(event.museum.name), email: record.contact.email }
          : null
    });
  }
}
