import type { Metadata, SharpOptions } from 'sharp';

/**
 * 100 megapixels: more than any camera or scanner a museum uses, far less than a decompression
 * bomb declares (a 30000×30000 PNG is 900 MP). Decoding 100 MP as RGB would take 300 MB.
 */
export const DEFAULT_MAX_PIXELS = 100_000_000;

/**
 * A 16384×8192 panorama (134 MP), the largest a 360° camera stitches. Panoramas are only ever
 * resized and cut into tiles, which libvips does streaming from top to bottom, so memory stays
 * bounded however many pixels there are.
 */
export const DEFAULT_MAX_PANORAMA_PIXELS = 16384 * 8192;

/**
 * How every decode of an uploaded image opens it: refused above the pixel limit before a pixel
 * is decoded, turned upright by its EXIF orientation, and aborted on a decode error (a truncated
 * file) rather than finished with grey blocks. Warnings are let through: many cameras write
 * JPEGs with harmless ones ("extraneous bytes before marker").
 */
export function sourceOptions(maxPixels: number): SharpOptions {
  return { limitInputPixels: maxPixels, failOn: 'error', autoOrient: true };
}

/** The size an image shows at, once its EXIF orientation is applied. */
export function orientedSize(metadata: Metadata): { width: number; height: number } {
  return { width: metadata.autoOrient.width, height: metadata.autoOrient.height };
}

/** 2:1 within a pixel: what an equirectangular panorama is. */
export function isEquirectangular(size: { width: number; height: number }): boolean {
  return Math.abs(size.width - 2 * size.height) <= 1;
}
