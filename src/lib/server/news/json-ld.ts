import type { NewsView } from '$lib/shared/news';

/** schema.org NewsArticle for a news page: headline, dates, image, publisher, what it is about. */
export function newsJsonLd(
  item: NewsView,
  url: string,
  publisher: string,
  origin: string
): Record<string, unknown> {
  const organisation = item.museum
    ? { '@type': 'Museum', name: item.museum.name, url: `${origin}/museums/${item.museum.slug}` }
    : { '@type': 'Organization', name: publisher, url: origin };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: item.title,
    description: item.lead,
    url,
    mainEntityOfPage: url,
    ...(item.cover && { image: new URL(item.cover.image.src, origin).href }),
    ...(item.publishedAt && { datePublished: item.publishedAt }),
    ...(item.modifiedAt && { dateModified: item.modifiedAt }),
    author: organisation,
    publisher: organisation,
    ...(item.tags.length > 0 && { keywords: item.tags.join(', ') }),
    ...(item.museums.length > 0 && {
      about: item.museums.map((m) => ({ '@type': 'Museum', name: m.title, url: origin + m.path }))
    })
  };
}
