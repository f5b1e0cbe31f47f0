import type { RequestHandler } from './$types';
import { newsFeedResponse } from '$lib/server/news/pages';

/** Every museum's and the association's published news. */
export const GET: RequestHandler = ({ locals }) => newsFeedResponse(locals, undefined, 'atom');
