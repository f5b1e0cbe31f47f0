import type { RequestHandler } from './$types';
import { iiifAssetId, iiifHeaders, iiifNotFound } from '$lib/server/http/iiif';
import { storedObjectResponse } from '$lib/server/http/stored-object';

/**
 * A tile or whole-image size of a level-0 service: only what the `media.iiif` job made, read
 * from storage (404 for any other region, size, rotation or format). An asset's pixels never
 * change under its id, so a tile is kept for a year.
 */
export const GET: RequestHandler = async ({ params, request, locals }) => {
  const assetId = iiifAssetId(params.assetId);
  const content = assetId ? await locals.app.media.iiifTile(assetId, params) : null;
  if (!content) return iiifNotFound();
  return storedObjectResponse(content, request, {
    ...iiifHeaders,
    'cache-control': 'public, max-age=31536000, immutable'
  });
};
