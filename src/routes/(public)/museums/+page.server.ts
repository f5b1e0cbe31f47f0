import type { PageServerLoad } from './$types';
import { parseDirectoryQuery } from '$lib/server/museums/query';

export const load: PageServerLoad = async ({ locals, url }) => {
  const now = locals.app.clock();
  const query = parseDirectoryQuery(url.searchParams);
  const directory = await locals.app.museums.list(query, locals.locale, now);
  return { ...directory, query, now, map: locals.app.config.map };
};
