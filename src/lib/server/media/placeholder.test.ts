import sharp from 'sharp';
import { thumbHashToRGBA } from 'thumbhash';
import { describe, expect, it } from 'vitest';
import { thumbhashAverageColor, thumbhashDataUrl, thumbhashOf } from './placeholder';
import { flat, noise } from './test-files';

async function decode(dataUrl: string) {
  const [prefix, base64] = dataUrl.split(',');
  expect(prefix).toBe('data:image/png;base64');
  return sharp(Buffer.from(base64!, 'base64'))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
}

describe('thumbhashDataUrl', () => {
  it('draws the ThumbHash’s picture as a PNG of about a kilobyte', async () => {
    const hash = await thumbhashOf(noise(1200, 800));
    const url = thumbhashDataUrl(hash);
    const expected = thumbHashToRGBA(Buffer.from(hash, 'base64'));
    const { data, info } = await decode(url);
    expect([info.width, info.height]).toEqual([expected.w, expected.h]);
    expect([...data]).toEqual([...expected.rgba]);
    expect(url.length).toBeLessThan(1600);
  });

  it('keeps the transparent parts of a logo transparent', async () => {
    const logo = flat(200, 200, '#00000000', 4).composite([
      { input: await flat(100, 100, '#ff0000').png().toBuffer(), top: 50, left: 50 }
    ]);
    const hash = await thumbhashOf(sharp(await logo.png().toBuffer()));
    const { data, info } = await decode(thumbhashDataUrl(hash));
    expect(info.channels).toBe(4);
    expect(data[3]).toBeLessThan(128);
  });
});

describe('thumbhashAverageColor', () => {
  it('gives the picture’s average colour as CSS hex', async () => {
    const hash = await thumbhashOf(flat(300, 200, '#3366cc'));
    expect(thumbhashAverageColor(hash)).toMatch(/^#[0-9a-f]{6}$/);
    const [r, g, b] = [1, 3, 5].map((i) =>
      parseInt(thumbhashAverageColor(hash).slice(i, i + 2), 16)
    );
    expect(Math.abs(r! - 0x33) + Math.abs(g! - 0x66) + Math.abs(b! - 0xcc)).toBeLessThan(24);
  });
});
