import { z } from 'zod';
import { localized, slug, text } from './fields';
import type { ExhibitCard } from './exhibit';
import type { ResponsiveImage } from './media';
import { tourVideo, type VideoView } from './tour';

/**
 * Online exhibitions: a story told in ordered blocks (text, an exhibit's card, pictures, a quote,
 * video, audio) with a cover, authors and dates. What staff edit (ExhibitionInput, checked by
 * zod on the server) and what visitors' pages get (ExhibitionView, one language, everything
 * resolved to URLs). An exhibition belongs to a museum or to the association itself.
 */

const id = z.number().int().positive();
/** A key stable within one exhibition (`b1`, `b2` …): the editor's rows and anchors keep to it. */
const key = text.regex(/^[a-z][a-z0-9-]{0,31}$/, 'key: a–z, digits and hyphens');
/** A text that may be left out: both languages, or none. */
const optionalPair = localized.nullish();

export const exhibitionBlockKinds = [
  'text',
  'exhibit',
  'image',
  'images',
  'quote',
  'video',
  'audio'
] as const;
export type ExhibitionBlockKind = (typeof exhibitionBlockKinds)[number];

const figure = z.object({ assetId: id, caption: optionalPair });

export const exhibitionBlock = z.discriminatedUnion('kind', [
  /** Rich text, cleaned by the one sanitiser on every save. */
  z.object({ kind: z.literal('text'), key, body: localized }),
  /** An exhibit of the same museum, shown from its published record. */
  z.object({ kind: z.literal('exhibit'), key, exhibitId: id, note: optionalPair }),
  z.object({ kind: z.literal('image'), key, ...figure.shape }),
  /** Two images side by side (one above the other on a phone). */
  z.object({ kind: z.literal('images'), key, left: figure, right: figure }),
  z.object({ kind: z.literal('quote'), key, text: localized, attribution: optionalPair }),
  /** An uploaded clip, or a VK Video / RuTube / YouTube link behind a click-to-load facade. */
  z.object({ kind: z.literal('video'), key, video: tourVideo }),
  z.object({
    kind: z.literal('audio'),
    key,
    assetId: id,
    title: localized,
    transcript: optionalPair
  })
]);
export type ExhibitionBlock = z.output<typeof exhibitionBlock>;
export type ExhibitionBlockInput = z.input<typeof exhibitionBlock>;

export const exhibitionDates = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('permanent') }),
  z
    .object({
      kind: z.literal('period'),
      opening: z.iso.date(),
      /** Null: open, no closing date announced. */
      closing: z.iso.date().nullish()
    })
    .refine((d) => !d.closing || d.closing >= d.opening, {
      path: ['closing'],
      message: 'closing: not before opening'
    })
]);
export type ExhibitionDates = z.output<typeof exhibitionDates>;

export const exhibitionInput = z.object({
  slug,
  title: localized,
  subtitle: optionalPair,
  /** An image of the owner's media library. */
  coverAssetId: id.nullish(),
  /** People as they are credited, one pair each. */
  authors: z.array(localized).max(20).default([]),
  dates: exhibitionDates.default({ kind: 'permanent' }),
  blocks: z.array(exhibitionBlock).max(200).default([])
});
export type ExhibitionInput = z.input<typeof exhibitionInput>;
export type ExhibitionRecord = z.output<typeof exhibitionInput>;

/** Where an exhibition came from: demo ones are drawn from the seed documents and say so. */
export type ExhibitionOrigin = 'staff' | 'demo';

export interface FigureView {
  image: ResponsiveImage;
  alt: string;
  caption: string | null;
}

export type ExhibitionBlockView =
  | { kind: 'text'; key: string; html: string }
  | { kind: 'exhibit'; key: string; card: ExhibitCard; note: string | null }
  /** Staff only (preview): an exhibit block whose exhibit is gone or not published. */
  | { kind: 'broken'; key: string; exhibitId: number }
  | ({ kind: 'image'; key: string } & FigureView)
  | { kind: 'images'; key: string; left: FigureView; right: FigureView }
  | { kind: 'quote'; key: string; text: string; attribution: string | null }
  | { kind: 'video'; key: string; video: VideoView }
  | { kind: 'audio'; key: string; title: string; url: string; transcript: string | null };

/** A published exhibition as its public page gets it. */
export interface ExhibitionView {
  id: number;
  slug: string;
  /** The museum, or null for the association's own exhibition. */
  museum: { slug: string; name: string } | null;
  /** The page's path without the locale prefix. */
  path: string;
  origin: ExhibitionOrigin;
  title: string;
  subtitle: string | null;
  cover: FigureView | null;
  authors: string[];
  dates: ExhibitionDates;
  blocks: ExhibitionBlockView[];
  publishedAt: string | null;
}

/** A line of a list of exhibitions (a museum's page, the association's). */
export interface ExhibitionCard {
  id: number;
  slug: string;
  path: string;
  title: string;
  subtitle: string | null;
  dates: ExhibitionDates;
  image: ResponsiveImage | null;
  alt: string;
}

/** The public path of an exhibition, without the locale prefix. */
export function exhibitionPath(museumSlug: string | null, exhibitionSlug: string): string {
  return museumSlug
    ? `/museums/${museumSlug}/exhibitions/${exhibitionSlug}`
    : `/association/exhibitions/${exhibitionSlug}`;
}
