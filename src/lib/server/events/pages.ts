import { error } from '@sveltejs/kit';
import type { App } from '../app';
import type { Locale } from '$lib/shared/museum';
import { eventJsonLd } from './json-ld';

/** What an event's public page loads, for a museum's event or the association's (null). */
export async function eventPageData(
  app: App,
  locale: Locale,
  museumSlug: string | null,
  slug: string,
  url: URL,
  associationName: string
) {
  const event = await app.events.page(museumSlug, slug, locale);
  if (!event) error(404, 'Not found');
  return {
    event,
    icsHref: `/events/${event.id}.ics${locale === 'en' ? '?lang=en' : ''}`,
    jsonLd: eventJsonLd(event, url.origin + url.pathname, associationName)
  };
}
