import { buffer } from 'node:stream/consumers';
import sharp from 'sharp';
import { thumbHashToApproximateAspectRatio } from 'thumbhash';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStorage, type Storage } from '../storage';
import {
  deriveImage,
  derivePanorama,
  deriveVideoPoster,
  panoramaLevels,
  variantWidths
} from './derive';
import { thumbhashAverageColor } from './placeholder';
import { flat, hasFfmpeg, noise, tempFolder, testVideo, type TempFolder } from './test-files';

// Encoding is CPU work; on a busy two-core machine a test here can take several seconds.
vi.setConfig({ testTimeout: 30_000 });

let folder: TempFolder;
let storage: Storage;

beforeEach(async () => {
  folder = tempFolder();
  storage = await createStorage({ kind: 'disk', root: `${folder.dir}/storage` });
});

afterEach(async () => {
  await storage.close();
  folder.remove();
});

async function stored(key: string): Promise<{ contentType: string; bytes: Buffer }> {
  const content = await storage.get(key);
  if (!content) throw new Error(`nothing stored under ${key}`);
  return { contentType: content.object.contentType, bytes: await buffer(content.body) };
}

async function keys(prefix: string): Promise<string[]> {
  const found: string[] = [];
  for await (const object of storage.list(prefix)) found.push(object.key);
  return found.sort();
}

describe('variantWidths', () => {
  it('offers the srcset widths up to the picture’s own', () => {
    expect(variantWidths(1300)).toEqual([320, 640, 960, 1280]);
    expect(variantWidths(6000)).toEqual([320, 640, 960, 1280, 1920]);
    expect(variantWidths(320)).toEqual([320]);
  });

  it('gives a picture narrower than the smallest one width, its own', () => {
    expect(variantWidths(200)).toEqual([200]);
  });
});

