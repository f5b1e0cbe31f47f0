import type { Locale } from '$lib/shared/museum';
import { pick } from '$lib/shared/localize';
import { recognizeVideoLink } from '$lib/shared/video-links';
import type {
  HotspotTargetView,
  HotspotView,
  SceneView,
  TourRecord,
  TourView,
  VideoView
} from '$lib/shared/tour';
import type { ResponsiveImage } from '$lib/shared/media';
import { sanitizeRichText } from '../content/rich-text';
import type { Asset } from '../media/repository';
import { responsiveImage } from '../media/responsive';
import { assetReferences } from './checks';
import { exhibitReferences, targetExists } from './editor';
import type { ExhibitCard } from '$lib/shared/exhibit';
import type { TourRepository } from './repository';

type Pair = { ru: string; en: string };

/**
 * The public read model of tours: published records resolved to URLs in the visitor's language.
 * Scenes whose panorama is gone and hotspots whose target is gone are left out.
 */
export class TourDirectory {
  constructor(
    private readonly tours: TourRepository,
    /** The museum's assets with these ids (no access check: only published records ask). */
    private readonly assetsOf: (museumId: number, ids: number[]) => Promise<Asset[]>,
    /** Storage key → public URL. */
    private readonly urlOf: (key: string) => string,
    /** Cards of the museum's published exhibits (ExhibitDirectory.cards): hotspots open them. */
    private readonly exhibitCards: (
      museumId: number,
      museum: { slug: string; name: Pair },
      ids: number[],
      locale: Locale
    ) => Promise<ExhibitCard[]> = async () => []
  ) {}

  async page(museumSlug: string, tourSlug: string, locale: Locale): Promise<TourView | null> {
    const found = await this.tours.publishedBySlug(museumSlug, tourSlug);
    if (!found) return null;
    return this.view(found.id, found.museumId, found.museum, found.record, locale);
  }

  /**
   * Why there is no page at this address: 410 Gone for a tour staff deleted, so links and embeds
   * of it learn it is not coming back at this address, else 404.
   */
  async missingStatus(museumSlug: string, tourSlug: string): Promise<404 | 410> {
    return (await this.tours.deletedBySlug(museumSlug, tourSlug)) ? 410 : 404;
  }

  /** A version staff are working on, as visitors would see it. */
  async preview(
    museumId: number,
    tourId: number,
    record: TourRecord,
    locale: Locale
  ): Promise<TourView | null> {
    const museum = await this.tours.museumOf(museumId);
    if (!museum) return null;
    return this.view(
      tourId,
      museumId,
      { slug: museum.slug, name: { ru: museum.name_ru, en: museum.name_en } },
      record,
      locale
    );
  }

  /** The published tours of a museum, for its page: title, summary and a picture. */
  async ofMuseum(museumSlug: string, locale: Locale) {
    const tours = await this.tours.publishedOf(museumSlug);
    const museumId = tours[0]?.museumId;
    if (museumId === undefined) return [];
    const firsts = tours.flatMap((t) => (t.record.scenes[0] ? [t.record.scenes[0].assetId] : []));
    const assets = await this.assets(museumId, firsts);
    return tours.map(({ id, record }) => {
      const first = record.scenes[0] ? assets.get(record.scenes[0].assetId) : undefined;
      return {
        id,
        slug: record.slug,
        title: text(locale, record.title),
        summary: record.summary ? text(locale, record.summary) : null,
        image: first?.rendition ? responsiveImage(first.rendition, this.urlOf, first.focal) : null,
        alt: first ? pick(locale, first.alt.ru, first.alt.en) : ''
      };
    });
  }

  private async assets(museumId: number, ids: number[]) {
    const assets = await this.assetsOf(museumId, ids);
    return new Map(assets.filter((a) => a.status === 'ready').map((a) => [a.id, a]));
  }

