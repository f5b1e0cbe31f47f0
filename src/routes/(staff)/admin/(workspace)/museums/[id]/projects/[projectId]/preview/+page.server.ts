import type { PageServerLoad } from './$types';
import { idParam } from '$lib/server/http/guards';
import { previewPage } from '$lib/server/projects/staff-pages';

export const load: PageServerLoad = ({ locals, params, url }) => {
  const museumId = idParam(params.id);
  return previewPage(
    locals,
    { owner: { kind: 'museum', museumId }, base: `/admin/museums/${museumId}` },
    params.projectId,
    url
  );
};
