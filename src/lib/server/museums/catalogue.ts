import { z } from 'zod';
import { museumInput, type MuseumInput, type MuseumRecord } from '$lib/shared/museum';
import { checkHoursRule } from '../hours/hours';
import { sanitizeRichText } from '../content/rich-text';
import type { MuseumRepository } from './repository';

export interface FieldError {
  field: string;
  message: { ru: string; en: string };
}

export type Checked = { ok: true; record: MuseumRecord } | { ok: false; errors: FieldError[] };
export type SaveResult = { ok: true; id: number } | { ok: false; errors: FieldError[] };

/**
 * Every rule a museum record must meet, in one place: the schema (with messages in Russian and
 * English), a valid hours rule, and rich text cleaned of anything but structure.
 */
export function checkMuseum(input: MuseumInput): Checked {
  const parsed = museumInput.safeParse(input);
  if (!parsed.success) {
    const inEnglish = museumInput.safeParse(input, { error: z.locales.en().localeError });
    const inRussian = museumInput.safeParse(input, { error: z.locales.ru().localeError });
    const en = inEnglish.error?.issues ?? [];
    const ru = inRussian.error?.issues ?? [];
    return {
      ok: false,
      errors: en.map((issue, i) => ({
        field: issue.path.join('.'),
        message: { ru: ru[i]?.message ?? issue.message, en: issue.message }
      }))
    };
  }
  const record = parsed.data;
  if (record.hoursRule) {
    const check = checkHoursRule(record.hoursRule);
    if (!check.ok) return { ok: false, errors: [{ field: 'hoursRule', message: check.message }] };
  }
  const clean = (value: MuseumRecord['about']) =>
    value ? { ru: sanitizeRichText(value.ru), en: sanitizeRichText(value.en) } : value;
  return {
    ok: true,
    record: { ...record, about: clean(record.about), history: clean(record.history) }
  };
}

/** Creates museums (the association's job, and the demo data's). */
export class MuseumCatalogue {
  constructor(private readonly museums: MuseumRepository) {}

  async create(input: MuseumInput): Promise<SaveResult> {
    const checked = checkMuseum(input);
    if (!checked.ok) return checked;
    return { ok: true, id: await this.museums.insert(checked.record) };
  }
}
