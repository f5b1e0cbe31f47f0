import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';
import { pastVersion } from '$lib/server/content/restore-action';

/**
 * The exhibit as the version being edited would show it to visitors, before anyone publishes it;
 * with `?version=` a past version, to restore.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
  const museumId = idParam(params.id);
  const exhibitId = idParam(params.exhibitId);
  const actor = locals.staff?.actor ?? null;
  const [editing, past] = await orNotFound(() =>
    Promise.all([
      locals.app.exhibitEditor.open(actor, museumId, exhibitId),
      pastVersion(url, (id) => locals.app.exhibitEditor.version(actor, museumId, exhibitId, id))
    ])
  );
  const exhibit = await locals.app.exhibits.preview(
    museumId,
    exhibitId,
    past?.data ?? editing.record,
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
    past: past && { id: past.id, publishedAt: past.publishedAt },
    canReview: editing.canReview
  };
};
