import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectFile } from './inspect';
import { tempFolder, type TempFolder } from './test-files';

let folder: TempFolder;
beforeAll(() => (folder = tempFolder()));
afterAll(() => folder.remove());

const inspect = (name: string, text: string) =>
  inspectFile(folder.write(name, Buffer.from(text, 'utf8')), { fileName: name, panorama: false });

describe('inspectFile with WebVTT captions', () => {
  it('keeps a .vtt that begins with WEBVTT as a text/vtt document, a BOM or a title allowed', async () => {
    const cue = '\n\n00:00.000 --> 00:02.000\nПаровой молот\n';
    for (const text of [`WEBVTT${cue}`, `\uFEFFWEBVTT${cue}`, `WEBVTT - Молот${cue}`])
      expect(await inspect('hammer.vtt', text)).toEqual({
        ok: true,
        kind: 'document',
        mime: 'text/vtt',
        ext: 'vtt'
      });
  });

  it('refuses a .vtt that is not WebVTT (SubRip text), saying what it must begin with', async () => {
    const result = await inspect('hammer.vtt', '1\n00:00:00,000 --> 00:00:02,000\nМолот\n');
    expect(result).toMatchObject({ ok: false, reason: 'unreadable' });
    if (result.ok) return;
    expect(result.message.ru).toContain('WEBVTT');
    expect(result.message.en).toContain('not a WebVTT captions file');
  });

  it('does not take captions text under another name', async () => {
    expect(await inspect('hammer.txt', 'WEBVTT\n')).toMatchObject({ ok: false });
  });
});
