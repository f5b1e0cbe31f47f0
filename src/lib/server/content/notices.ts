import type { NoticeRecord } from '$lib/shared/fields';
import type { FieldError } from './checks';

/** A notice that ends before it starts would never show: say so beside its end date. */
export function checkNoticeDates(notices: readonly NoticeRecord[]): FieldError[] {
  return notices.flatMap((n, i) =>
    n.validFrom && n.validUntil && n.validUntil < n.validFrom
      ? [
          {
            field: `notices.${i}.validUntil`,
            message: {
              ru: 'Дата окончания раньше даты начала.',
              en: 'The end date is before the start date.'
            }
          }
        ]
      : []
  );
}
