import type { ExhibitCategory, ExhibitMaterial } from '$lib/shared/exhibit';
import { queryTerms } from './analyzer';
import type { Asset } from '../media/repository';
import { responsiveImage, type ResponsiveImage } from '../media/responsive';
import type { EntryFilter, SearchRepository, SortKey } from './repository';
import { snippet } from './snippet';
import {
  type FacetCount,
  type SearchFacets,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SearchSort
} from './types';

/**
 * Facets and the total are counted over at most this many matching entries: beyond it the page
 * says "more than 2 000 found" and that the numbers beside the filters count the first 2,000.
 * Each counted entry is a row read, and a common word matches 160,000 of a million: 2,000 keep
 * the first page within 50 ms (docs/PERFORMANCE.md), 10,000 did not.
 */
export const facetLimit = 2_000;
export const maxLimit = 100;

/** The visitors' search and browse across the site: published things only, no rights needed. */
export class SearchService {
  constructor(
    private readonly entries: SearchRepository,
    /** Media assets by id, of any museum (only ready images are shown). */
    private readonly assets: (ids: number[]) => Promise<Asset[]> = async () => [],
    private readonly urlOf: (key: string) => string = (key) => key
  ) {}

  /** The pictures of a page of hits, by asset id: ready images only. */
  async pictures(
    hits: SearchHit[],
    locale: 'ru' | 'en'
  ): Promise<Record<number, { image: ResponsiveImage; alt: string }>> {
    const ids = [...new Set(hits.flatMap((h) => (h.imageAssetId == null ? [] : [h.imageAssetId])))];
    const pictures: Record<number, { image: ResponsiveImage; alt: string }> = {};
    for (const asset of await this.assets(ids)) {
      if (asset.status !== 'ready' || !asset.rendition) continue;
      pictures[asset.id] = {
        image: responsiveImage(asset.rendition, this.urlOf, asset.focal),
        alt: asset.alt[locale] || asset.alt.ru
      };
    }
    return pictures;
  }

  async find(query: SearchQuery): Promise<SearchResult> {
    const terms = queryTerms(query.q);
    // Words that all drop out (punctuation, "и", "the"): nothing to look for, not everything.
    if (terms.length === 0 && query.q.trim() !== '') return emptyResult();
    const filter: EntryFilter = {
      terms,
      kinds: query.kinds,
      museumIds: await this.museumIds(query.museums),
      collections: query.collections,
      categories: query.categories,
      materials: query.materials,
      yearFrom: query.yearFrom,
      yearTo: query.yearTo,
      hasImage: query.hasImage
    };
    const sort: SearchSort = query.sort;
    const limit = Math.max(1, Math.min(maxLimit, Math.trunc(query.limit) || 20));
    const cursor = readCursor(query.after, sort);
    // Facets and the total are counted for the first page; the next pages carry the total in
    // their cursor, so a page deep in the results costs only its own rows.
    const [rows, facetRows] = await Promise.all([
      this.entries.page(filter, { sort, locale: query.locale }, cursor?.key ?? null, limit + 1),
      cursor ? null : this.entries.facetRows(filter, facetLimit + 1)
    ]);
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const wanted = new Set(terms);
    const total = facetRows ? Math.min(facetRows.length, facetLimit) : (cursor?.total ?? 0);
    const totalIsBounded = facetRows ? facetRows.length > facetLimit : (cursor?.bounded ?? false);
    return {
      hits: page.map((row) => hitOf(row, query.locale, wanted)),
      facets: facetRows
        ? await this.facets(facetRows.slice(0, facetLimit), query.locale)
        : emptyResult().facets,
      facetsCounted: facetRows !== null,
      next:
        more && last ? writeCursor({ sort, total, bounded: totalIsBounded, key: last.key }) : null,
      total,
      totalIsBounded
    };
  }

  private async museumIds(museums: SearchQuery['museums']): Promise<number[] | undefined> {
    if (!museums?.length) return undefined;
    const ids = museums.filter((m): m is number => typeof m === 'number');
    const slugs = museums.filter((m): m is string => typeof m === 'string');
    ids.push(...(await this.entries.museumIdsBySlug(slugs)));
    // Only unknown museums asked for: nothing matches, rather than everything.
    return ids.length ? ids : [-1];
  }

