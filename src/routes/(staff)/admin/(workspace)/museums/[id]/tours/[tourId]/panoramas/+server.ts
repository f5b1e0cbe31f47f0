import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { idParam, orNotFound } from '$lib/server/http/guards';

/**
 * The museum's panoramas and how far their processing is: the tour editor asks every few seconds
 * after an upload, to offer "add as a scene" once the tiles are ready.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
  const museumId = idParam(params.id);
  const { assets } = await orNotFound(() =>
    locals.app.media.list(locals.staff?.actor ?? null, museumId, { kind: 'panorama', limit: 50 })
  );
  return json(
    { panoramas: assets.map((a) => ({ id: a.id, fileName: a.fileName, status: a.status })) },
    { headers: { 'cache-control': 'no-store' } }
  );
};
