import type { ColumnDataType, Expression, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../connection';

/** Column types that differ between the dialects; each migration receives the ones for its run. */
export interface DialectTypes {
  dialect: Dialect;
  /** A real timestamp with time zone on PostgreSQL, ISO-8601 text on SQLite. */
  timestamp: ColumnDataType;
  /** DATE on PostgreSQL (read back as 'YYYY-MM-DD'), ISO date text on SQLite. */
  date: ColumnDataType;
  json: ColumnDataType;
  now: Expression<unknown>;
}

export function dialectTypes(dialect: Dialect): DialectTypes {
  return dialect === 'postgres'
    ? { dialect, timestamp: 'timestamptz', date: 'date', json: 'jsonb', now: sql`now()` }
    : {
        dialect,
        timestamp: 'text',
        date: 'text',
        json: 'text',
        now: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`
      };
}

export interface KraevedMigration {
  up(db: Kysely<unknown>, types: DialectTypes): Promise<void>;
}
