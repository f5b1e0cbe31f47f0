import type { Locale } from '$lib/shared/museum';
import { pick } from '$lib/shared/localize';
import type { ExhibitCard } from '$lib/shared/exhibit';
import {
  exhibitionPath,
  type ExhibitionBlockView,
  type ExhibitionCard,
  type ExhibitionOrigin,
  type ExhibitionRecord,
  type ExhibitionView,
  type FigureView
} from '$lib/shared/exhibition';
import type { VideoView } from '$lib/shared/tour';
import { sanitizeRichText, wordsOf } from '../content/rich-text';
import type { Asset } from '../media/repository';
import { responsiveImage } from '../media/responsive';
import type { SearchDocument } from '../search/types';
import { recognizeVideoLink } from '$lib/shared/video-links';
import { exhibitionAssets, exhibitionExhibits } from './checks';
import type { OwnerAssets } from './editor';
import type { ExhibitionRepository } from './repository';

type Pair = { ru: string; en: string };
type Museum = { slug: string; name: Pair } | null;

/** Cards of published exhibits of one museum, in the order of the ids (the exhibits' read model). */
export type ExhibitCards = (
  museumId: number,
  museum: { slug: string; name: Pair },
  ids: number[],
  locale: Locale
) => Promise<ExhibitCard[]>;

const text = (locale: Locale, value: Pair) => pick(locale, value.ru, value.en);
const optional = (locale: Locale, value: Pair | null | undefined) =>
  value ? text(locale, value) || null : null;

/**
 * The public read model of online exhibitions: published records in the visitor's language,
 * files resolved to URLs. A block whose file is gone or not ready is left out; an exhibit block
 * whose exhibit is gone or unpublished is left out for visitors and shown as broken in previews.
 */
export class ExhibitionDirectory {
  constructor(
    private readonly exhibitions: ExhibitionRepository,
    /** No access check: only published records (and staff previews) ask. */
    private readonly assetsOf: OwnerAssets,
    private readonly exhibitCards: ExhibitCards,
    /** Storage key → public URL. */
    private readonly urlOf: (key: string) => string
  ) {}

  async page(museumSlug: string | null, slug: string, locale: Locale) {
    const found = await this.exhibitions.publishedBySlug(museumSlug, slug);
    if (!found) return null;
    return this.view(found, found.record, locale, false);
  }

  /** A version staff are working on, as visitors would see it (broken exhibit blocks marked). */
  async preview(
    museumId: number | null,
    exhibitionId: number,
    record: ExhibitionRecord,
    locale: Locale
  ): Promise<ExhibitionView | null> {
    const exhibition = await this.exhibitions.find(museumId, exhibitionId);
    if (!exhibition) return null;
    const museum = (await this.exhibitions.museumOf(museumId)) ?? null;
    return this.view(
      { id: exhibitionId, museumId, museum, origin: exhibition.origin, publishedAt: null },
      record,
      locale,
      true
    );
  }

  /** An owner's published exhibitions, for its page (null: the association's). */
  async ofOwner(museumSlug: string | null, locale: Locale): Promise<ExhibitionCard[]> {
    const found = await this.exhibitions.publishedOf(museumSlug);
    const cards: ExhibitionCard[] = [];
    for (const { id, museumId, museum, record } of found) {
      const cover = record.coverAssetId
        ? (await this.images(museumId, [record.coverAssetId])).get(record.coverAssetId)
        : undefined;
      cards.push({
        id,
        slug: record.slug,
        path: exhibitionPath(museum?.slug ?? null, record.slug),
        title: text(locale, record.title),
        subtitle: optional(locale, record.subtitle),
        dates: record.dates,
        image: cover?.rendition ? responsiveImage(cover.rendition, this.urlOf, cover.focal) : null,
        alt: cover ? text(locale, cover.alt) : ''
      });
    }
    return cards;
  }

  private async images(museumId: number | null, ids: number[]) {
    const assets = await this.assetsOf(museumId, ids);
    return new Map(assets.filter((a) => a.status === 'ready').map((a) => [a.id, a]));
  }

