import type { Actions, PageServerLoad } from './$types';
import { createEvent, listPage } from '$lib/server/events/staff-pages';

/** The association's own events: its admins only; for everyone else there is no such page. */
const place = { owner: { kind: 'association' }, base: '/admin/association' } as const;

export const load: PageServerLoad = ({ locals }) => listPage(locals, place);

export const actions: Actions = { create: (event) => createEvent(event, place) };
