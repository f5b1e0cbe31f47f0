import type { RequestHandler } from './$types';
import { newsFeedResponse } from '$lib/server/news/pages';

/** One museum's published news. */
export const GET: RequestHandler = ({ locals, params }) =>
  newsFeedResponse(locals, params.slug, 'atom');
