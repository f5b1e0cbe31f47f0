import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { projectJsonLd } from '$lib/server/projects/json-ld';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const project = await locals.app.projects.page(params.slug, params.project, locals.locale);
  if (!project) error(404, 'Not found');
  return {
    project,
    map: locals.app.config.map,
    jsonLd: projectJsonLd(project, url.origin + url.pathname, '')
  };
};
