import type { Actions, PageServerLoad } from './$types';
import { createProject, listPage } from '$lib/server/projects/staff-pages';

/** The association's own projects: its admins only; for everyone else there is no such page. */
const place = { owner: { kind: 'association' }, base: '/admin/association' } as const;

export const load: PageServerLoad = ({ locals }) => listPage(locals, place);

export const actions: Actions = { create: (event) => createProject(event, place) };
