import type { RequestHandler } from './$types';
import { iiifAssetId, iiifHeaders, iiifJsonType, iiifNotFound } from '$lib/server/http/iiif';

/**
 * An image's IIIF Image API 3 level-0 description. `id` is this service's public URL, made from
 * the address asked: the database and storage keep keys only. It lives five minutes in caches,
 * not a year like the tiles: it is what would change if the image's tiles were made again.
 */
export const GET: RequestHandler = async ({ params, url, locals }) => {
  const assetId = iiifAssetId(params.assetId);
  const serviceUrl = `${url.origin}/iiif/3/${params.assetId}`;
  const info = assetId ? await locals.app.media.iiifInfo(assetId, serviceUrl) : null;
  if (!info) return iiifNotFound();
  return new Response(JSON.stringify(info), {
    headers: {
      ...iiifHeaders,
      'content-type': iiifJsonType,
      'cache-control': 'public, max-age=300'
    }
  });
};
