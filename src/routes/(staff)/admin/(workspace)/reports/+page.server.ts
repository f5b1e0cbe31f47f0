import type { PageServerLoad } from './$types';
import { orNotFound } from '$lib/server/http/guards';
import { reportRequest } from '$lib/server/reports/pages';

/** A report for a period: a museum's for its staff, the association's for its admins. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const asked = await reportRequest(locals, url);
  const report = await orNotFound(() =>
    locals.app.reports.report(locals.staff?.actor ?? null, asked.owner, asked.period, locals.locale)
  );
  return {
    owners: asked.owners,
    museumId: asked.owner.kind === 'museum' ? asked.owner.museumId : null,
    typed: asked.typed,
    errors: asked.errors as Record<string, string>,
    report
  };
};
