import type { Actions, PageServerLoad } from './$types';
import { editorActions, editorPage } from '$lib/server/news/staff-pages';

const place = { owner: { kind: 'association' }, base: '/admin/association' } as const;

export const load: PageServerLoad = ({ locals, params }) =>
  editorPage(locals, place, params.newsId);

export const actions: Actions = editorActions(() => place);
