import { z } from 'zod';
import { localized, notice, phone, slug, text } from './fields';

export const ownerships = [
  'state',
  'municipal',
  'private',
  'departmental',
  'public_movement'
] as const;
export type Ownership = (typeof ownerships)[number];

export const profiles = [
  'local_lore',
  'fine_arts',
  'science_technology',
  'military_history',
  'history',
  'memorial',
  'natural_history',
  'ethnography'
] as const;
export type Profile = (typeof profiles)[number];

export const memberships = ['member', 'partner'] as const;
export const museumStatuses = ['active', 'establishing'] as const;
export const offerKinds = ['amount', 'free', 'by_agreement'] as const;
export const locales = ['ru', 'en'] as const;
export type Locale = (typeof locales)[number];

const optionalText = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null));

/** Everything a museum record holds, as it arrives from a form, an import or the demo data. */
export const museumInput = z.object({
  slug,
  membership: z.enum(memberships),
  status: z.enum(museumStatuses),
  ownership: z.enum(ownerships),
  profile: z.enum(profiles),
  name: localized,
  shortName: localized.nullish(),
  foundedYear: z.number().int().min(1000).max(2100).nullish(),
  founders: localized.nullish(),
  director: localized.nullish(),
  directorTitle: localized.nullish(),
  settlementSlug: text.nullish(),
  address: localized.nullish(),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  timeZone: text.min(1),
  phones: z.array(phone).default([]),
  emails: z.array(z.email()).default([]),
  website: z.url().nullish(),
  vk: z.url().nullish(),
  telegram: z.url().nullish(),
  ok: z.url().nullish(),
  hoursRule: optionalText,
  hoursNote: localized.nullish(),
  accessibility: localized.nullish(),
  freeAdmission: z.array(localized).default([]),
  summary: localized.nullish(),
  about: localized.nullish(),
  history: localized.nullish(),
  contacts: z
    .array(
      z.object({
        name: localized,
        role: localized.nullish(),
        phone: optionalText,
        email: z.email().nullish()
      })
    )
    .default([]),
  prices: z
    .array(
      z
        .object({
          category: localized,
          kind: z.enum(offerKinds),
          amountRub: z.number().int().min(0).nullish(),
          conditions: localized.nullish()
        })
        .refine((o) => (o.kind === 'amount') === (o.amountRub != null), {
          message: 'an amount is given exactly when the offer has a price'
        })
    )
    .default([]),
  notices: z.array(notice).default([]),
  /** Media library assets shown on the public page, in this order. */
  photos: z.array(z.number().int().positive()).max(40).default([])
});
export type MuseumInput = z.input<typeof museumInput>;
export type MuseumRecord = z.output<typeof museumInput>;
