import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { eventPath } from '$lib/shared/event';
import { pick } from '$lib/shared/localize';
import { openDatabase, type Database } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { MuseumRepository } from './museums/repository';
import { MuseumDirectory } from './museums/directory';
import { AssociationRepository } from './association/repository';
import { AssociationPages } from './association/pages';
import { AssociationEditor } from './association/editor';
import { MuseumCatalogue } from './museums/catalogue';
import { seedDemoData } from './demo/seed';
import { createAuth, type Auth } from './auth/auth';
import { StaffRepository } from './auth/staff-repository';
import { StaffAccounts } from './auth/accounts';
import { readOrCreateSecret } from './auth/secret';
import { Workspace } from './auth/workspace';
import { Team } from './auth/team';
import { AuditLog } from './auth/audit-log';
import { JobOverview } from './jobs/overview';
import { passwordResetMail } from './auth/mails';
import { MuseumEditor } from './museums/editor';
import { RevisionRepository } from './museums/revisions';
import type { JobWorker } from './jobs/worker';
import { configuredClock, createBackgroundWork } from './jobs/background';
import type { Mailer } from './mail/mailer';
import type { Storage } from './storage';
import type { MediaLibrary } from './media/library';
import { mediaUrls } from './media/responsive';
import { ResumableUploads } from './media/uploads';
import { TourRepository } from './tours/repository';
import { TourDirectory } from './tours/directory';
import { TourEditor } from './tours/editor';
import { ExhibitRepository } from './exhibits/repository';
import { ExhibitDirectory } from './exhibits/directory';
import { ExhibitEditor } from './exhibits/editor';
import type { ExhibitImporter } from './exhibits/import/importer';
import { ExhibitExport } from './exhibits/import/export';
import { ImportRepository } from './exhibits/import/repository';
import { categoryLabel, materialLabel } from '$lib/components/exhibits/labels';
import { ExhibitIndexer } from './exhibits/indexing';
import { demoExhibitPlan, illustrateDemoExhibits, seedDemoExhibits } from './demo/exhibits';
import type { Actor } from './auth/access';
import { demoTourAuthor, demoTourMuseum, seedDemoTour } from './demo/tour';
import { SearchRepository } from './search/repository';
import { SearchIndex } from './search/index';
import { SearchService } from './search/service';
import { MuseumSearchFeed } from './search/museums';
import { startDemoExhibitions } from './demo/exhibitions';
import { startDemoNews } from './demo/news';
import { startDemoEvents } from './demo/events';
import { startDemoProjects } from './demo/projects';
import { ReportRepository } from './reports/repository';
import { Reports } from './reports/service';
import { HarvestRepository } from './exhibits/harvest';
import { OpenExhibits, OpenUrls } from './interop/open-exhibits';
import { OaiPmh } from './interop/oai-pmh';
import { ExhibitionRepository } from './exhibitions/repository';
import { ExhibitionDirectory } from './exhibitions/directory';
import { ExhibitionEditor, type OwnerAssets } from './exhibitions/editor';
import { ExhibitionIndexer } from './exhibitions/indexing';
import { EventRepository } from './events/repository';
import { EventEditor } from './events/editor';
import type { SessionNotices } from './events/sessions';
import type { Registrations } from './registrations/service';
import { RegistrationSessionRepository } from './registrations/session-repository';
import { EventDirectory } from './events/directory';
import { EventFeeds } from './events/feeds';
import { EventIndexer } from './events/indexing';
import { ProjectRepository } from './projects/repository';
import { ProjectEditor } from './projects/editor';
import { ProjectDirectory } from './projects/directory';
import { MediaRepository } from './media/repository';
import { NewsDirectory } from './news/directory';
import type { NewsEditor } from './news/editor';

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
  /** The association admins' form: the association's record, governance and projects. */
  associationEditor: AssociationEditor;
  auth: Auth;
  accounts: StaffAccounts;
  workspace: Workspace;
  team: Team;
  audit: AuditLog;
  jobs: JobOverview;
  mailer: Mailer;
  worker: JobWorker | null;
  editor: MuseumEditor;
  storage: Storage;
  media: MediaLibrary;
  uploads: ResumableUploads;
  /** Published tours for visitors. */
  tours: TourDirectory;
  /** Staff editing of tours: draft → review → published. */
  tourEditor: TourEditor;
  /** Visitors' search and browse across museums, exhibits, exhibitions. */
  search: SearchService;
  /** Where each part of the site puts what visitors can find. */
  searchIndex: SearchIndex;
  /** Published exhibits for visitors. */
  exhibits: ExhibitDirectory;
  /** Staff editing of exhibits (draft → review → published) and collections. */
  exhibitEditor: ExhibitEditor;
  /** Published exhibits for other systems: IIIF manifests and the JSON API. */
  openExhibits: OpenExhibits;
  /** The OAI-PMH repository of published exhibits. */
  oai: OaiPmh;
  /** Published online exhibitions for visitors. */
  exhibitions: ExhibitionDirectory;
  /** Staff editing of online exhibitions (a museum's or the association's). */
  exhibitionEditor: ExhibitionEditor;
  /** Staff editing of events (a museum's or the association's); publishing keeps sessions in step. */
  eventEditor: EventEditor;
  /** Visitors' registrations for event sessions, waitlists, mails; staff lists and attendance. */
  registrations: Registrations;
  /** The published sessions registration counts against (the registration box reads them). */
  registrationSessions: RegistrationSessionRepository;
  /** Published events for visitors: event pages, the regional calendar, upcoming lists. */
  events: EventDirectory;
  /** iCalendar feeds of events (all, narrowed like the calendar, one event). */
  eventFeeds: EventFeeds;
  /** Published projects (the association's and museums') for visitors. */
  projects: ProjectDirectory;
  /** Staff editing of projects and their itineraries. */
  projectEditor: ProjectEditor;
  /** Reports of a museum or of the association for a period (events, attendance, projects). */
  reports: Reports;
  /** Inventory imports of CSV and XLSX files (run by the `exhibits.import` job). */
  importer: ExhibitImporter;
  /** A museum's exhibits as CSV, XLSX or JSON. */
  exhibitExport: ExhibitExport;
  /** Published news for visitors: pages, lists, feeds. */
  news: NewsDirectory;
  /** Staff editing of news (a museum's or the association's), scheduled publishing included. */
  newsEditor: NewsEditor;
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
  const clock = configuredClock(config);
  const background = await createBackgroundWork({ config, database, clock, log });
  const { mailer, media, storage } = background;
  const auth = createAuth({
    database,
    baseURL: config.origin,
    secret: config.authSecret ?? readOrCreateSecret(config.dataDir),
    sendPasswordReset: (to, url) => mailer.send(passwordResetMail(to, url)).then(() => undefined)
  });
  const staff = new StaffRepository(database.db);
  const revisions = new RevisionRepository(database.db);
  const tourRepository = new TourRepository(database.db);
  const exhibitRepository = new ExhibitRepository(database.db);
  const assetsOf = (museumId: number, ids: number[]) => media.assetsOf(museumId, ids);
  const accounts = new StaffAccounts(auth, staff, {
    send: (message) => mailer.send(message),
    clock,
    origin: config.origin
  });
  const freshDemo = config.demoData && (await seedDemoData({ ...repos, catalogue, accounts }));
  if (freshDemo) log.info('demo data loaded');
  const searchRepository = new SearchRepository(database.db, database.dialect);
  const searchIndex = new SearchIndex(searchRepository);
  const museumSearch = new MuseumSearchFeed(searchRepository, searchIndex);
  const searchPictures = new MediaRepository(database.db);
  // A first start (demo data just loaded, or an index added to a running site) fills it.
  if (await museumSearch.fillIfEmpty()) log.info('museums indexed for search');
  const reindexMuseum = (museumId: number) =>
    void museumSearch
      .refresh(museumId)
      .catch((error: unknown) => log.warn({ err: error, museumId }, 'museum not reindexed'));
  // The same Database as the web process: on SQLite a second connection in one process deadlocks.
  const worker = config.worker ? background.worker() : null;
  worker?.start();
  // Exhibit images made ready before deep zoom existed get their IIIF tiles: a batch at start
  // and each hour after, until none is left (idempotent: an image is queued once).
  const backfillDeepZoom = () =>
    void background
      .backfillDeepZoom()
      .then((queued) => {
        if (queued > 0) log.info({ queued }, 'deep zoom queued for older images');
      })
      .catch((error: unknown) => log.warn({ err: error }, 'deep zoom backfill'));
  backfillDeepZoom();
  setInterval(backfillDeepZoom, 60 * 60 * 1000).unref();
  // Imports left unfinished for a day are removed with their staged files by a job, queued at
  // start and every six hours (once: not while one waits).
  const sweepImports = () =>
    void background.queue
      .enqueueOnce('exhibits.import-sweep', {})
      .catch((error: unknown) => log.warn({ err: error }, 'import sweep not queued'));
  sweepImports();
  setInterval(sweepImports, 6 * 60 * 60 * 1000).unref();
  const audit = new AuditLog(staff, repos.museums, clock);
  const jobOverview = new JobOverview(background.queue, staff, () => worker?.wake());
  const uploads = new ResumableUploads(media, {
    directory: config.media.uploadDir,
    origin: config.origin
  });
  // Uploads nobody finished within a day are removed, an hour at a time.
  setInterval(
    () => {
      uploads
        .cleanUpExpired()
        .catch((error: unknown) => log.warn({ err: error }, 'upload cleanup'));
    },
    60 * 60 * 1000
  ).unref();
  const tourEditor = new TourEditor(
    tourRepository,
    staff,
    clock,
    assetsOf,
    () => {},
    exhibitRepository
  );
  const exhibits = new ExhibitDirectory(
    exhibitRepository,
    assetsOf,
    mediaUrls(config.media.publicUrl)
  );
  const exhibitionRepository = new ExhibitionRepository(database.db);
  // The association's own exhibitions show files of its member museums.
  const mediaRepository = new MediaRepository(database.db);
  const ownerAssets: OwnerAssets = (museumId, ids) =>
    museumId === null ? mediaRepository.findMany(ids) : assetsOf(museumId, ids);
  // Exhibitions are few: indexed whole when the index has none, then one at each publishing.
  const exhibitionIndexer = new ExhibitionIndexer(exhibitionRepository, searchIndex);
  if ((await searchIndex.count('exhibition')) === 0) await exhibitionIndexer.reindexAll();
  const exhibitionEditor = new ExhibitionEditor(
    exhibitionRepository,
    staff,
    clock,
    ownerAssets,
    (id) =>
      void exhibitionIndexer
        .reindex(id)
        .catch((error: unknown) => log.warn({ err: error, id }, 'exhibition not reindexed'))
  );
  const eventRepository = new EventRepository(database.db);
  // Registrations are told when published sessions move or are called off (RegistrationNotices).
  const sessionNotices: SessionNotices = background.registrations;
  // Events are fed to the search like exhibitions: whole on an empty index, then at each publishing.
  const eventIndexer = new EventIndexer(eventRepository, searchIndex);
  if ((await searchIndex.count('event')) === 0) await eventIndexer.reindexAll();
  const eventEditor = new EventEditor(
    eventRepository,
    staff,
    clock,
    ownerAssets,
    sessionNotices,
    (id) =>
      void eventIndexer
        .reindex(id)
        .catch((error: unknown) => log.warn({ err: error, id }, 'event not reindexed'))
  );
  // News: indexed whole when the index has none, then one at each publishing.
  if ((await searchIndex.count('news')) === 0) await background.newsIndexer.reindexAll();
  const projectRepository = new ProjectRepository(database.db);
  const projectEditor = new ProjectEditor(projectRepository, staff, clock, ownerAssets);
  // Exhibits may be many (an imported inventory): an empty index is filled in the background.
  const exhibitIndexer = new ExhibitIndexer(exhibitRepository, searchIndex);
  if ((await searchIndex.count('exhibit')) === 0)
    void exhibitIndexer
      .reindexAll()
      .catch((error: unknown) => log.warn({ err: error }, 'exhibits not indexed'));
  const exhibitEditor = new ExhibitEditor(
    exhibitRepository,
    staff,
    clock,
    assetsOf,
    (id) =>
      void exhibitIndexer
        .reindex(id)
        .catch((error: unknown) => log.warn({ err: error, id }, 'exhibit not reindexed'))
  );
  const openExhibits = new OpenExhibits(
    new HarvestRepository(database.db, database.dialect),
    assetsOf,
    new OpenUrls(config.origin, mediaUrls(config.media.publicUrl))
  );
  // Demo events are seeded once, when there are none, dated from the clock at that start.
  if (config.demoData)
    void startDemoEvents({
      museums: repos.museums,
      staff,
      editor: eventEditor,
      clock,
      seeded: () => eventRepository.hasDemo()
    })
      .then((count) => count > 0 && log.info({ count }, 'demo events published'))
      .catch((error: unknown) => log.warn({ err: error }, 'demo events not loaded'));
  if (freshDemo) {
    // In the background: a first start need not wait for three hundred objects; the demo
    // exhibitions and the demo tour's hotspots draw on them, so they follow.
    const demoExhibits = startDemoExhibits({
      repos,
      staff,
      media,
      exhibitEditor,
      config,
      log
    }).catch((error: unknown) => log.warn({ err: error }, 'demo exhibits not loaded'));
    void demoExhibits
      .then(() =>
        startDemoExhibitions({
          museums: repos.museums,
          staff,
          editor: exhibitionEditor,
          exhibits: exhibitEditor,
          media,
          pictures: config.demoPictures
        })
      )
      .then((count) => log.info({ count }, 'demo exhibitions published'))
      .catch((error: unknown) => log.warn({ err: error }, 'demo exhibitions not loaded'));
    // The demo news needs only the museums: published at once, dated as the seeds say.
    void startDemoNews({
      museums: repos.museums,
      staff,
      editor: background.news,
      news: background.newsRepository,
      reindex: (id) => background.newsIndexer.reindex(id)
    })
      .then((count) => log.info({ count }, 'demo news published'))
      .catch((error: unknown) => log.warn({ err: error }, 'demo news not loaded'));
    void startDemoProjects({ museums: repos.museums, staff, editor: projectEditor })
      .then((count) => log.info({ count }, 'demo projects published'))
      .catch((error: unknown) => log.warn({ err: error }, 'demo projects not loaded'));
    // Drawing and tiling the halls takes seconds a first start need not wait for either.
    if (config.demoTour)
      void demoExhibits
        .then(() => startDemoTour({ repos, staff, media, tourEditor }))
        .catch((error: unknown) => log.warn({ err: error }, 'demo tour not loaded'));
  }
  return {
    config,
    importer: background.importer,
    exhibitExport: new ExhibitExport(new ImportRepository(database.db), {
      category: categoryLabel,
      material: materialLabel
    }),
    database,
    log,
    clock,
    museums: new MuseumDirectory(repos.museums, mediaUrls(config.media.publicUrl)),
    catalogue,
    association: new AssociationPages(repos.association),
    associationEditor: new AssociationEditor(repos.association, staff),
    auth,
    accounts,
    workspace: new Workspace(
      repos.museums,
      revisions,
      audit,
      jobOverview,
      clock,
      tourRepository,
      exhibitRepository,
      background.newsRepository
    ),
    team: new Team(staff, repos.museums, clock),
    audit,
    jobs: jobOverview,
    mailer,
    worker,
    editor: new MuseumEditor(repos.museums, revisions, staff, clock, assetsOf, reindexMuseum),
    storage,
    media,
    uploads,
    tours: new TourDirectory(
      tourRepository,
      assetsOf,
      mediaUrls(config.media.publicUrl),
      (museumId, museum, ids, locale) => exhibits.cards(museumId, museum, ids, locale)
    ),
    tourEditor,
    search: new SearchService(
      searchRepository,
      (ids) => searchPictures.findMany(ids),
      mediaUrls(config.media.publicUrl)
    ),
    searchIndex,
    exhibits,
    exhibitEditor,
    openExhibits,
    oai: new OaiPmh(openExhibits, {
      clock,
      // The association's addresses; a repository must name at least one.
      adminEmails: async () => {
        const emails = (await repos.association.find())?.emails ?? [];
        return emails.length > 0 ? emails : [`info@${new URL(config.origin).hostname}`];
      }
    }),
    exhibitions: new ExhibitionDirectory(
      exhibitionRepository,
      ownerAssets,
      (museumId, museum, ids, locale) => exhibits.cards(museumId, museum, ids, locale),
      mediaUrls(config.media.publicUrl)
    ),
    exhibitionEditor,
    eventEditor,
    registrations: background.registrations,
    registrationSessions: new RegistrationSessionRepository(database.db),
    events: new EventDirectory(eventRepository, ownerAssets, mediaUrls(config.media.publicUrl)),
    eventFeeds: new EventFeeds(eventRepository, config.origin, clock),
    news: new NewsDirectory(
      background.newsRepository,
      ownerAssets,
      mediaUrls(config.media.publicUrl),
      {
        // Events the news is about, while they are published.
        events: async (ids, locale) =>
          (await eventRepository.publishedAmong(ids)).map((e) => ({
            path: eventPath(e.museum?.slug ?? null, e.slug),
            title: pick(locale, e.record.title.ru, e.record.title.en)
          }))
      }
    ),
    newsEditor: background.news,
    projects: new ProjectDirectory(
      projectRepository,
      ownerAssets,
      mediaUrls(config.media.publicUrl)
    ),
    projectEditor,
    reports: new Reports(new ReportRepository(database.db), clock)
  };
}

