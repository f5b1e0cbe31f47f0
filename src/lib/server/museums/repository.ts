import type { Kysely, Transaction } from 'kysely';
import type { DB, Localized, Phone } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import { insertNotices } from '../db/notices';
import type { MuseumRecord } from '$lib/shared/museum';
import type { PlaceInput } from '$lib/shared/association';

type Executor = Kysely<DB> | Transaction<DB>;

const museumColumns = [
  'museums.id',
  'museums.slug',
  'museums.membership',
  'museums.status',
  'museums.ownership',
  'museums.profile',
  'museums.name_ru',
  'museums.name_en',
  'museums.short_name_ru',
  'museums.short_name_en',
  'museums.founded_year',
  'museums.founders_ru',
  'museums.founders_en',
  'museums.director_ru',
  'museums.director_en',
  'museums.director_title_ru',
  'museums.director_title_en',
  'museums.address_ru',
  'museums.address_en',
  'museums.latitude',
  'museums.longitude',
  'museums.time_zone',
  'museums.phones',
  'museums.emails',
  'museums.website',
  'museums.vk',
  'museums.telegram',
  'museums.ok',
  'museums.hours_rule',
  'museums.hours_note_ru',
  'museums.hours_note_en',
  'museums.accessibility_ru',
  'museums.accessibility_en',
  'museums.free_admission',
  'museums.summary_ru',
  'museums.summary_en',
  'museums.about_ru',
  'museums.about_en',
  'museums.history_ru',
  'museums.history_en',
  'museums.updated_at'
] as const;

const placeColumns = [
  'settlements.slug as settlement_slug',
  'settlements.name_ru as settlement_ru',
  'settlements.name_en as settlement_en',
  'settlements.region_ru as region_ru',
  'settlements.region_en as region_en',
  'settlements.latitude as settlement_latitude',
  'settlements.longitude as settlement_longitude',
  'districts.slug as district_slug',
  'districts.name_ru as district_ru',
  'districts.name_en as district_en'
] as const;

/** What a public page needs of each photo it shows. */
const photoColumns = [
  'media_assets.id',
  'media_assets.alt_ru',
  'media_assets.alt_en',
  'media_assets.caption_ru',
  'media_assets.caption_en',
  'media_assets.credit',
  'media_assets.licence',
  'media_assets.focal_x',
  'media_assets.focal_y',
  'media_assets.rendition'
] as const;

