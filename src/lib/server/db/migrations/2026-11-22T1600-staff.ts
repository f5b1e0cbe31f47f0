import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/**
 * Staff accounts and who may do what. users, sessions, accounts, verifications and rate_limits
 * have the columns better-auth reads and writes (mapped to snake_case in auth/auth.ts);
 * staff_roles and audit_log are ours.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  // better-auth writes booleans as 0/1 on SQLite and real booleans on PostgreSQL.
  const flag = t.dialect === 'postgres' ? 'boolean' : 'integer';
  const stamps = <N extends string>(table: CreateTableBuilder<N, never>) =>
    table
      .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
      .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now));

  await stamps(
    db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('email_verified', flag, (c) => c.notNull().defaultTo(sql.lit(false)))
      .addColumn('image', 'text')
  ).execute();

  await stamps(
    db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('expires_at', t.timestamp, (c) => c.notNull())
      .addColumn('ip_address', 'text')
      .addColumn('user_agent', 'text')
  ).execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await stamps(
    db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('provider_id', 'text', (c) => c.notNull())
      .addColumn('access_token', 'text')
      .addColumn('refresh_token', 'text')
      .addColumn('id_token', 'text')
      .addColumn('access_token_expires_at', t.timestamp)
      .addColumn('refresh_token_expires_at', t.timestamp)
      .addColumn('scope', 'text')
      .addColumn('password', 'text')
  ).execute();
  await db.schema.createIndex('accounts_user').on('accounts').column('user_id').execute();

  await stamps(
    db.schema
      .createTable('verifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('identifier', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('expires_at', t.timestamp, (c) => c.notNull())
  ).execute();
  await db.schema
    .createIndex('verifications_identifier')
    .on('verifications')
    .column('identifier')
    .execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('last_request', 'bigint', (c) => c.notNull())
    .execute();

  const serial = <N extends string>(table: CreateTableBuilder<N, never>) =>
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

  // museum_id NULL: the association itself (only association admins have such a row).
  await serial(db.schema.createTable('staff_roles'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('museum_id', 'integer', (c) => c.references('museums.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role IN ('association_admin', 'museum_admin', 'museum_editor')`)
    )
    // An editor's changes wait for review unless the museum admin lets them publish.
    .addColumn('publishing', 'text', (c) =>
      c
        .notNull()
        .defaultTo('review')
        .check(sql`publishing IN ('review', 'publish')`)
    )
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addCheckConstraint(
      'staff_roles_scope',
      sql`(role = 'association_admin' AND museum_id IS NULL) OR (role <> 'association_admin' AND museum_id IS NOT NULL)`
    )
    .execute();
  await db.schema.createIndex('staff_roles_user').on('staff_roles').column('user_id').execute();

  await serial(db.schema.createTable('audit_log'))
    .addColumn('at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('museum_id', 'integer', (c) => c.references('museums.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('details', t.json)
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}
