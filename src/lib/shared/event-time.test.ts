import { describe, expect, it } from 'vitest';
import { localDateOf, sessionHours, sessionWhen, zoneLabel } from './event-time';

const zone = 'Asia/Vladivostok';

describe('event times for visitors', () => {
  it('reads midnight UTC as 10:00 in Khabarovsk, on that zone’s date', () => {
    const session = {
      startsAt: '2026-12-05T00:00:00.000Z',
      endsAt: '2026-12-05T02:00:00.000Z',
      allDay: false
    };
    expect(sessionWhen(session, zone, 'ru')).toBe('5 декабря, 10:00–12:00');
    expect(sessionWhen(session, zone, 'en')).toBe('5 December, 10:00–12:00');
    expect(sessionHours(session, zone)).toBe('10:00–12:00');
    expect(localDateOf('2026-12-04T15:00:00Z', zone)).toBe('2026-12-05');
  });

  it('says a range of whole days from its first to its last day', () => {
    const range = {
      startsAt: '2026-11-30T14:00:00.000Z',
      endsAt: '2026-12-10T14:00:00.000Z',
      allDay: true
    };
    expect(sessionWhen(range, zone, 'ru')).toBe('1 декабря – 10 декабря');
    expect(sessionWhen({ ...range, endsAt: '2026-12-01T14:00:00.000Z' }, zone, 'en')).toBe(
      '1 December'
    );
  });

  it('adds the year only when it is not this year; an open end reads "from"', () => {
    const session = { startsAt: '2027-01-10T00:00:00.000Z', endsAt: null, allDay: false };
    expect(sessionWhen(session, zone, 'ru', '2026')).toBe('10 января 2027 г., с 10:00');
    expect(sessionWhen(session, zone, 'en', '2027')).toBe('10 January, from 10:00');
  });

  it('names the region’s zone in words and others by offset', () => {
    expect(zoneLabel(zone, 'en')).toBe('Khabarovsk time');
    expect(zoneLabel(zone, 'ru')).toBe('хабаровское время');
    expect(zoneLabel('Asia/Irkutsk', 'en', new Date('2026-12-01T00:00:00Z'))).toBe('UTC+8');
  });
});
