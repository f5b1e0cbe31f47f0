import type { PageServerLoad } from './$types';
import { newsListPage } from '$lib/server/news/pages';

export const load: PageServerLoad = ({ locals, url }) => newsListPage(locals, url, null);
