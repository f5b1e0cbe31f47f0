import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { storedObjectResponse } from '$lib/server/http/stored-object';
import { isValidKey, RangeNotSatisfiableError, type ByteRange } from '$lib/server/storage';

/**
 * Stored media, when no CDN serves them (MEDIA_PUBLIC_URL=/media). Keys carry a random folder
 * per asset and never change their content, so browsers may keep them for a year. Ranges let
 * video and audio seek.
 */
export const GET: RequestHandler = async ({ params, request, locals }) => {
  if (!isValidKey(params.key)) error(404, 'Not found');
  const range = parseRange(request.headers.get('range'));
  let content;
  try {
    content = await locals.app.storage.get(params.key, range ?? undefined);
  } catch (failure) {
    if (failure instanceof RangeNotSatisfiableError) {
      return new Response(null, { status: 416 });
    }
    throw failure;
  }
  if (!content) error(404, 'Not found');
  return storedObjectResponse(content, request, {
    'cache-control': 'public, max-age=31536000, immutable',
    'accept-ranges': 'bytes'
  });
};

/** `bytes=100-` and `bytes=100-199`; anything else (several ranges, suffixes) gets the whole file. */
function parseRange(header: string | null): ByteRange | null {
  const match = /^bytes=(\d+)-(\d*)$/.exec(header ?? '');
  if (!match) return null;
  return { start: Number(match[1]), end: match[2] ? Number(match[2]) : undefined };
}
