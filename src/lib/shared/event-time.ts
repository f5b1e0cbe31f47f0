import type { Locale } from './museum';

/**
 * Event times as visitors read them: in the venue's zone, named ("10:00–12:00, Khabarovsk time"),
 * whatever zone the reader's device is in.
 */

/** Zones of the region and its neighbours by the names people use; others by their UTC offset. */
const zoneNames: Record<string, { ru: string; en: string }> = {
  'Asia/Vladivostok': { ru: 'хабаровское время', en: 'Khabarovsk time' },
  'Asia/Khabarovsk': { ru: 'хабаровское время', en: 'Khabarovsk time' },
  'Asia/Magadan': { ru: 'магаданское время', en: 'Magadan time' },
  'Asia/Sakhalin': { ru: 'сахалинское время', en: 'Sakhalin time' },
  'Asia/Yakutsk': { ru: 'якутское время', en: 'Yakutsk time' },
  'Europe/Moscow': { ru: 'московское время', en: 'Moscow time' }
};

/** The UTC offset of a zone at an instant: 'UTC+10'. */
export function utcOffsetOf(timeZone: string, at: Date): string {
  const name = cachedFormat('en', timeZone, { timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  return (name ?? 'GMT').replace('GMT', 'UTC').replace(/^UTC$/, 'UTC+0');
}

/** 'хабаровское время' / 'Khabarovsk time', else 'UTC+9'. */
export function zoneLabel(timeZone: string, locale: Locale, at = new Date()): string {
  return zoneNames[timeZone]?.[locale] ?? utcOffsetOf(timeZone, at);
}

/**
 * Formatters kept once made: making an Intl.DateTimeFormat costs far more than using one, and a
 * month of the calendar places thousands of sessions.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(intlLocale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${intlLocale}|${timeZone}|${JSON.stringify(options)}`;
  let found = dateFormats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(intlLocale, { timeZone, ...options });
    dateFormats.set(key, found);
  }
  return found;
}
function formatter(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions) {
  return cachedFormat(locale === 'en' ? 'en-GB' : 'ru', timeZone, options);
}

/** The civil date an instant falls on in a zone: 'YYYY-MM-DD'. */
export function localDateOf(instant: string | Date, timeZone: string): string {
  return cachedFormat('en-CA', timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit'
  }).format(new Date(instant));
}

/** '10:00' in the zone. */
export function timeOf(instant: string, timeZone: string): string {
  return formatter('ru', timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant)
  );
}

/** '5 декабря' / '5 December' (with the year when it is not `thisYear`). */
export function dayOf(instant: string, timeZone: string, locale: Locale, thisYear?: string) {
  const withYear =
    thisYear !== undefined && localDateOf(instant, timeZone).slice(0, 4) !== thisYear;
  return formatter(locale, timeZone, {
    day: 'numeric',
    month: 'long',
    ...(withYear && { year: 'numeric' })
  }).format(new Date(instant));
}

/** 'пятница' / 'Friday'. */
export function weekdayOf(instant: string, timeZone: string, locale: Locale): string {
  return formatter(locale, timeZone, { weekday: 'long' }).format(new Date(instant));
}

export interface SessionTimes {
  startsAt: string;
  endsAt: string | null;
  allDay: boolean;
}

/**
 * A session's date and times in its zone: '5 декабря, 10:00–12:00', '1–10 декабря' for a range
 * of days, '5 December, from 10:00' without an end. The zone is named separately.
 */
export function sessionWhen(
  session: SessionTimes,
  timeZone: string,
  locale: Locale,
  thisYear?: string
): string {
  const first = dayOf(session.startsAt, timeZone, locale, thisYear);
  if (session.allDay) {
    // An all-day session ends at midnight after its last day.
    const lastInstant = session.endsAt
      ? new Date(Date.parse(session.endsAt) - 1).toISOString()
      : session.startsAt;
    if (localDateOf(lastInstant, timeZone) === localDateOf(session.startsAt, timeZone))
      return first;
    return `${first} – ${dayOf(lastInstant, timeZone, locale, thisYear)}`;
  }
  const from = timeOf(session.startsAt, timeZone);
  if (!session.endsAt) return locale === 'en' ? `${first}, from ${from}` : `${first}, с ${from}`;
  const to = timeOf(session.endsAt, timeZone);
  if (localDateOf(session.endsAt, timeZone) === localDateOf(session.startsAt, timeZone))
    return `${first}, ${from}–${to}`;
  return `${first}, ${from} – ${dayOf(session.endsAt, timeZone, locale, thisYear)}, ${to}`;
}

/** Only the times of a session within its day: '10:00–12:00', '' when all day. */
export function sessionHours(session: SessionTimes, timeZone: string): string {
  if (session.allDay) return '';
  const from = timeOf(session.startsAt, timeZone);
  return session.endsAt ? `${from}–${timeOf(session.endsAt, timeZone)}` : from;
}
