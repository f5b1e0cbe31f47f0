import type { PageServerLoad } from './$types';
import { parseDirectoryQuery } from '$lib/server/museums/query';

export const load: PageServerLoad = async ({ locals }) => {
  const now = locals.app.clock();
  const { museums } = await locals.app.museums.list(
    parseDirectoryQuery(new URLSearchParams()),
    locals.locale,
    now
  );
  return { museums, now };
};
