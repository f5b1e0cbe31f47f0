import type { Locale } from '$lib/shared/museum';
import { pick } from '$lib/shared/localize';
import {
  newsPath,
  tagKey,
  type NewsCard,
  type NewsFigure,
  type NewsLink,
  type NewsOrigin,
  type NewsRecord,
  type NewsView
} from '$lib/shared/news';
import { associationTimeZone } from '../auth/audit-lines';
import { projectPath } from '$lib/shared/project';
import { sanitizeRichText, wordsOf } from '../content/rich-text';
import { responsiveImage } from '../media/responsive';
import type { SearchDocument } from '../search/types';
import { newsAssets } from './checks';
import type { OwnerAssets } from './editor';
import type { NewsCursor, NewsFilter, NewsRepository, PublishedNews } from './repository';

type Pair = { ru: string; en: string };

/** Published events or projects among ids, as links in the visitor's language (others left out). */
export type RelatedLinks = (ids: number[], locale: Locale) => Promise<NewsLink[]>;

const text = (locale: Locale, value: Pair) => pick(locale, value.ru, value.en);

/** A page cursor in an address: `2026-11-20T01:00:00.000Z_12`. */
export function readCursor(value: string | null): NewsCursor | null {
  const match = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_(\d+)$/.exec(value ?? '');
  return match ? { publishedAt: match[1]!, id: Number(match[2]) } : null;
}

export function writeCursor(cursor: NewsCursor): string {
  return `${cursor.publishedAt}_${cursor.id}`;
}

/**
 * The public read model of news: published records in the visitor's language, pictures
 * resolved to URLs (a picture not ready is left out), related museums, events and projects that
 * are published, lists paged by keyset.
 */
export class NewsDirectory {
  constructor(
    private readonly news: NewsRepository,
    /** No access check: only published records (and staff previews) ask. */
    private readonly assetsOf: OwnerAssets,
    /** Storage key → public URL. */
    private readonly urlOf: (key: string) => string,
    private readonly related: { events: RelatedLinks } = { events: async () => [] }
  ) {}

  async page(museumSlug: string | null, slug: string, locale: Locale): Promise<NewsView | null> {
    const found = await this.news.publishedBySlug(museumSlug, slug);
    return found ? this.view(found, found.record, locale) : null;
  }

  /** A version staff are working on, as visitors would see it. */
  async preview(
    museumId: number | null,
    newsId: number,
    record: NewsRecord,
    locale: Locale
  ): Promise<NewsView | null> {
    const item = await this.news.find(museumId, newsId);
    if (!item) return null;
    const museum = await this.news.museumOf(museumId);
    return this.view(
      {
        id: newsId,
        museumId,
        museum: museum ? { slug: museum.slug, name: museum.name } : null,
        origin: item.origin,
        publishedAt: null,
        modifiedAt: null,
        timeZone: museum?.timeZone ?? associationTimeZone
      },
      record,
      locale
    );
  }

  /**
   * A page of published news, newest first: everything, an owner's (a museum's slug, null for
   * the association's), with a tag. `next` is the cursor of the following page, if any.
   */
  async list(
    filter: NewsFilter,
    locale: Locale,
    options: { after?: NewsCursor | null; limit?: number } = {}
  ): Promise<{ items: NewsCard[]; next: string | null }> {
    const limit = options.limit ?? 12;
    const found = await this.news.publishedPage(filter, limit + 1, options.after ?? null);
    const shown = found.slice(0, limit);
    const last = shown.at(-1);
    return {
      items: await this.cards(shown, locale),
      next:
        found.length > limit && last
          ? writeCursor({ publishedAt: last.publishedAt, id: last.id })
          : null
    };
  }

  /** The latest few (the home page, a museum's page). */
  async latest(museumSlug: string | null | undefined, locale: Locale, count = 3) {
    return (await this.list({ museumSlug }, locale, { limit: count })).items;
  }

  /** A published museum's name by slug, for its news pages; null when there is no such museum. */
  async museumName(slug: string, locale: Locale): Promise<string | null> {
    const museum = await this.news.museumBySlug(slug);
    return museum ? text(locale, museum.name) : null;
  }

  /** Published items as whole pages, newest first, for the feeds. */
  async forFeed(filter: NewsFilter, locale: Locale, limit = 30): Promise<NewsView[]> {
    const found = await this.news.publishedPage(filter, limit);
    return Promise.all(found.map((f) => this.view(f, f.record, locale)));
  }

