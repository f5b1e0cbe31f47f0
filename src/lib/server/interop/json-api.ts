import { z } from 'zod';
import { exhibitCategories, exhibitMaterials } from '$lib/shared/exhibit';
import type { HarvestCursor, HarvestFilter } from '../exhibits/harvest';
import type { SearchQuery, SearchResult } from '../search/types';
import { rightsUri, type OpenExhibit, type OpenExhibits, type Pair } from './open-exhibits';

/** The most exhibits one page of `/api/v1/exhibits` holds, and how many without `limit`. */
export const apiMaxLimit = 100;
const apiDefaultLimit = 20;

/** What every answer of the JSON API carries: it is for other sites' scripts too. */
export const apiHeaders = {
  'access-control-allow-origin': '*',
  'content-type': 'application/json; charset=utf-8'
} as const;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a slug: a-z, 0-9 and hyphens');
const year = z.coerce.number().int().min(-40_000).max(2100);

const listQuery = z
  .strictObject({
    museum: slug.optional(),
    collection: slug.optional(),
    category: z.enum(exhibitCategories).optional(),
    material: z.enum(exhibitMaterials).optional(),
    yearFrom: year.optional(),
    yearTo: year.optional(),
    hasImage: z.enum(['true', 'false']).optional(),
    /** Words to find (the site's search: Russian and English word forms). */
    q: z.string().trim().min(1).max(500).optional(),
    after: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(apiMaxLimit).default(apiDefaultLimit)
  })
  .refine((q) => !q.collection || q.museum, {
    path: ['collection'],
    message: 'a collection is named within its museum: give museum too'
  });

export type ApiError = { parameter: string; message: string };

/** `?after=` is opaque to clients: where the previous page ended. */
export function encodeCursor(cursor: HarvestCursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(value: string): HarvestCursor | null {
  const [at, id] = Buffer.from(value, 'base64url').toString().split('|');
  const parsed = z
    .object({ at: z.iso.datetime(), id: z.coerce.number().int().positive() })
    .safeParse({ at, id });
  return parsed.success ? parsed.data : null;
}

export interface ListQuery {
  filter: HarvestFilter;
  /** Words to find: then the order is relevance and `after` is the search's own cursor. */
  q?: string;
  after?: string;
  limit: number;
}

/**
 * The list's query string as a filter, words to find, a cursor and a page size; or the first
 * parameter that is wrong and why. Unknown parameters are refused rather than ignored, so a
 * misspelt filter never looks like an empty result.
 */
export function parseListQuery(
  params: URLSearchParams
): ({ ok: true } & ListQuery) | { ok: false; error: ApiError } {
  const repeated = [...params.keys()].find((key) => params.getAll(key).length > 1);
  if (repeated) return { ok: false, error: { parameter: repeated, message: 'given twice' } };
  const parsed = listQuery.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const unknown = issue?.code === 'unrecognized_keys';
    return {
      ok: false,
      error: {
        parameter: unknown ? (issue.keys[0] ?? '') : String(issue?.path[0] ?? ''),
        message: unknown ? 'not a parameter of this list' : (issue?.message ?? '')
      }
    };
  }
  const q = parsed.data;
  if (q.after !== undefined && q.q === undefined && !decodeCursor(q.after))
    return {
      ok: false,
      error: { parameter: 'after', message: 'not a cursor this API gave: follow the next link' }
    };
  return {
    ok: true,
    filter: {
      museumSlug: q.museum,
      collection: q.collection,
      category: q.category,
      material: q.material,
      yearFrom: q.yearFrom,
      yearTo: q.yearTo,
      hasImage: q.hasImage === undefined ? undefined : q.hasImage === 'true'
    },
    q: q.q,
    after: q.after,
    limit: q.limit
  };
}

/**
 * A page of the list: in the order of publishing, or, with words to find, in the site search's
 * order of relevance (its index has the same filters); `next` is the cursor of the page after.
 */
export async function exhibitsPage(
  query: ListQuery,
  services: {
    openExhibits: OpenExhibits;
    find: (query: SearchQuery) => Promise<SearchResult>;
  }
): Promise<{ exhibits: OpenExhibit[]; next: string | null }> {
  const { filter } = query;
  const { openExhibits } = services;
  if (query.q === undefined) {
    const cursor = query.after === undefined ? null : decodeCursor(query.after);
    const page = await openExhibits.page(filter, cursor, query.limit);
    return { exhibits: page.exhibits, next: page.next && encodeCursor(page.next) };
  }
  const collection =
    filter.museumSlug && filter.collection && filter.collection !== 'any'
      ? await openExhibits.collectionId(filter.museumSlug, filter.collection)
      : undefined;
  if (collection === null) return { exhibits: [], next: null };
  const result = await services.find({
    q: query.q,
    locale: 'ru',
    kinds: ['exhibit'],
    museums: filter.museumSlug ? [filter.museumSlug] : undefined,
    collections: collection === undefined ? undefined : [collection],
    categories: filter.category && [filter.category],
    materials: filter.material && [filter.material],
    yearFrom: filter.yearFrom,
    yearTo: filter.yearTo,
    hasImage: filter.hasImage,
    sort: 'relevance',
    after: query.after,
    limit: query.limit
  });
  return {
    exhibits: await openExhibits.among(result.hits.map((hit) => hit.refId)),
    next: result.next
  };
}

const text = (value: Pair) => (value.ru || value.en ? { ru: value.ru, en: value.en } : null);

/** A published exhibit as the JSON API gives it: what its page shows, in both languages. */
export function exhibitJson(exhibit: OpenExhibit, urls: OpenExhibits['urls']) {
  const { record, museum } = exhibit;
  return {
    id: exhibit.id,
    url: {
      ru: urls.exhibitPage(museum.slug, exhibit.id, 'ru'),
      en: urls.exhibitPage(museum.slug, exhibit.id, 'en')
    },
    iiifManifest: urls.manifest(exhibit.id),
    oaiIdentifier: urls.oaiIdentifier(exhibit.id),
    publishedAt: exhibit.publishedAt,
    /** An invented object of the demo data, not held by any museum. */
    demo: exhibit.origin === 'demo',
    museum: {
      slug: museum.slug,
      name: museum.name,
      url: { ru: urls.museumPage(museum.slug, 'ru'), en: urls.museumPage(museum.slug, 'en') }
    },
    collection: exhibit.collection && {
      slug: exhibit.collection.slug,
      title: exhibit.collection.title,
      iiifCollection: urls.collection(museum.slug, exhibit.collection.slug)
    },
    inventoryNumber: record.inventoryNumber,
    title: record.title,
    description: text(record.description),
    dating: text(record.dating),
    yearFrom: record.yearFrom ?? null,
    yearTo: record.yearTo ?? null,
    maker: text(record.maker),
    place: text(record.place),
    technique: text(record.technique),
    material: record.material ?? null,
    dimensions: text(record.dimensions),
    category: record.category,
    provenance: text(record.provenance),
    tags: record.tags,
    hall: text(record.hall),
    rights: {
      statement: record.rights.statement,
      uri: rightsUri[record.rights.statement],
      credit: record.rights.credit || null
    },
    images: exhibit.images.map((image) => ({
      width: image.width,
      height: image.height,
      alt: image.alt,
      caption: text(image.caption),
      credit: image.credit || null,
      url: image.large.url,
      thumbnail: image.thumbnail.url,
      iiifService: image.service
    }))
  };
}
