import OpeningHours from 'opening_hours';
import type { nominatim_object } from 'opening_hours';
import { russianHolidayOn, type Holiday } from './holidays';
import {
  addDays,
  assertTimeZone,
  formatHourMinute,
  fromProcessLocal,
  isoDateOfWallClock,
  isoWeekday,
  processLocalMidnight,
  toProcessLocal,
  wallClockAt
} from './timezone';

export { russianHolidays, type Holiday } from './holidays';

/**
 * Museum opening hours: OpenStreetMap `opening_hours` rules evaluated in the museum's time zone.
 *
 * `opening_hours` only knows the process's local time, so every evaluation goes through a
 * "process-local" Date carrying the museum's wall clock (see ./timezone). Limitation of that
 * trick: `sunrise`/`sunset` rules are computed for the server's zone, not the museum's.
 */

export interface HoursInput {
  rule: string | null;
  timeZone: string;
}

export type RuleCheck = { ok: true } | { ok: false; message: { ru: string; en: string } };

export type HoursStatus =
  | { kind: 'none' }
  | { kind: 'open'; closesAt: Date | null; comment: string | null }
  | { kind: 'closed'; reason: string | null; holiday: Holiday | null; opensAt: Date | null }
  | { kind: 'by-arrangement'; comment: string | null };

/** 'HH:MM' on the museum's wall clock; `to` may be '24:00'. */
export interface Interval {
  from: string;
  to: string;
}

export interface DayHours {
  date: string;
  weekday: number;
  intervals: Interval[];
  comment: string | null;
  holiday: Holiday | null;
  byArrangement: boolean;
  isToday: boolean;
}

export interface SpecialClosure {
  date: string;
  reason: string | null;
  holiday: Holiday | null;
}

export interface WeekdayHours {
  weekday: number;
  intervals: Interval[];
}

// Country and state pick the calendar for `PH`; the coordinates (Khabarovsk) only feed
// sunrise/sunset, which the library computes for the server's zone anyway (see above).
const RUSSIA: nominatim_object = {
  lat: 48.48,
  lon: 135.07,
  address: { country_code: 'ru', state: '' }
};

const DAY_MS = 24 * 60 * 60 * 1000;
const CLOSE_SEARCH_DAYS = 7;
const OPEN_SEARCH_DAYS = 14;
/** Upper bound on state changes examined by any search, whatever the rule. */
const MAX_SEARCH_STEPS = 1000;
/** Upper bound on rule boundaries examined within one day. */
const MAX_SEGMENTS_PER_DAY = 200;
const MAX_TABLE_DAYS = 366;
const DEFAULT_TABLE_DAYS = 7;
const DEFAULT_CLOSURE_HORIZON_DAYS = 62;
const TYPICAL_WEEK_SPAN_WEEKS = 5;
/** Same-weekday neighbours (in weeks, each side) that define a date's ordinary pattern. */
const ORDINARY_PATTERN_RADIUS_WEEKS = 2;

type State = 'open' | 'closed' | 'unknown';

interface Rule {
  source: string;
  hours: OpeningHours;
}

// ---- Parsing and validation ----

const EMPTY_RULE_MESSAGE = {
  ru: 'Часы работы не указаны: правило пустое.',
  en: 'Opening hours are empty: enter a rule.'
};

/** Longest excerpt of the rule quoted back to the editor. */
const EXCERPT_MAX = 30;

interface ParsedError {
  /** The library's English explanation. */
  detail: string;
  /** The rule text up to the spot the library points at, when it points at one. */
  upToError: string | null;
}

/** The library throws strings like `Tu-Su 10:00-25:99 <--- (Minutes are greater than 59.)`. */
function splitLibraryError(raw: string): ParsedError {
  const marker = raw.lastIndexOf(' <--- (');
  if (marker === -1) return { detail: raw.trim(), upToError: null };
  const detail = raw
    .slice(marker + ' <--- ('.length)
    .trim()
    .replace(/\)$/, '')
    .trim();
  return { detail, upToError: raw.slice(0, marker) };
}

/** The rule (between semicolons) the error is in, trimmed, up to the error spot. */
function offendingExcerpt(upToError: string): string {
  const currentRule = upToError.slice(upToError.lastIndexOf(';') + 1).trim();
  return currentRule.length <= EXCERPT_MAX ? currentRule : '…' + currentRule.slice(-EXCERPT_MAX);
}