  /** What /news can be narrowed by: museums with news and the tags in use, most used first. */
  async filters(locale: Locale) {
    const [museums, all] = await Promise.all([this.news.museumsWithNews(), this.news.tagCounts()]);
    const counts = new Map<string, { label: string; count: number }>();
    for (const { record } of all)
      for (const tag of record.tags) {
        const label = text(locale, tag);
        const key = tagKey(label);
        counts.set(key, { label, count: (counts.get(key)?.count ?? 0) + 1 });
      }
    return {
      museums: museums.map((m) => ({ slug: m.slug, name: text(locale, m.name) })),
      tags: [...counts.values()]
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
        .slice(0, 30)
    };
  }

  private async images(museumId: number | null, ids: number[]) {
    const assets = await this.assetsOf(museumId, ids);
    return new Map(
      assets.filter((a) => a.status === 'ready' && a.kind === 'image').map((a) => [a.id, a])
    );
  }

  private async cards(found: PublishedNews[], locale: Locale): Promise<NewsCard[]> {
    const cards: NewsCard[] = [];
    for (const item of found) {
      const { record } = item;
      const cover = record.coverAssetId
        ? (await this.images(item.museumId, [record.coverAssetId])).get(record.coverAssetId)
        : undefined;
      cards.push({
        id: item.id,
        path: newsPath(item.museum?.slug ?? null, record.slug),
        origin: item.origin,
        title: text(locale, record.title),
        lead: text(locale, record.lead),
        museum: item.museum
          ? { slug: item.museum.slug, name: text(locale, item.museum.name) }
          : null,
        image: cover?.rendition ? responsiveImage(cover.rendition, this.urlOf, cover.focal) : null,
        alt: cover ? text(locale, cover.alt) : '',
        tags: record.tags.map((t) => text(locale, t)),
        publishedAt: item.publishedAt,
        modifiedAt: item.modifiedAt,
        timeZone: item.timeZone
      });
    }
    return cards;
  }

  private async view(
    item: {
      id: number;
      museumId: number | null;
      museum: { slug: string; name: Pair } | null;
      origin: NewsOrigin;
      publishedAt: string | null;
      modifiedAt: string | null;
      timeZone: string;
    },
    record: NewsRecord,
    locale: Locale
  ): Promise<NewsView> {
    const [assets, museums, events, projects] = await Promise.all([
      this.images(
        item.museumId,
        newsAssets(record).map((r) => r.assetId)
      ),
      this.news.museumsAmong(record.museumIds),
      this.related.events(record.eventIds, locale),
      this.news.projectsAbout(item.id, record.projectIds)
    ]);
    const figure = (assetId: number, caption: Pair | null | undefined): NewsFigure | null => {
      const asset = assets.get(assetId);
      if (!asset?.rendition) return null;
      return {
        image: responsiveImage(asset.rendition, this.urlOf, asset.focal),
        alt: text(locale, asset.alt),
        caption: caption ? text(locale, caption) || null : null
      };
    };
    const byId = new Map(museums.map((m) => [m.id, m]));
    return {
      id: item.id,
      slug: record.slug,
      museum: item.museum ? { slug: item.museum.slug, name: text(locale, item.museum.name) } : null,
      path: newsPath(item.museum?.slug ?? null, record.slug),
      origin: item.origin,
      title: text(locale, record.title),
      lead: text(locale, record.lead),
      html: sanitizeRichText(text(locale, record.body)),
      cover: record.coverAssetId ? figure(record.coverAssetId, null) : null,
      gallery: record.gallery.flatMap((p) => figure(p.assetId, p.caption) ?? []),
      tags: record.tags.map((t) => text(locale, t)),
      museums: record.museumIds.flatMap((id) => {
        const m = byId.get(id);
        return m ? [{ path: `/museums/${m.slug}`, title: text(locale, m.name) }] : [];
      }),
      events,
      projects: projects
        .filter((p) => p.title.ru)
        .map((p) => ({ path: projectPath(p.museumSlug, p.slug), title: text(locale, p.title) })),
      publishedAt: item.publishedAt,
      modifiedAt: item.modifiedAt,
      timeZone: item.timeZone
    };
  }
}

/** What the search index gets of a published news item: title, lead, body and tags. */
export function newsDocument(found: PublishedNews): SearchDocument {
  const { record } = found;
  const body = (lang: 'ru' | 'en') =>
    [
      wordsOf(record.body[lang]),
      ...record.gallery.map((p) => p.caption?.[lang] ?? ''),
      ...record.tags.map((t) => t[lang])
    ]
      .filter(Boolean)
      .join('\n');
  return {
    kind: 'news',
    refId: found.id,
    museumId: found.museumId,
    path: newsPath(found.museum?.slug ?? null, record.slug),
    title: record.title,
    summary: record.lead,
    body: { ru: body('ru'), en: body('en') },
    imageAssetId: record.coverAssetId ?? null,
    date: found.publishedAt.slice(0, 10)
  };
}
