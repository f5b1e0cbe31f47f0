import { describe, expect, it } from 'vitest';
import { exhibitInput } from '$lib/shared/exhibit';
import { mergeRow, readRow, yearsIn } from './rows';

const mapping = [
  'inventoryNumber',
  'title.ru',
  'years',
  'category',
  'material',
  'tags',
  'images',
  'description.ru'
] as const;

describe('readRow', () => {
  it('reads cells into fields, with warnings for words it does not know', () => {
    const row = readRow(
      {
        line: 7,
        cells: [
          ' КП-1 ',
          'Ковш  резной',
          '1880–1900',
          'быт',
          'унобтаниум',
          'ковш; дерево',
          'a.jpg, b.jpg',
          'Абзац\r\n\r\nВторой'
        ]
      },
      [...mapping]
    );
    expect(row).toMatchObject({
      line: 7,
      inventoryNumber: 'КП-1',
      texts: { title: { ru: 'Ковш резной' }, description: { ru: 'Абзац\n\nВторой' } },
      yearFrom: 1880,
      yearTo: 1900,
      category: 'household',
      material: 'other',
      tags: ['ковш', 'дерево'],
      images: ['a.jpg', 'b.jpg']
    });
    expect(row.issues).toMatchObject([{ level: 'warning', field: 'material' }]);
  });

  it('refuses a year that is not one', () => {
    const row = readRow({ line: 2, cells: ['КП-2', 'Ваза', 'XIX век'] }, [...mapping]);
    expect(row.issues).toMatchObject([{ level: 'error', field: 'yearFrom' }]);
  });

  it('takes the material facet from "material and technique" when there is no material column', () => {
    const row = readRow({ line: 2, cells: ['КП-3', 'Туес', 'береста, тиснение'] }, [
      'inventoryNumber',
      'title.ru',
      'technique'
    ]);
    expect(row.material).toBe('birch-bark');
  });
});

describe('mergeRow', () => {
  it('puts the row over the exhibit and leaves what the row does not say', () => {
    const base = exhibitInput.parse({
      inventoryNumber: 'КП-1',
      title: { ru: 'Ковш', en: 'Ladle' },
      dimensions: { ru: '10 см' },
      tags: ['старое'],
      media: [5],
      related: [9]
    });
    const row = readRow({ line: 2, cells: ['КП-1', 'Ковш-утица', '', ''] }, [...mapping]);
    const merged = mergeRow(base, row, { media: [3, 5] });
    expect(merged).toMatchObject({
      title: { ru: 'Ковш-утица', en: 'Ladle' },
      dimensions: { ru: '10 см' },
      tags: ['старое'],
      media: [3, 5],
      related: [9]
    });
  });
});

describe('yearsIn', () => {
  it('reads the ways inventories write years', () => {
    expect(yearsIn('1895')).toEqual([1895, 1895]);
    expect(yearsIn('1890–1900')).toEqual([1890, 1900]);
    expect(yearsIn('1890 - 1900')).toEqual([1890, 1900]);
    expect(yearsIn('1890-е')).toEqual([1890, 1899]);
    expect(yearsIn('1910-е гг.')).toEqual([1910, 1919]);
    expect(yearsIn('ок. 1900')).toEqual([1900, 1900]);
    expect(yearsIn('-500')).toEqual([-500, -500]);
    expect(yearsIn('XIX век')).toBeNull();
  });
});
