import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const cards = await locals.app.projects.cards(locals.locale, 'association');
  const told = new Set(cards.map((c) => c.path.split('/').pop()));
  return {
    cards,
    // The profile's own short texts, for projects not yet told on a project page of their own.
    projects: (await locals.app.association.projects(locals.locale)).filter(
      (p) => !told.has(p.slug)
    ),
    exhibitions: await locals.app.exhibitions.ofOwner(null, locals.locale)
  };
};
