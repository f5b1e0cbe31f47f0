import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n';

export const load: PageServerLoad = ({ url }) => ({
  token: url.searchParams.get('token') ?? '',
  linkError: url.searchParams.has('error')
});

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    const token = String(form.get('token') ?? '');
    const password = String(form.get('password') ?? '');
    if (password.length < 10) return fail(400, { error: 'password' as const });
    const result = await locals.app.accounts.resetPassword(token, password);
    if (!result.ok) return fail(400, { error: 'link' as const });
    redirect(303, `${localizeHref('/admin/sign-in')}?reset=1`);
  }
};
