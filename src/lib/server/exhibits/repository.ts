import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import { RevisionStore } from '../content/revision-store';
import type { VersionStore } from '../content/versions';
import {
  collectionInput,
  exhibitInput,
  type CollectionRecord,
  type ExhibitOrigin,
  type ExhibitRecord
} from '$lib/shared/exhibit';

type Title = { ru: string; en: string };

/** SQL for exhibits, their versions, the files they use, and the museum's collections. */
export class ExhibitRepository implements VersionStore<ExhibitRecord> {
  /** The exhibit's versions: one open (draft or review) at a time, the published ones kept. */
  readonly revisions: RevisionStore<ExhibitRecord>;

  constructor(private readonly db: Kysely<DB>) {
    this.revisions = new RevisionStore(db, 'exhibit_revisions', 'exhibit_id', exhibitInput);
  }

  /** A page of a museum's exhibits for staff, newest first, below the last id shown. */
  async list(museumId: number, options: { after?: number; limit: number; q?: string }) {
    let query = this.db
      .selectFrom('exhibits')
      .leftJoin('exhibit_revisions as open', (join) =>
        join
          .onRef('open.exhibit_id', '=', 'exhibits.id')
          .on('open.status', 'in', ['draft', 'review'])
      )
      .where('exhibits.museum_id', '=', museumId)
      .select([
        'exhibits.id',
        'exhibits.inventory_number',
        'exhibits.origin',
        'exhibits.title_ru',
        'exhibits.title_en',
        'exhibits.published_at',
        'exhibits.updated_at',
        'open.status as open_status'
      ])
      .orderBy('exhibits.id', 'desc')
      .limit(options.limit);
    if (options.after) query = query.where('exhibits.id', '<', options.after);
    const q = options.q?.trim().toLowerCase();
    if (q) {
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(sql`lower(exhibits.inventory_number)`, 'like', sql`${like} escape '\\'`),
          eb(sql`lower(exhibits.title_ru)`, 'like', sql`${like} escape '\\'`),
          eb(sql`lower(exhibits.title_en)`, 'like', sql`${like} escape '\\'`)
        ])
      );
    }
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      inventoryNumber: row.inventory_number,
      origin: row.origin,
      title: { ru: row.title_ru, en: row.title_en },
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
      open: row.open_status
    }));
  }

  /** A new exhibit with nothing published; null when the museum already has this inventory number. */
  async create(
    museumId: number,
    inventoryNumber: string,
    title: Title,
    origin: ExhibitOrigin
  ): Promise<number | null> {
    const inserted = await this.db
      .insertInto('exhibits')
      .values({
        museum_id: museumId,
        inventory_number: inventoryNumber,
        title_ru: title.ru,
        title_en: title.en,
        origin
      })
      .onConflict((oc) => oc.columns(['museum_id', 'inventory_number']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted?.id ?? null;
  }

  async find(museumId: number, exhibitId: number) {
    const row = await this.db
      .selectFrom('exhibits')
      .where('museum_id', '=', museumId)
      .where('id', '=', exhibitId)
      .select([
        'id',
        'museum_id',
        'inventory_number',
        'origin',
        'title_ru',
        'title_en',
        'published'
      ])
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          museumId: row.museum_id,
          inventoryNumber: row.inventory_number,
          origin: row.origin,
          title: { ru: row.title_ru, en: row.title_en },
          published: row.published === null ? null : decodeRecord(row.published)
        }
      : undefined;
  }

  /** The ids of a museum's exhibits with these inventory numbers (an import's key). */
  async idsByInventory(museumId: number, numbers: string[]): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (let i = 0; i < numbers.length; i += 500) {
      const rows = await this.db
        .selectFrom('exhibits')
        .where('museum_id', '=', museumId)
        .where('inventory_number', 'in', numbers.slice(i, i + 500))
        .select(['id', 'inventory_number'])
        .execute();
      for (const row of rows) found.set(row.inventory_number, row.id);
    }
    return found;
  }

  /** Which of these ids are exhibits of the museum. */
  async existing(museumId: number, ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('exhibits')
      .where('museum_id', '=', museumId)
      .where('id', 'in', ids)
      .select('id')
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  /** Numbers and titles of the museum's exhibits among these ids, in the order asked. */
  async labels(museumId: number, ids: number[]) {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('exhibits')
      .where('museum_id', '=', museumId)
      .where('id', 'in', ids)
      .select(['id', 'inventory_number', 'title_ru', 'title_en'])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row
        ? [
            {
              id,
              inventoryNumber: row.inventory_number,
              title: { ru: row.title_ru, en: row.title_en }
            }
          ]
        : [];
    });
  }

  /** Whether another exhibit of the museum already has this inventory number. */
  async inventoryTaken(museumId: number, inventoryNumber: string, exceptId: number) {
    const row = await this.db
      .selectFrom('exhibits')
      .where('museum_id', '=', museumId)
      .where('inventory_number', '=', inventoryNumber)
      .where('id', '!=', exceptId)
      .select('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async saved(exhibitId: number, record: ExhibitRecord, now: string) {
    await this.db
      .updateTable('exhibits')
      .set({
        inventory_number: record.inventoryNumber,
        title_ru: record.title.ru,
        title_en: record.title.en,
        updated_at: now
      })
      .where('id', '=', exhibitId)
      .execute();
    await this.listAssets(exhibitId, 'open', record.media);
  }

  async publish(exhibitId: number, record: ExhibitRecord, now: string) {
    await this.db
      .updateTable('exhibits')
      .set({
        inventory_number: record.inventoryNumber,
        title_ru: record.title.ru,
        title_en: record.title.en,
        published: writeJson(record),
        published_at: now,
        updated_at: now
      })
      .where('id', '=', exhibitId)
      .execute();
    await this.listAssets(exhibitId, 'published', record.media);
    await this.listAssets(exhibitId, 'open', []);
  }

  private async listAssets(exhibitId: number, version: 'published' | 'open', assetIds: number[]) {
    await this.db
      .deleteFrom('exhibit_assets')
      .where('exhibit_id', '=', exhibitId)
      .where('version', '=', version)
      .execute();
    const unique = [...new Set(assetIds)];
    if (unique.length > 0)
      await this.db
        .insertInto('exhibit_assets')
        .values(unique.map((asset_id) => ({ exhibit_id: exhibitId, asset_id, version })))
        .execute();
  }

  /** The exhibits whose published record or open version use a file, for "where used". */
  async usagesOf(assetId: number) {
    return this.db
      .selectFrom('exhibit_assets')
      .innerJoin('exhibits', 'exhibits.id', 'exhibit_assets.exhibit_id')
      .where('exhibit_assets.asset_id', '=', assetId)
      .select([
        'exhibits.id',
        'exhibits.museum_id',
        'exhibits.inventory_number',
        'exhibits.title_ru',
        'exhibits.title_en',
        'exhibit_assets.version'
      ])
      .orderBy('exhibits.id')
      .execute();
  }

  /** A published exhibit with its museum, for visitors. */
  async published(museumSlug: string, exhibitId: number) {
    const row = await this.db
      .selectFrom('exhibits')
      .innerJoin('museums', 'museums.id', 'exhibits.museum_id')
      .where('museums.slug', '=', museumSlug)
      .where('exhibits.id', '=', exhibitId)
      .where('exhibits.published', 'is not', null)
      .select([
        'exhibits.id',
        'exhibits.museum_id',
        'exhibits.origin',
        'exhibits.published',
        'exhibits.published_at',
        'museums.slug as museum_slug',
        'museums.name_ru',
        'museums.name_en',
        'museums.address_ru',
        'museums.address_en'
      ])
      .executeTakeFirst();
    if (!row || row.published === null) return undefined;
    return {
      id: row.id,
      museumId: row.museum_id,
      origin: row.origin,
      publishedAt: row.published_at,
      museum: {
        slug: row.museum_slug,
        name: { ru: row.name_ru, en: row.name_en },
        address: { ru: row.address_ru, en: row.address_en }
      },
      record: decodeRecord(row.published)
    };
  }

  /** Published exhibits of a museum among these ids, in the order asked. */
  async publishedAmong(museumId: number, ids: number[]) {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('exhibits')
      .where('museum_id', '=', museumId)
      .where('id', 'in', ids)
      .where('published', 'is not', null)
      .select(['id', 'published'])
      .execute();
    const byId = new Map(
      rows.flatMap((r) => (r.published === null ? [] : [[r.id, decodeRecord(r.published)]]))
    );
    return ids.flatMap((id) => {
      const record = byId.get(id);
      return record ? [{ id, record }] : [];
    });
  }

  /** A published exhibit by id with its museum's slug, for the search index. */
  async publishedById(exhibitId: number) {
    const [found] = decodePublished(
      await this.publishedQuery().where('exhibits.id', '=', exhibitId).execute()
    );
    return found;
  }

  /** Published exhibits among these ids with their museum's slug, for the search index. */
  async publishedByIds(ids: number[]) {
    if (ids.length === 0) return [];
    return decodePublished(await this.publishedQuery().where('exhibits.id', 'in', ids).execute());
  }

  /** Every published exhibit, a batch at a time, for (re)indexing. */
  async *allPublished(batch = 1000) {
    let after = 0;
    for (;;) {
      const rows = await this.publishedQuery()
        .where('exhibits.id', '>', after)
        .orderBy('exhibits.id')
        .limit(batch)
        .execute();
      if (rows.length === 0) return;
      yield decodePublished(rows);
      after = rows.at(-1)?.id ?? after;
    }
  }

  private publishedQuery() {
    return this.db
      .selectFrom('exhibits')
      .innerJoin('museums', 'museums.id', 'exhibits.museum_id')
      .where('exhibits.published', 'is not', null)
      .select([
        'exhibits.id',
        'exhibits.museum_id',
        'exhibits.published',
        'museums.slug as museum_slug'
      ]);
  }

  /** Versions submitted for review in these museums, newest first, for the staff dashboard. */
  async waitingForReview(museums: number[] | 'all') {
    if (museums !== 'all' && museums.length === 0) return [];
    let query = this.db
      .selectFrom('exhibit_revisions')
      .innerJoin('exhibits', 'exhibits.id', 'exhibit_revisions.exhibit_id')
      .leftJoin('users as author', 'author.id', 'exhibit_revisions.author_id')
      .where('exhibit_revisions.status', '=', 'review')
      .select([
        'exhibit_revisions.id',
        'exhibit_revisions.exhibit_id',
        'exhibits.museum_id',
        'exhibits.inventory_number',
        'exhibits.title_ru',
        'exhibits.title_en',
        'exhibit_revisions.updated_at',
        'author.name as author'
      ])
      .orderBy('exhibit_revisions.updated_at', 'desc');
    if (museums !== 'all') query = query.where('exhibits.museum_id', 'in', museums);
    return query.execute();
  }

  /** The museum's header (for previews and citations). */
  async museumOf(museumId: number) {
    return this.db
      .selectFrom('museums')
      .where('id', '=', museumId)
      .select(['slug', 'name_ru', 'name_en', 'address_ru', 'address_en'])
      .executeTakeFirst();
  }

  async collections(museumId: number) {
    const rows = await this.db
      .selectFrom('collections')
      .where('museum_id', '=', museumId)
      .selectAll()
      .orderBy('title_ru')
      .execute();
    return rows.map(decodeCollection);
  }

  /** A museum's collections by the museum's address, for its public pages. */
  async collectionsOfMuseum(museumSlug: string) {
    const rows = await this.db
      .selectFrom('collections')
      .innerJoin('museums', 'museums.id', 'collections.museum_id')
      .where('museums.slug', '=', museumSlug)
      .selectAll('collections')
      .orderBy('collections.title_ru')
      .execute();
    return rows.map(decodeCollection);
  }

  async collectionBySlug(museumSlug: string, collectionSlug: string) {
    const row = await this.db
      .selectFrom('collections')
      .innerJoin('museums', 'museums.id', 'collections.museum_id')
      .where('museums.slug', '=', museumSlug)
      .where('collections.slug', '=', collectionSlug)
      .selectAll('collections')
      .executeTakeFirst();
    return row ? decodeCollection(row) : undefined;
  }

  /** A new collection; null when the museum already has one at this slug. */
  async createCollection(museumId: number, record: CollectionRecord): Promise<number | null> {
    const inserted = await this.db
      .insertInto('collections')
      .values({ museum_id: museumId, ...collectionColumns(record) })
      .onConflict((oc) => oc.columns(['museum_id', 'slug']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted?.id ?? null;
  }

  /** False when another collection of the museum has the slug. */
  async updateCollection(
    museumId: number,
    id: number,
    record: CollectionRecord,
    now: string
  ): Promise<boolean> {
    const clash = await this.db
      .selectFrom('collections')
      .where('museum_id', '=', museumId)
      .where('slug', '=', record.slug)
      .where('id', '!=', id)
      .select('id')
      .executeTakeFirst();
    if (clash) return false;
    await this.db
      .updateTable('collections')
      .set({ ...collectionColumns(record), updated_at: now })
      .where('museum_id', '=', museumId)
      .where('id', '=', id)
      .execute();
    return true;
  }
}

/** Parsed, not cast: a version written by an older schema still reads safely. */
function decodeRecord(value: unknown): ExhibitRecord {
  return exhibitInput.parse(readJson(value));
}

function collectionColumns(record: CollectionRecord) {
  return {
    slug: record.slug,
    title_ru: record.title.ru,
    title_en: record.title.en,
    description_ru: record.description.ru,
    description_en: record.description.en,
    cover_asset_id: record.coverAssetId ?? null
  };
}

function decodePublished(
  rows: { id: number; museum_id: number; published: unknown; museum_slug: string }[]
) {
  return rows.flatMap((r) =>
    r.published === null
      ? []
      : [
          {
            id: r.id,
            museumId: r.museum_id,
            museumSlug: r.museum_slug,
            record: decodeRecord(r.published)
          }
        ]
  );
}

function decodeCollection(row: {
  id: number;
  museum_id: number;
  slug: string;
  title_ru: string;
  title_en: string;
  description_ru: string;
  description_en: string;
  cover_asset_id: number | null;
}) {
  const record = collectionInput.parse({
    slug: row.slug,
    title: { ru: row.title_ru, en: row.title_en },
    description: { ru: row.description_ru, en: row.description_en },
    coverAssetId: row.cover_asset_id
  });
  return { id: row.id, museumId: row.museum_id, ...record };
}
