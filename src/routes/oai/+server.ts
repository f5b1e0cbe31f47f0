import type { RequestHandler } from './$types';
import { oaiResponse } from '$lib/server/interop/responses';

/** OAI-PMH 2.0: the arguments come in the query string of a GET… */
export const GET: RequestHandler = async ({ url, locals }) =>
  oaiResponse(await locals.app.oai.respond(url.searchParams));

/** …or as a form in the body of a POST (section 3.1.1.2). */
export const POST: RequestHandler = async ({ request, locals }) => {
  const form = new URLSearchParams(await request.text());
  return oaiResponse(await locals.app.oai.respond(form));
};
