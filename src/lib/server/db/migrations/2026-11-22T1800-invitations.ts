import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/** An invitation to join as staff: the e-mailed link carries a token, the table only its hash. */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const table = db.schema.createTable('invitations');
  await (
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role IN ('museum_admin', 'museum_editor')`)
    )
    .addColumn('museum_id', 'integer', (c) =>
      c.notNull().references('museums.id').onDelete('cascade')
    )
    .addColumn('publishing', 'text', (c) =>
      c
        .notNull()
        .defaultTo('review')
        .check(sql`publishing IN ('review', 'publish')`)
    )
    .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('accepted_at', t.timestamp)
    .execute();
}
