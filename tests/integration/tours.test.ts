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
import { ExhibitRepository } from '$lib/server/exhibits/repository';
import { ExhibitEditor } from '$lib/server/exhibits/editor';
import { ExhibitDirectory } from '$lib/server/exhibits/directory';
import { mediaUrls } from '$lib/server/media/responsive';
import { placeInput } from '$lib/shared/association';
import type { TourInput } from '$lib/shared/tour';
import type { MediaKind } from '$lib/server/media/types';
import { readTourForm } from '$lib/server/tours/form';
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

  /** A ready file of the museum's library: a picture (with its sizes), a recording, a clip, captions. */
  async function file(kind: MediaKind, fileName: string, mime: string): Promise<number> {
    const now = new Date().toISOString();
    const { id } = await media.insert(
      {
        museumId: own,
        kind,
        status: 'processing',
        fileName,
        mime,
        bytes: 1000,
        originalKey: `museums/${own}/media/f${fileName}/original`,
        width: null,
        height: null,
        uploadId: null,
        createdBy: 'admin'
      },
      now
    );
    const rendition =
      kind === 'image'
        ? {
            width: 800,
            height: 600,
            thumbhash: '',
            variants: [
              { format: 'jpeg' as const, width: 800, height: 600, key: `p${id}/w800.jpg`, bytes: 9 }
            ]
          }
        : null;
    await media.markReady(id, { rendition, tiles: null }, now);
    return id;
  }

  /** The tour editor's form as a browser sends it: field name → value. */
  function formOf(fields: Record<string, string>): FormData {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
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

  it('saves from the editor’s form a floor plan with the scenes on it, narration, videos and the route, and visitors get them', async () => {
    const id = await newTour('complete');
    expect(await editor.save(admin, own, id, twoHalls(), 'draft')).toMatchObject({ ok: true });
    const plan = await file('image', 'plan.jpg', 'image/jpeg');
    const voice = await file('audio', 'voice.mp3', 'audio/mpeg');
    const clip = await file('video', 'hammer.mp4', 'video/mp4');
    const captions = await file('document', 'hammer.vtt', 'text/vtt');
    const { record } = await editor.open(admin, own, id);
    const input = readTourForm(
      formOf({
        'title.ru': 'Залы техники',
        'title.en': 'Halls of machines',
        floorPlanAssetId: String(plan),
        'scenes.0.key': 's1',
        'scenes.0.assetId': String(hallA),
        'scenes.0.title.ru': 'Первый зал',
        'scenes.0.title.en': 'First hall',
        'scenes.0.plan.x': '20',
        'scenes.0.plan.y': '75,5',
        'scenes.0.narration.assetId': String(voice),
        'scenes.0.narration.transcript.ru': 'Здесь стоял <b>молот</b>.',
        'scenes.0.narration.transcript.en': 'The hammer stood here.',
        'scenes.1.key': 's2',
        'scenes.1.assetId': String(hallB),
        'scenes.1.title.ru': 'Второй зал',
        'scenes.1.title.en': 'Second hall',
        'scenes.1.plan.x': '',
        'scenes.1.plan.y': '',
        'scenes.1.narration.assetId': '',
        route: '',
        'route.0.scene': 's1',
        'route.1.scene': 's2',
        routeMove: '1:up',
        videos: '',
        'videos.0.kind': 'clip',
        'videos.0.title.ru': 'Молот в работе',
        'videos.0.title.en': 'The hammer at work',
        'videos.0.assetId': String(clip),
        'videos.0.captionsAssetId': String(captions),
        'videos.1.kind': 'link',
        'videos.1.title.ru': 'Фильм о заводе',
        'videos.1.title.en': 'A film about the works',
        'videos.1.url': 'https://vkvideo.ru/video-123_456'
      }),
      record,
      []
    );
    const published = await editor.save(admin, own, id, input, 'publish');
    expect(published.ok ? published : published.errors).toEqual({ ok: true, status: 'published' });

    const saved = (await editor.open(admin, own, id)).record;
    expect(saved.floorPlanAssetId).toBe(plan);
    expect(saved.scenes[0]).toMatchObject({
      plan: { x: 0.2, y: 0.755 },
      narration: { assetId: voice, transcript: { ru: 'Здесь стоял молот.' } }
    });
    expect(saved.scenes[1]!.plan).toBeNull();
    expect(saved.route).toEqual(['s2', 's1']);
    expect(saved.videos[1]).toMatchObject({ kind: 'link', provider: 'vk' });

    const view = (await directory.page('tech', 'complete', 'en'))!;
    expect(view.floorPlan?.image.src).toContain(`p${plan}/w800.jpg`);
    expect(view.scenes[0]).toMatchObject({
      plan: { x: 0.2, y: 0.755 },
      narration: { transcript: 'The hammer stood here.' }
    });
    expect(view.startScene).toBe('s2');
    expect(view.videos).toMatchObject([
      {
        kind: 'clip',
        title: 'The hammer at work',
        captionsUrl: expect.stringContaining('hammer.vtt')
      },
      { kind: 'link', embedUrl: 'https://vkvideo.ru/video_ext.php?oid=-123&id=456' }
    ]);

    // The plan removed and the videos emptied: the rest stays as it was.
    const trimmed = readTourForm(
      formOf({
        'title.ru': 'Залы техники',
        'title.en': 'Halls of machines',
        removePlan: 'on',
        floorPlanAssetId: String(plan),
        videos: ''
      }),
      saved,
      []
    );
    const kept = await editor.save(admin, own, id, { ...trimmed, scenes: saved.scenes }, 'draft');
    expect(kept.ok ? kept : kept.errors).toEqual({ ok: true, status: 'draft' });
    const after = (await editor.open(admin, own, id)).record;
    expect(after).toMatchObject({ floorPlanAssetId: null, videos: [], route: ['s2', 's1'] });
  });

  it('refuses video links it cannot place on VK, RuTube or YouTube, and files of the wrong kind, beside their fields', async () => {
    const id = await newTour('refused-media');
    const voice = await file('audio', 'voice2.mp3', 'audio/mpeg');
    const photo = await file('image', 'photo.jpg', 'image/jpeg');
    const base = twoHalls();
    const result = await editor.save(
      admin,
      own,
      id,
      {
        ...base,
        floorPlanAssetId: voice,
        scenes: [{ ...base.scenes![0]!, narration: { assetId: photo } }, base.scenes![1]!],
        videos: [
          {
            kind: 'link',
            title: { ru: 'А', en: 'A' },
            provider: 'youtube',
            url: 'https://vimeo.com/1'
          },
          { kind: 'clip', title: { ru: 'В', en: 'C' }, assetId: photo, captionsAssetId: voice }
        ]
      },
      'draft'
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual([
      'floorPlanAssetId',
      'scenes.0.narration.assetId',
      'videos.0.url',
      'videos.1.assetId',
      'videos.1.captionsAssetId'
    ]);
    // A malformed address gets the same words rather than the schema's "invalid URL".
    const malformed = await editor.save(
      admin,
      own,
      id,
      {
        ...base,
        videos: [
          { kind: 'link', title: { ru: 'Б', en: 'B' }, provider: 'youtube', url: 'не ссылка' }
        ]
      },
      'draft'
    );
    expect(malformed.ok ? [] : malformed.errors.map((e) => e.field)).toEqual(['videos.0.url']);
    if (malformed.ok) return;
    expect(malformed.errors[0]!.message.ru).toContain('VK Видео, RuTube или YouTube');
    expect(malformed.errors[0]!.message.en).toContain(
      'not a link to a video on VK Video, RuTube or YouTube'
    );
  });

  it('opens an exhibit named by its inventory number, hidden from visitors while the exhibit is a draft', async () => {
    const db = test.database.db;
    const staff = new StaffRepository(db);
    const exhibitRepository = new ExhibitRepository(db);
    const assetsOf = async (museumId: number, ids: number[]) =>
      (await media.findMany(ids)).filter((asset) => asset.museumId === museumId);
    const exhibits = new ExhibitEditor(exhibitRepository, staff, () => new Date(), assetsOf);
    const cards = new ExhibitDirectory(exhibitRepository, assetsOf, mediaUrls('/media'));
    const withExhibits = new TourEditor(
      tours,
      staff,
      () => new Date(),
      assetsOf,
      () => {},
      exhibitRepository
    );
    const visitors = new TourDirectory(tours, assetsOf, mediaUrls('/media'), (...a) =>
      cards.cards(...a)
    );
    const hammer = await exhibits.create(admin, own, {
      inventoryNumber: 'КП-1932',
      title: { ru: 'Паровой молот', en: 'Steam hammer' }
    });
    if (!hammer.ok) throw new Error('test exhibit refused');
    const id = await newTour('with-exhibit');
    const base = twoHalls();
    const opening = (inventoryNumber: string): TourInput => ({
      ...base,
      scenes: [
        {
          ...base.scenes![0]!,
          hotspots: [
            ...base.scenes![0]!.hotspots!,
            {
              key: 'hammer',
              position: { yaw: 40, pitch: -5 },
              label: { ru: 'Молот', en: 'Hammer' },
              target: { kind: 'exhibit', exhibitId: 0, inventoryNumber }
            }
          ]
        },
        base.scenes![1]!
      ]
    });

    const unknown = await withExhibits.save(admin, own, id, opening('КП-0000'), 'publish');
    expect(unknown).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'scenes.0.hotspots.1.target.inventoryNumber',
          message: { en: expect.stringContaining('no object with inventory number КП-0000') }
        }
      ]
    });

    expect(await withExhibits.save(admin, own, id, opening('КП-1932'), 'publish')).toMatchObject({
      ok: true
    });
    const saved = (await withExhibits.open(admin, own, id)).record.scenes[0]!.hotspots[1]!;
    expect(saved.target).toEqual({
      kind: 'exhibit',
      exhibitId: hammer.id,
      inventoryNumber: 'КП-1932'
    });
    // A draft exhibit: broken for staff, left out for visitors.
    expect((await withExhibits.open(admin, own, id)).broken).toEqual([
      { scene: 's1', hotspot: 'hammer' }
    ]);
    let view = await visitors.page('tech', 'with-exhibit', 'en');
    expect(view!.scenes[0]!.hotspots.map((h) => h.key)).toEqual(['h1']);

    const record = (await exhibits.open(admin, own, hammer.id)).record;
    expect(await exhibits.save(admin, own, hammer.id, record, 'publish')).toMatchObject({
      ok: true
    });
    view = await visitors.page('tech', 'with-exhibit', 'en');
    expect(view!.scenes[0]!.hotspots.find((h) => h.key === 'hammer')!.target).toMatchObject({
      kind: 'exhibit',
      title: 'Steam hammer',
      url: `/museums/tech/exhibits/${hammer.id}`
    });
    expect((await withExhibits.open(admin, own, id)).broken).toEqual([]);
  });
});
