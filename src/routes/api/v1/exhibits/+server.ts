import type { RequestHandler } from './$types';
import { apiError, apiResponse } from '$lib/server/interop/responses';
import { exhibitJson, exhibitsPage, parseListQuery } from '$lib/server/interop/json-api';

/**
 * Published exhibits a page at a time, in the order they were published (or by relevance to
 * `q`), with filters; `next` is the address of the following page (null on the last).
 */
export const GET: RequestHandler = async ({ url, locals }) => {
  const query = parseListQuery(url.searchParams);
  if (!query.ok) return apiError(400, query.error);
  const { openExhibits, search } = locals.app;
  const { exhibits, next } = await exhibitsPage(query, {
    openExhibits,
    find: (q) => search.find(q)
  });
  let nextUrl: string | null = null;
  if (next) {
    const params = new URLSearchParams(url.searchParams);
    params.set('after', next);
    nextUrl = `${openExhibits.urls.origin}/api/v1/exhibits?${params}`;
  }
  return apiResponse({
    items: exhibits.map((e) => exhibitJson(e, openExhibits.urls)),
    next: nextUrl
  });
};
