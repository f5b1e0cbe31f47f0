import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n';
import { forwardCookies } from '$lib/server/auth/cookies';

export const load: PageServerLoad = async ({ locals, parent }) => {
  await parent();
  const [dashboard, waitingProjects, waitingEvents] = await Promise.all([
    locals.app.workspace.dashboard(locals.staff, locals.locale),
    locals.app.projectEditor.waitingForReview(locals.staff?.actor ?? null, locals.locale),
    locals.app.eventEditor.waitingForReview(locals.staff?.actor ?? null, locals.locale)
  ]);
  return { ...dashboard, waitingProjects, waitingEvents };
};

export const actions: Actions = {
  signOut: async ({ request, locals, cookies }) => {
    forwardCookies(await locals.app.accounts.signOut(request.headers), cookies);
    redirect(303, localizeHref('/admin/sign-in'));
  },
  signOutEverywhere: async ({ request, locals, cookies }) => {
    forwardCookies(await locals.app.accounts.signOut(request.headers, true), cookies);
    redirect(303, localizeHref('/admin/sign-in'));
  }
};
