import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '$lib/server/auth/access';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { JobQueue } from '$lib/server/jobs/queue';
import { JobRepository } from '$lib/server/jobs/repository';
import { MediaLibrary } from '$lib/server/media/library';
import { MediaRepository } from '$lib/server/media/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { MuseumRepository } from '$lib/server/museums/repository';
import type { Storage } from '$lib/server/storage';
import { placeInput } from '$lib/shared/association';
import { bytesOf } from '$lib/server/media/test-files';
import { GET as getInfo } from '../../src/routes/iiif/3/[assetId]/info.json/+server';
import { GET as getTile } from '../../src/routes/iiif/3/[assetId]/[region]/[size]/[rotation]/[file]/+server';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { khabarovskNoon, newMuseum, testPlaces } from './factories';
import { testStorage } from './s3-server';

vi.setConfig({ testTimeout: 60_000 });

const lastTry = { attempt: 3, lastAttempt: true };
const origin = 'https://kraeved.example';
const storages = ['disk', 's3'] as const;

/** A route handler called as SvelteKit would, with only what these handlers read. */
function call<E>(
  handler: (event: E) => Promise<Response> | Response,
  library: MediaLibrary,
  pathname: string,
  params: Record<string, string>,
  headers: Record<string, string> = {}
): Promise<Response> {
  const url = new URL(pathname, origin);
  const event = {
    params,
    url,
    request: new Request(url, { headers }),
    locals: { app: { media: library } }
  };
  return Promise.resolve(handler(event as E));
}

