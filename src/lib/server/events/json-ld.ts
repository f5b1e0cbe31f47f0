import type { EventView } from '$lib/shared/event';

const statusUrl = {
  scheduled: 'https://schema.org/EventScheduled',
  moved: 'https://schema.org/EventRescheduled',
  cancelled: 'https://schema.org/EventCancelled'
} as const;

/**
 * schema.org Event for an event's page: its first session still on (else its first), status,
 * place (the museum or the address), offers (free or the price, in roubles as text) and organiser.
 */
export function eventJsonLd(
  event: EventView,
  url: string,
  association: string
): Record<string, unknown> {
  const on = event.sessions.filter((s) => s.status !== 'removed');
  const first = on.find((s) => s.status !== 'cancelled') ?? on[0];
  const last = on.at(-1);
  const location =
    event.venue.kind === 'museum'
      ? {
          '@type': 'Museum',
          name: event.venue.museum.name,
          address:
            [event.venue.settlement, event.venue.address].filter(Boolean).join(', ') || undefined
        }
      : {
          '@type': 'Place',
          name: [event.venue.settlement, event.venue.address].filter(Boolean).join(', '),
          address: [event.venue.settlement, event.venue.address].filter(Boolean).join(', ')
        };
  return {
    '@context': 'https://schema.org',
    '@type':
      event.kind === 'exhibition' || event.kind === 'travelling-stop' ? 'ExhibitionEvent' : 'Event',
    name: event.title,
    ...(event.lead && { description: event.lead }),
    url,
    ...(event.cover && { image: event.cover.image.src }),
    ...(first && {
      startDate: first.allDay ? first.startsAt.slice(0, 10) : first.startsAt,
      ...((last?.endsAt ?? first.endsAt) && { endDate: last?.endsAt ?? first.endsAt })
    }),
    eventStatus: statusUrl[event.status],
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location,
    typicalAgeRange: event.ageRating.replace('+', '-'),
    isAccessibleForFree: event.price.kind === 'free',
    offers: {
      '@type': 'Offer',
      url,
      availability:
        event.status === 'cancelled' ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
      ...(event.price.kind === 'free'
        ? { price: 0, priceCurrency: 'RUB' }
        : { priceCurrency: 'RUB', description: event.price.text })
    },
    organizer: event.museum
      ? { '@type': 'Museum', name: event.museum.name }
      : { '@type': 'Organization', name: association },
    ...(event.contact && {
      contactPoint: {
        '@type': 'ContactPoint',
        name: event.contact.name,
        ...(event.contact.phone && { telephone: event.contact.phone }),
        ...(event.contact.email && { email: event.contact.email })
      }
    })
  };
}
