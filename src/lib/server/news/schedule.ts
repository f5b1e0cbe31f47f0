import type { FieldError } from '../content/checks';
import {
  formatHourMinute,
  formatIsoDate,
  instantOfWallClock,
  wallClockAt
} from '../hours/timezone';

/** How far ahead a schedule may be set: a year is plenty for news. */
const latestAheadMs = 366 * 24 * 60 * 60 * 1000;

/**
 * "Publish at" as staff type it (`<input type="datetime-local">`: 'YYYY-MM-DDTHH:mm', the
 * owner's wall clock) read as an instant, or the reason it cannot be one: not a time, already
 * past, or more than a year ahead.
 */
export function readPublishAt(
  value: string,
  timeZone: string,
  now: Date
): { ok: true; at: Date } | { ok: false; error: FieldError } {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
  const fail = (ru: string, en: string) => ({
    ok: false as const,
    error: { field: 'publishAt', message: { ru, en } }
  });
  if (!match)
    return fail('Укажите дату и время публикации.', 'Give the date and time of publishing.');
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number
  ];
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59;
  if (!valid) return fail('Такой даты или времени нет.', 'There is no such date or time.');
  const at = instantOfWallClock({ year, month, day, hour, minute, second: 0 }, timeZone);
  if (at.getTime() <= now.getTime())
    return fail(
      'Это время уже прошло. Выберите время в будущем или опубликуйте сейчас.',
      'This time has passed. Choose a time in the future or publish now.'
    );
  if (at.getTime() - now.getTime() > latestAheadMs)
    return fail(
      'Публикацию можно запланировать не больше чем на год вперёд.',
      'Publishing can be scheduled at most a year ahead.'
    );
  return { ok: true, at };
}

/** An instant as the owner's wall clock for `<input type="datetime-local">`: 'YYYY-MM-DDTHH:mm'. */
export function wallClockInput(instant: Date, timeZone: string): string {
  const wc = wallClockAt(instant, timeZone);
  return `${formatIsoDate(wc.year, wc.month, wc.day)}T${formatHourMinute(wc.hour, wc.minute)}`;
}
