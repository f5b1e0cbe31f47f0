/**
 * npm run bench:calendar — the regional calendar's month page with 2,000 events in one month, over
 * loopback HTTP against the production server (`node server.js`), on SQLite and on PostgreSQL.
 *
 * 2,000 published events (one session each, some with two) of 20 museums in 10 towns are written
 * through the events repository as publishing writes them; then the month page is asked 100 times
 * (plain, and narrowed by a town, a kind, free or for schools in turn). Figures: the HTML's size as
 * sent and gzip- and brotli-compressed (target ≤ 50 KB compressed), and the time to the whole
 * answer, p50/p95 (target p95 ≤ 50 ms).
 *
 *   npm run bench:calendar                        both dialects
 *   npm run bench:calendar -- --dialect sqlite    one of them
 *   npm run bench:calendar -- --events 500        fewer, for trying
 *
 * Prints MISSED beside a missed target; exits 0.
 */
import path from 'node:path';
import zlib from 'node:zlib';
import { openDatabase, type Dialect } from '../../src/lib/server/db/connection';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { MuseumRepository } from '../../src/lib/server/museums/repository';
import { MuseumCatalogue } from '../../src/lib/server/museums/catalogue';
import { EventRepository } from '../../src/lib/server/events/repository';
import { placeInput } from '../../src/lib/shared/association';
import { eventInput, eventKinds, ageRatings } from '../../src/lib/shared/event';
import {
  ensureBuild,
  freePort,
  get,
  heading,
  kb,
  machine,
  main,
  reportMissed,
  startServer,
  startThrowawayPostgres,
  table,
  tempDir,
  verdict
} from './server';

const TARGET_KB = 50;
const TARGET_MS = 50;
const REQUESTS = 100;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const EVENTS = Number(option('events') ?? 2000);
const dialects: Dialect[] =
  option('dialect') === 'sqlite'
    ? ['sqlite']
    : option('dialect') === 'postgres'
      ? ['postgres']
      : ['sqlite', 'postgres'];

/** The month after this one: wholly in the future whatever the day. */
function benchMonth(): string {
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return next.toISOString().slice(0, 7);
}

const towns = [
  'khabarovsk',
  'komsomolsk',
  'amursk',
  'bikin',
  'vyazemsky',
  'vanino',
  'chegdomyn',
  'nikolaevsk',
  'sovgavan',
  'solnechny'
];

async function seed(location: Parameters<typeof openDatabase>[0], month: string) {
  const database = await openDatabase(location);
  try {
    await migrateToLatest(database);
    const db = database.db;
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(
      placeInput.parse({
        districts: towns.map((t) => ({
          slug: `${t}-district`,
          name: { ru: `Район ${t}`, en: `${t} District` }
        })),
        settlements: towns.map((t) => ({
          slug: t,
          districtSlug: `${t}-district`,
          name: { ru: `Город ${t}`, en: `Town ${t}` },
          region: { ru: 'Хабаровский край', en: 'Khabarovsk Krai' },
          latitude: 48.48,
          longitude: 135.07
        }))
      })
    );
    const catalogue = new MuseumCatalogue(museums);
    const ids: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const made = await catalogue.create({
        slug: `museum-${i}`,
        membership: 'member',
        status: 'active',
        ownership: 'municipal',
        profile: 'local_lore',
        name: { ru: `Краеведческий музей № ${i + 1}`, en: `Museum of Local Lore No. ${i + 1}` },
        settlementSlug: towns[i % towns.length]!,
        address: { ru: `ул. Ленина, ${i + 1}`, en: `${i + 1} Lenina St.` },
        timeZone: 'Asia/Vladivostok',
        hoursRule: 'Tu-Su 10:00-18:00'
      });
      if (!made.ok) throw new Error(`museum refused: ${JSON.stringify(made.errors)}`);
      ids.push(made.id);
    }
    const events = new EventRepository(db);
    const now = new Date().toISOString();
    for (let n = 0; n < EVENTS; n += 1) {
      const museumId = ids[n % ids.length]!;
      const day = 1 + ((n * 11) % 28);
      const hour = 10 + (n % 9);
      const date = `${month}-${String(day).padStart(2, '0')}`;
      const two = n % 5 === 0 && day < 28;
      const record = eventInput.parse({
        slug: `event-${n}`,
        kind: eventKinds[n % eventKinds.length],
        title: {
          ru: `Событие № ${n + 1}: лекция о крае и его людях`,
          en: `Event No. ${n + 1}: a talk on the region and its people`
        },
        lead: { ru: 'Краткое описание события.', en: 'A short description.' },
        dates: {
          kind: two ? 'sessions' : 'single',
          sessions: [
            { key: 's1', date, start: `${hour}:00`, end: `${hour + 1}:30` },
            ...(two
              ? [
                  {
                    key: 's2',
                    date: `${month}-${String(day + 1).padStart(2, '0')}`,
                    start: `${hour}:00`
                  }
                ]
              : [])
          ]
        },
        venue: { kind: 'museum', museumId },
        ageRating: ageRatings[n % ageRatings.length],
        price:
          n % 3 === 0
            ? { kind: 'free' }
            : { kind: 'ticketed', text: { ru: '200 ₽', en: '200 RUB' }, pushkinCard: n % 2 === 0 },
        forSchools: n % 4 === 0
      });
      const id = await events.create(museumId, record.slug, record.title, 'staff');
      if (id === null) throw new Error('event refused');
      await events.publish(id, record, now);
    }
  } finally {
    await database.close();
  }
}

