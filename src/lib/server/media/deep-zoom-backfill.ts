import type { JobQueue } from '../jobs/queue';
import type { JobRepository } from '../jobs/repository';
import type { MediaRepository } from './repository';

/** How many images one run queues at most, so a large old library does not flood the queue. */
export const backfillBatch = 200;

/**
 * Deep zoom for images made ready before it existed: queues `media.iiif` for ready images that
 * exhibits show and that have no IIIF tiles, at most `limit` per run. Idempotent: an image that
 * any `media.iiif` job already names (queued, running, done or failed) is left alone, so a run
 * never queues the same image twice and a file that cannot be tiled is not retried forever.
 * Returns how many it queued; the next run (the next start, the next hour) takes the rest.
 */
export async function backfillDeepZoom(
  deps: { media: MediaRepository; jobs: JobRepository; queue: JobQueue },
  limit = backfillBatch
): Promise<number> {
  let queued = 0;
  let after = 0;
  while (queued < limit) {
    const ids = await deps.media.exhibitImagesWithoutDeepZoom(limit, after);
    if (ids.length === 0) break;
    const named = await deps.jobs.namedIn('media.iiif', 'assetId', ids);
    for (const assetId of ids) {
      if (named.has(assetId) || queued >= limit) continue;
      await deps.queue.enqueue('media.iiif', { assetId }, { maxAttempts: 3 });
      queued += 1;
    }
    after = ids[ids.length - 1]!;
  }
  return queued;
}
