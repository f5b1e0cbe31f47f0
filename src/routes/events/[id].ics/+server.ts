import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** "Add to calendar": one published event's sessions as iCalendar. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) error(404, 'Not found');
  const locale = url.searchParams.get('lang') === 'en' ? 'en' : locals.locale;
  const found = await locals.app.eventFeeds.single(id, locale);
  if (!found) error(404, 'Not found');
  return new Response(found.body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${found.slug}.ics"`,
      'cache-control': 'public, max-age=300'
    }
  });
};
