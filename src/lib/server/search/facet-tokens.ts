import type { EntryFilter, EntryValues } from './repository';
import { centuryOf } from './service';

/**
 * An entry's facet values as words of the term index — a third FTS5 column (`facets`) on
 * SQLite, lexemes marked with "#" in `terms` on PostgreSQL — so a search with a filter
 * ("photographs", "wood", one museum, a century) is narrowed inside the index, and only the
 * entries that pass it are read: reading every match to drop nine in ten costs 20,000 row
 * reads for a common word. The SQL conditions still decide; these words only have to include
 * every entry that passes them.
 */

/** A facet word: a letter for the facet, then the value's letters and digits ("-" as "n"). */
const token = (facet: string, value: string | number) =>
  `${facet}${String(value)
    .toLowerCase()
    .replaceAll('-', 'n')
    .replace(/[^a-z0-9]/g, '')}`;

/** A dating spanning more centuries than this gets one word for all of them. */
const maxCenturies = 20;
const wide = 'ywide';

function centuryRange(from: number, to: number): number[] | null {
  const first = centuryOf(Math.min(from, to));
  const last = centuryOf(Math.max(from, to));
  if (last - first >= maxCenturies) return null;
  const list: number[] = [];
  for (let c = first; c <= last; c++) if (c !== 0) list.push(c);
  return list;
}

/** The facet words of an entry. */
export function facetWords(e: EntryValues): string[] {
  const words = [token('k', e.kind)];
  if (e.museum_id != null) words.push(token('m', e.museum_id));
  if (e.collection_id != null) words.push(token('c', e.collection_id));
  if (e.category) words.push(token('g', e.category));
  if (e.material) words.push(token('t', e.material));
  words.push(token('i', e.has_image ?? 0));
  const from = e.year_from ?? e.year_to;
  const to = e.year_to ?? e.year_from;
  if (from != null && to != null) {
    const centuries = centuryRange(from, to);
    words.push(...(centuries ? centuries.map((c) => token('y', c)) : [wide]));
  }
  return words;
}

/**
 * The filter as groups of facet words: an entry that passes the filter has at least one word of
 * every group. A filter these words cannot narrow (an open or very long period) adds no group.
 */
export function facetWordGroups(filter: EntryFilter): string[][] {
  const groups: string[][] = [];
  const group = (facet: string, values: readonly (string | number)[] | undefined) => {
    if (values?.length) groups.push(values.map((v) => token(facet, v)));
  };
  group('k', filter.kinds);
  group('m', filter.museumIds);
  group('c', filter.collections);
  group('g', filter.categories);
  group('t', filter.materials);
  if (filter.hasImage != null) groups.push([token('i', filter.hasImage ? 1 : 0)]);
  if (filter.yearFrom != null && filter.yearTo != null) {
    const centuries = centuryRange(filter.yearFrom, filter.yearTo);
    if (centuries) groups.push([...centuries.map((c) => token('y', c)), wide]);
  }
  return groups;
}
