import type { Locale } from '$lib/shared/museum';
import type { ExhibitCard, ExhibitRecord, ExhibitView } from '$lib/shared/exhibit';
import type { Asset } from '../media/repository';
import { responsiveImage } from '../media/responsive';
import type { SearchDocument } from '../search/types';
import type { ExhibitRepository } from './repository';

type Pair = { ru: string; en: string };

/** The text in the visitor's language, the Russian where no translation exists, and which it is. */
function inLocale(locale: Locale, value: Pair): { text: string; lang: 'ru' | 'en' | null } {
  if (locale === 'en' && value.en) return { text: value.en, lang: null };
  return { text: value.ru, lang: locale === 'ru' ? null : 'ru' };
}
const orNull = (locale: Locale, value: Pair) => inLocale(locale, value).text || null;

/** The public path of an exhibit, without the locale prefix. */
export const exhibitPath = (museumSlug: string, exhibitId: number) =>
  `/museums/${museumSlug}/exhibits/${exhibitId}`;

/** The path of an image's IIIF Image API service (its info.json lives under it). */
export const iiifServicePath = (assetId: number) => `/iiif/3/${assetId}`;

/**
 * The public read model of exhibits: published records in the visitor's language, images
 * resolved to URLs. Images that are gone or not ready are left out; drafts never reach it.
 */
export class ExhibitDirectory {
  constructor(
    private readonly exhibits: ExhibitRepository,
    /** The museum's assets with these ids (no access check: only published records ask). */
    private readonly assetsOf: (museumId: number, ids: number[]) => Promise<Asset[]>,
    /** Storage key → public URL. */
    private readonly urlOf: (key: string) => string
  ) {}

  async page(museumSlug: string, exhibitId: number, locale: Locale): Promise<ExhibitView | null> {
    const found = await this.exhibits.published(museumSlug, exhibitId);
    if (!found) return null;
    return this.view(found.id, found.museumId, found.origin, found.museum, found.record, locale);
  }

  /** A version staff are working on, as visitors would see it. */
  async preview(museumId: number, exhibitId: number, record: ExhibitRecord, locale: Locale) {
    const museum = await this.exhibits.museumOf(museumId);
    const exhibit = await this.exhibits.find(museumId, exhibitId);
    if (!museum || !exhibit) return null;
    return this.view(
      exhibitId,
      museumId,
      exhibit.origin,
      {
        slug: museum.slug,
        name: { ru: museum.name_ru, en: museum.name_en },
        address: { ru: museum.address_ru, en: museum.address_en }
      },
      record,
      locale
    );
  }

  /** A museum's collections for visitors: title, description and cover in their language. */
  async collectionsOf(museumSlug: string, locale: Locale) {
    const collections = await this.exhibits.collectionsOfMuseum(museumSlug);
    const museumId = collections[0]?.museumId;
    if (museumId === undefined) return [];
    const covers = await this.images(
      museumId,
      collections.flatMap((c) => (c.coverAssetId ? [c.coverAssetId] : []))
    );
    return collections.map((c) => {
      const cover = c.coverAssetId ? covers.get(c.coverAssetId) : undefined;
      const title = inLocale(locale, c.title);
      const description = inLocale(locale, c.description);
      return {
        id: c.id,
        slug: c.slug,
        title: title.text,
        titleLang: title.lang,
        description: description.text ? description.text.split(/\n{2,}/) : [],
        descriptionLang: description.text ? description.lang : null,
        cover: cover?.rendition
          ? {
              image: responsiveImage(cover.rendition, this.urlOf, cover.focal),
              alt: inLocale(locale, cover.alt).text
            }
          : null
      };
    });
  }

  /** One collection with its museum's name, for the collection's page. */
  async collectionPage(museumSlug: string, collectionSlug: string, locale: Locale) {
    const collection = (await this.collectionsOf(museumSlug, locale)).find(
      (c) => c.slug === collectionSlug
    );
    const found = await this.exhibits.collectionBySlug(museumSlug, collectionSlug);
    const museum = found ? await this.exhibits.museumOf(found.museumId) : undefined;
    if (!collection || !museum) return null;
    return {
      museum: {
        slug: museum.slug,
        name: inLocale(locale, { ru: museum.name_ru, en: museum.name_en }).text
      },
      collection
    };
  }

