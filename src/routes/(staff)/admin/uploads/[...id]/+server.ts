import type { RequestHandler } from './$types';

/** The tus protocol's endpoint: every method goes to the resumable-upload service. */
const tus: RequestHandler = ({ request, locals }) =>
  locals.app.uploads.handle(request, locals.staff?.actor ?? null, locals.locale);

export const POST = tus;
export const PATCH = tus;
export const HEAD = tus;
export const DELETE = tus;
export const OPTIONS = tus;
