import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { openDatabase, type Database } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { MuseumRepository } from './museums/repository';
import { MuseumDirectory } from './museums/directory';
import { AssociationRepository } from './association/repository';
import { AssociationPages } from './association/pages';
import { MuseumCatalogue } from './museums/catalogue';
import { seedDemoData } from './demo/seed';

/** Everything a request may use, built once at start-up: the composition root. */
export interface App {
  config: Config;
  database: Database;
  log: Logger;
  /** The current instant; every time-dependent answer asks this, never `new Date()`. */
  clock: () => Date;
  museums: MuseumDirectory;
  catalogue: MuseumCatalogue;
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
  const catalogue = new MuseumCatalogue(repos.museums);
  if (config.demoData && (await seedDemoData({ ...repos, catalogue }))) {
    log.info('demo data loaded');
  }
  const frozen = config.frozenNow;
  const clock = frozen ? () => new Date(frozen.getTime()) : () => new Date();
  return {
    config,
    database,
    log,
    clock,
    museums: new MuseumDirectory(repos.museums),
    catalogue,
    association: new AssociationPages(repos.association)
  };
}
