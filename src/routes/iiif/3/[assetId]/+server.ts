import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The service's own URL sends a client to its info.json (Image API 3, section 2.2). */
export const GET: RequestHandler = ({ params }) => {
  redirect(303, `/iiif/3/${params.assetId}/info.json`);
};