describe('deriveImage', () => {
  it('stores AVIF, WebP and JPEG at each srcset width up to the source’s', async () => {
    const source = folder.write('photo.jpg', await flat(1300, 900, '#806040').jpeg().toBuffer());
    const rendition = await deriveImage(source, storage, 'm/1/media/abc');

    expect(rendition).toMatchObject({ width: 1300, height: 900 });
    expect(rendition.variants.map((v) => `${v.format}@${v.width}`)).toEqual(
      [320, 640, 960, 1280].flatMap((w) => [`avif@${w}`, `jpeg@${w}`, `webp@${w}`])
    );
    for (const variant of rendition.variants) {
      const { contentType, bytes } = await stored(variant.key);
      const metadata = await sharp(bytes).metadata();
      expect(variant.key).toBe(
        `m/1/media/abc/w${variant.width}.${variant.format === 'jpeg' ? 'jpg' : variant.format}`
      );
      expect(contentType).toBe(`image/${variant.format}`);
      expect(metadata.format).toBe(variant.format === 'avif' ? 'heif' : variant.format);
      expect([metadata.width, metadata.height]).toEqual([variant.width, variant.height]);
      expect(variant.height).toBe(Math.round((variant.width * 900) / 1300));
      expect(variant.bytes).toBe(bytes.length);
    }
  });

  it('never enlarges: a picture narrower than 320 px gets one size, its own', async () => {
    const source = folder.write('icon.png', await flat(200, 150, '#c04020').png().toBuffer());
    const rendition = await deriveImage(source, storage, 'small');
    expect(rendition.variants.map((v) => [v.format, v.width, v.height])).toEqual([
      ['avif', 200, 150],
      ['jpeg', 200, 150],
      ['webp', 200, 150]
    ]);
  });

  it('turns a photo upright by its EXIF orientation and keeps no metadata', async () => {
    // Landscape pixels, top half red, that the camera says to turn 90° clockwise.
    const pixels = await flat(1000, 600, '#0000ff')
      .composite([{ input: await flat(1000, 300, '#ff0000').png().toBuffer(), top: 0, left: 0 }])
      .jpeg()
      .toBuffer();
    const turned = await sharp(pixels)
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Copyright: 'Museum', Artist: 'Photographer' } })
      .jpeg()
      .toBuffer();
    const rendition = await deriveImage(folder.write('turned.jpg', turned), storage, 'upright');

    expect(rendition).toMatchObject({ width: 600, height: 1000 });
    const jpeg = rendition.variants.find((v) => v.format === 'jpeg')!;
    expect([jpeg.width, jpeg.height]).toEqual([320, 533]);
    const { bytes } = await stored(jpeg.key);
    const metadata = await sharp(bytes).metadata();
    expect(metadata.orientation).toBeUndefined();
    expect(metadata.exif).toBeUndefined();
    // Turned clockwise, the red top half is now the right half.
    const { data } = await sharp(bytes)
      .extract({ left: 300, top: 260, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200);
    expect(data[2]).toBeLessThan(60);
  });

  it('keeps transparency in AVIF and WebP and puts JPEG on white', async () => {
    const logo = await flat(400, 400, '#00000000', 4).png().toBuffer();
    const rendition = await deriveImage(folder.write('logo.png', logo), storage, 'logo');
    const pixelOf = async (format: string) => {
      const variant = rendition.variants.find((v) => v.format === format)!;
      const { data } = await sharp((await stored(variant.key)).bytes)
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return [...data.subarray(0, 4)];
    };
    expect((await pixelOf('webp'))[3]).toBe(0);
    expect((await pixelOf('avif'))[3]).toBe(0);
    expect(await pixelOf('jpeg')).toEqual([255, 255, 255, 255]);
  });

  it('stores a ThumbHash with the picture’s proportions and colour', async () => {
    const source = folder.write('wall.jpg', await flat(1200, 600, '#c04020').jpeg().toBuffer());
    const { thumbhash } = await deriveImage(source, storage, 'wall');
    expect(thumbHashToApproximateAspectRatio(Buffer.from(thumbhash, 'base64'))).toBeCloseTo(2, 0);
    const colour = thumbhashAverageColor(thumbhash);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    expect(Math.abs(r! - 0xc0) + Math.abs(g! - 0x40) + Math.abs(b! - 0x20)).toBeLessThan(30);
  });

  it('writes the same keys again when run twice', async () => {
    const source = folder.write('photo.jpg', await flat(700, 500, '#806040').jpeg().toBuffer());
    const first = await deriveImage(source, storage, 'again');
    const keysAfterFirst = await keys('again/');
    const second = await deriveImage(source, storage, 'again');
    expect(await keys('again/')).toEqual(keysAfterFirst);
    expect(keysAfterFirst).toHaveLength(6);
    expect(second).toEqual(first);
  });

  it('refuses to decode more pixels than its limit', async () => {
    const source = folder.write('photo.png', await noise(800, 600).png().toBuffer());
    await expect(deriveImage(source, storage, 'big', { maxPixels: 100_000 })).rejects.toThrow(
      /pixel limit/
    );
    expect(await keys('big/')).toEqual([]);
  });
});

