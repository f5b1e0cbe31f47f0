import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '$lib/server/auth/access';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { ExhibitEditor } from '$lib/server/exhibits/editor';
import { ExhibitRepository } from '$lib/server/exhibits/repository';
import { JobQueue } from '$lib/server/jobs/queue';
import { JobRepository } from '$lib/server/jobs/repository';
import { backfillDeepZoom } from '$lib/server/media/deep-zoom-backfill';
import { MediaRepository } from '$lib/server/media/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { MuseumRepository } from '$lib/server/museums/repository';
import { placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newExhibit, newMuseum, newStaffMember, testPlaces } from './factories';

/** Exhibit images made ready before deep zoom existed get their `media.iiif` job, once each. */
describe.each(dialects)('deep zoom for older images on %s', (dialect) => {
  let test: TestDatabase;
  let media: MediaRepository;
  let jobs: JobRepository;
  let queue: JobQueue;
  let exhibits: ExhibitEditor;
  let museumId: number;
  let admin: Actor;
  const now = () => new Date().toISOString();

  /** An image of the museum's library as processing left it: ready, or not, and with tiles or not. */
  async function image(name: string, state: 'ready' | 'processing' | 'tiled' = 'ready') {
    const { id } = await media.insert(
      {
        museumId,
        kind: 'image',
        status: 'processing',
        fileName: `${name}.jpg`,
        mime: 'image/jpeg',
        bytes: 1000,
        originalKey: `museums/${museumId}/media/${name}/original.jpg`,
        width: 800,
        height: 600,
        uploadId: null,
        createdBy: admin.userId
      },
      now()
    );
    if (state !== 'processing') await media.markReady(id, { rendition: null, tiles: null }, now());
    if (state === 'tiled')
      await media.setDeepZoom(
        id,
        {
          width: 800,
          height: 600,
          tileSize: 512,
          scaleFactors: [1, 2],
          sizes: [{ width: 400, height: 300 }],
          prefix: `museums/${museumId}/media/${name}/iiif`,
          files: 4,
          bytes: 4000
        },
        now()
      );
    return id;
  }

  /** An exhibit whose open version shows these images. */
  async function exhibitShowing(ids: number[]) {
    const input = newExhibit();
    const made = await exhibits.create(admin, museumId, input);
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const saved = await exhibits.save(admin, museumId, made.id, { ...input, media: ids }, 'draft');
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  }

  const queuedFor = async () =>
    (await jobs.listRecent({ limit: 100 }))
      .filter((j) => j.name === 'media.iiif')
      .map((j) => (j.payload as { assetId: number }).assetId)
      .sort((a, b) => a - b);

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const made = await new MuseumCatalogue(museums).create(newMuseum());
    if (!made.ok) throw new Error('test museum refused');
    museumId = made.id;
    admin = await newStaffMember(db, { role: 'museum_admin', museumId });
    media = new MediaRepository(db);
    jobs = new JobRepository(db, test.database.dialect);
    queue = new JobQueue(jobs, () => new Date());
    exhibits = new ExhibitEditor(
      new ExhibitRepository(db),
      new StaffRepository(db),
      () => new Date(),
      async (_, ids) => media.findMany(ids)
    );
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('queues the ready exhibit images without tiles, a batch per run, each once', async () => {
    const old = [await image('old-1'), await image('old-2'), await image('old-3')];
    const tiled = await image('tiled', 'tiled');
    const processing = await image('processing', 'processing');
    const unused = await image('unused');
    await exhibitShowing([old[0]!, tiled, processing]);
    await exhibitShowing([old[1]!, old[2]!]);
    // One already has its job (queued by processing after upload): it is not queued again.
    await queue.enqueue('media.iiif', { assetId: old[1]! });

    expect(await backfillDeepZoom({ media, jobs, queue }, 1)).toBe(1);
    expect(await queuedFor()).toEqual([old[0], old[1]]);
    expect(await backfillDeepZoom({ media, jobs, queue }, 1)).toBe(1);
    expect(await queuedFor()).toEqual([old[0], old[1], old[2]]);
    // Nothing left: another start queues nothing, and never the unused, tiled or unready ones.
    expect(await backfillDeepZoom({ media, jobs, queue })).toBe(0);
    const queued = await queuedFor();
    expect(queued).toHaveLength(3);
    for (const id of [tiled, processing, unused]) expect(queued).not.toContain(id);
  });

  it('leaves an image whose tiling failed for good to staff, instead of retrying it at every start', async () => {
    const broken = await image('broken');
    await exhibitShowing([broken]);
    expect(await backfillDeepZoom({ media, jobs, queue })).toBe(1);
    await test.database.db
      .updateTable('jobs')
      .set({ status: 'failed', last_error: 'unreadable' })
      .where('name', '=', 'media.iiif')
      .execute();
    expect(await backfillDeepZoom({ media, jobs, queue })).toBe(0);
  });
});
