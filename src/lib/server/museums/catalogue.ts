import { museumInput, type MuseumInput, type MuseumRecord } from '$lib/shared/museum';
import { checkHoursRule } from '../hours/hours';
import { sanitizeRichText } from '../content/rich-text';
import type { MuseumRepository } from './repository';

export interface FieldError {
  field: string;
  message: { ru: string; en: string };
}

export type SaveResult = { ok: true; id: number } | { ok: false; errors: FieldError[] };

/** Writes museums: every rule a record must meet is checked here, before anything is stored. */
export class MuseumCatalogue {
  constructor(private readonly museums: MuseumRepository) {}

  async create(input: MuseumInput): Promise<SaveResult> {
    const parsed = museumInput.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        errors: parsed.error.issues.map((issue) => ({
          field: issue.path.join('.'),
          message: { ru: issue.message, en: issue.message }
        }))
      };
    }
    const record = parsed.data;
    if (record.hoursRule) {
      const check = checkHoursRule(record.hoursRule);
      if (!check.ok) return { ok: false, errors: [{ field: 'hoursRule', message: check.message }] };
    }
    const id = await this.museums.insert(withSanitisedText(record));
    return { ok: true, id };
  }
}

function withSanitisedText(record: MuseumRecord): MuseumRecord {
  const clean = (value: MuseumRecord['about']) =>
    value ? { ru: sanitizeRichText(value.ru), en: sanitizeRichText(value.en) } : value;
  return { ...record, about: clean(record.about), history: clean(record.history) };
}
