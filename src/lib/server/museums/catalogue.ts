import { museumInput, type MuseumInput, type MuseumRecord } from '$lib/shared/museum';
import { checkHoursRule } from '../hours/hours';
import { sanitizeRichPair } from '../content/rich-text';
import { checkNoticeDates } from '../content/notices';
import { checkInBothLanguages, type FieldError } from '../content/checks';
import type { MuseumRepository } from './repository';

export type { FieldError };

export type Checked = { ok: true; record: MuseumRecord } | { ok: false; errors: FieldError[] };
export type SaveResult = { ok: true; id: number } | { ok: false; errors: FieldError[] };

/**
 * Every rule a museum record must meet, in one place: the schema (with messages in Russian and
 * English), a valid hours rule, and rich text cleaned of anything but structure.
 */
export function checkMuseum(input: MuseumInput): Checked {
  const parsed = checkInBothLanguages(museumInput, input);
  if (!parsed.ok) return parsed;
  const record = parsed.data;
  if (record.hoursRule) {
    const check = checkHoursRule(record.hoursRule);
    if (!check.ok) return { ok: false, errors: [{ field: 'hoursRule', message: check.message }] };
  }
  const dates = checkNoticeDates(record.notices);
  if (dates.length > 0) return { ok: false, errors: dates };
  return {
    ok: true,
    record: {
      ...record,
      about: sanitizeRichPair(record.about),
      history: sanitizeRichPair(record.history)
    }
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
