import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
  const tour = await locals.app.tours.page(params.museum, params.tour, locals.locale);
  if (!tour) error(await locals.app.tours.missingStatus(params.museum, params.tour), 'Not found');
  // Meant for other sites' pages: any of them may frame it.
  setHeaders({ 'content-security-policy': 'frame-ancestors *' });
  return { tour };
};
