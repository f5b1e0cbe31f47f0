import { describe, expect, it } from 'vitest';
import type { ExhibitionInput } from '$lib/shared/exhibition';
import type { Asset } from '../media/repository';
import { checkExhibition, type ExhibitionContext } from './checks';

function asset(id: number, overrides: Partial<Asset> = {}): Asset {
  return {
    id,
    museumId: 1,
    kind: 'image',
    status: 'ready',
    fileName: `picture-${id}.jpg`,
    mime: 'image/jpeg',
    bytes: 1,
    originalKey: `k/${id}`,
    width: 100,
    height: 100,
    alt: { ru: 'Рисунок', en: 'Drawing' },
    caption: { ru: '', en: '' },
    credit: '',
    licence: '',
    focal: null,
    rendition: null,
    tiles: null,
    deepZoom: null,
    error: null,
    createdAt: '',
    updatedAt: '',
    ...overrides
  };
}

const context = (assets: Asset[] = [], exhibits: number[] = []): ExhibitionContext => ({
  assets: new Map(assets.map((a) => [a.id, a])),
  exhibits: new Set(exhibits)
});

const exhibition = (blocks: ExhibitionInput['blocks']): ExhibitionInput => ({
  slug: 'x',
  title: { ru: 'Выставка', en: 'Exhibition' },
  blocks
});

describe('checkExhibition', () => {
  it('cleans text blocks through the sanitiser and every other text to plain text', () => {
    const result = checkExhibition(
      exhibition([
        {
          kind: 'text',
          key: 'b1',
          body: { ru: '<p onclick="x()">Да<script>alert(1)</script></p>', en: '<p>Yes</p>' }
        },
        { kind: 'quote', key: 'b2', text: { ru: '<b>Слова</b>', en: '<i>Words</i>' } }
      ]),
      context(),
      true
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.record.blocks[0]).toMatchObject({ body: { ru: '<p>Да</p>' } });
    expect(result.record.blocks[1]).toMatchObject({ text: { ru: 'Слова', en: 'Words' } });
  });

  it('refuses a quote that was only markup, in both languages, beside its field', () => {
    const result = checkExhibition(
      exhibition([{ kind: 'quote', key: 'b1', text: { ru: '<script>x</script>', en: 'Words' } }]),
      context(),
      false
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [{ field: 'blocks.0.text.ru', message: { ru: 'Заполните это поле.' } }]
    });
  });

  it('takes exhibits of the museum only, and files of the right kind only', () => {
    const result = checkExhibition(
      exhibition([
        { kind: 'exhibit', key: 'b1', exhibitId: 99 },
        { kind: 'image', key: 'b2', assetId: 5 },
        { kind: 'audio', key: 'b3', assetId: 5, title: { ru: 'Звук', en: 'Sound' } },
        { kind: 'images', key: 'b4', left: { assetId: 5 }, right: { assetId: 404 } }
      ]),
      context([asset(5)], [1]),
      false
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual([
      'blocks.0.exhibitId',
      'blocks.2.assetId',
      'blocks.3.right.assetId'
    ]);
    expect(result.errors[0]!.message.en).toContain('object of this museum');
  });

  it('for visitors needs a block, and images processed with alt text in both languages', () => {
    const empty = checkExhibition(exhibition([]), context(), true);
    expect(empty).toMatchObject({ ok: false, errors: [{ field: 'blocks' }] });
    expect(checkExhibition(exhibition([]), context(), false).ok).toBe(true);
    const pictures = checkExhibition(
      { ...exhibition([{ kind: 'image', key: 'b1', assetId: 6 }]), coverAssetId: 7 },
      context([asset(6, { status: 'processing' }), asset(7, { alt: { ru: 'Есть', en: '' } })]),
      true
    );
    expect(pictures).toMatchObject({
      ok: false,
      errors: [
        { field: 'coverAssetId', message: { en: expect.stringContaining('alt') } },
        { field: 'blocks.0.assetId', message: { en: expect.stringContaining('not ready') } }
      ]
    });
  });

  it('refuses a video link that is not one video on VK, RuTube or YouTube, in its own words', () => {
    const result = checkExhibition(
      exhibition([
        {
          kind: 'video',
          key: 'b1',
          video: {
            kind: 'link',
            title: { ru: 'Фильм', en: 'Film' },
            provider: 'youtube',
            url: 'https://example.com/film'
          }
        }
      ]),
      context(),
      false
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [{ field: 'blocks.0.video.url', message: { ru: expect.stringContaining('RuTube') } }]
    });
  });

  it('refuses two blocks with one key and a closing date before the opening', () => {
    const result = checkExhibition(
      {
        ...exhibition([
          { kind: 'quote', key: 'b1', text: { ru: 'А', en: 'A' } },
          { kind: 'quote', key: 'b1', text: { ru: 'Б', en: 'B' } }
        ]),
        dates: { kind: 'period', opening: '2025-05-12', closing: '2025-05-01' }
      },
      context(),
      false
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(['dates.closing']);
    const keys = checkExhibition(
      exhibition([
        { kind: 'quote', key: 'b1', text: { ru: 'А', en: 'A' } },
        { kind: 'quote', key: 'b1', text: { ru: 'Б', en: 'B' } }
      ]),
      context(),
      false
    );
    expect(keys).toMatchObject({ ok: false, errors: [{ field: 'blocks.1.key' }] });
  });
});
