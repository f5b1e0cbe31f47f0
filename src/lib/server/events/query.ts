import { ageRatings, eventKinds, type AgeRating, type EventKind } from '$lib/shared/event';
import {
  calendarPeriod,
  calendarViews,
  isIsoDate,
  listDays,
  type CalendarPeriod,
  type CalendarView
} from '$lib/shared/calendar';
import type { CalendarFilter } from './repository';

/** What the calendar's address asks for, read forgivingly: anything unknown is left out. */
export interface CalendarQuery {
  filter: CalendarFilter;
  period: CalendarPeriod;
  /** The query string of the filters alone, to carry into period links. */
  filterParams: URLSearchParams;
}

const slugLike = (value: string | null) =>
  value && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) ? value : null;

/** The filters of a calendar or feed address (town, district, museum, kind, age, free, schools). */
export function readCalendarFilter(params: URLSearchParams): CalendarFilter {
  const kind = params.get('kind');
  const age = params.get('age');
  return {
    town: slugLike(params.get('town')),
    district: slugLike(params.get('district')),
    museum: slugLike(params.get('museum')),
    kind: (eventKinds as readonly string[]).includes(kind ?? '') ? (kind as EventKind) : null,
    age: (ageRatings as readonly string[]).includes(age ?? '') ? (age as AgeRating) : null,
    free: params.get('free') === '1',
    schools: params.get('schools') === '1'
  };
}

/** The filters back as query parameters, only those set. */
export function filterParams(filter: CalendarFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['town', 'district', 'museum', 'kind', 'age'] as const)
    if (filter[name]) params.set(name, filter[name]);
  if (filter.free) params.set('free', '1');
  if (filter.schools) params.set('schools', '1');
  return params;
}

/** A calendar address: view (month by default), date (today by default), days for a list. */
export function readCalendarQuery(params: URLSearchParams, today: string): CalendarQuery {
  const asked = params.get('view');
  const view: CalendarView = (calendarViews as readonly string[]).includes(asked ?? '')
    ? (asked as CalendarView)
    : 'month';
  const date = params.get('date');
  const days = Number(params.get('days'));
  const filter = readCalendarFilter(params);
  return {
    filter,
    period: calendarPeriod(
      view,
      isIsoDate(date) ? date : today,
      Number.isFinite(days) && days > 0 ? days : listDays.default
    ),
    filterParams: filterParams(filter)
  };
}
