import type { RequestHandler } from './$types';
import { iiifAssetId } from '$lib/server/http/iiif';
import { apiError, apiResponse } from '$lib/server/interop/responses';
import { exhibitJson } from '$lib/server/interop/json-api';

/** One published exhibit; 404 for a draft or nothing. */
export const GET: RequestHandler = async ({ params, locals }) => {
  const id = iiifAssetId(params.id);
  const exhibit = id ? await locals.app.openExhibits.one(id) : null;
  if (!exhibit)
    return apiError(404, { parameter: 'id', message: 'no published exhibit has this id' });
  return apiResponse(exhibitJson(exhibit, locals.app.openExhibits.urls));
};
