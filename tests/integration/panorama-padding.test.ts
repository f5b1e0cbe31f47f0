import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { JobRepository } from '$lib/server/jobs/repository';
import { JobQueue } from '$lib/server/jobs/queue';
import { MediaRepository } from '$lib/server/media/repository';
import { MediaLibrary } from '$lib/server/media/library';
import { heldHeader, ResumableUploads, uploadPath } from '$lib/server/media/uploads';
import { createStorage, type Storage } from '$lib/server/storage';
import { placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { khabarovskNoon, newMuseum, testPlaces } from './factories';

const origin = 'http://kraeved.test';

describe.each(dialects)('a panorama that is not 2:1, on %s', (dialect) => {
  let test: TestDatabase;
  let dir: string;
  let storage: Storage;
  let library: MediaLibrary;
  let uploads: ResumableUploads;
  let own: number;
  let other: number;
  let wide: Buffer;
  const editor = (museumId: number, userId = 'editor'): Actor => ({
    userId,
    grants: [{ role: 'museum_editor', museumId, publishing: 'publish' }]
  });

  async function keys(prefix: string): Promise<string[]> {
    const found: string[] = [];
    for await (const object of storage.list(prefix)) found.push(object.key);
    return found.sort();
  }

  async function assetCount(museumId: number) {
    const { assets } = await library.list(editor(museumId), museumId, { limit: 100 });
    return assets.length;
  }

  /** Sends a staged file as a plain (no-JavaScript) form upload would: through ingest. */
  async function uploadWide(actor: Actor, museumId: number, fileName = 'cylinder.jpg') {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.jpg`);
    await fs.writeFile(file, wide);
    return library.ingest(actor, museumId, {
      path: file,
      fileName,
      panorama: true,
      uploadId: null
    });
  }

  /** A whole tus upload in two requests: create, then every byte at once. */
  async function tusUpload(actor: Actor, museumId: number, bytes: Buffer, fileName: string) {
    const meta = { filename: fileName, museumId: String(museumId), panorama: '1' };
    const metadata = Object.entries(meta)
      .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
      .join(',');
    const created = await uploads.handle(
      new Request(`${origin}${uploadPath}`, {
        method: 'POST',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Length': String(bytes.length),
          'Upload-Metadata': metadata
        }
      }),
      actor,
      'en'
    );
    expect(created.status).toBe(201);
    const location = new URL(created.headers.get('location')!, `${origin}${uploadPath}/`);
    return uploads.handle(
      new Request(location, {
        method: 'PATCH',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Offset': '0',
          'Content-Type': 'application/offset+octet-stream'
        },
        body: new Uint8Array(bytes),
        duplex: 'half'
      } as RequestInit),
      actor,
      'en'
    );
  }

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-pad-test-'));
    storage = await createStorage({ kind: 'disk', root: path.join(dir, 'store') });
    await db
      .insertInto('users')
      .values([
        { id: 'editor', name: 'Редактор', email: 'editor@museum.ru', email_verified: 1 },
        { id: 'colleague', name: 'Коллега', email: 'colleague@museum.ru', email_verified: 1 }
      ])
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
    library = new MediaLibrary({
      repository: new MediaRepository(db),
      storage,
      queue: new JobQueue(new JobRepository(db, test.database.dialect), clock),
      staff: new StaffRepository(db),
      clock,
      limits: { maxUploadBytes: 5 * 1024 * 1024, maxImagePixels: 50_000_000 },
      findUsages: async () => []
    });
    uploads = new ResumableUploads(library, { directory: path.join(dir, 'uploads'), origin });
    // A cylindrical panorama: 3:1, sky-blue at the top, floor-brown at the bottom.
    wide = await sharp({ create: { width: 1500, height: 500, channels: 3, background: '#888888' } })
      .composite([
        {
          input: { create: { width: 1500, height: 20, channels: 3, background: '#3070d0' } },
          top: 0,
          left: 0
        },
        {
          input: { create: { width: 1500, height: 20, channels: 3, background: '#704020' } },
          top: 480,
          left: 0
        }
      ])
      .jpeg()
      .toBuffer();
  });
  afterAll(async () => {
    await storage?.close();
    await test?.dispose();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('says its size and holds it aside, making no asset until it is padded', async () => {
    const result = await uploadWide(editor(own), own);
    expect(result).toMatchObject({
      ok: false,
      message: {
        en: 'The panorama “cylinder.jpg” is 1500×500, not 2:1. Pad it to 2:1 (adds empty sky and floor) or cancel.'
      }
    });
    if (result.ok || !result.held) throw new Error('not held');
    expect(result.message.ru).toContain('1500×500');
    expect(await assetCount(own)).toBe(0);
    expect(await keys(`museums/${own}/media/`)).toEqual([]);

    const padded = await library.padPanorama(editor(own), own, result.held);
    if (!padded.ok) throw new Error(padded.message.en);
    const { asset } = await library.get(editor(own), own, padded.assetId);
    expect(asset).toMatchObject({
      kind: 'panorama',
      status: 'processing',
      width: 1500,
      height: 750,
      fileName: 'cylinder.jpg',
      mime: 'image/jpeg'
    });
    const stored = await storage.get(asset.originalKey);
    const { data } = await sharp(await new Response(stored!.body as never).arrayBuffer())
      .extract({ left: 750, top: 10, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(Math.abs(data[2]! - 0xd0)).toBeLessThan(10); // the added sky is the sky's blue
    // The held copy is gone, and padding it again finds nothing.
    expect(await keys(`museums/${own}/held/`)).toEqual([]);
    await expect(library.padPanorama(editor(own), own, result.held)).rejects.toThrow(
      NotFoundOrForbidden
    );
    await library.derive(asset.id, { attempt: 1, lastAttempt: true });
    const done = (await library.get(editor(own), own, asset.id)).asset;
    expect(done.status).toBe('ready');
    expect(done.tiles).toMatchObject({ width: 1500, height: 750 });
  });

  it('removes the held file on cancel, leaving nothing behind', async () => {
    const before = await assetCount(own);
    const result = await uploadWide(editor(own), own, 'cancelled.jpg');
    if (result.ok || !result.held) throw new Error('not held');
    expect(await keys(`museums/${own}/held/${result.held}/`)).toHaveLength(2);
    await library.discardHeld(editor(own), own, result.held);
    expect(await keys(`museums/${own}/held/`)).toEqual([]);
    expect(await assetCount(own)).toBe(before);
    await expect(library.padPanorama(editor(own), own, result.held)).rejects.toThrow(
      NotFoundOrForbidden
    );
  });

  it('lets only the person who uploaded it choose, in their own museum', async () => {
    const result = await uploadWide(editor(own), own, 'mine.jpg');
    if (result.ok || !result.held) throw new Error('not held');
    const held = result.held;
    const attempts = [
      () => library.padPanorama(editor(own, 'colleague'), own, held),
      () => library.discardHeld(editor(own, 'colleague'), own, held),
      () => library.padPanorama(editor(other), other, held),
      () => library.padPanorama(editor(other), own, held),
      () => library.discardHeld(editor(other), own, held),
      () => library.padPanorama(editor(own), own, '../../media'),
      () => library.padPanorama(null, own, held)
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(NotFoundOrForbidden);
    expect(await keys(`museums/${own}/held/${held}/`)).toHaveLength(2);
    await library.discardHeld(editor(own), own, held);
  });

  it('answers a resumable upload with the message and the held id, and removes the staged bytes', async () => {
    const before = await assetCount(own);
    const answer = await tusUpload(editor(own), own, wide, 'resumable.jpg');
    expect(answer.status).toBe(422);
    expect(await answer.text()).toBe(
      'The panorama “resumable.jpg” is 1500×500, not 2:1. Pad it to 2:1 (adds empty sky and floor) or cancel.'
    );
    const held = answer.headers.get(heldHeader);
    expect(held).toMatch(/^[0-9a-f]{16}$/);
    expect((await fs.readdir(path.join(dir, 'uploads'))).filter((f) => !f.startsWith('.'))).toEqual(
      []
    );
    expect(await assetCount(own)).toBe(before);

    const padded = await library.padPanorama(editor(own), own, held!);
    expect(padded).toMatchObject({ ok: true, created: true });
    expect(await assetCount(own)).toBe(before + 1);
  });

  it('still refuses, without a choice, a panorama taller than 2:1', async () => {
    const file = path.join(dir, 'tall.jpg');
    await fs.writeFile(
      file,
      await sharp({ create: { width: 800, height: 600, channels: 3, background: '#888' } })
        .jpeg()
        .toBuffer()
    );
    const result = await library.ingest(editor(own), own, {
      path: file,
      fileName: 'tall.jpg',
      panorama: true,
      uploadId: null
    });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.held).toBeFalsy();
  });
});
