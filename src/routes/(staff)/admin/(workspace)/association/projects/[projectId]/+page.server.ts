import type { Actions, PageServerLoad } from './$types';
import { editorActions, editorPage } from '$lib/server/projects/staff-pages';

const place = { owner: { kind: 'association' }, base: '/admin/association' } as const;

export const load: PageServerLoad = ({ locals, params }) =>
  editorPage(locals, place, params.projectId);

export const actions: Actions = editorActions(() => place);
