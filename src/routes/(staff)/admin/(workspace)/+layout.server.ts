import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { localizeHref } from '$lib/i18n';

/** The one guard of the staff workspace: every page below it has a signed-in person. */
export const load: LayoutServerLoad = ({ locals }) => {
  if (!locals.staff) redirect(303, localizeHref('/admin/sign-in'));
  return { staff: locals.staff.user, grants: locals.staff.actor.grants };
};
