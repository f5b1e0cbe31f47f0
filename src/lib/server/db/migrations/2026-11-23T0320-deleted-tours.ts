import type { Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * Deleting a tour only marks it: visitors and embeds lose it at once, staff can restore it for
 * 30 days, and its versions and address stay with it meanwhile.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema.alterTable('tours').addColumn('deleted_at', t.timestamp).execute();
  await db.schema
    .alterTable('tours')
    .addColumn('deleted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}
