import { localizeHref } from '$lib/i18n';
import type { ExhibitOrigin, ExhibitRecord, RightsStatement } from '$lib/shared/exhibit';
import type { Locale } from '$lib/shared/museum';
import { exhibitPath, iiifServicePath } from '../exhibits/directory';
import type {
  HarvestCursor,
  HarvestedExhibit,
  HarvestFilter,
  HarvestRepository
} from '../exhibits/harvest';
import type { Asset } from '../media/repository';

export type Pair = { ru: string; en: string };

/**
 * Where a rights statement is defined, as IIIF `rights` and Dublin Core `rights` name it:
 * rightsstatements.org for what is in copyright, Creative Commons for the rest (the `http:` URIs
 * both vocabularies define, which IIIF validators expect).
 */
export const rightsUri: Record<RightsStatement, string> = {
  'museum-rights': 'http://rightsstatements.org/vocab/InC/1.0/',
  'in-copyright': 'http://rightsstatements.org/vocab/InC/1.0/',
  'public-domain': 'http://creativecommons.org/publicdomain/mark/1.0/',
  cc0: 'http://creativecommons.org/publicdomain/zero/1.0/',
  'cc-by': 'http://creativecommons.org/licenses/by/4.0/',
  'cc-by-sa': 'http://creativecommons.org/licenses/by-sa/4.0/'
};

/**
 * The absolute addresses outside clients get, all from the configured public origin (a harvester
 * stores them; the address a request came in by may be an internal one).
 */
export class OpenUrls {
  constructor(
    readonly origin: string,
    /** Storage key → the URL the site serves it at (`/media/…` or a CDN's). */
    private readonly mediaUrl: (key: string) => string
  ) {}

  exhibitPage(museumSlug: string, exhibitId: number, locale: Locale) {
    return this.origin + localizeHref(exhibitPath(museumSlug, exhibitId), { locale });
  }
  museumPage(museumSlug: string, locale: Locale) {
    return this.origin + localizeHref(`/museums/${museumSlug}`, { locale });
  }
  manifest(exhibitId: number) {
    return `${this.origin}/iiif/3/manifests/exhibits/${exhibitId}`;
  }
  collection(museumSlug: string, collectionSlug: string) {
    return `${this.origin}/iiif/3/collections/${museumSlug}/${collectionSlug}`;
  }
  imageService(assetId: number) {
    return this.origin + iiifServicePath(assetId);
  }
  apiExhibit(exhibitId: number) {
    return `${this.origin}/api/v1/exhibits/${exhibitId}`;
  }
  get oai() {
    return `${this.origin}/oai`;
  }
  /** `oai:<host>:exhibit:<id>`: the exhibit's OAI identifier, the host being the site's. */
  oaiIdentifier(exhibitId: number) {
    return `oai:${new URL(this.origin).hostname}:exhibit:${exhibitId}`;
  }
  /** The exhibit's Dublin Core record (OAI-PMH GetRecord). */
  oaiRecord(exhibitId: number) {
    const identifier = encodeURIComponent(this.oaiIdentifier(exhibitId));
    return `${this.oai}?verb=GetRecord&metadataPrefix=oai_dc&identifier=${identifier}`;
  }
  media(key: string) {
    return new URL(this.mediaUrl(key), this.origin).href;
  }
}

/** A JPEG the site serves, with its size. */
export interface SizedUrl {
  url: string;
  width: number;
  height: number;
}

export interface OpenImage {
  assetId: number;
  /** The picture's full size: a IIIF canvas is this big. */
  width: number;
  height: number;
  alt: Pair;
  caption: Pair;
  credit: string;
  /** The largest JPEG made for the web. */
  large: SizedUrl;
  /** A small JPEG for lists: the narrowest of at least 400 px. */
  thumbnail: SizedUrl;
  /** The IIIF Image API level-0 service, once its tiles are made. */
  service: string | null;
}

/** A published exhibit as outside clients get it: both languages, absolute addresses. */
export interface OpenExhibit {
  id: number;
  publishedAt: string;
  origin: ExhibitOrigin;
  museum: { slug: string; name: Pair };
  collection: { slug: string; title: Pair } | null;
  record: ExhibitRecord;
  images: OpenImage[];
}

/**
 * Published exhibits for the IIIF, OAI-PMH and JSON interfaces: the harvest repository's rows
 * with their collections and ready images. Nothing here reads a draft, so none needs an access
 * check — the same rule as the public pages.
 */
