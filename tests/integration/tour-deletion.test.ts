import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { RevisionRepository } from '$lib/server/museums/revisions';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { AuditLog } from '$lib/server/auth/audit-log';
import { Workspace } from '$lib/server/auth/workspace';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { JobOverview } from '$lib/server/jobs/overview';
import { JobQueue } from '$lib/server/jobs/queue';
import { JobRepository } from '$lib/server/jobs/repository';
import { MediaRepository } from '$lib/server/media/repository';
import { mediaUrls } from '$lib/server/media/responsive';
import { TourRepository } from '$lib/server/tours/repository';
import { ExhibitRepository } from '$lib/server/exhibits/repository';
import { TourEditor } from '$lib/server/tours/editor';
import { TourDirectory } from '$lib/server/tours/directory';
import { placeInput } from '$lib/shared/association';
import type { TourInput } from '$lib/shared/tour';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newMuseum, testPlaces } from './factories';

describe.each(dialects)('deleting and restoring a tour, on %s', (dialect) => {
  let test: TestDatabase;
  let editor: TourEditor;
  let directory: TourDirectory;
  let workspace: Workspace;
  let audit: AuditLog;
  let media: MediaRepository;
  let own: number;
  let other: number;
  let hall: number;
  let now = new Date('2026-11-24T02:00:00Z');
  let published = 0;
  const admin: Actor = {
    userId: 'admin',
    grants: [{ role: 'museum_admin', museumId: 0, publishing: 'publish' }]
  };
  const reviewed: Actor = {
    userId: 'editor',
    grants: [{ role: 'museum_editor', museumId: 0, publishing: 'review' }]
  };
  const stranger: Actor = {
    userId: 'stranger',
    grants: [{ role: 'museum_admin', museumId: 0, publishing: 'publish' }]
  };
  const later = (days: number) => {
    now = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
  };

  const oneHall = (title = 'Цех'): TourInput => ({
    slug: 'ignored',
    title: { ru: title, en: 'Workshop' },
    scenes: [{ key: 's1', assetId: hall, title: { ru: 'Зал', en: 'Hall' } }],
    route: ['s1']
  });

  async function publishedTour(slug: string, title?: string): Promise<number> {
    const made = await editor.create(admin, own, { slug, title: { ru: 'Тур', en: 'Tour' } });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const saved = await editor.save(admin, own, made.id, oneHall(title), 'publish');
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    return made.id;
  }

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    for (const id of ['admin', 'editor', 'stranger'])
      await db
        .insertInto('users')
        .values({ id, name: `Name ${id}`, email: `${id}@museum.ru`, email_verified: 1 })
        .execute();
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const a = await catalogue.create(newMuseum({ slug: 'tech' }));
    const b = await catalogue.create(newMuseum({ slug: 'elsewhere' }));
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    admin.grants[0]!.museumId = own;
    reviewed.grants[0]!.museumId = own;
    stranger.grants[0]!.museumId = other;
    media = new MediaRepository(db);
    const tours = new TourRepository(db);
    const staff = new StaffRepository(db);
    const clock = () => now;
    const assetsOf = async (museumId: number, ids: number[]) =>
      (await media.findMany(ids)).filter((asset) => asset.museumId === museumId);
    editor = new TourEditor(tours, staff, clock, assetsOf, () => published++);
    directory = new TourDirectory(tours, assetsOf, mediaUrls('/media'));
    audit = new AuditLog(staff, museums, clock);
    const queue = new JobQueue(new JobRepository(db, test.database.dialect), clock);
    workspace = new Workspace(
      museums,
      new RevisionRepository(db),
      audit,
      new JobOverview(queue, staff, () => {}),
      clock,
      tours,
      new ExhibitRepository(db)
    );
    const { id } = await media.insert(
      {
        museumId: own,
        kind: 'panorama',
        status: 'processing',
        fileName: 'hall.jpg',
        mime: 'image/jpeg',
        bytes: 1000,
        originalKey: `museums/${own}/media/h/original.jpg`,
        width: 4096,
        height: 2048,
        uploadId: null,
        createdBy: 'admin'
      },
      now.toISOString()
    );
    await media.markReady(
      id,
      {
        rendition: null,
        tiles: {
          width: 4096,
          height: 2048,
          tileSize: 512,
          levels: [{ width: 4096, height: 2048, cols: 8, rows: 4 }],
          tileKeyPattern: `museums/${own}/media/h/tiles/{level}/{col}_{row}.jpg`,
          base: { key: `museums/${own}/media/h/base.jpg`, width: 1024, height: 512, bytes: 1 }
        }
      },
      now.toISOString()
    );
    hall = id;
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('takes a tour off the site at once, says it is gone, and logs who did it', async () => {
    const id = await publishedTour('workshop', 'Механический цех');
    expect(await directory.page('tech', 'workshop', 'ru')).not.toBeNull();
    const before = published;

    expect(await editor.delete(admin, own, id)).toEqual({
      title: { ru: 'Механический цех', en: 'Workshop' }
    });
    expect(published).toBe(before + 1); // the shared cache is told
    expect(await directory.page('tech', 'workshop', 'ru')).toBeNull();
    expect(await directory.missingStatus('tech', 'workshop')).toBe(410);
    expect(await directory.missingStatus('tech', 'never-was')).toBe(404);
    expect((await directory.ofMuseum('tech', 'ru')).map((t) => t.slug)).not.toContain('workshop');
    expect((await editor.list(admin, own)).tours.map((t) => t.id)).not.toContain(id);
    await expect(editor.open(admin, own, id)).rejects.toThrow(NotFoundOrForbidden);
    await expect(editor.delete(admin, own, id)).rejects.toThrow(NotFoundOrForbidden);

    const [line] = await audit.recent(admin, 'ru', 1);
    expect(line?.text).toContain('удалил(а) экскурсию «Механический цех»');
  });

  it('lists a deleted tour for 30 days and restores it as it was, published', async () => {
    const id = await publishedTour('foundry', 'Литейный цех');
    await editor.delete(admin, own, id);
    later(29);
    const { tours, canRestore } = await editor.deleted(reviewed, own);
    expect(canRestore).toBe(false);
    const listed = tours.find((t) => t.id === id);
    expect(listed).toMatchObject({
      title: { ru: 'Литейный цех' },
      deletedBy: 'Name admin',
      restorableUntil: new Date(Date.parse(listed!.deletedAt) + 30 * 864e5).toISOString()
    });
    await expect(editor.restore(reviewed, own, id)).rejects.toThrow(NotFoundOrForbidden);

    await editor.restore(admin, own, id);
    expect((await directory.page('tech', 'foundry', 'ru'))?.title).toBe('Литейный цех');
    expect((await editor.list(admin, own)).tours.map((t) => t.id)).toContain(id);
    expect((await editor.deleted(admin, own)).tours.map((t) => t.id)).not.toContain(id);
    const [line] = await audit.recent(admin, 'ru', 1);
    expect(line?.text).toContain('восстановил(а) удалённую экскурсию «Литейный цех»');
  });

  it('cannot be restored after 30 days', async () => {
    const id = await publishedTour('boiler', 'Котельная');
    await editor.delete(admin, own, id);
    later(31);
    expect((await editor.deleted(admin, own)).tours.map((t) => t.id)).not.toContain(id);
    await expect(editor.restore(admin, own, id)).rejects.toThrow(NotFoundOrForbidden);
    expect(await directory.missingStatus('tech', 'boiler')).toBe(410);
  });

  it("is refused to another museum's staff, who learn nothing of the tour", async () => {
    const id = await publishedTour('smithy');
    await expect(editor.delete(stranger, own, id)).rejects.toThrow(NotFoundOrForbidden);
    await expect(editor.delete(stranger, other, id)).rejects.toThrow(NotFoundOrForbidden);
    await expect(editor.delete(reviewed, own, id)).rejects.toThrow(NotFoundOrForbidden);
    await editor.delete(admin, own, id);
    await expect(editor.deleted(stranger, own)).rejects.toThrow(NotFoundOrForbidden);
    expect((await editor.deleted(stranger, other)).tours).toEqual([]);
    await expect(editor.restore(stranger, own, id)).rejects.toThrow(NotFoundOrForbidden);
    await expect(editor.restore(stranger, other, id)).rejects.toThrow(NotFoundOrForbidden);
    expect(await directory.page('tech', 'smithy', 'ru')).toBeNull();
  });

  it("puts tours waiting for review on the reviewer's dashboard, beside museum profiles", async () => {
    const made = await editor.create(reviewed, own, {
      slug: 'tram',
      title: { ru: 'Трамвай', en: 'Tram' }
    });
    if (!made.ok) throw new Error('refused');
    await editor.save(reviewed, own, made.id, oneHall('Трамвайное депо'), 'review');
    const session = (actor: Actor) => ({
      user: { id: actor.userId, name: actor.userId, email: `${actor.userId}@museum.ru` },
      actor
    });

    const board = await workspace.dashboard(session(admin), 'ru');
    expect(board.waitingTours).toEqual([
      expect.objectContaining({
        museumId: own,
        tourId: made.id,
        title: 'Трамвайное депо',
        author: 'Name editor'
      })
    ]);
    // The editor who sent it cannot review it; another museum's admin never sees it.
    expect((await workspace.dashboard(session(reviewed), 'ru')).waitingTours).toEqual([]);
    expect((await workspace.dashboard(session(stranger), 'ru')).waitingTours).toEqual([]);
    // A deleted tour waits for nobody.
    await editor.delete(admin, own, made.id);
    expect((await workspace.dashboard(session(admin), 'ru')).waitingTours).toEqual([]);
  });
});
