import { randomBytes } from 'node:crypto';
import type { BigIntStats, Dirent } from 'node:fs';
import {
  mkdir,
  open,
  readdir,
  rename,
  rmdir,
  stat,
  unlink,
  writeFile,
  type FileHandle
} from 'node:fs/promises';
import path from 'node:path';
import { assertValidKey, assertValidPrefix, isValidKey } from './keys';
import { assertValidContentType, assertValidRange, exactBytes, satisfiedRange } from './inputs';
import type {
  ByteRange,
  ObjectContent,
  ObjectSummary,
  PutBody,
  PutResult,
  Storage,
  StoredObject
} from './types';

/**
 * Objects as files under one folder, for a single machine.
 *
 * Key `a/b/photo.jpg` is the file `<root>/a/b/photo.jpg~object`. The suffix holds a "~", which no
 * key may contain, so file names never clash with folder names and `a/b` and `a/b/c` can both be
 * keys, as on S3.
 *
 * Each file is a fixed 256-byte text header naming the content type, then the object's bytes
 * (`tail -c +257 photo.jpg~object` extracts them). Metadata in the same file means one rename
 * replaces bytes and content type together; with a sidecar two overlapping puts of one key could
 * leave one's content type beside the other's bytes.
 *
 * A put writes a temporary file beside the target, fsyncs it and renames it over the target, so
 * no reader (nor a crash) ever sees a partial object. The etag is derived from the file's inode,
 * size and modification time, read from the same open file that is then streamed: it always
 * describes the bytes served, and every put (a new inode) changes it.
 *
 * Keys cannot leave the root: they have no `..` segments and are checked again after joining.
 * Folders emptied by a delete are removed.
 */
export class DiskStorage implements Storage {
  readonly #root: string;

  constructor(root: string) {
    this.#root = path.resolve(root);
  }

  async put(key: string, body: PutBody, options: { contentType: string }): Promise<PutResult> {
    assertValidKey(key);
    const { contentType } = options;
    assertValidContentType(contentType);
    const bytes = body instanceof Uint8Array ? body : exactBytes(body.stream, body.size);
    const file = this.#fileOf(key);
    const temp = `${file.slice(0, -suffix.length)}~${randomBytes(6).toString('hex')}.tmp`;
    let stats: BigIntStats;
    try {
      const handle = await openNewFile(temp);
      try {
        await writeFile(handle, headerOf(contentType));
        await writeFile(handle, bytes);
        await handle.sync();
        stats = await handle.stat({ bigint: true });
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      if (!(body instanceof Uint8Array)) body.stream.destroy();
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    const { size, etag } = summaryOf(key, stats);
    return { key, size, contentType, etag };
  }

  async get(key: string, range?: ByteRange): Promise<ObjectContent | undefined> {
    assertValidKey(key);
    if (range) assertValidRange(range);
    const handle = await openExisting(this.#fileOf(key));
    if (!handle) return undefined;
    try {
      const object = await describe(key, handle);
      if (!range) return { object, body: handle.createReadStream({ start: headerSize }) };
      const served = satisfiedRange(key, range, object.size);
      const body = handle.createReadStream({
        start: headerSize + served.start,
        end: headerSize + served.end
      });
      return { object, body, range: served };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async head(key: string): Promise<StoredObject | undefined> {
    assertValidKey(key);
    const handle = await openExisting(this.#fileOf(key));
    if (!handle) return undefined;
    try {
      return await describe(key, handle);
    } finally {
      await handle.close();
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    const file = this.#fileOf(key);
    try {
      await unlink(file);
    } catch (error) {
      if (!hasCode(error, 'ENOENT', 'ENOTDIR')) throw error;
    }
    await this.#removeEmptyFolders(path.dirname(file));
  }

  async *list(prefix: string): AsyncIterable<ObjectSummary> {
    assertValidPrefix(prefix);
    const folderEnd = prefix.lastIndexOf('/') + 1;
    yield* this.#walk(prefix.slice(0, folderEnd), prefix.slice(folderEnd));
  }

  async close(): Promise<void> {}

  async *#walk(folderKey: string, namePrefix: string): AsyncGenerator<ObjectSummary> {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(this.#root, folderKey), { withFileTypes: true });
    } catch (error) {
      if (hasCode(error, 'ENOENT', 'ENOTDIR')) return;
      throw error;
    }
    for (const entry of entries) {
      if (!entry.name.startsWith(namePrefix)) continue;
      if (entry.isDirectory() && segmentPattern.test(entry.name)) {
        yield* this.#walk(`${folderKey}${entry.name}/`, '');
      } else if (entry.isFile() && entry.name.endsWith(suffix)) {
        const key = folderKey + entry.name.slice(0, -suffix.length);
        if (!isValidKey(key)) continue;
        try {
          yield summaryOf(key, await stat(this.#fileOf(key), { bigint: true }));
        } catch (error) {
          // Deleted while we were listing.
          if (!hasCode(error, 'ENOENT')) throw error;
        }
      }
    }
  }

  async #removeEmptyFolders(folder: string): Promise<void> {
    for (let current = folder; current !== this.#root; current = path.dirname(current)) {
      try {
        await rmdir(current);
      } catch {
        return;
      }
    }
  }

  #fileOf(key: string): string {
    const file = path.join(this.#root, ...key.split('/')) + suffix;
    if (!file.startsWith(this.#root + path.sep)) {
      throw new Error(`Storage key "${key}" resolves outside the storage folder`);
    }
    return file;
  }
}

const suffix = '~object';
const segmentPattern = /^[A-Za-z0-9._-]+$/;
const headerSize = 256;
const headerMagic = 'kraeved-object/1 ';

/** `kraeved-object/1 image/jpeg`, padded with spaces to 255 bytes, then a newline. */
function headerOf(contentType: string): Buffer {
  return Buffer.from(`${headerMagic}${contentType}`.padEnd(headerSize - 1, ' ') + '\n', 'latin1');
}

async function describe(key: string, handle: FileHandle): Promise<StoredObject> {
  const stats = await handle.stat({ bigint: true });
  const header = Buffer.alloc(headerSize);
  const { bytesRead } = await handle.read(header, 0, headerSize, 0);
  const text = header.toString('latin1');
  if (bytesRead < headerSize || !text.startsWith(headerMagic) || !text.endsWith('\n')) {
    throw new Error(`The file for storage key "${key}" has no valid header`);
  }
  return { ...summaryOf(key, stats), contentType: text.slice(headerMagic.length).trimEnd() };
}

function summaryOf(key: string, stats: BigIntStats): ObjectSummary {
  return {
    key,
    size: Number(stats.size) - headerSize,
    etag: `"${stats.ino.toString(36)}-${stats.size.toString(36)}-${stats.mtimeNs.toString(36)}"`,
    modifiedAt: new Date(Number(stats.mtimeNs / 1_000_000n))
  };
}

async function openNewFile(file: string): Promise<FileHandle> {
  for (let attempt = 1; ; attempt++) {
    await mkdir(path.dirname(file), { recursive: true });
    try {
      return await open(file, 'wx');
    } catch (error) {
      // A delete of the folder's last object may remove the folder between mkdir and open.
      if (!hasCode(error, 'ENOENT') || attempt === 3) throw error;
    }
  }
}

async function openExisting(file: string): Promise<FileHandle | undefined> {
  try {
    return await open(file, 'r');
  } catch (error) {
    if (hasCode(error, 'ENOENT', 'ENOTDIR')) return undefined;
    throw error;
  }
}

function hasCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && 'code' in error && codes.includes(String(error.code));
}
