import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import { RevisionStore } from '../content/revision-store';
import type { VersionStore } from '../content/versions';
import { tourInput, type TourRecord } from '$lib/shared/tour';
import type { Localized } from '../media/types';

/** SQL for tours and the versions of them people saved. */
export class TourRepository implements VersionStore<TourRecord> {
  /** The tour's versions: one open (draft or review) at a time, the published ones kept. */
  readonly revisions: RevisionStore<TourRecord>;

  constructor(private readonly db: Kysely<DB>) {
    this.revisions = new RevisionStore(db, 'tour_revisions', 'tour_id', tourInput);
  }

  /** A museum's tours for the staff list, with the state of the version being worked on. */
  async list(museumId: number) {
    const rows = await this.db
      .selectFrom('tours')
      .leftJoin('tour_revisions as open', (join) =>
        join.onRef('open.tour_id', '=', 'tours.id').on('open.status', 'in', ['draft', 'review'])
      )
      .where('tours.museum_id', '=', museumId)
      .where('tours.deleted_at', 'is', null)
      .select([
        'tours.id',
        'tours.slug',
        'tours.title_ru',
        'tours.title_en',
        'tours.published_at',
        'tours.updated_at',
        'open.status as open_status'
      ])
      .orderBy('tours.title_ru')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: { ru: row.title_ru, en: row.title_en },
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
      open: row.open_status
    }));
  }

  /** A new tour with nothing published; null when the museum already has a tour at this slug. */
  async create(museumId: number, slug: string, title: Localized): Promise<number | null> {
    const inserted = await this.db
      .insertInto('tours')
      .values({ museum_id: museumId, slug, title_ru: title.ru, title_en: title.en })
      .onConflict((oc) => oc.columns(['museum_id', 'slug']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted?.id ?? null;
  }

  /** A tour that is not deleted. */
  async find(museumId: number, tourId: number) {
    const row = await this.db
      .selectFrom('tours')
      .where('museum_id', '=', museumId)
      .where('id', '=', tourId)
      .where('deleted_at', 'is', null)
      .select(['id', 'museum_id', 'slug', 'title_ru', 'title_en', 'published'])
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          museumId: row.museum_id,
          slug: row.slug,
          title: { ru: row.title_ru, en: row.title_en },
          published: row.published === null ? null : decodeRecord(row.published)
        }
      : undefined;
  }

  /** The working title follows the latest saved version. */
  async retitle(tourId: number, title: Localized, now: string) {
    await this.db
      .updateTable('tours')
      .set({ title_ru: title.ru, title_en: title.en, updated_at: now })
      .where('id', '=', tourId)
      .execute();
  }

  /** A version was saved without publishing: the staff list's title follows it. */
  async saved(tourId: number, record: TourRecord, now: string) {
    await this.retitle(tourId, record.title, now);
  }

  async publish(tourId: number, record: TourRecord, now: string) {
    await this.db
      .updateTable('tours')
      .set({
        published: writeJson(record),
        published_at: now,
        updated_at: now,
        title_ru: record.title.ru,
        title_en: record.title.en
      })
      .where('id', '=', tourId)
      .execute();
  }

  /** A published tour with its museum, for visitors. */
  async publishedBySlug(museumSlug: string, tourSlug: string) {
    const row = await this.db
      .selectFrom('tours')
      .innerJoin('museums', 'museums.id', 'tours.museum_id')
      .where('museums.slug', '=', museumSlug)
      .where('tours.slug', '=', tourSlug)
      .where('tours.published', 'is not', null)
      .where('tours.deleted_at', 'is', null)
      .select([
        'tours.id',
        'tours.museum_id',
        'tours.published',
        'museums.slug as museum_slug',
        'museums.name_ru',
        'museums.name_en'
      ])
      .executeTakeFirst();
    if (!row || row.published === null) return undefined;
    return {
      id: row.id,
      museumId: row.museum_id,
      museum: { slug: row.museum_slug, name: { ru: row.name_ru, en: row.name_en } },
      record: decodeRecord(row.published)
    };
  }

  /** A museum's published tours, for its public page. */
  async publishedOf(museumSlug: string) {
    const rows = await this.db
      .selectFrom('tours')
      .innerJoin('museums', 'museums.id', 'tours.museum_id')
      .where('museums.slug', '=', museumSlug)
      .where('tours.published', 'is not', null)
      .where('tours.deleted_at', 'is', null)
      .select(['tours.id', 'tours.museum_id', 'tours.published'])
      .orderBy('tours.id')
      .execute();
    return rows.flatMap((row) =>
      row.published === null
        ? []
        : [{ id: row.id, museumId: row.museum_id, record: decodeRecord(row.published) }]
    );
  }

  /** Whether a museum's tour at this address was deleted: its page answers 410 Gone. */
  async deletedBySlug(museumSlug: string, tourSlug: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('tours')
      .innerJoin('museums', 'museums.id', 'tours.museum_id')
      .where('museums.slug', '=', museumSlug)
      .where('tours.slug', '=', tourSlug)
      .where('tours.deleted_at', 'is not', null)
      .select('tours.id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async markDeleted(tourId: number, userId: string, now: string) {
    await this.db
      .updateTable('tours')
      .set({ deleted_at: now, deleted_by: userId, updated_at: now })
      .where('id', '=', tourId)
      .where('deleted_at', 'is', null)
      .execute();
  }

  /** Brings back a tour deleted at or after `since`; false when there is none. */
  async restore(museumId: number, tourId: number, since: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('tours')
      .set({ deleted_at: null, deleted_by: null, updated_at: now })
      .where('museum_id', '=', museumId)
      .where('id', '=', tourId)
      .where('deleted_at', '>=', since)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** A museum's tours deleted at or after `since`, the latest first, with who deleted them. */
  async deletedSince(museumId: number, since: string) {
    const rows = await this.db
      .selectFrom('tours')
      .leftJoin('users', 'users.id', 'tours.deleted_by')
      .where('tours.museum_id', '=', museumId)
      .where('tours.deleted_at', '>=', since)
      .select([
        'tours.id',
        'tours.title_ru',
        'tours.title_en',
        'tours.deleted_at',
        'users.name as deleted_by'
      ])
      .orderBy('tours.deleted_at', 'desc')
      .execute();
    return rows.flatMap((row) =>
      row.deleted_at === null
        ? []
        : [
            {
              id: row.id,
              title: { ru: row.title_ru, en: row.title_en },
              deletedAt: row.deleted_at,
              deletedBy: row.deleted_by
            }
          ]
    );
  }

  /** Tours waiting for review in these museums (or all), for the staff dashboard. */
  async waitingForReview(museums: number[] | 'all') {
    if (museums !== 'all' && museums.length === 0) return [];
    let query = this.db
      .selectFrom('tour_revisions')
      .innerJoin('tours', 'tours.id', 'tour_revisions.tour_id')
      .leftJoin('users as author', 'author.id', 'tour_revisions.author_id')
      .where('tour_revisions.status', '=', 'review')
      .where('tours.deleted_at', 'is', null)
      .select([
        'tour_revisions.id',
        'tour_revisions.tour_id',
        'tours.museum_id',
        'tours.title_ru',
        'tours.title_en',
        'tour_revisions.updated_at',
        'author.name as author'
      ])
      .orderBy('tour_revisions.updated_at', 'desc');
    if (museums !== 'all') query = query.where('tours.museum_id', 'in', museums);
    return query.execute();
  }

  /** The museum's header for a preview. */
  async museumOf(museumId: number) {
    return this.db
      .selectFrom('museums')
      .where('id', '=', museumId)
      .select(['slug', 'name_ru', 'name_en'])
      .executeTakeFirst();
  }

  /** Every tour of a museum with its published record and its open version, for "where used". */
  async recordsOf(museumId: number) {
    const rows = await this.db
      .selectFrom('tours')
      .leftJoin('tour_revisions as open', (join) =>
        join.onRef('open.tour_id', '=', 'tours.id').on('open.status', 'in', ['draft', 'review'])
      )
      .where('tours.museum_id', '=', museumId)
      // A deleted tour holds no file: restored, it shows whatever is gone meanwhile as broken.
      .where('tours.deleted_at', 'is', null)
      .select(['tours.id', 'tours.title_ru', 'tours.title_en', 'tours.published', 'open.data'])
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: { ru: row.title_ru, en: row.title_en },
      published: row.published === null ? null : decodeRecord(row.published),
      open: row.data === null ? null : decodeRecord(row.data)
    }));
  }
}

/** Parsed, not cast: a version written by an older schema still reads safely. */
function decodeRecord(value: unknown): TourRecord {
  return tourInput.parse(readJson(value));
}