/**
 * The demo collections: the objects are published first (a few seconds after start-up); their
 * drawn pictures follow when DEMO_PICTURES is on.
 */
async function startDemoExhibits(deps: {
  repos: { museums: MuseumRepository };
  staff: StaffRepository;
  media: MediaLibrary;
  exhibitEditor: ExhibitEditor;
  config: Config;
  log: Logger;
}) {
  const admin = await deps.staff.findUserByEmail(demoTourAuthor);
  if (!admin) return;
  const actor: Actor = {
    userId: admin.id,
    grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
  };
  const museumIds = new Map<string, number>();
  for (const plan of demoExhibitPlan()) {
    const museum = await deps.repos.museums.findPublishedBySlug(plan.museum);
    if (museum) museumIds.set(plan.museum, museum.id);
  }
  const count = await seedDemoExhibits({ editor: deps.exhibitEditor, actor, museumIds });
  deps.log.info({ count }, 'demo exhibits published');
  if (deps.config.demoPictures)
    void illustrateDemoExhibits({ editor: deps.exhibitEditor, media: deps.media, actor, museumIds })
      .then(() => deps.log.info('demo exhibit pictures ready'))
      .catch((error: unknown) => deps.log.warn({ err: error }, 'demo exhibit pictures not made'));
}

async function startDemoTour(deps: {
  repos: { museums: MuseumRepository };
  staff: StaffRepository;
  media: MediaLibrary;
  tourEditor: TourEditor;
}): Promise<void> {
  const museum = await deps.repos.museums.findPublishedBySlug(demoTourMuseum);
  const admin = await deps.staff.findUserByEmail(demoTourAuthor);
  if (!museum || !admin) return;
  await seedDemoTour({
    media: deps.media,
    tours: deps.tourEditor,
    museumId: museum.id,
    actor: {
      userId: admin.id,
      grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
    }
  });
}
