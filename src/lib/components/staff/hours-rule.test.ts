import { describe, expect, it } from 'vitest';
import { checkHoursRule, hoursStatus, hoursTable } from '$lib/server/hours/hours';
import {
  buildRule,
  choiceProblem,
  daySpec,
  defaultChoice,
  readRule,
  type HoursChoice
} from './hours-rule';

const grodekov: HoursChoice = {
  byArrangement: false,
  days: [2, 3, 4, 5, 6, 7],
  opens: '10:00',
  closes: '18:00',
  lunch: null,
  sanitaryDay: true,
  closedOnHolidays: false
};

function choice(overrides: Partial<HoursChoice>): HoursChoice {
  return { ...grodekov, ...overrides };
}

describe('daySpec', () => {
  it('writes consecutive days as ranges and the rest one by one', () => {
    expect(daySpec([2, 3, 4, 5, 6, 7])).toBe('Tu-Su');
    expect(daySpec([1, 2, 3, 4, 5, 6, 7])).toBe('Mo-Su');
    expect(daySpec([7, 1, 4, 3, 6])).toBe('Mo,We-Th,Sa-Su');
    expect(daySpec([5])).toBe('Fr');
    expect(daySpec([])).toBe('');
  });
});

describe('buildRule', () => {
  it('writes the rule of the demo museum the way its staff would', () => {
    expect(buildRule(grodekov)).toBe('Tu-Su 10:00-18:00; Mo off; Fr[-1] off "sanitary day"');
  });

  it('adds public holidays last, after the sanitary day', () => {
    expect(buildRule(choice({ closedOnHolidays: true }))).toBe(
      'Tu-Su 10:00-18:00; Mo off; Fr[-1] off "sanitary day"; PH off'
    );
  });

  it('splits the day around a lunch break', () => {
    expect(
      buildRule(
        choice({
          days: [1, 2, 3, 4, 5],
          opens: '09:00',
          closes: '17:00',
          lunch: { from: '13:00', to: '14:00' },
          sanitaryDay: false
        })
      )
    ).toBe('Mo-Fr 09:00-13:00,14:00-17:00; Sa-Su off');
  });

  it('names no day off when the museum is open every day', () => {
    expect(buildRule(choice({ days: [1, 2, 3, 4, 5, 6, 7], sanitaryDay: false }))).toBe(
      'Mo-Su 10:00-18:00'
    );
  });

  it('lists scattered days off as they fall', () => {
    expect(buildRule(choice({ days: [2, 4, 6], sanitaryDay: false }))).toBe(
      'Tu,Th,Sa 10:00-18:00; Mo,We,Fr,Su off'
    );
  });

  it('writes visits by arrangement as the comment alone, whatever else was chosen', () => {
    expect(buildRule(choice({ byArrangement: true, days: [], closedOnHolidays: true }))).toBe(
      '"by arrangement"'
    );
  });

  it('refuses choices that make no schedule', () => {
    expect(choiceProblem(choice({ days: [] }))).toBe('no-days');
    expect(choiceProblem(choice({ opens: '' }))).toBe('bad-time');
    expect(choiceProblem(choice({ closes: '25:00' }))).toBe('bad-time');
    expect(choiceProblem(choice({ opens: '18:00', closes: '10:00' }))).toBe('closes-before-opens');
    expect(choiceProblem(choice({ opens: '10:00', closes: '10:00' }))).toBe('closes-before-opens');
    expect(choiceProblem(choice({ lunch: { from: '09:00', to: '10:00' } }))).toBe(
      'lunch-outside-hours'
    );
    expect(choiceProblem(choice({ lunch: { from: '14:00', to: '13:00' } }))).toBe(
      'lunch-outside-hours'
    );
    expect(choiceProblem(choice({ lunch: { from: '13:00', to: '18:00' } }))).toBe(
      'lunch-outside-hours'
    );
    expect(() => buildRule(choice({ days: [] }))).toThrow(RangeError);
    expect(choiceProblem(choice({ closes: '24:00' }))).toBeNull();
  });
});

