import { describe, expect, it } from 'vitest';
import { hoursStatus } from '$lib/server/hours/hours';
import { describeHours, utcOffset } from './describe';

const grodekov = {
  rule: 'Tu-Su 10:00-18:00; Mo off; Fr[-1] off "sanitary day"',
  timeZone: 'Asia/Vladivostok'
};

/** The sentence a visitor reads at an instant, in Russian (the base language). */
function sentence(rule: string, at: string, phone: string | null = null) {
  const now = new Date(at);
  const input = { ...grodekov, rule };
  return describeHours(hoursStatus(input, now), {
    locale: 'ru',
    timeZone: input.timeZone,
    now,
    phone
  });
}

describe('describeHours', () => {
  it('says when an open museum closes today', () => {
    expect(sentence(grodekov.rule, '2026-11-24T02:00:00Z')).toBe('Открыто, закроется в 18:00');
  });

  it('gives the reason of a closed day and when it opens next', () => {
    expect(sentence(grodekov.rule, '2026-11-27T02:00:00Z')).toBe(
      'Сегодня закрыто: санитарный день, откроется завтра в 10:00'
    );
  });

  it('names the weekday when the museum opens after tomorrow', () => {
    // Sunday 20:00 in Khabarovsk; Monday is the day off.
    expect(sentence(grodekov.rule, '2026-11-22T10:00:00Z')).toBe(
      'Закрыто, откроется во вторник в 10:00'
    );
  });

  it('says the museum opens later the same day', () => {
    expect(sentence(grodekov.rule, '2026-11-24T23:30:00Z')).toBe(
      'Закрыто, откроется сегодня в 10:00'
    );
  });

  it('asks to call for visits by arrangement', () => {
    expect(sentence('"by arrangement"', '2026-11-24T02:00:00Z', '+7 (924) 413-33-98')).toBe(
      'Посещение по договорённости, звоните +7 (924) 413-33-98'
    );
  });
});

describe('utcOffset', () => {
  it('names Khabarovsk and Moscow time by their offset from UTC', () => {
    const at = new Date('2026-11-24T02:00:00Z');
    expect(utcOffset('Asia/Vladivostok', at)).toBe('UTC+10');
    expect(utcOffset('Europe/Moscow', at)).toBe('UTC+3');
    expect(utcOffset('UTC', at)).toBe('UTC+0');
  });
});
