import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { padToEquirectangular } from './pad';
import { tempFolder, type TempFolder } from './test-files';

let folder: TempFolder;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.remove());

/** A 1200×400 cylinder: blue sky in its top rows, brown floor in its bottom rows, grey between. */
async function cylinder(): Promise<string> {
  const band = (colour: string) => ({
    input: { create: { width: 1200, height: 40, channels: 3 as const, background: colour } }
  });
  const bytes = await sharp({
    create: { width: 1200, height: 400, channels: 3, background: '#808080' }
  })
    .composite([
      { ...band('#3070d0'), top: 0, left: 0 },
      { ...band('#704020'), top: 360, left: 0 }
    ])
    .png()
    .toBuffer();
  return folder.write('cylinder.png', bytes);
}

async function pixelAt(file: string, x: number, y: number) {
  const { data } = await sharp(file)
    .extract({ left: x, top: y, width: 1, height: 1 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return [...data];
}

const near = (actual: number[], expected: number[]) =>
  actual.every((value, i) => Math.abs(value - expected[i]!) <= 6);

describe('padToEquirectangular', () => {
  it('centres the picture on a 2:1 canvas with sky above and floor below, as JPEG', async () => {
    const target = `${folder.dir}/padded.jpg`;
    expect(await padToEquirectangular(await cylinder(), target, { maxPixels: 10_000_000 })).toEqual(
      { width: 1200, height: 600 }
    );
    const metadata = await sharp(target).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['jpeg', 1200, 600]);
    // 100 rows added above and below; the picture keeps its place between them.
    expect(near(await pixelAt(target, 600, 20), [0x30, 0x70, 0xd0])).toBe(true);
    expect(near(await pixelAt(target, 600, 120), [0x30, 0x70, 0xd0])).toBe(true);
    expect(near(await pixelAt(target, 600, 300), [0x80, 0x80, 0x80])).toBe(true);
    expect(near(await pixelAt(target, 600, 480), [0x70, 0x40, 0x20])).toBe(true);
    expect(near(await pixelAt(target, 600, 590), [0x70, 0x40, 0x20])).toBe(true);
  });

  it('refuses a picture that is not wider than 2:1', async () => {
    const square = folder.write(
      'square.jpg',
      await sharp({ create: { width: 400, height: 400, channels: 3, background: '#808080' } })
        .jpeg()
        .toBuffer()
    );
    await expect(
      padToEquirectangular(square, `${folder.dir}/x.jpg`, { maxPixels: 10_000_000 })
    ).rejects.toThrow('not wider than 2:1');
  });
});
