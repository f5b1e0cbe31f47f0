import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import { RevisionStore } from '../content/revision-store';
import { associationTimeZone } from '../auth/audit-lines';
import {
  ageRatings,
  eventInput,
  type AgeRating,
  type EventKind,
  type EventOrigin,
  type EventRecord
} from '$lib/shared/event';
import { sessionChanges, sessionRows, type SessionChange } from './sessions';

type Title = { ru: string; en: string };

/** Where an event takes place, as the calendar filters it, and the zone its times are in. */
export interface EventPlacement {
  timeZone: string;
  settlementId: number | null;
  districtId: number | null;
  venueMuseumId: number | null;
}

/** What the regional calendar narrows by; every part optional. */
export interface CalendarFilter {
  /** A settlement's slug. */
  town?: string | null;
  /** A district's slug. */
  district?: string | null;
  /** A museum's slug: events it organises or hosts. */
  museum?: string | null;
  kind?: EventKind | null;
  /** Suitable at this age rating: events rated at or below it. */
  age?: AgeRating | null;
  free?: boolean;
  schools?: boolean;
}

/** SQL for events, their versions and the sessions of their published versions. */
export class EventRepository {
  /** The event's versions: one open (draft or review) at a time, the published ones kept. */
  readonly revisions: RevisionStore<EventRecord>;

  constructor(private readonly db: Kysely<DB>) {
    this.revisions = new RevisionStore(db, 'event_revisions', 'event_id', eventInput);
  }

  private ofOwner(museumId: number | null, db: Kysely<DB> = this.db) {
    const query = db.selectFrom('events');
    return museumId === null
      ? query.where('events.museum_id', 'is', null)
      : query.where('events.museum_id', '=', museumId);
  }

