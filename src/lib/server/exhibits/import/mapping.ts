import { normalizeWord } from './vocabulary';

/** What a column of the inventory can be read as. */
export const importFields = [
  'inventoryNumber',
  'title.ru',
  'title.en',
  'description.ru',
  'description.en',
  'dating',
  'years',
  'yearFrom',
  'yearTo',
  'maker',
  'place',
  'technique',
  'material',
  'dimensions',
  'category',
  'collection',
  'provenance',
  'tags',
  'hall',
  'images',
  'credit'
] as const;
export type ImportField = (typeof importFields)[number];

/** Per column of the file, the field it fills; null for a column left out. */
export type ColumnMapping = (ImportField | null)[];

export const requiredFields: readonly ImportField[] = ['inventoryNumber', 'title.ru'];

export function isImportField(value: string): value is ImportField {
  return (importFields as readonly string[]).includes(value);
}

/**
 * Headers as inventories write them (KAMIS, Excel made by hand, the Goskatalog export), already
 * normalised: lower case, ё as е, punctuation and «№» gone — "Инв. №" is "инв".
 */
const headerNames: Record<ImportField, string[]> = {
  inventoryNumber: [
    'инв',
    'инв номер',
    'инвентарный номер',
    'инвентарный',
    'номер',
    'номер кп',
    'кп',
    'учетный номер',
    'inventory number',
    'inventory no',
    'inventory',
    'inv no',
    'inv',
    'accession number',
    'object number'
  ],
  'title.ru': [
    'наименование',
    'название',
    'наименование предмета',
    'название предмета',
    'title',
    'name',
    'object name',
    'title ru',
    'название ru'
  ],
  'title.en': ['title en', 'name en', 'english title', 'название en', 'название англ'],
  'description.ru': ['описание', 'аннотация', 'описание предмета', 'description', 'description ru'],
  'description.en': ['description en', 'описание en', 'описание англ'],
  dating: ['датировка', 'дата', 'время создания', 'дата создания', 'dating', 'date'],
  years: ['год от до', 'годы', 'период', 'years', 'year range', 'year from to'],
  yearFrom: ['год от', 'год с', 'год начала', 'year from', 'from year', 'start year'],
  yearTo: ['год до', 'год по', 'год окончания', 'year to', 'to year', 'end year'],
  maker: ['автор', 'мастер', 'изготовитель', 'автор изготовитель', 'maker', 'author', 'artist'],
  place: ['место создания', 'место изготовления', 'место бытования', 'place', 'place made'],
  technique: [
    'материал техника',
    'материал и техника',
    'техника',
    'техника исполнения',
    'material and technique',
    'materials and techniques',
    'technique',
    'medium'
  ],
  material: ['материал', 'основной материал', 'material'],
  dimensions: ['размеры', 'размер', 'габариты', 'dimensions', 'size', 'measurements'],
  category: [
    'категория',
    'вид',
    'тип',
    'тип предмета',
    'раздел',
    'category',
    'type',
    'object type'
  ],
  collection: ['коллекция', 'собрание', 'collection'],
  provenance: [
    'происхождение',
    'поступление',
    'источник поступления',
    'provenance',
    'source',
    'acquisition'
  ],
  tags: ['теги', 'метки', 'ключевые слова', 'tags', 'keywords'],
  hall: ['зал', 'экспозиция', 'место экспонирования', 'hall', 'on display', 'gallery'],
  images: [
    'изображение',
    'изображения',
    'файл',
    'файлы',
    'фото',
    'фотография',
    'имя файла',
    'image',
    'images',
    'file',
    'files',
    'file name',
    'filename',
    'photo'
  ],
  credit: ['правообладатель', 'права', 'credit', 'rights holder', 'copyright']
};

const fieldByHeader = new Map(
  Object.entries(headerNames).flatMap(([field, names]) => names.map((n) => [n, field]))
);

/**
 * The field each column is read as, by its header; a field is given to its first column only,
 * and unknown headers are left out for the person to choose.
 */
export function recogniseColumns(headers: string[]): ColumnMapping {
  const taken = new Set<string>();
  return headers.map((header) => {
    const field = fieldByHeader.get(normalizeWord(header));
    if (!field || !isImportField(field) || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** The required fields no column is mapped to. */
export function missingFields(mapping: ColumnMapping): ImportField[] {
  return requiredFields.filter((field) => !mapping.includes(field));
}

/** A mapping as the form sends it (one value per column), checked: unknown values are left out. */
export function mappingFrom(values: string[], columns: number): ColumnMapping {
  const taken = new Set<string>();
  return Array.from({ length: columns }, (_, i) => {
    const value = values[i] ?? '';
    if (!isImportField(value) || taken.has(value)) return null;
    taken.add(value);
    return value;
  });
}
