import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { exhibitionJsonLd } from '$lib/server/exhibitions/json-ld';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const exhibition = await locals.app.exhibitions.page(
    params.slug,
    params.exhibition,
    locals.locale
  );
  if (!exhibition) error(404, 'Not found');
  return {
    exhibition,
    jsonLd: exhibitionJsonLd(exhibition, url.origin + url.pathname, '')
  };
};