  /** An owner's events for the staff list, with the state of the version being worked on. */
  async list(museumId: number | null) {
    const rows = await this.ofOwner(museumId)
      .leftJoin('event_revisions as open', (join) =>
        join.onRef('open.event_id', '=', 'events.id').on('open.status', 'in', ['draft', 'review'])
      )
      .select([
        'events.id',
        'events.slug',
        'events.origin',
        'events.title_ru',
        'events.title_en',
        'events.status',
        'events.published_at',
        'events.updated_at',
        'open.status as open_status',
        (eb) =>
          eb
            .selectFrom('event_sessions')
            .whereRef('event_sessions.event_id', '=', 'events.id')
            .where('event_sessions.status', '!=', 'removed')
            .select((s) => s.fn.min('event_sessions.starts_at').as('first'))
            .as('first_starts_at')
      ])
      .orderBy('events.id', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      origin: row.origin,
      title: { ru: row.title_ru, en: row.title_en },
      status: row.status,
      firstStartsAt: row.first_starts_at ? new Date(row.first_starts_at).toISOString() : null,
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
      open: row.open_status
    }));
  }

  /** A new event with nothing published; null when the owner already has one at this slug. */
  async create(
    museumId: number | null,
    slug: string,
    title: Title,
    origin: EventOrigin
  ): Promise<number | null> {
    const taken = await this.ofOwner(museumId)
      .where('slug', '=', slug)
      .select('id')
      .executeTakeFirst();
    if (taken) return null;
    const inserted = await this.db
      .insertInto('events')
      .values({ museum_id: museumId, slug, title_ru: title.ru, title_en: title.en, origin })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  async find(museumId: number | null, eventId: number) {
    const row = await this.ofOwner(museumId)
      .where('id', '=', eventId)
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

  /** Member museums among these ids (venues an event may name). */
  async museumsAmong(ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('museums').where('id', 'in', ids).select('id').execute();
    return new Set(rows.map((r) => r.id));
  }

  /** The zone an owner enters times in: its museum's, or the association's. */
  async ownerTimeZone(museumId: number | null, db: Kysely<DB> = this.db): Promise<string> {
    if (museumId === null) return associationTimeZone;
    const row = await db
      .selectFrom('museums')
      .where('id', '=', museumId)
      .select('time_zone')
      .executeTakeFirst();
    return row?.time_zone ?? associationTimeZone;
  }

  /** Where a record takes place: a venue museum's town, district and zone, or a free address's. */
  async placement(
    museumId: number | null,
    record: EventRecord,
    db: Kysely<DB> = this.db
  ): Promise<EventPlacement> {
    const venue = record.venue;
    if (venue.kind === 'museum') {
      const row = await db
        .selectFrom('museums')
        .leftJoin('settlements', 'settlements.id', 'museums.settlement_id')
        .where('museums.id', '=', venue.museumId)
        .select(['museums.time_zone', 'museums.settlement_id', 'settlements.district_id'])
        .executeTakeFirst();
      if (row)
        return {
          timeZone: row.time_zone,
          settlementId: row.settlement_id,
          districtId: row.district_id,
          venueMuseumId: venue.museumId
        };
    }
    const address = venue.kind === 'address' ? venue : null;
    const settlement = address?.settlementSlug
      ? await db
          .selectFrom('settlements')
          .where('slug', '=', address.settlementSlug)
          .select(['id', 'district_id'])
          .executeTakeFirst()
      : undefined;
    const district = address?.districtSlug
      ? await db
          .selectFrom('districts')
          .where('slug', '=', address.districtSlug)
          .select('id')
          .executeTakeFirst()
      : undefined;
    return {
      timeZone: address?.timeZone || (await this.ownerTimeZone(museumId, db)),
      settlementId: settlement?.id ?? null,
      districtId: district?.id ?? settlement?.district_id ?? null,
      venueMuseumId: null
    };
  }

  async saved(eventId: number, record: EventRecord, now: string) {
    await this.db
      .updateTable('events')
      .set({ title_ru: record.title.ru, title_en: record.title.en, updated_at: now })
      .where('id', '=', eventId)
      .execute();
  }

  /**
   * Makes the record what visitors see, in one transaction: the row with its calendar columns and
   * the session rows, matched by key so their ids stay. Returns what changed for sessions that
   * were published before (moved, cancelled, removed), for everyone registered.
   */
  async publish(eventId: number, record: EventRecord, now: string): Promise<SessionChange[]> {
    return this.db.transaction().execute(async (trx) => {
      const event = await trx
        .selectFrom('events')
        .where('id', '=', eventId)
        .select('museum_id')
        .executeTakeFirstOrThrow();
      const place = await this.placement(event.museum_id, record, trx);
      await trx
        .updateTable('events')
        .set({
          title_ru: record.title.ru,
          title_en: record.title.en,
          published: writeJson(record),
          published_at: now,
          updated_at: now,
          kind: record.kind,
          age_rating: record.ageRating,
          free: record.price.kind === 'free' ? 1 : 0,
          pushkin_card: record.price.kind === 'ticketed' && record.price.pushkinCard ? 1 : 0,
          for_schools: record.forSchools ? 1 : 0,
          settlement_id: place.settlementId,
          district_id: place.districtId,
          venue_museum_id: place.venueMuseumId,
          status: record.status,
          time_zone: place.timeZone
        })
        .where('id', '=', eventId)
        .execute();
      return this.syncSessions(trx, eventId, sessionRows(record, place.timeZone), now);
    });
  }

  private async syncSessions(
    trx: Transaction<DB>,
    eventId: number,
    rows: ReturnType<typeof sessionRows>,
    now: string
  ): Promise<SessionChange[]> {
    const before = (await this.sessionsOf(eventId, trx)).map((s) => ({ ...s }));
    const changes = sessionChanges(before, rows);
    const existing = new Map(before.map((s) => [s.key, s]));
    for (const row of rows) {
      const values = {
        starts_at: row.startsAt,
        ends_at: row.endsAt,
        all_day: row.allDay ? 1 : 0,
        capacity: row.capacity,
        registration_deadline: row.registrationDeadline,
        status: row.status,
        updated_at: now
      };
      const old = existing.get(row.key);
      if (old)
        await trx.updateTable('event_sessions').set(values).where('id', '=', old.id).execute();
      else
        await trx
          .insertInto('event_sessions')
          .values({ event_id: eventId, key: row.key, created_at: now, ...values })
          .execute();
    }
    const kept = new Set(rows.map((r) => r.key));
    const gone = before.filter((s) => !kept.has(s.key) && s.status !== 'removed').map((s) => s.id);
    if (gone.length > 0)
      await trx
        .updateTable('event_sessions')
        .set({ status: 'removed', updated_at: now })
        .where('id', 'in', gone)
        .execute();
    return changes;
  }

  /** The session rows of an event (removed ones too), earliest first. */
  async sessionsOf(eventId: number, db: Kysely<DB> = this.db) {
    const rows = await db
      .selectFrom('event_sessions')
      .where('event_id', '=', eventId)
      .selectAll()
      .orderBy('starts_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: r.ends_at === null ? null : new Date(r.ends_at).toISOString(),
      allDay: r.all_day === 1,
      capacity: r.capacity,
      registrationDeadline:
        r.registration_deadline === null ? null : new Date(r.registration_deadline).toISOString(),
      status: r.status
    }));
  }

  private publishedQuery() {
    return this.db
      .selectFrom('events')
      .leftJoin('museums', 'museums.id', 'events.museum_id')
      .where('events.published', 'is not', null)
      .select([
        'events.id',
        'events.museum_id',
        'events.slug',
        'events.origin',
        'events.published',
        'events.published_at',
        'events.time_zone',
        'museums.slug as museum_slug',
        'museums.name_ru',
        'museums.name_en'
      ]);
  }

  /** A published event, by its organiser's slug (null: the association's) and its own. */
  async publishedBySlug(museumSlug: string | null, slug: string) {
    let query = this.publishedQuery().where('events.slug', '=', slug);
    query =
      museumSlug === null
        ? query.where('events.museum_id', 'is', null)
        : query.where('museums.slug', '=', museumSlug);
    const [found] = decodePublished(await query.execute());
    return found;
  }

  /** A published event by id (the search index, feeds). */
  async publishedById(eventId: number) {
    const [found] = decodePublished(
      await this.publishedQuery().where('events.id', '=', eventId).execute()
    );
    return found;
  }

  /**
   * Sessions of published events overlapping [from, to) (UTC instants), earliest first: only what
   * placing them on a calendar needs; cards are read for the few shown.
   */
  async calendarSessions(filter: CalendarFilter, from: string, to: string, limit?: number) {
    let query = this.db
      .selectFrom('event_sessions')
      .innerJoin('events', 'events.id', 'event_sessions.event_id')
      .where('events.published', 'is not', null)
      .where('event_sessions.status', '!=', 'removed')
      .where('event_sessions.starts_at', '<', to)
      .where((eb) =>
        eb.or([
          eb('event_sessions.ends_at', '>', from),
          eb.and([
            eb('event_sessions.ends_at', 'is', null),
            eb('event_sessions.starts_at', '>=', from)
          ])
        ])
      );
    if (filter.town)
      query = query.where('events.settlement_id', '=', (eb) =>
        eb.selectFrom('settlements').where('slug', '=', filter.town!).select('id')
      );
    if (filter.district)
      query = query.where('events.district_id', '=', (eb) =>
        eb.selectFrom('districts').where('slug', '=', filter.district!).select('id')
      );
    if (filter.museum) {
      const museum = filter.museum;
      query = query.where((eb) => {
        const id = eb.selectFrom('museums').where('slug', '=', museum).select('id');
        return eb.or([eb('events.venue_museum_id', '=', id), eb('events.museum_id', '=', id)]);
      });
    }
    if (filter.kind) query = query.where('events.kind', '=', filter.kind);
    if (filter.age)
      query = query.where(
        'events.age_rating',
        'in',
        ageRatings.slice(0, ageRatings.indexOf(filter.age) + 1)
      );
    if (filter.free) query = query.where('events.free', '=', 1);
    if (filter.schools) query = query.where('events.for_schools', '=', 1);
    let ordered = query
      .select([
        'event_sessions.id',
        'event_sessions.event_id',
        'event_sessions.starts_at',
        'event_sessions.ends_at',
        'event_sessions.all_day',
        'event_sessions.status'
      ])
      .orderBy('event_sessions.starts_at')
      .orderBy('event_sessions.id');
    if (limit !== undefined) ordered = ordered.limit(limit);
    const rows = await ordered.execute();
    return rows.map((r) => ({
      sessionId: r.id,
      eventId: r.event_id,
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: r.ends_at === null ? null : new Date(r.ends_at).toISOString(),
      allDay: r.all_day === 1,
      status: r.status
    }));
  }

  /** Published events with their organiser, venue museum and town, for cards and feeds. */
  async publishedAmong(ids: number[]) {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('events')
      .leftJoin('museums as owner', 'owner.id', 'events.museum_id')
      .leftJoin('museums as venue', 'venue.id', 'events.venue_museum_id')
      .leftJoin('settlements', 'settlements.id', 'events.settlement_id')
      .leftJoin('districts', 'districts.id', 'events.district_id')
      .where('events.id', 'in', ids)
      .where('events.published', 'is not', null)
      .select([
        'events.id',
        'events.museum_id',
        'events.slug',
        'events.origin',
        'events.published',
        'events.published_at',
        'events.time_zone',
        'owner.slug as owner_slug',
        'owner.name_ru as owner_ru',
        'owner.name_en as owner_en',
        'venue.id as venue_id',
        'venue.slug as venue_slug',
        'venue.name_ru as venue_ru',
        'venue.name_en as venue_en',
        'venue.address_ru as venue_address_ru',
        'venue.address_en as venue_address_en',
        'settlements.name_ru as town_ru',
        'settlements.name_en as town_en',
        'districts.name_ru as district_ru',
        'districts.name_en as district_en'
      ])
      .execute();
    const pair = (ru: string | null, en: string | null) =>
      ru === null ? null : { ru, en: en ?? ru };
    return rows.map((r) => ({
      id: r.id,
      museumId: r.museum_id,
      slug: r.slug,
      origin: r.origin,
      publishedAt: r.published_at,
      timeZone: r.time_zone ?? associationTimeZone,
      museum:
        r.owner_slug === null
          ? null
          : { slug: r.owner_slug, name: { ru: r.owner_ru ?? '', en: r.owner_en ?? '' } },
      venueMuseum:
        r.venue_id === null || r.venue_slug === null
          ? null
          : {
              id: r.venue_id,
              slug: r.venue_slug,
              name: { ru: r.venue_ru ?? '', en: r.venue_en ?? '' },
              address: pair(r.venue_address_ru, r.venue_address_en)
            },
      town: pair(r.town_ru, r.town_en),
      district: pair(r.district_ru, r.district_en),
      record: decodeRecord(r.published)
    }));
  }

  /** Towns, districts and museums to choose from in the calendar's filters. */
  async filterChoices() {
    const [towns, districts, museums] = await Promise.all([
      this.db
        .selectFrom('settlements')
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('events')
            .where('settlement_id', 'is not', null)
            .select((s) => s.ref('settlement_id').$castTo<number>().as('id'))
        )
        .select(['slug', 'name_ru', 'name_en'])
        .orderBy('name_ru')
        .execute(),
      this.db
        .selectFrom('districts')
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('events')
            .where('district_id', 'is not', null)
            .select((s) => s.ref('district_id').$castTo<number>().as('id'))
        )
        .select(['slug', 'name_ru', 'name_en'])
        .orderBy('name_ru')
        .execute(),
      this.db
        .selectFrom('museums')
        .select(['slug', 'name_ru', 'name_en'])
        .orderBy('name_ru')
        .execute()
    ]);
    const named = (rows: { slug: string; name_ru: string; name_en: string }[]) =>
      rows.map((r) => ({ slug: r.slug, name: { ru: r.name_ru, en: r.name_en } }));
    return { towns: named(towns), districts: named(districts), museums: named(museums) };
  }

  /** Ids of every published event (reindexing, feeds), optionally of one organiser. */
  async publishedIds(filter: { museumSlug?: string | null; kind?: EventKind } = {}) {
    let query = this.db
      .selectFrom('events')
      .leftJoin('museums', 'museums.id', 'events.museum_id')
      .where('events.published', 'is not', null);
    if (filter.museumSlug !== undefined)
      query =
        filter.museumSlug === null
          ? query.where('events.museum_id', 'is', null)
          : query.where('museums.slug', '=', filter.museumSlug);
    if (filter.kind) query = query.where('events.kind', '=', filter.kind);
    return (await query.select('events.id').orderBy('events.id').execute()).map((r) => r.id);
  }

  /** Versions waiting for review, newest first: of these museums' events and the association's. */
  async awaitingReview(museums: number[] | 'all') {
    if (museums !== 'all' && museums.length === 0) return [];
    let query = this.db
      .selectFrom('event_revisions')
      .innerJoin('events', 'events.id', 'event_revisions.event_id')
      .leftJoin('museums', 'museums.id', 'events.museum_id')
      .leftJoin('users as author', 'author.id', 'event_revisions.author_id')
      .where('event_revisions.status', '=', 'review')
      .select([
        'event_revisions.id',
        'events.id as event_id',
        'events.museum_id',
        'events.title_ru',
        'events.title_en',
        'museums.name_ru',
        'museums.name_en',
        'author.name as author'
      ])
      .orderBy('event_revisions.updated_at', 'desc');
    if (museums !== 'all')
      query = query.where((eb) =>
        eb.or([eb('events.museum_id', 'in', museums), eb('events.museum_id', 'is', null)])
      );
    return query.execute();
  }

  /** Museums and towns an event may take place at, for the editor's choices. */
  async venueChoices() {
    const [museums, towns] = await Promise.all([
      this.db
        .selectFrom('museums')
        .select(['id', 'name_ru', 'name_en'])
        .orderBy('name_ru')
        .execute(),
      this.db
        .selectFrom('settlements')
        .select(['slug', 'name_ru', 'name_en'])
        .orderBy('name_ru')
        .execute()
    ]);
    return {
      museums: museums.map((r) => ({ id: r.id, name: { ru: r.name_ru, en: r.name_en } })),
      towns: towns.map((r) => ({ slug: r.slug, name: { ru: r.name_ru, en: r.name_en } }))
    };
  }

  /** Whether the demo events are there (they are seeded once). */
  async hasDemo(): Promise<boolean> {
    const row = await this.db
      .selectFrom('events')
      .where('origin', '=', 'demo')
      .select('id')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** A venue museum's name and address (previews). */
  async museumCard(museumId: number) {
    const row = await this.db
      .selectFrom('museums')
      .where('id', '=', museumId)
      .select(['id', 'slug', 'name_ru', 'name_en', 'address_ru', 'address_en'])
      .executeTakeFirst();
    return row
      ? {
          id: row.id,
          slug: row.slug,
          name: { ru: row.name_ru, en: row.name_en },
          address:
            row.address_ru === null
              ? null
              : { ru: row.address_ru, en: row.address_en ?? row.address_ru }
        }
      : undefined;
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
}

/** Parsed, not cast: a version written by an older schema still reads safely. */
export function decodeRecord(value: unknown): EventRecord {
  return eventInput.parse(readJson(value));
}

function decodePublished(
  rows: {
    id: number;
    museum_id: number | null;
    slug: string;
    origin: EventOrigin;
    published: unknown;
    published_at: string | null;
    time_zone: string | null;
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
            slug: r.slug,
            origin: r.origin,
            publishedAt: r.published_at,
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
