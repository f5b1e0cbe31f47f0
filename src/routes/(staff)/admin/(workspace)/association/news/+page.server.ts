import type { Actions, PageServerLoad } from './$types';
import { createNews, listPage } from '$lib/server/news/staff-pages';

/** The association's own news: its admins only; for everyone else there is no such page. */
const place = { owner: { kind: 'association' }, base: '/admin/association' } as const;

export const load: PageServerLoad = ({ locals }) => listPage(locals, place);

export const actions: Actions = { create: (event) => createNews(event, place) };
