import type { RequestHandler } from './$types';
import { iiifAssetId, iiifNotFound } from '$lib/server/http/iiif';
import { exhibitManifest } from '$lib/server/interop/iiif-presentation';
import { presentationResponse } from '$lib/server/interop/responses';

/** A published exhibit's IIIF Presentation 3 Manifest; 404 for a draft or nothing. */
export const GET: RequestHandler = async ({ params, locals }) => {
  const id = iiifAssetId(params.id);
  const exhibit = id ? await locals.app.openExhibits.one(id) : null;
  if (!exhibit) return iiifNotFound();
  return presentationResponse(exhibitManifest(exhibit, locals.app.openExhibits.urls));
};
