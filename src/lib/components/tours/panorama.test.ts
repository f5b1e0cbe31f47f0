import { describe, expect, it } from 'vitest';
import { fromViewer, sameAngle, tilesPanorama, toViewer, type PanoramaScene } from './panorama';

const scene = (levels: PanoramaScene['tiles']['levels']): PanoramaScene => ({
  key: 'hall',
  base: { url: '/media/p/base.jpg', width: 1024, height: 512 },
  startView: { yaw: 0, pitch: 0 },
  tiles: {
    width: levels.at(-1)?.width ?? 1024,
    height: (levels.at(-1)?.width ?? 1024) / 2,
    tileSize: 512,
    levels,
    urlPattern: '/media/p/tiles/{level}/{col}_{row}.jpg'
  }
});

describe('angles between the tour and the viewer', () => {
  it('turns degrees into radians and back', () => {
    expect(fromViewer(toViewer({ yaw: 45.5, pitch: -10 }))).toEqual({ yaw: 45.5, pitch: -10 });
  });

  it('takes a view read back as the same view, a turn of a degree as another', () => {
    expect(sameAngle({ yaw: 10, pitch: 0 }, { yaw: 10, pitch: 0 })).toBe(true);
    expect(sameAngle({ yaw: 10, pitch: 0 }, { yaw: 11, pitch: 0 })).toBe(false);
    expect(sameAngle(undefined, { yaw: 0, pitch: 0 })).toBe(false);
  });

  it('reads a yaw past half a turn as a turn to the left', () => {
    expect(fromViewer({ yaw: (3 * Math.PI) / 2, pitch: 0 })).toEqual({ yaw: -90, pitch: 0 });
  });
});

describe('tilesPanorama', () => {
  it('points every level at its tiles, base image first', () => {
    const panorama = tilesPanorama(
      scene([
        { width: 2048, height: 1024, cols: 4, rows: 2 },
        { width: 4096, height: 2048, cols: 8, rows: 4 }
      ])
    );
    expect(panorama.baseUrl).toBe('/media/p/base.jpg');
    expect(panorama.levels).toEqual([
      { width: 2048, cols: 4, rows: 2 },
      { width: 4096, cols: 8, rows: 4 }
    ]);
    expect(panorama.tileUrl(3, 1, 1)).toBe('/media/p/tiles/1/3_1.jpg');
  });

  it('leaves out a level the viewer cannot take, keeping the stored level numbers', () => {
    const panorama = tilesPanorama(
      scene([
        { width: 1500, height: 750, cols: 3, rows: 2 },
        { width: 2048, height: 1024, cols: 4, rows: 2 }
      ])
    );
    expect(panorama.levels).toEqual([{ width: 2048, cols: 4, rows: 2 }]);
    expect(panorama.tileUrl(0, 0, 0)).toBe('/media/p/tiles/1/0_0.jpg');
  });

  it('shows a small panorama as its base image alone', () => {
    const panorama = tilesPanorama(scene([{ width: 1500, height: 750, cols: 3, rows: 2 }]));
    expect(panorama.levels).toEqual([{ width: 1024, cols: 1, rows: 1 }]);
    expect(panorama.tileUrl(0, 0, 0)).toBe('/media/p/base.jpg');
  });
});
