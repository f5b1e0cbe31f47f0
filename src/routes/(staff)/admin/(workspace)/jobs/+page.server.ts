import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { orNotFound } from '$lib/server/http/guards';
import { jobStatuses } from '$lib/server/jobs/types';
import { associationTimeZone, formatWhen } from '$lib/server/auth/audit-lines';

export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = locals.staff?.actor ?? null;
  const wanted = url.searchParams.get('status');
  const status = jobStatuses.find((s) => s === wanted);
  const now = locals.app.clock();
  return orNotFound(async () => ({
    counts: await locals.app.jobs.counts(actor),
    jobs: (await locals.app.jobs.recent(actor, status)).map((job) => ({
      id: job.id,
      name: job.name,
      status: job.status,
      attempts: job.attempts,
      maxAttempts: job.maxAttempts,
      updatedAt: job.updatedAt,
      updated: formatWhen(new Date(job.updatedAt), associationTimeZone, locals.locale, now),
      lastError: job.lastError
    })),
    status: status ?? null
  }));
};

export const actions: Actions = {
  retry: async ({ request, locals }) => {
    const id = Number((await request.formData()).get('job'));
    const retried = await orNotFound(() =>
      locals.app.jobs.retry(locals.staff?.actor ?? null, Number.isInteger(id) ? id : 0)
    );
    if (!retried) return fail(409, { retry: { id, ok: false as const } });
    return { retry: { id, ok: true as const } };
  }
};
