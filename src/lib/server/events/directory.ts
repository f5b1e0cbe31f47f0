import type { Locale } from '$lib/shared/museum';
import { pick } from '$lib/shared/localize';
import {
  eventPath,
  type EventCard,
  type EventOrigin,
  type EventRecord,
  type EventSessionView,
  type EventView,
  type EventVenueView
} from '$lib/shared/event';
import { calendarPeriod, type CalendarPeriod } from '$lib/shared/calendar';
import { localDateOf } from '$lib/shared/event-time';
import { sanitizeRichText } from '../content/rich-text';
import { responsiveImage } from '../media/responsive';
import { associationTimeZone } from '../auth/audit-lines';
import type { EventAssets } from './editor';
import type { CalendarFilter, EventRepository } from './repository';
import { sessionRows } from './sessions';

type Pair = { ru: string; en: string };
const text = (locale: Locale, value: Pair) => pick(locale, value.ru, value.en);
const optional = (locale: Locale, value: Pair | null | undefined) =>
  value ? text(locale, value) || null : null;

type Published = Awaited<ReturnType<EventRepository['publishedAmong']>>[number];
type SessionLine = Awaited<ReturnType<EventRepository['calendarSessions']>>[number];

/** One day of the calendar: how many sessions, and the first few as cards. */
export interface CalendarDay {
  date: string;
  count: number;
  cards: EventCard[];
}

export interface CalendarPage {
  period: CalendarPeriod;
  days: CalendarDay[];
  /** Exhibitions and other ranges of days running through the period: listed once, not per day. */
  ongoing: { count: number; cards: EventCard[] };
  total: number;
}

/** How many cards a day shows in each view before "all N" links to the day. */
export const cardsPerDay = { day: Infinity, week: 8, list: 8, month: 3 } as const;
const ongoingShown = 12;

/**
 * The public read model of events: a published event's page, the regional calendar, a museum's
 * upcoming events, in the visitor's language with times in the venue's zone.
 */
export class EventDirectory {
  constructor(
    private readonly events: EventRepository,
    /** No access check: only published records (and staff previews) ask. */
    private readonly assetsOf: EventAssets,
    /** Storage key → public URL. */
    private readonly urlOf: (key: string) => string
  ) {}

  async page(museumSlug: string | null, slug: string, locale: Locale): Promise<EventView | null> {
    const found = await this.events.publishedBySlug(museumSlug, slug);
    if (!found) return null;
    const [published] = await this.events.publishedAmong([found.id]);
    if (!published) return null;
    const sessions = (await this.events.sessionsOf(found.id)).filter((s) => s.status !== 'removed');
    return this.view(published, published.record, sessions, locale);
  }

  /** A version staff are working on, as visitors would see it (sessions not yet rows: id 0). */
  async preview(museumId: number | null, eventId: number, record: EventRecord, locale: Locale) {
    const event = await this.events.find(museumId, eventId);
    if (!event) return null;
    const [published] = await this.events.publishedAmong([eventId]);
    const place = await this.events.placement(museumId, record);
    const museum = (await this.events.museumOf(museumId)) ?? null;
    const venueMuseum =
      record.venue.kind === 'museum'
        ? ((await this.events.museumCard(record.venue.museumId)) ?? null)
        : null;
    const base: Published = {
      id: eventId,
      museumId,
      slug: event.slug,
      origin: event.origin,
      publishedAt: null,
      timeZone: place.timeZone,
      museum,
      venueMuseum,
      town: published?.town ?? null,
      district: published?.district ?? null,
      record
    };
    const sessions = sessionRows(record, place.timeZone).map((row) => ({ ...row, id: 0 }));
    return this.view(base, record, sessions, locale);
  }

