import { z } from 'zod';
import { slug, text } from './fields';
import type { ResponsiveImage } from './media';

/**
 * Exhibits (objects of a museum's collection) and the collections that group them: what staff
 * edit and import (ExhibitInput, checked by zod on the server) and what visitors' pages get
 * (ExhibitView, one language, everything resolved to URLs).
 *
 * Inventories are kept in Russian; an English title or description is welcome but never
 * required, so an imported inventory is publishable as it is. English pages show the Russian
 * text, marked `lang="ru"`, where the English is missing.
 */

/** Russian required, English optional ('' when not given). */
export const titleText = z.object({ ru: text.min(1).max(500), en: text.max(500).default('') });
/** Both optional ('' when not given). */
export const optionalText = z.object({
  ru: text.max(20_000).default(''),
  en: text.max(20_000).default('')
});
const emptyText = { ru: '', en: '' };
const optional = optionalText.default(emptyText);

/** The kinds of object, a short controlled list so the facet reads the same in both languages. */
export const exhibitCategories = [
  'archaeology',
  'ethnography',
  'documents',
  'photographs',
  'books',
  'numismatics',
  'weapons',
  'fine-art',
  'decorative-art',
  'natural-history',
  'technology',
  'household',
  'other'
] as const;
export type ExhibitCategory = (typeof exhibitCategories)[number];

/** The main material, for the facet; the full "material and technique" is free text. */
export const exhibitMaterials = [
  'wood',
  'metal',
  'paper',
  'textile',
  'ceramics',
  'glass',
  'stone',
  'bone',
  'leather',
  'fur',
  'birch-bark',
  'plastic',
  'mixed',
  'other'
] as const;
export type ExhibitMaterial = (typeof exhibitMaterials)[number];

/** How an object's images and data may be reused. */
export const rightsStatements = [
  'museum-rights',
  'in-copyright',
  'public-domain',
  'cc0',
  'cc-by',
  'cc-by-sa'
] as const;
export type RightsStatement = (typeof rightsStatements)[number];

/** Years for the period facet: negative for BC. */
const year = z.number().int().min(-40_000).max(2100);
const id = z.number().int().positive();

export const exhibitInput = z
  .object({
    /** Unique within the museum: the key by which an import finds the object again. */
    inventoryNumber: text.min(1).max(64),
    title: titleText,
    /** Plain text; blank lines separate paragraphs. */
    description: optional,
    /** Dating as the inventory says it ("конец XIX в."), plus years for filtering. */
    dating: optional,
    yearFrom: year.nullish(),
    yearTo: year.nullish(),
    maker: optional,
    place: optional,
    /** "Material and technique" as written: "дерево, резьба, роспись". */
    technique: optional,
    material: z.enum(exhibitMaterials).nullish(),
    dimensions: optional,
    category: z.enum(exhibitCategories).default('other'),
    /** A collection of the same museum. */
    collectionId: id.nullish(),
    provenance: optional,
    tags: z.array(text.min(1).max(60)).max(30).default([]),
    rights: z
      .object({
        statement: z.enum(rightsStatements).default('museum-rights'),
        credit: text.max(500).default('')
      })
      .default({ statement: 'museum-rights', credit: '' }),
    /** Images (and video, audio, documents) of the museum's library, in the order shown. */
    media: z.array(id).max(40).default([]),
    /** Other exhibits of the same museum. */
    related: z.array(id).max(24).default([]),
    /** Where it is shown: "Зал 2, витрина 5". Empty: in storage. */
    hall: optional
  })
  .refine((e) => e.yearFrom == null || e.yearTo == null || e.yearFrom <= e.yearTo, {
    path: ['yearTo'],
    message: 'yearTo: not before yearFrom'
  });
export type ExhibitInput = z.input<typeof exhibitInput>;

/** The fields of an exhibit written in both languages (a form's paired inputs). */
export const exhibitTextFields = [
  'title',
  'description',
  'dating',
  'maker',
  'place',
  'technique',
  'dimensions',
  'provenance',
  'hall'
] as const;
export type ExhibitTextField = (typeof exhibitTextFields)[number];
export type ExhibitRecord = z.output<typeof exhibitInput>;

/** Where an exhibit came from: demo objects are invented and always say so to visitors. */
export type ExhibitOrigin = 'staff' | 'import' | 'demo';

export const collectionInput = z.object({
  slug,
  title: titleText,
  description: optional,
  coverAssetId: id.nullish()
});
export type CollectionInput = z.input<typeof collectionInput>;
export type CollectionRecord = z.output<typeof collectionInput>;

/** A line of an exhibit list: the card in browse, search and related objects. */
export interface ExhibitCard {
  id: number;
  museum: { slug: string; name: string };
  inventoryNumber: string;
  title: string;
  /** The language the title is in, when it differs from the page's (an untranslated title). */
  titleLang: 'ru' | 'en' | null;
  dating: string | null;
  image: ResponsiveImage | null;
  alt: string;
  href: string;
}

/** A published exhibit as its public page gets it. */
export interface ExhibitView {
  id: number;
  museum: { slug: string; name: string };
  inventoryNumber: string;
  origin: ExhibitOrigin;
  title: string;
  titleLang: 'ru' | 'en' | null;
  /** Paragraphs of the description. */
  description: string[];
  descriptionLang: 'ru' | 'en' | null;
  dating: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  maker: string | null;
  place: string | null;
  technique: string | null;
  material: ExhibitMaterial | null;
  dimensions: string | null;
  category: ExhibitCategory;
  collection: { slug: string; title: string } | null;
  provenance: string | null;
  tags: string[];
  rights: { statement: RightsStatement; credit: string | null };
  images: {
    image: ResponsiveImage;
    alt: string;
    caption: string | null;
    credit: string | null;
    /** IIIF Image API info.json for deep zoom, when the image is big enough to have tiles. */
    iiif: string | null;
  }[];
  hall: string | null;
  related: ExhibitCard[];
  /** "Музей …, инв. № …, «…», <address>" — a line to cite the object by. */
  citation: string;
}
