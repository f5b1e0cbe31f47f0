import type { ExhibitCategory, ExhibitMaterial } from '$lib/shared/exhibit';
import type { SearchKind, SearchSort } from '$lib/shared/search';

/**
 * The one search across the site: every findable thing is fed to `SearchIndex.put` as a
 * `SearchDocument` by the part of the site that owns it (museums on publishing, exhibits by the
 * exhibits domain), and `SearchService.find` answers the search page and browse.
 */

export { searchKinds, searchSorts, type SearchKind, type SearchSort } from '$lib/shared/search';

export interface Bilingual {
  ru: string;
  en: string;
}

/** The facet and sort fields only exhibits have. */
export interface ExhibitFacets {
  collectionId: number | null;
  category: ExhibitCategory;
  material: ExhibitMaterial | null;
  yearFrom: number | null;
  yearTo: number | null;
}

/** One findable thing, as its owner hands it to the index (upserted by kind + refId). */
export interface SearchDocument {
  kind: SearchKind;
  /** The thing's id in its own table. */
  refId: number;
  /** Null for the association's own things. */
  museumId: number | null;
  /** The site path without the locale prefix: `/museums/amur-museum/exhibits/12`. */
  path: string;
  /** Russian required; English '' when not translated. */
  title: Bilingual;
  /** A short line for the result card; '' when none. */
  summary: Bilingual;
  /** All the searchable plain text besides the title (no markup). */
  body: Bilingual;
  imageAssetId: number | null;
  exhibit?: ExhibitFacets;
  /** `YYYY-MM-DD`: publication or event date, for "newest". */
  date?: string | null;
}

/** What the search page and browse ask. Empty `q` is browse (sorted by title, year or newest). */
export interface SearchQuery {
  q: string;
  locale: 'ru' | 'en';
  kinds?: SearchKind[];
  /** Museum slugs or ids. */
  museums?: (string | number)[];
  collections?: number[];
  categories?: ExhibitCategory[];
  materials?: ExhibitMaterial[];
  /** Objects whose year range overlaps [yearFrom, yearTo]. */
  yearFrom?: number;
  yearTo?: number;
  hasImage?: boolean;
  sort: SearchSort;
  /** The opaque cursor of the previous page's `next`. */
  after?: string;
  limit: number;
}

export interface SearchHit {
  kind: SearchKind;
  refId: number;
  path: string;
  title: string;
  /** The language the title is in when it is not the page's (an untranslated title). */
  titleLang: 'ru' | 'en' | null;
  /** The title as HTML: escaped, with `<mark>` around the words the query matched. */
  titleHtml: string;
  /** HTML: escaped text with `<mark>` around matched words, nothing else. */
  snippet: string;
  imageAssetId: number | null;
  museum: { slug: string; name: string } | null;
}

export interface FacetCount<V = string> {
  value: V;
  count: number;
}

export interface SearchFacets {
  kind: FacetCount<SearchKind>[];
  museum: (FacetCount & { name: string })[];
  /** Exhibits' collections, by id. */
  collection: (FacetCount<number> & { name: string })[];
  category: FacetCount<ExhibitCategory>[];
  material: FacetCount<ExhibitMaterial>[];
  /** Centuries, e.g. 19 for 1801–1900, -1 for the first century BC. */
  period: FacetCount<number>[];
  hasImage: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Counted on the first page only; the next pages have the first page's total and no facets. */
  facets: SearchFacets;
  facetsCounted: boolean;
  next: string | null;
  /** Capped: `totalIsBounded` says the real number is at least this. */
  total: number;
  totalIsBounded: boolean;
}
