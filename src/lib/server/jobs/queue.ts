import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { JobRepository } from './repository';
import type { JobName, JobPayloads, JobStatus, JobSummary } from './types';

export interface EnqueueOptions {
  /** Run no earlier than this long from now. */
  delayMs?: number;
  /** Attempts before the job ends 'failed' (default 5). */
  maxAttempts?: number;
  /** The caller's transaction: the job is queued only if the rest of the work commits. */
  transaction?: Transaction<DB>;
}

/** What the rest of the server uses to ask for work to be done later, and what staff see of it. */
export class JobQueue {
  constructor(
    private readonly repository: JobRepository,
    private readonly clock: () => Date
  ) {}

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions = {}
  ): Promise<number> {
    const now = this.clock();
    return this.repository.enqueue(
      {
        name,
        payload,
        runAt: new Date(now.getTime() + (options.delayMs ?? 0)),
        maxAttempts: options.maxAttempts
      },
      now,
      options.transaction
    );
  }

  /** Queues a job unless one of its name is already waiting or running (a periodic sweep). */
  async enqueueOnce<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<boolean> {
    if (await this.repository.waiting(name)) return false;
    await this.enqueue(name, payload);
    return true;
  }

  /** Queues a failed job again, to run now; false when it is not failed. */
  retry(id: number): Promise<boolean> {
    return this.repository.requeue(id, this.clock());
  }

  counts(): Promise<Record<JobStatus, number>> {
    return this.repository.countByStatus();
  }

  recent(options: { limit?: number; status?: JobStatus } = {}): Promise<JobSummary[]> {
    return this.repository.listRecent(options);
  }
}
