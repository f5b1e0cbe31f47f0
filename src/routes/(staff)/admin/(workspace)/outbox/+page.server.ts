import type { PageServerLoad } from './$types';
import { orNotFound } from '$lib/server/http/guards';

export const load: PageServerLoad = async ({ locals }) => ({
  mails: await orNotFound(() => locals.app.mailer.outbox(locals.staff?.actor ?? null))
});
