import type { PageServerLoad } from './$types';
import { newsListPage } from '$lib/server/news/pages';

/** All news of the museums and the association, newest first, by museum and tag. */
export const load: PageServerLoad = ({ locals, url }) => newsListPage(locals, url, undefined);
