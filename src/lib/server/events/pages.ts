import { error } from '@sveltejs/kit';
import type { App } from '../app';
import type { Locale } from '$lib/shared/museum';
import { eventJsonLd } from './json-ld';
import { registrationBox } from '../registrations/form';

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
    /** The registration form's sessions, places and questions; null without registration. */
    registration: event.registration.enabled
      ? await registrationBox(
          {
            registrations: app.registrations,
            sessions: app.registrationSessions,
            clock: app.clock
          },
          event.id,
          locale
        )
      : null,
    icsHref: `/events/${event.id}.ics${locale === 'en' ? '?lang=en' : ''}`,
    jsonLd: eventJsonLd(event, url.origin + url.pathname, associationName)
  };
}
