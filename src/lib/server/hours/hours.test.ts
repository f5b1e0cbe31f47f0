import { describe, it, expect } from 'vitest';
import {
  checkHoursRule,
  hoursStatus,
  hoursTable,
  russianHolidays,
  specialClosures,
  typicalWeek,
  type HoursInput
} from './hours';
import { instantOfWallClock, wallClockAt } from './timezone';

const KHABAROVSK = 'Asia/Vladivostok';

const GRODEKOV_RULE = 'Tu-Su 10:00-18:00; Mo off; Fr[-1] off "sanitary day"';
const BY_ARRANGEMENT_RULE = '"by arrangement"';
const PH_OFF_RULE = 'Mo-Fr 10:00-18:00; PH off';
const SEASONAL_RULE = 'May-Sep Tu-Su 10:00-19:00; Oct-Apr Tu-Su 10:00-17:00';
const LUNCH_BREAK_RULE = 'Tu-Fr 09:00-13:00,14:00-17:00';
const ALWAYS_OPEN_RULE = '24/7';

const grodekov: HoursInput = { rule: GRODEKOV_RULE, timeZone: KHABAROVSK };
const industrialHeritage: HoursInput = { rule: BY_ARRANGEMENT_RULE, timeZone: KHABAROVSK };
const closedOnHolidays: HoursInput = { rule: PH_OFF_RULE, timeZone: KHABAROVSK };
const seasonal: HoursInput = { rule: SEASONAL_RULE, timeZone: KHABAROVSK };
const withLunchBreak: HoursInput = { rule: LUNCH_BREAK_RULE, timeZone: KHABAROVSK };
const alwaysOpen: HoursInput = { rule: ALWAYS_OPEN_RULE, timeZone: KHABAROVSK };

/** An instant given as Khabarovsk wall-clock time (UTC+10, no DST). */
function khabarovsk(isoLocal: string): Date {
  return new Date(`${isoLocal}+10:00`);
}

const UNITY_DAY = {
  date: '2026-11-04',
  name: { ru: 'День народного единства', en: 'Unity Day' }
};

describe('russianHolidays', () => {
  it('lists the fourteen non-working days of Labour Code art. 112 in date order', () => {
    const dates = russianHolidays(2026).map((holiday) => holiday.date);
    expect(dates).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-02-23',
      '2026-03-08',
      '2026-05-01',
      '2026-05-09',
      '2026-06-12',
      '2026-11-04'
    ]);
  });

  it('names each holiday in Russian and English', () => {
    const holidays = russianHolidays(2026);
    expect(holidays.find((h) => h.date === '2026-11-04')).toEqual(UNITY_DAY);
    expect(holidays.find((h) => h.date === '2026-01-07')?.name).toEqual({
      ru: 'Рождество Христово',
      en: 'Orthodox Christmas'
    });
    expect(holidays.find((h) => h.date === '2026-01-08')?.name.ru).toBe('Новогодние каникулы');
    for (const holiday of holidays) {
      expect(holiday.name.ru).not.toBe('');
      expect(holiday.name.en).not.toBe('');
    }
  });

  it('uses the requested year for every date', () => {
    expect(russianHolidays(2031).every((holiday) => holiday.date.startsWith('2031-'))).toBe(true);
  });

  it('returns fresh objects, so callers cannot corrupt later results', () => {
    const first = russianHolidays(2026);
    const newYear = first[0];
    if (newYear) newYear.name.en = 'changed';
    expect(russianHolidays(2026)[0]?.name.en).toBe('New Year holidays');
  });
});

