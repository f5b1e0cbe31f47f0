import type { PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';

/** The public page as the version being edited would make it, before anyone publishes it. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const id = idParam(params.id);
  const editing = await orNotFound(() => locals.app.editor.open(locals.staff?.actor ?? null, id));
  const now = locals.app.clock();
  return {
    museumId: id,
    revision: editing.revision,
    changes: editing.changes.length,
    canPublish: editing.canPublish,
    canReview: editing.canReview,
    museum: await locals.app.museums.preview(id, editing.record, locals.locale, now),
    now,
    jsonLd: null,
    map: locals.app.config.map
  };
};
