import type { PageServerLoad } from './$types';
import { idParam } from '$lib/server/http/guards';
import { previewPage } from '$lib/server/events/staff-pages';

/** The event as the version being edited would show it to visitors. */
export const load: PageServerLoad = ({ locals, params }) => {
  const museumId = idParam(params.id);
  return previewPage(
    locals,
    { owner: { kind: 'museum', museumId }, base: `/admin/museums/${museumId}` },
    params.eventId
  );
};
