import type { RequestHandler } from './$types';
import { readCalendarFilter } from '$lib/server/events/query';

/**
 * The iCalendar feed to subscribe to: every published event, or narrowed like the calendar
 * (?museum=, ?kind=, ?town=, ?district=, ?age=, ?free=1, ?schools=1); ?lang=en for English.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  const locale = url.searchParams.get('lang') === 'en' ? 'en' : locals.locale;
  const filter = readCalendarFilter(url.searchParams);
  const name = locale === 'en' ? 'Museum events of the region' : 'События музеев края';
  const body = await locals.app.eventFeeds.feed(filter, name, locale);
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'public, max-age=300'
    }
  });
};
