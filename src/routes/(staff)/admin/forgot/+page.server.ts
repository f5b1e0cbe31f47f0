import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { localizeHref } from '$lib/i18n';

export const actions: Actions = {
  default: async ({ request, locals, getClientAddress }) => {
    const email = String((await request.formData()).get('email') ?? '').trim();
    if (!email) return fail(400, { email, sent: false, rateLimited: false });
    const resetPage = `${locals.app.config.origin}${localizeHref('/admin/reset')}`;
    const { rateLimited } = await locals.app.accounts.requestPasswordReset(
      email,
      getClientAddress(),
      resetPage
    );
    if (rateLimited) return fail(429, { email, sent: false, rateLimited: true });
    return { email, sent: true, rateLimited: false };
  }
};
