import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { Storage } from '../storage';
import { thumbhashOf } from './placeholder';
import {
  DEFAULT_MAX_PANORAMA_PIXELS,
  DEFAULT_MAX_PIXELS,
  orientedSize,
  sourceOptions
} from './source';
import type { ImageFormat, ImageRendition, ImageVariant, PanoramaTiles } from './types';

/** The widths `srcset` offers, from a phone at 1× to a wide screen. */
export const imageWidths = [320, 640, 960, 1280, 1920] as const;

/**
 * The widths of a panorama's tile levels; the viewer loads finer ones as the visitor zooms. Each
 * is 2ⁿ tiles across, which the viewer's tiles adapter needs (64 × 32 at most); 16384 keeps the
 * full detail of the largest panorama accepted (32 × 16 tiles) instead of halving it.
 */
export const panoramaLevelWidths = [2048, 4096, 8192, 16384] as const;

export const TILE_SIZE = 512;

/**
 * mozjpeg's table and Huffman optimisation, without its trellis quantisation: trellis took an
 * 8192×4096 level from 0.8 s to 3.0 s here for 10% fewer bytes (3.56 MB against 3.94 MB for
 * its 128 tiles), and a panorama has 168 tiles where a photo has 5 JPEGs.
 */
const tileJpeg = {
  quality: 80,
  quantisationTable: 3,
  optimiseCoding: true,
  progressive: true
} as const;

export interface DeriveOptions {
  /** The decoding limit (default 100 MP), as inspectFile applied it to this file. */
  maxPixels?: number;
  widths?: readonly number[];
}

export interface Encoding {
  extension: string;
  contentType: string;
  apply(pipeline: Sharp): Sharp;
}

/**
 * AVIF sets the pace. The 1920 px variant of a 24 MP photo at quality 50 (≈ WebP or JPEG 80 to
 * the eye), measured on this two-core machine: effort 4 (sharp's default) 9.4 s, 295 KB,
 * PSNR 30.3 dB; effort 2 1.1 s, 304 KB, 30.1 dB; effort 0 0.2 s, 295 KB, 29.8 dB. Effort 2
 * keeps the whole set under 2 s with most of effort 4's quality; effort 0 is the lever if a
 * slower machine must keep up with uploads.
 */
export const encodings: Record<ImageFormat, Encoding> = {
  avif: {
    extension: 'avif',
    contentType: 'image/avif',
    apply: (pipeline) => pipeline.avif({ quality: 50, effort: 2 })
  },
  webp: {
    extension: 'webp',
    contentType: 'image/webp',
    apply: (pipeline) => pipeline.webp({ quality: 80, effort: 4 })
  },
  jpeg: {
    extension: 'jpg',
    contentType: 'image/jpeg',
    // JPEG has no transparency: a PNG logo's clear parts turn white, not black.
    apply: (pipeline) =>
      pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true })
  }
};

/**
 * Encodes running at once. Each uses libvips' threads too; three keep both cores busy while the
 * 1920 px AVIF runs (1.55 s for the set against 2.9 s one by one); more only add memory.
 */
export const ENCODERS_AT_ONCE = 3;

/**
 * The responsive set of one picture: AVIF, WebP and JPEG at each srcset width up to the picture's
 * own, under `${keyPrefix}/w640.avif` and so on, plus its ThumbHash. Upright by EXIF, in sRGB,
 * with no metadata (no GPS position of the photographer's home).
 *
 * The source is decoded once, already shrunk to the largest width (JPEG decodes at 1/2 or 1/4
 * scale directly: 80 ms for 24 MP), and every variant is resized from those pixels. Running it
 * again writes the same keys.
 */
