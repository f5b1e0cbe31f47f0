import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** A picture inside the uploaded ZIP, known by its name without folders. */
export interface ZipImage {
  entryName: string;
  fileName: string;
  size: number;
  crc32: number;
}

/** How an image is found from a cell: by name without folders, case and ё/е ignored. */
export function imageKey(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.trim().toLowerCase().replaceAll('ё', 'е');
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(error) : resolve(zip)
    )
  );
}

/** Walks the ZIP's directory (not its contents), calling `visit` for each file in it. */
async function eachEntry(file: string, visit: (entry: Entry, zip: ZipFile) => Promise<void>) {
  const zip = await openZip(file);
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        const isFile = !entry.fileName.endsWith('/');
        const hidden = entry.fileName.split('/').some((part) => part.startsWith('.'));
        const macJunk = entry.fileName.startsWith('__MACOSX/');
        (isFile && !hidden && !macJunk ? visit(entry, zip) : Promise.resolve())
          .then(() => zip.readEntry())
          .catch(reject);
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

/** The files in a ZIP by their key; of two files with one name, the first is kept. */
export async function listZip(file: string): Promise<Map<string, ZipImage>> {
  const images = new Map<string, ZipImage>();
  await eachEntry(file, async (entry) => {
    const key = imageKey(entry.fileName);
    if (!images.has(key))
      images.set(key, {
        entryName: entry.fileName,
        fileName: entry.fileName.split('/').pop() ?? entry.fileName,
        size: entry.uncompressedSize,
        crc32: entry.crc32
      });
  });
  return images;
}

/**
 * Unpacks the named entries into `dir`, streamed one at a time, and returns where each went.
 * An entry larger than `maxBytes` is not unpacked (yauzl also checks the sizes it is told).
 */
export async function extractEntries(
  file: string,
  entryNames: Set<string>,
  dir: string,
  maxBytes: number
): Promise<Map<string, string>> {
  const written = new Map<string, string>();
  let n = 0;
  await eachEntry(file, async (entry, zip) => {
    if (!entryNames.has(entry.fileName) || written.has(entry.fileName)) return;
    if (entry.uncompressedSize > maxBytes) return;
    const target = path.join(dir, `${++n}${path.extname(entry.fileName).toLowerCase()}`);
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s)))
    );
    await pipeline(stream, createWriteStream(target));
    written.set(entry.fileName, target);
  });
  return written;
}