describe('checkHoursRule', () => {
  it.each([
    GRODEKOV_RULE,
    BY_ARRANGEMENT_RULE,
    PH_OFF_RULE,
    SEASONAL_RULE,
    LUNCH_BREAK_RULE,
    ALWAYS_OPEN_RULE,
    'Tu-Su 10:00-18:00; Mo off; PH off'
  ])('accepts %s', (rule) => {
    expect(checkHoursRule(rule)).toEqual({ ok: true });
  });

  it('accepts a rule the library only warns about', () => {
    expect(checkHoursRule('Mo-Fr 10-18')).toEqual({ ok: true });
  });

  it('refuses impossible minutes, quoting the offending part in both languages', () => {
    const check = checkHoursRule('Tu-Su 10:00-25:99');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message.en).toContain('Minutes are greater than 59');
    expect(check.message.en).toContain('25:99');
    expect(check.message.ru).toContain('минут больше 59');
    expect(check.message.ru).toContain('25:99');
  });

  it.each(['', '   ', '\n\t'])('refuses an empty rule %j, saying it is empty', (rule) => {
    const check = checkHoursRule(rule);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message.en).toMatch(/empty/i);
    expect(check.message.ru).toMatch(/пуст/);
  });

  it('refuses an unexpected character and names it', () => {
    const check = checkHoursRule('Mo-Fr 10:00-18:00 | Sa');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message.en).toContain('Unexpected token: "|"');
    expect(check.message.ru).toContain('неожиданный символ «|»');
    expect(check.message.ru).toContain('Mo-Fr 10:00-18:00 |');
  });

  it('refuses a time range left unfinished', () => {
    const check = checkHoursRule('Mo 10:00-');
    expect(check).toMatchObject({ ok: false });
    if (check.ok) return;
    expect(check.message.ru).toContain('интервал времени не закончен');
    expect(check.message.ru).toContain('«Mo 10:00-»');
  });

  it('quotes only the rule (between semicolons) that contains the error', () => {
    const check = checkHoursRule('Mo-Fr 10:00-18:00; Sa[6] off');
    if (check.ok) throw new Error('expected the rule to be refused');
    expect(check.message.ru).toContain('«Sa[6»');
    expect(check.message.ru).toContain('от -5 до 5');
    expect(check.message.en).toContain('"Sa[6"');
  });

  it('falls back to the English detail in the Russian message for errors it cannot translate', () => {
    const check = checkHoursRule('week 60 Mo 10:00-12:00');
    if (check.ok) throw new Error('expected the rule to be refused');
    expect(check.message.en).toBe(
      'Error in the opening hours at "week 60" (position 8): You have specified a week date greater then 53. A valid week date range is 1-53.'
    );
    expect(check.message.ru).toBe(
      'Ошибка в часах работы в «week 60» (позиция 8): синтаксис не распознан (You have specified a week date greater then 53. A valid week date range is 1-53.).'
    );
  });

  it('reports the position the library points at', () => {
    const check = checkHoursRule('Tu-Su 10:00-25:99');
    if (check.ok) throw new Error('expected the rule to be refused');
    expect(check.message.en).toBe(
      'Error in the opening hours at "Tu-Su 10:00-25:99" (position 17): Minutes are greater than 59.'
    );
    expect(check.message.ru).toBe(
      'Ошибка в часах работы в «Tu-Su 10:00-25:99» (позиция 17): минут больше 59.'
    );
  });
});

