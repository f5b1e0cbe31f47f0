import { z } from 'zod';
import { localized, slug, text } from './fields';
import type { ResponsiveImage } from './media';

/**
 * News of a member museum or of the association itself: a title, a lead, a rich-text body, a
 * cover and a gallery from the owner's media library, tags, and the museums, events and projects
 * it is about. What staff edit (NewsInput, checked by zod on the server) and what visitors'
 * pages and feeds get (NewsView, NewsCard: one language, everything resolved).
 */

const id = z.number().int().positive();
/** A text that may be left out: both languages, or none. */
const optionalPair = localized.nullish();

/** A picture of the gallery: an image of the owner's library with an optional caption. */
export const newsPicture = z.object({ assetId: id, caption: optionalPair });

/** A tag in both languages ("семинар | seminar"); visitors filter by either word. */
export const newsTag = z.object({
  ru: text.min(1).max(40),
  en: text.min(1).max(40)
});

export const newsInput = z.object({
  slug,
  title: localized,
  /**
   * One or two sentences: the card, the feed's summary, the page's description. Lead and body
   * may be empty in a draft; they are required for visitors (news/checks.ts).
   */
  lead: z.object({ ru: text.max(600), en: text.max(600) }),
  /** Rich text, cleaned by the one sanitiser on every save. */
  body: z.object({ ru: text, en: text }),
  coverAssetId: id.nullish(),
  gallery: z.array(newsPicture).max(40).default([]),
  tags: z.array(newsTag).max(12).default([]),
  /** Member museums the news is about (besides its owner). */
  museumIds: z.array(id).max(40).default([]),
  /** Events and projects it is about: shown while they are published. */
  eventIds: z.array(id).max(40).default([]),
  projectIds: z.array(id).max(40).default([])
});
export type NewsInput = z.input<typeof newsInput>;
export type NewsRecord = z.output<typeof newsInput>;

/** Where a news item came from: demo ones are drawn from the seed documents and say so. */
export type NewsOrigin = 'staff' | 'demo';

export interface NewsFigure {
  image: ResponsiveImage;
  alt: string;
  caption: string | null;
}

/** A link to something the news is about (a museum, an event, a project). */
export interface NewsLink {
  path: string;
  title: string;
}

/** A published news item as its page gets it. */
export interface NewsView {
  id: number;
  slug: string;
  /** The museum, or null for the association's own news. */
  museum: { slug: string; name: string } | null;
  /** The page's path without the locale prefix. */
  path: string;
  origin: NewsOrigin;
  title: string;
  lead: string;
  html: string;
  cover: NewsFigure | null;
  gallery: NewsFigure[];
  tags: string[];
  museums: NewsLink[];
  events: NewsLink[];
  projects: NewsLink[];
  /** First published (UTC); null in a preview of something never published. */
  publishedAt: string | null;
  /** Last published (UTC). */
  modifiedAt: string | null;
  /** The owner's time zone, in which dates are shown. */
  timeZone: string;
}

/** A line of a list of news (/news, a museum's page, the home page, the feeds). */
export interface NewsCard {
  id: number;
  path: string;
  origin: NewsOrigin;
  title: string;
  lead: string;
  museum: { slug: string; name: string } | null;
  image: ResponsiveImage | null;
  alt: string;
  tags: string[];
  publishedAt: string;
  modifiedAt: string;
  timeZone: string;
}

/** The public path of a news item, without the locale prefix. */
export function newsPath(museumSlug: string | null, newsSlug: string): string {
  return museumSlug ? `/museums/${museumSlug}/news/${newsSlug}` : `/association/news/${newsSlug}`;
}

/** The list page of an owner's news: a museum's, the association's, or everything (undefined). */
export function newsListPath(museumSlug: string | null | undefined): string {
  if (museumSlug === undefined) return '/news';
  return museumSlug ? `/museums/${museumSlug}/news` : '/association/news';
}

/** A tag as it is matched in addresses and the database: lower case, single spaces. */
export function tagKey(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ');
}
