import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { openDatabase, type Database } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { MuseumRepository } from './museums/repository';
import { MuseumDirectory } from './museums/directory';
import { AssociationRepository } from './association/repository';
import { AssociationPages } from './association/pages';
import { seedDemoData } from './demo/seed';

/** Everything a request may use, built once at start-up: the composition root. */
export interface App {
  config: Config;
  database: Database;
  log: Logger;
  /** The current instant; every time-dependent answer asks this, never `new Date()`. */
  clock: () => Date;
  museums: MuseumDirectory;
  association: AssociationPages;
}

export async function createApp(config: Config): Promise<App> {
  const log = pino({ level: config.logLevel });
  const database = await openDatabase(config.database);
  await migrateToLatest(database);
  const repos = {
    museums: new MuseumRepository(database.db),
    association: new AssociationRepository(database.db)
  };
  if (config.demoData && (await seedDemoData(repos))) {
    log.info('demo data loaded');
  }
  const frozen = config.frozenNow;
  return {
    config,
    database,
    log,
    clock: frozen ? () => new Date(frozen.getTime()) : () => new Date(),
    museums: new MuseumDirectory(repos.museums),
    association: new AssociationPages(repos.association)
  };
}
