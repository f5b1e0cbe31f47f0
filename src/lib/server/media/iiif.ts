import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Storage } from '../storage';
import { runLimited } from './derive';
import { DEFAULT_MAX_PIXELS, orientedSize, sourceOptions } from './source';
import type { DeepZoomTiles } from './types';

/** The tile edge OpenSeadragon and Mirador load best: 4 × fewer requests than 256 px tiles. */
export const DEEP_ZOOM_TILE_SIZE = 512;

/**
 * Below this long side the responsive image already shows every pixel on a large screen; such an
 * image gets one whole-image level instead of a pyramid, so every image still has an info.json.
 */
export const DEEP_ZOOM_MIN_SIDE = 1600;

/**
 * Tiles are seen many at a time and close up: quality 80 with mozjpeg's tables and Huffman
 * optimisation, baseline (a progressive tile is slower to decode and gains nothing at 512 px).
 */
const tileJpeg = { quality: 80, quantisationTable: 3, optimiseCoding: true } as const;

/** The stored info.json: all of the level-0 service but `id`, which depends on who asks. */
export type StoredInfo = Record<string, unknown> & { '@context': string };

/**
 * Cuts a still image into IIIF Image API 3 level-0 tiles under `prefix` and writes its info.json
 * there last, with the whole-image `sizes` added (level-0 clients such as thumbnails in Mirador
 * pick from them) and without `id`: the route adds the public URL when asked, so the database and
 * storage keep keys only. Upright by EXIF, in sRGB, transparent parts white.
 *
 * libvips cuts into a temporary folder, reading the source top to bottom (a 6000×4000 photo is
 * never whole in memory with all its levels); the tiles go to storage from there. IIIF paths
 * have commas, which keys do not allow: `0,0,512,512/512,512/0/default.jpg` is stored as
 * `0_0_512_512/512_512.jpg` (tileKey). Running it again writes the same keys.
 */
