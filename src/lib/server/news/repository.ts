import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import { RevisionStore } from '../content/revision-store';
import type { VersionStore } from '../content/versions';
import { associationTimeZone } from '../auth/audit-lines';
import { newsInput, tagKey, type NewsOrigin, type NewsRecord } from '$lib/shared/news';

type Title = { ru: string; en: string };

/** The owner and filters of a list of published news; `museumSlug` null is the association's. */
export interface NewsFilter {
  museumSlug?: string | null;
  tag?: string | null;
}

/** Where a page of news starts: after the item published at `publishedAt` with this id. */
export interface NewsCursor {
  publishedAt: string;
  id: number;
}

/** What a scheduled publishing needs to know, read when its job runs. */
export interface NewsSchedule {
  at: string;
  revisionId: number;
  stamp: string;
  by: string | null;
}

/** The tags of a record as the `tags` column holds them: '|семинар|seminar|'. */
export function tagsColumn(record: NewsRecord): string {
  const keys = [...new Set(record.tags.flatMap((t) => [tagKey(t.ru), tagKey(t.en)]))];
  return keys.length > 0 ? `|${keys.join('|')}|` : '';
}

/** SQL for news and their versions. `museumId` null is the association. */
export class NewsRepository implements VersionStore<NewsRecord> {
  readonly revisions: RevisionStore<NewsRecord>;

  constructor(private readonly db: Kysely<DB>) {
    this.revisions = new RevisionStore(db, 'news_revisions', 'news_id', newsInput);
  }

  private ofOwner(museumId: number | null) {
    const query = this.db.selectFrom('news');
    return museumId === null
      ? query.where('news.museum_id', 'is', null)
      : query.where('news.museum_id', '=', museumId);
  }

