import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { parseDirectoryQuery } from '$lib/server/museums/query';

export const load: PageServerLoad = async ({ locals }) => {
  const now = locals.app.clock();
  const { museums, association } = locals.app;
  const [about, directory, notices, events, latestNews] = await Promise.all([
    association.about(locals.locale),
    museums.list(parseDirectoryQuery(new URLSearchParams()), locals.locale, now),
    museums.notices(locals.locale, now),
    locals.app.events.upcoming({}, now, 6, locals.locale),
    locals.app.news.latest(undefined, locals.locale, 3)
  ]);
  if (!about) error(404, 'Not found');
  return {
    about,
    museums: directory.museums,
    notices,
    events,
    now,
    map: locals.app.config.map,
    latestNews
  };
};
