/**
 * `npm run worker`: runs background jobs in a process of its own, next to web processes started
 * with WORKER=off. Same configuration, same database, same handlers as the web process.
 * SIGTERM or SIGINT: takes no new job, lets the running one finish, exits 0. A second signal
 * exits at once; the interrupted job is taken up again when its lease runs out.
 */
import pino from 'pino';
import { describeDatabase, loadConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/connection';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { configuredClock, createBackgroundWork } from '../src/lib/server/jobs/background';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = pino({ level: config.logLevel });
  const database = await openDatabase(config.database);
  // Brings an older schema up to date, as the web process does; a database newer than this
  // code (an unknown migration) stops here with the migrator's message.
  await migrateToLatest(database);
  const clock = configuredClock(config);
  const worker = (await createBackgroundWork({ config, database, clock, log })).worker();

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: stopping now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping after the running job');
    await worker.stop();
    await database.close();
    log.info('worker stopped');
    process.exit(0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));

  worker.start();
  log.info({ database: describeDatabase(config.database) }, 'worker started');
}

main().catch((error: unknown) => {
  // One clear line for the person starting the worker, not a stack trace.
  console.error(`Kraeved worker cannot start: ${(error as Error).message}`);
  process.exit(1);
});
