/**
 * npm run bench:registration — 200 visitors register at once for a session with 50 places,
 * over loopback HTTP against the production server (`node server.js`), on SQLite and on
 * PostgreSQL. Exactly 50 must be confirmed and 150 waitlisted, none lost, no errors.
 *
 * Each request is the registration form as a browser without JavaScript posts it, from its own
 * client address (X-Forwarded-For, which the server is told to trust with ADDRESS_HEADER), so
 * the per-address rate limit sees 200 visitors, as it would behind the association's proxy.
 *
 *   npm run bench:registration                      both dialects
 *   npm run bench:registration -- --dialect sqlite  one of them
 */
import http from 'node:http';
import path from 'node:path';
import { openDatabase, type Dialect } from '../../src/lib/server/db/connection';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { EventRepository } from '../../src/lib/server/events/repository';
import { EventEditor } from '../../src/lib/server/events/editor';
import {
  ensureBuild,
  freePort,
  heading,
  machine,
  main,
  reportMissed,
  startServer,
  startThrowawayPostgres,
  table,
  tempDir,
  verdict
} from './server';
import { benchMuseum } from './bench-museum';

const VISITORS = 200;
const PLACES = 50;
/** Every request must have its answer within this; the whole run is bounded by it too. */
const REQUEST_TIMEOUT_MS = 30_000;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

interface Figures {
  dialect: Dialect;
  confirmed: number;
  waitlisted: number;
  lost: number;
  errors: number;
  answered: Record<string, number>;
  ms: number;
  p95: number;
}

/** A museum and a published event of one session with PLACES places, a week from now. */
async function seed(
  location: Parameters<typeof openDatabase>[0]
): Promise<{ eventId: number; sessionId: number }> {
  const database = await openDatabase(location);
  try {
    await migrateToLatest(database);
    const db = database.db;
    const { museumId, actor, staff } = await benchMuseum(db);
    const editor = new EventEditor(
      new EventRepository(db),
      staff,
      () => new Date(),
      async () => []
    );
    const owner = { kind: 'museum', museumId } as const;
    const made = await editor.create(actor, owner, {
      slug: 'forge',
      title: { ru: 'Кузнечное дело', en: 'Blacksmithing' }
    });
    if (!made.ok) throw new Error(`event refused: ${JSON.stringify(made.errors)}`);
    const day = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const saved = await editor.save(
      actor,
      owner,
      made.id,
      {
        slug: 'forge',
        kind: 'master-class',
        title: { ru: 'Кузнечное дело', en: 'Blacksmithing' },
        dates: {
          kind: 'single',
          sessions: [{ key: 's1', date: day, start: '10:00', end: '12:00', capacity: PLACES }]
        },
        venue: { kind: 'museum', museumId },
        ageRating: '12+',
        registration: { enabled: true }
      },
      'publish'
    );
    if (!saved.ok) throw new Error(`event not published: ${JSON.stringify(saved)}`);
    const [session] = await new EventRepository(db).sessionsOf(made.id);
    if (!session) throw new Error('no session published');
    return { eventId: made.id, sessionId: session.id };
  } finally {
    await database.close();
  }
}

/** One form post; the outcome the answer page shows, or 'error: …'. */
function register(
  origin: string,
  event: { eventId: number; sessionId: number },
  n: number
): Promise<{ outcome: string; ms: number }> {
  const body = new URLSearchParams({
    sessionId: String(event.sessionId),
    name: `Посетитель ${n}`,
    email: `visitor${n}@example.ru`,
    phone: '+7 914 000-00-00',
    people: '1',
    consent: 'yes',
    website: ''
  });
  return new Promise((resolve) => {
    const started = performance.now();
    const done = (outcome: string) => resolve({ outcome, ms: performance.now() - started });
    const request = http.request(
      `${origin}/registrations/event/${event.eventId}`,
      {
        method: 'POST',
        agent: false,
        timeout: REQUEST_TIMEOUT_MS,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          // As a browser posts a form: SvelteKit answers JSON to a request without it.
          accept: 'text/html',
          origin,
          'x-forwarded-for': `10.${(n >> 8) & 255}.${n & 255}.1`
        }
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const html = Buffer.concat(chunks).toString('utf8');
          const outcome = /data-outcome="(\w+)"/.exec(html)?.[1];
          done(outcome ?? `error: HTTP ${response.statusCode}`);
        });
        response.on('error', (error) => done(`error: ${error.message}`));
      }
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => done(`error: ${error.message}`));
    request.end(body.toString());
  });
}

