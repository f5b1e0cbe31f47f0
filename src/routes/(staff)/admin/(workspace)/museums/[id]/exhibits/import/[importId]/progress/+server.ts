import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';

/** How far the import's job has got, for the progress bar's polling script. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const progress = await orNotFound(() =>
    locals.app.importer.progress(
      locals.staff?.actor ?? null,
      idParam(params.id),
      idParam(params.importId)
    )
  );
  return json(
    { status: progress.status, processed: progress.processed, total: progress.total },
    { headers: { 'cache-control': 'no-store' } }
  );
};