  private async view(
    id: number,
    museumId: number,
    museum: { slug: string; name: Pair },
    record: TourRecord,
    locale: Locale
  ): Promise<TourView> {
    const assets = await this.assets(
      museumId,
      assetReferences(record).map((r) => r.assetId)
    );
    const shown = record.scenes.filter((scene) => {
      const asset = assets.get(scene.assetId);
      return asset?.kind === 'panorama' && asset.tiles;
    });
    const sceneKeys = new Set(shown.map((s) => s.key));
    const titles = new Map(shown.map((s) => [s.key, text(locale, s.title)]));
    const image = (asset: Asset | undefined): ResponsiveImage | null =>
      asset?.rendition ? responsiveImage(asset.rendition, this.urlOf, asset.focal) : null;
    const url = (asset: Asset | undefined) => (asset ? this.urlOf(asset.originalKey) : null);
    const cards = new Map(
      (await this.exhibitCards(museumId, museum, exhibitReferences(record), locale)).map((c) => [
        c.id,
        c
      ])
    );

    const targetView = (
      target: TourRecord['scenes'][number]['hotspots'][number]['target']
    ): HotspotTargetView | null => {
      switch (target.kind) {
        case 'scene':
          return {
            kind: 'scene',
            sceneKey: target.sceneKey,
            title: titles.get(target.sceneKey) ?? ''
          };
        case 'text':
          return { kind: 'text', html: sanitizeRichText(text(locale, target.body)) };
        case 'photo': {
          const asset = assets.get(target.assetId);
          const picture = image(asset);
          if (!asset || !picture) return null;
          return {
            kind: 'photo',
            image: picture,
            alt: pick(locale, asset.alt.ru, asset.alt.en),
            caption: target.caption ? text(locale, target.caption) : null
          };
        }
        case 'audio': {
          const audio = url(assets.get(target.assetId));
          if (!audio) return null;
          return {
            kind: 'audio',
            url: audio,
            transcript: target.transcript ? text(locale, target.transcript) : null
          };
        }
        case 'exhibit': {
          const card = cards.get(target.exhibitId);
          if (!card) return null;
          return {
            kind: 'exhibit',
            title: card.title,
            titleLang: card.titleLang,
            dating: card.dating,
            image: card.image,
            alt: card.alt,
            url: card.href
          };
        }
      }
    };

    const scenes: SceneView[] = shown.map((scene) => {
      const asset = assets.get(scene.assetId)!;
      const tiles = asset.tiles!;
      const hotspots: HotspotView[] = scene.hotspots.flatMap((hotspot) => {
        if (!targetExists(hotspot.target, sceneKeys, assets, new Set(cards.keys()))) return [];
        const target = targetView(hotspot.target);
        return target
          ? [
              {
                key: hotspot.key,
                position: hotspot.position,
                label: text(locale, hotspot.label),
                target
              }
            ]
          : [];
      });
      const narration = scene.narration ? url(assets.get(scene.narration.assetId)) : null;
      return {
        key: scene.key,
        title: text(locale, scene.title),
        description: scene.description ? text(locale, scene.description) : null,
        startView: scene.startView,
        base: {
          url: this.urlOf(tiles.base.key),
          width: tiles.base.width,
          height: tiles.base.height,
          bytes: tiles.base.bytes
        },
        tiles: {
          width: tiles.width,
          height: tiles.height,
          tileSize: tiles.tileSize,
          levels: tiles.levels,
          urlPattern: tileUrlPattern(this.urlOf, tiles.tileKeyPattern)
        },
        preview: image(asset) ?? {
          width: tiles.base.width,
          height: tiles.base.height,
          sources: [],
          src: this.urlOf(tiles.base.key),
          srcset: '',
          placeholder: null,
          position: null
        },
        alt: pick(locale, asset.alt.ru, asset.alt.en) || text(locale, scene.title),
        plan: scene.plan ?? null,
        narration:
          narration && scene.narration
            ? {
                url: narration,
                transcript: scene.narration.transcript
                  ? text(locale, scene.narration.transcript)
                  : null
              }
            : null,
        hotspots
      };
    });

    const plan = record.floorPlanAssetId ? assets.get(record.floorPlanAssetId) : undefined;
    const planImage = image(plan);
    const route = record.route.filter((key) => sceneKeys.has(key));
    const videos: VideoView[] = record.videos.flatMap((video): VideoView[] => {
      if (video.kind === 'link')
        return [
          {
            kind: 'link',
            title: text(locale, video.title),
            provider: video.provider,
            url: video.url,
            embedUrl: embedUrlOf(video.url)
          }
        ];
      const clip = assets.get(video.assetId);
      if (!clip) return [];
      return [
        {
          kind: 'clip',
          title: text(locale, video.title),
          url: this.urlOf(clip.originalKey),
          poster: image(clip),
          captionsUrl: url(video.captionsAssetId ? assets.get(video.captionsAssetId) : undefined)
        }
      ];
    });
    return {
      id,
      slug: record.slug,
      museum: { slug: museum.slug, name: text(locale, museum.name) },
      title: text(locale, record.title),
      summary: record.summary ? text(locale, record.summary) : null,
      floorPlan:
        plan && planImage
          ? { image: planImage, alt: pick(locale, plan.alt.ru, plan.alt.en) }
          : null,
      scenes,
      startScene: route[0] ?? scenes[0]?.key ?? '',
      route,
      videos
    };
  }
}

function text(locale: Locale, value: Pair): string {
  return pick(locale, value.ru, value.en);
}

/** The tile key pattern as a URL, with `{level}`, `{col}` and `{row}` left for the viewer to fill. */
export function tileUrlPattern(urlOf: (key: string) => string, keyPattern: string): string {
  return urlOf(keyPattern).replace(/%7B(level|col|row)%7D/g, '{$1}');
}

/** The provider's player address for a video link; the page loads it only after a click. */
export function embedUrlOf(url: string): string {
  return recognizeVideoLink(url)?.embedUrl ?? url;
}
