import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectFile } from './inspect';
import {
  bytesOf,
  cut,
  flat,
  noise,
  pngHeaderOnly,
  tempFolder,
  type TempFolder
} from './test-files';

let folder: TempFolder;
let jpeg: Buffer;
let png: Buffer;
let webp: Buffer;
let avif: Buffer;

beforeAll(async () => {
  folder = tempFolder();
  const picture = noise(640, 480);
  [jpeg, png, webp, avif] = await Promise.all([
    picture.clone().jpeg().toBuffer(),
    picture.clone().png().toBuffer(),
    picture.clone().webp().toBuffer(),
    picture.clone().avif({ effort: 0 }).toBuffer()
  ]);
});

afterAll(() => folder.remove());

function inspect(
  name: string,
  bytes: Buffer,
  options: { panorama?: boolean; maxPixels?: number; maxPanoramaPixels?: number } = {}
) {
  const { panorama = false, ...limits } = options;
  return inspectFile(folder.write(name, bytes), { fileName: name, panorama }, limits);
}

const panoramaXmp =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:GPano="http://ns.google.com/photos/1.0/panorama/" GPano:ProjectionType="equirectangular"/>' +
  '</rdf:RDF></x:xmpmeta>';

describe('inspectFile', () => {
  it.each([
    ['photo.jpg', () => jpeg, 'image/jpeg', 'jpg'],
    ['photo.png', () => png, 'image/png', 'png'],
    ['photo.webp', () => webp, 'image/webp', 'webp'],
    ['photo.avif', () => avif, 'image/avif', 'avif']
  ])('accepts %s as a picture and reports its size', async (name, bytes, mime, ext) => {
    expect(await inspect(name, bytes())).toEqual({
      ok: true,
      kind: 'image',
      mime,
      ext,
      width: 640,
      height: 480
    });
  });

  it.each([
    ['film.mp4', bytesOf.mp4, 'video', 'video/mp4', 'mp4'],
    ['film.webm', bytesOf.webm, 'video', 'video/webm', 'webm'],
    ['song.mp3', bytesOf.mp3, 'audio', 'audio/mpeg', 'mp3'],
    ['song.ogg', bytesOf.ogg, 'audio', 'audio/ogg', 'ogg'],
    ['song.m4a', bytesOf.m4a, 'audio', 'audio/mp4', 'm4a'],
    ['guide.pdf', bytesOf.pdf, 'document', 'application/pdf', 'pdf']
  ])('accepts %s as %s (%s)', async (name, bytes, kind, mime, ext) => {
    expect(await inspect(name, bytes())).toEqual({ ok: true, kind, mime, ext });
  });

  it('takes an MP4 named .m4a for the sound it is', async () => {
    expect(await inspect('interview.m4a', bytesOf.mp4())).toMatchObject({
      ok: true,
      kind: 'audio',
      mime: 'audio/mp4',
      ext: 'm4a'
    });
  });

  it('reads the type from the bytes: a PNG named .jpg is a PNG', async () => {
    expect(await inspect('scan.jpg', png)).toMatchObject({ ok: true, mime: 'image/png' });
  });

  it('trusts the bytes when the name has no known extension', async () => {
    expect(await inspect('IMG_0042', jpeg)).toMatchObject({ ok: true, kind: 'image', ext: 'jpg' });
    expect(await inspect('report.final', bytesOf.pdf())).toMatchObject({
      ok: true,
      kind: 'document'
    });
  });

  it('refuses photo.jpg that is a PDF, saying so in both languages', async () => {
    expect(await inspect('photo.jpg', bytesOf.pdf())).toEqual({
      ok: false,
      reason: 'mismatch',
      message: {
        ru: 'Файл «photo.jpg» — не изображение, а PDF-документ. Загрузите его как документ или выберите другой файл.',
        en: '“photo.jpg” is not a picture but a PDF document. Upload it as a document or choose another file.'
      }
    });
  });

  it('refuses a PDF named guide.pdf that is a picture', async () => {
    const result = await inspect('guide.pdf', jpeg);
    expect(result).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(!result.ok && result.message.en).toBe(
      '“guide.pdf” is not a PDF document but a picture. Upload it as a picture or choose another file.'
    );
  });

  it('refuses a .png that is a program', async () => {
    const result = await inspect('photo.png', bytesOf.exe());
    expect(result).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(!result.ok && result.message.ru).toContain('«photo.png» — не изображение, а программа');
  });

  it('refuses a song named .mp3 that is a video', async () => {
    expect(await inspect('song.mp3', bytesOf.mp4())).toMatchObject({
      ok: false,
      reason: 'mismatch'
    });
  });

  it.each([
    ['setup.exe', bytesOf.exe, 'is a program'],
    ['photos.zip', bytesOf.zip, 'is an archive'],
    ['IMG_0001.HEIC', bytesOf.heic, 'Most Compatible'],
    ['clip.mov', bytesOf.mov, 'Save the video as MP4'],
    ['notes.txt', () => Buffer.from('Opening hours: 10 to 18'), 'could not tell']
  ])('refuses %s as a type the library does not keep', async (name, bytes, explanation) => {
    const result = await inspect(name, bytes());
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(!result.ok && result.message.en).toContain(explanation);
    expect(!result.ok && result.message.ru).toContain(`«${name}»`);
  });

  it.each([
    ['photo.jpg', () => cut(jpeg)],
    ['photo.png', () => cut(png)],
    ['photo.webp', () => cut(webp)],
    ['photo.avif', () => cut(avif)],
    ['film.mp4', () => cut(bytesOf.mp4(), 0.9)],
    ['guide.pdf', () => cut(bytesOf.pdf(), 0.9)]
  ])('refuses %s cut off half way as unreadable', async (name, bytes) => {
    const result = await inspect(name, bytes());
    expect(result).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(!result.ok && result.message.en).toContain('did not arrive whole');
  });

  it('refuses a .png whose bytes are no known type as unreadable', async () => {
    expect(await inspect('photo.png', Buffer.alloc(4096, 7))).toMatchObject({
      ok: false,
      reason: 'unreadable'
    });
  });

  // The pixel data is 64 bytes: had it been decoded, the refusal would be "unreadable".
  it('refuses a 30000×30000 PNG from its header, without decoding it', async () => {
    const before = process.memoryUsage().rss;
    const result = await inspect('bomb.png', pngHeaderOnly(30000, 30000));
    expect(result).toEqual({
      ok: false,
      reason: 'too-many-pixels',
      message: {
        ru: 'Изображение «bomb.png» слишком большое: 30\u00a0000 × 30\u00a0000 пикселей (900 Мп), а библиотека принимает не больше 100 Мп. Уменьшите его в графическом редакторе и загрузите снова.',
        en: '“bomb.png” is too large: 30,000 × 30,000 pixels (900 megapixels), and the library accepts up to 100 megapixels. Make it smaller in an image editor and upload it again.'
      }
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a real picture over a lower pixel limit', async () => {
    expect(await inspect('photo.png', png, { maxPixels: 300_000 })).toMatchObject({
      ok: false,
      reason: 'too-many-pixels'
    });
  });

  it('reports the upright size of a photo its camera turned by EXIF', async () => {
    const portrait = await flat(300, 200, '#336699')
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(await inspect('portrait.jpg', portrait)).toMatchObject({ width: 200, height: 300 });
  });

  describe('panoramas', () => {
    let twoToOne: Buffer;

    beforeAll(async () => {
      twoToOne = await noise(1024, 512).jpeg().toBuffer();
    });

    it('accepts a 2:1 picture declared as a panorama', async () => {
      expect(await inspect('hall.jpg', twoToOne, { panorama: true })).toEqual({
        ok: true,
        kind: 'panorama',
        mime: 'image/jpeg',
        ext: 'jpg',
        width: 1024,
        height: 512
      });
    });

    it('allows a stitcher’s odd pixel: 1025×512 is 2:1', async () => {
      const odd = await noise(1025, 512).jpeg().toBuffer();
      expect(await inspect('hall.jpg', odd, { panorama: true })).toMatchObject({
        ok: true,
        kind: 'panorama'
      });
    });

    it('refuses a 4:3 photo declared as a panorama, giving its size', async () => {
      const result = await inspect('hall.jpg', jpeg, { panorama: true });
      expect(result).toMatchObject({ ok: false, reason: 'not-equirectangular' });
      expect(!result.ok && result.message.en).toContain('640 × 480 pixels');
    });

    it('offers to pad a panorama wider than 2:1, giving its size', async () => {
      const wide = await noise(1200, 400).jpeg().toBuffer();
      const result = await inspect('cylinder.jpg', wide, { panorama: true });
      expect(result).toMatchObject({
        ok: false,
        reason: 'needs-padding',
        size: { width: 1200, height: 400 }
      });
      expect(!result.ok && result.message.en).toBe(
        'The panorama “cylinder.jpg” is 1200×400, not 2:1. Pad it to 2:1 (adds empty sky and floor) or cancel.'
      );
    });

    it('does not offer padding when the padded panorama would pass the pixel limit', async () => {
      const wide = await noise(1200, 400).jpeg().toBuffer();
      const limits = { maxPanoramaPixels: 600_000 };
      expect(await inspect('cylinder.jpg', wide, { panorama: true, ...limits })).toMatchObject({
        ok: false,
        reason: 'not-equirectangular'
      });
    });

    it('refuses a video declared as a panorama', async () => {
      const result = await inspect('hall.mp4', bytesOf.mp4(), { panorama: true });
      expect(result).toMatchObject({ ok: false, reason: 'mismatch' });
      expect(!result.ok && result.message.en).toContain('is not a panorama but a video');
    });

    it('recognises a panorama by its photo-sphere XMP', async () => {
      const tagged = await noise(1024, 512).jpeg().withXmp(panoramaXmp).toBuffer();
      expect(await inspect('IMG_360.jpg', tagged)).toMatchObject({ ok: true, kind: 'panorama' });
    });

    it('does not call every 2:1 picture a panorama', async () => {
      expect(await inspect('banner.jpg', twoToOne)).toMatchObject({ ok: true, kind: 'image' });
    });

    it('lets a panorama have more pixels than a picture may', async () => {
      const limits = { maxPixels: 400_000, maxPanoramaPixels: 600_000 };
      expect(await inspect('hall.jpg', twoToOne, { panorama: true, ...limits })).toMatchObject({
        ok: true
      });
      expect(await inspect('banner.jpg', twoToOne, limits)).toMatchObject({
        ok: false,
        reason: 'too-many-pixels'
      });
    });
  });
});
