import { open } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromFile } from 'file-type';
import sharp, { type Metadata } from 'sharp';
import {
  mismatchAccepted,
  mismatchForeign,
  needsPadding,
  notEquirectangular,
  notWebVtt,
  tooManyPixels,
  unreadable,
  unsupported
} from './refusals';
import {
  DEFAULT_MAX_PANORAMA_PIXELS,
  DEFAULT_MAX_PIXELS,
  isEquirectangular,
  orientedSize,
  sourceOptions
} from './source';
import type { Inspection, MediaKind } from './types';

export interface InspectionLimits {
  /** Largest image accepted, in pixels (default 100 MP). */
  maxPixels?: number;
  /** Largest panorama accepted, in pixels (default 16384×8192, 134 MP). */
  maxPanoramaPixels?: number;
}

type Family = Exclude<MediaKind, 'panorama'>;

interface AcceptedType {
  kind: Family;
  mime: string;
  ext: string;
}

/** What the library keeps, by the extension file-type reports for the bytes. */
const acceptedTypes: Record<string, AcceptedType> = {
  jpg: { kind: 'image', mime: 'image/jpeg', ext: 'jpg' },
  png: { kind: 'image', mime: 'image/png', ext: 'png' },
  webp: { kind: 'image', mime: 'image/webp', ext: 'webp' },
  avif: { kind: 'image', mime: 'image/avif', ext: 'avif' },
  mp4: { kind: 'video', mime: 'video/mp4', ext: 'mp4' },
  webm: { kind: 'video', mime: 'video/webm', ext: 'webm' },
  mp3: { kind: 'audio', mime: 'audio/mpeg', ext: 'mp3' },
  ogg: { kind: 'audio', mime: 'audio/ogg', ext: 'ogg' },
  // Ogg with Opus inside: browsers play it as audio/ogg, and people name it .ogg.
  opus: { kind: 'audio', mime: 'audio/ogg', ext: 'ogg' },
  m4a: { kind: 'audio', mime: 'audio/mp4', ext: 'm4a' },
  pdf: { kind: 'document', mime: 'application/pdf', ext: 'pdf' }
};

