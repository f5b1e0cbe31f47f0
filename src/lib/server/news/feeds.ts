import { Feed } from 'feed';
import type { Locale } from '$lib/shared/museum';
import type { NewsView } from '$lib/shared/news';

export type FeedFormat = 'rss' | 'atom';

/** Everything a feed says about itself; paths are without the locale prefix. */
export interface FeedChannel {
  title: string;
  description: string;
  /** The list page the feed follows: `/news`, `/museums/<slug>/news`. */
  path: string;
  locale: Locale;
  /** The configured ORIGIN, e.g. https://kraeved.ru: every link in a feed is absolute. */
  origin: string;
  /** The site's name, as the author of the association's items. */
  publisher: string;
  /** The app's clock: an empty feed was last updated now. */
  now: Date;
}

/** A path in a language: Russian at the root, English under /en. */
export function localePath(path: string, locale: Locale): string {
  return locale === 'en' ? `/en${path}` : path;
}

/** Links and images of rich text made absolute: a feed reader has no page to resolve them against. */
function absoluteHtml(html: string, origin: string): string {
  return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${origin}/`);
}

/**
 * RSS 2.0 or Atom 1.0 of published news, with the `feed` package. Item links and GUIDs are the
 * item's page in the feed's language (a slug never changes once the item is made, so a GUID is
 * stable); dates are the first publishing, Atom's `updated` the last.
 */
export function newsFeed(channel: FeedChannel, items: NewsView[], format: FeedFormat): string {
  const absolute = (path: string) => new URL(path, channel.origin).href;
  const page = (path: string) => absolute(localePath(path, channel.locale));
  const updated = items.reduce<Date | undefined>((latest, item) => {
    const at = item.modifiedAt ? new Date(item.modifiedAt) : undefined;
    return at && (!latest || at > latest) ? at : latest;
  }, undefined);
  const feedPath = (ext: string) => page(`${channel.path}/${ext}.xml`);
  const feed = new Feed({
    id: page(channel.path),
    title: channel.title,
    description: channel.description,
    link: page(channel.path),
    language: channel.locale,
    updated: updated ?? channel.now,
    generator: 'Kraeved',
    feedLinks: { rss: feedPath('rss'), atom: feedPath('atom') },
    copyright: channel.publisher
  });
  for (const item of items) {
    if (!item.publishedAt) continue;
    const link = page(item.path);
    feed.addItem({
      title: item.title,
      id: link,
      guid: link,
      link,
      date: new Date(item.modifiedAt ?? item.publishedAt),
      published: new Date(item.publishedAt),
      description: item.lead,
      content: absoluteHtml(item.html, channel.origin),
      category: item.tags.map((name) => ({ name, term: name })),
      author: [{ name: item.museum?.name ?? channel.publisher }],
      ...(item.cover && { image: absolute(item.cover.image.src) })
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}

export const feedContentType: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8'
};