export class OpenExhibits {
  constructor(
    private readonly harvest: HarvestRepository,
    /** The museum's assets with these ids (the media library's assetsOf). */
    private readonly assetsOf: (museumId: number, ids: number[]) => Promise<Asset[]>,
    readonly urls: OpenUrls
  ) {}

  async one(exhibitId: number): Promise<OpenExhibit | null> {
    const found = await this.harvest.one(exhibitId);
    return found ? ((await this.resolve([found]))[0] ?? null) : null;
  }

  /** The published exhibits among these ids, in the order of the ids (search hits). */
  async among(ids: number[]): Promise<OpenExhibit[]> {
    const found = new Map(
      (await this.resolve(await this.harvest.among(ids))).map((e) => [e.id, e])
    );
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /** The id of a museum's collection, by their slugs. */
  async collectionId(museumSlug: string, slug: string): Promise<number | null> {
    const [collection] = await this.harvest.collections({ museumSlug, slug });
    return collection?.id ?? null;
  }

  /** A page in the order of publishing, and where the next one starts (null: the last). */
  async page(filter: HarvestFilter, after: HarvestCursor | null, limit: number) {
    const rows = await this.harvest.page(filter, after, limit + 1);
    const exhibits = await this.resolve(rows.slice(0, limit));
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { exhibits, next: last ? { at: last.publishedAt, id: last.id } : null };
  }

  count(filter: HarvestFilter) {
    return this.harvest.count(filter);
  }

  earliest() {
    return this.harvest.earliest();
  }

  museums() {
    return this.harvest.museums();
  }

  collections() {
    return this.harvest.collections();
  }

  /** A museum collection with all its published exhibits, in the order of publishing. */
  async collection(museumSlug: string, slug: string) {
    const [collection] = await this.harvest.collections({ museumSlug, slug });
    if (!collection) return null;
    const exhibits: OpenExhibit[] = [];
    let after: HarvestCursor | null = null;
    do {
      const page = await this.page({ museumSlug, collection: slug }, after, 500);
      exhibits.push(...page.exhibits);
      after = page.next;
    } while (after);
    return { collection, exhibits };
  }

  private async resolve(rows: HarvestedExhibit[]): Promise<OpenExhibit[]> {
    const collectionIds = [
      ...new Set(rows.flatMap((r) => (r.record.collectionId ? [r.record.collectionId] : [])))
    ];
    const collections = new Map(
      (await this.harvest.collections({ ids: collectionIds })).map((c) => [c.id, c])
    );
    const byMuseum = new Map<number, number[]>();
    for (const row of rows)
      byMuseum.set(row.museum.id, [...(byMuseum.get(row.museum.id) ?? []), ...row.record.media]);
    const assets = new Map<number, Asset>();
    for (const [museumId, ids] of byMuseum)
      for (const asset of await this.assetsOf(museumId, [...new Set(ids)]))
        assets.set(asset.id, asset);
    return rows.map((row) => {
      const collection = row.record.collectionId
        ? collections.get(row.record.collectionId)
        : undefined;
      return {
        id: row.id,
        publishedAt: row.publishedAt,
        origin: row.origin,
        museum: { slug: row.museum.slug, name: row.museum.name },
        collection: collection ? { slug: collection.slug, title: collection.title } : null,
        record: row.record,
        images: row.record.media.flatMap((id) => {
          const image = assets.get(id);
          return image ? this.image(image) : [];
        })
      };
    });
  }

  /** A ready still image (or a panorama's flat preview) with its JPEGs; none for anything else. */
  private image(asset: Asset): OpenImage[] {
    if (asset.status !== 'ready' || (asset.kind !== 'image' && asset.kind !== 'panorama'))
      return [];
    const jpegs = (asset.rendition?.variants ?? [])
      .filter((v) => v.format === 'jpeg')
      .sort((a, b) => a.width - b.width);
    const largest = jpegs.at(-1);
    const small = jpegs.find((v) => v.width >= 400) ?? largest;
    if (!largest || !small) return [];
    const sized = (v: typeof largest) => ({
      url: this.urls.media(v.key),
      width: v.width,
      height: v.height
    });
    const zoom = asset.kind === 'image' ? asset.deepZoom : null;
    return [
      {
        assetId: asset.id,
        width: zoom?.width ?? asset.rendition?.width ?? largest.width,
        height: zoom?.height ?? asset.rendition?.height ?? largest.height,
        alt: asset.alt,
        caption: asset.caption,
        credit: asset.credit,
        large: sized(largest),
        thumbnail: sized(small),
        service: zoom ? this.urls.imageService(asset.id) : null
      }
    ];
  }
}
