import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '$lib/server/config';
import { openDatabase, type Database } from '$lib/server/db/connection';
import { JobRepository, retryDelayMs, type RetryPolicy } from '$lib/server/jobs/repository';
import { JobQueue } from '$lib/server/jobs/queue';
import { JobWorker } from '$lib/server/jobs/worker';
import type { JobPayloads } from '$lib/server/jobs/types';
import { dialects, freshDatabase, postgresUrl, type TestDatabase } from './databases';

const run = promisify(execFile);
const second = 1000;
const minute = 60 * second;

/** A clock the test moves by hand. */
function testClock(start = '2026-11-24T02:00:00.000Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    }
  };
}

/** Where the test's database is, for a second connection as a restarted process would open. */
async function whereIs(database: Database): Promise<Config['database']> {
  if (database.dialect === 'sqlite') {
    const rows = await sql<{
      file: string;
    }>`select file from pragma_database_list where name = 'main'`.execute(database.db);
    return { kind: 'sqlite', file: rows.rows[0]!.file };
  }
  const rows = await sql<{ name: string }>`select current_database() as name`.execute(database.db);
  const url = new URL(postgresUrl());
  url.pathname = `/${rows.rows[0]!.name}`;
  return { kind: 'postgres', url: url.toString() };
}

async function connectAgain(database: Database): Promise<Database> {
  return openDatabase(await whereIs(database));
}

/**
 * A worker process of its own (as `npm run worker` is): once connected it says so with a file in
 * `gate` and waits for the file `go` there, so all of them begin together however slowly each
 * started; then it claims and completes jobs until none is due, and prints the ids it ran.
 */
const claimerProcess = `
  const [repositoryFile, connectionFile, location, now, gate] = process.argv.slice(1);
  const { existsSync, writeFileSync } = await import('node:fs');
  const { JobRepository } = await import(repositoryFile);
  const { openDatabase } = await import(connectionFile);
  const database = await openDatabase(JSON.parse(location));
  const repository = new JobRepository(database.db, database.dialect);
  writeFileSync(gate + '/ready-' + process.pid, '');
  while (!existsSync(gate + '/go')) await new Promise((resolve) => setTimeout(resolve, 10));
  const mine = [];
  for (;;) {
    const job = await repository.claim(new Date(now), 60000);
    if (!job) break;
    mine.push(job.id);
    if (!(await repository.complete(job, new Date(now)))) throw new Error('lost job ' + job.id);
  }
  await database.close();
  process.stdout.write(JSON.stringify(mine));
`;

async function runClaimerProcess(location: Config['database'], now: Date, gate: string) {
  const source = (file: string) => pathToFileURL(path.resolve(file)).href;
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx/esm',
      '--input-type=module',
      '-e',
      claimerProcess,
      source('src/lib/server/jobs/repository.ts'),
      source('src/lib/server/db/connection.ts'),
      JSON.stringify(location),
      now.toISOString(),
      gate
    ],
    { timeout: 60_000 }
  );
  return z.array(z.number()).parse(JSON.parse(stdout));
}

/** Retries wait exactly the upper bound, so the test can step to the moment a job is due. */
const noJitter: Partial<RetryPolicy> = { random: () => 1 };

describe('the wait before a retry', () => {
  it('doubles from 30 seconds up to an hour, with a random part of its upper half', () => {
    const upper = (attempts: number) =>
      retryDelayMs(attempts, { baseMs: 30 * second, capMs: 60 * minute, random: () => 1 });
    expect([1, 2, 3, 4].map(upper)).toEqual([30 * second, minute, 2 * minute, 4 * minute]);
    expect(upper(30)).toBe(60 * minute);
    const lowest = retryDelayMs(3, { baseMs: 30 * second, capMs: 60 * minute, random: () => 0 });
    expect(lowest).toBe(minute);
  });
});