  /** The calendar of a period: sessions by day in the region's zone, the first few as cards. */
  async calendar(
    filter: CalendarFilter,
    period: CalendarPeriod,
    locale: Locale
  ): Promise<CalendarPage> {
    const zone = associationTimeZone;
    const from = new Date(`${period.from}T00:00:00Z`);
    const to = new Date(`${period.to}T00:00:00Z`);
    // Widen by a day each side, then place by the region's date.
    const lines = await this.events.calendarSessions(
      filter,
      new Date(from.getTime() - 86_400_000).toISOString(),
      new Date(to.getTime() + 86_400_000).toISOString()
    );
    const perDay = cardsPerDay[period.view];
    const byDay = new Map(period.days.map((d) => [d, [] as SessionLine[]]));
    const ongoing: SessionLine[] = [];
    for (const line of lines) {
      const first = localDateOf(line.startsAt, zone);
      const last = line.endsAt ? localDateOf(new Date(Date.parse(line.endsAt) - 1), zone) : first;
      if (last < period.from || first >= period.to) continue;
      if (line.allDay && last > first) {
        // A range of days (an exhibition) is listed once for the period.
        if (period.view === 'day') byDay.get(period.from)?.push(line);
        else ongoing.push(line);
        continue;
      }
      byDay.get(first)?.push(line);
    }
    const shown = [
      ...[...byDay.values()].flatMap((day) => day.slice(0, perDay)),
      ...ongoing.slice(0, ongoingShown)
    ];
    const cards = await this.cards(shown, locale);
    const card = (line: SessionLine) => cards.get(line.sessionId);
    return {
      period,
      days: [...byDay].map(([date, day]) => ({
        date,
        count: day.length,
        cards: day.slice(0, perDay).flatMap((l) => card(l) ?? [])
      })),
      ongoing: {
        count: ongoing.length,
        cards: ongoing.slice(0, ongoingShown).flatMap((l) => card(l) ?? [])
      },
      total: [...byDay.values()].reduce((n, d) => n + d.length, 0) + ongoing.length
    };
  }

  /** The next sessions from now (a museum's page, the home page), one per event. */
  async upcoming(
    filter: CalendarFilter,
    now: Date,
    limit: number,
    locale: Locale
  ): Promise<EventCard[]> {
    const period = calendarPeriod('list', localDateOf(now, associationTimeZone), 62);
    const lines = await this.events.calendarSessions(
      filter,
      now.toISOString(),
      new Date(`${period.to}T00:00:00Z`).toISOString(),
      limit * 10
    );
    const seen = new Set<number>();
    const picked = lines.filter((l) => {
      if (seen.has(l.eventId) || l.status === 'cancelled') return false;
      seen.add(l.eventId);
      return true;
    });
    const cards = await this.cards(picked.slice(0, limit), locale);
    return picked.slice(0, limit).flatMap((l) => cards.get(l.sessionId) ?? []);
  }

  /** Filter choices: towns, districts and museums in the visitor's language. */
  async choices(locale: Locale) {
    const found = await this.events.filterChoices();
    const named = (rows: { slug: string; name: Pair }[]) =>
      rows.map((r) => ({ slug: r.slug, name: text(locale, r.name) }));
    return {
      towns: named(found.towns),
      districts: named(found.districts),
      museums: named(found.museums)
    };
  }

  /** Cards for session lines, by session id. */
  async cards(lines: SessionLine[], locale: Locale): Promise<Map<number, EventCard>> {
    const events = new Map(
      (await this.events.publishedAmong([...new Set(lines.map((l) => l.eventId))])).map((e) => [
        e.id,
        e
      ])
    );
    const cards = new Map<number, EventCard>();
    for (const line of lines) {
      const event = events.get(line.eventId);
      if (event) cards.set(line.sessionId, this.card(event, line, locale));
    }
    return cards;
  }

