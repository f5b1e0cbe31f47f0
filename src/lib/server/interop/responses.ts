import { iiifHeaders } from '../http/iiif';
import { presentationType } from './iiif-presentation';
import { apiHeaders, type ApiError } from './json-api';

/**
 * Published exhibits change when staff publish; outside clients may keep an answer five minutes
 * (a harvester or a viewer asks again soon enough to see a change).
 */
const fiveMinutes = 'public, max-age=300';

export function presentationResponse(document: unknown): Response {
  return new Response(JSON.stringify(document), {
    headers: { ...iiifHeaders, 'content-type': presentationType, 'cache-control': fiveMinutes }
  });
}

/** OAI-PMH answers are never kept: each has its own responseDate and resumption tokens. */
export function oaiResponse(xml: string): Response {
  return new Response(xml, {
    headers: {
      'content-type': 'text/xml; charset=utf-8',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store'
    }
  });
}

export function apiResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), {
    headers: { ...apiHeaders, 'cache-control': fiveMinutes }
  });
}

export function apiError(status: 400 | 404, error: ApiError): Response {
  return new Response(JSON.stringify({ error }), {
    status,
    headers: { ...apiHeaders, 'cache-control': 'no-store' }
  });
}
