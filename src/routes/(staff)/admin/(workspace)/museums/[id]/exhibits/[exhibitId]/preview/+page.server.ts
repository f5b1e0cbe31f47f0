import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';

/** The exhibit as the version being edited would show it to visitors, before anyone publishes it. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const museumId = idParam(params.id);
  const exhibitId = idParam(params.exhibitId);
  const editing = await orNotFound(() =>
    locals.app.exhibitEditor.open(locals.staff?.actor ?? null, museumId, exhibitId)
  );
  const exhibit = await locals.app.exhibits.preview(
    museumId,
    exhibitId,
    editing.record,
    locals.locale
  );
  if (!exhibit) error(404, 'Not found');
  const image = Number(url.searchParams.get('image'));
  return {
    current: Number.isInteger(image) && image >= 0 && image < exhibit.images.length ? image : 0,
    museumId,
    exhibitId,
    exhibit,
    revision: editing.revision,
    canReview: editing.canReview
  };
};