/** SQL for museums and the places they are in. Public reads see published museums only. */
export class MuseumRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private publishedWithPlace() {
    return this.db
      .selectFrom('museums')
      .leftJoin('settlements', 'settlements.id', 'museums.settlement_id')
      .leftJoin('districts', 'districts.id', 'settlements.district_id')
      .where('museums.publication', '=', 'published');
  }

  async listPublished() {
    const rows = await this.publishedWithPlace()
      .select([...museumColumns, ...placeColumns])
      .orderBy('museums.name_ru')
      .execute();
    const offers = await this.db
      .selectFrom('price_offers')
      .innerJoin('museums', 'museums.id', 'price_offers.museum_id')
      .where('museums.publication', '=', 'published')
      .select(['price_offers.museum_id', 'price_offers.kind'])
      .execute();
    return rows.map((row) => ({
      ...decodeJson(row),
      offerKinds: offers.filter((o) => o.museum_id === row.id).map((o) => o.kind)
    }));
  }

  async findPublishedBySlug(slug: string) {
    const row = await this.publishedWithPlace()
      .where('museums.slug', '=', slug)
      .select([...museumColumns, ...placeColumns])
      .executeTakeFirst();
    if (!row) return undefined;
    const [contacts, prices, notices, photos] = await Promise.all([
      this.db
        .selectFrom('museum_contact_people')
        .where('museum_id', '=', row.id)
        .select(['name_ru', 'name_en', 'role_ru', 'role_en', 'phone', 'email'])
        .orderBy('position')
        .execute(),
      this.db
        .selectFrom('price_offers')
        .where('museum_id', '=', row.id)
        .select([
          'category_ru',
          'category_en',
          'kind',
          'amount_rub',
          'conditions_ru',
          'conditions_en'
        ])
        .orderBy('position')
        .execute(),
      this.db
        .selectFrom('notices')
        .where('museum_id', '=', row.id)
        .select(['id', 'body_ru', 'body_en', 'valid_from', 'valid_until'])
        .orderBy('created_at', 'desc')
        .execute(),
      // Only photos whose derivatives are made: a visitor never meets a broken image.
      this.db
        .selectFrom('museum_photos')
        .innerJoin('media_assets', 'media_assets.id', 'museum_photos.asset_id')
        .where('museum_photos.museum_id', '=', row.id)
        .where('media_assets.status', '=', 'ready')
        .select(photoColumns)
        .orderBy('museum_photos.position')
        .execute()
    ]);
    return { ...decodeJson(row), contacts, prices, notices, photos };
  }

  /**
   * A version that is not published yet, in the shape of a published page's row, so staff see
   * exactly the page visitors would get (the preview before publishing).
   */
  async detailOf(id: number, museum: MuseumRecord, now: string): Promise<MuseumDetailRow> {
    const [place, photos] = await Promise.all([
      museum.settlementSlug
        ? this.db
            .selectFrom('settlements')
            .leftJoin('districts', 'districts.id', 'settlements.district_id')
            .where('settlements.slug', '=', museum.settlementSlug)
            .select(placeColumns)
            .executeTakeFirst()
        : undefined,
      museum.photos.length > 0
        ? this.db
            .selectFrom('media_assets')
            .where('media_assets.id', 'in', museum.photos)
            .where('media_assets.museum_id', '=', id)
            .where('media_assets.status', '=', 'ready')
            .select(photoColumns)
            .execute()
        : []
    ]);
    const pair = (value: Localized | null | undefined) => ({
      ru: value?.ru ?? null,
      en: value?.en ?? null
    });
    // The same columns publishing would write, with the lists left as lists.
    const row = await museumRow(this.db, museum);
    return {
      ...row,
      id,
      phones: museum.phones,
      emails: museum.emails,
      free_admission: museum.freeAdmission,
      updated_at: now,
      settlement_slug: place?.settlement_slug ?? null,
      settlement_ru: place?.settlement_ru ?? null,
      settlement_en: place?.settlement_en ?? null,
      region_ru: place?.region_ru ?? null,
      region_en: place?.region_en ?? null,
      settlement_latitude: place?.settlement_latitude ?? null,
      settlement_longitude: place?.settlement_longitude ?? null,
      district_slug: place?.district_slug ?? null,
      district_ru: place?.district_ru ?? null,
      district_en: place?.district_en ?? null,
      contacts: museum.contacts.map((c) => ({
        name_ru: c.name.ru,
        name_en: c.name.en,
        role_ru: pair(c.role).ru,
        role_en: pair(c.role).en,
        phone: c.phone,
        email: c.email ?? null
      })),
      prices: museum.prices.map((p) => ({
        category_ru: p.category.ru,
        category_en: p.category.en,
        kind: p.kind,
        amount_rub: p.amountRub ?? null,
        conditions_ru: pair(p.conditions).ru,
        conditions_en: pair(p.conditions).en
      })),
      notices: museum.notices.map((n, i) => ({
        id: -(i + 1),
        body_ru: n.body.ru,
        body_en: n.body.en,
        valid_from: n.validFrom ?? null,
        valid_until: n.validUntil ?? null
      })),
      // In the order the version lists them.
      photos: museum.photos.flatMap((assetId) => photos.filter((p) => p.id === assetId))
    };
  }

  /** Notices of published museums that are valid on a date, newest first. */
  async currentNotices(today: string) {
    return this.db
      .selectFrom('notices')
      .leftJoin('museums', 'museums.id', 'notices.museum_id')
      .where((eb) =>
        eb.or([eb('notices.museum_id', 'is', null), eb('museums.publication', '=', 'published')])
      )
      .where((eb) =>
        eb.or([eb('notices.valid_from', 'is', null), eb('notices.valid_from', '<=', today)])
      )
      .where((eb) =>
        eb.or([eb('notices.valid_until', 'is', null), eb('notices.valid_until', '>=', today)])
      )
      .select([
        'notices.id',
        'notices.body_ru',
        'notices.body_en',
        'museums.slug as museum_slug',
        'museums.name_ru as museum_ru',
        'museums.name_en as museum_en'
      ])
      .orderBy('notices.created_at', 'desc')
      .execute();
  }

  async places() {
    const [districts, settlements] = await Promise.all([
      this.db.selectFrom('districts').select(['id', 'slug', 'name_ru', 'name_en']).execute(),
      this.db
        .selectFrom('settlements')
        .select(['id', 'slug', 'district_id', 'name_ru', 'name_en', 'latitude', 'longitude'])
        .execute()
    ]);
    return { districts, settlements };
  }

  /** Names of some museums (drafts included), or of all of them: for the staff workspace. */
  async namesOf(ids: number[] | 'all') {
    if (ids !== 'all' && ids.length === 0) return [];
    let query = this.db
      .selectFrom('museums')
      .select(['id', 'slug', 'name_ru', 'name_en'])
      .orderBy('name_ru');
    if (ids !== 'all') query = query.where('id', 'in', ids);
    return query.execute();
  }

  async slugs() {
    return this.db
      .selectFrom('museums')
      .where('publication', '=', 'published')
      .select(['slug', 'updated_at'])
      .orderBy('slug')
      .execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('museums')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Writes places that are not there yet (by slug); returns nothing new to know. */
  async upsertPlaces(places: PlaceInput) {
    await this.db.transaction().execute(async (trx) => {
      for (const d of places.districts) {
        await trx
          .insertInto('districts')
          .values({ slug: d.slug, name_ru: d.name.ru, name_en: d.name.en })
          .onConflict((oc) =>
            oc.column('slug').doUpdateSet({ name_ru: d.name.ru, name_en: d.name.en })
          )
          .execute();
      }
      for (const s of places.settlements) {
        const district = s.districtSlug
          ? await trx
              .selectFrom('districts')
              .where('slug', '=', s.districtSlug)
              .select('id')
              .executeTakeFirst()
          : undefined;
        const values = {
          slug: s.slug,
          district_id: district?.id ?? null,
          name_ru: s.name.ru,
          name_en: s.name.en,
          region_ru: s.region.ru,
          region_en: s.region.en,
          latitude: s.latitude ?? null,
          longitude: s.longitude ?? null
        };
        await trx
          .insertInto('settlements')
          .values(values)
          .onConflict((oc) => oc.column('slug').doUpdateSet(values))
          .execute();
      }
    });
  }

  /** Inserts a museum with its contacts, prices and notices, all or nothing. */
  async insert(museum: MuseumRecord): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('museums')
        .values(await museumRow(trx, museum))
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertChildren(trx, id, museum);
      return id;
    });
  }

  /** Replaces a museum's published record and its lists with a new version, all or nothing. */
  async replace(id: number, museum: MuseumRecord, now: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('museums')
        .set({ ...(await museumRow(trx, museum)), updated_at: now })
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await trx.deleteFrom('museum_contact_people').where('museum_id', '=', id).execute();
      await trx.deleteFrom('price_offers').where('museum_id', '=', id).execute();
      await trx.deleteFrom('notices').where('museum_id', '=', id).execute();
      await trx.deleteFrom('museum_photos').where('museum_id', '=', id).execute();
      await insertChildren(trx, id, museum);
    });
  }

  /** Museums whose published page shows this media asset. */
  async photoUsers(assetId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('museum_photos')
      .where('asset_id', '=', assetId)
      .select('museum_id')
      .execute();
    return rows.map((r) => r.museum_id);
  }

  /** A museum as a whole record, the shape forms and revisions work with (drafts included). */
  async loadRecord(id: number): Promise<MuseumRecord | undefined> {
    const row = await this.db
      .selectFrom('museums')
      .leftJoin('settlements', 'settlements.id', 'museums.settlement_id')
      .where('museums.id', '=', id)
      .select([...museumColumns, 'museums.membership', 'settlements.slug as settlement_slug'])
      .executeTakeFirst();
    if (!row) return undefined;
    const [contacts, prices, notices, photos] = await Promise.all([
      this.db
        .selectFrom('museum_contact_people')
        .where('museum_id', '=', id)
        .selectAll()
        .orderBy('position')
        .execute(),
      this.db
        .selectFrom('price_offers')
        .where('museum_id', '=', id)
        .selectAll()
        .orderBy('position')
        .execute(),
      this.db.selectFrom('notices').where('museum_id', '=', id).selectAll().orderBy('id').execute(),
      this.db
        .selectFrom('museum_photos')
        .where('museum_id', '=', id)
        .select('asset_id')
        .orderBy('position')
        .execute()
    ]);
    const pair = (ru: string | null, en: string | null) => (ru && en ? { ru, en } : null);
    const museum = decodeJson(row);
    return {
      slug: museum.slug,
      membership: museum.membership,
      status: museum.status,
      ownership: museum.ownership,
      profile: museum.profile,
      name: { ru: museum.name_ru, en: museum.name_en },
      shortName: pair(museum.short_name_ru, museum.short_name_en),
      foundedYear: museum.founded_year,
      founders: pair(museum.founders_ru, museum.founders_en),
      director: pair(museum.director_ru, museum.director_en),
      directorTitle: pair(museum.director_title_ru, museum.director_title_en),
      settlementSlug: museum.settlement_slug,
      address: pair(museum.address_ru, museum.address_en),
      latitude: museum.latitude,
      longitude: museum.longitude,
      timeZone: museum.time_zone,
      phones: museum.phones,
      emails: museum.emails,
      website: museum.website,
      vk: museum.vk,
      telegram: museum.telegram,
      ok: museum.ok,
      hoursRule: museum.hours_rule,
      hoursNote: pair(museum.hours_note_ru, museum.hours_note_en),
      accessibility: pair(museum.accessibility_ru, museum.accessibility_en),
      freeAdmission: museum.free_admission,
      summary: pair(museum.summary_ru, museum.summary_en),
      about: pair(museum.about_ru, museum.about_en),
      history: pair(museum.history_ru, museum.history_en),
      contacts: contacts.map((c) => ({
        name: { ru: c.name_ru, en: c.name_en },
        role: pair(c.role_ru, c.role_en),
        phone: c.phone,
        email: c.email
      })),
      prices: prices.map((p) => ({
        category: { ru: p.category_ru, en: p.category_en },
        kind: p.kind,
        amountRub: p.amount_rub,
        conditions: pair(p.conditions_ru, p.conditions_en)
      })),
      notices: notices.map((n) => ({
        body: { ru: n.body_ru, en: n.body_en },
        validFrom: n.valid_from,
        validUntil: n.valid_until
      })),
      photos: photos.map((p) => p.asset_id)
    };
  }
}

