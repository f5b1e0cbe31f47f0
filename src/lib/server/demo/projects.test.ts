import { describe, expect, it } from 'vitest';
import { demoProjects } from './projects';

describe('the demo projects of seed 000', () => {
  it('carry the real figures and nothing the seed does not give', () => {
    const [seminar, north, tour] = demoProjects;
    expect(seminar?.input.results).toMatchObject({ participants: 52 });
    expect(seminar?.input.results?.lines?.[0]?.en).toBe('16 museums took part');
    expect(north?.input.results).toMatchObject({ participants: 65 });
    expect(north?.stops[0]).toMatchObject({ startsOn: '2021-09-13', participants: 35 });
    expect(tour?.input.results).toMatchObject({ participants: 2250, districts: 9 });
    expect(tour?.input.results?.lines?.map((l) => l.ru)).toContain('95 % участников — учащиеся');
    expect(tour?.input.results?.lines?.map((l) => l.ru)).toContain('13 учреждений культуры');
    expect(tour?.stops.map((s) => s.district.ru)).toEqual([
      'Хабаровский район',
      'Нанайский район',
      'Верхнебуреинский район',
      'Вяземский район',
      'Бикинский район',
      'Район имени Лазо',
      'Амурский район',
      'Солнечный район',
      'Комсомольский район'
    ]);
    // The seed gives no day, venue or figure for a single stop of the tour.
    for (const stop of tour?.stops ?? []) {
      expect(stop.startsOn ?? null).toBeNull();
      expect(stop.participants ?? null).toBeNull();
      expect('name' in stop.venue ? stop.venue.name : undefined).toBeUndefined();
    }
  });
});