  private async facets(
    rows: Awaited<ReturnType<SearchRepository['facetRows']>>,
    locale: 'ru' | 'en'
  ): Promise<SearchFacets> {
    const kind = new Counter<SearchHit['kind']>();
    const museum = new Counter<number>();
    const collection = new Counter<number>();
    const category = new Counter<ExhibitCategory>();
    const material = new Counter<ExhibitMaterial>();
    const period = new Counter<number>();
    let hasImage = 0;
    for (const row of rows) {
      kind.add(row.kind);
      if (row.museum_id != null) museum.add(row.museum_id);
      if (row.collection_id != null) collection.add(row.collection_id);
      if (row.category) category.add(row.category);
      if (row.material) material.add(row.material);
      for (const c of centuries(row.year_from, row.year_to)) period.add(c);
      hasImage += row.has_image;
    }
    const names = new Map((await this.entries.museumNames(museum.values())).map((m) => [m.id, m]));
    const collections = new Map(
      (await this.entries.collectionNames(collection.values())).map((c) => [c.id, c])
    );
    return {
      kind: kind.counts(),
      museum: museum
        .counts()
        .flatMap(({ value, count }) => {
          const m = names.get(value);
          if (!m) return [];
          return [
            { value: m.slug, count, name: locale === 'en' ? m.name_en || m.name_ru : m.name_ru }
          ];
        })
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      collection: collection.counts().flatMap(({ value, count }) => {
        const c = collections.get(value);
        return c ? [{ value, count, name: (locale === 'en' && c.title_en) || c.title_ru }] : [];
      }),
      category: category.counts(),
      material: material.counts(),
      period: period.counts().sort((a, b) => a.value - b.value),
      hasImage
    };
  }
}

function emptyResult(): SearchResult {
  return {
    hits: [],
    facets: {
      kind: [],
      museum: [],
      collection: [],
      category: [],
      material: [],
      period: [],
      hasImage: 0
    },
    facetsCounted: true,
    next: null,
    total: 0,
    totalIsBounded: false
  };
}

class Counter<V extends string | number> {
  private readonly map = new Map<V, number>();
  add(value: V) {
    this.map.set(value, (this.map.get(value) ?? 0) + 1);
  }
  values(): V[] {
    return [...this.map.keys()];
  }
  /** Most frequent first; ties by value, so both dialects list them alike. */
  counts(): FacetCount<V>[] {
    return [...this.map]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
}

/** Century of a year: 19 for 1801–1900, -1 for 100 BC – 1 BC (year 0 read as 1 BC). */
export function centuryOf(year: number): number {
  return year > 0 ? Math.ceil(year / 100) : -Math.ceil((1 - year) / 100);
}

/** The years a century spans, for the period filter. */
export function centuryYears(century: number): { yearFrom: number; yearTo: number } {
  return century > 0
    ? { yearFrom: (century - 1) * 100 + 1, yearTo: century * 100 }
    : { yearFrom: century * 100, yearTo: (century + 1) * 100 - 1 };
}

/** The centuries a dating overlaps, at most five (a range of millennia is no period). */
function centuries(from: number | null, to: number | null): number[] {
  const a = from ?? to;
  const b = to ?? from;
  if (a == null || b == null) return [];
  const first = centuryOf(Math.min(a, b));
  const last = centuryOf(Math.max(a, b));
  if (last - first >= 5) return [];
  const list: number[] = [];
  for (let c = first; c <= last; c++) if (c !== 0) list.push(c);
  return list;
}

type PageRow = Awaited<ReturnType<SearchRepository['page']>>[number];

function hitOf(row: PageRow, locale: 'ru' | 'en', terms: ReadonlySet<string>): SearchHit {
  const en = locale === 'en';
  const title = en ? row.title_en || row.title_ru : row.title_ru;
  const summary = en ? row.summary_en || row.summary_ru : row.summary_ru;
  // The piece of text where a query word is, in the page's language first.
  const texts = en
    ? [row.summary_en, row.body_en, row.summary_ru, row.body_ru]
    : [row.summary_ru, row.body_ru, row.summary_en, row.body_en];
  let html = '';
  if (terms.size) {
    for (const text of texts) {
      const candidate = text ? snippet(text, terms) : '';
      if (candidate.includes('<mark>')) {
        html = candidate;
        break;
      }
    }
  }
  return {
    kind: row.kind,
    refId: row.ref_id,
    path: row.path,
    title,
    titleLang: en && !row.title_en ? 'ru' : null,
    titleHtml: snippet(title, terms, 500),
    snippet: html || snippet(summary || (en ? row.body_en || row.body_ru : row.body_ru), terms),
    imageAssetId: row.image_asset_id,
    museum: row.museum_slug
      ? {
          slug: row.museum_slug,
          name: (en ? row.museum_name_en || row.museum_name_ru : row.museum_name_ru) ?? ''
        }
      : null
  };
}

interface Cursor {
  sort: SearchSort;
  /** The first page's total, shown again on the next ones. */
  total: number;
  bounded: boolean;
  key: SortKey;
}

/** An opaque cursor: the sort, the total, and the last row's key, so a page starts right after it. */
function writeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.total, c.bounded ? 1 : 0, ...c.key])).toString(
    'base64url'
  );
}

/** A cursor from the URL; anything malformed or of another sort starts at the beginning. */
function readCursor(cursor: string | undefined, sort: SearchSort): Cursor | null {
  if (!cursor || cursor.length > 1000) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value[0] !== sort) return null;
    const [, total, bounded, ...key] = value as unknown[];
    if (typeof total !== 'number' || !Number.isInteger(total) || total < 0) return null;
    const parts = key.filter(
      (k): k is string | number =>
        typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k))
    );
    if (parts.length === 0 || parts.length !== key.length) return null;
    return { sort, total: Math.min(total, facetLimit), bounded: bounded === 1, key: parts };
  } catch {
    return null;
  }
}