/** The museums row for a record; the settlement is looked up by its slug. */
async function museumRow(trx: Executor, museum: MuseumRecord) {
  const settlement = museum.settlementSlug
    ? await trx
        .selectFrom('settlements')
        .where('slug', '=', museum.settlementSlug)
        .select('id')
        .executeTakeFirst()
    : undefined;
  if (museum.settlementSlug && !settlement) {
    throw new Error(`Unknown settlement ${museum.settlementSlug}`);
  }
  return {
    slug: museum.slug,
    membership: museum.membership,
    status: museum.status,
    ownership: museum.ownership,
    profile: museum.profile,
    name_ru: museum.name.ru,
    name_en: museum.name.en,
    short_name_ru: museum.shortName?.ru ?? null,
    short_name_en: museum.shortName?.en ?? null,
    founded_year: museum.foundedYear ?? null,
    founders_ru: museum.founders?.ru ?? null,
    founders_en: museum.founders?.en ?? null,
    director_ru: museum.director?.ru ?? null,
    director_en: museum.director?.en ?? null,
    director_title_ru: museum.directorTitle?.ru ?? null,
    director_title_en: museum.directorTitle?.en ?? null,
    settlement_id: settlement?.id ?? null,
    address_ru: museum.address?.ru ?? null,
    address_en: museum.address?.en ?? null,
    latitude: museum.latitude ?? null,
    longitude: museum.longitude ?? null,
    time_zone: museum.timeZone,
    phones: writeJson(museum.phones),
    emails: writeJson(museum.emails),
    website: museum.website ?? null,
    vk: museum.vk ?? null,
    telegram: museum.telegram ?? null,
    ok: museum.ok ?? null,
    hours_rule: museum.hoursRule,
    hours_note_ru: museum.hoursNote?.ru ?? null,
    hours_note_en: museum.hoursNote?.en ?? null,
    accessibility_ru: museum.accessibility?.ru ?? null,
    accessibility_en: museum.accessibility?.en ?? null,
    free_admission: writeJson(museum.freeAdmission),
    summary_ru: museum.summary?.ru ?? null,
    summary_en: museum.summary?.en ?? null,
    about_ru: museum.about?.ru ?? null,
    about_en: museum.about?.en ?? null,
    history_ru: museum.history?.ru ?? null,
    history_en: museum.history?.en ?? null
  };
}

