import type { ExhibitInput, ExhibitRecord } from '$lib/shared/exhibit';
import type { FieldError } from '../../content/checks';
import type { ColumnMapping, ImportField } from './mapping';
import type { TableRow } from './table';
import { categoryOf, materialOf } from './vocabulary';

/** A problem with one row: an error keeps the row out, a warning lets it in as said. */
export interface RowIssue extends FieldError {
  level: 'error' | 'warning';
}

type Pair = { ru: string; en: string };
type PairField = 'title' | 'description' | 'dating' | 'maker' | 'place' | 'technique';
type TextPatch = Partial<Record<PairField | 'dimensions' | 'provenance' | 'hall', Partial<Pair>>>;

/** A row of the file read through the mapping: only what its cells say, nothing merged yet. */
export interface ReadRow {
  line: number;
  inventoryNumber: string;
  texts: TextPatch;
  yearFrom?: number;
  yearTo?: number;
  category?: ExhibitRecord['category'];
  material?: ExhibitRecord['material'];
  tags?: string[];
  credit?: string;
  /** The collection's name or address as written; the caller finds it among the museum's. */
  collection?: string;
  /** File names, in the order given. */
  images: string[];
  issues: RowIssue[];
}

const textTargets: Partial<Record<ImportField, [keyof TextPatch, keyof Pair]>> = {
  'title.ru': ['title', 'ru'],
  'title.en': ['title', 'en'],
  'description.ru': ['description', 'ru'],
  'description.en': ['description', 'en'],
  dating: ['dating', 'ru'],
  maker: ['maker', 'ru'],
  place: ['place', 'ru'],
  technique: ['technique', 'ru'],
  dimensions: ['dimensions', 'ru'],
  provenance: ['provenance', 'ru'],
  hall: ['hall', 'ru']
};

/** Reads one row. An empty cell says nothing: it never clears what the exhibit already has. */
export function readRow(row: TableRow, mapping: ColumnMapping): ReadRow {
  const read: ReadRow = { line: row.line, inventoryNumber: '', texts: {}, images: [], issues: [] };
  mapping.forEach((field, column) => {
    const value = unescapeFormula((row.cells[column] ?? '').trim());
    if (!field || !value) return;
    const target = textTargets[field];
    if (target) {
      const [name, lang] = target;
      // Line breaks inside a cell are kept only in descriptions, as paragraphs.
      const text = name === 'description' ? value.replace(/\r\n?/g, '\n') : oneLine(value);
      read.texts[name] = { ...read.texts[name], [lang]: text };
      return;
    }
    switch (field) {
      case 'inventoryNumber':
        read.inventoryNumber = oneLine(value);
        return;
      case 'years': {
        const years = yearsIn(value);
        if (!years) read.issues.push(notAYear('yearFrom', value));
        else [read.yearFrom, read.yearTo] = years;
        return;
      }
      case 'yearFrom':
      case 'yearTo': {
        const year = yearsIn(value)?.[0];
        if (year === undefined) read.issues.push(notAYear(field, value));
        else read[field] = year;
        return;
      }
      case 'category': {
        const found = categoryOf(value);
        read.category = found.code;
        if (!found.known) read.issues.push(unknownWord('category', value));
        return;
      }
      case 'material': {
        const found = materialOf(value);
        read.material = found.code;
        if (!found.known) read.issues.push(unknownWord('material', value));
        return;
      }
      case 'tags':
        read.tags = value
          .split(/[;,\n]/)
          .map((t) => t.trim())
          .filter(Boolean);
        return;
      case 'images':
        read.images = value
          .split(/[;,\n]/)
          .map((name) => name.trim())
          .filter(Boolean);
        return;
      case 'collection':
        read.collection = oneLine(value);
        return;
      case 'credit':
        read.credit = oneLine(value);
        return;
    }
  });
  // Without a material column, the first word of "material and technique" gives the facet.
  if (read.material === undefined && read.texts.technique?.ru) {
    const found = materialOf(read.texts.technique.ru);
    if (found.known) read.material = found.code;
  }
  return read;
}

/**
 * The exhibit as it will be after the row: what it is now (or nothing, for a new one) with the
 * row's values put over it. `media` and `collectionId` are resolved by the caller.
 */
export function mergeRow(
  base: ExhibitRecord | null,
  row: ReadRow,
  resolved: { collectionId?: number | null; media: number[] }
): ExhibitInput {
  const pair = (name: keyof TextPatch): Pair => {
    const now = base?.[name] ?? { ru: '', en: '' };
    return { ru: row.texts[name]?.ru ?? now.ru, en: row.texts[name]?.en ?? now.en };
  };
  const yearFrom = row.yearFrom ?? base?.yearFrom ?? null;
  return {
    ...base,
    inventoryNumber: row.inventoryNumber,
    title: pair('title'),
    description: pair('description'),
    dating: pair('dating'),
    maker: pair('maker'),
    place: pair('place'),
    technique: pair('technique'),
    dimensions: pair('dimensions'),
    provenance: pair('provenance'),
    hall: pair('hall'),
    yearFrom,
    // One year given in a "years" column means that year only.
    yearTo: row.yearTo ?? base?.yearTo ?? (row.yearFrom !== undefined ? yearFrom : null),
    category: row.category ?? base?.category ?? 'other',
    material: row.material ?? base?.material ?? null,
    tags: row.tags ?? base?.tags ?? [],
    collectionId:
      resolved.collectionId !== undefined ? resolved.collectionId : (base?.collectionId ?? null),
    rights: {
      statement: base?.rights.statement ?? 'museum-rights',
      credit: row.credit ?? base?.rights.credit ?? ''
    },
    media: resolved.media,
    related: base?.related ?? []
  };
}

/** Years in a cell: "1895", "1890–1900", "1890-е" (the decade), "ок. 1900", "-500" (BC). */
export function yearsIn(value: string): [number, number] | null {
  const decade = /(^|[^\d])(\d{3}0)\s*-?\s*е/.exec(value);
  if (decade) return [Number(decade[2]), Number(decade[2]) + 9];
  const range = /(-?\d{1,5})\s*(?:[-–—]|\.\.|по|до|to)\s*(-?\d{1,5})/.exec(value);
  if (range) return [Number(range[1]), Number(range[2])];
  const single = /(^|[^\d])(-?\d{1,5})(?!\d)/.exec(value);
  if (!single) return null;
  const year = Number(single[2]);
  return [year, year];
}

/** Undoes the apostrophe an export puts before a cell that would read as a formula. */
function unescapeFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ');
}

function notAYear(field: string, value: string): RowIssue {
  return {
    level: 'error',
    field,
    message: {
      ru: `«${value}» — не год. Напишите год цифрами, например 1895 или 1890–1900.`,
      en: `“${value}” is not a year. Write the year in digits, e.g. 1895 or 1890–1900.`
    }
  };
}

function unknownWord(field: 'category' | 'material', value: string): RowIssue {
  return {
    level: 'warning',
    field,
    message:
      field === 'category'
        ? {
            ru: `Категория «${value}» не распознана — предмет попадёт в «Другое».`,
            en: `The category “${value}” is not recognised — the object goes under “Other”.`
          }
        : {
            ru: `Материал «${value}» не распознан — в фильтре будет «Другое».`,
            en: `The material “${value}” is not recognised — the filter shows it as “Other”.`
          }
  };
}