  private async view(
    exhibition: {
      id: number;
      museumId: number | null;
      museum: Museum;
      origin: ExhibitionOrigin;
      publishedAt: string | null;
    },
    record: ExhibitionRecord,
    locale: Locale,
    forStaff: boolean
  ): Promise<ExhibitionView> {
    const assets = await this.images(
      exhibition.museumId,
      exhibitionAssets(record).map((r) => r.assetId)
    );
    const cards = await this.cardsOf(exhibition.museumId, exhibitionExhibits(record), locale);
    const figure = (assetId: number, caption: Pair | null | undefined): FigureView | null => {
      const asset = assets.get(assetId);
      if (asset?.kind !== 'image' || !asset.rendition) return null;
      return {
        image: responsiveImage(asset.rendition, this.urlOf, asset.focal),
        alt: text(locale, asset.alt),
        caption: optional(locale, caption)
      };
    };
    const fileUrl = (assetId: number | null | undefined) => {
      const asset = assetId ? assets.get(assetId) : undefined;
      return asset ? this.urlOf(asset.originalKey) : null;
    };

    const blocks = record.blocks.flatMap((block): ExhibitionBlockView[] => {
      const { key } = block;
      switch (block.kind) {
        case 'text':
          return [{ kind: 'text', key, html: sanitizeRichText(text(locale, block.body)) }];
        case 'exhibit': {
          const card = cards.get(block.exhibitId);
          if (!card) return forStaff ? [{ kind: 'broken', key, exhibitId: block.exhibitId }] : [];
          return [{ kind: 'exhibit', key, card, note: optional(locale, block.note) }];
        }
        case 'image': {
          const shown = figure(block.assetId, block.caption);
          return shown ? [{ kind: 'image', key, ...shown }] : [];
        }
        case 'images': {
          const left = figure(block.left.assetId, block.left.caption);
          const right = figure(block.right.assetId, block.right.caption);
          if (left && right) return [{ kind: 'images', key, left, right }];
          // One picture left of the pair still tells its part.
          const one = left ?? right;
          return one ? [{ kind: 'image', key, ...one }] : [];
        }
        case 'quote':
          return [
            {
              kind: 'quote',
              key,
              text: text(locale, block.text),
              attribution: optional(locale, block.attribution)
            }
          ];
        case 'video': {
          const video = this.video(block.video, locale, assets, fileUrl);
          return video ? [{ kind: 'video', key, video }] : [];
        }
        case 'audio': {
          const url = fileUrl(block.assetId);
          if (!url) return [];
          return [
            {
              kind: 'audio',
              key,
              title: text(locale, block.title),
              url,
              transcript: optional(locale, block.transcript)
            }
          ];
        }
      }
    });
    const museum = exhibition.museum;
    return {
      id: exhibition.id,
      slug: record.slug,
      museum: museum ? { slug: museum.slug, name: text(locale, museum.name) } : null,
      path: exhibitionPath(museum?.slug ?? null, record.slug),
      origin: exhibition.origin,
      title: text(locale, record.title),
      subtitle: optional(locale, record.subtitle),
      cover: record.coverAssetId ? figure(record.coverAssetId, null) : null,
      authors: record.authors.map((a) => text(locale, a)),
      dates: record.dates,
      blocks,
      publishedAt: exhibition.publishedAt
    };
  }

  private video(
    video: Extract<ExhibitionRecord['blocks'][number], { kind: 'video' }>['video'],
    locale: Locale,
    assets: Map<number, Asset>,
    fileUrl: (id: number | null | undefined) => string | null
  ): VideoView | null {
    if (video.kind === 'link')
      return {
        kind: 'link',
        title: text(locale, video.title),
        provider: video.provider,
        url: video.url,
        embedUrl: recognizeVideoLink(video.url)?.embedUrl ?? video.url
      };
    const clip = fileUrl(video.assetId);
    if (!clip) return null;
    const poster = assets.get(video.assetId)?.rendition;
    return {
      kind: 'clip',
      title: text(locale, video.title),
      url: clip,
      poster: poster ? responsiveImage(poster, this.urlOf) : null,
      captionsUrl: fileUrl(video.captionsAssetId)
    };
  }

  /** Published exhibits' cards by id: the owner museum's, or any member museum's for the association. */
  private async cardsOf(museumId: number | null, ids: number[], locale: Locale) {
    const found = await this.exhibitions.exhibitsAmong(museumId, ids);
    const byMuseum = new Map<number, { museum: (typeof found)[number]['museum']; ids: number[] }>();
    for (const { id, museum } of found) {
      const group = byMuseum.get(museum.id) ?? { museum, ids: [] };
      group.ids.push(id);
      byMuseum.set(museum.id, group);
    }
    const cards = new Map<number, ExhibitCard>();
    for (const { museum, ids: some } of byMuseum.values())
      for (const card of await this.exhibitCards(museum.id, museum, some, locale))
        cards.set(card.id, card);
    return cards;
  }
}

/** What the search index gets of a published exhibition: its title, subtitle and all its text. */
export function exhibitionDocument(found: {
  id: number;
  museumId: number | null;
  museum: Museum;
  publishedAt: string | null;
  record: ExhibitionRecord;
}): SearchDocument {
  const { record } = found;
  const body = (lang: 'ru' | 'en') =>
    [
      ...record.authors.map((a) => a[lang]),
      ...record.blocks.flatMap((block) => {
        switch (block.kind) {
          case 'text':
            return [wordsOf(block.body[lang])];
          case 'quote':
            return [block.text[lang], block.attribution?.[lang] ?? ''];
          case 'image':
            return [block.caption?.[lang] ?? ''];
          case 'images':
            return [block.left.caption?.[lang] ?? '', block.right.caption?.[lang] ?? ''];
          case 'exhibit':
            return [block.note?.[lang] ?? ''];
          case 'video':
            return [block.video.title[lang]];
          case 'audio':
            return [block.title[lang], block.transcript?.[lang] ?? ''];
        }
      })
    ]
      .filter(Boolean)
      .join('\n');
  return {
    kind: 'exhibition',
    refId: found.id,
    museumId: found.museumId,
    path: exhibitionPath(found.museum?.slug ?? null, record.slug),
    title: record.title,
    summary: { ru: record.subtitle?.ru ?? '', en: record.subtitle?.en ?? '' },
    body: { ru: body('ru'), en: body('en') },
    imageAssetId: record.coverAssetId ?? null,
    date: found.publishedAt?.slice(0, 10) ?? null
  };
}
