import { Readable } from 'node:stream';
import type { ObjectContent } from '../storage';

/**
 * A stored object as an HTTP response: its type, length and entity tag with the headers given,
 * 304 when the browser already has this version, 206 for a byte range.
 */
export function storedObjectResponse(
  content: ObjectContent,
  request: Request,
  headers: Record<string, string>
): Response {
  const { object, body, range } = content;
  const all = new Headers({ ...headers, 'content-type': object.contentType, etag: object.etag });
  if (request.headers.get('if-none-match') === object.etag) {
    body.destroy();
    return new Response(null, { status: 304, headers: all });
  }
  if (range) {
    all.set('content-range', `bytes ${range.start}-${range.end}/${object.size}`);
    all.set('content-length', String(range.end - range.start + 1));
  } else {
    all.set('content-length', String(object.size));
  }
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    status: range ? 206 : 200,
    headers: all
  });
}
