import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { JobsTable } from '../db/schema';

/**
 * Every job there is, by name, with its payload. Payloads carry ids, never whole objects: the
 * handler reads the current state when it runs, so a job that runs late or twice sees the truth.
 */
export interface JobPayloads {
  'send-mail': { mailId: number };
  /** Derivatives of an uploaded asset: image sizes, panorama tiles, a video's poster. */
  'media.derive': { assetId: number };
  /** Removes the stored files of a deleted asset (its folder, which may hold thousands of tiles). */
  'media.purge': { folder: string };
  /** IIIF level-0 tiles of a ready image, for deep zoom. */
  'media.iiif': { assetId: number };
  /** An inventory file, previewed and started by staff, written into the museum's exhibits. */
  'exhibits.import': { importId: number };
  /** Removes imports left unfinished for a day, with their staged files. */
  'exhibits.import-sweep': Record<string, never>;
  /** The day-before reminder of one registration (it waits again if the session moved later). */
  'registrations.remind': { registrationId: number };
  /** A news version scheduled by staff, published when its time comes (news/editor.ts). */
  'news.publish': { newsId: number; revisionId: number };
}

export type JobName = keyof JobPayloads;

/** What a handler may want to know about the run it is: whether a failure now is the last word. */
export interface JobRun {
  attempt: number;
  lastAttempt: boolean;
}

export type JobHandlers = {
  [N in JobName]: (payload: JobPayloads[N], run: JobRun) => Promise<void>;
};

/** Payloads come back from the database as JSON; each is checked before its handler sees it. */
export const jobPayloadSchemas: { [N in JobName]: z.ZodType<JobPayloads[N]> } = {
  'send-mail': z.object({ mailId: z.number().int().positive() }),
  'media.derive': z.object({ assetId: z.number().int().positive() }),
  'media.purge': z.object({ folder: z.string().min(1) }),
  'media.iiif': z.object({ assetId: z.number().int().positive() }),
  'exhibits.import': z.object({ importId: z.number().int().positive() }),
  'exhibits.import-sweep': z.record(z.string(), z.never()),
  'registrations.remind': z.object({ registrationId: z.number().int().positive() }),
  'news.publish': z.object({
    newsId: z.number().int().positive(),
    revisionId: z.number().int().positive()
  })
};

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobPayloadSchemas, name);
}

export type JobStatus = Selectable<JobsTable>['status'];

export const jobStatuses: readonly JobStatus[] = ['queued', 'running', 'done', 'failed'];

/** A job as a worker holds it after claiming. `attempts` counts this attempt and fences it. */
export interface ClaimedJob {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/** A job as staff see it in the queue's overview. */
export interface JobSummary {
  id: number;
  name: string;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}
