import { m } from '$lib/paraglide/messages';
import type { DayHours, HoursStatus } from '$lib/server/hours/hours';
import type { Locale } from '$lib/shared/museum';

/** Comments museums write in their rules that we can say in both languages. */
const knownComments: Record<string, () => string> = {
  'sanitary day': m.comment_sanitary_day,
  'sanitation day': m.comment_sanitary_day,
  'санитарный день': m.comment_sanitary_day,
  'by arrangement': m.comment_by_arrangement,
  'by appointment': m.comment_by_arrangement,
  'по договорённости': m.comment_by_arrangement
};

export function commentText(comment: string | null): string | null {
  if (!comment) return null;
  return knownComments[comment.trim().toLowerCase()]?.() ?? comment;
}

interface Context {
  locale: Locale;
  timeZone: string;
  now: Date;
  phone: string | null;
}

/** One sentence a visitor reads first: "Open, closes at 18:00", "Closed today: sanitary day, opens tomorrow at 10:00". */
export function describeHours(status: HoursStatus, ctx: Context): string {
  switch (status.kind) {
    case 'none':
      return m.hours_none();
    case 'by-arrangement':
      return ctx.phone
        ? m.hours_sentence({
            status: m.hours_by_arrangement(),
            next: m.hours_call({ phone: ctx.phone })
          })
        : m.hours_by_arrangement();
    case 'open':
      if (!status.closesAt) return m.hours_open_always();
      return sameLocalDay(status.closesAt, ctx.now, ctx.timeZone)
        ? m.hours_open_closes({ time: clock(status.closesAt, ctx) })
        : m.hours_open_until({
            day: weekdayName(status.closesAt, ctx),
            time: clock(status.closesAt, ctx)
          });
    case 'closed': {
      const reason = commentText(status.reason);
      const head = reason
        ? m.hours_closed_reason({ reason })
        : status.holiday
          ? m.hours_closed_holiday({ holiday: status.holiday.name[ctx.locale] })
          : m.hours_closed();
      if (!status.opensAt) return head;
      return m.hours_sentence({ status: head, next: opensPhrase(status.opensAt, ctx) });
    }
  }
}

function opensPhrase(at: Date, ctx: Context): string {
  const time = clock(at, ctx);
  const days = dayDifference(ctx.now, at, ctx.timeZone);
  if (days === 0) return m.hours_opens_today({ time });
  if (days === 1) return m.hours_opens_tomorrow({ time });
  return m.hours_opens_on({ day: onWeekday(at, ctx), time });
}

export function clock(at: Date, ctx: { locale: Locale; timeZone: string }): string {
  return new Intl.DateTimeFormat(ctx.locale, {
    timeZone: ctx.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).format(at);
}

function weekdayName(at: Date, ctx: { locale: Locale; timeZone: string }) {
  return new Intl.DateTimeFormat(ctx.locale, { timeZone: ctx.timeZone, weekday: 'long' }).format(
    at
  );
}

const onWeekdays = [
  m.on_weekday_1,
  m.on_weekday_2,
  m.on_weekday_3,
  m.on_weekday_4,
  m.on_weekday_5,
  m.on_weekday_6,
  m.on_weekday_7
];

function onWeekday(at: Date, ctx: { timeZone: string }) {
  const short = new Intl.DateTimeFormat('en-US', {
    timeZone: ctx.timeZone,
    weekday: 'short'
  }).format(at);
  const index = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(short);
  return (onWeekdays[index] ?? onWeekdays[0]!)();
}

function localDay(at: Date, timeZone: string): number {
  const s = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit'
  }).format(at);
  return Date.parse(`${s}T00:00:00Z`) / 86_400_000;
}

function sameLocalDay(a: Date, b: Date, timeZone: string) {
  return localDay(a, timeZone) === localDay(b, timeZone);
}

function dayDifference(from: Date, to: Date, timeZone: string) {
  return localDay(to, timeZone) - localDay(from, timeZone);
}

/** One day's hours as the week table says them: '10:00–18:00', 'Выходной: санитарный день'. */
export function dayHoursText(day: DayHours, locale: Locale): string {
  if (day.intervals.length > 0) {
    const times = day.intervals.map((i) => `${i.from}–${i.to}`).join(', ');
    return day.comment ? `${times} (${commentText(day.comment)})` : times;
  }
  if (day.byArrangement) return m.hours_by_arrangement_short();
  const reason = commentText(day.comment) ?? day.holiday?.name[locale];
  return reason ? `${m.hours_day_off()}: ${reason}` : m.hours_day_off();
}

/** Whether a museum page shows the week table under the sentence (not for "none" or "by arrangement"). */
export function showsWeekTable(status: HoursStatus): boolean {
  return status.kind !== 'none' && status.kind !== 'by-arrangement';
}

/** '2026-11-27' → 'пятница, 27 ноября' / 'Friday, 27 November'. */
export function dayLabel(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long'
  }).format(new Date(`${date}T12:00:00Z`));
}

/** 'Asia/Vladivostok' → 'UTC+10': what a visitor understands of a time zone. */
export function utcOffset(timeZone: string, at: Date): string {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  return (name ?? 'GMT').replace('GMT', 'UTC').replace(/^UTC$/, 'UTC+0');
}
