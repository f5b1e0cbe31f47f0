import type { Kysely, Transaction } from 'kysely';
import type { NoticeRecord } from '$lib/shared/fields';
import type { DB } from './schema';

/** Notices belong to a museum, or to the association itself when museumId is null. */
export async function insertNotices(
  trx: Kysely<DB> | Transaction<DB>,
  museumId: number | null,
  notices: NoticeRecord[]
): Promise<void> {
  if (notices.length === 0) return;
  await trx
    .insertInto('notices')
    .values(
      notices.map((n) => ({
        museum_id: museumId,
        body_ru: n.body.ru,
        body_en: n.body.en,
        valid_from: n.validFrom ?? null,
        valid_until: n.validUntil ?? null
      }))
    )
    .execute();
}
