import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Config } from '../config';
import { describeDatabase } from '../config';
import type { DB } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /**
   * The connection better-auth uses. On PostgreSQL a pool of its own with pg's standard type
   * parsing (better-auth expects Date objects back); on SQLite the same single writer.
   */
  auth: { db: Kysely<DB>; type: Dialect };
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export class DatabaseError extends Error {}

// For our repositories DATE columns stay 'YYYY-MM-DD' strings and timestamps ISO strings on both
// dialects, so they see one shape and no Date is shifted by the server's time zone.
const repositoryTypes = new pg.TypeOverrides();
repositoryTypes.setTypeParser(pg.types.builtins.DATE, (v) => v);
repositoryTypes.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
repositoryTypes.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
repositoryTypes.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openDatabase(database: Config['database']): Promise<Database> {
  return database.kind === 'sqlite' ? openSqlite(database.file) : openPostgres(database.url);
}

function openSqlite(file: string): Database {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new DatabaseError(
      `Data folder ${dir} is not writable: set DATA_DIR to a folder you can write to`
    );
  }
  let connection: SQLite.Database;
  try {
    connection = new SQLite(file);
    connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    // Reads through a memory map and a 64 MB page cache: a search over a large index reads
    // thousands of rows by id, each a system call without them.
    connection.pragma('mmap_size = 1073741824');
    connection.pragma('cache_size = -65536');
    // SQLite's own lower() folds only ASCII; PostgreSQL's folds every letter. The same query
    // ("оф-100" finds "ОФ-100") must answer the same on both.
    connection.function('lower', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? value.toLowerCase() : value
    );
    connection.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    throw new DatabaseError(
      `Database file ${file} is unreadable or corrupt (${(error as Error).message}); move it away to start with an empty database`
    );
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: connection }) });
  return {
    db,
    dialect: 'sqlite',
    auth: { db, type: 'sqlite' },
    ping: () => ping(db),
    close: () => db.destroy()
  };
}

/**
 * The server going away must not end the process: pg emits 'error' on an idle client (the pool
 * listens) and on a checked-out client between two statements of a transaction (nobody listens,
 * so Node would crash). The statement in flight still fails and its caller hears of it.
 */
function keepAlive(pool: pg.Pool) {
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    types: repositoryTypes
  });
  // A pool error (the server went away) must not crash the process; /healthz reports it.
  keepAlive(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new DatabaseError(
      `Cannot connect to ${describeDatabase({ kind: 'postgres', url })}: ${(error as Error).message}`
    );
  }
  const authPool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  keepAlive(authPool);
  const authDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: authPool }) });
  return {
    db,
    dialect: 'postgres',
    auth: { db: authDb, type: 'postgres' },
    ping: () => ping(db),
    close: async () => {
      await Promise.all([db.destroy(), authDb.destroy()]);
    }
  };
}

async function ping(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
