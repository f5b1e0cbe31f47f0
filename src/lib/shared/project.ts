import { z } from 'zod';
import { localized, slug, text } from './fields';
import type { ResponsiveImage } from './media';

/**
 * Projects of the association and of its museums: a grant-funded seminar, a series of workshops,
 * a travelling exhibition. What staff edit (ProjectInput, checked by zod on the server) and what
 * visitors' pages get (ProjectView, one language). A travelling project has an itinerary of
 * stops (district, venue, dates, programme, participants), shown as a timeline and on a map.
 * A project belongs to a museum or to the association (museum_id null), like an exhibition.
 */

const id = z.number().int().positive();
/** A key stable within one project (`s1`, `s2` …): the editor's rows and the page's anchors. */
const key = text.regex(/^[a-z][a-z0-9-]{0,31}$/, 'key: a–z, digits and hyphens');
/** A text that may be left out: both languages, or none. */
const optionalPair = localized.nullish();
/** A count of people, events or districts: a whole number, none when not known. */
const count = z.number().int().min(0).max(10_000_000).nullish();
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/** Where a stop is held: a member museum (its address and map point are the museum's), or a place. */
export const stopVenue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('museum'), museumId: id }),
  z.object({
    kind: z.literal('place'),
    /** The venue as people know it: «Районный дом культуры, с. Троицкое»; none: only the district is known. */
    name: optionalPair,
    /** A point for the map; none: the stop is listed but not drawn. */
    latitude: latitude.nullish(),
    longitude: longitude.nullish()
  })
]);
export type StopVenue = z.output<typeof stopVenue>;

export const projectStop = z
  .object({
    key,
    district: localized,
    venue: stopVenue,
    /** Dates as the calendar day they were held (no time zone: a day is a day). */
    startsOn: z.iso.date().nullish(),
    endsOn: z.iso.date().nullish(),
    programme: optionalPair,
    participants: count
  })
  .refine((s) => !s.endsOn || !s.startsOn || s.endsOn >= s.startsOn, {
    path: ['endsOn'],
    message: 'endsOn: not before startsOn'
  });
export type ProjectStop = z.output<typeof projectStop>;
export type ProjectStopInput = z.input<typeof projectStop>;

export const projectPeriod = z
  .object({ start: z.iso.date(), end: z.iso.date().nullish() })
  .refine((p) => !p.end || p.end >= p.start, { path: ['end'], message: 'end: not before start' });

export const projectResults = z.object({
  participants: count,
  events: count,
  districts: count,
  /** Other results as staff write them: «95 % участников — учащиеся». */
  lines: z.array(localized).max(30).default([])
});
export type ProjectResults = z.output<typeof projectResults>;

export const projectInput = z.object({
  slug,
  title: localized,
  summary: optionalPair,
  period: projectPeriod,
  /** The period in words when the exact days are not known: «апрель — сентябрь 2021 года». */
  periodText: optionalPair,
  /** Who paid: «Министерство культуры Хабаровского края». */
  funder: optionalPair,
  /** The grant or programme: «конкурс субсидий СО НКО». */
  grantProgramme: optionalPair,
  /** Rich text: goals and tasks. */
  goals: optionalPair,
  /** Rich text: what happened, told. */
  description: optionalPair,
  partners: z.array(localized).max(50).default([]),
  /** Member museums taking part (besides the owner). */
  museumIds: z.array(id).max(100).default([]),
  results: projectResults.default({ lines: [] }),
  gallery: z
    .array(z.object({ assetId: id, caption: optionalPair }))
    .max(60)
    .default([]),
  /** Events the project held (published events; the page lists them). */
  eventIds: z.array(id).max(500).default([]),
  /** News that told of the project (published news; the page lists them). */
  newsIds: z.array(id).max(500).default([]),
  /** A travelling project's itinerary in the order it travelled; empty for one place. */
  stops: z.array(projectStop).max(100).default([])
});
export type ProjectInput = z.input<typeof projectInput>;
export type ProjectRecord = z.output<typeof projectInput>;

/** Where a project came from: demo ones are drawn from the seed documents and say so. */
export type ProjectOrigin = 'staff' | 'demo';

export interface ProjectStopView {
  key: string;
  district: string;
  venue: string;
  /** The member museum's page, when the stop was held at one. */
  museumPath: string | null;
  startsOn: string | null;
  endsOn: string | null;
  programme: string | null;
  participants: number | null;
  position: { latitude: number; longitude: number } | null;
}

export interface ProjectPhotoView {
  image: ResponsiveImage;
  alt: string;
  caption: string | null;
}

/** A published project as its public page gets it. */
export interface ProjectView {
  id: number;
  slug: string;
  path: string;
  origin: ProjectOrigin;
  /** The museum, or null for the association's own project. */
  museum: { slug: string; name: string } | null;
  title: string;
  summary: string | null;
  period: { start: string; end: string | null };
  /** Shown instead of the dates when set. */
  periodText: string | null;
  funder: string | null;
  grantProgramme: string | null;
  goalsHtml: string | null;
  descriptionHtml: string | null;
  partners: string[];
  museums: { slug: string; name: string }[];
  results: {
    participants: number | null;
    events: number | null;
    districts: number | null;
    lines: string[];
  };
  gallery: ProjectPhotoView[];
  stops: ProjectStopView[];
  events: { title: string; path: string; date: string | null }[];
  news: { title: string; path: string; date: string | null }[];
  publishedAt: string | null;
}

/** A line of a list of projects (/projects, a museum's page). */
export interface ProjectCard {
  id: number;
  path: string;
  title: string;
  summary: string | null;
  period: { start: string; end: string | null };
  periodText: string | null;
  museum: { slug: string; name: string } | null;
  travelling: boolean;
  origin: ProjectOrigin;
}

/** The public path of a project, without the locale prefix. */
export function projectPath(museumSlug: string | null, projectSlug: string): string {
  return museumSlug
    ? `/museums/${museumSlug}/projects/${projectSlug}`
    : `/association/projects/${projectSlug}`;
}
