import { z } from 'zod';
import { localized, slug, text } from './fields';
import type { ResponsiveImage } from './media';

/**
 * Events of museums and of the association: exhibitions, tours, lectures, seminars… on one date,
 * over a range of days or in several sessions. What staff edit (EventInput, checked by zod on the
 * server) and what visitors' pages get (EventView, EventCard: one language, instants resolved).
 *
 * Dates are kept as the organiser typed them: wall-clock dates and times in the venue's time zone
 * (`timeZone` of the venue museum, of a free address, else of the organiser). On publishing, every
 * session becomes a row of `event_sessions` with UTC instants, matched by its key (`s1`, `s2` …)
 * so the row, and the registrations counted against it, stay when its time moves.
 */

const id = z.number().int().positive();
/** A key stable within one event (`s1`, `q1` …): rows, anchors and session rows keep to it. */
const key = text.regex(/^[a-z][a-z0-9-]{0,31}$/, 'key: a–z, digits and hyphens');
/** A text that may be left out: both languages, or none. */
const optionalPair = localized.nullish();
const optionalText = text.nullish().transform((v) => (v ? v : null));
/** 'HH:MM', 24-hour. */
export const wallTime = text.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time: HH:MM');
/** 'YYYY-MM-DDTHH:MM' as a wall clock (what <input type="datetime-local"> sends). */
export const wallDateTime = text.regex(
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/,
  'date and time: YYYY-MM-DDTHH:MM'
);

export const eventKinds = [
  'exhibition',
  'guided-tour',
  'lecture',
  'master-class',
  'school-programme',
  /** A seminar or a strategic session. */
  'seminar',
  'concert',
  /** A stop of a travelling exhibition. */
  'travelling-stop'
] as const;
export type EventKind = (typeof eventKinds)[number];

export const ageRatings = ['0+', '6+', '12+', '16+', '18+'] as const;
export type AgeRating = (typeof ageRatings)[number];

export const eventStatuses = ['scheduled', 'moved', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** How the dates read: one day, a range of whole days (exhibitions), several sessions with times. */
export const eventDateKinds = ['single', 'range', 'sessions'] as const;
export type EventDateKind = (typeof eventDateKinds)[number];

/**
 * One occurrence. `date` (+ `until` for a range) are civil dates, `start`/`end` wall-clock times in
 * the event's zone; no `start` means all day. `capacity` and `deadline` (a wall clock) count only
 * when registration is on.
 */
export const eventSession = z.object({
  key,
  date: z.iso.date(),
  /** The last day of a range (inclusive). */
  until: z.iso.date().nullish(),
  start: wallTime.nullish(),
  end: wallTime.nullish(),
  /** Places for registration (people). */
  capacity: z.number().int().min(1).max(100000).nullish(),
  /** Registration closes at this wall clock; none: when the session starts. */
  deadline: wallDateTime.nullish(),
  /** One session of several called off; the rest go on. */
  cancelled: z.boolean().default(false)
});
export type EventSession = z.output<typeof eventSession>;

export const eventDates = z
  .object({
    kind: z.enum(eventDateKinds),
    sessions: z.array(eventSession).min(1).max(200)
  })
  .superRefine((dates, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (dates.kind !== 'sessions' && dates.sessions.length > 1)
      issue(['sessions'], 'sessions: one date only, or choose "several sessions"');
    dates.sessions.forEach((s, i) => {
      if (dates.kind === 'range') {
        if (!s.until) issue(['sessions', i, 'until'], 'until: the last day of the range');
        else if (s.until < s.date) issue(['sessions', i, 'until'], 'until: not before the start');
      }
      if (dates.kind === 'sessions' && !s.start)
        issue(['sessions', i, 'start'], 'start: a session needs its starting time');
      if (s.end && !s.start) issue(['sessions', i, 'start'], 'start: needed with an end time');
      if (s.start && s.end && s.end <= s.start && !(s.until && s.until > s.date))
        issue(['sessions', i, 'end'], 'end: after the start');
    });
  });
export type EventDates = z.output<typeof eventDates>;

/** Where: a member museum (its address and zone), or a free address. */
export const eventVenue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('museum'), museumId: id }),
  z.object({
    kind: z.literal('address'),
    settlementSlug: text.nullish(),
    districtSlug: text.nullish(),
    address: localized,
    /** IANA zone of the place; none: the organiser's. */
    timeZone: text.nullish()
  })
]);
export type EventVenue = z.output<typeof eventVenue>;

export const eventPrice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }),
  z.object({
    kind: z.literal('ticketed'),
    /** "300 ₽, children 150 ₽". */
    text: localized,
    /** Tickets may be paid with the Pushkin card. */
    pushkinCard: z.boolean().default(false)
  })
]);
export type EventPrice = z.output<typeof eventPrice>;

export const eventContact = z.object({
  name: localized,
  position: optionalPair,
  phone: optionalText,
  email: z.email().nullish()
});
export type EventContact = z.output<typeof eventContact>;

export const registrationQuestion = z.object({
  key,
  label: localized,
  required: z.boolean().default(false)
});

