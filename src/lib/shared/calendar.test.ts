import { describe, expect, it } from 'vitest';
import { calendarPeriod, isIsoDate, monthGrid, shiftMonths, weekend } from './calendar';

describe('calendar periods', () => {
  it('a week runs Monday to Sunday around any of its days', () => {
    const week = calendarPeriod('week', '2026-12-03'); // a Thursday
    expect(week.from).toBe('2026-11-30');
    expect(week.to).toBe('2026-12-07');
    expect(week.days).toHaveLength(7);
    expect([week.previous, week.next]).toEqual(['2026-11-23', '2026-12-07']);
  });

  it('a month starts on its first day and pages by month, across the year', () => {
    const month = calendarPeriod('month', '2026-12-17');
    expect([month.from, month.to, month.previous, month.next]).toEqual([
      '2026-12-01',
      '2027-01-01',
      '2026-11-01',
      '2027-01-01'
    ]);
    expect(month.days).toHaveLength(31);
    expect(calendarPeriod('month', '2028-02-10').days).toHaveLength(29);
  });

  it('lays a month out in weeks from Monday', () => {
    const grid = monthGrid(calendarPeriod('month', '2026-12-01'));
    expect(grid[0]![0]).toBeNull(); // 1 December 2026 is a Tuesday
    expect(grid[0]![1]).toBe('2026-12-01');
    expect(grid.at(-1)!.filter(Boolean).at(-1)).toBe('2026-12-31');
    expect(grid.every((w) => w.length === 7)).toBe(true);
  });

  it('a list covers its length, within bounds, and pages by it', () => {
    const list = calendarPeriod('list', '2026-12-01', 10);
    expect([list.from, list.to, list.previous]).toEqual(['2026-12-01', '2026-12-11', '2026-11-21']);
    expect(calendarPeriod('list', '2026-12-01', 1000).days).toHaveLength(62);
    expect(calendarPeriod('list', '2026-12-01', 0).days).toHaveLength(14);
  });

  it('this weekend is the coming Saturday and Sunday, or just Sunday on a Sunday', () => {
    expect(weekend('2026-12-02')).toEqual({ from: '2026-12-05', days: 2 });
    expect(weekend('2026-12-05')).toEqual({ from: '2026-12-05', days: 2 });
    expect(weekend('2026-12-06')).toEqual({ from: '2026-12-06', days: 1 });
  });

  it('clamps a month shift to the month’s end and tells real dates', () => {
    expect(shiftMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('yesterday')).toBe(false);
  });
});
