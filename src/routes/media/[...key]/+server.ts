import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
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
  const { object, body, range: served } = content;
  const headers = new Headers({
    'content-type': object.contentType,
    'cache-control': 'public, max-age=31536000, immutable',
    etag: object.etag,
    'accept-ranges': 'bytes'
  });
  if (request.headers.get('if-none-match') === object.etag) {
    body.destroy();
    return new Response(null, { status: 304, headers });
  }
  if (served) {
    headers.set('content-range', `bytes ${served.start}-${served.end}/${object.size}`);
    headers.set('content-length', String(served.end - served.start + 1));
  } else {
    headers.set('content-length', String(object.size));
  }
  return new Response(toWebStream(body), { status: served ? 206 : 200, headers });
};

/** `bytes=100-` and `bytes=100-199`; anything else (several ranges, suffixes) gets the whole file. */
function parseRange(header: string | null): ByteRange | null {
  const match = /^bytes=(\d+)-(\d*)$/.exec(header ?? '');
  if (!match) return null;
  return { start: Number(match[1]), end: match[2] ? Number(match[2]) : undefined };
}

function toWebStream(body: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(body) as ReadableStream<Uint8Array>;
}
