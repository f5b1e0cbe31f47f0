import type { PageServerLoad } from './$types';
import { previewPage } from '$lib/server/news/staff-pages';

/** The association's news item as the version being edited would show it to visitors. */
export const load: PageServerLoad = ({ locals, params, url }) =>
  previewPage(
    locals,
    { owner: { kind: 'association' }, base: '/admin/association' },
    params.newsId,
    url
  );