describe('hoursStatus', () => {
  it('is closed on the last Friday of the month with the sanitary-day reason', () => {
    const at = khabarovsk('2026-11-27T12:00:00');
    expect(at.toISOString()).toBe('2026-11-27T02:00:00.000Z');
    expect(hoursStatus(grodekov, at)).toEqual({
      kind: 'closed',
      reason: 'sanitary day',
      holiday: null,
      opensAt: new Date('2026-11-28T00:00:00Z')
    });
  });

  it('is open on a Tuesday afternoon and closes at 18:00 Khabarovsk time', () => {
    expect(hoursStatus(grodekov, khabarovsk('2026-11-24T12:00:00'))).toEqual({
      kind: 'open',
      closesAt: new Date('2026-11-24T08:00:00Z'),
      comment: null
    });
  });

  it('is closed on Monday without a reason and opens on Tuesday at 10:00', () => {
    expect(hoursStatus(grodekov, khabarovsk('2026-11-23T12:00:00'))).toEqual({
      kind: 'closed',
      reason: null,
      holiday: null,
      opensAt: khabarovsk('2026-11-24T10:00:00')
    });
  });

  it('judges the day by Khabarovsk time: 23:30Z on Tuesday is Wednesday 09:30, opening at 10:00', () => {
    expect(hoursStatus(grodekov, new Date('2026-11-24T23:30:00Z'))).toEqual({
      kind: 'closed',
      reason: null,
      holiday: null,
      opensAt: new Date('2026-11-25T00:00:00Z')
    });
  });

  it('is open from the opening minute and closed from the closing minute', () => {
    expect(hoursStatus(grodekov, khabarovsk('2026-11-24T10:00:00')).kind).toBe('open');
    expect(hoursStatus(grodekov, khabarovsk('2026-11-24T09:59:59')).kind).toBe('closed');
    expect(hoursStatus(grodekov, khabarovsk('2026-11-24T18:00:00'))).toEqual({
      kind: 'closed',
      reason: null,
      holiday: null,
      opensAt: khabarovsk('2026-11-25T10:00:00')
    });
  });

  it('after closing on Sunday, skips the Monday day off and opens on Tuesday', () => {
    expect(hoursStatus(grodekov, khabarovsk('2026-11-22T19:00:00'))).toMatchObject({
      kind: 'closed',
      reason: null,
      opensAt: khabarovsk('2026-11-24T10:00:00')
    });
  });

  it('on the evening before the sanitary day, opens only on Saturday', () => {
    expect(hoursStatus(grodekov, khabarovsk('2026-11-26T20:00:00'))).toMatchObject({
      kind: 'closed',
      reason: null,
      opensAt: khabarovsk('2026-11-28T10:00:00')
    });
  });

  it('reports "by arrangement" with the rule comment for the industrial heritage museum', () => {
    expect(hoursStatus(industrialHeritage, khabarovsk('2026-11-24T12:00:00'))).toEqual({
      kind: 'by-arrangement',
      comment: 'by arrangement'
    });
  });

  it('is closed on a public holiday under a "PH off" rule, naming the holiday', () => {
    expect(hoursStatus(closedOnHolidays, khabarovsk('2026-11-04T12:00:00'))).toEqual({
      kind: 'closed',
      reason: null,
      holiday: UNITY_DAY,
      opensAt: khabarovsk('2026-11-05T10:00:00')
    });
  });

  it('does not blame a holiday for ordinary evening closing when the museum was open that day', () => {
    expect(hoursStatus(grodekov, khabarovsk('2026-11-04T20:00:00'))).toMatchObject({
      kind: 'closed',
      holiday: null,
      reason: null
    });
  });

  it('is open with no closing time for 24/7', () => {
    expect(hoursStatus(alwaysOpen, khabarovsk('2026-11-24T03:00:00'))).toEqual({
      kind: 'open',
      closesAt: null,
      comment: null
    });
  });

  it('closes for lunch and reopens the same afternoon', () => {
    expect(hoursStatus(withLunchBreak, khabarovsk('2026-11-24T10:00:00'))).toMatchObject({
      kind: 'open',
      closesAt: khabarovsk('2026-11-24T13:00:00')
    });
    expect(hoursStatus(withLunchBreak, khabarovsk('2026-11-24T13:30:00'))).toMatchObject({
      kind: 'closed',
      reason: null,
      opensAt: khabarovsk('2026-11-24T14:00:00')
    });
  });

  it('follows the season: closes at 19:00 in summer and 17:00 in winter', () => {
    expect(hoursStatus(seasonal, khabarovsk('2026-06-16T12:00:00'))).toMatchObject({
      kind: 'open',
      closesAt: khabarovsk('2026-06-16T19:00:00')
    });
    expect(hoursStatus(seasonal, khabarovsk('2026-11-24T12:00:00'))).toMatchObject({
      kind: 'open',
      closesAt: khabarovsk('2026-11-24T17:00:00')
    });
  });

  it('has no opening time when nothing opens within 14 days', () => {
    const input = { rule: 'Mo-Su off', timeZone: KHABAROVSK };
    expect(hoursStatus(input, khabarovsk('2026-11-24T12:00:00'))).toEqual({
      kind: 'closed',
      reason: null,
      holiday: null,
      opensAt: null
    });
  });

  it('evaluates a Moscow museum on Moscow time', () => {
    const moscow = { rule: 'Mo-Su 10:00-18:00', timeZone: 'Europe/Moscow' };
    // 06:00Z is 09:00 in Moscow (UTC+3) but already 16:00 in Khabarovsk.
    expect(hoursStatus(moscow, new Date('2026-11-24T06:00:00Z'))).toMatchObject({
      kind: 'closed',
      opensAt: new Date('2026-11-24T07:00:00Z')
    });
    expect(hoursStatus(moscow, new Date('2026-11-24T07:00:00Z'))).toEqual({
      kind: 'open',
      closesAt: new Date('2026-11-24T15:00:00Z'),
      comment: null
    });
  });

  it('keeps local opening times across a daylight-saving change in the museum zone', () => {
    const berlin = { rule: 'Mo-Su 10:00-18:00', timeZone: 'Europe/Berlin' };
    // Clocks in Berlin go forward on 2026-03-29: 10:00 is 09:00Z the day before, 08:00Z that day.
    expect(hoursStatus(berlin, new Date('2026-03-28T12:00:00Z'))).toMatchObject({
      kind: 'open',
      closesAt: new Date('2026-03-28T17:00:00Z')
    });
    expect(hoursStatus(berlin, new Date('2026-03-28T20:00:00Z'))).toMatchObject({
      kind: 'closed',
      opensAt: new Date('2026-03-29T08:00:00Z')
    });
  });

  it.each([null, '', '   ', 'Tu-Su 10:00-25:99'])(
    'has kind "none" for the stored rule %j',
    (rule) => {
      expect(
        hoursStatus({ rule, timeZone: KHABAROVSK }, khabarovsk('2026-11-24T12:00:00'))
      ).toEqual({ kind: 'none' });
    }
  );

  it('throws for an unknown time zone rather than guessing one', () => {
    expect(() =>
      hoursStatus({ rule: GRODEKOV_RULE, timeZone: 'Mars/Olympus' }, new Date())
    ).toThrow(RangeError);
  });
});

