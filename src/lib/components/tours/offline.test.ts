import { describe, expect, it } from 'vitest';
import { testScene, testTour } from './test-tour';
import { offlineCacheName, offlineFiles } from './offline';

const tour = testTour([
  testScene('a', { narration: { url: '/media/a/voice.mp3', transcript: null } }),
  testScene('b')
]);

describe('saving a tour for offline', () => {
  const files = offlineFiles(tour, '/museums/industrial-heritage/tours/plant', ['/_app/x.js']);

  it('keeps base images, the first tile level and the narration of every scene', () => {
    expect(files).toContain('/media/a/base.jpg');
    expect(files).toContain('/media/b/base.jpg');
    expect(files.filter((f) => f.startsWith('/media/a/tiles/0/'))).toHaveLength(8);
    expect(files.some((f) => f.startsWith('/media/a/tiles/1/'))).toBe(false);
    expect(files).toContain('/media/a/voice.mp3');
  });

  it('keeps the page of each scene, the page itself last, and the page’s scripts', () => {
    expect(files).toContain('/_app/x.js');
    expect(files).toContain('/museums/industrial-heritage/tours/plant?scene=b');
    expect(files.at(-1)).toBe('/museums/industrial-heritage/tours/plant');
    expect(files).toHaveLength(1 + 2 * (1 + 8) + 1 + 2 + 1);
  });

  it('names one cache per tour', () => {
    expect(offlineCacheName(tour)).toBe('kraeved-tour-industrial-heritage/plant');
  });
});
