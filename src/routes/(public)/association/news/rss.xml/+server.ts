import type { RequestHandler } from './$types';
import { newsFeedResponse } from '$lib/server/news/pages';

/** The association's own published news. */
export const GET: RequestHandler = ({ locals }) => newsFeedResponse(locals, null, 'rss');
