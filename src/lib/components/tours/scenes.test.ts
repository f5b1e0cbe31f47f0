import { describe, expect, it } from 'vitest';
import { doorTo, testScene, testTour } from './test-tour';
import { linkedBases, routeStop, sceneOf, sceneQuery, viewFromQuery } from './scenes';

const tour = testTour(
  [
    testScene('a', { hotspots: [doorTo('b')] }),
    testScene('b', { hotspots: [doorTo('a'), doorTo('c')] }),
    testScene('c'),
    testScene('d')
  ],
  { startScene: 'b', route: ['b', 'c', 'd'] }
);

describe('a scene of a tour', () => {
  it('opens where ?scene= says, else where the tour starts', () => {
    expect(sceneOf(tour, 'c')?.key).toBe('c');
    expect(sceneOf(tour, 'nowhere')?.key).toBe('b');
    expect(sceneOf(tour, null)?.key).toBe('b');
  });

  it('knows its stop on the excursion route and the stops around it', () => {
    expect(routeStop(tour, 'c')).toEqual({
      number: 2,
      total: 3,
      previous: { key: 'b', title: 'Hall b' },
      next: { key: 'd', title: 'Hall d' }
    });
    expect(routeStop(tour, 'a')).toBeNull();
  });

  it('loads ahead the base images of the scenes it links to and of the next stop only', () => {
    expect(linkedBases(tour, tour.scenes[1]!)).toEqual(['/media/a/base.jpg', '/media/c/base.jpg']);
    expect(linkedBases(tour, tour.scenes[2]!)).toEqual(['/media/d/base.jpg']);
  });
});

describe('a shared link to a view', () => {
  it('round-trips the scene and the direction', () => {
    const query = sceneQuery('b', { yaw: -35.5, pitch: 12 });
    const params = new URLSearchParams(query);
    expect(params.get('scene')).toBe('b');
    expect(viewFromQuery(params)).toEqual({ yaw: -35.5, pitch: 12 });
  });

  it('ignores a direction out of range or half given', () => {
    expect(viewFromQuery(new URLSearchParams('yaw=200&pitch=0'))).toBeNull();
    expect(viewFromQuery(new URLSearchParams('yaw=20'))).toBeNull();
    expect(viewFromQuery(new URLSearchParams('yaw=abc&pitch=1'))).toBeNull();
  });
});