describe('hoursTable', () => {
  const week = hoursTable(grodekov, khabarovsk('2026-11-23T08:00:00'));

  it('lists seven museum-local days from the day containing `from`', () => {
    expect(week.map((day) => day.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29'
    ]);
    expect(week.map((day) => day.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week.map((day) => day.isToday)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false
    ]);
  });

  it('shows the last Friday closed with the sanitary-day comment', () => {
    expect(week[4]).toEqual({
      date: '2026-11-27',
      weekday: 5,
      intervals: [],
      comment: 'sanitary day',
      holiday: null,
      byArrangement: false,
      isToday: false
    });
  });

  it('shows Monday closed without a comment', () => {
    expect(week[0]).toMatchObject({ date: '2026-11-23', intervals: [], comment: null });
  });

  it('shows ordinary days open 10:00–18:00 without a comment', () => {
    for (const day of [week[1], week[2], week[3], week[5], week[6]]) {
      expect(day).toMatchObject({
        intervals: [{ from: '10:00', to: '18:00' }],
        comment: null,
        byArrangement: false
      });
    }
  });

  it('starts with the Khabarovsk date even when UTC is still on the previous day', () => {
    const [first] = hoursTable(grodekov, new Date('2026-11-24T23:30:00Z'), 1);
    expect(first).toMatchObject({ date: '2026-11-25', weekday: 3, isToday: true });
  });

  it('honours the number of days and returns nothing for zero', () => {
    expect(hoursTable(grodekov, khabarovsk('2026-11-23T08:00:00'), 3)).toHaveLength(3);
    expect(hoursTable(grodekov, khabarovsk('2026-11-23T08:00:00'), 0)).toEqual([]);
    expect(hoursTable(grodekov, khabarovsk('2026-11-23T08:00:00'), 10_000)).toHaveLength(366);
  });

  it('crosses month and year boundaries', () => {
    const days = hoursTable(grodekov, khabarovsk('2026-12-30T12:00:00'), 4);
    expect(days.map((day) => day.date)).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02'
    ]);
    expect(days[2]?.holiday?.name.en).toBe('New Year holidays');
  });

  it('marks by-arrangement days with the comment and no intervals', () => {
    const days = hoursTable(industrialHeritage, khabarovsk('2026-11-23T08:00:00'));
    expect(days).toHaveLength(7);
    for (const day of days) {
      expect(day).toMatchObject({ intervals: [], comment: 'by arrangement', byArrangement: true });
    }
  });

  it('marks a public holiday even when the museum is open that day', () => {
    const [holiday] = hoursTable(grodekov, khabarovsk('2026-11-04T08:00:00'), 1);
    expect(holiday).toMatchObject({
      intervals: [{ from: '10:00', to: '18:00' }],
      holiday: UNITY_DAY
    });
  });

  it('shows a "PH off" holiday closed, without using the holiday name as a comment', () => {
    const [holiday] = hoursTable(closedOnHolidays, khabarovsk('2026-11-04T08:00:00'), 1);
    expect(holiday).toMatchObject({ intervals: [], comment: null, holiday: UNITY_DAY });
  });

  it('shows both halves of a day with a lunch break', () => {
    const [tuesday] = hoursTable(withLunchBreak, khabarovsk('2026-11-24T08:00:00'), 1);
    expect(tuesday?.intervals).toEqual([
      { from: '09:00', to: '13:00' },
      { from: '14:00', to: '17:00' }
    ]);
  });

  it('shows 24/7 as the whole day, ending at 24:00', () => {
    const [day] = hoursTable(alwaysOpen, khabarovsk('2026-11-24T08:00:00'), 1);
    expect(day?.intervals).toEqual([{ from: '00:00', to: '24:00' }]);
  });

  it('splits a range past midnight between the two days', () => {
    const lateNight = { rule: 'Fr 20:00-02:00', timeZone: KHABAROVSK };
    const [friday, saturday] = hoursTable(lateNight, khabarovsk('2026-11-27T08:00:00'), 2);
    expect(friday?.intervals).toEqual([{ from: '20:00', to: '24:00' }]);
    expect(saturday?.intervals).toEqual([{ from: '00:00', to: '02:00' }]);
  });

  it('joins open time split only by a change of comment, keeping the first comment', () => {
    const rule = 'Mo-Fr 10:00-12:00 open "guided tours", 12:00-18:00 open';
    const [monday] = hoursTable(
      { rule, timeZone: KHABAROVSK },
      khabarovsk('2026-11-23T08:00:00'),
      1
    );
    expect(monday).toMatchObject({
      intervals: [{ from: '10:00', to: '18:00' }],
      comment: 'guided tours'
    });
  });

  it('switches season hours at the start of October', () => {
    const days = hoursTable(seasonal, khabarovsk('2026-09-29T08:00:00'), 8);
    expect(days[0]?.intervals).toEqual([{ from: '10:00', to: '19:00' }]);
    expect(days[7]?.intervals).toEqual([{ from: '10:00', to: '17:00' }]);
  });

  it('is empty when no rule is stored', () => {
    expect(hoursTable({ rule: null, timeZone: KHABAROVSK }, new Date())).toEqual([]);
  });
});

