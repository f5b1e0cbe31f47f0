import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import { RevisionStore } from '../content/revision-store';
import type { VersionStore } from '../content/versions';
import { projectInput, type ProjectOrigin, type ProjectRecord } from '$lib/shared/project';

type Title = { ru: string; en: string };

/** SQL for projects and their versions. `museumId` null is the association. */
export class ProjectRepository implements VersionStore<ProjectRecord> {
  /** The project's versions: one open (draft or review) at a time, the published ones kept. */
  readonly revisions: RevisionStore<ProjectRecord>;

  constructor(private readonly db: Kysely<DB>) {
    this.revisions = new RevisionStore(db, 'project_revisions', 'project_id', projectInput);
  }

  private ofOwner(museumId: number | null) {
    const query = this.db.selectFrom('projects');
    return museumId === null
      ? query.where('projects.museum_id', 'is', null)
      : query.where('projects.museum_id', '=', museumId);
  }

  /** An owner's projects for the staff list, with the state of the version being worked on. */
  async list(museumId: number | null) {
    const rows = await this.ofOwner(museumId)
      .leftJoin('project_revisions as open', (join) =>
        join
          .onRef('open.project_id', '=', 'projects.id')
          .on('open.status', 'in', ['draft', 'review'])
      )
      .select([
        'projects.id',
        'projects.slug',
        'projects.origin',
        'projects.title_ru',
        'projects.title_en',
        'projects.published_at',
        'projects.updated_at',
        'open.status as open_status'
      ])
      .orderBy('projects.id', 'desc')
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

  /** A new project with nothing published; null when the owner already has one at this slug. */
  async create(
    museumId: number | null,
    slug: string,
    title: Title,
    origin: ProjectOrigin
  ): Promise<number | null> {
    const taken = await this.ofOwner(museumId)
      .where('slug', '=', slug)
      .select('id')
      .executeTakeFirst();
    if (taken) return null;
    const inserted = await this.db
      .insertInto('projects')
      .values({ museum_id: museumId, slug, title_ru: title.ru, title_en: title.en, origin })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  async find(museumId: number | null, projectId: number) {
    const row = await this.ofOwner(museumId)
      .where('id', '=', projectId)
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

  async saved(projectId: number, record: ProjectRecord, now: string) {
    await this.db
      .updateTable('projects')
      .set({ title_ru: record.title.ru, title_en: record.title.en, updated_at: now })
      .where('id', '=', projectId)
      .execute();
  }

  /** Makes a record what visitors see, and its itinerary the rows reports count. */
  async publish(projectId: number, record: ProjectRecord, now: string) {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('projects')
        .set({
          title_ru: record.title.ru,
          title_en: record.title.en,
          starts_on: record.period.start,
          ends_on: record.period.end ?? null,
          published: writeJson(record),
          published_at: now,
          updated_at: now
        })
        .where('id', '=', projectId)
        .execute();
      await trx.deleteFrom('project_events').where('project_id', '=', projectId).execute();
      if (record.eventIds.length > 0)
        await trx
          .insertInto('project_events')
          .values(record.eventIds.map((eventId) => ({ project_id: projectId, event_id: eventId })))
          .execute();
      await trx.deleteFrom('project_news').where('project_id', '=', projectId).execute();
      if (record.newsIds.length > 0)
        await trx
          .insertInto('project_news')
          .values(record.newsIds.map((newsId) => ({ project_id: projectId, news_id: newsId })))
          .execute();
      await trx.deleteFrom('project_stops').where('project_id', '=', projectId).execute();
      if (record.stops.length > 0)
        await trx
          .insertInto('project_stops')
          .values(
            record.stops.map((stop, position) => ({
              project_id: projectId,
              key: stop.key,
              position,
              district_ru: stop.district.ru,
              district_en: stop.district.en,
              venue_museum_id: stop.venue.kind === 'museum' ? stop.venue.museumId : null,
              starts_on: stop.startsOn ?? null,
              ends_on: stop.endsOn ?? null,
              participants: stop.participants ?? null
            }))
          )
          .execute();
    });
  }

  private publishedQuery() {
    return this.db
      .selectFrom('projects')
      .leftJoin('museums', 'museums.id', 'projects.museum_id')
      .where('projects.published', 'is not', null)
      .select([
        'projects.id',
        'projects.museum_id',
        'projects.origin',
        'projects.published',
        'projects.published_at',
        'museums.slug as museum_slug',
        'museums.name_ru',
        'museums.name_en'
      ]);
  }

  /** A published project, by its museum's slug (null: the association's) and its own. */
  async publishedBySlug(museumSlug: string | null, slug: string) {
    let query = this.publishedQuery().where('projects.slug', '=', slug);
    query =
      museumSlug === null
        ? query.where('projects.museum_id', 'is', null)
        : query.where('museums.slug', '=', museumSlug);
    const [found] = decodePublished(await query.execute());
    return found;
  }

  /** A published project by id (the search index). */
  async publishedById(projectId: number) {
    const [found] = decodePublished(
      await this.publishedQuery().where('projects.id', '=', projectId).execute()
    );
    return found;
  }

  /**
   * Every published project, latest first: there are tens, not thousands. `owner` narrows to the
   * association's ('association') or one museum's (its slug).
   */
  async allPublished(owner?: 'association' | { museumSlug: string }) {
    let query = this.publishedQuery()
      .orderBy('projects.starts_on', 'desc')
      .orderBy('projects.id', 'desc');
    if (owner === 'association') query = query.where('projects.museum_id', 'is', null);
    else if (owner) query = query.where('museums.slug', '=', owner.museumSlug);
    return decodePublished(await query.execute());
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

  async museumIdOf(slug: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('museums')
      .where('slug', '=', slug)
      .select('id')
      .executeTakeFirst();
    return row?.id;
  }

  /** Museums among these ids with what a page and a map need. */
  async museumsAmong(ids: number[]) {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('museums')
      .leftJoin('settlements', 'settlements.id', 'museums.settlement_id')
      .where('museums.id', 'in', ids)
      .select([
        'museums.id',
        'museums.slug',
        'museums.name_ru',
        'museums.name_en',
        'museums.latitude',
        'museums.longitude',
        'settlements.latitude as settlement_latitude',
        'settlements.longitude as settlement_longitude'
      ])
      .execute();
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: { ru: r.name_ru, en: r.name_en },
      position:
        r.latitude !== null && r.longitude !== null
          ? { latitude: r.latitude, longitude: r.longitude }
          : r.settlement_latitude !== null && r.settlement_longitude !== null
            ? { latitude: r.settlement_latitude, longitude: r.settlement_longitude }
            : null
    }));
  }

  /** Published events a project links to, earliest first, with their first session's start. */
  async eventsOf(projectId: number) {
    return this.db
      .selectFrom('project_events')
      .innerJoin('events', 'events.id', 'project_events.event_id')
      .leftJoin('museums', 'museums.id', 'events.museum_id')
      .where('project_events.project_id', '=', projectId)
      .where('events.published', 'is not', null)
      .select((eb) => [
        'events.id',
        'events.slug',
        'events.title_ru',
        'events.title_en',
        'museums.slug as museum_slug',
        eb
          .selectFrom('event_sessions')
          .whereRef('event_sessions.event_id', '=', 'events.id')
          .select((s) => s.fn.min('event_sessions.starts_at').as('first'))
          .as('first_starts_at')
      ])
      .orderBy('first_starts_at')
      .execute();
  }

  /**
   * Events a project may link to: the owner's (all of them for the association's projects),
   * latest first, with those already named whatever their owner; and which of `ids` exist.
   */
  async eventChoices(museumId: number | null, named: number[]) {
    let query = this.db
      .selectFrom('events')
      .select(['id', 'title_ru', 'title_en', 'published_at'])
      .orderBy('id', 'desc')
      .limit(200);
    if (museumId !== null)
      query = query.where((eb) =>
        named.length > 0
          ? eb.or([eb('museum_id', '=', museumId), eb('id', 'in', named)])
          : eb('museum_id', '=', museumId)
      );
    return query.execute();
  }

  /** Published news a project links to, newest first. */
  async newsOf(projectId: number) {
    return this.db
      .selectFrom('project_news')
      .innerJoin('news', 'news.id', 'project_news.news_id')
      .leftJoin('museums', 'museums.id', 'news.museum_id')
      .where('project_news.project_id', '=', projectId)
      .where('news.published', 'is not', null)
      .select([
        'news.id',
        'news.slug',
        'news.title_ru',
        'news.title_en',
        'news.published_at',
        'museums.slug as museum_slug'
      ])
      .orderBy('news.published_at', 'desc')
      .execute();
  }

  /** News a project may link to: the owner's (all for the association's), and those named. */
  async newsChoices(museumId: number | null, named: number[]) {
    let query = this.db
      .selectFrom('news')
      .select(['id', 'title_ru', 'title_en', 'published_at'])
      .orderBy('id', 'desc')
      .limit(200);
    if (museumId !== null)
      query = query.where((eb) =>
        named.length > 0
          ? eb.or([eb('museum_id', '=', museumId), eb('id', 'in', named)])
          : eb('museum_id', '=', museumId)
      );
    return query.execute();
  }

  async existingNews(ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('news').where('id', 'in', ids).select('id').execute();
    return new Set(rows.map((r) => r.id));
  }

  async existingEvents(ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('events').where('id', 'in', ids).select('id').execute();
    return new Set(rows.map((r) => r.id));
  }

  /** Member museums to choose from in the editor (participants, venues). */
  async museumChoices() {
    const rows = await this.db
      .selectFrom('museums')
      .select(['id', 'name_ru', 'name_en'])
      .orderBy('name_ru')
      .execute();
    return rows.map((r) => ({ id: r.id, name: { ru: r.name_ru, en: r.name_en } }));
  }

  /** Projects waiting for review, for the dashboard: of these museums, or all with the association's. */
  async awaitingReview(museumIds: number[] | 'all') {
    let query = this.db
      .selectFrom('project_revisions')
      .innerJoin('projects', 'projects.id', 'project_revisions.project_id')
      .leftJoin('museums', 'museums.id', 'projects.museum_id')
      .where('project_revisions.status', '=', 'review')
      .select([
        'projects.id',
        'projects.museum_id',
        'projects.title_ru',
        'projects.title_en',
        'museums.name_ru',
        'museums.name_en',
        'project_revisions.updated_at'
      ])
      .orderBy('project_revisions.updated_at');
    if (museumIds !== 'all') {
      if (museumIds.length === 0) return [];
      query = query.where('projects.museum_id', 'in', museumIds);
    }
    return query.execute();
  }
}

/** Parsed, not cast: a version written by an older schema still reads safely. */
function decodeRecord(value: unknown): ProjectRecord {
  return projectInput.parse(readJson(value));
}

export type PublishedProject = ReturnType<typeof decodePublished>[number];

function decodePublished(
  rows: {
    id: number;
    museum_id: number | null;
    origin: ProjectOrigin;
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
