import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStorage, type Storage } from '../storage';
import { deriveDeepZoom, infoJson, tileKeyFor, type StoredInfo, type TileRequest } from './iiif';
import { noise, tempFolder, type TempFolder } from './test-files';
import type { DeepZoomTiles } from './types';

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

async function bytesOf(key: string): Promise<Buffer> {
  const content = await storage.get(key);
  if (!content) throw new Error(`nothing stored under ${key}`);
  return buffer(content.body);
}

/** Every stored file under the prefix with a hash of its bytes. */
async function contents(prefix: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for await (const object of storage.list(`${prefix}/`)) {
    found[object.key] = createHash('sha256')
      .update(await bytesOf(object.key))
      .digest('hex');
  }
  return found;
}

/**
 * The tiles a level-0 client asks for, by the Image API's own formula (section 5.6): at scale
 * factor s a tile covers tileSize × s source pixels and is that region's size divided by s,
 * rounded up; a level that fits in one tile is asked for as the full region.
 */
function tilesAClientAsksFor(tiles: DeepZoomTiles): TileRequest[] {
  const requests: TileRequest[] = [];
  for (const s of tiles.scaleFactors) {
    const span = tiles.tileSize * s;
    for (let y = 0; y < tiles.height; y += span) {
      for (let x = 0; x < tiles.width; x += span) {
        const w = Math.min(span, tiles.width - x);
        const h = Math.min(span, tiles.height - y);
        const whole = w === tiles.width && h === tiles.height;
        requests.push({
          region: whole ? 'full' : `${x},${y},${w},${h}`,
          size: `${Math.ceil(w / s)},${Math.ceil(h / s)}`,
          rotation: '0',
          file: 'default.jpg'
        });
      }
    }
  }
  return requests;
}

describe('deriveDeepZoom', () => {
  it('makes every tile of every level a client asks for, as a JPEG of the size it names', async () => {
    const source = folder.write('photo.jpg', await noise(2000, 1300).jpeg().toBuffer());
    const tiles = await deriveDeepZoom(source, storage, 'm/1/media/abc/iiif');

    expect(tiles).toMatchObject({
      width: 2000,
      height: 1300,
      tileSize: 512,
      scaleFactors: [1, 2, 4],
      sizes: [{ width: 500, height: 325 }],
      prefix: 'm/1/media/abc/iiif'
    });
    const requests = tilesAClientAsksFor(tiles);
    // 4 × 3 at full size, 2 × 2 at half, the whole image at a quarter.
    expect(requests).toHaveLength(12 + 4 + 1);
    expect(tiles.files).toBe(requests.length);
    for (const request of requests) {
      const key = tileKeyFor(tiles, request);
      expect(key, JSON.stringify(request)).not.toBeNull();
      const { width, height, format } = await sharp(await bytesOf(key!)).metadata();
      expect(`${width},${height}`).toBe(request.size);
      expect(format).toBe('jpeg');
    }
    const stored = await contents(tiles.prefix);
    expect(Object.keys(stored)).toHaveLength(requests.length + 1);
    expect(tiles.bytes).toBeGreaterThan(0);
  });

  it('rounds odd sizes up at each level as clients do', async () => {
    const source = folder.write('odd.jpg', await noise(2601, 1733).jpeg().toBuffer());
    const tiles = await deriveDeepZoom(source, storage, 'odd/iiif');
    expect(tiles.scaleFactors).toEqual([1, 2, 4, 8]);
    expect(tiles.sizes).toEqual([{ width: 326, height: 217 }]);
    for (const request of tilesAClientAsksFor(tiles)) {
      expect(await storage.head(tileKeyFor(tiles, request)!), JSON.stringify(request)).toBeTruthy();
    }
  });

  it('writes an info.json with the sizes made and without an id, which the route supplies', async () => {
    const source = folder.write('photo.jpg', await noise(1800, 2400).jpeg().toBuffer());
    const tiles = await deriveDeepZoom(source, storage, 'p/iiif');
    const stored = JSON.parse((await bytesOf('p/iiif/info.json')).toString()) as StoredInfo;
    expect(stored).not.toHaveProperty('id');
    const info = infoJson(stored, 'https://museums.example/iiif/3/42');
    expect(Object.keys(info).slice(0, 2)).toEqual(['@context', 'id']);
    expect(info).toMatchObject({
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: 'https://museums.example/iiif/3/42',
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level0',
      width: 1800,
      height: 2400,
      tiles: [{ width: 512, scaleFactors: [1, 2, 4, 8] }],
      sizes: tiles.sizes
    });
    expect(tiles.sizes).toEqual([{ width: 225, height: 300 }]);
  });

  it('gives an image too small for deep zoom one level: the whole image, as big as it is', async () => {
    const source = folder.write('small.jpg', await noise(1200, 800).jpeg().toBuffer());
    const tiles = await deriveDeepZoom(source, storage, 's/iiif');
    expect(tiles).toMatchObject({
      tileSize: 1200,
      scaleFactors: [1],
      sizes: [{ width: 1200, height: 800 }],
      files: 1
    });
    // OpenSeadragon asks for the whole image at full size as full/max.
    const key = tileKeyFor(tiles, {
      region: 'full',
      size: 'max',
      rotation: '0',
      file: 'default.jpg'
    });
    expect(key).toBe('s/iiif/full/1200_800.jpg');
    expect(await storage.head(key!)).toBeTruthy();
  });

  it('stands the picture upright by its EXIF orientation and whitens transparent parts', async () => {
    // Stored 2400 wide and 1700 high, shown turned a quarter: 1700 wide.
    const sideways = await noise(2400, 1700).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const tiles = await deriveDeepZoom(folder.write('turned.jpg', sideways), storage, 't/iiif');
    expect([tiles.width, tiles.height]).toEqual([1700, 2400]);

    const clear = await sharp({
      create: { width: 1700, height: 1700, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } }
    })
      .png()
      .toBuffer();
    const logo = await deriveDeepZoom(folder.write('clear.png', clear), storage, 'c/iiif');
    const corner = await sharp(
      await bytesOf(
        tileKeyFor(logo, {
          region: '0,0,512,512',
          size: '512,512',
          rotation: '0',
          file: 'default.jpg'
        })!
      )
    )
      .raw()
      .toBuffer();
    expect([...corner.subarray(0, 3)].every((v) => v > 250)).toBe(true);
  });

  it('changes nothing when it runs a second time', async () => {
    const source = folder.write('photo.jpg', await noise(1700, 1100).jpeg().toBuffer());
    const first = await deriveDeepZoom(source, storage, 'twice/iiif');
    const before = await contents('twice/iiif');
    const second = await deriveDeepZoom(source, storage, 'twice/iiif');
    expect(second).toEqual(first);
    expect(await contents('twice/iiif')).toEqual(before);
  });
});

