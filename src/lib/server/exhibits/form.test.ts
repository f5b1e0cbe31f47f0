import { describe, expect, it } from 'vitest';
import { exhibitInput, type ExhibitRecord } from '$lib/shared/exhibit';
import { readExhibitForm } from './form';

const base: ExhibitRecord = exhibitInput.parse({
  inventoryNumber: 'КП-1',
  title: { ru: 'Самовар', en: 'Samovar' },
  media: [11, 12, 13],
  related: [7]
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const images = (ids: number[]) =>
  Object.fromEntries([
    ['media', ''],
    ...ids.flatMap((id, i) => [
      [`media.${i}.asset`, String(id)],
      [`media.${i}.position`, String(i + 1)]
    ])
  ]);

describe('readExhibitForm', () => {
  it('reads every field, tags one a line, and controlled values only from their lists', () => {
    const { input, relatedNumbers } = readExhibitForm(
      form({
        inventoryNumber: ' КП-2 ',
        'title.ru': 'Чайник',
        'title.en': '',
        'dating.ru': 'конец XIX в.',
        yearFrom: '1880',
        yearTo: '− 300',
        material: 'metal',
        category: 'not-a-category',
        collectionId: '4',
        tags: 'медь\n\n  чай  \n',
        'rights.statement': 'cc-by',
        'rights.credit': 'Фото: музей',
        related: 'КП-9\nКП-10',
        ...images([11, 12, 13])
      }),
      base
    );
    expect(input).toMatchObject({
      inventoryNumber: 'КП-2',
      title: { ru: 'Чайник', en: '' },
      dating: { ru: 'конец XIX в.', en: '' },
      description: { ru: '', en: '' },
      yearFrom: 1880,
      yearTo: -300,
      material: 'metal',
      category: 'other',
      collectionId: 4,
      tags: ['медь', 'чай'],
      rights: { statement: 'cc-by', credit: 'Фото: музей' },
      media: [11, 12, 13],
      related: [7]
    });
    expect(relatedNumbers).toEqual(['КП-9', 'КП-10']);
  });

  it('moves an image up or down and removes one by its buttons', () => {
    const read = (move: string) =>
      readExhibitForm(form({ ...images([11, 12, 13]), mediaMove: move }), base).input.media;
    expect(read('1:up')).toEqual([12, 11, 13]);
    expect(read('1:down')).toEqual([11, 13, 12]);
    expect(read('0:up')).toEqual([11, 12, 13]);
    expect(read('2:remove')).toEqual([11, 12]);
    expect(read('9:remove')).toEqual([11, 12, 13]);
  });

  it('adds an image from the select at the end, once, and a related object from a search', () => {
    const { input, relatedNumbers } = readExhibitForm(
      form({ ...images([11]), addMedia: '20', related: 'КП-9', addRelated: 'КП-5' }),
      base
    );
    expect(input.media).toEqual([11, 20]);
    expect(relatedNumbers).toEqual(['КП-9', 'КП-5']);
    expect(readExhibitForm(form({ ...images([11]), addMedia: '11' }), base).input.media).toEqual([
      11
    ]);
  });

  it('keeps the images of the saved version when the form has no image list, and marks a year typed as words', () => {
    const { input } = readExhibitForm(form({ yearFrom: 'девятнадцатый', yearTo: '' }), base);
    expect(input.media).toEqual([11, 12, 13]);
    expect(input.yearFrom).toBeNaN();
    expect(input.yearTo).toBeNull();
  });
});
