import { describe, expect, it } from 'vitest';
import { readPublishAt, wallClockInput } from './schedule';

const now = new Date('2026-11-24T02:00:00.000Z'); // 12:00 in Khabarovsk

describe('readPublishAt', () => {
  it('reads the owner’s wall clock as an instant', () => {
    const khabarovsk = readPublishAt('2026-11-25T10:00', 'Asia/Vladivostok', now);
    expect(khabarovsk).toEqual({ ok: true, at: new Date('2026-11-25T00:00:00.000Z') });
    const magadan = readPublishAt('2026-11-25T10:00', 'Asia/Magadan', now);
    expect(magadan).toEqual({ ok: true, at: new Date('2026-11-24T23:00:00.000Z') });
    const moscow = readPublishAt('2026-11-25T10:00:00', 'Europe/Moscow', now);
    expect(moscow).toEqual({ ok: true, at: new Date('2026-11-25T07:00:00.000Z') });
  });

  it('refuses a time that has passed, even by a minute on the owner’s clock', () => {
    const past = readPublishAt('2026-11-24T12:00', 'Asia/Vladivostok', now);
    expect(past.ok).toBe(false);
    if (!past.ok) expect(past.error.message.en).toMatch(/passed/);
    expect(readPublishAt('2026-11-24T12:01', 'Asia/Vladivostok', now).ok).toBe(true);
  });

  it('refuses what is not a time, no such date, and more than a year ahead', () => {
    for (const value of ['', 'tomorrow', '2026-11-25', '2026-13-01T10:00', '2026-11-25T24:00'])
      expect(readPublishAt(value, 'Asia/Vladivostok', now).ok).toBe(false);
    expect(readPublishAt('2027-12-01T10:00', 'Asia/Vladivostok', now).ok).toBe(false);
    expect(readPublishAt('2027-11-20T10:00', 'Asia/Vladivostok', now).ok).toBe(true);
  });
});

describe('wallClockInput', () => {
  it('shows an instant on the owner’s clock for a datetime-local field', () => {
    const at = new Date('2026-11-25T00:00:00.000Z');
    expect(wallClockInput(at, 'Asia/Vladivostok')).toBe('2026-11-25T10:00');
    expect(wallClockInput(at, 'Europe/Kaliningrad')).toBe('2026-11-25T02:00');
  });
});
