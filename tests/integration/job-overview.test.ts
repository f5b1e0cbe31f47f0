import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRepository } from '$lib/server/jobs/repository';
import { JobQueue } from '$lib/server/jobs/queue';
import { JobWorker } from '$lib/server/jobs/worker';
import { JobOverview } from '$lib/server/jobs/overview';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import type { Actor } from '$lib/server/auth/access';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newStaffMember } from './factories';

describe.each(dialects)('background jobs for the association on %s', (dialect) => {
  let test: TestDatabase;
  let queue: JobQueue;
  let repository: JobRepository;
  let overview: JobOverview;
  let association: Actor;
  let now = new Date('2026-11-22T00:00:00Z');
  let failing = true;
  let woken = 0;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    repository = new JobRepository(test.database.db, test.database.dialect);
    queue = new JobQueue(repository, () => now);
    const staff = new StaffRepository(test.database.db);
    overview = new JobOverview(queue, staff, () => woken++);
    association = await newStaffMember(test.database.db, {
      role: 'association_admin',
      museumId: null
    });
  });
  afterAll(async () => {
    await test?.dispose();
  });

  const worker = () =>
    new JobWorker({
      repository,
      clock: () => now,
      handlers: {
        'send-mail': async () => {
          if (failing) throw new Error('SMTP said no');
        }
      }
    });

  it('counts, lists with the last error, and retries a job that used its attempts', async () => {
    const id = await queue.enqueue('send-mail', { mailId: 1 }, { maxAttempts: 1 });
    await worker().drain();
    expect(await overview.counts(association)).toMatchObject({ failed: 1, queued: 0 });
    const [job] = await overview.recent(association, 'failed');
    expect(job).toMatchObject({
      id,
      status: 'failed',
      attempts: 1,
      maxAttempts: 1,
      lastError: 'SMTP said no'
    });

    failing = false;
    expect(await overview.retry(association, id)).toBe(true);
    expect(woken).toBe(1);
    expect(await repository.find(id)).toMatchObject({ status: 'queued', maxAttempts: 2 });
    expect(await overview.retry(association, id)).toBe(false);
    now = new Date(now.getTime() + 1000);
    expect(await worker().drain()).toBe(1);
    expect(await repository.find(id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await overview.retry(association, id)).toBe(false);

    const [entry] = await new StaffRepository(test.database.db).auditEntries({ museums: 'all' }, 1);
    expect(entry).toMatchObject({ action: 'retry', entity: 'job', entity_id: String(id) });
  });

  it('is the association’s alone', async () => {
    const admin: Actor = {
      userId: 'museum-admin',
      grants: [{ role: 'museum_admin', museumId: 1, publishing: 'publish' }]
    };
    expect(overview.visibleTo(admin)).toBe(false);
    await expect(overview.counts(admin)).rejects.toThrow('not found or no access');
  });
});
