import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
  const about = await locals.app.association.about(locals.locale);
  if (!about) error(404, 'Not found');
  return { about };
};
