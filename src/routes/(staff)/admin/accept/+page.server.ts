import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n';
import { pick } from '$lib/shared/localize';
import { forwardCookies } from '$lib/server/auth/cookies';
import { newAccountInput } from '$lib/server/auth/accounts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const token = url.searchParams.get('token') ?? '';
  const invitation = token ? await locals.app.accounts.invitation(token) : undefined;
  return {
    token,
    invitation: invitation
      ? {
          email: invitation.email,
          role: invitation.role,
          museum: invitation.museum_ru
            ? pick(locals.locale, invitation.museum_ru, invitation.museum_en)
            : ''
        }
      : null
  };
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, getClientAddress }) => {
    const form = await request.formData();
    const token = String(form.get('token') ?? '');
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const checked = newAccountInput.safeParse({ name, password, email: 'placeholder@example.org' });
    if (!checked.success) {
      const invalid = [...new Set(checked.error.issues.map((i) => String(i.path[0])))];
      return fail(400, { name, invalid, expired: false });
    }
    const result = await locals.app.accounts.acceptInvitation(
      token,
      { name, password },
      getClientAddress()
    );
    if (!result.ok) return fail(410, { name, invalid: [], expired: true });
    forwardCookies(result.setCookie, cookies);
    redirect(303, localizeHref(result.setCookie.length > 0 ? '/admin' : '/admin/sign-in'));
  }
};
