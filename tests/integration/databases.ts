import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type Dialect } from '$lib/server/db/connection';
import { migrateToLatest } from '$lib/server/db/migrate';
import type { Config } from '$lib/server/config';

/**
 * Every integration suite runs on both dialects. PostgreSQL comes from TEST_DATABASE_URL (the
 * test command starts a throwaway cluster); each suite gets a database of its own.
 */
export const dialects: Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  database: Database;
  /** Where it is, as the configuration names it: for starting another process on it. */
  location: Config['database'];
  dispose(): Promise<void>;
}

export async function freshDatabase(dialect: Dialect): Promise<TestDatabase> {
  const database = dialect === 'sqlite' ? await freshSqlite() : await freshPostgres();
  await migrateToLatest(database.database);
  return database;
}

async function freshSqlite(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kraeved-test-'));
  const location = { kind: 'sqlite', file: path.join(dir, 'kraeved.sqlite') } as const;
  const database = await openDatabase(location);
  return {
    database,
    location,
    async dispose() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

export function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: run the tests with `npm test`, which starts a throwaway PostgreSQL'
    );
  }
  return url;
}

async function freshPostgres(): Promise<TestDatabase> {
  const admin = new pg.Client({ connectionString: postgresUrl() });
  await admin.connect();
  const name = `kraeved_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl());
  url.pathname = `/${name}`;
  const location = { kind: 'postgres', url: url.toString() } as const;
  const database = await openDatabase(location);
  return {
    database,
    location,
    async dispose() {
      await database.close();
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    }
  };
}
