import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from '../db/connection';
import type { DB } from '../db/schema';
import { readJson } from '../db/json';
import {
  exhibitInput,
  type ExhibitCategory,
  type ExhibitMaterial,
  type ExhibitRecord
} from '$lib/shared/exhibit';

/**
 * Which published exhibits an outside client asks for. Sets name a museum or a collection by
 * slug; `from`/`before` bound the time of publishing (ISO instants, from inclusive, before
 * exclusive). The facet fields are read from the published record itself.
 */
export interface HarvestFilter {
  museumSlug?: string;
  /** A collection of `museumSlug`, by its slug; `'any'`: in some collection. */
  collection?: string;
  from?: string;
  before?: string;
  category?: ExhibitCategory;
  material?: ExhibitMaterial;
  /** Objects whose year range overlaps [yearFrom, yearTo]. */
  yearFrom?: number;
  yearTo?: number;
  /** Only exhibits with (or without) a ready image. */
  hasImage?: boolean;
}

/** Where a page ended: the last exhibit's time of publishing and id. */
export interface HarvestCursor {
  at: string;
  id: number;
}

export interface HarvestedExhibit {
  id: number;
  publishedAt: string;
  origin: 'staff' | 'import' | 'demo';
  museum: { id: number; slug: string; name: { ru: string; en: string } };
  record: ExhibitRecord;
}

const columns = [
  'exhibits.id',
  'exhibits.origin',
  'exhibits.published',
  'exhibits.published_at',
  'museums.id as museum_id',
  'museums.slug as museum_slug',
  'museums.name_ru',
  'museums.name_en'
] as const;

function decode(
  rows: {
    id: number;
    origin: HarvestedExhibit['origin'];
    published: unknown;
    published_at: string | null;
    museum_id: number;
    museum_slug: string;
    name_ru: string;
    name_en: string;
  }[]
): HarvestedExhibit[] {
  return rows.flatMap((row) =>
    row.published === null || row.published_at === null
      ? []
      : [
          {
            id: row.id,
            publishedAt: row.published_at,
            origin: row.origin,
            museum: {
              id: row.museum_id,
              slug: row.museum_slug,
              name: { ru: row.name_ru, en: row.name_en }
            },
            // Parsed, not cast: a record written by an older schema still reads safely.
            record: exhibitInput.parse(readJson(row.published))
          }
        ]
  );
}

/**
 * SQL for reading published exhibits in bulk, for clients outside the site (OAI-PMH harvesters,
 * IIIF viewers, the JSON API): keyset pages in the order they were published — (published_at, id),
 * so a harvester asking "since" gets every change once — counts, and the sets (museums and their
 * collections). Drafts never pass: every query starts from a published record.
 */
