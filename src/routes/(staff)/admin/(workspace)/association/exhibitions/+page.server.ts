import type { Actions, PageServerLoad } from './$types';
import { createExhibition, listPage } from '$lib/server/exhibitions/staff-pages';

/** The association's own exhibitions: its admins only; for everyone else there is no such page. */
const place = { owner: { kind: 'association' }, base: '/admin/association' } as const;

export const load: PageServerLoad = ({ locals }) => listPage(locals, place);

export const actions: Actions = { create: (event) => createExhibition(event, place) };