/** The kind of file a name promises, for the extensions people meet; others promise nothing. */
const familyOfExtension: Record<string, Family> = Object.fromEntries([
  ...['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'webp', 'avif', 'heic', 'heif', 'gif', 'tif', 'tiff']
    .concat(['bmp'])
    .map((ext) => [ext, 'image']),
  ...['mp4', 'm4v', 'webm', 'mov', 'avi', 'mkv', 'ogv'].map((ext) => [ext, 'video']),
  ...['mp3', 'ogg', 'oga', 'opus', 'm4a', 'aac', 'wav', 'flac'].map((ext) => [ext, 'audio']),
  ['pdf', 'document']
]);

/** Families of the types the library does not keep, so a .png that is a .gif is no mismatch. */
const familyOfForeignType: Record<string, Family> = {
  heic: 'image',
  gif: 'image',
  tif: 'image',
  bmp: 'image',
  mov: 'video',
  avi: 'video',
  mkv: 'video',
  ogv: 'video',
  wav: 'audio',
  flac: 'audio',
  aac: 'audio'
};

/**
 * What an uploaded file is, read from its bytes: its kind, type and (for pictures) its upright
 * size, or why the library refuses it, in words for the person who uploaded it.
 *
 * The name is only checked against the bytes: "photo.jpg" that is a PDF is refused as a
 * mismatch, "photo.jpg" that is a PNG is a PNG, a name without a known extension promises
 * nothing. Pictures are checked for their pixel count from the header alone (a 30000×30000 PNG
 * is refused before a pixel is decoded), then decoded once, small, so a truncated file is
 * refused here rather than failing later in a job.
 */
export async function inspectFile(
  filePath: string,
  declared: { fileName: string; panorama: boolean },
  limits: InspectionLimits = {}
): Promise<Inspection> {
  const { fileName } = declared;
  const extension = path.extname(fileName).slice(1).toLowerCase();
  const promised = familyOfExtension[extension];
  // What the messages call it, and the family its bytes must belong to.
  const expected: MediaKind | undefined = declared.panorama ? 'panorama' : promised;
  const family = declared.panorama ? 'image' : promised;

  if (extension === 'vtt' && !declared.panorama) return inspectCaptions(filePath, fileName);
  const sniffed = await fileTypeFromFile(filePath);
  const type = sniffed && acceptedTypes[sniffed.ext];
  if (!sniffed) {
    return family ? unreadable(fileName, family) : unsupported(fileName, undefined);
  }
  if (!type) {
    if (expected && family !== familyOfForeignType[sniffed.ext]) {
      return mismatchForeign(fileName, expected, sniffed.ext);
    }
    return unsupported(fileName, sniffed.ext);
  }
  // MP4 holds sound as well as pictures; a name ending .m4a says which.
  if (type.ext === 'mp4' && extension === 'm4a') {
    return checkedMedia(filePath, fileName, acceptedTypes.m4a!);
  }
  if (expected && family !== type.kind) return mismatchAccepted(fileName, expected, type.kind);
  if (type.kind === 'image') {
    return inspectImage(filePath, fileName, type, declared.panorama, {
      maxPixels: limits.maxPixels ?? DEFAULT_MAX_PIXELS,
      maxPanoramaPixels: limits.maxPanoramaPixels ?? DEFAULT_MAX_PANORAMA_PIXELS
    });
  }
  return checkedMedia(filePath, fileName, type);
}

async function inspectImage(
  filePath: string,
  fileName: string,
  type: AcceptedType,
  declaredPanorama: boolean,
  limits: Required<InspectionLimits>
): Promise<Inspection> {
  let metadata: Metadata;
  try {
    // Reads the header only; the limit applies to decoding, which comes after our own check.
    metadata = await sharp(filePath, { limitInputPixels: false }).metadata();
  } catch {
    return unreadable(fileName, 'image');
  }
  const size = orientedSize(metadata);
  const panorama = declaredPanorama || (isEquirectangular(size) && saysEquirectangular(metadata));
  const maxPixels = panorama ? limits.maxPanoramaPixels : limits.maxPixels;
  if (size.width * size.height > maxPixels) return tooManyPixels(fileName, size, maxPixels);
  if (declaredPanorama && !isEquirectangular(size)) {
    // Wider than 2:1 becomes a panorama with sky and floor added, if that still fits the limit.
    const paddable =
      size.width > 2 * size.height &&
      size.width * Math.round(size.width / 2) <= limits.maxPanoramaPixels;
    if (!paddable) return notEquirectangular(fileName, size);
    if (!(await decodes(filePath, type, maxPixels))) return unreadable(fileName, 'image');
    return needsPadding(fileName, size);
  }
  if (!(await decodes(filePath, type, maxPixels))) return unreadable(fileName, 'image');
  return { ok: true, ...type, kind: panorama ? 'panorama' : 'image', ...size };
}

/** Google's photo-sphere XMP, written by 360° cameras and stitchers. */
function saysEquirectangular(metadata: Metadata): boolean {
  const xmp = metadata.xmpAsString ?? metadata.xmp?.toString('latin1') ?? '';
  return /GPano:ProjectionType\s*(?:=\s*["']|>)\s*equirectangular/i.test(xmp);
}

/**
 * Decodes the picture down to a thumbnail and throws the pixels away. JPEG and WebP decode at
 * reduced size, PNG streams through: ~60 ms for a 24 MP JPEG, ~200 ms for a 65 MB PNG, tens of
 * MB of memory. AVIF decodes whole (430 MB for 24 MP), so it is checked by its boxes instead.
 */
async function decodes(filePath: string, type: AcceptedType, maxPixels: number) {
  if (!(await isComplete(filePath, type.ext))) return false;
  if (type.ext === 'avif') return true;
  try {
    await sharp(filePath, sourceOptions(maxPixels))
      .resize(64, 64, { fit: 'inside' })
      .raw()
      .toBuffer();
    return true;
  } catch {
    return false;
  }
}

async function checkedMedia(
  filePath: string,
  fileName: string,
  type: AcceptedType
): Promise<Inspection> {
  return (await isComplete(filePath, type.ext))
    ? { ok: true, ...type }
    : unreadable(fileName, type.kind);
}

/**
 * WebVTT captions (for a tour's video clips) are text, which file-type cannot sniff: the name
 * says .vtt and the bytes must begin as the format requires, "WEBVTT" after an optional BOM.
 */
async function inspectCaptions(filePath: string, fileName: string): Promise<Inspection> {
  const file = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const text = head
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return /^WEBVTT(?:$|[ \t\r\n])/.test(text)
      ? { ok: true, kind: 'document', mime: 'text/vtt', ext: 'vtt' }
      : notWebVtt(fileName);
  } finally {
    await file.close();
  }
}

type ReadAt = (position: number, length: number) => Promise<Buffer>;

/**
 * Whether a file is all there, from its structure: the cheap check for the types a decode
 * cannot vouch for (AVIF decodes whole; video and PDF are not decoded here at all).
 */
const completeness: Record<string, (read: ReadAt, size: number) => Promise<boolean>> = {
  avif: isoBoxesComplete,
  mp4: isoBoxesComplete,
  m4a: isoBoxesComplete,
  // libwebp decodes what there is of a cut file without complaint; the RIFF header gives the length.
  webp: async (read, size) => (await read(0, 8)).readUInt32LE(4) + 8 <= size,
  // A PDF ends with %%EOF, perhaps followed by white space or an appended update.
  pdf: async (read, size) => (await read(Math.max(0, size - 2048), 2048)).includes('%%EOF')
};

async function isComplete(filePath: string, ext: string): Promise<boolean> {
  const check = completeness[ext];
  if (!check) return true;
  const file = await open(filePath, 'r');
  try {
    const { size } = await file.stat();
    const read: ReadAt = async (position, length) => {
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await file.read(bytes, 0, length, position);
      return bytes.subarray(0, bytesRead);
    };
    return await check(read, size);
  } finally {
    await file.close();
  }
}

/**
 * An ISO media file (MP4, M4A, AVIF) is a row of boxes, each starting with its size. A file cut
 * short ends inside its last box: the sizes no longer add up to the file's length.
 */
async function isoBoxesComplete(read: ReadAt, size: number): Promise<boolean> {
  let offset = 0;
  while (offset < size) {
    const header = await read(offset, 16);
    if (header.length < 8) return false;
    let boxSize = header.readUInt32BE(0);
    if (boxSize === 1) {
      if (header.length < 16) return false;
      boxSize = Number(header.readBigUInt64BE(8));
    } else if (boxSize === 0) {
      return true; // "to the end of the file"
    }
    if (boxSize < 8) return false;
    offset += boxSize;
  }
  return offset === size;
}
