/** A message in both interface languages. */
export interface Localized {
  ru: string;
  en: string;
}

/** What the library holds. A panorama is an equirectangular (2:1) photo the tours will walk through. */
export const mediaKinds = ['image', 'panorama', 'video', 'audio', 'document'] as const;
export type MediaKind = (typeof mediaKinds)[number];

/** What an upload turned out to be, read from its bytes rather than from its name. */
export type Inspection =
  | {
      ok: true;
      kind: MediaKind;
      /** The sniffed type, e.g. image/jpeg, video/mp4, application/pdf. */
      mime: string;
      /** The extension that belongs to `mime`, without a dot: jpg, png, mp4, pdf … */
      ext: string;
      /** Pixel size, for images and panoramas (after EXIF rotation). */
      width?: number;
      height?: number;
    }
  | {
      ok: false;
      reason: RefusalReason;
      message: Localized;
      /** The picture's size, for a panorama that could be padded to 2:1. */
      size?: { width: number; height: number };
    };

export type RefusalReason =
  /** The bytes are not what the file's name or the declared kind says. */
  | 'mismatch'
  /** A type the library does not keep (an .exe, a .docx …). */
  | 'unsupported'
  /** More pixels than the limit: a decompression bomb, or simply too big to process. */
  | 'too-many-pixels'
  /** Declared as a panorama but not 2:1, and not wider than 2:1 either. */
  | 'not-equirectangular'
  /** Declared as a panorama and wider than 2:1: padded with sky and floor, it would be one. */
  | 'needs-padding'
  /** The bytes cannot be read as the type they claim (a truncated or broken file). */
  | 'unreadable';

export const imageFormats = ['avif', 'webp', 'jpeg'] as const;
export type ImageFormat = (typeof imageFormats)[number];

/** One encoded size of an image, as `<source srcset>` needs it. */
export interface ImageVariant {
  format: ImageFormat;
  width: number;
  height: number;
  key: string;
  bytes: number;
}

/** The responsive set made from one image (or a panorama's preview, or a video's poster). */
export interface ImageRendition {
  /** The size of the oriented source; variants never exceed it. */
  width: number;
  height: number;
  /** ThumbHash of the image, base64: a ~25-byte placeholder shown while the real one loads. */
  thumbhash: string;
  variants: ImageVariant[];
}

/** Equirectangular tiles for the panorama viewer, plus a small base image shown first. */
export interface PanoramaTiles {
  width: number;
  height: number;
  tileSize: number;
  /** Smallest first; each level is a full equirectangular image cut into cols × rows tiles. */
  levels: { width: number; height: number; cols: number; rows: number }[];
  /** `{level}`, `{col}` and `{row}` stand for the numbers: `…/tiles/{level}/{col}_{row}.jpg`. */
  tileKeyPattern: string;
  base: { key: string; width: number; height: number; bytes: number };
}

/**
 * IIIF Image API 3 level-0 tiles of a still image, for deep zoom: every file a client may ask for
 * is made in advance under `prefix` (`{prefix}/info.json`, `{prefix}/{region}/{size}/0/default.jpg`),
 * and `/iiif/3/{assetId}/…` serves them. An image too small for deep zoom is one whole-image
 * "tile" of its own size, so every image still has an info.json.
 */
export interface DeepZoomTiles {
  width: number;
  height: number;
  /** The tile edge in pixels: 512, or the long side of an image that is one tile. */
  tileSize: number;
  /** 1 is full resolution; 2 is half … as in info.json's `tiles[0].scaleFactors`. */
  scaleFactors: number[];
  /** Whole-image sizes made, smallest first (`full/{width},{height}/0/default.jpg`). */
  sizes: { width: number; height: number }[];
  /** The folder of the level-0 service, under the asset's own folder. */
  prefix: string;
  /** How many tile files, and their bytes together (info.json not counted). */
  files: number;
  bytes: number;
}
