import { describe, expect, it } from 'vitest';
import { facetWordGroups, facetWords } from './facet-tokens';
import type { EntryFilter, EntryValues } from './repository';

const base: EntryValues = {
  kind: 'exhibit',
  ref_id: 1,
  museum_id: 3,
  path: '/x',
  title_ru: 'x',
  title_en: '',
  summary_ru: '',
  summary_en: '',
  body_ru: '',
  body_en: '',
  sort_title_ru: 'x',
  sort_title_en: 'x',
  sort_year: 1850,
  sort_date: 0,
  collection_id: 7,
  category: 'fine-art',
  material: 'birch-bark',
  year_from: 1850,
  year_to: 1920,
  has_image: 1
};
const entry = (over: Partial<EntryValues> = {}): EntryValues => Object.assign({}, base, over);

/** Whether the facet words of an entry meet every group of a filter's words. */
const passes = (e: EntryValues, filter: Partial<EntryFilter>) => {
  const words = new Set(facetWords(e));
  return facetWordGroups({ terms: [], ...filter }).every((g) => g.some((w) => words.has(w)));
};

describe('facet words', () => {
  it('are words of letters and digits only, as the FTS5 tokenizer keeps them whole', () => {
    for (const w of facetWords(entry({ museum_id: -1 }))) expect(w).toMatch(/^[a-z0-9]+$/);
  });

  it('let through every entry the filter takes', () => {
    const e = entry();
    expect(passes(e, { categories: ['fine-art'] })).toBe(true);
    expect(passes(e, { categories: ['photographs', 'fine-art'] })).toBe(true);
    expect(passes(e, { materials: ['birch-bark'], museumIds: [3], collections: [7] })).toBe(true);
    expect(passes(e, { kinds: ['exhibit'], hasImage: true })).toBe(true);
    // 1850–1920 overlaps the 19th and the 20th century.
    expect(passes(e, { yearFrom: 1801, yearTo: 1900 })).toBe(true);
    expect(passes(e, { yearFrom: 1901, yearTo: 2000 })).toBe(true);
    // A dating of millennia is one word that every period asks for.
    expect(passes(entry({ year_from: -3000, year_to: 1000 }), { yearFrom: 1, yearTo: 100 })).toBe(
      true
    );
  });

  it('keep out what the filter does not take', () => {
    const e = entry();
    expect(passes(e, { categories: ['photographs'] })).toBe(false);
    expect(passes(e, { materials: ['wood'] })).toBe(false);
    expect(passes(e, { museumIds: [4] })).toBe(false);
    expect(passes(e, { hasImage: false })).toBe(false);
    expect(passes(e, { yearFrom: 1701, yearTo: 1800 })).toBe(false);
    expect(
      passes(entry({ year_from: null, year_to: null }), { yearFrom: 1801, yearTo: 1900 })
    ).toBe(false);
  });

  it('leave an open period to the SQL condition', () => {
    expect(facetWordGroups({ terms: [], yearFrom: 1801 })).toEqual([]);
  });
});
