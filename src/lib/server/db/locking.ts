import { sql, type Transaction } from 'kysely';
import type { Dialect } from './connection';
import type { DB } from './schema';

/**
 * Makes the rest of the transaction the only writer that decides from this row (how many places
 * a session has left); call it first, before anything is read.
 * - PostgreSQL: `SELECT … FOR UPDATE` locks the one row; other sessions' writers go on.
 * - SQLite: a database has one writer. A deferred transaction whose first statement writes takes
 *   that lock before it reads anything — what BEGIN IMMEDIATE does, but inside Kysely's
 *   transaction, so the mail and jobs written in it commit with it. (In one process, Kysely's
 *   single SQLite connection also serialises transactions; this covers `npm run worker`.)
 * False when there is no such row.
 */
export async function lockRowForUpdate(
  trx: Transaction<DB>,
  dialect: Dialect,
  table: 'event_sessions',
  id: number
): Promise<boolean> {
  if (dialect === 'postgres') {
    const { rows } =
      await sql`SELECT id FROM ${sql.table(table)} WHERE id = ${id} FOR UPDATE`.execute(trx);
    return rows.length > 0;
  }
  const result = await sql`UPDATE ${sql.table(table)} SET id = id WHERE id = ${id}`.execute(trx);
  return Number(result.numAffectedRows ?? 0) > 0;
}
