import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import { RevisionStore } from '../content/revision-store';
import type { VersionStore } from '../content/versions';
import {
  exhibitionInput,
  type ExhibitionOrigin,
  type ExhibitionRecord
} from '$lib/shared/exhibition';

type Title = { ru: string; en: string };

/** SQL for online exhibitions and their versions. `museumId` null is the association. */
export class ExhibitionRepository implements VersionStore<ExhibitionRecord> {
  /** The exhibition's versions: one open (draft or review) at a time, the published ones kept. */
  readonly revisions: RevisionStore<ExhibitionRecord>;

  constructor(private readonly db: Kysely<DB>) {
    this.revisions = new RevisionStore(
      db,
      'exhibition_revisions',
      'exhibition_id',
      exhibitionInput
    );
  }

  private ofOwner(museumId: number | null) {
    const query = this.db.selectFrom('exhibitions');
    return museumId === null
      ? query.where('exhibitions.museum_id', 'is', null)
      : query.where('exhibitions.museum_id', '=', museumId);
  }

  /** An owner's exhibitions for the staff list, with the state of the version being worked on. */
  async list(museumId: number | null) {
    const rows = await this.ofOwner(museumId)
      .leftJoin('exhibition_revisions as open', (join) =>
        join
          .onRef('open.exhibition_id', '=', 'exhibitions.id')
          .on('open.status', 'in', ['draft', 'review'])
      )
      .select([
        'exhibitions.id',
        'exhibitions.slug',
        'exhibitions.origin',
        'exhibitions.title_ru',
        'exhibitions.title_en',
        'exhibitions.published_at',
        'exhibitions.updated_at',
        'open.status as open_status'
      ])
      .orderBy('exhibitions.id', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      origin: row.origin,
      title: { ru: row.title_ru, en: row.title_en },
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
      open: row.open_status
    }));
  }

  /** A new exhibition with nothing published; null when the owner already has one at this slug. */
  async create(
    museumId: number | null,
    slug: string,
    title: Title,
    origin: ExhibitionOrigin
  ): Promise<number | null> {
    const taken = await this.ofOwner(museumId)
      .where('slug', '=', slug)
      .select('id')
      .executeTakeFirst();
    if (taken) return null;
    const inserted = await this.db
      .insertInto('exhibitions')
      .values({ museum_id: museumId, slug, title_ru: title.ru, title_en: title.en, origin })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  async find(museumId: number | null, exhibitionId: number) {
    const row = await this.ofOwner(museumId)
      .where('id', '=', exhibitionId)
      .select(['id', 'museum_id', 'slug', 'origin', 'title_ru', 'title_en', 'published'])
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          museumId: row.museum_id,
          slug: row.slug,
          origin: row.origin,
          title: { ru: row.title_ru, en: row.title_en },
          published: row.published === null ? null : decodeRecord(row.published)
        }
      : undefined;
  }

  async saved(exhibitionId: number, record: ExhibitionRecord, now: string) {
    await this.db
      .updateTable('exhibitions')
      .set({ title_ru: record.title.ru, title_en: record.title.en, updated_at: now })
      .where('id', '=', exhibitionId)
      .execute();
  }

  async publish(exhibitionId: number, record: ExhibitionRecord, now: string) {
    await this.db
      .updateTable('exhibitions')
      .set({
        title_ru: record.title.ru,
        title_en: record.title.en,
        published: writeJson(record),
        published_at: now,
        updated_at: now
      })
      .where('id', '=', exhibitionId)
      .execute();
  }

  private publishedQuery() {
    return this.db
      .selectFrom('exhibitions')
      .leftJoin('museums', 'museums.id', 'exhibitions.museum_id')
      .where('exhibitions.published', 'is not', null)
      .select([
        'exhibitions.id',
        'exhibitions.museum_id',
        'exhibitions.origin',
        'exhibitions.published',
        'exhibitions.published_at',
        'museums.slug as museum_slug',
        'museums.name_ru',
        'museums.name_en'
      ]);
  }

  /** A published exhibition, by its museum's slug (null: the association's) and its own. */
  async publishedBySlug(museumSlug: string | null, slug: string) {
    let query = this.publishedQuery().where('exhibitions.slug', '=', slug);
    query =
      museumSlug === null
        ? query.where('exhibitions.museum_id', 'is', null)
        : query.where('museums.slug', '=', museumSlug);
    const [found] = decodePublished(await query.execute());
    return found;
  }

  /** An owner's published exhibitions, newest first, for its public page. */
  async publishedOf(museumSlug: string | null) {
    let query = this.publishedQuery().orderBy('exhibitions.published_at', 'desc');
    query =
      museumSlug === null
        ? query.where('exhibitions.museum_id', 'is', null)
        : query.where('museums.slug', '=', museumSlug);
    return decodePublished(await query.execute());
  }

  /** A published exhibition by id, for the search index. */
  async publishedById(exhibitionId: number) {
    const [found] = decodePublished(
      await this.publishedQuery().where('exhibitions.id', '=', exhibitionId).execute()
    );
    return found;
  }

  /** Every published exhibition, for (re)indexing: there are tens, not thousands. */
  async allPublished() {
    return decodePublished(await this.publishedQuery().orderBy('exhibitions.id').execute());
  }

  /**
   * The exhibitions that may show a museum's files (the museum's own and the association's),
   * with their published record and open version, for "where used".
   */
  async recordsUsingFilesOf(museumId: number) {
    const rows = await this.db
      .selectFrom('exhibitions')
      .leftJoin('exhibition_revisions as open', (join) =>
        join
          .onRef('open.exhibition_id', '=', 'exhibitions.id')
          .on('open.status', 'in', ['draft', 'review'])
      )
      .where((eb) =>
        eb.or([eb('exhibitions.museum_id', '=', museumId), eb('exhibitions.museum_id', 'is', null)])
      )
      .select([
        'exhibitions.id',
        'exhibitions.museum_id',
        'exhibitions.title_ru',
        'exhibitions.title_en',
        'exhibitions.published',
        'open.data'
      ])
      .execute();
    return rows.map((row) => ({
      id: row.id,
      museumId: row.museum_id,
      title: { ru: row.title_ru, en: row.title_en },
      published: row.published === null ? null : decodeRecord(row.published),
      open: row.data === null ? null : decodeRecord(row.data)
    }));
  }

  /** The museum's header (for previews); undefined for the association. */
  async museumOf(museumId: number | null) {
    if (museumId === null) return undefined;
    const row = await this.db
      .selectFrom('museums')
      .where('id', '=', museumId)
      .select(['slug', 'name_ru', 'name_en'])
      .executeTakeFirst();
    return row ? { slug: row.slug, name: { ru: row.name_ru, en: row.name_en } } : undefined;
  }

  /**
   * Published exhibits among these ids with their museums: of one museum, or of any member
   * museum for the association's exhibitions.
   */
  async exhibitsAmong(museumId: number | null, ids: number[]) {
    if (ids.length === 0) return [];
    let query = this.db
      .selectFrom('exhibits')
      .innerJoin('museums', 'museums.id', 'exhibits.museum_id')
      .where('exhibits.id', 'in', ids)
      .where('exhibits.published', 'is not', null)
      .select([
        'exhibits.id',
        'exhibits.museum_id',
        'museums.slug',
        'museums.name_ru',
        'museums.name_en'
      ]);
    if (museumId !== null) query = query.where('exhibits.museum_id', '=', museumId);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      museum: { id: row.museum_id, slug: row.slug, name: { ru: row.name_ru, en: row.name_en } }
    }));
  }

  /** Which of these ids are exhibits (published or not) an owner's exhibition may show. */
  async existingExhibits(museumId: number | null, ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    let query = this.db.selectFrom('exhibits').where('id', 'in', ids).select('id');
    if (museumId !== null) query = query.where('museum_id', '=', museumId);
    return new Set((await query.execute()).map((r) => r.id));
  }
}

/** Parsed, not cast: a version written by an older schema still reads safely. */
function decodeRecord(value: unknown): ExhibitionRecord {
  return exhibitionInput.parse(readJson(value));
}

function decodePublished(
  rows: {
    id: number;
    museum_id: number | null;
    origin: ExhibitionOrigin;
    published: unknown;
    published_at: string | null;
    museum_slug: string | null;
    name_ru: string | null;
    name_en: string | null;
  }[]
) {
  return rows.flatMap((r) =>
    r.published === null
      ? []
      : [
          {
            id: r.id,
            museumId: r.museum_id,
            origin: r.origin,
            publishedAt: r.published_at,
            museum:
              r.museum_slug === null
                ? null
                : { slug: r.museum_slug, name: { ru: r.name_ru ?? '', en: r.name_en ?? '' } },
            record: decodeRecord(r.published)
          }
        ]
  );
}