  /** An owner's news for the staff list: the state of the open version and any schedule. */
  async list(museumId: number | null) {
    const rows = await this.ofOwner(museumId)
      .leftJoin('news_revisions as open', (join) =>
        join.onRef('open.news_id', '=', 'news.id').on('open.status', 'in', ['draft', 'review'])
      )
      .select([
        'news.id',
        'news.slug',
        'news.origin',
        'news.title_ru',
        'news.title_en',
        'news.published_at',
        'news.modified_at',
        'news.scheduled_at',
        'news.updated_at',
        'open.status as open_status'
      ])
      .orderBy('news.id', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      origin: row.origin,
      title: { ru: row.title_ru, en: row.title_en },
      publishedAt: row.published_at,
      modifiedAt: row.modified_at,
      scheduledAt: row.scheduled_at,
      updatedAt: row.updated_at,
      open: row.open_status
    }));
  }

  /** A new item with nothing published; null when the owner already has one at this slug. */
  async create(
    museumId: number | null,
    slug: string,
    title: Title,
    origin: NewsOrigin
  ): Promise<number | null> {
    const taken = await this.ofOwner(museumId)
      .where('slug', '=', slug)
      .select('id')
      .executeTakeFirst();
    if (taken) return null;
    const inserted = await this.db
      .insertInto('news')
      .values({ museum_id: museumId, slug, title_ru: title.ru, title_en: title.en, origin })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  async find(museumId: number | null, newsId: number) {
    const row = await this.ofOwner(museumId)
      .where('id', '=', newsId)
      .select([
        'id',
        'museum_id',
        'slug',
        'origin',
        'title_ru',
        'title_en',
        'published',
        'scheduled_at',
        'scheduled_revision_id',
        'scheduled_stamp',
        'scheduled_by'
      ])
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          museumId: row.museum_id,
          slug: row.slug,
          origin: row.origin,
          title: { ru: row.title_ru, en: row.title_en },
          published: row.published === null ? null : decodeRecord(row.published),
          schedule: scheduleOf(row)
        }
      : undefined;
  }

  /** The owner of an item, whoever owns it (the scheduled publishing's job knows only the id). */
  async ownerOf(newsId: number): Promise<{ museumId: number | null } | undefined> {
    const row = await this.db
      .selectFrom('news')
      .where('id', '=', newsId)
      .select('museum_id')
      .executeTakeFirst();
    return row ? { museumId: row.museum_id } : undefined;
  }

  async saved(newsId: number, record: NewsRecord, now: string) {
    await this.db
      .updateTable('news')
      .set({ title_ru: record.title.ru, title_en: record.title.en, updated_at: now })
      .where('id', '=', newsId)
      .execute();
  }

  /** Makes the record public; the date it first went public stays. */
  async publish(newsId: number, record: NewsRecord, now: string) {
    await this.db
      .updateTable('news')
      .set((eb) => ({
        title_ru: record.title.ru,
        title_en: record.title.en,
        published: writeJson(record),
        tags: tagsColumn(record),
        published_at: eb.fn.coalesce('published_at', eb.val(now)),
        modified_at: now,
        updated_at: now
      }))
      .where('id', '=', newsId)
      .execute();
  }

  /** Dates a published item as the source says it went public (the demo news from the seeds). */
  async dated(newsId: number, at: string) {
    await this.db
      .updateTable('news')
      .set({ published_at: at, modified_at: at })
      .where('id', '=', newsId)
      .execute();
  }

  async setSchedule(newsId: number, schedule: NewsSchedule) {
    await this.db
      .updateTable('news')
      .set({
        scheduled_at: schedule.at,
        scheduled_revision_id: schedule.revisionId,
        scheduled_stamp: schedule.stamp,
        scheduled_by: schedule.by
      })
      .where('id', '=', newsId)
      .execute();
  }

  /** Drops any schedule; true when there was one. */
  async clearSchedule(newsId: number): Promise<boolean> {
    const result = await this.db
      .updateTable('news')
      .set({
        scheduled_at: null,
        scheduled_revision_id: null,
        scheduled_stamp: null,
        scheduled_by: null
      })
      .where('id', '=', newsId)
      .where('scheduled_at', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Takes the schedule of this version for a job that is about to publish it: only one of two
   * runs of the same job gets it (the second finds it gone).
   */
  async claimSchedule(newsId: number, revisionId: number): Promise<boolean> {
    const result = await this.db
      .updateTable('news')
      .set({
        scheduled_at: null,
        scheduled_revision_id: null,
        scheduled_stamp: null,
        scheduled_by: null
      })
      .where('id', '=', newsId)
      .where('scheduled_revision_id', '=', revisionId)
      .where('scheduled_at', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  private publishedQuery() {
    return this.db
      .selectFrom('news')
      .leftJoin('museums', 'museums.id', 'news.museum_id')
      .where('news.published', 'is not', null)
      .select([
        'news.id',
        'news.museum_id',
        'news.origin',
        'news.published',
        'news.published_at',
        'news.modified_at',
        'museums.slug as museum_slug',
        'museums.name_ru',
        'museums.name_en',
        'museums.time_zone'
      ]);
  }

  /** A published item, by its museum's slug (null: the association's) and its own. */
  async publishedBySlug(museumSlug: string | null, slug: string) {
    let query = this.publishedQuery().where('news.slug', '=', slug);
    query =
      museumSlug === null
        ? query.where('news.museum_id', 'is', null)
        : query.where('museums.slug', '=', museumSlug);
    const [found] = decodePublished(await query.execute());
    return found;
  }

  /**
   * Published news, newest first, `limit` of them after the cursor (keyset: no page is slower
   * than the first). Filtered by owner (a museum's slug, null for the association's) and tag.
   */
  async publishedPage(filter: NewsFilter, limit: number, after: NewsCursor | null = null) {
    let query = this.publishedQuery()
      .orderBy('news.published_at', 'desc')
      .orderBy('news.id', 'desc')
      .limit(limit);
    if (filter.museumSlug === null) query = query.where('news.museum_id', 'is', null);
    else if (filter.museumSlug !== undefined)
      query = query.where('museums.slug', '=', filter.museumSlug);
    if (filter.tag)
      query = query.where('news.tags', 'like', `%|${escapeLike(tagKey(filter.tag))}|%`);
    if (after)
      query = query.where((eb) =>
        eb.or([
          eb('news.published_at', '<', after.publishedAt),
          eb.and([eb('news.published_at', '=', after.publishedAt), eb('news.id', '<', after.id)])
        ])
      );
    return decodePublished(await query.execute());
  }

  /** A published item by id, for the search index. */
  async publishedById(newsId: number) {
    const [found] = decodePublished(
      await this.publishedQuery().where('news.id', '=', newsId).execute()
    );
    return found;
  }

  /** Every published item, for (re)indexing. */
  async allPublished() {
    return decodePublished(await this.publishedQuery().orderBy('news.id').execute());
  }

  /** The tags of published news with how many carry each, for the filter. */
  async tagCounts(museumSlug?: string | null) {
    let query = this.publishedQuery();
    if (museumSlug === null) query = query.where('news.museum_id', 'is', null);
    else if (museumSlug !== undefined) query = query.where('museums.slug', '=', museumSlug);
    return decodePublished(await query.execute());
  }

  /** Museums that have published news, for the filter. */
  async museumsWithNews() {
    const rows = await this.db
      .selectFrom('news')
      .innerJoin('museums', 'museums.id', 'news.museum_id')
      .where('news.published', 'is not', null)
      .select(['museums.slug', 'museums.name_ru', 'museums.name_en'])
      .distinct()
      .orderBy('museums.slug')
      .execute();
    return rows.map((r) => ({ slug: r.slug, name: { ru: r.name_ru, en: r.name_en } }));
  }

  /** A published museum by slug (a museum's news pages and feed). */
  async museumBySlug(slug: string) {
    const row = await this.db
      .selectFrom('museums')
      .where('slug', '=', slug)
      .where('publication', '=', 'published')
      .select(['id', 'slug', 'name_ru', 'name_en'])
      .executeTakeFirst();
    return row
      ? { id: row.id, slug: row.slug, name: { ru: row.name_ru, en: row.name_en } }
      : undefined;
  }

  /**
   * Published projects a news item is about: those its record names and those whose own record
   * links it (project_news, written by the projects domain on publishing).
   */
  async projectsAbout(newsId: number, ids: number[]) {
    const rows = await this.db
      .selectFrom('projects')
      .leftJoin('museums', 'museums.id', 'projects.museum_id')
      .where('projects.published', 'is not', null)
      .where((eb) =>
        eb.or([
          ...(ids.length > 0 ? [eb('projects.id', 'in', ids)] : []),
          eb(
            'projects.id',
            'in',
            eb
              .selectFrom('project_news')
              .select('project_news.project_id')
              .where('news_id', '=', newsId)
          )
        ])
      )
      .select(['projects.id', 'projects.slug', 'projects.published', 'museums.slug as museum_slug'])
      .orderBy('projects.id')
      .execute();
    return rows.map((r) => {
      const title = (readJson(r.published) as { title?: Title } | null)?.title;
      return {
        id: r.id,
        slug: r.slug,
        museumSlug: r.museum_slug,
        title: { ru: title?.ru ?? '', en: title?.en ?? title?.ru ?? '' }
      };
    });
  }

  /** Published museums among these ids, for the "about" links. */
  async museumsAmong(ids: number[]) {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('museums')
      .where('id', 'in', ids)
      .where('publication', '=', 'published')
      .select(['id', 'slug', 'name_ru', 'name_en'])
      .execute();
    return rows.map((r) => ({ id: r.id, slug: r.slug, name: { ru: r.name_ru, en: r.name_en } }));
  }

  /** Every published member museum (the editor's choice of "about"). */
  async museumChoices() {
    const rows = await this.db
      .selectFrom('museums')
      .where('publication', '=', 'published')
      .select(['id', 'name_ru', 'name_en'])
      .orderBy('name_ru')
      .execute();
    return rows.map((r) => ({ id: r.id, name: { ru: r.name_ru, en: r.name_en } }));
  }

  /**
   * The news that may show a museum's files (the museum's own and the association's), with
   * their published record and open version, for "where used".
   */
  async recordsUsingFilesOf(museumId: number) {
    const rows = await this.db
      .selectFrom('news')
      .leftJoin('news_revisions as open', (join) =>
        join.onRef('open.news_id', '=', 'news.id').on('open.status', 'in', ['draft', 'review'])
      )
      .where((eb) => eb.or([eb('news.museum_id', '=', museumId), eb('news.museum_id', 'is', null)]))
      .select([
        'news.id',
        'news.museum_id',
        'news.title_ru',
        'news.title_en',
        'news.published',
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

  /** The owner's header and time zone; for the association, its zone only. */
  async museumOf(museumId: number | null) {
    if (museumId === null) return undefined;
    const row = await this.db
      .selectFrom('museums')
      .where('id', '=', museumId)
      .select(['slug', 'name_ru', 'name_en', 'time_zone'])
      .executeTakeFirst();
    return row
      ? { slug: row.slug, name: { ru: row.name_ru, en: row.name_en }, timeZone: row.time_zone }
      : undefined;
  }

  /** News submitted for review (and not scheduled), for the dashboard. */
  async waitingForReview(museums: number[] | 'all') {
    if (museums !== 'all' && museums.length === 0) return [];
    let query = this.db
      .selectFrom('news_revisions')
      .innerJoin('news', 'news.id', 'news_revisions.news_id')
      .leftJoin('users as author', 'author.id', 'news_revisions.author_id')
      .where('news_revisions.status', '=', 'review')
      .where('news.scheduled_at', 'is', null)
      .select([
        'news_revisions.id',
        'news_revisions.news_id',
        'news.museum_id',
        'news.title_ru',
        'news.title_en',
        'news_revisions.updated_at',
        'author.name as author'
      ])
      .orderBy('news_revisions.updated_at', 'desc');
    if (museums !== 'all')
      query = query.where((eb) =>
        eb.or([eb('news.museum_id', 'in', museums), eb('news.museum_id', 'is', null)])
      );
    return query.execute();
  }

  /** The open version's id and when it was last saved: a schedule remembers both. */
  async openStamp(newsId: number): Promise<{ id: number; updatedAt: string } | undefined> {
    const row = await this.db
      .selectFrom('news_revisions')
      .where('news_id', '=', newsId)
      .where('status', 'in', ['draft', 'review'])
      .select(['id', 'updated_at'])
      .executeTakeFirst();
    return row ? { id: row.id, updatedAt: new Date(row.updated_at).toISOString() } : undefined;
  }
}

function escapeLike(value: string): string {
  return value.replace(/[%_|]/g, '');
}

function scheduleOf(row: {
  scheduled_at: string | null;
  scheduled_revision_id: number | null;
  scheduled_stamp: string | null;
  scheduled_by: string | null;
}): NewsSchedule | null {
  return row.scheduled_at !== null && row.scheduled_revision_id !== null
    ? {
        at: new Date(row.scheduled_at).toISOString(),
        revisionId: row.scheduled_revision_id,
        stamp: row.scheduled_stamp ?? '',
        by: row.scheduled_by
      }
    : null;
}

/** Parsed, not cast: a version written by an older schema still reads safely. */
function decodeRecord(value: unknown): NewsRecord {
  return newsInput.parse(readJson(value));
}

export type PublishedNews = ReturnType<typeof decodePublished>[number];

function decodePublished(
  rows: {
    id: number;
    museum_id: number | null;
    origin: NewsOrigin;
    published: unknown;
    published_at: string | null;
    modified_at: string | null;
    museum_slug: string | null;
    name_ru: string | null;
    name_en: string | null;
    time_zone: string | null;
  }[]
) {
  return rows.flatMap((r) =>
    r.published === null || r.published_at === null
      ? []
      : [
          {
            id: r.id,
            museumId: r.museum_id,
            origin: r.origin,
            publishedAt: new Date(r.published_at).toISOString(),
            modifiedAt: new Date(r.modified_at ?? r.published_at).toISOString(),
            /** The owner's zone: the museum's, Khabarovsk's for the association. */
            timeZone: r.time_zone ?? associationTimeZone,
            museum:
              r.museum_slug === null
                ? null
                : { slug: r.museum_slug, name: { ru: r.name_ru ?? '', en: r.name_en ?? '' } },
            record: decodeRecord(r.published)
          }
        ]
  );
}