describe('tileKeyFor', () => {
  const tiles: DeepZoomTiles = {
    width: 5641,
    height: 3173,
    tileSize: 512,
    scaleFactors: [1, 2, 4, 8, 16],
    sizes: [{ width: 353, height: 199 }],
    prefix: 'a/iiif',
    files: 0,
    bytes: 0
  };
  const ask = (region: string, size: string, rotation = '0', file = 'default.jpg') =>
    tileKeyFor(tiles, { region, size, rotation, file });

  it('names a tile by its region and size with underscores for the commas', () => {
    expect(ask('4096,0,1545,3173', '194,397')).toBe('a/iiif/4096_0_1545_3173/194_397.jpg');
    expect(ask('0,0,512,512', '512,512')).toBe('a/iiif/0_0_512_512/512_512.jpg');
  });

  it('reads the other spellings of the same pixels the same way', () => {
    expect(ask('full', '353,199')).toBe('a/iiif/full/353_199.jpg');
    expect(ask('0,0,5641,3173', '353,199')).toBe('a/iiif/full/353_199.jpg');
    expect(ask('full', '353,')).toBe('a/iiif/full/353_199.jpg');
    expect(ask('full', ',199')).toBe('a/iiif/full/353_199.jpg');
    expect(ask('5632,0,512,512', 'max')).toBe('a/iiif/5632_0_9_512/9_512.jpg');
  });

  it('refuses what level 0 never makes', () => {
    expect(ask('full', 'max', '90')).toBeNull();
    expect(ask('full', '353,199', '!0')).toBeNull();
    expect(ask('full', '353,199', '0', 'gray.jpg')).toBeNull();
    expect(ask('full', '353,199', '0', 'default.png')).toBeNull();
    expect(ask('pct:0,0,50,50', '353,199')).toBeNull();
    expect(ask('square', '353,199')).toBeNull();
    expect(ask('full', 'pct:50')).toBeNull();
    expect(ask('full', '!353,199')).toBeNull();
    expect(ask('full', '^max')).toBeNull();
    expect(ask('full', ',')).toBeNull();
    expect(ask('full', '300,')).toBeNull();
    expect(ask('6000,0,512,512', '512,512')).toBeNull();
    expect(ask('0,0,0,512', '512,512')).toBeNull();
    expect(ask('../../x', '512,512')).toBeNull();
    expect(ask('0,0,512,5129999999', '512,512')).toBeNull();
  });
});
