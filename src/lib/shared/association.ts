import { z } from 'zod';
import { localized, notice, phone, slug, text } from './fields';

export const governanceBodies = ['leadership', 'council', 'revision_commission'] as const;
export const governanceRoles = [
  'president',
  'secretary',
  'council_chair',
  'council_member',
  'revision_chair'
] as const;

export const associationInput = z.object({
  name: localized,
  shortName: localized,
  /** The association in two sentences, for the home page. */
  summary: localized,
  about: localized.nullish(),
  goals: localized.nullish(),
  founders: localized.nullish(),
  foundedOn: z.iso.date().nullish(),
  registeredOn: z.iso.date().nullish(),
  memberTowns: z.array(localized).default([]),
  address: localized.nullish(),
  phones: z.array(phone).default([]),
  emails: z.array(z.email()).default([]),
  website: z.url().nullish(),
  governance: z
    .array(
      z.object({
        body: z.enum(governanceBodies),
        role: z.enum(governanceRoles),
        person: localized,
        affiliation: localized.nullish()
      })
    )
    .default([]),
  projects: z
    .array(
      z.object({
        slug,
        title: localized,
        period: localized.nullish(),
        summary: localized.nullish(),
        body: localized.nullish()
      })
    )
    .default([]),
  notices: z.array(notice).default([])
});
export type AssociationInput = z.input<typeof associationInput>;
export type AssociationRecord = z.output<typeof associationInput>;

export const placeInput = z.object({
  districts: z.array(z.object({ slug: text, name: localized })),
  settlements: z.array(
    z.object({
      slug: text,
      districtSlug: text.nullish(),
      name: localized,
      region: localized,
      latitude: z.number().nullish(),
      longitude: z.number().nullish()
    })
  )
});
export type PlaceInput = z.input<typeof placeInput>;
