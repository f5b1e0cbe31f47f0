import type { Actions, PageServerLoad } from './$types';
import { editorActions, editorPage } from '$lib/server/events/staff-pages';

const place = { owner: { kind: 'association' }, base: '/admin/association' } as const;

export const load: PageServerLoad = ({ locals, params }) =>
  editorPage(locals, place, params.eventId);

export const actions: Actions = editorActions(() => place);
