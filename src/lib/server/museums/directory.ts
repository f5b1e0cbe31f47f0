import type { Locale, MuseumRecord } from '$lib/shared/museum';
import { pick } from '$lib/shared/localize';
import {
  hoursStatus,
  hoursTable,
  specialClosures,
  typicalWeek,
  type HoursInput,
  type HoursStatus
} from '../hours/hours';
import type { MuseumDetailRow, MuseumRepository, MuseumRow } from './repository';
import type { DirectoryQuery } from './query';
import { readJson } from '../db/json';
import { mediaUrls, responsiveImage } from '../media/responsive';

export interface MuseumCard {
  slug: string;
  name: string;
  summary: string | null;
  settlement: string | null;
  district: string | null;
  ownership: MuseumRow['ownership'];
  profile: MuseumRow['profile'];
  status: MuseumRow['status'];
  membership: MuseumRow['membership'];
  hours: HoursStatus;
  timeZone: string;
  phone: string | null;
  position: { latitude: number; longitude: number; approximate: boolean } | null;
  distanceKm: number | null;
}

export type MuseumPageView = NonNullable<Awaited<ReturnType<MuseumDirectory['page']>>>;

/** The visitors' view of museums: published records only, in one language, with hours worked out. */
export class MuseumDirectory {
  constructor(
    private readonly museums: MuseumRepository,
    /** Where visitors fetch stored media (config MEDIA_PUBLIC_URL). */
    private readonly mediaUrl: (key: string) => string = mediaUrls('/media')
  ) {}

