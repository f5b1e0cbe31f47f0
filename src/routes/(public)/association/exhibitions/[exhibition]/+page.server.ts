import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { exhibitionJsonLd } from '$lib/server/exhibitions/json-ld';

/** The association's own online exhibitions (its travelling projects told as a story). */
export const load: PageServerLoad = async ({ locals, params, url, parent }) => {
  const exhibition = await locals.app.exhibitions.page(null, params.exhibition, locals.locale);
  if (!exhibition) error(404, 'Not found');
  const { about } = await parent();
  return {
    exhibition,
    jsonLd: exhibitionJsonLd(exhibition, url.origin + url.pathname, about.name)
  };
};
