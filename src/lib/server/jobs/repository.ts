import {
  sql,
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  type Transaction
} from 'kysely';
import type { Dialect } from '../db/connection';
import type { DB, JobsTable } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import type { ClaimedJob, JobName, JobPayloads, JobStatus, JobSummary } from './types';

type Executor = Kysely<DB> | Transaction<DB>;

export interface NewJob<N extends JobName> {
  name: N;
  payload: JobPayloads[N];
  runAt: Date;
  maxAttempts?: number;
}

export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  /** A number in [0, 1); tests pass a constant. */
  random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  baseMs: 30_000,
  capMs: 60 * 60_000,
  random: Math.random
};

/**
 * The wait after a job's `attempts`-th failure: 30 s, 1 min, 2 min … up to the cap, of which a
 * random share of the upper half, so jobs that failed together do not all return together.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy = defaultRetryPolicy): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * policy.random());
}

const errorLength = 4000;

/** A claim is ours while the job runs at the attempt we claimed; a later claim fences us off. */
const claimedBy = (job: ClaimedJob) => (eb: ExpressionBuilder<DB, 'jobs'>) =>
  eb.and([eb('id', '=', job.id), eb('status', '=', 'running'), eb('attempts', '=', job.attempts)]);

/**
 * SQL for the job queue. Every instant comes from the caller's clock, never the database's, so
 * tests can move time and both dialects compare the same ISO strings.
 */
