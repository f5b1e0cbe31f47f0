import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { projectJsonLd } from '$lib/server/projects/json-ld';

/** A project of the association itself. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const project = await locals.app.projects.page(null, params.project, locals.locale);
  if (!project) error(404, 'Not found');
  const owner = (await locals.app.association.about(locals.locale))?.name ?? '';
  return {
    project,
    map: locals.app.config.map,
    jsonLd: projectJsonLd(project, url.origin + url.pathname, owner)
  };
};