describe('derivePanorama', () => {
  it('cuts each level into 512 px tiles, ceil(w/512)·ceil(h/512) of them', async () => {
    const source = folder.write('hall.jpg', await flat(4096, 2048, '#4080c0').jpeg().toBuffer());
    const { tiles } = await derivePanorama(source, storage, 'pano');

    expect(tiles).toMatchObject({
      width: 4096,
      height: 2048,
      tileSize: 512,
      tileKeyPattern: 'pano/tiles/{level}/{col}_{row}.jpg',
      levels: [
        { width: 2048, height: 1024, cols: 4, rows: 2 },
        { width: 4096, height: 2048, cols: 8, rows: 4 }
      ]
    });
    expect(await keys('pano/tiles/0/')).toHaveLength(8);
    expect(await keys('pano/tiles/1/')).toHaveLength(32);
    const corner = await stored('pano/tiles/1/7_3.jpg');
    expect(corner.contentType).toBe('image/jpeg');
    expect(await sharp(corner.bytes).metadata()).toMatchObject({ width: 512, height: 512 });
  });

  it('keeps a 16384×8192 panorama whole at a fourth level of 32 × 16 tiles', () => {
    expect(panoramaLevels(16384).map((l) => [l.width, l.cols, l.rows])).toEqual([
      [2048, 4, 2],
      [4096, 8, 4],
      [8192, 16, 8],
      [16384, 32, 16]
    ]);
    // The viewer takes only levels of 2ⁿ columns; a 12000 px panorama stops at 8192.
    expect(panoramaLevels(12000).map((l) => l.cols)).toEqual([4, 8, 16]);
  });

  it('gives a panorama narrower than 2048 px one level, with narrower tiles at the edges', async () => {
    const source = folder.write('small.jpg', await flat(1800, 900, '#4080c0').jpeg().toBuffer());
    const { tiles } = await derivePanorama(source, storage, 'small');

    expect(tiles.levels).toEqual([{ width: 1800, height: 900, cols: 4, rows: 2 }]);
    expect(await keys('small/tiles/')).toHaveLength(8);
    const edge = await sharp((await stored('small/tiles/0/3_1.jpg')).bytes).metadata();
    expect([edge.width, edge.height]).toEqual([1800 - 3 * 512, 900 - 512]);
  });

  it('makes a 1024×512 base image of a few tens of KB and a preview for the library', async () => {
    const source = folder.write('hall.jpg', await flat(2048, 1024, '#4080c0').jpeg().toBuffer());
    const { tiles, preview } = await derivePanorama(source, storage, 'pano');

    expect(tiles.base).toMatchObject({ key: 'pano/base.jpg', width: 1024, height: 512 });
    expect(tiles.base.bytes).toBeLessThan(100 * 1024);
    expect((await stored('pano/base.jpg')).bytes.length).toBe(tiles.base.bytes);
    expect(preview).toMatchObject({ width: 2048, height: 1024 });
    expect(preview.variants.map((v) => v.key)).toContain('pano/preview/w1920.avif');
  });

  it('writes the same keys again when run twice', async () => {
    const source = folder.write('hall.jpg', await flat(2048, 1024, '#4080c0').jpeg().toBuffer());
    await derivePanorama(source, storage, 'pano');
    const first = await keys('pano/');
    await derivePanorama(source, storage, 'pano');
    expect(await keys('pano/')).toEqual(first);
    expect(first).toHaveLength(8 + 1 + 15);
  });
});

describe('deriveVideoPoster', () => {
  /** The poster of a test clip; where ffmpeg is missing, what is asserted is that there is none. */
  async function posterOf(seconds: number, keyPrefix: string) {
    const video = `${folder.dir}/clip-${seconds}.mp4`;
    const ffmpeg = await hasFfmpeg();
    if (ffmpeg) await testVideo(video, seconds);
    const poster = await deriveVideoPoster(video, storage, keyPrefix);
    if (!ffmpeg) expect(poster).toBeNull();
    return { ffmpeg, poster };
  }

  it('makes a poster from the frame at one second', async () => {
    const { ffmpeg, poster } = await posterOf(3, 'film/poster');
    if (!ffmpeg) return;
    expect(poster).toMatchObject({ width: 320, height: 240 });
    expect(poster!.variants.map((v) => v.key)).toEqual([
      'film/poster/w320.avif',
      'film/poster/w320.jpg',
      'film/poster/w320.webp'
    ]);
  });

  it('takes the first frame of a clip shorter than a second', async () => {
    const { ffmpeg, poster } = await posterOf(0.4, 'short/poster');
    if (ffmpeg) expect(poster).toMatchObject({ width: 320, height: 240 });
  });

  it('gives no poster, without failing, where ffmpeg is not installed', async () => {
    const video = folder.write('film.mp4', Buffer.alloc(100));
    const options = { ffmpeg: `${folder.dir}/no-such-ffmpeg` };
    expect(await deriveVideoPoster(video, storage, 'film/poster', options)).toBeNull();
    expect(await keys('film/')).toEqual([]);
  });
});
