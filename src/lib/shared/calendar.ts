/**
 * The regional calendar's periods: a day, a week (Monday to Sunday), a month, or a list of days
 * from a date. Pure civil-date arithmetic ('YYYY-MM-DD', computed in UTC so no zone shifts it);
 * the calendar reads days in the region's zone.
 */

export const calendarViews = ['day', 'week', 'month', 'list'] as const;
export type CalendarView = (typeof calendarViews)[number];

/** The list view's default length and the most it may cover. */
export const listDays = { default: 14, max: 62 };

export interface CalendarPeriod {
  view: CalendarView;
  /** First day (inclusive). */
  from: string;
  /** Day after the last (exclusive). */
  to: string;
  /** The days shown, in order. */
  days: string[];
  /** The date the previous and next period links open. */
  previous: string;
  next: string;
  /** The list view's length in days. */
  length: number;
}

const parse = (date: string) => {
  const [y = NaN, m = NaN, d = NaN] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};
const format = (at: Date) => at.toISOString().slice(0, 10);

export function shiftDays(date: string, days: number): string {
  const at = parse(date);
  at.setUTCDate(at.getUTCDate() + days);
  return format(at);
}

/** The same day-of-month `months` later, clamped to the month's last day. */
export function shiftMonths(date: string, months: number): string {
  const at = parse(date);
  const target = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0));
  target.setUTCDate(Math.min(at.getUTCDate(), last.getUTCDate()));
  return format(target);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  const day = parse(date).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isIsoDate(value: string | null | undefined): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && format(parse(value)) === value;
}

function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d < to; d = shiftDays(d, 1)) days.push(d);
  return days;
}

export function calendarPeriod(view: CalendarView, date: string, length = listDays.default) {
  switch (view) {
    case 'day':
      return period(view, date, shiftDays(date, 1), shiftDays(date, -1), shiftDays(date, 1), 1);
    case 'week': {
      const monday = shiftDays(date, 1 - weekday(date));
      const to = shiftDays(monday, 7);
      return period(view, monday, to, shiftDays(monday, -7), to, 7);
    }
    case 'month': {
      const first = `${date.slice(0, 7)}-01`;
      const to = shiftMonths(first, 1);
      return period(view, first, to, shiftMonths(first, -1), to, range(first, to).length);
    }
    case 'list': {
      const days = Math.min(Math.max(Math.trunc(length) || listDays.default, 1), listDays.max);
      const to = shiftDays(date, days);
      return period(view, date, to, shiftDays(date, -days), to, days);
    }
  }
}

function period(
  view: CalendarView,
  from: string,
  to: string,
  previous: string,
  next: string,
  length: number
): CalendarPeriod {
  return { view, from, to, days: range(from, to), previous, next, length };
}

/** The month view's grid: weeks from Monday, with the days outside the month as nulls. */
export function monthGrid(period: CalendarPeriod): (string | null)[][] {
  const lead = weekday(period.from) - 1;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...period.days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** "This weekend": Saturday and Sunday of this week; on Sunday, just today. */
export function weekend(today: string): { from: string; days: number } {
  const day = weekday(today);
  if (day === 7) return { from: today, days: 1 };
  return { from: shiftDays(today, 6 - day), days: 2 };
}
