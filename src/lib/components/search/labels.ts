import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/shared/museum';
import type { SearchKind } from '$lib/shared/search';

type Label = typeof m.search_kind_museum;

const kinds: Record<SearchKind, Label> = {
  museum: m.search_kind_museum,
  exhibit: m.search_kind_exhibit,
  exhibition: m.search_kind_exhibition,
  news: m.search_kind_news,
  event: m.search_kind_event
};
const kindsOne: Record<SearchKind, Label> = {
  museum: m.search_kind_one_museum,
  exhibit: m.search_kind_one_exhibit,
  exhibition: m.search_kind_one_exhibition,
  news: m.search_kind_one_news,
  event: m.search_kind_one_event
};

/** "Музеи" for the facet, "Музей" for one result. */
export const kindLabel = (kind: SearchKind, one = false) => (one ? kindsOne : kinds)[kind]();

const numerals: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I']
];

export function roman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of numerals) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "XIX век", "19th century", "I век до н. э.". */
export function centuryLabel(century: number, locale: Locale): string {
  const n = Math.abs(century);
  const name = locale === 'ru' ? roman(n) : ordinal(n);
  return century < 0 ? m.search_century_bc({ century: name }) : m.search_century({ century: name });
}
