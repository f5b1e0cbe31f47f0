/**
 * SvelteKit's own check against cross-site form posts (CSRF), kept here so that one address can
 * be let through: an OAI-PMH harvester POSTs a form from no origin at all (the protocol requires
 * repositories to take POST), and SvelteKit's check has no exceptions. Same rule otherwise: a
 * form-encoded POST, PUT, PATCH or DELETE whose Origin is not the site's is refused.
 */
const formTypes = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
  'application/x-sveltekit-formdata'
];
const writes = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Paths that read published data only and change nothing, whoever posts the form. */
const openToAnyOrigin = new Set(['/oai']);

export function isForbiddenCrossSiteForm(request: Request, url: URL): boolean {
  if (!writes.includes(request.method) || openToAnyOrigin.has(url.pathname)) return false;
  const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return formTypes.includes(type) && request.headers.get('origin') !== url.origin;
}
