import { z } from 'zod';
import { localized, slug, text } from './fields';
import type { ResponsiveImage } from './media';
import { videoProviders, type VideoProvider } from './video-links';

/**
 * Virtual tours: what staff edit (TourInput, checked by zod on the server) and what visitors'
 * pages get (TourView, everything resolved to URLs). Angles are in degrees: yaw −180…180 from the
 * panorama's centre, positive to the right; pitch −90…90, positive up.
 */

export const angle = z.object({
  yaw: z.number().min(-180).max(180),
  pitch: z.number().min(-90).max(90)
});
export type Angle = z.output<typeof angle>;

const assetId = z.number().int().positive();
/** A key stable within one tour (`s1`, `h3`), so hotspots and the route can point at scenes. */
const key = text.regex(/^[a-z][a-z0-9-]{0,31}$/, 'key: a–z, digits and hyphens');

export const hotspotTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scene'), sceneKey: key }),
  z.object({ kind: z.literal('text'), body: localized }),
  z.object({ kind: z.literal('photo'), assetId, caption: localized.nullish() }),
  z.object({ kind: z.literal('audio'), assetId, transcript: localized.nullish() }),
  /**
   * An exhibit of the museum's collection. Staff name it by its inventory number; the editor
   * finds its id (0 until found). Shown to visitors only while the exhibit is published.
   */
  z.object({
    kind: z.literal('exhibit'),
    exhibitId: z.number().int().nonnegative(),
    inventoryNumber: text.max(64).nullish()
  })
]);
export type HotspotTarget = z.output<typeof hotspotTarget>;

export const hotspotInput = z.object({
  key,
  position: angle,
  label: localized,
  target: hotspotTarget
});

export const sceneInput = z.object({
  key,
  /** A panorama (kind 'panorama') of the tour's museum, tiled by the media job. */
  assetId,
  title: localized,
  description: localized.nullish(),
  startView: angle.default({ yaw: 0, pitch: 0 }),
  /** Where the scene sits on the floor plan, 0…1 from the plan's left and top edges. */
  plan: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).nullish(),
  narration: z.object({ assetId, transcript: localized.nullish() }).nullish(),
  hotspots: z.array(hotspotInput).max(60).default([])
});

export const tourVideo = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('clip'),
    title: localized,
    /** An uploaded mp4/webm; its poster is made by the media job. */
    assetId,
    /** WebVTT captions, uploaded as a document. */
    captionsAssetId: assetId.nullish()
  }),
  z.object({
    kind: z.literal('link'),
    title: localized,
    provider: z.enum(videoProviders),
    url: z.url()
  })
]);

export const tourInput = z.object({
  slug,
  title: localized,
  summary: localized.nullish(),
  /** An image of the floor plan with the scenes placed on it. */
  floorPlanAssetId: assetId.nullish(),
  scenes: z.array(sceneInput).max(80).default([]),
  /** The guided excursion: scene keys in the order of the route (empty: no excursion mode). */
  route: z.array(key).default([]),
  videos: z.array(tourVideo).max(20).default([])
});
export type TourInput = z.input<typeof tourInput>;
export type TourRecord = z.output<typeof tourInput>;

/** Equirectangular tiles as the viewer's tiles adapter needs them. */
export interface TileSetView {
  width: number;
  height: number;
  tileSize: number;
  levels: { width: number; height: number; cols: number; rows: number }[];
  /** `{level}`, `{col}`, `{row}` stand for the numbers. */
  urlPattern: string;
}

export type HotspotTargetView =
  | { kind: 'scene'; sceneKey: string; title: string }
  | { kind: 'text'; html: string }
  | { kind: 'photo'; image: ResponsiveImage; alt: string; caption: string | null }
  | { kind: 'audio'; url: string; transcript: string | null }
  | {
      kind: 'exhibit';
      title: string;
      /** The language of the title when it is not the page's (an untranslated title). */
      titleLang: 'ru' | 'en' | null;
      dating: string | null;
      image: ResponsiveImage | null;
      alt: string;
      /** The exhibit's page on this site, without the locale prefix. */
      url: string;
    };

export interface HotspotView {
  key: string;
  position: Angle;
  label: string;
  target: HotspotTargetView;
}

export interface SceneView {
  key: string;
  title: string;
  description: string | null;
  startView: Angle;
  /** A small flat equirectangular image (~1024×512), shown first and where WebGL 2 is missing. */
  base: { url: string; width: number; height: number; bytes: number };
  tiles: TileSetView;
  /** The panorama as a flat picture, for the scene list and the fallback. */
  preview: ResponsiveImage;
  alt: string;
  plan: { x: number; y: number } | null;
  narration: { url: string; transcript: string | null } | null;
  /** Hotspots whose target is missing (a deleted scene or file) are left out for visitors. */
  hotspots: HotspotView[];
}

export type VideoView =
  | {
      kind: 'clip';
      title: string;
      url: string;
      poster: ResponsiveImage | null;
      captionsUrl: string | null;
    }
  | {
      kind: 'link';
      title: string;
      provider: VideoProvider;
      url: string;
      embedUrl: string;
    };

/** A published tour as its public page, its embed and its offline copy get it. */
export interface TourView {
  id: number;
  slug: string;
  museum: { slug: string; name: string };
  title: string;
  summary: string | null;
  floorPlan: { image: ResponsiveImage; alt: string } | null;
  scenes: SceneView[];
  /** The scene the tour opens on: the route's first, else the first scene. */
  startScene: string;
  route: string[];
  videos: VideoView[];
}