const RUSSIAN_DETAILS: readonly [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^Minutes are greater than 59/, () => 'минут больше 59'],
  [
    /^Unexpected token in \w+ range: "?([^"]*)"?/,
    (m) => `неожиданный символ в диапазоне: «${m[1] ?? ''}»`
  ],
  [/^Unexpected token: "(.*?)" This means/, (m) => `неожиданный символ «${m[1] ?? ''}»`],
  [/nothing meaningful/, () => 'в правиле нет ничего, что можно разобрать'],
  [/^Time range does not continue as expected/, () => 'интервал времени не закончен'],
  [/^Time range starts outside of the current day/, () => 'время начала вне суток (больше 24:00)'],
  [/^Missing minutes in time range/, () => 'во времени не хватает минут'],
  [/^Missing time separator/, () => 'во времени не хватает разделителя «:»'],
  [/^Missing rule separator/, () => 'не хватает разделителя правил «;»'],
  [/two midnights/, () => 'интервал не может переходить через полночь больше одного раза'],
  [/^Range in wrong order/, () => 'начало диапазона позже его конца'],
  [/^Bad range/, () => 'неверный диапазон'],
  [/between -5 and 5/, () => 'номер недели месяца должен быть от -5 до 5 (кроме 0)'],
  [/either has 28 or 29 days/, () => 'в феврале только 28 или 29 дней'],
  [/doesn’t have 31 days/, () => 'в этом месяце нет 31-го числа'],
  [/must be between 1 and 31/, () => 'число месяца должно быть от 1 до 31'],
  [/no holidays \(SH\) defined/, () => 'школьные каникулы (SH) для России не известны']
];

function russianDetail(englishDetail: string): string {
  for (const [pattern, translate] of RUSSIAN_DETAILS) {
    const match = englishDetail.match(pattern);
    if (match) return translate(match);
  }
  return `синтаксис не распознан (${englishDetail})`;
}

function withFinalStop(sentence: string): string {
  return /[.!?]$/.test(sentence) ? sentence : sentence + '.';
}

/** Bilingual message for an error thrown by the `opening_hours` constructor. */
function describeRuleError(error: unknown): { ru: string; en: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const { detail, upToError } = splitLibraryError(raw);
  const ruDetail = withFinalStop(russianDetail(detail));
  const enDetail = withFinalStop(detail);
  if (upToError === null || upToError.trim() === '') {
    return {
      ru: `Не удалось разобрать часы работы: ${ruDetail}`,
      en: `Cannot read the opening hours: ${enDetail}`
    };
  }
  const excerpt = offendingExcerpt(upToError);
  const position = upToError.length;
  return {
    ru: `Ошибка в часах работы в «${excerpt}» (позиция ${position}): ${ruDetail}`,
    en: `Error in the opening hours at "${excerpt}" (position ${position}): ${enDetail}`
  };
}

function parseRule(source: string | null): Rule | null {
  if (source === null || source.trim() === '') return null;
  try {
    return { source, hours: new OpeningHours(source, RUSSIA) };
  } catch {
    // A stored rule is validated on save; an unreadable one is shown as "no hours" rather than
    // breaking the page.
    return null;
  }
}

/** Validate a rule before save: only parse errors refuse (the library's warnings are fine). */
export function checkHoursRule(rule: string): RuleCheck {
  if (rule.trim() === '') return { ok: false, message: { ...EMPTY_RULE_MESSAGE } };
  try {
    new OpeningHours(rule, RUSSIA);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: describeRuleError(error) };
  }
}

// ---- Evaluating the rule on process-local Dates ----

function stateAt(hours: OpeningHours, local: Date): State {
  const [open, , unknown] = hours.getStatePair(local);
  if (unknown) return 'unknown';
  return open ? 'open' : 'closed';
}

/**
 * The library also reports the name of a public holiday as the comment for `PH` rules; only
 * comments written in the rule itself (always quoted) are the museum's own words.
 */
function ruleComment(rule: Rule, comment: string | undefined): string | null {
  if (comment === undefined || comment === '') return null;
  return rule.source.includes(`"${comment}"`) ? comment : null;
}

