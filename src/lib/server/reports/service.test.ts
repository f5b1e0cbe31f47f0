import { describe, expect, it } from 'vitest';
import { monthsBetween, reportPeriod } from './service';

describe('report periods', () => {
  it('names every month a period touches, across a new year', () => {
    expect(monthsBetween('2025-11-20', '2026-02-03')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02'
    ]);
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });

  it('refuses a period that ends before it starts or runs over three years', () => {
    expect(reportPeriod.safeParse({ from: '2026-03-01', to: '2026-02-28' }).success).toBe(false);
    expect(reportPeriod.safeParse({ from: '2020-01-01', to: '2026-01-01' }).success).toBe(false);
    expect(reportPeriod.safeParse({ from: '2026-01-01', to: '2026-12-31' }).success).toBe(true);
  });
});
