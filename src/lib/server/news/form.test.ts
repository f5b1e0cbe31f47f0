import { describe, expect, it } from 'vitest';
import type { NewsRecord } from '$lib/shared/news';
import { readNewsForm } from './form';

const base: NewsRecord = {
  slug: 'seminar',
  title: { ru: 'Было', en: 'Was' },
  lead: { ru: '', en: '' },
  body: { ru: '', en: '' },
  coverAssetId: null,
  gallery: [],
  tags: [],
  museumIds: [],
  eventIds: [7],
  projectIds: [3]
};

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('readNewsForm', () => {
  it('reads texts, the cover, tags as pairs and museums as checkboxes', () => {
    const { input, intent, publishAt } = readNewsForm(
      form([
        ['title.ru', ' Семинар '],
        ['title.en', 'Seminar'],
        ['lead.ru', 'Коротко'],
        ['lead.en', 'In short'],
        ['body.ru', '<p>Текст</p>'],
        ['body.en', '<p>Text</p>'],
        ['coverAssetId', '12'],
        ['tags', 'семинар | seminar\nМузейный тур\n\n'],
        ['museumIds', '4'],
        ['museumIds', '9'],
        ['museumIds', 'x'],
        ['intent', 'schedule'],
        ['publishAt', '2026-11-25T10:00']
      ]),
      base
    );
    expect(input.title).toEqual({ ru: 'Семинар', en: 'Seminar' });
    expect(input.coverAssetId).toBe(12);
    expect(input.tags).toEqual([
      { ru: 'семинар', en: 'seminar' },
      { ru: 'Музейный тур', en: 'Музейный тур' }
    ]);
    expect(input.museumIds).toEqual([4, 9]);
    expect(input.slug).toBe('seminar');
    expect(intent).toBe('schedule');
    expect(publishAt).toBe('2026-11-25T10:00');
  });

  it('orders the gallery by position and drops rows without a picture', () => {
    const { input } = readNewsForm(
      form([
        ['gallery.0.assetId', '5'],
        ['gallery.0.position', '2'],
        ['gallery.0.caption.ru', 'Зал'],
        ['gallery.0.caption.en', 'Hall'],
        ['gallery.1.assetId', '6'],
        ['gallery.1.position', '1'],
        ['gallery.2.assetId', ''],
        ['gallery.2.position', '3']
      ]),
      base
    );
    expect(input.gallery).toEqual([
      { assetId: 6, caption: null },
      { assetId: 5, caption: { ru: 'Зал', en: 'Hall' } }
    ]);
  });

  it('keeps events and projects the form does not show; an unknown intent is a draft', () => {
    const kept = readNewsForm(form([['intent', 'delete']]), base);
    expect(kept.input.eventIds).toEqual([7]);
    expect(kept.input.projectIds).toEqual([3]);
    expect(kept.intent).toBe('draft');
    const cleared = readNewsForm(
      form([
        ['eventIds.sent', '1'],
        ['projectIds.sent', '1'],
        ['projectIds', '8']
      ]),
      base
    );
    expect(cleared.input.eventIds).toEqual([]);
    expect(cleared.input.projectIds).toEqual([8]);
  });
});
