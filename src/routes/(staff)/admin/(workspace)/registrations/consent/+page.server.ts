import { fail } from '@sveltejs/kit';
import { requireAccess } from '$lib/server/auth/access';
import { orNotFound } from '$lib/server/http/guards';
import type { Actions, PageServerLoad } from './$types';

/** The association's consent text (152-FZ) that every registration form shows. */
export const load: PageServerLoad = async ({ locals }) => {
  await orNotFound(() =>
    requireAccess(locals.staff?.actor ?? null, 'association.edit', { kind: 'association' })
  );
  return { consent: await locals.app.registrations.consentText() };
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const form = await request.formData();
    const text = {
      ru: String(form.get('consent.ru') ?? ''),
      en: String(form.get('consent.en') ?? '')
    };
    const errors = await orNotFound(() =>
      locals.app.registrations.saveConsentText(locals.staff?.actor ?? null, text)
    );
    if (errors.length > 0)
      return fail(400, {
        consent: text,
        errors: Object.fromEntries(errors.map((e) => [e.field, e.message[locals.locale]]))
      });
    return { saved: true };
  }
};
