import type { PageServerLoad } from './$types';
import { newsItemPage } from '$lib/server/news/pages';

export const load: PageServerLoad = ({ locals, url, params }) =>
  newsItemPage(locals, url, null, params.news);
