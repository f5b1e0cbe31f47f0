import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { exhibitJsonLd } from '$lib/server/exhibits/json-ld';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const id = /^\d{1,9}$/.test(params.id) ? Number(params.id) : NaN;
  const exhibit = Number.isNaN(id)
    ? null
    : await locals.app.exhibits.page(params.slug, id, locals.locale);
  if (!exhibit) error(404, 'Not found');
  const image = Number(url.searchParams.get('image'));
  return {
    exhibit,
    current: Number.isInteger(image) && image >= 0 && image < exhibit.images.length ? image : 0,
    jsonLd: exhibitJsonLd(exhibit, url.origin + url.pathname, url.origin)
  };
};
