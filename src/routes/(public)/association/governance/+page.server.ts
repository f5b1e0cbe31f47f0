import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  governance: await locals.app.association.governance(locals.locale)
});
