import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { MuseumDirectory } from '$lib/server/museums/directory';
import { MuseumEditor } from '$lib/server/museums/editor';
import { RevisionRepository } from '$lib/server/museums/revisions';
import { museumPhotoUsages } from '$lib/server/museums/media-usages';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { JobRepository } from '$lib/server/jobs/repository';
import { JobQueue } from '$lib/server/jobs/queue';
import { MediaRepository } from '$lib/server/media/repository';
import { MediaLibrary } from '$lib/server/media/library';
import { createStorage, type Storage } from '$lib/server/storage';
import { bytesOf, hasFfmpeg, testVideo } from '$lib/server/media/test-files';
import { placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { khabarovskNoon, newMuseum, testPlaces } from './factories';

const lastTry = { attempt: 3, lastAttempt: true };

describe.each(dialects)('the media library on %s', (dialect) => {
  let test: TestDatabase;
  let dir: string;
  let storage: Storage;
  let library: MediaLibrary;
  let queue: JobQueue;
  let editor: MuseumEditor;
  let directory: MuseumDirectory;
  let own: number;
  let other: number;
  let photo: string;
  const staffOf = (museumId: number): Actor => ({
    userId: 'editor',
    grants: [{ role: 'museum_editor', museumId, publishing: 'publish' }]
  });

  /** A file as a finished upload leaves it on disk. */
  async function staged(name: string, bytes: Uint8Array | Buffer): Promise<string> {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}-${name}`);
    await fs.writeFile(file, bytes);
    return file;
  }

  async function upload(museumId: number, fileName: string, file = photo, uploadId?: string) {
    return library.ingest(staffOf(museumId), museumId, {
      path: file,
      fileName,
      panorama: false,
      uploadId: uploadId ?? null
    });
  }

  async function storedKeys(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const object of storage.list(prefix)) keys.push(object.key);
    return keys.sort();
  }

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-media-test-'));
    storage = await createStorage({ kind: 'disk', root: path.join(dir, 'store') });
    await db
      .insertInto('users')
      .values({ id: 'editor', name: 'Редактор', email: 'editor@museum.ru', email_verified: 1 })
      .execute();
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const a = await catalogue.create(newMuseum({ slug: 'own' }));
    const b = await catalogue.create(newMuseum({ slug: 'other' }));
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    const clock = () => khabarovskNoon('2026-11-24');
    const revisions = new RevisionRepository(db);
    queue = new JobQueue(new JobRepository(db, test.database.dialect), clock);
    library = new MediaLibrary({
      repository: new MediaRepository(db),
      storage,
      queue,
      staff: new StaffRepository(db),
      clock,
      limits: { maxUploadBytes: 5 * 1024 * 1024, maxImagePixels: 50_000_000 },
      findUsages: museumPhotoUsages(museums, revisions)
    });
    editor = new MuseumEditor(museums, revisions, new StaffRepository(db), clock, (id, ids) =>
      library.assetsOf(id, ids)
    );
    directory = new MuseumDirectory(museums);
    photo = await staged(
      'photo.jpg',
      await sharp({
        create: {
          width: 1200,
          height: 800,
          channels: 3,
          background: '#7a6a55',
          noise: { type: 'gaussian', mean: 120, sigma: 40 }
        }
      })
        .jpeg()
        .toBuffer()
    );
  });
  afterAll(async () => {
    await storage?.close();
    await test?.dispose();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('stores a photo, queues its derivatives and makes every size in three formats', async () => {
    const result = await upload(own, 'Зал паровозов.jpg');
    if (!result.ok) throw new Error(result.message.en);
    const { asset } = await library.get(staffOf(own), own, result.assetId);
    expect(asset).toMatchObject({ kind: 'image', status: 'processing', width: 1200, height: 800 });
    const jobs = await queue.recent();
    expect(jobs.some((j) => j.name === 'media.derive')).toBe(true);

    await library.derive(result.assetId, lastTry);
    const ready = (await library.get(staffOf(own), own, result.assetId)).asset;
    expect(ready.status).toBe('ready');
    const variants = ready.rendition?.variants ?? [];
    expect(new Set(variants.map((v) => v.format))).toEqual(new Set(['avif', 'webp', 'jpeg']));
    expect(Math.max(...variants.map((v) => v.width))).toBeLessThanOrEqual(1200);
    for (const variant of variants) expect(await storage.head(variant.key)).toBeDefined();
    expect(ready.rendition?.thumbhash).toMatch(/^[A-Za-z0-9+/=]+$/);
  });

  it('keeps video with a poster, audio and PDF, and tiles a panorama', async () => {
    const video = path.join(dir, 'clip.mp4');
    if (await hasFfmpeg()) await testVideo(video, 2);
    else await fs.writeFile(video, bytesOf.mp4());
    const files = {
      video,
      audio: await staged('narration.mp3', bytesOf.mp3()),
      document: await staged('guide.pdf', bytesOf.pdf()),
      panorama: await staged(
        'hall.jpg',
        await sharp({ create: { width: 2048, height: 1024, channels: 3, background: '#556677' } })
          .jpeg()
          .toBuffer()
      )
    };
    const kinds: Record<string, unknown> = {};
    for (const [kind, file] of Object.entries(files)) {
      const result = await library.ingest(staffOf(own), own, {
        path: file,
        fileName: path.basename(file),
        panorama: kind === 'panorama',
        uploadId: null
      });
      if (!result.ok) throw new Error(`${kind}: ${result.message.en}`);
      const { asset } = await library.get(staffOf(own), own, result.assetId);
      if (asset.status === 'processing') await library.derive(asset.id, lastTry).catch(() => {});
      const done = (await library.get(staffOf(own), own, result.assetId)).asset;
      kinds[kind] = {
        kind: done.kind,
        status: done.status,
        rendition: done.rendition !== null,
        tiles: done.tiles?.levels.length ?? 0
      };
    }
    expect(kinds).toEqual({
      // A poster where ffmpeg can make one (CI installs it).
      video: { kind: 'video', status: 'ready', rendition: await hasFfmpeg(), tiles: 0 },
      audio: { kind: 'audio', status: 'ready', rendition: false, tiles: 0 },
      document: { kind: 'document', status: 'ready', rendition: false, tiles: 0 },
      panorama: { kind: 'panorama', status: 'ready', rendition: true, tiles: 1 }
    });
  });

  it('refuses a PDF named like a photo and stores nothing', async () => {
    const pdf = await staged(
      'scan.jpg',
      Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1')
    );
    const before = await storedKeys(`museums/${own}/`);
    const result = await upload(own, 'scan.jpg', pdf);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.ru).toContain('scan.jpg');
      expect(result.message.en).toContain('scan.jpg');
    }
    expect(await storedKeys(`museums/${own}/`)).toEqual(before);
  });

  it('makes one asset from an upload that finishes twice', async () => {
    const first = await upload(own, 'twice.jpg', photo, 'upload-twice');
    const second = await upload(own, 'twice.jpg', photo, 'upload-twice');
    expect(first).toMatchObject({ ok: true, created: true });
    expect(second).toMatchObject({ ok: true, created: false });
    if (first.ok && second.ok) expect(second.assetId).toBe(first.assetId);
    const { assets } = await library.list(staffOf(own), own, { query: 'twice', limit: 10 });
    expect(assets).toHaveLength(1);
  });

  it('finds assets by words in any case, with ё as е, and lists those without alt text', async () => {
    const result = await upload(own, 'ELKA.jpg');
    if (!result.ok) throw new Error(result.message.en);
    const described = await library.describe(staffOf(own), own, result.assetId, {
      alt: { ru: 'Ёлка у входа в музей', en: 'A fir tree at the entrance' },
      caption: { ru: '', en: '' },
      credit: 'Фото И. Петрова',
      licence: 'cc-by-4.0',
      focal: { x: 0.5, y: 0.3 }
    });
    expect(described).toEqual({ ok: true });
    const found = await library.list(staffOf(own), own, { query: 'елка ВХОДА', limit: 10 });
    expect(found.assets.map((a) => a.id)).toEqual([result.assetId]);
    const missing = await library.list(staffOf(own), own, { missingAlt: true, limit: 50 });
    expect(missing.assets.map((a) => a.id)).not.toContain(result.assetId);
    expect(missing.assets.length).toBeGreaterThan(0);
  });

  it('explains bad descriptions field by field in both languages', async () => {
    const result = await upload(own, 'bad.jpg');
    if (!result.ok) throw new Error(result.message.en);
    const described = await library.describe(staffOf(own), own, result.assetId, {
      alt: { ru: 'x'.repeat(501), en: '' },
      caption: { ru: '', en: '' },
      credit: '',
      licence: '',
      focal: { x: 1.5, y: 0.5 }
    });
    expect(described.ok).toBe(false);
    if (!described.ok) {
      expect(described.errors.map((e) => e.field).sort()).toEqual(['alt.ru', 'focal.x']);
      expect(described.errors[0]?.message.ru).not.toEqual(described.errors[0]?.message.en);
    }
  });

  it('publishes photos only with alt text, shows them to visitors and keeps them from deletion', async () => {
    const result = await upload(own, 'hall.jpg');
    if (!result.ok) throw new Error(result.message.en);
    await library.derive(result.assetId, lastTry);
    const { record } = await editor.open(staffOf(own), own);
    const withPhoto = { ...record, photos: [result.assetId] };

    const refused = await editor.save(staffOf(own), own, withPhoto, 'publish');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]?.field).toBe('photos.0');
    // A draft may hold it before it is described.
    expect(await editor.save(staffOf(own), own, withPhoto, 'draft')).toMatchObject({ ok: true });
    // The list of changes names the gallery as one field, not a field per position.
    const { changes } = await editor.open(staffOf(own), own);
    expect(changes).toContainEqual({ field: 'photos', before: '', after: `#${result.assetId}` });
    expect((await library.get(staffOf(own), own, result.assetId)).usages).toMatchObject([
      { state: 'draft' }
    ]);

    await library.describe(staffOf(own), own, result.assetId, {
      alt: { ru: 'Зал с паровозом', en: 'A hall with a steam engine' },
      caption: { ru: 'Главный зал', en: 'The main hall' },
      credit: 'Музей',
      licence: 'all-rights-reserved',
      focal: null
    });
    // The preview shows the version being edited as visitors would get it; they still see the old one.
    const draft = { ...withPhoto, summary: { ru: 'Новый зал', en: 'A new hall' } };
    const preview = await directory.preview(own, draft, 'en', khabarovskNoon('2026-11-24'));
    expect(preview.summary).toBe('A new hall');
    expect(preview.photos.map((p) => p.alt)).toEqual(['A hall with a steam engine']);
    expect((await directory.page('own', 'en', khabarovskNoon('2026-11-24')))?.photos).toEqual([]);

    expect(await editor.save(staffOf(own), own, withPhoto, 'publish')).toMatchObject({
      ok: true,
      status: 'published'
    });

    const page = await directory.page('own', 'en', khabarovskNoon('2026-11-24'));
    expect(page?.photos).toHaveLength(1);
    const shown = page!.photos[0]!;
    expect(shown.alt).toBe('A hall with a steam engine');
    expect(shown.caption).toBe('The main hall');
    expect(shown.image.sources.map((s) => s.type)).toEqual(['image/avif', 'image/webp']);
    expect(shown.image.srcset).toMatch(/\/media\/museums\/\d+\/media\/[0-9a-f]+\/\S+ 320w/);
    expect(shown.image.placeholder).toMatch(/^data:image\/png;base64,/);
    expect(shown.image).toMatchObject({ width: 1200, height: 800 });

    const deletion = await library.delete(staffOf(own), own, result.assetId);
    expect(deletion.ok).toBe(false);
    if (!deletion.ok) expect(deletion.usages.map((u) => u.state)).toEqual(['published']);

    const { record: current } = await editor.open(staffOf(own), own);
    await editor.save(staffOf(own), own, { ...current, photos: [] }, 'publish');
    const { asset } = await library.get(staffOf(own), own, result.assetId);
    expect(await library.delete(staffOf(own), own, result.assetId)).toEqual({ ok: true });
    const folder = asset.originalKey.slice(0, asset.originalKey.lastIndexOf('/'));
    expect((await storedKeys(`${folder}/`)).length).toBeGreaterThan(0);
    await library.purge(folder);
    expect(await storedKeys(`${folder}/`)).toEqual([]);
  });

  it("will not take another museum's photo into a profile", async () => {
    const theirs = await upload(other, 'theirs.jpg');
    if (!theirs.ok) throw new Error(theirs.message.en);
    const { record } = await editor.open(staffOf(own), own);
    const result = await editor.save(
      staffOf(own),
      own,
      { ...record, photos: [theirs.assetId] },
      'draft'
    );
    expect(result.ok).toBe(false);
  });

  it('shows a failure on the last attempt and queues the work again on retry', async () => {
    const result = await upload(own, 'broken.jpg');
    if (!result.ok) throw new Error(result.message.en);
    const { asset } = await library.get(staffOf(own), own, result.assetId);
    await storage.delete(asset.originalKey);
    await expect(
      library.derive(result.assetId, { attempt: 1, lastAttempt: false })
    ).rejects.toThrow();
    expect((await library.get(staffOf(own), own, result.assetId)).asset.status).toBe('processing');
    await expect(library.derive(result.assetId, lastTry)).rejects.toThrow();
    const failed = (await library.get(staffOf(own), own, result.assetId)).asset;
    expect(failed.status).toBe('failed');
    expect(failed.error).toBeTruthy();
    const queued = (await queue.recent({ status: 'queued' })).length;
    await library.retry(staffOf(own), own, result.assetId);
    expect((await library.get(staffOf(own), own, result.assetId)).asset.status).toBe('processing');
    expect((await queue.recent({ status: 'queued' })).length).toBe(queued + 1);
  });

  it("gives another museum's staff 'not found or no access' for everything", async () => {
    const mine = await upload(own, 'mine.jpg');
    if (!mine.ok) throw new Error(mine.message.en);
    const stranger = staffOf(other);
    const id = mine.assetId;
    const attempts = [
      () => library.get(stranger, own, id),
      () => library.get(stranger, other, id),
      () => library.list(stranger, own, { limit: 10 }),
      () =>
        library.describe(stranger, other, id, {
          alt: { ru: 'а', en: 'a' },
          caption: { ru: '', en: '' },
          credit: '',
          licence: '',
          focal: null
        }),
      () => library.delete(stranger, other, id),
      () => library.retry(stranger, own, id),
      () =>
        library.ingest(stranger, own, {
          path: photo,
          fileName: 'x.jpg',
          panorama: false,
          uploadId: null
        })
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(NotFoundOrForbidden);
  });
});