describe('specialClosures', () => {
  it('lists the sanitary days but not the Monday days off', () => {
    expect(specialClosures(grodekov, khabarovsk('2026-11-22T12:00:00'))).toEqual([
      { date: '2026-11-27', reason: 'sanitary day', holiday: null },
      { date: '2026-12-25', reason: 'sanitary day', holiday: null }
    ]);
  });

  it('looks only as far as the horizon', () => {
    expect(specialClosures(grodekov, khabarovsk('2026-11-22T12:00:00'), 7)).toEqual([
      { date: '2026-11-27', reason: 'sanitary day', holiday: null }
    ]);
  });

  it('lists public holidays on which a "PH off" museum is closed', () => {
    expect(specialClosures(closedOnHolidays, khabarovsk('2026-10-25T12:00:00'), 20)).toEqual([
      { date: '2026-11-04', reason: null, holiday: UNITY_DAY }
    ]);
  });

  it('leaves out a holiday that falls on the ordinary day off', () => {
    const rule = { rule: 'Tu-Su 10:00-18:00; Mo off; PH off', timeZone: KHABAROVSK };
    const dates = specialClosures(rule, khabarovsk('2026-12-28T12:00:00'), 14).map((c) => c.date);
    // 2027-01-04 is a Monday.
    expect(dates).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08'
    ]);
  });

  it('has nothing to list for by-arrangement, 24/7 or missing rules', () => {
    const from = khabarovsk('2026-11-22T12:00:00');
    expect(specialClosures(industrialHeritage, from)).toEqual([]);
    expect(specialClosures(alwaysOpen, from)).toEqual([]);
    expect(specialClosures({ rule: null, timeZone: KHABAROVSK }, from)).toEqual([]);
  });
});

