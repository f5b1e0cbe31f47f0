import type { PageServerLoad } from './$types';
import { previewPage } from '$lib/server/events/staff-pages';

/** The association's event as the version being edited would show it to visitors. */
export const load: PageServerLoad = ({ locals, params }) =>
  previewPage(
    locals,
    { owner: { kind: 'association' }, base: '/admin/association' },
    params.eventId
  );
