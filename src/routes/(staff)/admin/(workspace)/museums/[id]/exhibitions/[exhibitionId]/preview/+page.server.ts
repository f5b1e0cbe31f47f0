import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';

/** The exhibition as the version being edited would show it to visitors, before anyone publishes it. */
export const load: PageServerLoad = async ({ locals, params }) => {
  const museumId = idParam(params.id);
  const exhibitionId = idParam(params.exhibitionId);
  const editing = await orNotFound(() =>
    locals.app.exhibitionEditor.open(
      locals.staff?.actor ?? null,
      { kind: 'museum', museumId },
      exhibitionId
    )
  );
  const exhibition = await locals.app.exhibitions.preview(
    museumId,
    exhibitionId,
    editing.record,
    locals.locale
  );
  if (!exhibition) error(404, 'Not found');
  return { back: `/admin/museums/${museumId}/exhibitions/${exhibitionId}`, exhibition };
};
