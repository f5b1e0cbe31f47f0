import type { Actions, PageServerLoad } from './$types';
import { idParam } from '$lib/server/http/guards';
import { createProject, listPage } from '$lib/server/projects/staff-pages';

const place = (id: string) => {
  const museumId = idParam(id);
  return { owner: { kind: 'museum', museumId } as const, base: `/admin/museums/${museumId}` };
};

export const load: PageServerLoad = ({ locals, params }) => listPage(locals, place(params.id));

export const actions: Actions = {
  create: (event) => createProject(event, place(event.params.id))
};