export async function deriveDeepZoom(
  sourcePath: string,
  storage: Storage,
  prefix: string,
  options: { maxPixels?: number } = {}
): Promise<DeepZoomTiles> {
  const open = () => sharp(sourcePath, sourceOptions(options.maxPixels ?? DEFAULT_MAX_PIXELS));
  const { width, height } = orientedSize(await open().metadata());
  const longSide = Math.max(width, height);
  const pyramid = longSide >= DEEP_ZOOM_MIN_SIDE;
  const tileSize = pyramid ? DEEP_ZOOM_TILE_SIZE : longSide;

  const work = await mkdtemp(path.join(os.tmpdir(), 'kraeved-iiif-'));
  try {
    const out = path.join(work, 'iiif');
    await open()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg(tileJpeg)
      .tile({ layout: 'iiif3', size: tileSize, overlap: 0, depth: pyramid ? 'onetile' : 'one' })
      .toFile(out);
    // libvips names them {region}/{size}/0/default.jpg, region "full" where one tile is the image.
    const files = (await readdir(out, { recursive: true }))
      .map((name) => name.split(path.sep).join('/'))
      .filter((name) => name.endsWith('/0/default.jpg'));
    const sizes: { width: number; height: number }[] = [];
    const bytes = await runLimited(
      files.map((name) => async () => {
        const [region, size] = name.split('/') as [string, string];
        const [w, h] = size.split(',').map(Number) as [number, number];
        if (region === 'full') sizes.push({ width: w, height: h });
        const body = await readFile(path.join(out, name));
        await storage.put(tileKey(prefix, region, [w, h]), body, { contentType: 'image/jpeg' });
        return body.length;
      }),
      8
    );
    sizes.sort((a, b) => a.width - b.width);

    const info: StoredInfo & { id?: string } = {
      ...(JSON.parse(await readFile(path.join(out, 'info.json'), 'utf8')) as StoredInfo),
      sizes
    };
    // libvips writes its own `id` (https://example.com/iiif/…); the route supplies the real one.
    delete info.id;
    await storage.put(`${prefix}/info.json`, Buffer.from(JSON.stringify(info, null, 2)), {
      contentType: 'application/json'
    });
    return {
      width,
      height,
      tileSize,
      scaleFactors: scaleFactorsOf(info),
      sizes,
      prefix,
      files: files.length,
      bytes: bytes.reduce((sum, n) => sum + n, 0)
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function scaleFactorsOf(info: StoredInfo): number[] {
  const tiles = info.tiles as { scaleFactors: number[] }[] | undefined;
  return tiles?.[0]?.scaleFactors ?? [1];
}

/** The info.json a client gets: the stored one with `id`, the service's public URL, put first. */
export function infoJson(stored: StoredInfo, serviceUrl: string): Record<string, unknown> {
  const { '@context': context, ...rest } = stored;
  return { '@context': context, id: serviceUrl, ...rest };
}

/** Where the tile of `region` (`full` or `x_y_w_h`) at `size` pixels is stored. */
export function tileKey(prefix: string, region: string, size: [number, number]): string {
  return `${prefix}/${region.replaceAll(',', '_')}/${size.join('_')}.jpg`;
}

/** The four path segments after the service URL: `0,0,512,512`, `512,512`, `0`, `default.jpg`. */
export interface TileRequest {
  region: string;
  size: string;
  rotation: string;
  file: string;
}

/**
 * The stored key a request for an image region names, in any of the forms IIIF allows for the
 * same pixels (`full` or its `x,y,w,h`; `max`, `w,h`, `w,` or `,h`), or null for what level 0
 * never makes (rotation, other qualities and formats, percentages). Whether the file exists is
 * storage's answer: a size that was not made is a 404 there.
 */
export function tileKeyFor(tiles: DeepZoomTiles, request: TileRequest): string | null {
  if (request.rotation !== '0' || request.file !== 'default.jpg') return null;
  const region = regionOf(request.region, tiles);
  if (!region) return null;
  const size = sizeOf(request.size, region, tiles.scaleFactors);
  if (!size) return null;
  const whole =
    region.x === 0 && region.y === 0 && region.w === tiles.width && region.h === tiles.height;
  return tileKey(
    tiles.prefix,
    whole ? 'full' : [region.x, region.y, region.w, region.h].join('_'),
    size
  );
}

interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

const number = '(\\d{1,6})';

function regionOf(text: string, image: { width: number; height: number }): Region | null {
  if (text === 'full') return { x: 0, y: 0, w: image.width, h: image.height };
  const match = new RegExp(`^${number},${number},${number},${number}$`).exec(text);
  if (!match) return null;
  const [x, y, w, h] = match.slice(1).map(Number) as [number, number, number, number];
  if (w === 0 || h === 0 || x >= image.width || y >= image.height) return null;
  // A region past the image's edge means the part inside it (Image API 3, 4.1).
  return { x, y, w: Math.min(w, image.width - x), h: Math.min(h, image.height - y) };
}

/**
 * `w,` and `,h` leave the other side to the server: here the one of the size made at some scale
 * factor (each side divided and rounded up, as libvips and clients round), so no rounding guess
 * can name a file that differs by a pixel.
 */
function sizeOf(text: string, region: Region, scaleFactors: number[]): [number, number] | null {
  if (text === 'max') return [region.w, region.h];
  const match = new RegExp(`^${number}?,${number}?$`).exec(text);
  if (!match) return null;
  const w = match[1] ? Number(match[1]) : undefined;
  const h = match[2] ? Number(match[2]) : undefined;
  if (w !== undefined && h !== undefined) return [w, h];
  const scale = scaleFactors.find((s) =>
    w !== undefined ? Math.ceil(region.w / s) === w : Math.ceil(region.h / s) === h
  );
  return scale ? [Math.ceil(region.w / scale), Math.ceil(region.h / scale)] : null;
}
