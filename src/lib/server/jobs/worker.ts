import pino, { type Logger } from 'pino';
import type { JobRepository } from './repository';
import {
  isJobName,
  jobPayloadSchemas,
  type ClaimedJob,
  type JobHandlers,
  type JobName,
  type JobRun
} from './types';

export interface JobWorkerOptions {
  repository: JobRepository;
  /** A process may run some kinds of job only; the composition root passes them all. */
  handlers: Partial<JobHandlers>;
  /** The current instant; tests pass a clock they move. */
  clock: () => Date;
  /** How long to wait before looking again when no job is due (default 1 s). */
  pollIntervalMs?: number;
  /** How long a claim holds before another worker may take the job over (default 5 min). */
  leaseMs?: number;
  log?: Logger;
}

/**
 * Claims due jobs one at a time and runs their handlers. Any number of workers may share one
 * database; a worker that dies leaves its job to be claimed again when the lease runs out.
 */
export class JobWorker {
  private readonly repository: JobRepository;
  private readonly handlers: Partial<JobHandlers>;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly log: Logger;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;

  constructor(options: JobWorkerOptions) {
    this.repository = options.repository;
    this.handlers = options.handlers;
    this.clock = options.clock;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.log = options.log ?? pino({ level: 'silent' });
  }

  /** Runs jobs in the background until stop(). */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.runUntilStopped();
  }

  /** Takes no new job and resolves once the one running now has finished. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  /** Looks for a due job now rather than after the poll interval, e.g. right after enqueueing. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Claims one due job and runs it; false when none is due. */
  async runNext(): Promise<boolean> {
    const job = await this.repository.claim(this.clock(), this.leaseMs);
    if (!job) return false;
    await this.run(job);
    return true;
  }

  /** Runs due jobs until none is left; returns how many ran. */
  async drain(): Promise<number> {
    let count = 0;
    while (await this.runNext()) count++;
    return count;
  }

  private async runUntilStopped(): Promise<void> {
    while (!this.stopping) {
      let ran = false;
      try {
        ran = await this.runNext();
      } catch (error) {
        this.log.error({ err: error }, 'job queue unavailable');
      }
      if (!ran && !this.stopping) await this.sleep(this.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private async run(job: ClaimedJob): Promise<void> {
    const log = this.log.child({ job: job.id, name: job.name, attempt: job.attempts });
    if (!isJobName(job.name)) {
      await this.repository.fail(job, `No handler for job "${job.name}"`, this.clock(), {
        retry: false
      });
      log.error('no handler for this job');
      return;
    }
    const handler = bind(this.handlers, job.name, job.payload, {
      attempt: job.attempts,
      lastAttempt: job.attempts >= job.maxAttempts
    });
    if (!handler.ok) {
      await this.repository.fail(job, handler.error, this.clock(), {
        retry: false
      });
      log.error(handler.error);
      return;
    }
    // A long job (panorama tiles) keeps its claim while it runs, so no one takes it over.
    const heartbeat = setInterval(() => {
      const until = new Date(this.clock().getTime() + this.leaseMs);
      this.repository.extendLease(job, until).catch((error: unknown) => {
        log.warn({ err: error }, 'could not extend the lease');
      });
    }, this.leaseMs / 3);
    let outcome: { ok: true } | { ok: false; error: unknown };
    try {
      await handler.run();
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      clearInterval(heartbeat);
    }
    if (outcome.ok) {
      if (!(await this.repository.complete(job, this.clock()))) {
        log.warn('finished after another worker had taken the job over');
      }
      return;
    }
    const status = await this.repository.fail(job, describe(outcome.error), this.clock());
    log.warn({ err: outcome.error, status }, 'job failed');
  }
}

/** Checks a payload read from the database against its job's schema and binds its handler. */
function bind<N extends JobName>(
  handlers: Partial<JobHandlers>,
  name: N,
  payload: unknown,
  run: JobRun
): { ok: true; run: () => Promise<void> } | { ok: false; error: string } {
  const handler = handlers[name];
  if (!handler) return { ok: false, error: `No handler for job "${name}"` };
  const parsed = jobPayloadSchemas[name].safeParse(payload);
  if (!parsed.success) return { ok: false, error: `Invalid payload: ${parsed.error.message}` };
  const data = parsed.data;
  return { ok: true, run: () => handler(data, run) };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
