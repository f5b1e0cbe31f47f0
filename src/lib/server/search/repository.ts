import { sql, type Expression, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { Dialect } from '../db/connection';
import type { DB, SearchEntriesTable } from '../db/schema';
import { fullText, type FullText } from './full-text';
import type { SearchKind, SearchQuery, SearchSort } from './types';

export type EntryValues = Omit<Insertable<SearchEntriesTable>, 'terms'>;

export interface EntryWrite {
  values: EntryValues;
  /** Analysed terms of the title and of everything else. */
  title: string[];
  body: string[];
}

/** Which entries: every condition must hold; empty lists and undefined mean "any". */
export type EntryFilter = Pick<
  SearchQuery,
  'kinds' | 'collections' | 'categories' | 'materials' | 'yearFrom' | 'yearTo' | 'hasImage'
> & {
  /** All of these terms; none means no text condition (browse). */
  terms: string[];
  museumIds?: number[];
};

export interface EntryOrder {
  sort: SearchSort;
  locale: 'ru' | 'en';
}

/** The values of the sort key of the last row shown: where the next page starts. */
export type SortKey = (string | number)[];

const hitColumns = [
  'search_entries.id',
  'search_entries.kind',
  'search_entries.ref_id',
  'search_entries.path',
  'search_entries.title_ru',
  'search_entries.title_en',
  'search_entries.summary_ru',
  'search_entries.summary_en',
  'search_entries.body_ru',
  'search_entries.body_en',
  'search_entries.image_asset_id',
  'search_entries.sort_title_ru',
  'search_entries.sort_title_en',
  'search_entries.sort_year',
  'search_entries.sort_date',
  'museums.slug as museum_slug',
  'museums.name_ru as museum_name_ru',
  'museums.name_en as museum_name_en'
] as const;

const facetColumns = [
  'kind',
  'museum_id',
  'collection_id',
  'category',
  'material',
  'year_from',
  'year_to',
  'has_image'
] as const;

const rowsPerStatement = 200;

/** All SQL of the search index. */
export class SearchRepository {
  private readonly text: FullText;

  constructor(
    private readonly db: Kysely<DB>,
    dialect: Dialect
  ) {
    this.text = fullText(dialect);
  }

  /** Writes entries (new or replacing the same kind and ref id) in one transaction. */
  async upsert(entries: EntryWrite[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < entries.length; i += rowsPerStatement) {
        const batch = entries.slice(i, i + rowsPerStatement);
        const rows = batch.map((e) => {
          const terms = this.text.column(e.title, e.body);
          return terms ? { ...e.values, terms } : e.values;
        });
        const written = await trx
          .insertInto('search_entries')
          .values(rows)
          .onConflict((oc) =>
            oc.columns(['kind', 'ref_id']).doUpdateSet((eb) => {
              const set: Record<string, unknown> = {};
              for (const column of Object.keys(rows[0] ?? {})) {
                if (column !== 'kind' && column !== 'ref_id')
                  set[column] = eb.ref(`excluded.${column}` as 'excluded.path');
              }
              return set;
            })
          )
          .returning(['id', 'kind', 'ref_id'])
          .execute();
        const idOf = new Map(written.map((w) => [`${w.kind}:${w.ref_id}`, w.id]));
        await this.text.write(
          trx,
          batch.map((e) => ({
            id: idOf.get(`${e.values.kind}:${e.values.ref_id}`) ?? 0,
            title: e.title,
            body: e.body
          }))
        );
      }
    });
  }

  async remove(kind: SearchKind, refIds: number[]): Promise<void> {
    if (refIds.length === 0) return;
    // On SQLite a trigger removes the terms with the row.
    await this.db
      .deleteFrom('search_entries')
      .where('kind', '=', kind)
      .where('ref_id', 'in', refIds)
      .execute();
  }

  /** Everything of one museum, e.g. when it is withdrawn from the site. */
  async removeMuseum(museumId: number): Promise<void> {
    await this.db.deleteFrom('search_entries').where('museum_id', '=', museumId).execute();
  }

  async count(kind?: SearchKind): Promise<number> {
    let query = this.db.selectFrom('search_entries').select((eb) => eb.fn.countAll().as('n'));
    if (kind) query = query.where('kind', '=', kind);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A page of entries in the order asked, starting after `after`, `limit` at most. */
  async page(filter: EntryFilter, order: EntryOrder, after: SortKey | null, limit: number) {
    const keys = this.sortKeys(filter, order);
    let query = this.db
      .selectFrom('search_entries')
      .leftJoin('museums', 'museums.id', 'search_entries.museum_id')
      .select(hitColumns)
      .select(keys.tier.as('tier'))
      .where((eb) => eb.and(this.conditions(filter)));
    if (after && after.length === keys.expressions.length) {
      const operator = sql.raw(keys.descending ? '<' : '>');
      query = query.where(
        sql<SqlBool>`(${sql.join(keys.expressions)}) ${operator} (${sql.join(after)})`
      );
    }
    const direction = keys.descending ? 'desc' : 'asc';
    for (const e of keys.expressions) query = query.orderBy(e, direction);
    const rows = await query.limit(limit).execute();
    return rows.map((row) => ({ ...row, key: keys.keyOf({ ...row, tier: Number(row.tier) }) }));
  }

  /**
   * The facet fields of at most `limit` matching entries, in no order: counting them is cheaper
   * in the application than six GROUP BYs, and the limit bounds a huge result's cost.
   */
  async facetRows(filter: EntryFilter, limit: number) {
    return this.db
      .selectFrom('search_entries')
      .select(facetColumns)
      .where((eb) => eb.and(this.conditions(filter)))
      .limit(limit)
      .execute();
  }

  async museumIdsBySlug(slugs: string[]): Promise<number[]> {
    if (slugs.length === 0) return [];
    const rows = await this.db
      .selectFrom('museums')
      .where('slug', 'in', slugs)
      .where('publication', '=', 'published')
      .select('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Collections by id with their museum, for the collection facet. */
  async collectionNames(ids: number[]) {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('collections')
      .where('id', 'in', ids)
      .select(['id', 'title_ru', 'title_en'])
      .execute();
  }

  async museumNames(ids: number[]) {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('museums')
      .where('id', 'in', ids)
      .select(['id', 'slug', 'name_ru', 'name_en'])
      .execute();
  }

  /** What a museum's search entry is made of: published museums, all or some. */
  async publishedMuseums(ids?: number[]) {
    let query = this.db
      .selectFrom('museums')
      .leftJoin('settlements', 'settlements.id', 'museums.settlement_id')
      .leftJoin('districts', 'districts.id', 'settlements.district_id')
      .where('museums.publication', '=', 'published')
      .select((eb) => [
        'museums.id',
        'museums.slug',
        'museums.profile',
        'museums.name_ru',
        'museums.name_en',
        'museums.short_name_ru',
        'museums.short_name_en',
        'museums.summary_ru',
        'museums.summary_en',
        'museums.about_ru',
        'museums.about_en',
        'museums.address_ru',
        'museums.address_en',
        'settlements.name_ru as settlement_ru',
        'settlements.name_en as settlement_en',
        'districts.name_ru as district_ru',
        'districts.name_en as district_en',
        eb
          .selectFrom('museum_photos')
          .innerJoin('media_assets', 'media_assets.id', 'museum_photos.asset_id')
          .whereRef('museum_photos.museum_id', '=', 'museums.id')
          .where('media_assets.status', '=', 'ready')
          .select('museum_photos.asset_id')
          .orderBy('museum_photos.position')
          .limit(1)
          .as('photo_id')
      ])
      .orderBy('museums.id');
    if (ids) query = query.where('museums.id', 'in', ids.length ? ids : [0]);
    return query.execute();
  }

  private conditions(filter: EntryFilter): Expression<SqlBool>[] {
    const c: Expression<SqlBool>[] = [];
    const e = (column: string, values: readonly (string | number)[] | undefined) => {
      if (values?.length) c.push(sql<SqlBool>`${sql.ref(column)} IN (${sql.join(values)})`);
    };
    if (filter.terms.length) c.push(this.text.matches(filter.terms, 'anywhere'));
    e('search_entries.kind', filter.kinds);
    e('search_entries.museum_id', filter.museumIds);
    e('search_entries.collection_id', filter.collections);
    e('search_entries.category', filter.categories);
    e('search_entries.material', filter.materials);
    // Objects whose year range overlaps the period asked.
    if (filter.yearFrom != null)
      c.push(
        sql<SqlBool>`coalesce(search_entries.year_to, search_entries.year_from) >= ${filter.yearFrom}`
      );
    if (filter.yearTo != null)
      c.push(
        sql<SqlBool>`coalesce(search_entries.year_from, search_entries.year_to) <= ${filter.yearTo}`
      );
    if (filter.hasImage != null)
      c.push(sql<SqlBool>`search_entries.has_image = ${filter.hasImage ? 1 : 0}`);
    return c;
  }

  /**
   * The sort key, unique thanks to the id at its end, so a page starts exactly after the last
   * row of the one before (keyset paging: as fast on page 1,000 as on page 1). Relevance is a
   * title match first, then the title's order — the same on both dialects, which their own
   * rankings (bm25, ts_rank) would not be.
   */
  private sortKeys(filter: EntryFilter, order: EntryOrder) {
    type Row = { id: number; tier: number; sort_year: number; sort_date: number } & Record<
      'sort_title_ru' | 'sort_title_en',
      string
    >;
    const titleColumn = `sort_title_${order.locale}` as const;
    const title = sql.ref(`search_entries.${titleColumn}`);
    const id = sql.ref('search_entries.id');
    const relevance = order.sort === 'relevance' && filter.terms.length > 0;
    const tier = relevance
      ? sql<number>`(CASE WHEN ${this.text.matches(filter.terms, 'title')} THEN 0 ELSE 1 END)`
      : sql<number>`0`;
    const byTitle = {
      expressions: [title, id],
      descending: false,
      keyOf: (r: Row): SortKey => [r[titleColumn], r.id]
    };
    switch (order.sort) {
      case 'relevance':
        if (!relevance) return { ...byTitle, tier };
        return {
          tier,
          expressions: [tier, title, id],
          descending: false,
          keyOf: (r: Row): SortKey => [r.tier, r[titleColumn], r.id]
        };
      case 'title':
        return { ...byTitle, tier };
      case 'year':
        return {
          tier,
          expressions: [sql.ref('search_entries.sort_year'), id],
          descending: false,
          keyOf: (r: Row): SortKey => [r.sort_year, r.id]
        };
      case 'newest':
        return {
          tier,
          expressions: [sql.ref('search_entries.sort_date'), id],
          descending: true,
          keyOf: (r: Row): SortKey => [r.sort_date, r.id]
        };
    }
  }
}