/** Every combination of days (all 127), with and without each option. */
function everyChoice(): HoursChoice[] {
  const choices: HoursChoice[] = [{ ...defaultChoice, byArrangement: true }];
  for (let mask = 1; mask < 128; mask++) {
    const days = [1, 2, 3, 4, 5, 6, 7].filter((day) => mask & (1 << (day - 1)));
    for (const lunch of [null, { from: '12:30', to: '13:15' }]) {
      for (const sanitaryDay of [false, true]) {
        for (const closedOnHolidays of [false, true]) {
          choices.push({
            byArrangement: false,
            days,
            opens: '09:30',
            closes: mask % 2 ? '24:00' : '19:45',
            lunch,
            sanitaryDay,
            closedOnHolidays
          });
        }
      }
    }
  }
  return choices;
}

describe('every rule the builder writes', () => {
  const choices = everyChoice();

  it('passes the check made on save', () => {
    const refused = choices
      .map((c) => buildRule(c))
      .filter((rule) => !checkHoursRule(rule).ok)
      .slice(0, 3);
    expect(refused).toEqual([]);
  });

  it('reads back as the choice it was built from', () => {
    for (const c of choices) {
      const back = readRule(buildRule(c));
      expect(back && buildRule(back)).toBe(buildRule(c));
    }
  });

  it('means what the builder said', () => {
    const timeZone = 'Asia/Vladivostok';
    // Tuesday 24 November 2026 to Monday 30 November; Friday the 27th is the last Friday.
    const from = new Date('2026-11-24T02:00:00Z');
    const week = hoursTable({ rule: buildRule(grodekov), timeZone }, from, 7);
    expect(week.map((day) => day.intervals.map((i) => `${i.from}-${i.to}`).join(','))).toEqual([
      '10:00-18:00',
      '10:00-18:00',
      '10:00-18:00',
      '',
      '10:00-18:00',
      '10:00-18:00',
      ''
    ]);
    expect(week[3]?.comment).toBe('sanitary day');
    const lunch = buildRule(choice({ lunch: { from: '13:00', to: '14:00' } }));
    expect(hoursStatus({ rule: lunch, timeZone }, new Date('2026-11-24T03:30:00Z')).kind).toBe(
      'closed'
    );
    // 4 November, National Unity Day, a Wednesday.
    const holiday = hoursTable(
      { rule: buildRule(choice({ closedOnHolidays: true })), timeZone },
      new Date('2026-11-04T02:00:00Z'),
      1
    );
    expect(holiday[0]?.intervals).toEqual([]);
    expect(
      hoursStatus({ rule: buildRule(choice({ byArrangement: true })), timeZone }, from).kind
    ).toBe('by-arrangement');
  });
});

describe('readRule', () => {
  it('reads the demo museum rules', () => {
    expect(readRule('Tu-Su 10:00-18:00; Mo off; Fr[-1] off "sanitary day"')).toEqual(grodekov);
    expect(readRule('"by arrangement"')?.byArrangement).toBe(true);
  });

  it('forgives spacing around the semicolons', () => {
    expect(readRule(' Tu-Su 10:00-18:00 ;Mo off;  Fr[-1] off "sanitary day" ')).toEqual(grodekov);
  });

  it('leaves alone any rule the builder would not write', () => {
    for (const rule of [
      '',
      'Tu-Su 10:00-18:00',
      'Tu-Su 10:00-18:00; Mo off; Jan 01 off',
      'Tu-Su 10:00-18:00; Mo,We off',
      'Su-Tu 10:00-18:00; We-Sa off',
      'Mo-Su 18:00-10:00',
      'Mo-Su 10:00-13:00,14:00-18:00,19:00-20:00',
      'Tu-Su 10:00-18:00; Mo off; PH off; Fr[-1] off "sanitary day"',
      'Apr-Oct: Tu-Su 10:00-18:00'
    ]) {
      expect(readRule(rule), rule).toBeNull();
    }
  });
});
