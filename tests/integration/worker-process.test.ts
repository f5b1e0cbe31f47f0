import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRepository } from '$lib/server/jobs/repository';
import { JobQueue } from '$lib/server/jobs/queue';
import { MailRepository } from '$lib/server/mail/repository';
import { Mailer } from '$lib/server/mail/mailer';
import { dialects, freshDatabase, type TestDatabase } from './databases';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `npm run worker` as production runs it, on the test's database and nothing else. */
function startWorker(test: TestDatabase): { child: ChildProcess; output: () => string } {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', TZ: 'UTC' };
  for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'KRAEVED_FROZEN_NOW', 'SMTP_HOST', 'WORKER']) {
    delete env[name];
  }
  if (test.location.kind === 'sqlite') {
    env.DATA_DIR = path.dirname(test.location.file);
  } else {
    env.DATABASE_URL = test.location.url;
    env.AUTH_SECRET = 'worker-test-secret-that-is-long-enough-0123';
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { child, output: () => text };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe.each(dialects)('the separate worker process on %s', (dialect) => {
  let test: TestDatabase;
  let queue: JobQueue;
  let mailer: Mailer;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const clock = () => new Date();
    queue = new JobQueue(new JobRepository(test.database.db, test.database.dialect), clock);
    mailer = new Mailer({
      repository: new MailRepository(test.database.db),
      queue,
      config: { kind: 'outbox' },
      clock
    });
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('delivers a mail queued by another process, and exits 0 on SIGTERM', async () => {
    const worker = startWorker(test);
    try {
      const { mailId } = await mailer.send({
        to: 'curator@museum.ru',
        subject: 'Проверка',
        text: 'Письмо из теста'
      });
      await expect
        .poll(async () => (await queue.recent({ limit: 1 }))[0]?.status, {
          timeout: 20_000,
          interval: 100
        })
        .toBe('done');
      const outbox = await test.database.db
        .selectFrom('mail_outbox')
        .where('id', '=', mailId)
        .select(['sent_at', 'error'])
        .executeTakeFirstOrThrow();
      expect(outbox.sent_at).not.toBeNull();
      expect(outbox.error).toBeNull();

      worker.child.kill('SIGTERM');
      expect(await exitOf(worker.child)).toBe(0);
      expect(worker.output()).toContain('worker stopped');
    } finally {
      if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    }
  });
});
