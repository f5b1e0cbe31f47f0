import type { PageServerLoad } from './$types';

/** All published projects: the association's and the museums', `?owner=association` for its own. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const owner = url.searchParams.get('owner') === 'association' ? 'association' : 'all';
  return { owner, projects: await locals.app.projects.cards(locals.locale, owner) };
};