export class JobRepository {
  private readonly retry: RetryPolicy;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
    options: { retry?: Partial<RetryPolicy> } = {}
  ) {
    this.retry = { ...defaultRetryPolicy, ...options.retry };
  }

  /**
   * Of these ids, those that a job of this name, in any state, already carries as `payload[key]`
   * (a `media.iiif` job for an asset): so a backfill queues each thing once.
   */
  async namedIn(name: JobName, key: string, ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const value =
      this.dialect === 'postgres'
        ? sql<number>`CAST(payload ->> ${key} AS integer)`
        : sql<number>`json_extract(payload, ${`$.${key}`})`;
    const rows = await this.db
      .selectFrom('jobs')
      .where('name', '=', name)
      .where(value, 'in', ids)
      .select(value.as('value'))
      .execute();
    return new Set(rows.map((row) => Number(row.value)));
  }

  /** Whether a job of this name is queued or running. */
  async waiting(name: JobName): Promise<boolean> {
    const row = await this.db
      .selectFrom('jobs')
      .where('name', '=', name)
      .where('status', 'in', ['queued', 'running'])
      .select('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Adds a job; pass the caller's transaction so the job exists only if its data does. */
  async enqueue<N extends JobName>(
    job: NewJob<N>,
    now: Date,
    executor: Executor = this.db
  ): Promise<number> {
    const row = await executor
      .insertInto('jobs')
      .values({
        name: job.name,
        payload: writeJson(job.payload),
        max_attempts: job.maxAttempts,
        run_at: job.runAt.toISOString(),
        created_at: now.toISOString(),
        updated_at: now.toISOString()
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /**
   * Takes the next due job for `leaseMs`: a queued job whose time has come, or a running one whose
   * worker let its lease pass (it crashed or lost the database). Each claim counts an attempt.
   */
  async claim(now: Date, leaseMs: number): Promise<ClaimedJob | undefined> {
    const at = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const claimNext = async (db: Kysely<DB>) => {
      await this.failAbandoned(db, at);
      const due = db
        .selectFrom('jobs as due')
        .select('due.id')
        .where((eb) =>
          eb.or([
            eb.and([eb('due.status', '=', 'queued'), eb('due.run_at', '<=', at)]),
            eb.and([
              eb('due.status', '=', 'running'),
              eb('due.locked_until', '<=', at),
              eb('due.attempts', '<', eb.ref('due.max_attempts'))
            ])
          ])
        )
        .orderBy('due.run_at')
        .orderBy('due.id')
        .limit(1);
      return (
        db
          .updateTable('jobs')
          .set((eb) => ({
            status: 'running',
            attempts: eb('attempts', '+', 1),
            locked_until: until,
            updated_at: at
          }))
          // PostgreSQL: concurrent claimers skip a row another one has locked instead of waiting
          // for it, so each job goes to exactly one of them. SQLite has one writer at a time.
          .where('id', '=', this.dialect === 'postgres' ? due.forUpdate().skipLocked() : due)
          .returning(['id', 'name', 'payload', 'attempts', 'max_attempts'])
          .executeTakeFirst()
      );
    };
    const row =
      this.dialect === 'postgres' ? await claimNext(this.db) : await this.immediate(claimNext);
    return (
      row && {
        id: row.id,
        name: row.name,
        payload: readJson(row.payload),
        attempts: row.attempts,
        maxAttempts: row.max_attempts
      }
    );
  }

  /** Pushes the lease forward while a long job runs; false when the claim is no longer ours. */
  async extendLease(job: ClaimedJob, until: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ locked_until: until.toISOString() })
      .where(claimedBy(job))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Marks the job done; false when another worker has since taken it over. */
  async complete(job: ClaimedJob, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ status: 'done', locked_until: null, updated_at: now.toISOString() })
      .where(claimedBy(job))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Records a failed attempt: the job waits for its backoff and is queued again, or ends 'failed'
   * once it has used its attempts (or at once when `retry` is false). Null when the claim was lost.
   */
  async fail(
    job: ClaimedJob,
    error: string,
    now: Date,
    { retry = true }: { retry?: boolean } = {}
  ): Promise<'queued' | 'failed' | null> {
    const status = retry && job.attempts < job.maxAttempts ? 'queued' : 'failed';
    const runAt =
      status === 'queued'
        ? new Date(now.getTime() + retryDelayMs(job.attempts, this.retry)).toISOString()
        : undefined;
    const result = await this.db
      .updateTable('jobs')
      .set({
        status,
        run_at: runAt,
        locked_until: null,
        last_error: error.slice(0, errorLength),
        updated_at: now.toISOString()
      })
      .where(claimedBy(job))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? status : null;
  }

  /**
   * Gives a failed job one more attempt, due now. Attempts keep counting (they fence off stale
   * claims), so the limit moves one past them. False when the job is not failed (any more).
   */
  async requeue(id: number, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'queued',
        run_at: now.toISOString(),
        max_attempts: eb('attempts', '+', 1),
        updated_at: now.toISOString()
      }))
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async find(id: number): Promise<JobSummary | undefined> {
    const row = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toSummary(row);
  }

  async countByStatus(): Promise<Record<JobStatus, number>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .execute();
    const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }

  /** The newest jobs first, for the staff overview. */
  async listRecent({ limit = 50, status }: { limit?: number; status?: JobStatus } = {}) {
    let query = this.db.selectFrom('jobs').selectAll().orderBy('id', 'desc').limit(limit);
    if (status) query = query.where('status', '=', status);
    return (await query.execute()).map(toSummary);
  }

  /** A job whose last allowed attempt stopped mid-way will not be tried again. */
  private async failAbandoned(db: Kysely<DB>, at: string): Promise<void> {
    await db
      .updateTable('jobs')
      .set({
        status: 'failed',
        locked_until: null,
        last_error: 'The worker stopped during the last attempt (its lease expired)',
        updated_at: at
      })
      .where('status', '=', 'running')
      .where('locked_until', '<=', at)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .execute();
  }

  /** SQLite: take the write lock first, so the read inside the claim cannot go stale. */
  private async immediate<T>(work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (connection) => {
      await sql`begin immediate`.execute(connection);
      try {
        const result = await work(connection);
        await sql`commit`.execute(connection);
        return result;
      } catch (error) {
        await sql`rollback`.execute(connection);
        throw error;
      }
    });
  }
}

function toSummary(row: Selectable<JobsTable>): JobSummary {
  return {
    id: row.id,
    name: row.name,
    payload: readJson(row.payload),
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}
