import { describe, expect, it } from 'vitest';
import type { ExhibitionRecord } from '$lib/shared/exhibition';
import { readArrangement, readExhibitionForm } from './form';

const base: ExhibitionRecord = {
  slug: 'industrial-past',
  title: { ru: 'Прошлое', en: 'The past' },
  authors: [],
  dates: { kind: 'permanent' },
  blocks: []
};

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** Three blocks as the editor renders them: text, quote, image. */
const threeBlocks = {
  'title.ru': 'Прошлое',
  'title.en': 'The past',
  'blocks.0.kind': 'text',
  'blocks.0.key': 'b1',
  'blocks.0.position': '1',
  'blocks.0.body.ru': '<p>Текст</p>',
  'blocks.0.body.en': '<p>Text</p>',
  'blocks.1.kind': 'quote',
  'blocks.1.key': 'b2',
  'blocks.1.position': '2',
  'blocks.1.text.ru': 'Цитата',
  'blocks.1.text.en': 'Quote',
  'blocks.2.kind': 'image',
  'blocks.2.key': 'b3',
  'blocks.2.position': '3',
  'blocks.2.assetId': '12',
  'blocks.2.caption.ru': 'Подпись',
  'blocks.2.caption.en': 'Caption'
};

describe('readExhibitionForm', () => {
  it('reads each kind of block from its numbered fields, in the order of their numbers', () => {
    const { input, arranged } = readExhibitionForm(
      form({ ...threeBlocks, 'blocks.0.position': '3', 'blocks.2.position': '1' }),
      base
    );
    expect(arranged).toBe(false);
    expect(input.blocks).toEqual([
      { kind: 'image', key: 'b3', assetId: 12, caption: { ru: 'Подпись', en: 'Caption' } },
      { kind: 'quote', key: 'b2', text: { ru: 'Цитата', en: 'Quote' }, attribution: null },
      { kind: 'text', key: 'b1', body: { ru: '<p>Текст</p>', en: '<p>Text</p>' } }
    ]);
  });

  it('moves a block up or down and removes one, by the row the button belongs to', () => {
    const up = readExhibitionForm(form({ ...threeBlocks, block: 'up:2' }), base);
    expect(up.arranged).toBe(true);
    expect(up.input.blocks!.map((b) => b.key)).toEqual(['b1', 'b3', 'b2']);
    const down = readExhibitionForm(form({ ...threeBlocks, block: 'down:0' }), base);
    expect(down.input.blocks!.map((b) => b.key)).toEqual(['b2', 'b1', 'b3']);
    const removed = readExhibitionForm(form({ ...threeBlocks, block: 'remove:1' }), base);
    expect(removed.input.blocks!.map((b) => b.key)).toEqual(['b1', 'b3']);
    // The first block cannot go higher: nothing moves.
    const top = readExhibitionForm(form({ ...threeBlocks, block: 'up:0' }), base);
    expect(top.input.blocks!.map((b) => b.key)).toEqual(['b1', 'b2', 'b3']);
  });

  it('adds an empty block of the asked kind at the end with a free key, keeping what was typed', () => {
    const { input, arranged } = readExhibitionForm(
      form({ ...threeBlocks, 'blocks.1.text.ru': 'Изменено', block: 'add:audio' }),
      base
    );
    expect(arranged).toBe(true);
    expect(input.blocks).toHaveLength(4);
    expect(input.blocks![1]).toMatchObject({ text: { ru: 'Изменено' } });
    expect(input.blocks![3]).toEqual({
      kind: 'audio',
      key: 'b4',
      assetId: 0,
      title: { ru: '', en: '' }
    });
  });

  it('reads a video link or clip, authors one a line and dates', () => {
    const { input } = readExhibitionForm(
      form({
        'title.ru': 'Т',
        'title.en': 'T',
        authors: 'Анна Петрова | Anna Petrova\nИван Иванов',
        'dates.kind': 'period',
        'dates.opening': '2025-05-12',
        'dates.closing': '',
        'blocks.0.kind': 'video',
        'blocks.0.key': 'v',
        'blocks.0.video.kind': 'link',
        'blocks.0.video.title.ru': 'Фильм',
        'blocks.0.video.title.en': 'Film',
        'blocks.0.video.url': 'https://rutube.ru/video/0123456789abcdef0123456789abcdef/',
        'blocks.1.kind': 'video',
        'blocks.1.key': 'c',
        'blocks.1.video.kind': 'clip',
        'blocks.1.video.assetId': '7'
      }),
      base
    );
    expect(input.authors).toEqual([
      { ru: 'Анна Петрова', en: 'Anna Petrova' },
      { ru: 'Иван Иванов', en: 'Иван Иванов' }
    ]);
    expect(input.dates).toEqual({ kind: 'period', opening: '2025-05-12', closing: null });
    expect(input.blocks![0]).toMatchObject({ video: { kind: 'link', provider: 'rutube' } });
    expect(input.blocks![1]).toMatchObject({
      video: { kind: 'clip', assetId: 7, captionsAssetId: null }
    });
  });

  it('ignores a block row of no known kind and a button value it does not understand', () => {
    const { input, arranged } = readExhibitionForm(
      form({ ...threeBlocks, 'blocks.3.kind': 'script', block: 'explode:1' }),
      base
    );
    expect(arranged).toBe(false);
    expect(input.blocks).toHaveLength(3);
    expect(readArrangement('add:nothing')).toBeNull();
    expect(readArrangement('up:-1')).toBeNull();
    expect(readArrangement('remove:4')).toEqual({ op: 'remove', row: 4 });
  });
});
