import { m } from '$lib/paraglide/messages';
import { categoryLabel, materialLabel } from '$lib/components/exhibits/labels';
import type { Locale } from '$lib/shared/museum';
import { rightsUri, type OpenExhibit, type OpenUrls, type Pair } from './open-exhibits';

/** The JSON-LD type of every Presentation API answer (Presentation API 3, section 6.1). */
export const presentationType =
  'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"';
const context = 'http://iiif.io/api/presentation/3/context.json';

/** A IIIF language map: `{ "ru": ["…"], "en": ["…"] }`, a language only where there is text. */
export type LanguageMap = Partial<Record<Locale | 'none', string[]>>;

export function languageMap(value: Pair): LanguageMap {
  const map: LanguageMap = {};
  if (value.ru) map.ru = [value.ru];
  if (value.en) map.en = [value.en];
  return map;
}

/** An interface string in both languages. */
export function bothLanguages(message: (inputs: object, options: { locale: Locale }) => string) {
  return { ru: message({}, { locale: 'ru' }), en: message({}, { locale: 'en' }) };
}

const isEmpty = (map: LanguageMap) => Object.keys(map).length === 0;

function pair(label: Pair, value: LanguageMap) {
  return { label: languageMap(label), value };
}

/**
 * A IIIF Presentation 3 Manifest of a published exhibit: its texts as language maps, the catalogue
 * fields as metadata pairs, one Canvas per image painted by the image's largest JPEG with the
 * level-0 Image API service beside it (deep zoom in Mirador, Universal Viewer, OpenSeadragon),
 * and links back to the exhibit's page, its JSON and its Dublin Core record.
 */
