import type { PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';

export const load: PageServerLoad = async ({ locals, params }) => {
  const museumId = idParam(params.id);
  await orNotFound(() => locals.app.exhibitExport.authorize(locals.staff?.actor ?? null, museumId));
  return { museumId };
};
