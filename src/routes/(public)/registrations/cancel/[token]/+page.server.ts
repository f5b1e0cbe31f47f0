import { error } from '@sveltejs/kit';
import { sessionWhen } from '$lib/server/registrations/mails';
import type { Actions, PageServerLoad } from './$types';

// The link is a secret: the page is the visitor's own, never kept by a shared cache.
export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
  setHeaders({ 'cache-control': 'private, no-store' });
  const preview = await locals.app.registrations.cancelPreview(params.token);
  if (!preview) error(404, 'Not found');
  const locale = locals.locale;
  return {
    status: preview.status,
    name: preview.name,
    people: preview.people,
    title: preview.facts.title[locale] || preview.facts.title.ru,
    when: sessionWhen(preview.facts, locale),
    url: preview.facts.url
  };
};

export const actions: Actions = {
  // The page's load runs after this and marks the answer private too.
  default: async ({ params, locals }) => {
    const outcome = await locals.app.registrations.cancelByToken(params.token);
    if (!outcome) error(404, 'Not found');
    return { outcome };
  }
};