  private card(event: Published, line: SessionLine, locale: Locale): EventCard {
    const { record } = event;
    return {
      eventId: event.id,
      sessionId: line.sessionId,
      path: eventPath(event.museum?.slug ?? null, event.slug),
      kind: record.kind,
      title: text(locale, record.title),
      organiser: event.museum ? text(locale, event.museum.name) : null,
      place: placeLine(event, locale),
      startsAt: line.startsAt,
      endsAt: line.endsAt,
      allDay: line.allDay,
      timeZone: event.timeZone,
      ageRating: record.ageRating,
      free: record.price.kind === 'free',
      pushkinCard: record.price.kind === 'ticketed' && record.price.pushkinCard,
      forSchools: record.forSchools,
      status: line.status,
      origin: event.origin
    };
  }

  private async view(
    event: Published,
    record: EventRecord,
    sessions: (Omit<EventSessionView, 'id'> & { id: number })[],
    locale: Locale
  ): Promise<EventView> {
    const cover = record.coverAssetId
      ? (await this.assetsOf(event.museumId, [record.coverAssetId])).find(
          (a) => a.status === 'ready' && a.rendition
        )
      : undefined;
    const venue: EventVenueView =
      record.venue.kind === 'museum' && event.venueMuseum
        ? {
            kind: 'museum',
            museum: {
              id: event.venueMuseum.id,
              slug: event.venueMuseum.slug,
              name: text(locale, event.venueMuseum.name)
            },
            address: event.venueMuseum.address ? text(locale, event.venueMuseum.address) : null,
            settlement: event.town ? text(locale, event.town) : null
          }
        : {
            kind: 'address',
            address: record.venue.kind === 'address' ? text(locale, record.venue.address) : '',
            settlement: event.town ? text(locale, event.town) : null,
            district: event.district ? text(locale, event.district) : null
          };
    return {
      id: event.id,
      slug: event.slug,
      museum: event.museum
        ? { slug: event.museum.slug, name: text(locale, event.museum.name) }
        : null,
      path: eventPath(event.museum?.slug ?? null, event.slug),
      origin: event.origin as EventOrigin,
      kind: record.kind,
      title: text(locale, record.title),
      lead: optional(locale, record.lead),
      descriptionHtml: record.description
        ? sanitizeRichText(text(locale, record.description)) || null
        : null,
      cover: cover?.rendition
        ? {
            image: responsiveImage(cover.rendition, this.urlOf, cover.focal),
            alt: text(locale, cover.alt)
          }
        : null,
      timeZone: event.timeZone,
      dateKind: record.dates.kind,
      sessions: sessions.map((s) => ({
        id: s.id,
        key: s.key,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        allDay: s.allDay,
        status: s.status,
        capacity: s.capacity,
        registrationDeadline: s.registrationDeadline
      })),
      venue,
      ageRating: record.ageRating,
      price:
        record.price.kind === 'free'
          ? { kind: 'free' }
          : {
              kind: 'ticketed',
              text: text(locale, record.price.text),
              pushkinCard: record.price.pushkinCard
            },
      status: record.status,
      statusNote: optional(locale, record.statusNote),
      contact: record.contact
        ? {
            name: text(locale, record.contact.name),
            position: optional(locale, record.contact.position),
            phone: record.contact.phone ?? null,
            email: record.contact.email ?? null
          }
        : null,
      forSchools: record.forSchools,
      registration: {
        enabled: record.registration.enabled,
        group: record.registration.group,
        maxPeople: record.registration.maxPeople,
        phone: record.registration.phone,
        questions: record.registration.questions.map((q) => ({
          key: q.key,
          label: text(locale, q.label),
          required: q.required
        }))
      },
      publishedAt: event.publishedAt
    };
  }
}

/** "Museum name" at a member museum, else "Town, address". */
function placeLine(event: Published, locale: Locale): string | null {
  if (event.record.venue.kind === 'museum' && event.venueMuseum)
    return text(locale, event.venueMuseum.name);
  const parts = [
    event.town ? text(locale, event.town) : null,
    event.record.venue.kind === 'address' ? text(locale, event.record.venue.address) : null
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}
