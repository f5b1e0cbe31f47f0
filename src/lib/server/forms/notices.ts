import type { z } from 'zod';
import type { notice } from '$lib/shared/fields';
import type { FormFields } from './fields';

type NoticeInput = z.input<typeof notice>;

/** Notice rows of a museum's or the association's form: a text and the dates it is shown. */
export function readNotices(f: FormFields): NoticeInput[] {
  return f.rows('notices', (row) => {
    const body = f.pair(`${row}.body`);
    const validFrom = f.date(`${row}.validFrom`);
    const validUntil = f.date(`${row}.validUntil`);
    if (!body && !validFrom && !validUntil) return null;
    return { body: body ?? { ru: '', en: '' }, validFrom, validUntil };
  });
}
