import type { PageServerLoad } from './$types';
import { queryTerms } from '$lib/server/search/analyzer';
import { parseSearchParams, searchHref, searchQueryOf } from '$lib/server/search/url';
import { facetLimit } from '$lib/server/search/service';
import type { FacetCount } from '$lib/server/search/types';

/** Counted values first, then those ticked but absent from this result (count 0). */
function options<V extends string | number>(counts: FacetCount<V>[], ticked: V[]) {
  return [
    ...counts.map((c) => ({ ...c, checked: ticked.includes(c.value) })),
    ...ticked
      .filter((v) => !counts.some((c) => c.value === v))
      .map((value) => ({ value, count: 0, checked: true }))
  ];
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const params = parseSearchParams(url.searchParams);
  const { search } = locals.app;
  const result = await search.find(searchQueryOf(params, locals.locale));
  const pictures = await search.pictures(result.hits, locals.locale);
  const names = new Map(result.facets.museum.map((f) => [f.value, f.name]));
  const collections = new Map(result.facets.collection.map((f) => [f.value, f.name]));
  return {
    params,
    hits: result.hits,
    pictures,
    total: result.total,
    totalIsBounded: result.totalIsBounded,
    facetLimit,
    facetsCounted: result.facetsCounted,
    facets: {
      kind: options(result.facets.kind, params.kinds),
      museum: options(
        result.facets.museum.map(({ value, count }) => ({ value, count })),
        params.museums
      ).map((o) => ({ ...o, name: names.get(o.value) ?? o.value })),
      collection: options(
        result.facets.collection.map(({ value, count }) => ({ value, count })),
        params.collections
      ).map((o) => ({ ...o, value: String(o.value), name: collections.get(o.value) ?? '' })),
      category: options(result.facets.category, params.categories),
      material: options(result.facets.material, params.materials),
      period: options(result.facets.period, params.period === null ? [] : [params.period]),
      hasImage: result.facets.hasImage
    },
    // A query whose words all drop out ("?!", "и в на") is told so, not "nothing found".
    noWords: params.q.trim() !== '' && queryTerms(params.q).length === 0,
    nextHref: result.next ? searchHref(params, { after: result.next }) : null,
    firstHref: params.after ? searchHref(params) : null
  };
};
