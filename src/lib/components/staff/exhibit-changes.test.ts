import { describe, expect, it } from 'vitest';
import { describeExhibitChanges } from './exhibit-changes';

const names = {
  file: (id: number) => (id === 5 ? 'samovar.jpg' : undefined),
  exhibit: (id: number) => (id === 7 ? 'КП-7' : undefined),
  collection: (id: number) => (id === 2 ? 'Самовары' : undefined)
};

describe('describeExhibitChanges', () => {
  it('names fields and values as staff know them, not by record paths and ids', () => {
    const lines = describeExhibitChanges(
      [
        { field: 'title.en', before: '', after: 'Samovar' },
        { field: 'media.1', before: '', after: '5' },
        { field: 'related.0', before: '7', after: '9' },
        { field: 'category', before: 'other', after: 'household' },
        { field: 'collectionId', before: '', after: '2' },
        { field: 'rights.statement', before: 'museum-rights', after: 'cc-by' }
      ],
      names
    );
    expect(lines.map((l) => l.field)).toEqual([
      'Название (en)',
      'Изображение 2',
      'Связанные экспонаты, 1',
      'Раздел',
      'Коллекция',
      'Права на изображения и данные'
    ]);
    expect(lines[1]).toMatchObject({ before: '', after: 'samovar.jpg' });
    // An id nothing names any more shows as a number rather than vanishing.
    expect(lines[2]).toMatchObject({ before: 'КП-7', after: '#9' });
    expect(lines[3]).toMatchObject({ before: 'Прочее', after: 'Предметы быта' });
    expect(lines[4]!.after).toBe('Самовары');
    expect(lines[5]!.after).toBe('CC BY — с указанием автора');
  });
});
