import type { PageServerLoad } from './$types';
import { idParam } from '$lib/server/http/guards';
import { previewPage } from '$lib/server/news/staff-pages';

/** The news item as the version being edited would show it to visitors. */
export const load: PageServerLoad = ({ locals, params, url }) => {
  const museumId = idParam(params.id);
  return previewPage(
    locals,
    { owner: { kind: 'museum', museumId }, base: `/admin/museums/${museumId}` },
    params.newsId,
    url
  );
};
