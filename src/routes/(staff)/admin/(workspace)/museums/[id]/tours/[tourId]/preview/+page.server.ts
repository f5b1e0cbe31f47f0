import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { pastVersion } from '$lib/server/content/restore-action';

/**
 * The tour as the version being edited would show it to visitors, before anyone publishes it;
 * with `?version=` a past version, to restore.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const museumId = idParam(params.id);
  const tourId = idParam(params.tourId);
  const actor = locals.staff?.actor ?? null;
  const [editing, past] = await orNotFound(() =>
    Promise.all([
      locals.app.tourEditor.open(actor, museumId, tourId),
      pastVersion(url, (id) => locals.app.tourEditor.version(actor, museumId, tourId, id))
    ])
  );
  const record = past?.data ?? editing.record;
  const tour = await locals.app.tours.preview(museumId, tourId, record, locals.locale);
  if (!tour) error(404, 'Not found');
  return {
    museumId,
    tourId,
    tour,
    revision: editing.revision,
    past: past && { id: past.id, publishedAt: past.publishedAt }
  };
};
