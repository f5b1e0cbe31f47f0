import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * The search index: one row per findable thing (a museum, an exhibit, an exhibition, news, an
 * event), denormalised so a result card and the facets need no join. Its owner writes the row
 * again whenever the thing changes; the text is indexed as the analyzer's terms, title and body
 * apart (a title match ranks first): an FTS5 table with no copy of the text on SQLite, a
 * tsvector (title weighted A, body B) with a GIN index on PostgreSQL. Sort titles compare by
 * code point on both ("C" collation), so browse pages come out in the same order.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const postgres = t.dialect === 'postgres';
  const sortText = postgres ? sql`text collate "C"` : sql`text`;
  let table = db.schema.createTable('search_entries');
  table = postgres
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  table = table
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('museum', 'exhibit', 'exhibition', 'news', 'event')`)
    )
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addColumn('museum_id', 'integer', (c) => c.references('museums.id').onDelete('cascade'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary_ru', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary_en', 'text', (c) => c.notNull().defaultTo(''))
    // The searchable text, kept for the snippet around a match.
    .addColumn('body_ru', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_en', 'text', (c) => c.notNull().defaultTo(''))
    // No foreign key: the owner writes the row again when its picture changes.
    .addColumn('image_asset_id', 'integer')
    .addColumn('has_image', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`has_image IN (0, 1)`)
    )
    .addColumn('collection_id', 'integer')
    .addColumn('category', 'text')
    .addColumn('material', 'text')
    .addColumn('year_from', 'integer')
    .addColumn('year_to', 'integer')
    .addColumn('date', t.date)
    // Sort keys, never null so a keyset cursor is a plain comparison.
    .addColumn('sort_title_ru', sortText, (c) => c.notNull())
    .addColumn('sort_title_en', sortText, (c) => c.notNull())
    .addColumn('sort_year', 'integer', (c) => c.notNull())
    .addColumn('sort_date', 'integer', (c) => c.notNull())
    .addUniqueConstraint('search_entries_ref', ['kind', 'ref_id']);
  if (postgres) table = table.addColumn('terms', sql`tsvector`, (c) => c.notNull());
  await table.execute();

  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('search_entries').columns(columns).execute();
  await index('search_entries_museum', ['museum_id', 'sort_title_ru', 'id']);
  await index('search_entries_title_ru', ['sort_title_ru', 'id']);
  await index('search_entries_title_en', ['sort_title_en', 'id']);
  await index('search_entries_year', ['sort_year', 'id']);
  await index('search_entries_date', ['sort_date', 'id']);
  await index('search_entries_category', ['category', 'sort_title_ru', 'id']);
  await index('search_entries_collection', ['collection_id']);

  if (postgres) {
    await sql`CREATE INDEX search_entries_terms ON search_entries USING gin (terms)`.execute(db);
  } else {
    // contentless_delete: rows can be deleted and replaced without keeping the text twice.
    await sql`
      CREATE VIRTUAL TABLE search_terms USING fts5(
        title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
      )
    `.execute(db);
    // A museum deleted takes its entries with it (cascade); their terms go too.
    await sql`
      CREATE TRIGGER search_entries_deleted AFTER DELETE ON search_entries BEGIN
        DELETE FROM search_terms WHERE rowid = old.id;
      END
    `.execute(db);
  }
}