async function insertChildren(trx: Executor, museumId: number, museum: MuseumRecord) {
  if (museum.contacts.length > 0) {
    await trx
      .insertInto('museum_contact_people')
      .values(
        museum.contacts.map((c, position) => ({
          museum_id: museumId,
          position,
          name_ru: c.name.ru,
          name_en: c.name.en,
          role_ru: c.role?.ru ?? null,
          role_en: c.role?.en ?? null,
          phone: c.phone,
          email: c.email ?? null
        }))
      )
      .execute();
  }
  if (museum.prices.length > 0) {
    await trx
      .insertInto('price_offers')
      .values(
        museum.prices.map((p, position) => ({
          museum_id: museumId,
          position,
          category_ru: p.category.ru,
          category_en: p.category.en,
          kind: p.kind,
          amount_rub: p.amountRub ?? null,
          conditions_ru: p.conditions?.ru ?? null,
          conditions_en: p.conditions?.en ?? null
        }))
      )
      .execute();
  }
  await insertNotices(trx, museumId, museum.notices);
  if (museum.photos.length > 0) {
    await trx
      .insertInto('museum_photos')
      .values(
        museum.photos.map((assetId, position) => ({
          museum_id: museumId,
          asset_id: assetId,
          position
        }))
      )
      .execute();
  }
}

function decodeJson<
  T extends {
    phones: Phone[] | string;
    emails: string[] | string;
    free_admission: Localized[] | string;
  }
>(row: T) {
  return {
    ...row,
    phones: readJson(row.phones),
    emails: readJson(row.emails),
    free_admission: readJson(row.free_admission)
  };
}

export type MuseumRow = Awaited<ReturnType<MuseumRepository['listPublished']>>[number];
export type MuseumDetailRow = NonNullable<
  Awaited<ReturnType<MuseumRepository['findPublishedBySlug']>>
>;
