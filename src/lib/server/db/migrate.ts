import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './connection';
import { migrations } from './migrations/index';
import { dialectTypes } from './migrations/types';

/** Brings the schema up to date; safe to call on every start. */
export async function migrateToLatest(database: Database): Promise<void> {
  const types = dialectTypes(database.dialect);
  const provider: MigrationProvider = {
    async getMigrations() {
      const result: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(migrations)) {
        result[name] = { up: (db) => migration.up(db, types) };
      }
      return result;
    }
  };
  const { error, results } = await new Migrator({ db: database.db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${(error as Error).message}`);
  }
}
