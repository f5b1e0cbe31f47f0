import type { MuseumPage } from './directory';

const schemaDays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** schema.org Museum with its regular hours and the coming special closures, for search engines. */
export function museumJsonLd(museum: MuseumPage, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Museum',
    '@id': url,
    url,
    name: museum.name,
    alternateName: museum.names.ru === museum.name ? museum.names.en : museum.names.ru,
    description: museum.summary ?? undefined,
    foundingDate: museum.foundedYear ? String(museum.foundedYear) : undefined,
    telephone: museum.phones[0]?.number,
    email: museum.emails[0],
    sameAs: Object.values(museum.links).filter((link): link is string => !!link),
    address: museum.address
      ? {
          '@type': 'PostalAddress',
          streetAddress: museum.address,
          addressLocality: museum.settlement ?? undefined,
          addressRegion: museum.region ?? undefined,
          addressCountry: 'RU'
        }
      : undefined,
    geo:
      museum.position && !museum.position.approximate
        ? {
            '@type': 'GeoCoordinates',
            latitude: museum.position.latitude,
            longitude: museum.position.longitude
          }
        : undefined,
    isAccessibleForFree: museum.prices.length > 0 && museum.prices.every((p) => p.kind === 'free'),
    openingHoursSpecification: museum.regularWeek.flatMap((day) =>
      day.intervals.map((interval) => ({
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: `https://schema.org/${schemaDays[day.weekday - 1]}`,
        opens: interval.from,
        closes: interval.to === '24:00' ? '23:59' : interval.to
      }))
    ),
    // schema.org marks a closed day with opens = closes = 00:00.
    specialOpeningHoursSpecification: museum.closures.map((closure) => ({
      '@type': 'OpeningHoursSpecification',
      validFrom: closure.date,
      validThrough: closure.date,
      opens: '00:00',
      closes: '00:00'
    })),
    makesOffer: museum.prices.map((p) => ({
      '@type': 'Offer',
      name: p.category,
      description: p.conditions ?? undefined,
      price: p.kind === 'free' ? 0 : (p.amountRub ?? undefined),
      priceCurrency: p.kind === 'by_agreement' ? undefined : 'RUB'
    }))
  };
}
