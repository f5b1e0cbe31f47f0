import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n';
import { forwardCookies } from '$lib/server/auth/cookies';
import { newAccountInput } from '$lib/server/auth/accounts';

export const load: PageServerLoad = async ({ locals }) => {
  if (!(await locals.app.accounts.needsFirstAdmin())) redirect(303, localizeHref('/admin/sign-in'));
  return {};
};

export const actions: Actions = {
  default: async ({ request, locals, cookies, getClientAddress }) => {
    const form = await request.formData();
    const values = {
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? '')
    };
    const parsed = newAccountInput.safeParse(values);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
      return fail(400, { name: values.name, email: values.email, invalid: fields, taken: false });
    }
    const created = await locals.app.accounts.createFirstAdmin(parsed.data);
    if (!created.ok)
      return fail(409, { name: values.name, email: values.email, invalid: [], taken: true });
    const signedIn = await locals.app.accounts.signIn(
      parsed.data.email,
      parsed.data.password,
      getClientAddress()
    );
    if (signedIn.ok) forwardCookies(signedIn.setCookie, cookies);
    redirect(303, localizeHref(signedIn.ok ? '/admin' : '/admin/sign-in'));
  }
};
