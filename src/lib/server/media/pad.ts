import sharp, { type Sharp } from 'sharp';
import { orientedSize, sourceOptions } from './source';

/** Rows averaged at each edge for the colour of the added sky and floor. */
const EDGE_ROWS = 8;

/**
 * A panorama wider than 2:1 (a cylindrical one: no zenith, no floor) made equirectangular: the
 * picture centred vertically on a canvas half as high as it is wide, the band above filled with
 * the average colour of its top rows (the sky) and the band below with that of its bottom rows
 * (the floor). Written as a JPEG at `targetPath`; returns the new size.
 *
 * libvips extends and composites while it streams the picture top to bottom, so a 16384 px wide
 * panorama is never whole in memory.
 */
export async function padToEquirectangular(
  sourcePath: string,
  targetPath: string,
  options: { maxPixels: number }
): Promise<{ width: number; height: number }> {
  const open = () => sharp(sourcePath, sourceOptions(options.maxPixels));
  const size = orientedSize(await open().metadata());
  const height = Math.round(size.width / 2);
  if (height <= size.height) throw new Error(`${size.width}×${size.height} is not wider than 2:1`);
  const top = Math.floor((height - size.height) / 2);
  const bottom = height - size.height - top;
  const rows = Math.min(EDGE_ROWS, size.height);
  const [sky, floor] = await Promise.all([
    averageColour(open().extract({ left: 0, top: 0, width: size.width, height: rows })),
    averageColour(
      open().extract({ left: 0, top: size.height - rows, width: size.width, height: rows })
    )
  ]);
  let padded = open()
    .removeAlpha()
    .toColourspace('srgb')
    .extend({ top, bottom, left: 0, right: 0, background: sky });
  if (bottom > 0) {
    padded = padded.composite([
      {
        input: { create: { width: size.width, height: bottom, channels: 3, background: floor } },
        top: top + size.height,
        left: 0
      }
    ]);
  }
  await padded.jpeg({ quality: 92, mozjpeg: true }).toFile(targetPath);
  return { width: size.width, height };
}

/** The mean colour of the pixels, read raw: `stats()` would describe the whole input instead. */
async function averageColour(pixels: Sharp): Promise<{ r: number; g: number; b: number }> {
  const { data, info } = await pixels
    .removeAlpha()
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const sums = [0, 0, 0];
  for (let i = 0; i < data.length; i += info.channels) {
    for (let c = 0; c < 3; c++) sums[c]! += data[i + Math.min(c, info.channels - 1)]!;
  }
  const count = data.length / info.channels;
  const [r, g, b] = sums.map((sum) => Math.round(sum / count)) as [number, number, number];
  return { r, g, b };
}
