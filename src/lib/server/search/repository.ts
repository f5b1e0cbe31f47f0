import {
  sql,
  type Expression,
  type Insertable,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool
} from 'kysely';
import type { Dialect } from '../db/connection';
import type { DB, SearchEntriesTable } from '../db/schema';
import { facetWordGroups, facetWords } from './facet-tokens';
import { fullText, type FullText } from './full-text';
import type { SearchKind, SearchQuery, SearchSort } from './types';

export type EntryValues = Omit<
  Insertable<SearchEntriesTable>,
  'terms' | 'title_terms' | 'body_terms'
>;

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
/** PostgreSQL: a relevance tier walked over this many ids without filling its page is collected. */
const walkRows = 5000;

/** All SQL of the search index. */
export class SearchRepository {
  private readonly text: FullText;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect
  ) {
    this.text = fullText(dialect);
  }

  /** Writes entries (new or replacing the same kind and ref id) in one transaction. */
  async upsert(entries: EntryWrite[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < entries.length; i += rowsPerStatement) {
        const batch = entries.slice(i, i + rowsPerStatement);
        const rows = batch.map((e) => ({
          ...e.values,
          ...this.text.columns(e.title, e.body, facetWords(e.values))
        }));
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
            body: e.body,
            facets: facetWords(e.values)
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
    if (order.sort === 'relevance' && filter.terms.length > 0)
      return this.relevancePage(filter, after, limit);
    const keys = this.sortKeys(order);
    let query = this.hits(this.db.selectFrom('search_entries'), this.conditions(filter));
    if (after && after.length === keys.expressions.length) {
      const operator = sql.raw(keys.descending ? '<' : '>');
      query = query.where(
        sql<SqlBool>`(${sql.join(keys.expressions)}) ${operator} (${sql.join(after)})`
      );
    }
    const direction = keys.descending ? 'desc' : 'asc';
    for (const e of keys.expressions) query = query.orderBy(e, direction);
    const rows = await query.limit(limit).execute();
    return rows.map((row) => ({ ...row, key: keys.keyOf(row) }));
  }

  /**
   * Relevance: the entries with every word in the title first, then those with them elsewhere,
   * each tier in the index's own order (by id: museums and exhibitions, indexed first, before
   * exhibits). Each tier is a query of its own with its own limit, which both databases answer
   * by walking their term index in id order and stopping at the page's end; ordering the
   * matches by title would read and sort every one of them, and a common word matches 160,000
   * of a million. The key is [tier, id].
   */
  private async relevancePage(filter: EntryFilter, after: SortKey | null, limit: number) {
    const [tierKey, idKey] = after?.length === 2 ? after : [];
    const afterTier = tierKey === 1 ? 1 : 0;
    const afterId = typeof idKey === 'number' ? idKey : 0;
    const rows = [];
    for (const tier of [0, 1] as const) {
      if (tier < afterTier || rows.length >= limit) continue;
      const from = tier === afterTier ? afterId : 0;
      const found = await this.tierRows(filter, tier, from, limit - rows.length);
      rows.push(...found.map((row) => ({ ...row, key: [tier, row.id] as SortKey })));
    }
    return rows;
  }

  /** One relevance tier's entries after the id `after`, in id order, `limit` at most. */
  private async tierRows(filter: EntryFilter, tier: 0 | 1, after: number, limit: number) {
    const where = tier === 0 ? 'title' : 'elsewhere';
    const others = this.conditions({ ...filter, terms: [] });
    const matching = (db: Kysely<DB>) => {
      const query = this.text.within(db, filter.terms, where, facetWordGroups(filter));
      return after ? query.where(this.text.order, '>', after) : query;
    };
    if (this.dialect === 'sqlite')
      return this.hits(matching(this.db), others).orderBy(this.text.order).limit(limit).execute();
    // PostgreSQL chooses between walking the ids until the page is full (right when the tier
    // is large) and collecting the tier's matches from the GIN index (right when it is small)
    // by its estimate, and a word it has no statistics for (a place name in the title tier) is
    // taken for thousands of entries: the walk then reads the whole table to find none. So the
    // walk goes first, over the next `walkRows` ids at most; when they do not fill the page the
    // tier is sparse, and its matches are collected from the index and sorted.
    return this.db.transaction().execute(async (trx) => {
      // set_config(…, true) is SET LOCAL, two settings in one round trip.
      await sql`SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)`.execute(
        trx
      );
      // Ids go up by one mostly; a gap only makes the walk shorter.
      const walked = await this.hits(matching(trx), [
        ...others,
        sql<SqlBool>`search_entries.id <= ${after + walkRows}`
      ])
        .orderBy(this.text.order)
        .limit(limit)
        .execute();
      if (walked.length === limit) return walked;
      await sql`SELECT set_config('enable_bitmapscan', 'on', true), set_config('enable_indexscan', 'off', true)`.execute(
        trx
      );
      return this.hits(matching(trx), others).orderBy(this.text.order).limit(limit).execute();
    });
  }

  private hits<O>(
    query: SelectQueryBuilder<DB, 'search_entries', O>,
    conditions: Expression<SqlBool>[]
  ) {
    return query
      .leftJoin('museums', 'museums.id', 'search_entries.museum_id')
      .select(hitColumns)
      .where((eb) => eb.and(conditions));
  }

  /**
   * The facet fields of at most `limit` matching entries, in no order: counting them is cheaper
   * in the application than six GROUP BYs, and the limit bounds a huge result's cost. The term
   * index drives the query, so it stops after `limit` matches.
   */
  async facetRows(filter: EntryFilter, limit: number) {
    const query = filter.terms.length
      ? this.text.within(this.db, filter.terms, 'anywhere', facetWordGroups(filter))
      : this.db.selectFrom('search_entries');
    return query
      .select(facetColumns.map((c) => `search_entries.${c}` as const))
      .where((eb) => eb.and(this.conditions({ ...filter, terms: [] })))
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
   * The sort key of browse and of the explicit sorts, unique thanks to the id at its end, so a
   * page starts exactly after the last row of the one before (keyset paging: as fast on page
   * 1,000 as on page 1). Titles compare by code point on both dialects.
   */
  private sortKeys(order: EntryOrder) {
    type Row = { id: number; sort_year: number; sort_date: number } & Record<
      'sort_title_ru' | 'sort_title_en',
      string
    >;
    const titleColumn = `sort_title_${order.locale}` as const;
    const id = sql.ref('search_entries.id');
    switch (order.sort) {
      case 'relevance':
      case 'title':
        return {
          expressions: [sql.ref(`search_entries.${titleColumn}`), id],
          descending: false,
          keyOf: (r: Row): SortKey => [r[titleColumn], r.id]
        };
      case 'year':
        return {
          expressions: [sql.ref('search_entries.sort_year'), id],
          descending: false,
          keyOf: (r: Row): SortKey => [r.sort_year, r.id]
        };
      case 'newest':
        return {
          expressions: [sql.ref('search_entries.sort_date'), id],
          descending: true,
          keyOf: (r: Row): SortKey => [r.sort_date, r.id]
        };
    }
  }
}
