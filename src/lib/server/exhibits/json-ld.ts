import type { ExhibitView, RightsStatement } from '$lib/shared/exhibit';

const artworks = new Set(['fine-art', 'decorative-art', 'photographs']);

/** Licence URIs for the statements that have one. */
export const rightsUri: Record<RightsStatement, string | null> = {
  'museum-rights': null,
  'in-copyright': 'http://rightsstatements.org/vocab/InC/1.0/',
  'public-domain': 'https://creativecommons.org/publicdomain/mark/1.0/',
  cc0: 'https://creativecommons.org/publicdomain/zero/1.0/',
  'cc-by': 'https://creativecommons.org/licenses/by/4.0/',
  'cc-by-sa': 'https://creativecommons.org/licenses/by-sa/4.0/'
};

/**
 * schema.org VisualArtwork (art, photographs) or CreativeWork (everything else a museum keeps),
 * for search engines. `origin` is the site's origin; image URLs may already be absolute (a CDN).
 */
export function exhibitJsonLd(exhibit: ExhibitView, url: string, origin: string) {
  const absolute = (href: string) => new URL(href, origin).href;
  return {
    '@context': 'https://schema.org',
    '@type': artworks.has(exhibit.category) ? 'VisualArtwork' : 'CreativeWork',
    '@id': url,
    url,
    name: exhibit.title,
    identifier: exhibit.inventoryNumber,
    description: exhibit.description.join('\n\n') || undefined,
    dateCreated:
      exhibit.yearFrom !== null && exhibit.yearFrom === exhibit.yearTo
        ? String(exhibit.yearFrom)
        : (exhibit.dating ?? undefined),
    temporalCoverage:
      exhibit.yearFrom !== null && exhibit.yearTo !== null
        ? `${exhibit.yearFrom}/${exhibit.yearTo}`
        : undefined,
    creator: exhibit.maker ? { '@type': 'Person', name: exhibit.maker } : undefined,
    locationCreated: exhibit.place ? { '@type': 'Place', name: exhibit.place } : undefined,
    material: exhibit.technique ?? undefined,
    size: exhibit.dimensions ?? undefined,
    keywords: exhibit.tags.length > 0 ? exhibit.tags.join(', ') : undefined,
    license: rightsUri[exhibit.rights.statement] ?? undefined,
    creditText: exhibit.rights.credit ?? undefined,
    image: exhibit.images.map((i) => absolute(i.image.src)),
    isPartOf: {
      '@type': 'Museum',
      name: exhibit.museum.name,
      url: absolute(`/museums/${exhibit.museum.slug}`)
    }
  };
}
