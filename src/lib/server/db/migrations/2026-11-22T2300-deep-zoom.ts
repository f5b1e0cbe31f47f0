import type { Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * Deep zoom: where an image's IIIF level-0 tiles are and what levels and sizes they have, once
 * the `media.iiif` job has made them (null until then, and for other kinds).
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema.alterTable('media_assets').addColumn('deep_zoom', t.json).execute();
}
