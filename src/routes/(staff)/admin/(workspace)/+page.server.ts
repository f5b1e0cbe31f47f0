import { fail, redirect } from '@sveltejs/kit';
import { NotFoundOrForbidden } from '$lib/server/auth/access';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n';
import { forwardCookies } from '$lib/server/auth/cookies';

export const load: PageServerLoad = async ({ locals, parent }) => {
  await parent();
  return locals.app.workspace.dashboard(locals.staff, locals.locale);
};

export const actions: Actions = {
  invite: async ({ request, locals }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').trim();
    const role = form.get('role') === 'museum_admin' ? 'museum_admin' : 'museum_editor';
    const museumId = Number(form.get('museum'));
    const publishing = form.get('publish') === 'on' ? 'publish' : 'review';
    const staff = locals.staff;
    if (!staff) redirect(303, localizeHref('/admin/sign-in'));
    try {
      await locals.app.accounts.invite(
        staff.actor,
        { email, role, museumId, publishing },
        staff.user,
        localizeHref('/admin/accept')
      );
    } catch (error) {
      if (error instanceof NotFoundOrForbidden)
        return fail(404, { invite: { email, error: 'access' as const } });
      return fail(400, { invite: { email, error: 'email' as const } });
    }
    return { invite: { email, error: null } };
  },
  signOut: async ({ request, locals, cookies }) => {
    forwardCookies(await locals.app.accounts.signOut(request.headers), cookies);
    redirect(303, localizeHref('/admin/sign-in'));
  },
  signOutEverywhere: async ({ request, locals, cookies }) => {
    forwardCookies(await locals.app.accounts.signOut(request.headers, true), cookies);
    redirect(303, localizeHref('/admin/sign-in'));
  }
};
