import { describe, expect, it } from 'vitest';
import { readCalendarQuery } from './query';

const read = (query: string) => readCalendarQuery(new URLSearchParams(query), '2026-12-03');

describe('reading the calendar address', () => {
  it('opens this month with no filters by default', () => {
    const q = read('');
    expect(q.period.view).toBe('month');
    expect(q.period.from).toBe('2026-12-01');
    expect(q.filter).toEqual({
      town: null,
      district: null,
      museum: null,
      kind: null,
      age: null,
      free: false,
      schools: false
    });
    expect(q.filterParams.toString()).toBe('');
  });

  it('reads a view, a date and every filter, and carries the filters on', () => {
    const q = read('view=week&date=2026-12-10&town=amursk&kind=lecture&age=6%2B&free=1&schools=1');
    expect([q.period.view, q.period.from]).toEqual(['week', '2026-12-07']);
    expect(q.filter).toMatchObject({ town: 'amursk', kind: 'lecture', age: '6+', free: true });
    expect(q.filterParams.toString()).toBe('town=amursk&kind=lecture&age=6%2B&free=1&schools=1');
  });

  it('leaves out what it does not know instead of failing', () => {
    const q = read('view=year&date=2026-13-01&kind=rave&age=99&town=%3Cscript%3E&days=x');
    expect([q.period.view, q.period.from]).toEqual(['month', '2026-12-01']);
    expect(q.filter).toMatchObject({ kind: null, age: null, town: null });
  });

  it('a list runs for the days asked', () => {
    const q = read('view=list&date=2026-12-05&days=2');
    expect(q.period.days).toEqual(['2026-12-05', '2026-12-06']);
  });
});
