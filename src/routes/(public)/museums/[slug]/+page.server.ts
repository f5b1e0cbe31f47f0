import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { museumJsonLd } from '$lib/server/museums/json-ld';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const now = locals.app.clock();
  const museum = await locals.app.museums.page(params.slug, locals.locale, now);
  if (!museum) error(404, 'Not found');
  const objects = await locals.app.search.find({
    q: '',
    locale: locals.locale,
    kinds: ['exhibit'],
    museums: [params.slug],
    sort: 'title',
    limit: 1
  });
  return {
    museum,
    now,
    jsonLd: museumJsonLd(museum, url.origin + url.pathname),
    map: locals.app.config.map,
    tours: await locals.app.tours.ofMuseum(params.slug, locals.locale),
    exhibitions: await locals.app.exhibitions.ofOwner(params.slug, locals.locale),
    events: await locals.app.events.upcoming({ museum: params.slug }, now, 5, locals.locale),
    latestNews: await locals.app.news.latest(params.slug, locals.locale, 3),
    projects: await locals.app.projects.cards(locals.locale, { museumSlug: params.slug }),
    collection: {
      total: objects.total,
      collections: await locals.app.exhibits.collectionsOf(params.slug, locals.locale)
    }
  };
};