export class HarvestRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect
  ) {}

  async page(
    filter: HarvestFilter,
    after: HarvestCursor | null,
    limit: number
  ): Promise<HarvestedExhibit[]> {
    let query = this.filtered(filter)
      .orderBy('exhibits.published_at')
      .orderBy('exhibits.id')
      .limit(limit);
    if (after)
      query = query.where((eb) =>
        eb.or([
          eb('exhibits.published_at', '>', after.at),
          eb.and([eb('exhibits.published_at', '=', after.at), eb('exhibits.id', '>', after.id)])
        ])
      );
    return decode(await query.select(columns).execute());
  }

  async count(filter: HarvestFilter): Promise<number> {
    const row = await this.filtered(filter)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /** A published exhibit by id, or undefined for a draft or nothing. */
  async one(exhibitId: number): Promise<HarvestedExhibit | undefined> {
    const rows = await this.filtered({})
      .where('exhibits.id', '=', exhibitId)
      .select(columns)
      .execute();
    return decode(rows)[0];
  }

  /** The published exhibits among these ids (in no particular order). */
  async among(ids: number[]): Promise<HarvestedExhibit[]> {
    if (ids.length === 0) return [];
    const rows = await this.filtered({}).where('exhibits.id', 'in', ids).select(columns).execute();
    return decode(rows);
  }

  /** When the first exhibit visitors can see was published; null before any. */
  async earliest(): Promise<string | null> {
    const row = await this.db
      .selectFrom('exhibits')
      .where('published', 'is not', null)
      .select((eb) => eb.fn.min('published_at').as('earliest'))
      .executeTakeFirst();
    return row?.earliest ?? null;
  }

  /** Every museum (each is a set, even before it publishes an exhibit). */
  async museums() {
    const rows = await this.db
      .selectFrom('museums')
      .select(['id', 'slug', 'name_ru', 'name_en'])
      .orderBy('slug')
      .execute();
    return rows.map((r) => ({ id: r.id, slug: r.slug, name: { ru: r.name_ru, en: r.name_en } }));
  }

  /** Collections with their museum: every one, those with these ids, or one by its slugs. */
  async collections(where: { ids?: number[]; museumSlug?: string; slug?: string } = {}) {
    if (where.ids?.length === 0) return [];
    let query = this.db
      .selectFrom('collections')
      .innerJoin('museums', 'museums.id', 'collections.museum_id')
      .select([
        'collections.id',
        'collections.slug',
        'collections.title_ru',
        'collections.title_en',
        'collections.description_ru',
        'collections.description_en',
        'museums.slug as museum_slug',
        'museums.name_ru as museum_name_ru',
        'museums.name_en as museum_name_en'
      ])
      .orderBy('museums.slug')
      .orderBy('collections.slug');
    if (where.ids) query = query.where('collections.id', 'in', where.ids);
    if (where.museumSlug) query = query.where('museums.slug', '=', where.museumSlug);
    if (where.slug) query = query.where('collections.slug', '=', where.slug);
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: { ru: r.title_ru, en: r.title_en },
      description: { ru: r.description_ru, en: r.description_en },
      museum: { slug: r.museum_slug, name: { ru: r.museum_name_ru, en: r.museum_name_en } }
    }));
  }

  private filtered(filter: HarvestFilter) {
    let query = this.db
      .selectFrom('exhibits')
      .innerJoin('museums', 'museums.id', 'exhibits.museum_id')
      .where('exhibits.published', 'is not', null);
    if (filter.museumSlug) query = query.where('museums.slug', '=', filter.museumSlug);
    if (filter.from) query = query.where('exhibits.published_at', '>=', filter.from);
    if (filter.before) query = query.where('exhibits.published_at', '<', filter.before);
    const collectionId = this.jsonInteger('collectionId');
    if (filter.collection === 'any') query = query.where(collectionId, 'is not', null);
    else if (filter.collection) {
      const collection = filter.collection;
      query = query.where(collectionId, 'in', (eb) =>
        eb
          .selectFrom('collections')
          .whereRef('collections.museum_id', '=', 'exhibits.museum_id')
          .where('collections.slug', '=', collection)
          .select('collections.id')
      );
    }
    if (filter.category) query = query.where(this.jsonText('category'), '=', filter.category);
    if (filter.material) query = query.where(this.jsonText('material'), '=', filter.material);
    // An object dated by one end only is a point at that end.
    const from = sql`coalesce(${this.jsonInteger('yearFrom')}, ${this.jsonInteger('yearTo')})`;
    const to = sql`coalesce(${this.jsonInteger('yearTo')}, ${this.jsonInteger('yearFrom')})`;
    if (filter.yearTo !== undefined) query = query.where(from, '<=', filter.yearTo);
    if (filter.yearFrom !== undefined) query = query.where(to, '>=', filter.yearFrom);
    if (filter.hasImage !== undefined) {
      const hasImage = filter.hasImage;
      query = query.where((eb) => {
        const images = eb.exists(
          eb
            .selectFrom('exhibit_assets')
            .innerJoin('media_assets', 'media_assets.id', 'exhibit_assets.asset_id')
            .whereRef('exhibit_assets.exhibit_id', '=', 'exhibits.id')
            .where('exhibit_assets.version', '=', 'published')
            .where('media_assets.kind', 'in', ['image', 'panorama'])
            .where('media_assets.status', '=', 'ready')
            .select(sql`1`.as('one'))
        );
        return hasImage ? images : eb.not(images);
      });
    }
    return query;
  }

  /** A number field of the published record (JSON: text on SQLite, jsonb on PostgreSQL). */
  private jsonInteger(field: string): RawBuilder<number | null> {
    return this.dialect === 'postgres'
      ? sql<number | null>`(exhibits.published ->> ${field})::integer`
      : sql<number | null>`json_extract(exhibits.published, ${`$.${field}`})`;
  }

  private jsonText(field: string): RawBuilder<string | null> {
    return this.dialect === 'postgres'
      ? sql<string | null>`exhibits.published ->> ${field}`
      : sql<string | null>`json_extract(exhibits.published, ${`$.${field}`})`;
  }
}