export function exhibitManifest(exhibit: OpenExhibit, urls: OpenUrls) {
  const { record, museum } = exhibit;
  const id = urls.manifest(exhibit.id);
  const technique = record.technique.ru
    ? record.technique
    : record.material
      ? {
          ru: materialLabel(record.material, 'ru'),
          en: materialLabel(record.material, 'en')
        }
      : { ru: '', en: '' };
  const metadata = [
    pair(bothLanguages(m.exhibit_page_inventory), { none: [record.inventoryNumber] }),
    pair(bothLanguages(m.exhibit_page_dating), languageMap(record.dating)),
    pair(bothLanguages(m.exhibit_page_maker), languageMap(record.maker)),
    pair(bothLanguages(m.exhibit_page_place), languageMap(record.place)),
    pair(bothLanguages(m.exhibit_page_technique), languageMap(technique)),
    pair(bothLanguages(m.exhibit_page_dimensions), languageMap(record.dimensions)),
    pair(
      bothLanguages(m.exhibit_page_category),
      languageMap({
        ru: categoryLabel(record.category, 'ru'),
        en: categoryLabel(record.category, 'en')
      })
    ),
    pair(
      bothLanguages(m.exhibit_page_collection),
      exhibit.collection ? languageMap(exhibit.collection.title) : {}
    ),
    pair(bothLanguages(m.interop_museum), languageMap(museum.name)),
    // Invented objects say so wherever they go (PRODUCT.md: never present demo content as real).
    ...(exhibit.origin === 'demo'
      ? [pair(bothLanguages(m.interop_note), languageMap(bothLanguages(m.exhibit_page_demo)))]
      : [])
  ].filter((p) => !isEmpty(p.value));
  const credit = record.rights.credit;
  const canvases = exhibit.images.map((image, index) => {
    const canvas = `${id}/canvas/${index + 1}`;
    return {
      id: canvas,
      type: 'Canvas',
      label: languageMap(
        image.caption.ru || image.caption.en
          ? image.caption
          : {
              ru: m.exhibit_page_image_n(
                { n: index + 1, count: exhibit.images.length },
                { locale: 'ru' }
              ),
              en: m.exhibit_page_image_n(
                { n: index + 1, count: exhibit.images.length },
                { locale: 'en' }
              )
            }
      ),
      width: image.width,
      height: image.height,
      items: [
        {
          id: `${canvas}/page`,
          type: 'AnnotationPage',
          items: [
            {
              id: `${canvas}/page/image`,
              type: 'Annotation',
              motivation: 'painting',
              body: {
                id: image.large.url,
                type: 'Image',
                format: 'image/jpeg',
                width: image.large.width,
                height: image.large.height,
                ...(image.service
                  ? { service: [{ id: image.service, type: 'ImageService3', profile: 'level0' }] }
                  : {})
              },
              target: canvas
            }
          ]
        }
      ],
      thumbnail: [thumbnail(image.thumbnail)]
    };
  });
  const first = exhibit.images[0];
  return {
    '@context': context,
    id,
    type: 'Manifest',
    label: languageMap(record.title),
    ...(isEmpty(languageMap(record.description))
      ? {}
      : { summary: languageMap(record.description) }),
    metadata,
    requiredStatement: pair(
      bothLanguages(m.interop_attribution),
      languageMap({
        ru: [museum.name.ru, credit].filter(Boolean).join('. '),
        en: [museum.name.en || museum.name.ru, credit].filter(Boolean).join('. ')
      })
    ),
    rights: rightsUri[record.rights.statement],
    provider: [
      {
        id: urls.museumPage(museum.slug, 'ru'),
        type: 'Agent',
        label: languageMap(museum.name),
        homepage: homepages((locale) => urls.museumPage(museum.slug, locale), museum.name)
      }
    ],
    homepage: homepages(
      (locale) => urls.exhibitPage(museum.slug, exhibit.id, locale),
      record.title
    ),
    seeAlso: [
      {
        id: urls.apiExhibit(exhibit.id),
        type: 'Dataset',
        label: languageMap(bothLanguages(m.interop_exhibit_data)),
        format: 'application/json'
      },
      {
        id: urls.oaiRecord(exhibit.id),
        type: 'Dataset',
        label: languageMap(bothLanguages(m.interop_dublin_core)),
        format: 'text/xml',
        profile: 'http://www.openarchives.org/OAI/2.0/oai_dc/'
      }
    ],
    ...(exhibit.collection
      ? {
          partOf: [
            {
              id: urls.collection(museum.slug, exhibit.collection.slug),
              type: 'Collection'
            }
          ]
        }
      : {}),
    ...(first ? { thumbnail: [thumbnail(first.thumbnail)] } : {}),
    items: canvases
  };
}

/** A page of the site in each language, as IIIF `homepage` lists them. */
function homepages(pageOf: (locale: Locale) => string, label: Pair) {
  return (['ru', 'en'] as const).map((locale) => ({
    id: pageOf(locale),
    type: 'Text',
    label: languageMap(label),
    format: 'text/html',
    language: [locale]
  }));
}

function thumbnail(image: { url: string; width: number; height: number }) {
  return {
    id: image.url,
    type: 'Image',
    format: 'image/jpeg',
    width: image.width,
    height: image.height
  };
}

/** A IIIF Collection of a museum collection: its exhibits' manifests, in the order of publishing. */
export function collectionDocument(
  collection: {
    slug: string;
    title: Pair;
    description: Pair;
    museum: { slug: string; name: Pair };
  },
  exhibits: OpenExhibit[],
  urls: OpenUrls
) {
  const { museum } = collection;
  return {
    '@context': context,
    id: urls.collection(museum.slug, collection.slug),
    type: 'Collection',
    label: languageMap(collection.title),
    ...(isEmpty(languageMap(collection.description))
      ? {}
      : { summary: languageMap(collection.description) }),
    requiredStatement: pair(bothLanguages(m.interop_attribution), languageMap(museum.name)),
    homepage: homepages((locale) => urls.museumPage(museum.slug, locale), museum.name),
    items: exhibits.map((e) => ({
      id: urls.manifest(e.id),
      type: 'Manifest',
      label: languageMap(e.record.title),
      ...(e.images[0] ? { thumbnail: [thumbnail(e.images[0].thumbnail)] } : {})
    }))
  };
}
