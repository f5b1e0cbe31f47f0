import type { PageServerLoad } from './$types';
import { orNotFound } from '$lib/server/http/guards';
import { isRole } from '$lib/server/auth/team';

/** The association's list of everyone with a role, filtered by a plain GET form. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = locals.staff?.actor ?? null;
  const museum = Number(url.searchParams.get('museum'));
  const role = url.searchParams.get('role');
  const query = (url.searchParams.get('q') ?? '').trim();
  const filter = {
    museumId: Number.isInteger(museum) && museum > 0 ? museum : undefined,
    role: isRole(role) ? role : undefined,
    query: query || undefined
  };
  return orNotFound(async () => ({
    people: await locals.app.team.everyone(actor, filter, locals.locale),
    museums: await locals.app.audit.filterChoices(actor, locals.locale).then((c) => c.museums),
    filter: { museum: filter.museumId ?? null, role: filter.role ?? '', q: query }
  }));
};
