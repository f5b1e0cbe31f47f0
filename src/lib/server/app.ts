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
import { createAuth, type Auth } from './auth/auth';
import { StaffRepository } from './auth/staff-repository';
import { StaffAccounts } from './auth/accounts';
import { readOrCreateSecret } from './auth/secret';
import { Workspace } from './auth/workspace';
import { passwordResetMail } from './auth/mails';
import { MuseumEditor } from './museums/editor';
import { RevisionRepository } from './museums/revisions';
import { JobRepository } from './jobs/repository';
import { JobQueue } from './jobs/queue';
import { JobWorker } from './jobs/worker';
import { MailRepository } from './mail/repository';
import { Mailer } from './mail/mailer';

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
  auth: Auth;
  accounts: StaffAccounts;
  workspace: Workspace;
  mailer: Mailer;
  worker: JobWorker | null;
  editor: MuseumEditor;
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
  const frozen = config.frozenNow;
  const clock = frozen ? () => new Date(frozen.getTime()) : () => new Date();
  const jobs = new JobRepository(database.db, database.dialect);
  const mailer = new Mailer({
    repository: new MailRepository(database.db),
    queue: new JobQueue(jobs, clock),
    config: config.mail,
    clock
  });
  const auth = createAuth({
    database,
    baseURL: config.origin,
    secret: config.authSecret ?? readOrCreateSecret(config.dataDir),
    sendPasswordReset: (to, url) => mailer.send(passwordResetMail(to, url)).then(() => undefined)
  });
  const staff = new StaffRepository(database.db);
  const accounts = new StaffAccounts(auth, staff, {
    send: (message) => mailer.send(message),
    clock,
    origin: config.origin
  });
  if (config.demoData && (await seedDemoData({ ...repos, catalogue, accounts }))) {
    log.info('demo data loaded');
  }
  // The same Database as the web process: on SQLite a second connection in one process deadlocks.
  const worker = config.worker
    ? new JobWorker({
        repository: jobs,
        clock,
        log,
        handlers: { 'send-mail': (p) => mailer.deliver(p) }
      })
    : null;
  worker?.start();
  return {
    config,
    database,
    log,
    clock,
    museums: new MuseumDirectory(repos.museums),
    catalogue,
    association: new AssociationPages(repos.association),
    auth,
    accounts,
    workspace: new Workspace(staff, repos.museums),
    mailer,
    worker,
    editor: new MuseumEditor(repos.museums, new RevisionRepository(database.db), staff, clock)
  };
}
