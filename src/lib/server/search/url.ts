import { exhibitCategories, exhibitMaterials } from '$lib/shared/exhibit';
import { centuryYears } from './service';
import { searchKinds, searchSorts, type SearchQuery } from './types';

/** The search page's address as the page reads it back: what is asked and what is ticked. */
export interface SearchParams {
  q: string;
  kinds: SearchQuery['kinds'] & {};
  museums: string[];
  collections: number[];
  categories: SearchQuery['categories'] & {};
  materials: SearchQuery['materials'] & {};
  /** A century, e.g. 19; null for any. */
  period: number | null;
  image: boolean;
  sort: SearchQuery['sort'];
  after: string | null;
}

export const pageSize = 20;
const slug = /^[a-z0-9-]{1,80}$/;
const maxValues = 20;

/**
 * Reads the search page's GET form from the URL (`q`, `kind`, `museum`, `category`, `material`
 * repeated for several, `period`, `image=1`, `sort`, `after`). Anything malformed is dropped,
 * never an error: a link cut in half still opens a page.
 */
export function parseSearchParams(params: URLSearchParams): SearchParams {
  const all = (name: string) =>
    [...new Set(params.getAll(name).map((v) => v.trim()))].slice(0, maxValues);
  const pick = <T extends string>(name: string, allowed: readonly T[]): T[] =>
    all(name).flatMap((v) => allowed.filter((a) => a === v));
  const q = (params.get('q') ?? '').slice(0, 1000);
  const period = Number(params.get('period'));
  const sort = searchSorts.find((s) => s === params.get('sort'));
  return {
    q,
    kinds: pick('kind', searchKinds),
    museums: all('museum').filter((v) => slug.test(v)),
    collections: all('collection')
      .filter((v) => /^\d{1,9}$/.test(v))
      .map(Number),
    categories: pick('category', exhibitCategories),
    materials: pick('material', exhibitMaterials),
    period: Number.isInteger(period) && period !== 0 && Math.abs(period) <= 400 ? period : null,
    image: params.get('image') === '1',
    // Browse (no words) has no relevance to sort by: it goes by title.
    sort: sort ?? (q.trim() ? 'relevance' : 'title'),
    after: params.get('after')?.slice(0, 1000) || null
  };
}

/** What the search service is asked for these parameters. */
export function searchQueryOf(p: SearchParams, locale: 'ru' | 'en'): SearchQuery {
  const years = p.period === null ? {} : centuryYears(p.period);
  return {
    q: p.q,
    locale,
    kinds: p.kinds,
    museums: p.museums,
    collections: p.collections,
    categories: p.categories,
    materials: p.materials,
    ...years,
    hasImage: p.image ? true : undefined,
    sort: p.sort,
    after: p.after ?? undefined,
    limit: pageSize
  };
}

/** The page's address for these parameters (without the locale prefix). */
export function searchHref(p: SearchParams, change: Partial<SearchParams> = {}): string {
  const v = { ...p, after: null, ...change };
  const params = new URLSearchParams();
  if (v.q) params.set('q', v.q);
  for (const k of v.kinds) params.append('kind', k);
  for (const k of v.museums) params.append('museum', k);
  for (const k of v.collections) params.append('collection', String(k));
  for (const k of v.categories) params.append('category', k);
  for (const k of v.materials) params.append('material', k);
  if (v.period !== null) params.set('period', String(v.period));
  if (v.image) params.set('image', '1');
  if (v.sort !== (v.q.trim() ? 'relevance' : 'title')) params.set('sort', v.sort);
  if (v.after) params.set('after', v.after);
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}
