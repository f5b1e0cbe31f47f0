import type { PageServerLoad } from './$types';
import { readCalendarQuery } from '$lib/server/events/query';
import { associationTimeZone } from '$lib/server/auth/audit-lines';
import { localDateOf } from '$lib/shared/event-time';
import { weekend } from '$lib/shared/calendar';

/** The regional calendar: a period of published events, narrowed by GET parameters. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const today = localDateOf(locals.app.clock(), associationTimeZone);
  const query = readCalendarQuery(url.searchParams, today);
  const [calendar, choices] = await Promise.all([
    locals.app.events.calendar(query.filter, query.period, locals.locale),
    locals.app.events.choices(locals.locale)
  ]);
  return {
    today,
    weekend: weekend(today),
    calendar,
    choices,
    filter: query.filter,
    filterQuery: query.filterParams.toString()
  };
};
