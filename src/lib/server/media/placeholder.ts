import { crc32, deflateSync } from 'node:zlib';
import type { Sharp } from 'sharp';
import { rgbaToThumbHash, thumbHashToAverageRGBA, thumbHashToRGBA } from 'thumbhash';

/** The ThumbHash of a picture, base64: its colours and shape in ~25 bytes. */
export async function thumbhashOf(pipeline: Sharp): Promise<string> {
  const { data, info } = await pipeline
    .resize(100, 100, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return Buffer.from(rgbaToThumbHash(info.width, info.height, data)).toString('base64');
}

/**
 * The blurred picture a page shows behind an image until it loads, as a `data:image/png` URL,
 * from the ThumbHash the derivative job stored. ~32×32 pixels that the browser stretches.
 *
 * Encoded here rather than with thumbhash's own helper, which stores the pixels uncompressed
 * (4.2 KB of base64 for a photo): opaque pictures drop the alpha channel and each row takes
 * the PNG "up" filter, so the deflated gradients come to ~1–1.5 KB. Synchronous and 0.3 ms
 * long, so pages call it while rendering.
 */
export function thumbhashDataUrl(thumbhash: string): string {
  const { w, h, rgba } = thumbHashToRGBA(Buffer.from(thumbhash, 'base64'));
  return `data:image/png;base64,${png(w, h, rgba).toString('base64')}`;
}

/** The picture's average colour as CSS `#rrggbb`, for a plain background where a blur is too much. */
export function thumbhashAverageColor(thumbhash: string): string {
  const { r, g, b } = thumbHashToAverageRGBA(Buffer.from(thumbhash, 'base64'));
  return `#${[r, g, b]
    .map((channel) =>
      Math.round(Math.min(1, Math.max(0, channel)) * 255)
        .toString(16)
        .padStart(2, '0')
    )
    .join('')}`;
}

function png(width: number, height: number, rgba: Uint8Array): Buffer {
  let opaque = true;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) opaque = false;
  const channels = opaque ? 3 : 4;
  const stride = width * channels;
  const rows = Buffer.alloc((stride + 1) * height);
  const pixel = (x: number, y: number, c: number) => rgba[(y * width + x) * 4 + c]!;
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1);
    rows[row] = y === 0 ? 0 : 2; // none for the first row, "up" for the rest
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) {
        const above = y === 0 ? 0 : pixel(x, y - 1, c);
        rows[row + 1 + x * channels + c] = (pixel(x, y, c) - above) & 0xff;
      }
    }
  }
  return pngFile(width, height, opaque ? 'rgb' : 'rgba', deflateSync(rows, { level: 9 }));
}

/** A PNG of 8-bit RGB or RGBA pixels, from its rows already filtered and deflated. */
export function pngFile(
  width: number,
  height: number,
  pixels: 'rgb' | 'rgba',
  deflatedRows: Buffer
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = pixels === 'rgb' ? 2 : 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflatedRows),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

/** Length, type, data and the CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
