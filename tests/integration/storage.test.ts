import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BodySizeMismatchError,
  createStorage,
  InvalidKeyError,
  RangeNotSatisfiableError,
  type ObjectContent,
  type ObjectSummary,
  type Storage,
  type StorageConfig
} from '$lib/server/storage';
import { s3rverCredentials, startS3rver, testBucket, type RunningS3rver } from './s3-server';

/** A real photograph, 2 MB: the kind of object the storage exists for. */
const photoFile = '/work/shared/data/panoramas/outdoor-4096x2048.jpg';

interface OpenedStorage {
  storage: Storage;
  dispose(): Promise<void>;
}

async function openDisk(): Promise<OpenedStorage> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kraeved-storage-'));
  const storage = await createStorage({ kind: 'disk', root });
  return {
    storage,
    async dispose() {
      await storage.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
}

async function openS3(prefix?: string): Promise<OpenedStorage> {
  const server = await startS3rver();
  const storage = await createStorage({
    kind: 's3',
    bucket: testBucket,
    endpoint: server.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    prefix,
    ...s3rverCredentials
  });
  return {
    storage,
    async dispose() {
      await storage.close();
      await server.stop();
    }
  };
}

const implementations: { name: string; open: () => Promise<OpenedStorage> }[] = [
  { name: 'disk', open: openDisk },
  { name: 'S3', open: () => openS3() },
  { name: 'S3 under a key prefix', open: () => openS3('kraeved/media') }
];

async function contentOf(content: ObjectContent | undefined): Promise<Buffer> {
  if (!content) throw new Error('expected an object, found none');
  return buffer(content.body);
}

/** Array.fromAsync arrives in Node 22. */
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Listings promise no order (s3rver's differs from S3's), so compare them sorted. */
async function keysOf(listing: AsyncIterable<ObjectSummary>): Promise<string[]> {
  return (await collect(listing)).map((object) => object.key).sort();
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(implementations)('$name storage', ({ open }) => {
  let opened: OpenedStorage;
  let storage: Storage;
  const photo = fs.readFileSync(photoFile);
  const photoKey = 'photos/outdoor-4096x2048.jpg';

  beforeAll(async () => {
    opened = await open();
    storage = opened.storage;
    await storage.put(photoKey, photo, { contentType: 'image/jpeg' });
  });

  afterAll(async () => {
    await opened?.dispose();
  });

  it('gives back the bytes it was given, with their size, content type and etag', async () => {
    const bytes = Buffer.from('Гродековский музей, Хабаровск');
    const put = await storage.put('round-trip/bytes.txt', bytes, {
      contentType: 'text/plain; charset=utf-8'
    });
    expect(put).toEqual({
      key: 'round-trip/bytes.txt',
      size: bytes.byteLength,
      contentType: 'text/plain; charset=utf-8',
      etag: expect.stringMatching(/^".+"$/)
    });

    const got = await storage.get('round-trip/bytes.txt');
    expect(got?.object).toEqual({ ...put, modifiedAt: expect.any(Date) });
    expect(got?.range).toBeUndefined();
    expect(await contentOf(got)).toEqual(bytes);
  });

  it('streams a photograph in and out unchanged', async () => {
    const { size } = fs.statSync(photoFile);
    const put = await storage.put(
      'round-trip/photo.jpg',
      { stream: fs.createReadStream(photoFile), size },
      { contentType: 'image/jpeg' }
    );
    expect(put.size).toBe(size);

    const got = await storage.get('round-trip/photo.jpg');
    expect(got?.object).toMatchObject({ size, contentType: 'image/jpeg', etag: put.etag });
    expect(sha256(await contentOf(got))).toBe(sha256(photo));
  });

  it('stores an empty object, from bytes and from a stream', async () => {
    await storage.put('empty/bytes', new Uint8Array(0), { contentType: 'text/plain' });
    await storage.put(
      'empty/stream',
      { stream: Readable.from([]), size: 0 },
      { contentType: 'text/plain' }
    );
    for (const key of ['empty/bytes', 'empty/stream']) {
      expect((await storage.head(key))?.size).toBe(0);
      expect((await contentOf(await storage.get(key))).byteLength).toBe(0);
    }
  });

  it('describes an object by head as put, get and list do', async () => {
    const put = await storage.put('head/note.txt', Buffer.from('hours change on Monday'), {
      contentType: 'text/plain'
    });
    const head = await storage.head('head/note.txt');
    expect(head).toEqual({ ...put, modifiedAt: expect.any(Date) });
    expect(Math.abs(Date.now() - (head?.modifiedAt.getTime() ?? 0))).toBeLessThan(60_000);

    const got = await storage.get('head/note.txt');
    got?.body.destroy();
    expect(got?.object).toEqual(head);

    const [listed] = await collect(storage.list('head/'));
    expect(listed).toMatchObject({ key: 'head/note.txt', size: put.size, etag: put.etag });
  });

  it('keeps the content type it was given, whatever the key says', async () => {
    const types = {
      'types/tile.bin': 'image/webp',
      'types/info': 'application/ld+json;profile="http://iiif.io/api/image/3/context.json"',
      'types/video.jpg': 'video/mp4'
    };
    for (const [key, contentType] of Object.entries(types)) {
      await storage.put(key, Buffer.from(key), { contentType });
    }
    for (const [key, contentType] of Object.entries(types)) {
      expect((await storage.head(key))?.contentType).toBe(contentType);
      const got = await storage.get(key);
      got?.body.destroy();
      expect(got?.object.contentType).toBe(contentType);
    }
  });

  it('refuses a content type that is not a MIME type', async () => {
    for (const contentType of ['', 'jpeg', 'image/jpeg\r\nX-Evil: 1', 'изображение/jpeg']) {
      await expect(storage.put('types/refused', Buffer.from('x'), { contentType })).rejects.toThrow(
        TypeError
      );
    }
    expect(await storage.head('types/refused')).toBeUndefined();
  });

  it('reads the first 100 bytes', async () => {
    const got = await storage.get(photoKey, { start: 0, end: 99 });
    expect(got?.range).toEqual({ start: 0, end: 99 });
    expect(got?.object.size).toBe(photo.byteLength);
    expect(await contentOf(got)).toEqual(photo.subarray(0, 100));
  });

  it('reads from byte 1000 to the end', async () => {
    const got = await storage.get(photoKey, { start: 1000 });
    expect(got?.range).toEqual({ start: 1000, end: photo.byteLength - 1 });
    const bytes = await contentOf(got);
    expect(bytes.byteLength).toBe(photo.byteLength - 1000);
    expect(sha256(bytes)).toBe(sha256(photo.subarray(1000)));
  });

  it('ends a range that runs past the end at the last byte', async () => {
    const start = photo.byteLength - 10;
    const got = await storage.get(photoKey, { start, end: photo.byteLength + 1000 });
    expect(got?.range).toEqual({ start, end: photo.byteLength - 1 });
    expect(await contentOf(got)).toEqual(photo.subarray(start));
  });

  it('refuses a range that starts past the end, naming the size', async () => {
    const refused = storage.get(photoKey, { start: photo.byteLength });
    await expect(refused).rejects.toThrow(RangeNotSatisfiableError);
    await expect(refused).rejects.toMatchObject({ size: photo.byteLength });
  });

  it('refuses a malformed range before asking for anything', async () => {
    for (const range of [{ start: -1 }, { start: 10, end: 9 }, { start: 1.5 }]) {
      await expect(storage.get(photoKey, range)).rejects.toThrow(RangeError);
    }
  });

  it('answers undefined for a key that holds nothing', async () => {
    expect(await storage.get('missing/nothing.jpg')).toBeUndefined();
    expect(await storage.get('missing/nothing.jpg', { start: 0, end: 99 })).toBeUndefined();
    expect(await storage.head('missing/nothing.jpg')).toBeUndefined();
    expect(await storage.head('missing')).toBeUndefined();
  });

  it('forgets an object once it is deleted', async () => {
    await storage.put('deleted/photo.jpg', Buffer.from('soon gone'), { contentType: 'image/jpeg' });
    await storage.delete('deleted/photo.jpg');
    expect(await storage.head('deleted/photo.jpg')).toBeUndefined();
    expect(await storage.get('deleted/photo.jpg')).toBeUndefined();
    expect(await keysOf(storage.list('deleted/'))).toEqual([]);
  });

  it('deletes a key that holds nothing without complaint', async () => {
    await expect(storage.delete('missing/never-there.jpg')).resolves.toBeUndefined();
    await expect(storage.delete('missing-folder/deep/never-there.jpg')).resolves.toBeUndefined();
  });

  it('lists more than a thousand objects under a prefix', async () => {
    const keys = Array.from({ length: 1005 }, (_, i) => `paging/${String(i).padStart(4, '0')}`);
    // Neighbours that share the prefix's letters but are not under it.
    const outside = ['paging', 'paging-other/0001', 'pagin'];
    const all = [...keys, ...outside];
    for (let i = 0; i < all.length; i += 50) {
      await Promise.all(
        all
          .slice(i, i + 50)
          .map((key) => storage.put(key, Buffer.from(key), { contentType: 'text/plain' }))
      );
    }

    const listed = await collect(storage.list('paging/'));
    expect(listed.map((object) => object.key).sort()).toEqual(keys);
    expect(listed.filter((object) => object.size !== object.key.length)).toEqual([]);
    expect(await keysOf(storage.list('paging/100'))).toEqual(keys.slice(1000));
  });

  it('lists nested folders, and a prefix that ends inside a name', async () => {
    const keys = [
      'tree/a-b.txt',
      'tree/a.txt',
      'tree/a/b/c.txt',
      'tree/a/x.txt',
      'tree/b.txt',
      'treetop.txt'
    ];
    for (const key of [...keys].reverse()) {
      await storage.put(key, Buffer.from(key), { contentType: 'text/plain' });
    }
    expect(await keysOf(storage.list('tree/'))).toEqual(keys.slice(0, 5));
    expect(await keysOf(storage.list('tree/a'))).toEqual(keys.slice(0, 4));
    expect(await keysOf(storage.list('tree/a/'))).toEqual(['tree/a/b/c.txt', 'tree/a/x.txt']);
    expect(await keysOf(storage.list('tree'))).toEqual(keys);
    expect(await keysOf(storage.list('nothing-here/'))).toEqual([]);
  });

  it('replaces an object put again under the same key', async () => {
    const first = await storage.put('overwrite/logo', Buffer.from('first version'), {
      contentType: 'text/plain'
    });
    const second = await storage.put('overwrite/logo', photo.subarray(0, 5000), {
      contentType: 'image/jpeg'
    });
    expect(second.etag).not.toBe(first.etag);

    const got = await storage.get('overwrite/logo');
    expect(got?.object).toMatchObject({ size: 5000, contentType: 'image/jpeg', etag: second.etag });
    expect(await contentOf(got)).toEqual(photo.subarray(0, 5000));
    expect(await collect(storage.list('overwrite/'))).toMatchObject([
      { key: 'overwrite/logo', size: 5000, etag: second.etag }
    ]);
  });

  it('keeps a key and the keys below it apart', async () => {
    await storage.put('nested/original', Buffer.from('original'), { contentType: 'image/jpeg' });
    await storage.put('nested/original/w640.webp', Buffer.from('derivative'), {
      contentType: 'image/webp'
    });
    expect((await contentOf(await storage.get('nested/original'))).toString()).toBe('original');
    expect(await keysOf(storage.list('nested/'))).toEqual([
      'nested/original',
      'nested/original/w640.webp'
    ]);

    await storage.delete('nested/original');
    expect(await storage.head('nested/original')).toBeUndefined();
    expect((await storage.head('nested/original/w640.webp'))?.contentType).toBe('image/webp');
  });

  it('refuses invalid keys in every method', async () => {
    const invalid = [
      '',
      '/photos/a.jpg',
      'photos/',
      'photos//a.jpg',
      '../a.jpg',
      'photos/../../etc/passwd',
      'photos/./a.jpg',
      'photos\\a.jpg',
      'photos/a b.jpg',
      'фото/a.jpg',
      'photos/a~object',
      'photos/a?.jpg',
      'x'.repeat(201),
      `${'x/'.repeat(256)}x`
    ];
    for (const key of invalid) {
      await expect(
        storage.put(key, Buffer.from('x'), { contentType: 'text/plain' })
      ).rejects.toThrow(InvalidKeyError);
      await expect(storage.get(key)).rejects.toThrow(InvalidKeyError);
      await expect(storage.head(key)).rejects.toThrow(InvalidKeyError);
      await expect(storage.delete(key)).rejects.toThrow(InvalidKeyError);
    }
    for (const prefix of ['/photos', 'photos//', '../', 'photos/../', 'фото/']) {
      await expect(keysOf(storage.list(prefix))).rejects.toThrow(InvalidKeyError);
    }
  });

  it('accepts the longest key allowed', async () => {
    const key = `${'a'.repeat(200)}/${'b'.repeat(200)}/${'c'.repeat(110)}`;
    expect(key).toHaveLength(512);
    await storage.put(key, Buffer.from('long'), { contentType: 'text/plain' });
    expect((await contentOf(await storage.get(key))).toString()).toBe('long');
    expect(await keysOf(storage.list('a'))).toEqual([key]);
  });

  it('takes many puts of different keys at once', async () => {
    const objects = Array.from({ length: 40 }, (_, i) => ({
      key: `concurrent/${i}.bin`,
      bytes: randomBytes(1 + i * 1637)
    }));
    await Promise.all(
      objects.map(({ key, bytes }, i) =>
        storage.put(
          key,
          i % 2 ? bytes : { stream: Readable.from([bytes]), size: bytes.byteLength },
          { contentType: 'application/octet-stream' }
        )
      )
    );
    for (const { key, bytes } of objects) {
      expect(sha256(await contentOf(await storage.get(key)))).toBe(sha256(bytes));
    }
    expect(await keysOf(storage.list('concurrent/'))).toHaveLength(40);
  });

  it('refuses a stream longer or shorter than declared, and stores nothing', async () => {
    const tenBytes = () => Readable.from([Buffer.alloc(4), Buffer.alloc(6)]);
    for (const size of [9, 11]) {
      await expect(
        storage.put('sized/wrong', { stream: tenBytes(), size }, { contentType: 'text/plain' })
      ).rejects.toThrow(BodySizeMismatchError);
      expect(await storage.head('sized/wrong')).toBeUndefined();
    }
    await expect(
      storage.put('sized/wrong', { stream: tenBytes(), size: -1 }, { contentType: 'text/plain' })
    ).rejects.toThrow(RangeError);
  });

  it('keeps the previous object when a put fails', async () => {
    const kept = await storage.put('sized/kept', Buffer.from('kept'), {
      contentType: 'text/plain'
    });
    await expect(
      storage.put(
        'sized/kept',
        { stream: Readable.from([photo.subarray(0, 100_000)]), size: 200_000 },
        { contentType: 'image/jpeg' }
      )
    ).rejects.toThrow(BodySizeMismatchError);
    const got = await storage.get('sized/kept');
    expect(got?.object).toMatchObject({ size: 4, contentType: 'text/plain', etag: kept.etag });
    expect((await contentOf(got)).toString()).toBe('kept');
  });

  it('shows a new object only once it is written whole', async () => {
    const stream = new Readable({ read() {} });
    const putting = storage.put(
      'partial/photo.jpg',
      { stream, size: photo.byteLength },
      { contentType: 'image/jpeg' }
    );
    stream.push(photo.subarray(0, 1_000_000));
    await sleep(50);
    expect(await storage.head('partial/photo.jpg')).toBeUndefined();
    expect(await keysOf(storage.list('partial/'))).toEqual([]);

    stream.push(photo.subarray(1_000_000));
    stream.push(null);
    await putting;
    expect((await storage.head('partial/photo.jpg'))?.size).toBe(photo.byteLength);
  });
});

describe('S3 storage under a key prefix', () => {
  let server: RunningS3rver;
  const configFor = (prefix?: string): StorageConfig => ({
    kind: 's3',
    bucket: testBucket,
    endpoint: server.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    prefix,
    ...s3rverCredentials
  });

  beforeAll(async () => {
    server = await startS3rver();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('keeps its keys inside its folder of the bucket, and sees nothing outside it', async () => {
    const media = await createStorage(configFor('kraeved/media/'));
    const bucket = await createStorage(configFor());
    try {
      await media.put('museums/1/logo.png', Buffer.from('png'), { contentType: 'image/png' });
      await bucket.put('museums/2/logo.png', Buffer.from('png'), { contentType: 'image/png' });
      expect(await keysOf(bucket.list(''))).toEqual([
        'kraeved/media/museums/1/logo.png',
        'museums/2/logo.png'
      ]);
      expect(await keysOf(media.list(''))).toEqual(['museums/1/logo.png']);
      expect(await media.head('museums/2/logo.png')).toBeUndefined();
    } finally {
      await media.close();
      await bucket.close();
    }
  });

  it('refuses a prefix that is not a key', async () => {
    await expect(createStorage(configFor('../media'))).rejects.toThrow(/prefix/);
  });
});
