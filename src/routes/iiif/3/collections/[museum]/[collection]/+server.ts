import type { RequestHandler } from './$types';
import { iiifNotFound } from '$lib/server/http/iiif';
import { collectionDocument } from '$lib/server/interop/iiif-presentation';
import { presentationResponse } from '$lib/server/interop/responses';

/** A museum collection as a IIIF Collection of its published exhibits' manifests. */
export const GET: RequestHandler = async ({ params, locals }) => {
  const { openExhibits } = locals.app;
  const found = await openExhibits.collection(params.museum, params.collection);
  if (!found) return iiifNotFound();
  return presentationResponse(
    collectionDocument(found.collection, found.exhibits, openExhibits.urls)
  );
};