/** First process-local instant after `fromLocal` (within `days`) whose state satisfies `wanted`. */
function findNextState(
  hours: OpeningHours,
  fromLocal: Date,
  days: number,
  wanted: (state: State) => boolean
): Date | null {
  const limit = new Date(fromLocal.getTime() + days * DAY_MS);
  let cursor = fromLocal;
  for (let step = 0; step < MAX_SEARCH_STEPS; step++) {
    const next = hours.getNextChange(cursor, limit);
    if (next === undefined || next.getTime() <= cursor.getTime() || next >= limit) return null;
    if (wanted(stateAt(hours, next))) return next;
    cursor = next;
  }
  return null;
}

interface Segment {
  from: Date;
  to: Date;
  state: State;
  comment: string | undefined;
}

/** The day cut at every rule boundary, so comment changes are seen too (getNextChange skips them). */
function daySegments(hours: OpeningHours, dayStart: Date, dayEnd: Date): Segment[] {
  const segments: Segment[] = [];
  let cursor = dayStart;
  for (let step = 0; step < MAX_SEGMENTS_PER_DAY && cursor < dayEnd; step++) {
    const [open, change, unknown, comment] = hours.getStatePair(cursor);
    const to = change !== undefined && change > cursor && change < dayEnd ? change : dayEnd;
    const state: State = unknown ? 'unknown' : open ? 'open' : 'closed';
    segments.push({ from: cursor, to, state, comment });
    cursor = to;
  }
  return segments;
}

function wallTime(local: Date, dayEnd: Date): string {
  if (local >= dayEnd) return '24:00';
  return formatHourMinute(local.getHours(), local.getMinutes());
}

/** Open segments as intervals, joining neighbours split only by a comment change. */
function openIntervals(segments: Segment[], dayEnd: Date): Interval[] {
  const intervals: Interval[] = [];
  let previousEnd: Date | null = null;
  for (const segment of segments) {
    if (segment.state !== 'open') continue;
    const last = intervals[intervals.length - 1];
    if (last && previousEnd?.getTime() === segment.from.getTime()) {
      last.to = wallTime(segment.to, dayEnd);
    } else {
      intervals.push({ from: wallTime(segment.from, dayEnd), to: wallTime(segment.to, dayEnd) });
    }
    previousEnd = segment.to;
  }
  return intervals;
}

/** Comment on open time first, then on by-arrangement time, then on closed time. */
function dayComment(rule: Rule, segments: Segment[]): string | null {
  for (const state of ['open', 'unknown', 'closed'] as const) {
    for (const segment of segments) {
      if (segment.state !== state) continue;
      const comment = ruleComment(rule, segment.comment);
      if (comment !== null) return comment;
    }
  }
  return null;
}

function dayHours(rule: Rule, date: string, isToday: boolean): DayHours {
  const dayStart = processLocalMidnight(date);
  const dayEnd = processLocalMidnight(addDays(date, 1));
  const segments = daySegments(rule.hours, dayStart, dayEnd);
  return {
    date,
    weekday: isoWeekday(date),
    intervals: openIntervals(segments, dayEnd),
    comment: dayComment(rule, segments),
    holiday: russianHolidayOn(date),
    byArrangement: segments.some((segment) => segment.state === 'unknown'),
    isToday
  };
}

function isWholeDayClosed(day: DayHours): boolean {
  return day.intervals.length === 0 && !day.byArrangement;
}

/** Closed all day for a stated reason or a holiday: a candidate for a special closure. */
function isExceptionalClosure(day: DayHours): boolean {
  return isWholeDayClosed(day) && (day.comment !== null || day.holiday !== null);
}

function museumToday(at: Date, timeZone: string): string {
  return isoDateOfWallClock(wallClockAt(at, timeZone));
}

function clampDays(days: number, max: number): number {
  if (!Number.isFinite(days)) return 0;
  return Math.min(Math.max(Math.floor(days), 0), max);
}

/** Day evaluations memoised by date, for callers that look at the same days repeatedly. */
function dayLookup(rule: Rule, today: string): (date: string) => DayHours {
  const cache = new Map<string, DayHours>();
  return (date) => {
    let day = cache.get(date);
    if (!day) {
      day = dayHours(rule, date, date === today);
      cache.set(date, day);
    }
    return day;
  };
}