describe.each(dialects)('the job queue on %s', (dialect) => {
  let test: TestDatabase;
  let clock: ReturnType<typeof testClock>;
  let repository: JobRepository;
  let queue: JobQueue;
  let ran: JobPayloads['send-mail'][];

  const worker = (handler?: (payload: JobPayloads['send-mail']) => Promise<void>) =>
    new JobWorker({
      repository,
      clock: clock.now,
      handlers: {
        'send-mail': handler ?? (async (payload) => void ran.push(payload))
      }
    });

  beforeAll(async () => {
    test = await freshDatabase(dialect);
  });
  afterAll(async () => {
    await test.dispose();
  });
  beforeEach(async () => {
    await test.database.db.deleteFrom('jobs').execute();
    clock = testClock();
    repository = new JobRepository(test.database.db, dialect, { retry: noJitter });
    queue = new JobQueue(repository, clock.now);
    ran = [];
  });

  it('runs a queued job once and marks it done', async () => {
    const id = await queue.enqueue('send-mail', { mailId: 7 });
    const w = worker();
    expect(await w.runNext()).toBe(true);
    expect(ran).toEqual([{ mailId: 7 }]);
    expect(await repository.find(id)).toMatchObject({
      status: 'done',
      attempts: 1,
      lockedUntil: null
    });
    expect(await w.runNext()).toBe(false);
    expect(await queue.counts()).toEqual({ queued: 0, running: 0, done: 1, failed: 0 });
  });

  it('runs due jobs in the order they fell due, and a delayed job only when its time comes', async () => {
    await queue.enqueue('send-mail', { mailId: 3 }, { delayMs: 10 * minute });
    await queue.enqueue('send-mail', { mailId: 1 });
    clock.advance(second);
    await queue.enqueue('send-mail', { mailId: 2 });
    const w = worker();
    expect(await w.drain()).toBe(2);
    expect(ran).toEqual([{ mailId: 1 }, { mailId: 2 }]);
    clock.advance(10 * minute);
    expect(await w.drain()).toBe(1);
    expect(ran.at(-1)).toEqual({ mailId: 3 });
  });

  it('lists recent jobs newest first for staff', async () => {
    await queue.enqueue('send-mail', { mailId: 1 });
    await queue.enqueue('send-mail', { mailId: 2 });
    const recent = await queue.recent({ limit: 10 });
    expect(recent.map((j) => j.payload)).toEqual([{ mailId: 2 }, { mailId: 1 }]);
    expect(recent[0]).toMatchObject({
      name: 'send-mail',
      status: 'queued',
      attempts: 0,
      maxAttempts: 5
    });
    expect(await queue.recent({ status: 'done' })).toEqual([]);
  });

  it('queues nothing when the caller’s transaction rolls back', async () => {
    await expect(
      test.database.db.transaction().execute(async (transaction) => {
        await queue.enqueue('send-mail', { mailId: 1 }, { transaction });
        throw new Error('the rest of the work failed');
      })
    ).rejects.toThrow('the rest of the work failed');
    expect((await queue.counts()).queued).toBe(0);
  });

  it('retries a failing job later with a growing wait, then gives up keeping the error', async () => {
    const id = await queue.enqueue('send-mail', { mailId: 1 }, { maxAttempts: 3 });
    const w = worker(async () => {
      throw new Error('Почтовый сервер не отвечает');
    });

    expect(await w.runNext()).toBe(true);
    const first = await repository.find(id);
    expect(first).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'Почтовый сервер не отвечает'
    });
    expect(new Date(first!.runAt).getTime() - clock.now().getTime()).toBe(30 * second);

    clock.advance(29 * second);
    expect(await w.runNext()).toBe(false);
    clock.advance(second);
    expect(await w.runNext()).toBe(true);
    const second_ = await repository.find(id);
    expect(second_).toMatchObject({ status: 'queued', attempts: 2 });
    expect(new Date(second_!.runAt).getTime() - clock.now().getTime()).toBe(minute);

    clock.advance(minute);
    expect(await w.runNext()).toBe(true);
    expect(await repository.find(id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'Почтовый сервер не отвечает'
    });
    clock.advance(24 * 60 * minute);
    expect(await w.runNext()).toBe(false);
    expect(await queue.counts()).toMatchObject({ failed: 1, queued: 0 });
  });

  it('fails at once a job no handler knows, leaving the rest to run', async () => {
    const at = clock.now().toISOString();
    const unknown = await test.database.db
      .insertInto('jobs')
      .values({
        name: 'make-tiles',
        payload: '{"mediaId":1}',
        run_at: at,
        created_at: at,
        updated_at: at
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await queue.enqueue('send-mail', { mailId: 5 });
    expect(await worker().drain()).toBe(2);
    expect(await repository.find(unknown.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'No handler for job "make-tiles"'
    });
    expect(ran).toEqual([{ mailId: 5 }]);
  });

  it('claims again a job whose worker stopped, once its lease has run out', async () => {
    const id = await queue.enqueue('send-mail', { mailId: 1 });
    const crashed = await repository.claim(clock.now(), minute);
    expect(crashed).toMatchObject({ id, attempts: 1 });

    clock.advance(30 * second);
    expect(await repository.claim(clock.now(), minute)).toBeUndefined();

    clock.advance(31 * second);
    const retaken = await repository.claim(clock.now(), minute);
    expect(retaken).toMatchObject({ id, attempts: 2 });
    // The first worker, back to life, can no longer complete what is now someone else's.
    expect(await repository.complete(crashed!, clock.now())).toBe(false);
    expect(await repository.complete(retaken!, clock.now())).toBe(true);
    expect(await repository.find(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('gives up on a job whose last attempt was abandoned', async () => {
    const id = await queue.enqueue('send-mail', { mailId: 1 }, { maxAttempts: 1 });
    expect(await repository.claim(clock.now(), minute)).toMatchObject({ id });
    clock.advance(2 * minute);
    expect(await repository.claim(clock.now(), minute)).toBeUndefined();
    expect(await repository.find(id)).toMatchObject({
      status: 'failed',
      lastError: expect.stringMatching(/lease expired/)
    });
  });

  it('keeps the claim of a long job while it runs, past its first lease', async () => {
    const realQueue = new JobQueue(repository, () => new Date());
    const id = await realQueue.enqueue('send-mail', { mailId: 1 });
    let takenOver: unknown = 'not tried';
    const slow = new JobWorker({
      repository,
      clock: () => new Date(),
      leaseMs: 150,
      handlers: {
        'send-mail': async () => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          takenOver = await repository.claim(new Date(), 150);
        }
      }
    });
    expect(await slow.runNext()).toBe(true);
    expect(takenOver).toBeUndefined();
    expect(await repository.find(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('keeps queued and interrupted jobs across a restart', async () => {
    const waiting = await queue.enqueue('send-mail', { mailId: 1 });
    const interrupted = await queue.enqueue('send-mail', { mailId: 2 });
    // The first process claims a job and dies without finishing it.
    await test.database.db
      .updateTable('jobs')
      .set({ run_at: new Date(clock.now().getTime() - second).toISOString() })
      .where('id', '=', interrupted)
      .execute();
    expect(await repository.claim(clock.now(), minute)).toMatchObject({ id: interrupted });

    const restarted = await connectAgain(test.database);
    try {
      clock.advance(minute + second);
      const w = new JobWorker({
        repository: new JobRepository(restarted.db, dialect),
        clock: clock.now,
        handlers: { 'send-mail': async (payload) => void ran.push(payload) }
      });
      expect(await w.drain()).toBe(2);
      expect(ran).toEqual([{ mailId: 2 }, { mailId: 1 }]);
      expect(await repository.find(waiting)).toMatchObject({ status: 'done', attempts: 1 });
      expect(await repository.find(interrupted)).toMatchObject({ status: 'done', attempts: 2 });
    } finally {
      await restarted.close();
    }
  });

  it('gives each job to exactly one of four concurrent claimers', async () => {
    const ids: number[] = [];
    for (let i = 1; i <= 50; i++) ids.push(await queue.enqueue('send-mail', { mailId: i }));
    // PostgreSQL: four connections racing. SQLite: four claimers sharing the process's single
    // writer, as the web process and its worker do (a second connection to the same file in the
    // same process would wait on a lock its own event loop holds).
    const connections =
      dialect === 'postgres'
        ? await Promise.all([1, 2, 3, 4].map(() => connectAgain(test.database)))
        : [test.database, test.database, test.database, test.database];
    try {
      const claimed = await Promise.all(
        connections.map(async (connection) => {
          const claimer = new JobRepository(connection.db, dialect);
          const mine: number[] = [];
          for (;;) {
            const job = await claimer.claim(clock.now(), minute);
            if (!job) return mine;
            mine.push(job.id);
            await new Promise((resolve) => setTimeout(resolve, 1));
            expect(await claimer.complete(job, clock.now())).toBe(true);
          }
        })
      );
      expect(claimed.flat().sort((a, b) => a - b)).toEqual(ids);
      expect(claimed.filter((mine) => mine.length > 0).length).toBeGreaterThan(1);
      expect(await queue.counts()).toEqual({ queued: 0, running: 0, done: 50, failed: 0 });
    } finally {
      if (dialect === 'postgres') await Promise.all(connections.map((c) => c.close()));
    }
  });

  it('gives each job to exactly one of four worker processes', async () => {
    const ids: number[] = [];
    for (let i = 1; i <= 200; i++) ids.push(await queue.enqueue('send-mail', { mailId: i }));
    const location = await whereIs(test.database);
    const gate = await mkdtemp(path.join(os.tmpdir(), 'kraeved-claimers-'));
    const claiming = Promise.all(
      [1, 2, 3, 4].map(() => runClaimerProcess(location, clock.now(), gate))
    );
    await vi.waitFor(
      async () =>
        expect((await readdir(gate)).filter((f) => f.startsWith('ready-'))).toHaveLength(4),
      { timeout: 60_000, interval: 20 }
    );
    await writeFile(path.join(gate, 'go'), '');
    const claimed = await claiming;
    await rm(gate, { recursive: true, force: true });
    expect(claimed.flat().sort((a, b) => a - b)).toEqual(ids);
    expect(claimed.filter((mine) => mine.length > 0).length).toBeGreaterThan(1);
    expect(await queue.counts()).toEqual({ queued: 0, running: 0, done: 200, failed: 0 });
  });

  it('runs jobs as they come until stopped, and stopping waits for the running job', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started: number[] = [];
    const live = new JobWorker({
      repository,
      clock: () => new Date(),
      pollIntervalMs: 20,
      handlers: {
        'send-mail': async ({ mailId }) => {
          started.push(mailId);
          if (mailId === 99) await gate;
          ran.push({ mailId });
        }
      }
    });
    const realQueue = new JobQueue(repository, () => new Date());
    live.start();
    await realQueue.enqueue('send-mail', { mailId: 1 });
    await realQueue.enqueue('send-mail', { mailId: 2 });
    await vi.waitFor(() => expect(ran).toHaveLength(2));
    await realQueue.enqueue('send-mail', { mailId: 3 });
    await vi.waitFor(() => expect(ran).toHaveLength(3));

    const slow = await realQueue.enqueue('send-mail', { mailId: 99 });
    await vi.waitFor(() => expect(started).toContain(99));
    let stopped = false;
    const stopping = live.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await repository.find(slow)).toMatchObject({ status: 'done' });

    await realQueue.enqueue('send-mail', { mailId: 4 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ran.map((p) => p.mailId)).toEqual([1, 2, 3, 99]);
  });
});