interface Figures {
  dialect: Dialect;
  html: number;
  gzip: number;
  brotli: number;
  p50: number;
  p95: number;
  max: number;
  status: string;
  /** Events linked from the month page. */
  cards: number;
}

async function runOne(dialect: Dialect, month: string): Promise<Figures> {
  const dataDir = tempDir(`calendar-${dialect}`);
  const url = dialect === 'postgres' ? startThrowawayPostgres() : undefined;
  const location =
    dialect === 'sqlite'
      ? ({ kind: 'sqlite', file: path.join(dataDir, 'kraeved.sqlite') } as const)
      : ({ kind: 'postgres', url: url ?? '' } as const);
  const seeding = performance.now();
  await seed(location, month);
  console.log(
    `${dialect}: ${EVENTS} events seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`
  );
  const port = await freePort();
  const server = await startServer({
    dataDir,
    port,
    env: {
      ORIGIN: `http://127.0.0.1:${port}`,
      DEMO_DATA: 'off',
      ...(url ? { DATABASE_URL: url, AUTH_SECRET: 'bench-calendar-secret-0123456789abcdef' } : {})
    }
  });
  try {
    const page = `${server.url}/events?view=month&date=${month}-01`;
    const narrowed = ['', '&town=amursk', '&kind=lecture', '&free=1', '&schools=1'];
    // Warm up: the first requests compile and fill caches.
    for (let i = 0; i < 5; i += 1) await get(page);
    const first = await get(page);
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      // A parameter the page ignores makes every address new to server.js's shared cache, so
      // each answer is rendered: the figure is the server's work, not a cached copy's.
      const started = performance.now();
      const answer = await get(`${page}${narrowed[i % narrowed.length]}&round=${i}`);
      times.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`HTTP ${answer.status}`);
      if (answer.headers['x-cache'] === 'hit') throw new Error('answered from the cache');
    }
    times.sort((a, b) => a - b);
    const html = first.body;
    // The page must show the month's events: the first few per day, and "N more" for the rest.
    const cards = html.toString('utf8').match(/\/events\/event-\d+/g)?.length ?? 0;
    if (cards < 84)
      throw new Error(
        `the month page shows ${cards} events:\n${html
          .toString('utf8')
          .replace(/<style[\s\S]*?<\/style>/g, '')
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .slice(0, 3000)}`
      );
    return {
      dialect,
      html: html.length,
      gzip: zlib.gzipSync(html, { level: 6 }).length,
      brotli: zlib.brotliCompressSync(html).length,
      p50: times[Math.floor(times.length / 2)] ?? 0,
      p95: times[Math.floor(times.length * 0.95)] ?? 0,
      max: times.at(-1) ?? 0,
      status: String(first.status),
      cards
    };
  } finally {
    await server.stop();
  }
}

main(async () => {
  ensureBuild();
  const month = benchMonth();
  heading(`Calendar month page: ${EVENTS} events in ${month} — ${machine()}`);
  const missed: string[] = [];
  const rows: string[][] = [];
  for (const dialect of dialects) {
    const f = await runOne(dialect, month);
    const sizeOk = f.gzip <= TARGET_KB * 1024;
    const timeOk = f.p95 <= TARGET_MS;
    if (!sizeOk) missed.push(`${dialect}: month page ${kb(f.gzip)} gzip > ${TARGET_KB} KB`);
    if (!timeOk) missed.push(`${dialect}: month page p95 ${f.p95.toFixed(1)} ms > ${TARGET_MS} ms`);
    rows.push([
      dialect,
      kb(f.html),
      `${kb(f.gzip)} ${verdict(sizeOk)}`,
      kb(f.brotli),
      `${f.p50.toFixed(1)} ms`,
      `${f.p95.toFixed(1)} ms ${verdict(timeOk)}`,
      `${f.max.toFixed(1)} ms`,
      String(f.cards)
    ]);
  }
  table(
    ['dialect', 'HTML', 'gzip (≤ 50 KB)', 'brotli', 'p50', 'p95 (≤ 50 ms)', 'max', 'events shown'],
    rows
  );
  reportMissed(missed);
});
