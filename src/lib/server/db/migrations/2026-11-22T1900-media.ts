import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * The media library: one row per uploaded file once it has been checked and stored (an upload
 * still in flight has no row, so a cut upload leaves no half-made asset), and the photos a
 * museum shows on its public page.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const table = db.schema.createTable('media_assets');
  await (
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('museum_id', 'integer', (c) =>
      c.notNull().references('museums.id').onDelete('cascade')
    )
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('image', 'panorama', 'video', 'audio', 'document')`)
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('processing')
        .check(sql`status IN ('processing', 'ready', 'failed')`)
    )
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('original_key', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('alt_ru', 'text')
    .addColumn('alt_en', 'text')
    .addColumn('caption_ru', 'text')
    .addColumn('caption_en', 'text')
    .addColumn('credit', 'text')
    .addColumn('licence', 'text')
    .addColumn('focal_x', 'real')
    .addColumn('focal_y', 'real')
    .addColumn('rendition', t.json)
    .addColumn('tiles', t.json)
    .addColumn('error', 'text')
    // File name, alt, caption and credit folded to lower case with ё→е, searched with LIKE: the
    // same on both dialects (SQLite's lower() knows only ASCII).
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    // The resumable upload it came from: finishing the same upload twice makes one asset.
    .addColumn('upload_id', 'text', (c) => c.unique())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex('media_assets_by_museum')
    .on('media_assets')
    .columns(['museum_id', 'id'])
    .execute();

  await db.schema
    .createTable('museum_photos')
    .addColumn('museum_id', 'integer', (c) =>
      c.notNull().references('museums.id').onDelete('cascade')
    )
    // An asset in use cannot be deleted: the library says where it is used first.
    .addColumn('asset_id', 'integer', (c) =>
      c.notNull().references('media_assets.id').onDelete('restrict')
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('museum_photos_pk', ['museum_id', 'asset_id'])
    .execute();
  await db.schema
    .createIndex('museum_photos_by_asset')
    .on('museum_photos')
    .column('asset_id')
    .execute();
}
