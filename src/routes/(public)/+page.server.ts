import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { parseDirectoryQuery } from '$lib/server/museums/query';

export const load: PageServerLoad = async ({ locals }) => {
  const now = locals.app.clock();
  const { museums, association } = locals.app;
  const [about, directory, notices, events] = await Promise.all([
    association.about(locals.locale),
    museums.list(parseDirectoryQuery(new URLSearchParams()), locals.locale, now),
    museums.notices(locals.locale, now),
    locals.app.events.upcoming({}, now, 6, locals.locale)
  ]);
  if (!about) error(404, 'Not found');
  return {
    about,
    museums: directory.museums,
    notices,
    events,
    now,
    map: locals.app.config.map
  };
};