describe.each(dialects)('IIIF level-0 deep zoom on %s', (dialect) => {
  describe.each(storages)('with %s storage', (storageKind) => {
    let test: TestDatabase;
    let dir: string;
    let opened: Awaited<ReturnType<typeof testStorage>> | undefined;
    let storage: Storage;
    let library: MediaLibrary;
    let queue: JobQueue;
    let museumId: number;
    let photo: string;
    let small: string;
    /** The 2000×1400 photo the first test uploads and tiles; the others read it. */
    let zoomed: number;
    const staff = (): Actor => ({
      userId: 'editor',
      grants: [{ role: 'museum_editor', museumId, publishing: 'publish' }]
    });

    const info = (assetId: number | string, headers?: Record<string, string>) =>
      call(getInfo, library, `/iiif/3/${assetId}/info.json`, { assetId: String(assetId) }, headers);
    const tile = (assetId: number, iiifPath: string, headers?: Record<string, string>) => {
      const [region, size, rotation, file] = iiifPath.split('/') as [
        string,
        string,
        string,
        string
      ];
      return call(
        getTile,
        library,
        `/iiif/3/${assetId}/${iiifPath}`,
        { assetId: String(assetId), region, size, rotation, file },
        headers
      );
    };

    async function stored(prefix: string): Promise<string[]> {
      const keys: string[] = [];
      for await (const object of storage.list(prefix)) keys.push(object.key);
      return keys.sort();
    }

    /** Uploads a file and runs its derive job; returns the asset id. */
    async function readyImage(file: string, name: string): Promise<number> {
      const result = await library.ingest(staff(), museumId, {
        path: file,
        fileName: name,
        panorama: false,
        uploadId: null
      });
      if (!result.ok) throw new Error(result.message.en);
      await library.derive(result.assetId, lastTry);
      return result.assetId;
    }

    async function photograph(name: string, width: number, height: number) {
      const file = path.join(dir, name);
      await sharp({
        create: {
          width,
          height,
          channels: 3,
          background: '#7a6a55',
          noise: { type: 'gaussian', mean: 120, sigma: 40 }
        }
      })
        .jpeg()
        .toFile(file);
      return file;
    }

    beforeAll(async () => {
      test = await freshDatabase(dialect);
      const db = test.database.db;
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-iiif-test-'));
      opened = await testStorage(storageKind, path.join(dir, 'store'), `${dialect}/`);
      storage = opened.storage;
      await db
        .insertInto('users')
        .values({ id: 'editor', name: 'Редактор', email: 'editor@museum.ru', email_verified: 1 })
        .execute();
      const museums = new MuseumRepository(db);
      await museums.upsertPlaces(placeInput.parse(testPlaces));
      const created = await new MuseumCatalogue(museums).create(newMuseum({ slug: 'zoom' }));
      if (!created.ok) throw new Error('test museum refused');
      museumId = created.id;
      const clock = () => khabarovskNoon('2026-11-24');
      queue = new JobQueue(new JobRepository(db, test.database.dialect), clock);
      library = new MediaLibrary({
        repository: new MediaRepository(db),
        storage,
        queue,
        staff: new StaffRepository(db),
        clock,
        limits: { maxUploadBytes: 20 * 1024 * 1024, maxImagePixels: 50_000_000 },
        findUsages: async () => []
      });
      photo = await photograph('photo.jpg', 2000, 1400);
      small = await photograph('small.jpg', 1200, 800);
    });
    afterAll(async () => {
      await opened?.dispose();
      await test?.dispose();
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    });

    it('asks for deep zoom once an image is ready, and serves nothing before the tiles exist', async () => {
      const id = (zoomed = await readyImage(photo, 'Паровоз.jpg'));
      const jobs = await queue.recent();
      expect(jobs.filter((j) => j.name === 'media.iiif').map((j) => j.payload)).toContainEqual({
        assetId: id
      });
      expect((await info(id)).status).toBe(404);

      await library.makeDeepZoom(id);
      const { asset } = await library.get(staff(), museumId, id);
      expect(asset.deepZoom).toMatchObject({
        width: 2000,
        height: 1400,
        tileSize: 512,
        scaleFactors: [1, 2, 4],
        sizes: [{ width: 500, height: 350 }],
        files: 12 + 4 + 1
      });
      expect(asset.deepZoom?.prefix).toBe(asset.originalKey.replace(/\/original\.jpg$/, '/iiif'));
      expect(await stored(`${asset.deepZoom?.prefix}/`)).toHaveLength(17 + 1);
    });

    it('serves info.json with its public id and sizes, for any site, for five minutes', async () => {
      const id = zoomed;
      const response = await info(id);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('content-type')).toContain('application/ld+json');
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
      expect(await response.json()).toEqual({
        '@context': 'http://iiif.io/api/image/3/context.json',
        id: `${origin}/iiif/3/${id}`,
        type: 'ImageService3',
        protocol: 'http://iiif.io/api/image',
        profile: 'level0',
        width: 2000,
        height: 1400,
        tiles: [{ width: 512, scaleFactors: [1, 2, 4] }],
        sizes: [{ width: 500, height: 350 }]
      });
    });

    it('serves a tile and a whole-image size for a year, and 304 to a browser that has it', async () => {
      const id = zoomed;
      const response = await tile(id, '512,1024,512,376/512,376/0/default.jpg');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const picture = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect([picture.width, picture.height]).toEqual([512, 376]);

      const whole = await tile(id, 'full/500,350/0/default.jpg');
      expect(whole.status).toBe(200);
      const etag = whole.headers.get('etag')!;
      await whole.arrayBuffer();
      const again = await tile(id, 'full/500,/0/default.jpg', { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('answers 404, readable from any site, for whatever was not made', async () => {
      const id = zoomed;
      for (const notMade of [
        'full/1000,700/0/default.jpg',
        'full/max/0/default.jpg',
        '0,0,512,512/256,256/0/default.jpg',
        '0,0,512,512/512,512/90/default.jpg',
        '0,0,512,512/512,512/0/gray.jpg',
        '0,0,512,512/512,512/0/default.png',
        'pct:0,0,50,50/512,512/0/default.jpg'
      ]) {
        const response = await tile(id, notMade);
        expect(response.status, notMade).toBe(404);
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
      }
      expect((await info(999_999)).status).toBe(404);
      expect((await info('abc')).status).toBe(404);
      expect((await tile(999_999, 'full/500,350/0/default.jpg')).status).toBe(404);
    });

    it('gives an image too small for a pyramid one level, and nothing while it is processed', async () => {
      const result = await library.ingest(staff(), museumId, {
        path: small,
        fileName: 'Табличка.jpg',
        panorama: false,
        uploadId: null
      });
      if (!result.ok) throw new Error(result.message.en);
      const id = result.assetId;
      await library.makeDeepZoom(id);
      expect((await library.get(staff(), museumId, id)).asset.deepZoom).toBeNull();

      await library.derive(id, lastTry);
      await library.makeDeepZoom(id);
      const body = (await (await info(id)).json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        tiles: [{ width: 1200, scaleFactors: [1] }],
        sizes: [{ width: 1200, height: 800 }]
      });
      // OpenSeadragon asks for it as full/max.
      expect((await tile(id, 'full/max/0/default.jpg')).status).toBe(200);
    });

    it('changes nothing when the job runs a second time', async () => {
      const id = zoomed;
      const first = (await library.get(staff(), museumId, id)).asset.deepZoom!;
      const keys = await stored(`${first.prefix}/`);
      await library.makeDeepZoom(id);
      const second = (await library.get(staff(), museumId, id)).asset.deepZoom!;
      expect(second).toEqual(first);
      expect(await stored(`${first.prefix}/`)).toEqual(keys);
    });

    it('makes no tiles for what is not a still image, and removes them with the asset', async () => {
      const guide = path.join(dir, 'guide.pdf');
      await fs.writeFile(guide, bytesOf.pdf());
      const result = await library.ingest(staff(), museumId, {
        path: guide,
        fileName: 'guide.pdf',
        panorama: false,
        uploadId: null
      });
      if (!result.ok) throw new Error(result.message.en);
      await library.makeDeepZoom(result.assetId);
      const { asset } = await library.get(staff(), museumId, result.assetId);
      expect(asset).toMatchObject({ kind: 'document', status: 'ready', deepZoom: null });
      expect((await info(result.assetId)).status).toBe(404);

      const id = zoomed;
      const prefix = (await library.get(staff(), museumId, id)).asset.deepZoom!.prefix;
      expect(await library.delete(staff(), museumId, id)).toEqual({ ok: true });
      await library.purge(prefix.replace(/\/iiif$/, ''));
      expect(await stored(`${prefix}/`)).toEqual([]);
      expect((await info(id)).status).toBe(404);
    });
  });
});
