import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n';
import { forwardCookies } from '$lib/server/auth/cookies';

export const load: PageServerLoad = async ({ locals }) => {
  if (locals.staff) redirect(303, localizeHref('/admin'));
  if (await locals.app.accounts.needsFirstAdmin()) redirect(303, localizeHref('/admin/setup'));
  return {};
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) return fail(400, { email, error: 'missing' as const });
    const result = await locals.app.accounts.signIn(email, password, getClientAddress());
    if (!result.ok)
      return fail(result.reason === 'rate-limited' ? 429 : 400, { email, error: result.reason });
    forwardCookies(result.setCookie, cookies);
    redirect(303, localizeHref('/admin'));
  }
};
