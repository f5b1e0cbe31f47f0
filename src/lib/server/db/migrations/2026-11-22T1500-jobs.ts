import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/** The job queue that runs work after a request, and the mail outbox, its first job. */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const id = <N extends string>(table: CreateTableBuilder<N, never>) =>
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  await id(db.schema.createTable('jobs'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('queued')
        .check(sqlIn(['queued', 'running', 'done', 'failed'], 'status'))
    )
    .addColumn('attempts', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql.raw('attempts >= 0'))
    )
    .addColumn('max_attempts', 'integer', (c) =>
      c.notNull().defaultTo(5).check(sql.raw('max_attempts >= 1'))
    )
    .addColumn('run_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    // The claim's lease: a running job whose lease has passed belongs to a worker that stopped.
    .addColumn('locked_until', t.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

  await id(db.schema.createTable('mail_outbox'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('transport', 'text', (c) =>
      c.notNull().check(sqlIn(['outbox', 'smtp'], 'transport'))
    )
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('sent_at', t.timestamp)
    .addColumn('error', 'text')
    .execute();
}

function sqlIn(values: string[], column: string) {
  return sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`);
}
