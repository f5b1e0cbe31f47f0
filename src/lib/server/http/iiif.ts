/**
 * What every IIIF Image API answer carries: viewers on other sites (a museum's own Mirador, a
 * researcher's notebook) fetch info.json and tiles with CORS, so any origin may read them.
 */
export const iiifHeaders = { 'access-control-allow-origin': '*' } as const;

/** The JSON-LD type the Image API asks for (section 7.1). */
export const iiifJsonType = 'application/ld+json;profile="http://iiif.io/api/image/3/context.json"';

/** A IIIF asset id from the path: a positive integer, or null for anything else. */
export function iiifAssetId(param: string): number | null {
  return /^[1-9]\d{0,9}$/.test(param) ? Number(param) : null;
}

/** 404 with the CORS header, so a viewer elsewhere can tell "not made" from a network failure. */
export function iiifNotFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...iiifHeaders, 'content-type': 'text/plain; charset=utf-8' }
  });
}
