import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  projects: await locals.app.association.projects(locals.locale),
  exhibitions: await locals.app.exhibitions.ofOwner(null, locals.locale)
});
