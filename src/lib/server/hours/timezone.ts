/**
 * Wall-clock arithmetic in an IANA time zone using only Intl.
 *
 * The `opening_hours` library evaluates Dates in the process's local time, so we hand it a
 * "process-local" Date whose local components equal the museum's wall clock, and map its answers
 * back to real instants the same way. Nothing here depends on the server's own TZ.
 */

export interface WallClock {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws RangeError for an unknown zone name. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall clock shown in `timeZone` at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    // Some ICU versions print midnight as 24 even with h23.
    hour: part('hour') % 24,
    minute: part('minute'),
    second: part('second')
  };
}

function wallClockAsUtcMs(wc: WallClock): number {
  return Date.UTC(wc.year, wc.month - 1, wc.day, wc.hour, wc.minute, wc.second);
}

/** Offset of `timeZone` from UTC at the instant `ms`, in milliseconds (east positive). */
function zoneOffsetMs(ms: number, timeZone: string): number {
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return wallClockAsUtcMs(wallClockAt(new Date(wholeSeconds), timeZone)) - wholeSeconds;
}

/**
 * The instant at which `timeZone` shows `wc`. For a wall clock skipped by a DST jump, the result
 * is shifted forward by the jump; for a repeated one, the earlier instant is chosen.
 */
export function instantOfWallClock(wc: WallClock, timeZone: string): Date {
  const asUtc = wallClockAsUtcMs(wc);
  const firstGuess = asUtc - zoneOffsetMs(asUtc, timeZone);
  const correctedOffset = zoneOffsetMs(firstGuess, timeZone);
  const secondGuess = asUtc - correctedOffset;
  if (secondGuess === firstGuess) return new Date(firstGuess);
  // Offsets disagree around a transition: the earlier guess wins if it really shows the wall
  // clock (repeated hour); otherwise the wall clock was skipped and the later guess lies past the jump.
  const earlier = Math.min(firstGuess, secondGuess);
  const showsWallClock = wallClockAsUtcMs(wallClockAt(new Date(earlier), timeZone)) === asUtc;
  return new Date(showsWallClock ? earlier : Math.max(firstGuess, secondGuess));
}

/** A Date whose process-local components are the wall clock of `timeZone` at `instant`. */
export function toProcessLocal(instant: Date, timeZone: string): Date {
  const wc = wallClockAt(instant, timeZone);
  return new Date(wc.year, wc.month - 1, wc.day, wc.hour, wc.minute, wc.second);
}

/** Reads the process-local components of `local` as a wall clock. */
export function processLocalWallClock(local: Date): WallClock {
  return {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    hour: local.getHours(),
    minute: local.getMinutes(),
    second: local.getSeconds()
  };
}

/** The real instant for a process-local Date produced from the museum's wall clock. */
export function fromProcessLocal(local: Date, timeZone: string): Date {
  return instantOfWallClock(processLocalWallClock(local), timeZone);
}

/** Midnight at the start of the civil date `date` ('YYYY-MM-DD'), as a process-local Date. */
export function processLocalMidnight(date: string): Date {
  const { year, month, day } = parseIsoDate(date);
  return new Date(year, month - 1, day, 0, 0, 0);
}

// ---- Civil dates ('YYYY-MM-DD'), computed in UTC so no zone can shift them ----

export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  return { year, month, day };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatIsoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isoDateOfWallClock(wc: WallClock): string {
  return formatIsoDate(wc.year, wc.month, wc.day);
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = parseIsoDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatIsoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  const sundayZero = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

export function formatHourMinute(hour: number, minute: number): string {
  return `${pad(hour)}:${pad(minute)}`;
}