/** Registration: on or off; capacity and deadline are per session. */
export const eventRegistration = z.object({
  enabled: z.boolean().default(false),
  /** Group registration: the form asks for the school and class. */
  group: z.boolean().default(false),
  /** How many people one registration may bring. */
  maxPeople: z.number().int().min(1).max(100).default(1),
  phone: z.enum(['required', 'optional']).default('optional'),
  questions: z.array(registrationQuestion).max(20).default([])
});
export type EventRegistration = z.output<typeof eventRegistration>;

export const eventInput = z
  .object({
    slug,
    kind: z.enum(eventKinds),
    title: localized,
    lead: optionalPair,
    /** Rich text, cleaned by the one sanitiser on every save. */
    description: optionalPair,
    /** An image of the owner's media library. */
    coverAssetId: id.nullish(),
    dates: eventDates,
    venue: eventVenue,
    ageRating: z.enum(ageRatings),
    price: eventPrice.default({ kind: 'free' }),
    status: z.enum(eventStatuses).default('scheduled'),
    /** "Moved to 5 December", "cancelled because of the weather". */
    statusNote: optionalPair,
    contact: eventContact.nullish(),
    forSchools: z.boolean().default(false),
    registration: eventRegistration.default({
      enabled: false,
      group: false,
      maxPeople: 1,
      phone: 'optional',
      questions: []
    })
  })
  .superRefine((event, ctx) => {
    const sessions = new Set<string>();
    event.dates.sessions.forEach((s, i) => {
      if (sessions.has(s.key))
        ctx.addIssue({
          code: 'custom',
          path: ['dates', 'sessions', i, 'key'],
          message: 'key: used twice'
        });
      sessions.add(s.key);
      if (event.registration.enabled && !s.cancelled && !s.capacity)
        ctx.addIssue({
          code: 'custom',
          path: ['dates', 'sessions', i, 'capacity'],
          message: 'capacity: how many people may register'
        });
    });
    const questions = new Set<string>();
    event.registration.questions.forEach((q, i) => {
      if (questions.has(q.key))
        ctx.addIssue({
          code: 'custom',
          path: ['registration', 'questions', i, 'key'],
          message: 'key: used twice'
        });
      questions.add(q.key);
    });
  });
export type EventInput = z.input<typeof eventInput>;
export type EventRecord = z.output<typeof eventInput>;

/** Where an event came from: demo ones are invented or drawn from the seeds and say so. */
export type EventOrigin = 'staff' | 'demo';

/** A session row's state: `removed` when a republished version no longer has it. */
export const sessionStatuses = ['scheduled', 'moved', 'cancelled', 'removed'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** One session as visitors see it: UTC instants, shown in the event's zone. */
export interface EventSessionView {
  /** The `event_sessions` row: what registration counts against. */
  id: number;
  key: string;
  startsAt: string;
  /** Null: no end announced. */
  endsAt: string | null;
  allDay: boolean;
  status: SessionStatus;
  /** Null: no registration for this session. */
  capacity: number | null;
  registrationDeadline: string | null;
}

export type EventVenueView =
  | {
      kind: 'museum';
      museum: { id: number; slug: string; name: string };
      address: string | null;
      settlement: string | null;
    }
  | { kind: 'address'; address: string; settlement: string | null; district: string | null };

/** A published event as its public page gets it. */
export interface EventView {
  id: number;
  slug: string;
  /** The organiser: a museum, or null for the association's own event. */
  museum: { slug: string; name: string } | null;
  /** The page's path without the locale prefix. */
  path: string;
  origin: EventOrigin;
  kind: EventKind;
  title: string;
  lead: string | null;
  descriptionHtml: string | null;
  cover: { image: ResponsiveImage; alt: string } | null;
  /** The zone times are shown in (IANA). */
  timeZone: string;
  dateKind: EventDateKind;
  sessions: EventSessionView[];
  venue: EventVenueView;
  ageRating: AgeRating;
  price: { kind: 'free' } | { kind: 'ticketed'; text: string; pushkinCard: boolean };
  status: EventStatus;
  statusNote: string | null;
  contact: {
    name: string;
    position: string | null;
    phone: string | null;
    email: string | null;
  } | null;
  forSchools: boolean;
  registration: {
    enabled: boolean;
    group: boolean;
    maxPeople: number;
    phone: 'required' | 'optional';
    questions: { key: string; label: string; required: boolean }[];
  };
  publishedAt: string | null;
}

/** One session of an event in a calendar or a list. */
export interface EventCard {
  eventId: number;
  sessionId: number;
  path: string;
  kind: EventKind;
  title: string;
  /** The organiser's name; null for the association. */
  organiser: string | null;
  /** "Museum name" or "Amursk, Lenina 1". */
  place: string | null;
  startsAt: string;
  endsAt: string | null;
  allDay: boolean;
  timeZone: string;
  ageRating: AgeRating;
  free: boolean;
  pushkinCard: boolean;
  forSchools: boolean;
  status: SessionStatus;
  origin: EventOrigin;
}

/** The public path of an event, without the locale prefix. */
export function eventPath(museumSlug: string | null, eventSlug: string): string {
  return museumSlug
    ? `/museums/${museumSlug}/events/${eventSlug}`
    : `/association/events/${eventSlug}`;
}
