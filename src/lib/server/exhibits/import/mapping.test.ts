import { describe, expect, it } from 'vitest';
import { mappingFrom, missingFields, recogniseColumns } from './mapping';
import { categoryOf, materialOf } from './vocabulary';

describe('recogniseColumns', () => {
  it('knows the headers of Russian inventories and English ones', () => {
    expect(
      recogniseColumns([
        'Инв. №',
        'Наименование',
        'Датировка',
        'Материал, техника',
        'Размеры',
        'Автор',
        'Место создания',
        'Коллекция',
        'Описание',
        'Категория',
        'Год от/до',
        'Теги',
        'Изображение'
      ])
    ).toEqual([
      'inventoryNumber',
      'title.ru',
      'dating',
      'technique',
      'dimensions',
      'maker',
      'place',
      'collection',
      'description.ru',
      'category',
      'years',
      'tags',
      'images'
    ]);
    expect(recogniseColumns(['Inventory number', 'Title', 'Title (en)', 'File', 'Notes'])).toEqual([
      'inventoryNumber',
      'title.ru',
      'title.en',
      'images',
      null
    ]);
    expect(recogniseColumns(['Инвентарный номер', 'Название', 'Год от', 'Год до', 'Файл'])).toEqual(
      ['inventoryNumber', 'title.ru', 'yearFrom', 'yearTo', 'images']
    );
  });

  it('gives a field to its first column only', () => {
    expect(recogniseColumns(['Название', 'Наименование'])).toEqual(['title.ru', null]);
  });
});

describe('missingFields', () => {
  it('lists the required fields no column fills', () => {
    expect(missingFields(['dating', null])).toEqual(['inventoryNumber', 'title.ru']);
    expect(missingFields(['inventoryNumber', 'title.ru'])).toEqual([]);
  });
});

describe('mappingFrom', () => {
  it('keeps known fields once and leaves the rest out', () => {
    expect(mappingFrom(['title.ru', 'nonsense', 'title.ru', ''], 5)).toEqual([
      'title.ru',
      null,
      null,
      null,
      null
    ]);
  });
});

describe('categoryOf and materialOf', () => {
  it('map the words inventories use to the codes', () => {
    expect(categoryOf('фото')).toEqual({ code: 'photographs', known: true });
    expect(categoryOf('Фотографии')).toEqual({ code: 'photographs', known: true });
    expect(categoryOf('Предметы быта')).toEqual({ code: 'household', known: true });
    expect(categoryOf('ДПИ')).toEqual({ code: 'decorative-art', known: true });
    expect(categoryOf('Numismatics')).toEqual({ code: 'numismatics', known: true });
    expect(categoryOf('загадочное')).toEqual({ code: 'other', known: false });
    expect(materialOf('дерево')).toEqual({ code: 'wood', known: true });
    expect(materialOf('Дерево, резьба, роспись')).toEqual({ code: 'wood', known: true });
    expect(materialOf('береста')).toEqual({ code: 'birch-bark', known: true });
    expect(materialOf('медь, чеканка')).toEqual({ code: 'metal', known: true });
    expect(materialOf('Стёкло')).toEqual({ code: 'glass', known: true });
    expect(materialOf('birch bark')).toEqual({ code: 'birch-bark', known: true });
    expect(materialOf('унобтаниум')).toEqual({ code: 'other', known: false });
  });
});
