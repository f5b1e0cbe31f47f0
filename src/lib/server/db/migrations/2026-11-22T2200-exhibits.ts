import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * Collections and exhibits. An exhibit row holds its key within the museum (the inventory number,
 * by which an import finds it again), the working title, and what visitors see (the published
 * ExhibitRecord as JSON, null before the first publishing); its versions travel draft → review →
 * published in exhibit_revisions like a tour's. exhibit_assets lists the files each exhibit uses
 * (its published record and its open version), so "where used" needs no scan of JSON.
 * Finding exhibits (facets, sorting, search) goes through the search index, not these tables.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const identity = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await identity(db.schema.createTable('collections'))
    .addColumn('museum_id', 'integer', (c) =>
      c.notNull().references('museums.id').onDelete('cascade')
    )
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_ru', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cover_asset_id', 'integer', (c) =>
      c.references('media_assets.id').onDelete('set null')
    )
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addUniqueConstraint('collections_slug_in_museum', ['museum_id', 'slug'])
    .execute();

  await identity(db.schema.createTable('exhibits'))
    .addColumn('museum_id', 'integer', (c) =>
      c.notNull().references('museums.id').onDelete('cascade')
    )
    .addColumn('inventory_number', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) =>
      c
        .notNull()
        .defaultTo('staff')
        .check(sql`origin IN ('staff', 'import', 'demo')`)
    )
    // The title of the latest saved version, so staff lists need no JSON.
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published', t.json)
    .addColumn('published_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addUniqueConstraint('exhibits_inventory_in_museum', ['museum_id', 'inventory_number'])
    .execute();

  await identity(db.schema.createTable('exhibit_revisions'))
    .addColumn('exhibit_id', 'integer', (c) =>
      c.notNull().references('exhibits.id').onDelete('cascade')
    )
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('draft', 'review', 'published', 'discarded')`)
    )
    .addColumn('data', t.json, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('published_at', t.timestamp)
    .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('exhibit_revisions_exhibit')
    .on('exhibit_revisions')
    .columns(['exhibit_id', 'status'])
    .execute();
  await sql`
    CREATE UNIQUE INDEX exhibit_revisions_one_open ON exhibit_revisions (exhibit_id)
    WHERE status IN ('draft', 'review')
  `.execute(db);

  await db.schema
    .createTable('exhibit_assets')
    .addColumn('exhibit_id', 'integer', (c) =>
      c.notNull().references('exhibits.id').onDelete('cascade')
    )
    .addColumn('asset_id', 'integer', (c) =>
      c.notNull().references('media_assets.id').onDelete('cascade')
    )
    .addColumn('version', 'text', (c) => c.notNull().check(sql`version IN ('published', 'open')`))
    .addPrimaryKeyConstraint('exhibit_assets_pk', ['exhibit_id', 'version', 'asset_id'])
    .execute();
  await db.schema
    .createIndex('exhibit_assets_asset')
    .on('exhibit_assets')
    .columns(['asset_id'])
    .execute();
}
