import type { PageServerLoad } from './$types';
import { eventPageData } from '$lib/server/events/pages';

export const load: PageServerLoad = async ({ locals, params, url }) =>
  eventPageData(locals.app, locals.locale, params.slug, params.event, url, '');
