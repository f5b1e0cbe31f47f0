import type { PageServerLoad } from './$types';
import { previewPage } from '$lib/server/projects/staff-pages';

export const load: PageServerLoad = ({ locals, params, url }) =>
  previewPage(
    locals,
    { owner: { kind: 'association' }, base: '/admin/association' },
    params.projectId,
    url
  );
