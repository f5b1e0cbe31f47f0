import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Database } from '../db/connection';
import { MailRepository } from '../mail/repository';
import { Mailer } from '../mail/mailer';
import { StaffRepository } from '../auth/staff-repository';
import { MuseumRepository } from '../museums/repository';
import { RevisionRepository } from '../museums/revisions';
import { museumPhotoUsages } from '../museums/media-usages';
import { tourUsages } from '../tours/media-usages';
import { exhibitionUsages } from '../exhibitions/media-usages';
import { ExhibitionRepository } from '../exhibitions/repository';
import { exhibitUsages } from '../exhibits/media-usages';
import { ExhibitRepository } from '../exhibits/repository';
import { ExhibitImporter } from '../exhibits/import/importer';
import { ImportRepository } from '../exhibits/import/repository';
import { ExhibitIndexer } from '../exhibits/indexing';
import { SearchIndex } from '../search/index';
import { SearchRepository } from '../search/repository';
import { TourRepository } from '../tours/repository';
import { MediaRepository } from '../media/repository';
import { NewsRepository } from '../news/repository';
import { NewsEditor } from '../news/editor';
import { NewsIndexer } from '../news/indexing';
import { newsUsages } from '../news/media-usages';
import { MediaLibrary, type AssetUsage } from '../media/library';
import { backfillDeepZoom } from '../media/deep-zoom-backfill';
import type { Asset } from '../media/repository';
import { createStorage } from '../storage';
import { JobRepository } from './repository';
import { JobQueue } from './queue';
import { JobWorker } from './worker';
import type { JobHandlers } from './types';
import { Registrations } from '../registrations/service';
import { RegistrationRepository } from '../registrations/repository';
import { RegistrationSessionRepository } from '../registrations/session-repository';
import { RateLimit } from '../http/rate-limit';

/**
 * Registrations per client address: a family or a teacher registers a few times; a script
 * filling the form is stopped. (Behind a proxy, set ADDRESS_HEADER so addresses are visitors'.)
 */
const registrationLimit = { limit: 20, windowMs: 10 * 60 * 1000 };

/** What the handlers call. A new kind of job adds its service here and its line below. */
export interface JobServices {
  mailer: Mailer;
  media: MediaLibrary;
  importer: ExhibitImporter;
  registrations: Registrations;
  /** Staff editing of news, whose scheduled publishing is a job. */
  news: NewsEditor;
}

/** Every job's handler: the one list both the web process and `npm run worker` run. */
export function jobHandlers(services: JobServices): JobHandlers {
  return {
    'send-mail': (payload) => services.mailer.deliver(payload),
    'media.derive': (payload, run) => services.media.derive(payload.assetId, run),
    'media.purge': (payload) => services.media.purge(payload.folder),
    'media.iiif': (payload) => services.media.makeDeepZoom(payload.assetId),
    'exhibits.import': (payload, run) => services.importer.run(payload.importId, run),
    'exhibits.import-sweep': async () => {
      await services.importer.sweep();
    },
    'registrations.remind': (payload) => services.registrations.remind(payload.registrationId),
    'news.publish': async (payload) => {
      await services.news.publishScheduled(payload);
    }
  };
}

/** The configured "now": frozen for browser tests of time-dependent pages, else the real clock. */
export function configuredClock(config: Pick<Config, 'frozenNow'>): () => Date {
  const frozen = config.frozenNow;
  return frozen ? () => new Date(frozen.getTime()) : () => new Date();
}

/**
 * The queue and the services jobs need, built from the configuration the same way in the web
 * process (app.ts) and in the separate worker (scripts/worker.ts), so both run the same jobs.
 */
export async function createBackgroundWork(deps: {
  config: Config;
  database: Database;
  clock: () => Date;
  log: Logger;
}) {
  const { config, database, clock, log } = deps;
  const repository = new JobRepository(database.db, database.dialect);
  // Jobs keep real time even when the site's clock is frozen (browser tests): a retry scheduled
  // "30 s from now" on a clock that never moves would never run.
  const jobClock = () => new Date();
  const queue = new JobQueue(repository, jobClock);
  const mailer = new Mailer({
    repository: new MailRepository(database.db),
    queue,
    config: config.mail,
    clock
  });
  const storage = await createStorage(config.media.storage);
  const media = new MediaLibrary({
    repository: new MediaRepository(database.db),
    storage,
    queue,
    staff: new StaffRepository(database.db),
    clock,
    limits: config.media,
    findUsages: usedIn([
      museumPhotoUsages(new MuseumRepository(database.db), new RevisionRepository(database.db)),
      tourUsages(new TourRepository(database.db)),
      exhibitUsages(new ExhibitRepository(database.db)),
      exhibitionUsages(new ExhibitionRepository(database.db)),
      newsUsages(new NewsRepository(database.db))
    ])
  });
  // Rows an import publishes are findable batch by batch, in the worker as in the web process.
  const exhibitIndexer = new ExhibitIndexer(
    new ExhibitRepository(database.db),
    new SearchIndex(new SearchRepository(database.db, database.dialect))
  );
  const importer = new ExhibitImporter({
    imports: new ImportRepository(database.db),
    media,
    storage,
    queue,
    staff: new StaffRepository(database.db),
    clock,
    onPublished: (ids) => exhibitIndexer.reindexMany(ids)
  });
  const registrations = new Registrations({
    repository: new RegistrationRepository(database.db, database.dialect),
    sessions: new RegistrationSessionRepository(database.db),
    mailer,
    queue,
    staff: new StaffRepository(database.db),
    clock,
    origin: config.origin,
    limit: new RateLimit(registrationLimit)
  });
  // News is published by staff in the web process and, when scheduled, by this job in either.
  const newsRepository = new NewsRepository(database.db);
  const mediaRepository = new MediaRepository(database.db);
  const newsIndexer = new NewsIndexer(
    newsRepository,
    new SearchIndex(new SearchRepository(database.db, database.dialect))
  );
  const news = new NewsEditor(
    newsRepository,
    new StaffRepository(database.db),
    clock,
    // The association's news shows files of its member museums.
    (museumId, ids) =>
      museumId === null ? mediaRepository.findMany(ids) : media.assetsOf(museumId, ids),
    queue,
    (id) =>
      void newsIndexer
        .reindex(id)
        .catch((error: unknown) => log.warn({ err: error, id }, 'news not reindexed'))
  );
  const services: JobServices = { mailer, media, importer, registrations, news };
  return {
    queue,
    storage,
    newsRepository,
    newsIndexer,
    ...services,
    /** Queues deep zoom for a batch of older exhibit images without it (see backfillDeepZoom). */
    backfillDeepZoom: () => backfillDeepZoom({ media: mediaRepository, jobs: repository, queue }),
    /** A worker over every handler; the caller starts and stops it. */
    worker: () =>
      new JobWorker({ repository, clock: jobClock, log, handlers: jobHandlers(services) })
  };
}

/** Every place any part of the site shows an asset, published places first. */
function usedIn(finders: ((asset: Asset) => Promise<AssetUsage[]>)[]) {
  return async (asset: Asset): Promise<AssetUsage[]> => {
    const usages = (await Promise.all(finders.map((find) => find(asset)))).flat();
    return [
      ...usages.filter((u) => u.state === 'published'),
      ...usages.filter((u) => u.state !== 'published')
    ];
  };
}