  async list(query: DirectoryQuery, locale: Locale, now: Date) {
    const [rows, places] = await Promise.all([this.museums.listPublished(), this.museums.places()]);
    const origin = query.near ?? settlementPosition(places.settlements, query.from);
    const cards = rows
      .filter((row) => matchesQuery(row, query, now))
      .map((row) => toCard(row, locale, now, origin));
    cards.sort((a, b) =>
      query.sort === 'distance' && origin
        ? (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity)
        : a.name.localeCompare(b.name, locale)
    );
    const usedSettlements = new Set(rows.map((r) => r.settlement_slug));
    const usedDistricts = new Set(rows.map((r) => r.district_slug));
    return {
      museums: cards,
      total: rows.length,
      origin,
      settlements: places.settlements
        .filter((s) => usedSettlements.has(s.slug))
        .map((s) => ({ slug: s.slug, name: pick(locale, s.name_ru, s.name_en) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
      districts: places.districts
        .filter((d) => usedDistricts.has(d.slug))
        .map((d) => ({ slug: d.slug, name: pick(locale, d.name_ru, d.name_en) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale))
    };
  }

  async page(slug: string, locale: Locale, now: Date) {
    const row = await this.museums.findPublishedBySlug(slug);
    return row ? this.view(row, locale, now) : undefined;
  }

  /**
   * The page a version would make if it were published, for staff to look at before they
   * publish it. The caller has checked the person may read drafts of this museum.
   */
  async preview(museumId: number, record: MuseumRecord, locale: Locale, now: Date) {
    const row = await this.museums.detailOf(museumId, record, now.toISOString());
    return this.view(row, locale, now);
  }

  private view(row: MuseumDetailRow, locale: Locale, now: Date) {
    const hours = hoursInput(row);
    const today = localDate(now, row.time_zone);
    return {
      ...toCard(row, locale, now, null),
      names: { ru: row.name_ru, en: row.name_en },
      shortName: pick(locale, row.short_name_ru, row.short_name_en),
      foundedYear: row.founded_year,
      founders: pick(locale, row.founders_ru, row.founders_en),
      director: pick(locale, row.director_ru, row.director_en),
      directorTitle: pick(locale, row.director_title_ru, row.director_title_en),
      address: pick(locale, row.address_ru, row.address_en),
      region: pick(locale, row.region_ru, row.region_en),
      phones: row.phones.map((p) => ({
        number: p.number,
        label: p.label ? pick(locale, p.label.ru, p.label.en) : null
      })),
      emails: row.emails,
      links: { website: row.website, vk: row.vk, telegram: row.telegram, ok: row.ok },
      hoursRule: row.hours_rule,
      hoursNote: pick(locale, row.hours_note_ru, row.hours_note_en),
      week: hoursTable(hours, now, 7),
      closures: specialClosures(hours, now),
      regularWeek: typicalWeek(hours, now),
      accessibility: pick(locale, row.accessibility_ru, row.accessibility_en),
      freeAdmission: row.free_admission.map((f) => pick(locale, f.ru, f.en)),
      about: pick(locale, row.about_ru, row.about_en),
      history: pick(locale, row.history_ru, row.history_en),
      prices: row.prices.map((p) => ({
        category: pick(locale, p.category_ru, p.category_en),
        kind: p.kind,
        amountRub: p.amount_rub,
        conditions: pick(locale, p.conditions_ru, p.conditions_en)
      })),
      contacts: row.contacts.map((c) => ({
        name: pick(locale, c.name_ru, c.name_en),
        role: pick(locale, c.role_ru, c.role_en),
        phone: c.phone,
        email: c.email
      })),
      notices: row.notices
        .filter(
          (n) =>
            (!n.valid_from || n.valid_from <= today) && (!n.valid_until || n.valid_until >= today)
        )
        .map((n) => ({ id: n.id, body: pick(locale, n.body_ru, n.body_en) })),
      photos: row.photos.flatMap((p) => {
        if (!p.rendition) return [];
        const focal =
          p.focal_x !== null && p.focal_y !== null ? { x: p.focal_x, y: p.focal_y } : null;
        return [
          {
            id: p.id,
            alt: pick(locale, p.alt_ru, p.alt_en) ?? '',
            caption: pick(locale, p.caption_ru, p.caption_en),
            credit: p.credit,
            licence: p.licence,
            image: responsiveImage(readJson(p.rendition), this.mediaUrl, focal)
          }
        ];
      }),
      updatedAt: row.updated_at
    };
  }

  async sitemapEntries() {
    const rows = await this.museums.slugs();
    return rows.map((r) => ({ slug: r.slug, updatedAt: r.updated_at }));
  }

  async notices(locale: Locale, now: Date) {
    const rows = await this.museums.currentNotices(localDate(now, 'Asia/Vladivostok'));
    return rows.map((n) => ({
      id: n.id,
      body: pick(locale, n.body_ru, n.body_en),
      museum:
        n.museum_slug && n.museum_ru
          ? { slug: n.museum_slug, name: pick(locale, n.museum_ru, n.museum_en) }
          : null
    }));
  }
}

export type MuseumPage = NonNullable<Awaited<ReturnType<MuseumDirectory['page']>>>;

function hoursInput(row: MuseumRow | MuseumDetailRow): HoursInput {
  return { rule: row.hours_rule, timeZone: row.time_zone };
}

function matchesQuery(row: MuseumRow, q: DirectoryQuery, now: Date): boolean {
  if (q.town && row.settlement_slug !== q.town) return false;
  if (q.district && row.district_slug !== q.district) return false;
  if (q.ownership && row.ownership !== q.ownership) return false;
  if (q.profile && row.profile !== q.profile) return false;
  if (q.free && !(row.offerKinds.length > 0 && row.offerKinds.every((k) => k === 'free')))
    return false;
  if (q.open === 'now' && hoursStatus(hoursInput(row), now).kind !== 'open') return false;
  if (q.open && q.open !== 'now' && !opensOn(row, q.open)) return false;
  return true;
}

function opensOn(row: MuseumRow, date: string): boolean {
  // 03:00 UTC is on the same calendar date from Kaliningrad (UTC+2) to Kamchatka (UTC+12).
  const day = hoursTable(hoursInput(row), new Date(`${date}T03:00:00Z`), 1)[0];
  return day !== undefined && day.date === date && day.intervals.length > 0;
}

function toCard(
  row: MuseumRow | MuseumDetailRow,
  locale: Locale,
  now: Date,
  origin: { latitude: number; longitude: number } | null
): MuseumCard {
  const position =
    row.latitude != null && row.longitude != null
      ? { latitude: row.latitude, longitude: row.longitude, approximate: false }
      : row.settlement_latitude != null && row.settlement_longitude != null
        ? {
            latitude: row.settlement_latitude,
            longitude: row.settlement_longitude,
            approximate: true
          }
        : null;
  return {
    slug: row.slug,
    name: pick(locale, row.name_ru, row.name_en),
    summary: pick(locale, row.summary_ru, row.summary_en),
    settlement: pick(locale, row.settlement_ru, row.settlement_en),
    district: pick(locale, row.district_ru, row.district_en),
    ownership: row.ownership,
    profile: row.profile,
    status: row.status,
    membership: row.membership,
    hours: hoursStatus(hoursInput(row), now),
    timeZone: row.time_zone,
    phone: row.phones[0]?.number ?? null,
    position,
    distanceKm: origin && position ? Math.round(distanceKm(origin, position)) : null
  };
}

function settlementPosition(
  settlements: { slug: string; latitude: number | null; longitude: number | null }[],
  slug: string | null
) {
  const s = settlements.find((x) => x.slug === slug);
  return s && s.latitude != null && s.longitude != null
    ? { latitude: s.latitude, longitude: s.longitude }
    : null;
}

/** Great-circle distance (haversine). */
function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number }
) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The calendar date 'YYYY-MM-DD' at an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit'
  }).format(at);
}
