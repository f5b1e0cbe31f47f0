import { can, requireAccess, type Actor } from '../auth/access';
import type { StaffRepository } from '../auth/staff-repository';
import type { JobQueue } from './queue';
import type { JobStatus } from './types';

const association = { kind: 'association' } as const;

/**
 * The background jobs as the association's admins see them: counts, the latest jobs with their
 * errors, and "retry" for one that has used up its attempts. Museum staff will see their own
 * media jobs in the media library instead.
 */
export class JobOverview {
  constructor(
    private readonly queue: JobQueue,
    private readonly staff: StaffRepository,
    /** Told when a job is queued again, so an idle worker in this process looks at once. */
    private readonly onQueued: () => void = () => {}
  ) {}

  visibleTo(actor: Actor | null): boolean {
    return !!actor && can(actor, 'jobs.manage', association);
  }

  async counts(actor: Actor | null) {
    requireAccess(actor, 'jobs.manage', association);
    return this.queue.counts();
  }

  async recent(actor: Actor | null, status?: JobStatus) {
    requireAccess(actor, 'jobs.manage', association);
    return this.queue.recent({ limit: 50, status });
  }

  /** Queues a failed job again; false when it is no longer failed (someone retried it already). */
  async retry(actor: Actor | null, jobId: number): Promise<boolean> {
    const who = requireAccess(actor, 'jobs.manage', association);
    if (!(await this.queue.retry(jobId))) return false;
    this.onQueued();
    await this.staff.audit({
      userId: who.userId,
      museumId: null,
      action: 'retry',
      entity: 'job',
      entityId: String(jobId)
    });
    return true;
  }
}
