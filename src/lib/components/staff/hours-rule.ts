/**
 * The opening-hours builder of the staff editor: a few plain choices (days, times, a lunch
 * break, the sanitary day, public holidays, "by arrangement") turned into an OpenStreetMap
 * `opening_hours` rule, and back when a rule is one the builder could have written.
 */

import type { HoursStatus } from '$lib/server/hours/hours';

/** The answer of the editor's preview endpoint (…/museums/[id]/hours-preview). */
export type HoursPreview =
  | {
      ok: true;
      /** The sentence a visitor reads, e.g. "Открыто, закроется в 18:00". */
      status: string;
      /** Which sentence it is, for the same look as on the museum page. */
      kind: HoursStatus['kind'];
      /** This week as the museum page's table shows it; empty when the page shows no table. */
      week: { day: string; hours: string; today: boolean; closed: boolean }[];
    }
  | { ok: false; message: string };

/** OpenStreetMap weekday abbreviations, Monday first (ISO weekday − 1). */
const osmDays = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

export const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;

export const byArrangementRule = '"by arrangement"';
export const sanitaryDayRule = 'Fr[-1] off "sanitary day"';
export const holidaysRule = 'PH off';

export interface HoursChoice {
  /** Visits only by arrangement: every other choice is ignored. */
  byArrangement: boolean;
  /** ISO weekdays (1 = Monday … 7 = Sunday) the museum is open. */
  days: number[];
  /** 'HH:MM' on the museum's clock. */
  opens: string;
  /** 'HH:MM'; '24:00' for midnight. */
  closes: string;
  lunch: { from: string; to: string } | null;
  /** Closed on the last Friday of every month. */
  sanitaryDay: boolean;
  /** Closed on public holidays. */
  closedOnHolidays: boolean;
}

export type ChoiceProblem = 'no-days' | 'bad-time' | 'closes-before-opens' | 'lunch-outside-hours';

/** What the builder shows when the current rule is not one it can read. */
export const defaultChoice: HoursChoice = {
  byArrangement: false,
  days: [2, 3, 4, 5, 6, 7],
  opens: '10:00',
  closes: '18:00',
  lunch: null,
  sanitaryDay: false,
  closedOnHolidays: false
};

const timePattern = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Minutes since midnight, or null for anything that is not 'HH:MM' (00:00–24:00). */
function minutes(time: string): number | null {
  const match = timePattern.exec(time);
  if (!match) return null;
  const hours = Number(match[1] ?? match[3]);
  const mins = Number(match[2] ?? match[4]);
  return hours * 60 + mins;
}

function openDays(choice: HoursChoice): number[] {
  return isoWeekdays.filter((day) => choice.days.includes(day));
}

/** Why the choice cannot be written as a rule yet, or null when it can. */
export function choiceProblem(choice: HoursChoice): ChoiceProblem | null {
  if (choice.byArrangement) return null;
  if (openDays(choice).length === 0) return 'no-days';
  const opens = minutes(choice.opens);
  const closes = minutes(choice.closes);
  const lunchFrom = choice.lunch ? minutes(choice.lunch.from) : 0;
  const lunchTo = choice.lunch ? minutes(choice.lunch.to) : 0;
  if (opens === null || closes === null || lunchFrom === null || lunchTo === null) {
    return 'bad-time';
  }
  if (opens === 24 * 60 || closes <= opens) return 'closes-before-opens';
  if (choice.lunch && !(opens < lunchFrom && lunchFrom < lunchTo && lunchTo < closes)) {
    return 'lunch-outside-hours';
  }
  return null;
}

/** [2,3,4,5,6,7] → 'Tu-Su'; [1,3,4,6] → 'Mo,We-Th,Sa': runs of consecutive days as ranges. */
export function daySpec(days: readonly number[]): string {
  const sorted = isoWeekdays.filter((day) => days.includes(day));
  const runs: [number, number][] = [];
  for (const day of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === day - 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs
    .map(([from, to]) =>
      from === to ? osmDays[from - 1] : `${osmDays[from - 1]}-${osmDays[to - 1]}`
    )
    .join(',');
}

/**
 * The rule for a choice, e.g. `Tu-Su 10:00-18:00; Mo off; Fr[-1] off "sanitary day"; PH off`.
 * Throws a RangeError when `choiceProblem` finds one.
 */
export function buildRule(choice: HoursChoice): string {
  const problem = choiceProblem(choice);
  if (problem) throw new RangeError(`cannot build an hours rule: ${problem}`);
  if (choice.byArrangement) return byArrangementRule;
  const open = openDays(choice);
  const closed = isoWeekdays.filter((day) => !open.includes(day));
  const times = choice.lunch
    ? `${choice.opens}-${choice.lunch.from},${choice.lunch.to}-${choice.closes}`
    : `${choice.opens}-${choice.closes}`;
  const parts = [`${daySpec(open)} ${times}`];
  if (closed.length > 0) parts.push(`${daySpec(closed)} off`);
  if (choice.sanitaryDay) parts.push(sanitaryDayRule);
  if (choice.closedOnHolidays) parts.push(holidaysRule);
  return parts.join('; ');
}

const dayRange = /^(Mo|Tu|We|Th|Fr|Sa|Su)(?:-(Mo|Tu|We|Th|Fr|Sa|Su))?$/;

function readDays(spec: string): number[] | null {
  const days: number[] = [];
  for (const piece of spec.split(',')) {
    const match = dayRange.exec(piece);
    if (!match) return null;
    const from = osmDays.indexOf(match[1] as (typeof osmDays)[number]) + 1;
    const to = match[2] ? osmDays.indexOf(match[2] as (typeof osmDays)[number]) + 1 : from;
    if (to < from) return null;
    for (let day = from; day <= to; day++) days.push(day);
  }
  return days;
}

const hhmm = '(\\d\\d:\\d\\d)';
const openPart = new RegExp(`^(\\S+) ${hhmm}-${hhmm}(?:,${hhmm}-${hhmm})?$`);

/**
 * The choice a rule was built from, when it is exactly what `buildRule` writes for some choice;
 * null for any other rule (the builder then starts from `defaultChoice`).
 */
export function readRule(rule: string): HoursChoice | null {
  const text = rule.trim();
  if (text === byArrangementRule) return { ...defaultChoice, byArrangement: true };
  const parts = text.split(/\s*;\s*/);
  const [first = '', ...rest] = parts;
  const match = openPart.exec(first);
  if (!match) return null;
  const days = readDays(match[1] ?? '');
  if (!days) return null;
  const [, , opens = '', firstTo = '', secondFrom, closes] = match;
  const choice: HoursChoice = {
    byArrangement: false,
    days,
    opens,
    closes: closes ?? firstTo,
    lunch: secondFrom && closes ? { from: firstTo, to: secondFrom } : null,
    sanitaryDay: rest.includes(sanitaryDayRule),
    closedOnHolidays: rest.includes(holidaysRule)
  };
  if (choiceProblem(choice)) return null;
  // Only a rule the builder would write itself: anything more is kept out of its reach.
  return buildRule(choice) === parts.join('; ') ? choice : null;
}