export async function deriveImage(
  sourcePath: string,
  storage: Storage,
  keyPrefix: string,
  options: DeriveOptions = {}
): Promise<ImageRendition> {
  const input = sharp(sourcePath, sourceOptions(options.maxPixels ?? DEFAULT_MAX_PIXELS));
  const size = orientedSize(await input.metadata());
  const widths = variantWidths(size.width, options.widths ?? imageWidths);
  const { data, info } = await input
    .resize({ width: Math.max(...widths), withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const decoded = {
    raw: { width: info.width, height: info.height, channels: info.channels }
  } as const;
  const fromDecoded = (width: number) => {
    const pipeline = sharp(data, decoded);
    return width < info.width ? pipeline.resize({ width }) : pipeline;
  };

  // Largest first, so the longest encode starts at once and the short ones fill in around it.
  const tasks = [...widths].reverse().flatMap((width) =>
    (Object.keys(encodings) as ImageFormat[]).map((format) => async (): Promise<ImageVariant> => {
      const encoding = encodings[format];
      const output = await encoding.apply(fromDecoded(width)).toBuffer({ resolveWithObject: true });
      const key = `${keyPrefix}/w${width}.${encoding.extension}`;
      await storage.put(key, output.data, { contentType: encoding.contentType });
      return { format, width, height: output.info.height, key, bytes: output.info.size };
    })
  );
  const [variants, thumbhash] = await Promise.all([
    runLimited(tasks, ENCODERS_AT_ONCE),
    thumbhashOf(sharp(data, decoded))
  ]);
  variants.sort((a, b) => a.width - b.width || a.format.localeCompare(b.format));
  return { ...size, thumbhash, variants };
}

/** The srcset widths a picture this wide fills; one at its own width if it is narrower still. */
export function variantWidths(sourceWidth: number, widths: readonly number[] = imageWidths) {
  const fitting = widths.filter((width) => width <= sourceWidth);
  return fitting.length > 0 ? fitting : [sourceWidth];
}

/**
 * A panorama for the viewer: at each level of `panoramaLevelWidths` no wider than the source (at
 * least one, at the source's width), the whole equirectangular image cut into 512 px JPEG tiles
 * under `${keyPrefix}/tiles/{level}/{col}_{row}.jpg`; a 1024×512 base image shown before any
 * tile arrives; and a responsive preview under `${keyPrefix}/preview/` for the library.
 *
 * One level at a time, libvips resizes while it cuts (`dzsave` into a temporary folder), reading
 * the source from top to bottom: a 16384×8192 source never sits whole in memory, and neither do
 * its tiles, which go to storage from the folder before the next level starts.
 */
export async function derivePanorama(
  sourcePath: string,
  storage: Storage,
  keyPrefix: string,
  options: { maxPixels?: number } = {}
): Promise<{ tiles: PanoramaTiles; preview: ImageRendition }> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PANORAMA_PIXELS;
  const open = () => sharp(sourcePath, sourceOptions(maxPixels));
  const size = orientedSize(await open().metadata());
  const levels = panoramaLevels(size.width);
  const tileKeyPattern = `${keyPrefix}/tiles/{level}/{col}_{row}.jpg`;

  await withTempDir('kraeved-tiles-', async (dir) => {
    for (const [index, level] of levels.entries()) {
      const base = path.join(dir, `level${index}`);
      await open()
        .resize(level.width, level.height, { fit: 'fill' })
        .jpeg(tileJpeg)
        .tile({ size: TILE_SIZE, overlap: 0, depth: 'one', layout: 'dz' })
        .toFile(`${base}.dz`);
      // dzsave names them <base>_files/0/<col>_<row>.jpeg.
      const folder = path.join(`${base}_files`, '0');
      const names = (await readdir(folder)).filter((name) => name.endsWith('.jpeg'));
      if (names.length !== level.cols * level.rows) {
        throw new Error(`Level ${index} has ${names.length} tiles, not ${level.cols * level.rows}`);
      }
      await runLimited(
        names.map((name) => async () => {
          const [col, row] = name.slice(0, -'.jpeg'.length).split('_');
          const key = tileKeyPattern
            .replace('{level}', String(index))
            .replace('{col}', String(col))
            .replace('{row}', String(row));
          await storage.put(key, await readFile(path.join(folder, name)), {
            contentType: 'image/jpeg'
          });
        }),
        8
      );
      await rm(`${base}_files`, { recursive: true, force: true });
    }
  });

  const baseWidth = Math.min(1024, size.width);
  const baseImage = await open()
    .resize(baseWidth, Math.round(baseWidth / 2), { fit: 'fill' })
    .jpeg({ quality: 70, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  const baseKey = `${keyPrefix}/base.jpg`;
  await storage.put(baseKey, baseImage.data, { contentType: 'image/jpeg' });

  const preview = await deriveImage(sourcePath, storage, `${keyPrefix}/preview`, { maxPixels });
  return {
    tiles: {
      ...size,
      tileSize: TILE_SIZE,
      levels,
      tileKeyPattern,
      base: {
        key: baseKey,
        width: baseImage.info.width,
        height: baseImage.info.height,
        bytes: baseImage.info.size
      }
    },
    preview
  };
}

/** The tile levels of a panorama this wide: every level width it fills, or one at its own width. */
export function panoramaLevels(sourceWidth: number): PanoramaTiles['levels'] {
  return variantWidths(sourceWidth, panoramaLevelWidths).map((width) => {
    const height = Math.round(width / 2);
    return {
      width,
      height,
      cols: Math.ceil(width / TILE_SIZE),
      rows: Math.ceil(height / TILE_SIZE)
    };
  });
}

/**
 * A poster for a video: the frame at 1 s (the first frame of a shorter clip), as a responsive
 * set under `keyPrefix`. Null when ffmpeg is not installed or the file has no picture to take
 * (a WebM with sound only): the library then shows a generic video icon.
 */
export async function deriveVideoPoster(
  sourcePath: string,
  storage: Storage,
  keyPrefix: string,
  options: { ffmpeg?: string } = {}
): Promise<ImageRendition | null> {
  const ffmpeg = options.ffmpeg ?? 'ffmpeg';
  return withTempDir('kraeved-poster-', async (dir) => {
    const frame = path.join(dir, 'frame.png');
    // A clip shorter than a second has no frame at 1 s: then the first one.
    for (const seek of [['-ss', '1'], []]) {
      try {
        await run(ffmpeg, [
          ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'],
          ...seek,
          ...['-i', sourcePath, '-frames:v', '1', '-an', frame]
        ]);
      } catch (error) {
        if (hasCode(error, 'ENOENT')) return null;
      }
      if (await isNonEmpty(frame)) return deriveImage(frame, storage, keyPrefix);
    }
    return null;
  });
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 120_000, maxBuffer: 1024 * 1024 }, (error) =>
      error ? reject(error) : resolve()
    );
  });
}

async function isNonEmpty(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

async function withTempDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs tasks with at most `limit` at a time; results in the tasks' order. */
export async function runLimited<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}