describe('typicalWeek', () => {
  const tenToSix = [{ from: '10:00', to: '18:00' }];

  it('gives the Grodekov museum Tuesday–Sunday 10:00–18:00, Monday closed, ignoring sanitary days', () => {
    expect(typicalWeek(grodekov, khabarovsk('2026-11-22T12:00:00'))).toEqual([
      { weekday: 1, intervals: [] },
      { weekday: 2, intervals: tenToSix },
      { weekday: 3, intervals: tenToSix },
      { weekday: 4, intervals: tenToSix },
      { weekday: 5, intervals: tenToSix },
      { weekday: 6, intervals: tenToSix },
      { weekday: 7, intervals: tenToSix }
    ]);
  });

  it('ignores the New Year holidays of a "PH off" museum', () => {
    const week = typicalWeek(closedOnHolidays, khabarovsk('2026-12-28T12:00:00'));
    expect(week.map((day) => day.intervals)).toEqual([
      tenToSix,
      tenToSix,
      tenToSix,
      tenToSix,
      tenToSix,
      [],
      []
    ]);
  });

  it('keeps both intervals of a lunch-break rule', () => {
    const week = typicalWeek(withLunchBreak, khabarovsk('2026-11-22T12:00:00'));
    expect(week.find((day) => day.weekday === 3)?.intervals).toEqual([
      { from: '09:00', to: '13:00' },
      { from: '14:00', to: '17:00' }
    ]);
    expect(week.find((day) => day.weekday === 1)?.intervals).toEqual([]);
  });

  it('uses the hours of the current season', () => {
    const week = typicalWeek(seasonal, khabarovsk('2026-06-01T12:00:00'));
    expect(week.find((day) => day.weekday === 2)?.intervals).toEqual([
      { from: '10:00', to: '19:00' }
    ]);
  });

  it('is empty for a by-arrangement museum and when no rule is stored', () => {
    const from = khabarovsk('2026-11-22T12:00:00');
    expect(typicalWeek(industrialHeritage, from)).toEqual([]);
    expect(typicalWeek({ rule: null, timeZone: KHABAROVSK }, from)).toEqual([]);
  });
});

describe('time zone conversion', () => {
  it('reads the wall clock of a zone regardless of the server zone', () => {
    expect(wallClockAt(new Date('2026-11-24T23:30:00Z'), KHABAROVSK)).toEqual({
      year: 2026,
      month: 11,
      day: 25,
      hour: 9,
      minute: 30,
      second: 0
    });
  });

  it('finds the instant of a wall clock on both sides of a daylight-saving change', () => {
    const noon = { hour: 12, minute: 0, second: 0 };
    expect(
      instantOfWallClock({ year: 2026, month: 7, day: 1, ...noon }, 'America/New_York')
    ).toEqual(new Date('2026-07-01T16:00:00Z'));
    expect(
      instantOfWallClock({ year: 2026, month: 12, day: 1, ...noon }, 'America/New_York')
    ).toEqual(new Date('2026-12-01T17:00:00Z'));
    expect(
      instantOfWallClock(
        { year: 2026, month: 11, day: 28, hour: 10, minute: 0, second: 0 },
        KHABAROVSK
      )
    ).toEqual(new Date('2026-11-28T00:00:00Z'));
  });

  it('moves a wall clock skipped by a spring-forward jump to after the jump', () => {
    const skipped = { year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 };
    expect(instantOfWallClock(skipped, 'America/New_York')).toEqual(
      new Date('2026-03-08T07:30:00Z')
    );
  });
});
