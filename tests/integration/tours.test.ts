import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { MediaRepository } from '$lib/server/media/repository';
import type { PanoramaTiles } from '$lib/server/media/types';
import { TourRepository } from '$lib/server/tours/repository';
import { TourEditor } from '$lib/server/tours/editor';
import { TourDirectory } from '$lib/server/tours/directory';
import { tourUsages } from '$lib/server/tours/media-usages';
import { mediaUrls } from '$lib/server/media/responsive';
import { placeInput } from '$lib/shared/association';
import type { TourInput } from '$lib/shared/tour';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newMuseum, testPlaces } from './factories';

const tilesOf = (id: number): PanoramaTiles => ({
  width: 4096,
  height: 2048,
  tileSize: 512,
  levels: [{ width: 4096, height: 2048, cols: 8, rows: 4 }],
  tileKeyPattern: `museums/1/media/p${id}/tiles/{level}/{col}_{row}.jpg`,
  base: { key: `museums/1/media/p${id}/base.jpg`, width: 1024, height: 512, bytes: 40_000 }
});

describe.each(dialects)('tours on %s', (dialect) => {
  let test: TestDatabase;
  let editor: TourEditor;
  let directory: TourDirectory;
  let media: MediaRepository;
  let tours: TourRepository;
  let own: number;
  let other: number;
  let hallA: number;
  let hallB: number;
  let processing: number;
  let foreign: number;
  const admin: Actor = {
    userId: 'admin',
    grants: [{ role: 'museum_admin', museumId: 0, publishing: 'publish' }]
  };
  const reviewed: Actor = {
    userId: 'editor',
    grants: [{ role: 'museum_editor', museumId: 0, publishing: 'review' }]
  };

  /** A panorama in a museum's library, tiled (ready) or still being tiled. */
  async function panorama(museumId: number, ready = true): Promise<number> {
    const now = new Date().toISOString();
    const { id } = await media.insert(
      {
        museumId,
        kind: 'panorama',
        status: 'processing',
        fileName: `hall-${Math.random().toString(36).slice(2, 6)}.jpg`,
        mime: 'image/jpeg',
        bytes: 1000,
        originalKey: `museums/${museumId}/media/x/original.jpg`,
        width: 4096,
        height: 2048,
        uploadId: null,
        createdBy: 'admin'
      },
      now
    );
    if (ready) await media.markReady(id, { rendition: null, tiles: tilesOf(id) }, now);
    return id;
  }

  function twoHalls(overrides: Partial<TourInput> = {}): TourInput {
    return {
      slug: 'ignored',
      title: { ru: 'Залы техники', en: 'Halls of machines' },
      scenes: [
        {
          key: 's1',
          assetId: hallA,
          title: { ru: 'Первый зал', en: 'First hall' },
          hotspots: [
            {
              key: 'h1',
              position: { yaw: 30, pitch: -5 },
              label: { ru: 'Во второй зал', en: 'To the second hall' },
              target: { kind: 'scene', sceneKey: 's2' }
            }
          ]
        },
        { key: 's2', assetId: hallB, title: { ru: 'Второй зал', en: 'Second hall' } }
      ],
      route: ['s1', 's2'],
      ...overrides
    };
  }

  async function newTour(slug: string): Promise<number> {
    const made = await editor.create(admin, own, { slug, title: { ru: 'Тур', en: 'Tour' } });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    return made.id;
  }

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    for (const id of ['admin', 'editor'])
      await db
        .insertInto('users')
        .values({ id, name: id, email: `${id}@museum.ru`, email_verified: 1 })
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
    media = new MediaRepository(db);
    tours = new TourRepository(db);
    const assetsOf = async (museumId: number, ids: number[]) =>
      (await media.findMany(ids)).filter((asset) => asset.museumId === museumId);
    editor = new TourEditor(tours, new StaffRepository(db), () => new Date(), assetsOf);
    directory = new TourDirectory(tours, assetsOf, mediaUrls('/media'));
    hallA = await panorama(own);
    hallB = await panorama(own);
    processing = await panorama(own, false);
    foreign = await panorama(other);
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('makes a tour as a draft that visitors do not see, and refuses a second tour at the same address', async () => {
    const id = await newTour('first');
    const again = await editor.create(admin, own, {
      slug: 'first',
      title: { ru: 'Ещё', en: 'More' }
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.errors[0]!.field).toBe('slug');
    const { tours: listed } = await editor.list(admin, own);
    expect(listed.find((t) => t.id === id)).toMatchObject({
      slug: 'first',
      open: 'draft',
      publishedAt: null
    });
    expect(await directory.page('tech', 'first', 'ru')).toBeNull();
  });

  it('refuses to publish a tour with no scenes, saying so', async () => {
    const id = await newTour('empty');
    const result = await editor.save(
      admin,
      own,
      id,
      twoHalls({ scenes: [], route: [] }),
      'publish'
    );
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) {
      expect(result.errors[0]).toMatchObject({ field: 'scenes' });
      expect(result.errors[0]!.message.ru).toContain('нет ни одной сцены');
    }
    expect(await editor.save(admin, own, id, twoHalls({ scenes: [], route: [] }), 'draft')).toEqual(
      {
        ok: true,
        status: 'draft'
      }
    );
  });

  it('takes scenes only from ready panoramas of the museum, and hotspots and the route only to its scenes', async () => {
    const id = await newTour('checked');
    const base = twoHalls();
    const result = await editor.save(
      admin,
      own,
      id,
      {
        ...base,
        scenes: [
          { ...base.scenes![0]!, assetId: foreign },
          { ...base.scenes![1]!, assetId: processing },
          {
            key: 's3',
            assetId: hallA,
            title: { ru: 'Третий', en: 'Third' },
            hotspots: [
              {
                key: 'h1',
                position: { yaw: 0, pitch: 0 },
                label: { ru: 'Никуда', en: 'Nowhere' },
                target: { kind: 'scene', sceneKey: 'gone' }
              }
            ]
          }
        ],
        route: ['s1', 'nope']
      },
      'draft'
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual([
      'route.1',
      'scenes.0.assetId',
      'scenes.1.assetId',
      'scenes.2.hotspots.0.target.sceneKey'
    ]);
  });

  it('cleans hotspot text of scripts and strips tags from labels on every save', async () => {
    const id = await newTour('clean');
    const base = twoHalls();
    const result = await editor.save(
      admin,
      own,
      id,
      {
        ...base,
        scenes: [
          {
            ...base.scenes![0]!,
            hotspots: [
              {
                key: 'note',
                position: { yaw: 10, pitch: 10 },
                label: { ru: '<img src=x onerror=alert(1)>Станок', en: '<b>Lathe</b>' },
                target: {
                  kind: 'text',
                  body: {
                    ru: '<p onclick="alert(1)">Токарный <strong>станок</strong></p><script>alert(1)</script>',
                    en: '<p>A <a href="javascript:alert(1)">lathe</a></p>'
                  }
                }
              }
            ]
          },
          base.scenes![1]!
        ]
      },
      'publish'
    );
    expect(result).toEqual({ ok: true, status: 'published' });
    const { record } = await editor.open(admin, own, id);
    const hotspot = record.scenes[0]!.hotspots[0]!;
    expect(hotspot.label).toEqual({ ru: 'Станок', en: 'Lathe' });
    expect(hotspot.target).toEqual({
      kind: 'text',
      body: {
        ru: '<p>Токарный <strong>станок</strong></p>',
        en: '<p>A <a rel="noopener">lathe</a></p>'
      }
    });
    const view = await directory.page('tech', 'clean', 'en');
    expect(JSON.stringify(view)).not.toMatch(/<script|onerror|onclick|javascript:/);
  });

  it('sends an editor’s version to review, and the reviewer publishes it for visitors', async () => {
    const id = await newTour('reviewed');
    await expect(editor.save(reviewed, own, id, twoHalls(), 'publish')).rejects.toThrow(
      NotFoundOrForbidden
    );
    expect(await editor.save(reviewed, own, id, twoHalls(), 'review')).toEqual({
      ok: true,
      status: 'review'
    });
    expect(await directory.page('tech', 'reviewed', 'ru')).toBeNull();
    const opened = await editor.open(admin, own, id);
    expect(opened.revision?.status).toBe('review');
    await expect(editor.approve(reviewed, own, id, opened.revision!.id)).rejects.toThrow(
      NotFoundOrForbidden
    );
    expect(await editor.approve(admin, own, id, opened.revision!.id)).toEqual({ ok: true });
    const view = await directory.page('tech', 'reviewed', 'ru');
    expect(view).toMatchObject({
      slug: 'reviewed',
      museum: { slug: 'tech' },
      title: 'Залы техники',
      startScene: 's1',
      route: ['s1', 's2']
    });
    expect(view!.scenes[0]!.tiles.urlPattern).toBe(
      `/media/museums/1/media/p${hallA}/tiles/{level}/{col}_{row}.jpg`
    );
    expect(view!.scenes[0]!.hotspots[0]!.target).toEqual({
      kind: 'scene',
      sceneKey: 's2',
      title: 'Второй зал'
    });
    const history = await editor.history(admin, own, id);
    expect(history[0]).toMatchObject({ status: 'published', publisher: 'admin', author: 'editor' });
    expect((await directory.ofMuseum('tech', 'en')).map((t) => t.title)).toContain(
      'Halls of machines'
    );
  });

  it('sends a submitted version back as a draft with a note', async () => {
    const id = await newTour('back');
    await editor.save(reviewed, own, id, twoHalls(), 'review');
    const { revision } = await editor.open(admin, own, id);
    await editor.sendBack(admin, own, id, revision!.id, 'Подпишите залы');
    const reopened = await editor.open(reviewed, own, id);
    expect(reopened.revision).toMatchObject({ status: 'draft', note: 'Подпишите залы' });
  });

  it('keeps one open version however often the same form is sent', async () => {
    const id = await newTour('twice');
    await Promise.all([
      editor.save(admin, own, id, twoHalls(), 'draft'),
      editor.save(admin, own, id, twoHalls(), 'draft')
    ]);
    const history = await editor.history(admin, own, id);
    expect(history.filter((h) => h.status === 'draft' || h.status === 'review')).toHaveLength(1);
  });

  it('hides from visitors a hotspot whose scene is gone, and marks it broken for staff', async () => {
    const id = await newTour('broken');
    await editor.save(admin, own, id, twoHalls(), 'publish');
    // A hotspot to a photo that is later deleted from the library.
    const photo = await panorama(own);
    const base = twoHalls();
    const withPhoto = {
      ...base,
      scenes: [
        {
          ...base.scenes![0]!,
          hotspots: [
            ...base.scenes![0]!.hotspots!,
            {
              key: 'pic',
              position: { yaw: 0, pitch: 0 },
              label: { ru: 'Фото', en: 'Photo' },
              target: { kind: 'photo' as const, assetId: photo }
            }
          ]
        },
        base.scenes![1]!
      ]
    };
    expect(await editor.save(admin, own, id, withPhoto, 'publish')).toMatchObject({ ok: true });
    await media.delete(photo);
    const view = await directory.page('tech', 'broken', 'ru');
    expect(view!.scenes[0]!.hotspots.map((h) => h.key)).toEqual(['h1']);
    expect((await editor.open(admin, own, id)).broken).toEqual([{ scene: 's1', hotspot: 'pic' }]);
  });

  it('tells the media library where a panorama is used, so it is not deleted', async () => {
    const id = await newTour('used');
    await editor.save(admin, own, id, twoHalls(), 'publish');
    const asset = (await media.find(hallB))!;
    const usages = await tourUsages(tours)(asset);
    expect(usages.some((u) => u.state === 'published' && u.href.endsWith(`/tours/${id}`))).toBe(
      true
    );
  });

  it('answers "not found or no access" for another museum’s tour', async () => {
    const id = await newTour('private');
    await expect(editor.open(admin, other, id)).rejects.toThrow(NotFoundOrForbidden);
    const stranger: Actor = {
      userId: 'editor',
      grants: [{ role: 'museum_admin', museumId: other, publishing: 'publish' }]
    };
    await expect(editor.open(stranger, own, id)).rejects.toThrow(NotFoundOrForbidden);
    await expect(editor.open(stranger, other, id)).rejects.toThrow(NotFoundOrForbidden);
  });
});
