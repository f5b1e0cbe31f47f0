import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';

/** The tour as the version being edited would show it to visitors, before anyone publishes it. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const museumId = idParam(params.id);
  const tourId = idParam(params.tourId);
  const editing = await orNotFound(() =>
    locals.app.tourEditor.open(locals.staff?.actor ?? null, museumId, tourId)
  );
  const tour = await locals.app.tours.preview(museumId, tourId, editing.record, locals.locale);
  if (!tour) error(404, 'Not found');
  return { museumId, tourId, tour, revision: editing.revision };
};
