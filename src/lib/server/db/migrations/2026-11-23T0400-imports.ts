import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * Inventory imports. An `imports` row is one file on its way in: where the staged file is in
 * storage, how its columns are read, its counts and how far the job has got; `import_rows` is
 * what each row of the file will do (the preview) and, once the job has passed it, what it did
 * (the report).
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const id = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await id(db.schema.createTable('imports'))
    .addColumn('museum_id', 'integer', (c) =>
      c.notNull().references('museums.id').onDelete('cascade')
    )
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('run_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status IN ('mapping', 'previewed', 'queued', 'running', 'done', 'failed')`)
    )
    .addColumn('mode', 'text', (c) => c.check(sql`mode IN ('publish', 'review')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format IN ('csv', 'xlsx')`))
    .addColumn('encoding', 'text')
    .addColumn('images_key', 'text')
    .addColumn('images_name', 'text')
    .addColumn('headers', t.json, (c) => c.notNull())
    .addColumn('mapping', t.json, (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_line', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('counts', t.json)
    .addColumn('error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema
    .createIndex('imports_museum')
    .on('imports')
    .columns(['museum_id', 'id'])
    .execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('import_id', 'integer', (c) =>
      c.notNull().references('imports.id').onDelete('cascade')
    )
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('inventory_number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome IN ('new', 'changed', 'unchanged', 'invalid')`)
    )
    .addColumn('changes', t.json, (c) => c.notNull())
    .addColumn('issues', t.json, (c) => c.notNull())
    .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('exhibit_id', 'integer', (c) => c.references('exhibits.id').onDelete('set null'))
    .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'line'])
    .execute();
  await db.schema
    .createIndex('import_rows_outcome')
    .on('import_rows')
    .columns(['import_id', 'outcome', 'line'])
    .execute();
}
