import type { ExhibitionView } from '$lib/shared/exhibition';

/**
 * schema.org for an online exhibition: an ExhibitionEvent held at a virtual location when it has
 * dates, else a CreativeWork (a permanent story page); authored by its people, published by its
 * museum or the association.
 */
export function exhibitionJsonLd(
  exhibition: ExhibitionView,
  url: string,
  publisher: string
): Record<string, unknown> {
  const organisation = exhibition.museum
    ? { '@type': 'Museum', name: exhibition.museum.name }
    : { '@type': 'Organization', name: publisher };
  const common = {
    '@context': 'https://schema.org',
    name: exhibition.title,
    ...(exhibition.subtitle && { description: exhibition.subtitle }),
    url,
    ...(exhibition.cover && { image: exhibition.cover.image.src }),
    isAccessibleForFree: true
  };
  if (exhibition.dates.kind === 'period')
    return {
      ...common,
      '@type': 'ExhibitionEvent',
      startDate: exhibition.dates.opening,
      ...(exhibition.dates.closing && { endDate: exhibition.dates.closing }),
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url },
      organizer: organisation
    };
  return {
    ...common,
    '@type': 'CreativeWork',
    headline: exhibition.title,
    author: exhibition.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: organisation,
    ...(exhibition.publishedAt && { datePublished: exhibition.publishedAt.slice(0, 10) })
  };
}
