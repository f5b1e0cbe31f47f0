import { orNotFound } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const museum = Number(url.searchParams.get('museum'));
  const museumId = Number.isInteger(museum) && museum > 0 ? museum : null;
  const actor = locals.staff?.actor ?? null;
  return {
    events: await orNotFound(() => locals.app.registrations.overview(actor, museumId)),
    isAssociation: actor?.grants.some((g) => g.role === 'association_admin') ?? false
  };
};