/** Most common interval set among `days`, ignoring exceptional closures; ties go to the earliest. */
function mostCommonIntervals(days: DayHours[]): Interval[] {
  const ordinary = days.filter((day) => !isExceptionalClosure(day));
  const counts = new Map<string, { intervals: Interval[]; count: number }>();
  for (const day of ordinary) {
    const key = JSON.stringify(day.intervals);
    const entry = counts.get(key) ?? { intervals: day.intervals, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  let best: { intervals: Interval[]; count: number } | null = null;
  for (const entry of counts.values()) {
    if (best === null || entry.count > best.count) best = entry;
  }
  return best?.intervals ?? [];
}

// ---- Public API ----

export function hoursStatus(input: HoursInput, at: Date): HoursStatus {
  assertTimeZone(input.timeZone);
  const rule = parseRule(input.rule);
  if (!rule) return { kind: 'none' };

  const local = toProcessLocal(at, input.timeZone);
  const state = stateAt(rule.hours, local);
  const comment = ruleComment(rule, rule.hours.getComment(local));
  const toInstant = (found: Date | null): Date | null =>
    found === null ? null : fromProcessLocal(found, input.timeZone);

  if (state === 'unknown') return { kind: 'by-arrangement', comment };
  if (state === 'open') {
    const closes = findNextState(rule.hours, local, CLOSE_SEARCH_DAYS, (s) => s !== 'open');
    return { kind: 'open', closesAt: toInstant(closes), comment };
  }
  const today = dayHours(rule, museumToday(at, input.timeZone), true);
  const wholeDay = isWholeDayClosed(today);
  const opens = findNextState(rule.hours, local, OPEN_SEARCH_DAYS, (s) => s === 'open');
  return {
    kind: 'closed',
    reason: wholeDay ? today.comment : null,
    holiday: wholeDay ? today.holiday : null,
    opensAt: toInstant(opens)
  };
}

function tableFrom(rule: Rule, today: string, days: number): DayHours[] {
  return Array.from({ length: clampDays(days, MAX_TABLE_DAYS) }, (_, offset) =>
    dayHours(rule, addDays(today, offset), offset === 0)
  );
}

/** Days starting with the museum-local day containing `from`; empty when there is no rule. */
export function hoursTable(
  input: HoursInput,
  from: Date,
  days: number = DEFAULT_TABLE_DAYS
): DayHours[] {
  assertTimeZone(input.timeZone);
  const rule = parseRule(input.rule);
  if (!rule) return [];
  return tableFrom(rule, museumToday(from, input.timeZone), days);
}

/**
 * Upcoming whole-day closures that are not the ordinary weekly day off: days closed with a
 * comment, or public holidays when closed. "Ordinary" is judged per date from the same weekday
 * two weeks either side, so a holiday on the usual day off is not listed, and seasonal rules are
 * compared with their own season.
 */
export function specialClosures(
  input: HoursInput,
  from: Date,
  horizonDays: number = DEFAULT_CLOSURE_HORIZON_DAYS
): SpecialClosure[] {
  assertTimeZone(input.timeZone);
  const rule = parseRule(input.rule);
  if (!rule) return [];
  const today = museumToday(from, input.timeZone);
  const day = dayLookup(rule, today);
  const isOrdinarilyOpen = (date: string): boolean => {
    const radius = ORDINARY_PATTERN_RADIUS_WEEKS;
    const neighbours = Array.from({ length: 2 * radius + 1 }, (_, i) =>
      day(addDays(date, (i - radius) * 7))
    );
    return mostCommonIntervals(neighbours).length > 0;
  };

  const closures: SpecialClosure[] = [];
  for (let offset = 0; offset < clampDays(horizonDays, MAX_TABLE_DAYS); offset++) {
    const candidate = day(addDays(today, offset));
    if (isExceptionalClosure(candidate) && isOrdinarilyOpen(candidate.date)) {
      closures.push({
        date: candidate.date,
        reason: candidate.comment,
        holiday: candidate.holiday
      });
    }
  }
  return closures;
}

/**
 * The regular weekly pattern (ISO weekdays 1–7, closed days with no intervals), taken as the most
 * common interval set per weekday over the next five weeks. Empty when nothing is ever open —
 * by arrangement, no rule, or always closed.
 */
export function typicalWeek(input: HoursInput, from: Date): WeekdayHours[] {
  assertTimeZone(input.timeZone);
  const rule = parseRule(input.rule);
  if (!rule) return [];
  const table = tableFrom(rule, museumToday(from, input.timeZone), TYPICAL_WEEK_SPAN_WEEKS * 7);
  const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    intervals: mostCommonIntervals(table.filter((day) => day.weekday === weekday))
  }));
  return week.some((entry) => entry.intervals.length > 0) ? week : [];
}
