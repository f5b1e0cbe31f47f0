import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const tour = await locals.app.tours.page(params.slug, params.tour, locals.locale);
  if (!tour) error(await locals.app.tours.missingStatus(params.slug, params.tour), 'Not found');
  return { tour };
};
