import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

const pageSize = 24;

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const found = await locals.app.exhibits.collectionPage(
    params.slug,
    params.collection,
    locals.locale
  );
  if (!found) error(404, 'Not found');
  const after = url.searchParams.get('after')?.slice(0, 1000) || undefined;
  const result = await locals.app.search.find({
    q: '',
    locale: locals.locale,
    kinds: ['exhibit'],
    museums: [params.slug],
    collections: [found.collection.id],
    sort: 'title',
    after,
    limit: pageSize
  });
  return {
    ...found,
    hits: result.hits,
    pictures: await locals.app.search.pictures(result.hits, locals.locale),
    total: result.total,
    totalIsBounded: result.totalIsBounded,
    next: result.next,
    first: after !== undefined
  };
};
