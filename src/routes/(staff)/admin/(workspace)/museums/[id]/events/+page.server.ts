import type { Actions, PageServerLoad } from './$types';
import { idParam } from '$lib/server/http/guards';
import { createEvent, listPage } from '$lib/server/events/staff-pages';

const place = (id: string) => {
  const museumId = idParam(id);
  return { owner: { kind: 'museum', museumId } as const, base: `/admin/museums/${museumId}` };
};

export const load: PageServerLoad = ({ locals, params }) => listPage(locals, place(params.id));

export const actions: Actions = {
  create: (event) => createEvent(event, place(event.params.id))
};