async function runOne(dialect: Dialect): Promise<Figures> {
  const dataDir = tempDir(`registration-${dialect}`);
  const url = dialect === 'postgres' ? startThrowawayPostgres() : undefined;
  const location =
    dialect === 'sqlite'
      ? ({ kind: 'sqlite', file: path.join(dataDir, 'kraeved.sqlite') } as const)
      : ({ kind: 'postgres', url: url ?? '' } as const);
  const event = await seed(location);
  const port = await freePort();
  const server = await startServer({
    dataDir,
    port,
    env: {
      // The form's origin check compares with the public address.
      ORIGIN: `http://127.0.0.1:${port}`,
      DEMO_DATA: 'off',
      ADDRESS_HEADER: 'x-forwarded-for',
      ...(url
        ? { DATABASE_URL: url, AUTH_SECRET: 'bench-registration-secret-0123456789abcdef' }
        : {})
    }
  });
  try {
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: VISITORS }, (_, n) => register(server.url, event, n))
    );
    const ms = performance.now() - started;
    const answered: Record<string, number> = {};
    for (const { outcome } of answers) answered[outcome] = (answered[outcome] ?? 0) + 1;
    const database = await openDatabase(location);
    try {
      const rows = await database.db
        .selectFrom('registrations')
        .select(['status', 'email'])
        .where('event_id', '=', event.eventId)
        .execute();
      const confirmed = rows.filter((r) => r.status === 'confirmed').length;
      const waitlisted = rows.filter((r) => r.status === 'waitlisted').length;
      const errors = answers.filter((a) => a.outcome.startsWith('error')).length;
      const times = answers.map((a) => a.ms).sort((a, b) => a - b);
      return {
        dialect,
        confirmed,
        waitlisted,
        // Told "registered" or "waiting" but not in the table.
        lost: Math.max(0, VISITORS - errors - rows.length),
        errors,
        answered,
        ms,
        p95: times[Math.floor(times.length * 0.95)] ?? 0
      };
    } finally {
      await database.close();
    }
  } finally {
    await server.stop();
  }
}

main(async () => {
  ensureBuild();
  console.log(machine());
  const only = option('dialect');
  const dialects: Dialect[] =
    only === 'sqlite' || only === 'postgres' ? [only] : ['sqlite', 'postgres'];
  heading(
    `${VISITORS} visitors register at once for ${PLACES} places (loopback HTTP, node server.js)`
  );
  const figures: Figures[] = [];
  for (const dialect of dialects) figures.push(await runOne(dialect));
  table(
    [
      'dialect',
      'confirmed',
      'waitlisted',
      'lost',
      'errors',
      'all answered in',
      'p95 answer',
      'verdict'
    ],
    figures.map((f) => [
      f.dialect,
      String(f.confirmed),
      String(f.waitlisted),
      String(f.lost),
      String(f.errors),
      `${(f.ms / 1000).toFixed(2)} s`,
      `${Math.round(f.p95)} ms`,
      verdict(
        f.confirmed === PLACES &&
          f.waitlisted === VISITORS - PLACES &&
          f.lost === 0 &&
          f.errors === 0
      )
    ])
  );
  for (const f of figures) console.log(`${f.dialect}: answers ${JSON.stringify(f.answered)}`);
  reportMissed(
    figures
      .filter(
        (f) =>
          f.confirmed !== PLACES ||
          f.waitlisted !== VISITORS - PLACES ||
          f.lost !== 0 ||
          f.errors !== 0
      )
      .map((f) => `${f.dialect}: ${f.confirmed}/${f.waitlisted}/${f.lost}/${f.errors}`)
  );
});
