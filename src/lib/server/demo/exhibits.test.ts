import { describe, expect, it } from 'vitest';
import { exhibitInput } from '$lib/shared/exhibit';
import { demoMuseums } from './data';
import { demoExhibitPlan } from './exhibits';

describe('demoExhibitPlan', () => {
  const plan = demoExhibitPlan();

  it('gives a few hundred objects to museums that exist in the demo data', () => {
    const total = plan.reduce((sum, p) => sum + p.exhibits.length, 0);
    expect(total).toBeGreaterThanOrEqual(200);
    expect(total).toBeLessThanOrEqual(500);
    const slugs = new Set(demoMuseums.map((m) => m.slug));
    for (const p of plan) expect(slugs.has(p.museum), p.museum).toBe(true);
  });

  it('makes every object a valid record with a unique number that says it is a demo', () => {
    for (const p of plan) {
      const numbers = p.exhibits.map((e) => String(e.input.inventoryNumber));
      expect(new Set(numbers).size).toBe(numbers.length);
      for (const e of p.exhibits) {
        expect(String(e.input.inventoryNumber)).toMatch(/^ДЕМО-/);
        expect(exhibitInput.safeParse(e.input).success).toBe(true);
        const collections = p.collections.map((c) => c.slug);
        if (e.collection) expect(collections).toContain(e.collection);
      }
    }
  });

  it('is the same on every start', () => {
    expect(demoExhibitPlan()).toEqual(plan);
  });
});