  /** Cards of published exhibits of one museum, in the order of the ids. */
  async cards(
    museumId: number,
    museum: { slug: string; name: Pair },
    ids: number[],
    locale: Locale
  ): Promise<ExhibitCard[]> {
    const found = await this.exhibits.publishedAmong(museumId, ids);
    const firsts = found.flatMap((e) => e.record.media.slice(0, 1));
    const assets = await this.images(museumId, firsts);
    return found.map(({ id, record }) => {
      const first = record.media.map((m) => assets.get(m)).find(Boolean);
      const title = inLocale(locale, record.title);
      return {
        id,
        museum: { slug: museum.slug, name: inLocale(locale, museum.name).text },
        inventoryNumber: record.inventoryNumber,
        title: title.text,
        titleLang: title.lang,
        dating: orNull(locale, record.dating),
        image: first?.rendition ? responsiveImage(first.rendition, this.urlOf, first.focal) : null,
        alt: first ? inLocale(locale, first.alt).text : '',
        href: exhibitPath(museum.slug, id)
      };
    });
  }

  private async images(museumId: number, ids: number[]) {
    const assets = await this.assetsOf(museumId, ids);
    return new Map(
      assets
        .filter((a) => a.status === 'ready' && (a.kind === 'image' || a.kind === 'panorama'))
        .map((a) => [a.id, a])
    );
  }

  private async view(
    id: number,
    museumId: number,
    origin: ExhibitView['origin'],
    museum: { slug: string; name: Pair; address: { ru: string | null; en: string | null } },
    record: ExhibitRecord,
    locale: Locale
  ): Promise<ExhibitView> {
    const assets = await this.images(museumId, record.media);
    const collection = record.collectionId
      ? (await this.exhibits.collections(museumId)).find((c) => c.id === record.collectionId)
      : undefined;
    const title = inLocale(locale, record.title);
    const description = inLocale(locale, record.description);
    const museumName = inLocale(locale, museum.name).text;
    const address = locale === 'en' ? (museum.address.en ?? museum.address.ru) : museum.address.ru;
    return {
      id,
      museum: { slug: museum.slug, name: museumName },
      inventoryNumber: record.inventoryNumber,
      origin,
      title: title.text,
      titleLang: title.lang,
      description: description.text ? description.text.split(/\n{2,}/) : [],
      descriptionLang: description.text ? description.lang : null,
      dating: orNull(locale, record.dating),
      yearFrom: record.yearFrom ?? null,
      yearTo: record.yearTo ?? null,
      maker: orNull(locale, record.maker),
      place: orNull(locale, record.place),
      technique: orNull(locale, record.technique),
      material: record.material ?? null,
      dimensions: orNull(locale, record.dimensions),
      category: record.category,
      collection: collection
        ? { slug: collection.slug, title: inLocale(locale, collection.title).text }
        : null,
      provenance: orNull(locale, record.provenance),
      tags: record.tags,
      rights: { statement: record.rights.statement, credit: record.rights.credit || null },
      images: record.media.flatMap((assetId) => {
        const asset = assets.get(assetId);
        if (!asset?.rendition) return [];
        return [
          {
            image: responsiveImage(asset.rendition, this.urlOf, asset.focal),
            alt: inLocale(locale, asset.alt).text,
            caption: orNull(locale, asset.caption),
            credit: asset.credit || null,
            iiif: asset.deepZoom ? `${iiifServicePath(asset.id)}/info.json` : null
          }
        ];
      }),
      hall: orNull(locale, record.hall),
      related: await this.cards(museumId, museum, record.related, locale),
      citation: [
        museumName,
        address,
        `${locale === 'en' ? 'inv. no.' : 'инв. №'} ${record.inventoryNumber}`,
        locale === 'en' ? `“${title.text}”` : `«${title.text}»`
      ]
        .filter(Boolean)
        .join(', ')
    };
  }
}

/** What the search index keeps of a published exhibit. */
export function exhibitDocument(exhibit: {
  id: number;
  museumId: number;
  museumSlug: string;
  record: ExhibitRecord;
}): SearchDocument {
  const { record } = exhibit;
  const join = (lang: 'ru' | 'en') =>
    [
      record.inventoryNumber,
      record.description[lang],
      record.dating[lang],
      record.maker[lang],
      record.place[lang],
      record.technique[lang],
      record.provenance[lang],
      record.hall[lang],
      lang === 'ru' ? record.tags.join(' ') : ''
    ]
      .filter(Boolean)
      .join('\n');
  return {
    kind: 'exhibit',
    refId: exhibit.id,
    museumId: exhibit.museumId,
    path: exhibitPath(exhibit.museumSlug, exhibit.id),
    title: record.title,
    summary: { ru: record.dating.ru, en: record.dating.en },
    body: { ru: join('ru'), en: join('en') },
    // The first file is the exhibit's picture; the search page shows it once it is a ready image.
    imageAssetId: record.media[0] ?? null,
    exhibit: {
      collectionId: record.collectionId ?? null,
      category: record.category,
      material: record.material ?? null,
      yearFrom: record.yearFrom ?? null,
      yearTo: record.yearTo ?? null
    }
  };
}
