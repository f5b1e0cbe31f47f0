import { z } from 'zod';

/** Field shapes that museums and the association share. */
export const text = z.string().trim();
export const localized = z.object({ ru: text.min(1), en: text.min(1) });
export const slug = text.regex(
  /^[a-z0-9]+(-[a-z0-9]+)*$/,
  'slug: latin lower-case letters, digits and hyphens'
);
export const phone = z.object({ number: text.min(5), label: localized.optional() });

/** A visitor notice, shown while today is within its validity period. */
export const notice = z.object({
  body: localized,
  validFrom: z.iso.date().nullish(),
  validUntil: z.iso.date().nullish()
});
export type NoticeRecord = z.output<typeof notice>;
