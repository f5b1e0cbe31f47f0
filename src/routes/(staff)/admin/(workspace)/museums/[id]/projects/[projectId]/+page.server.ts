import type { Actions, PageServerLoad } from './$types';
import { idParam } from '$lib/server/http/guards';
import { editorActions, editorPage } from '$lib/server/projects/staff-pages';

const place = (id: string) => {
  const museumId = idParam(id);
  return { owner: { kind: 'museum', museumId } as const, base: `/admin/museums/${museumId}` };
};

export const load: PageServerLoad = ({ locals, params }) =>
  editorPage(locals, place(params.id), params.projectId);

export const actions: Actions = editorActions((event) => place(event.params.id ?? ''));
