import type { PageServerLoad } from './$types';
import { eventPageData } from '$lib/server/events/pages';

/** The association's own events (seminars, strategic sessions, the travelling tour's stops). */
export const load: PageServerLoad = async ({ locals, params, url, parent }) => {
  const { about } = await parent();
  return eventPageData(locals.app, locals.locale, null, params.event, url, about.name);
};
