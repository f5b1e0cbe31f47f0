import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { openDatabase } from '$lib/server/db/connection';
import { ExhibitIndexer } from '$lib/server/exhibits/indexing';
import { ExhibitRepository } from '$lib/server/exhibits/repository';
import { deriveImage } from '$lib/server/media/derive';
import { deriveDeepZoom } from '$lib/server/media/iiif';
import { MediaRepository } from '$lib/server/media/repository';
import { SearchIndex } from '$lib/server/search/index';
import { SearchRepository } from '$lib/server/search/repository';
import { DiskStorage } from '$lib/server/storage/disk';
import { exhibitInput } from '$lib/shared/exhibit';
import { industrialHeritage } from './helpers';

export const fixtureExhibit = {
  inventoryNumber: 'КП-ТЕСТ-1932',
  title: 'Паровой молот 1932 года',
  width: 3000,
  height: 2000
};

/**
 * Publishes an exhibit of the industrial-heritage museum with one photograph straight into a
 * running test server's database and storage: the photo's web sizes and its IIIF level-0 tiles
 * cut by the same code as the `media.derive` and `media.iiif` jobs, and its entry in the site
 * search written as publishing writes it. Returns the ids.
 */
export async function publishFixtureExhibit(
  dataDir: string
): Promise<{ exhibitId: number; assetId: number }> {
  const database = await openDatabase({
    kind: 'sqlite',
    file: path.join(dataDir, 'kraeved.sqlite')
  });
  const storage = new DiskStorage(path.join(dataDir, 'media'));
  const media = new MediaRepository(database.db);
  const exhibits = new ExhibitRepository(database.db);
  const work = await mkdtemp(path.join(os.tmpdir(), 'kraeved-exhibit-fixture-'));
  try {
    const museum = await database.db
      .selectFrom('museums')
      .where('slug', '=', industrialHeritage.slug)
      .select('id')
      .executeTakeFirstOrThrow();
    const author = await database.db
      .selectFrom('users')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const { width, height } = fixtureExhibit;
    const source = path.join(work, 'hammer.jpg');
    // Noise, so that every tile differs and a drawn tile is told from an empty canvas.
    await sharp({
      create: {
        width,
        height,
        channels: 3,
        background: '#6f6250',
        noise: { type: 'gaussian', mean: 110, sigma: 50 }
      }
    })
      .jpeg()
      .toFile(source);
    const folder = `museums/${museum.id}/media/fixture-hammer`;
    const originalKey = `${folder}/original.jpg`;
    await storage.put(originalKey, await sharp(source).toBuffer(), { contentType: 'image/jpeg' });
    const { id: assetId } = await media.insert(
      {
        museumId: museum.id,
        kind: 'image',
        status: 'processing',
        fileName: 'hammer.jpg',
        mime: 'image/jpeg',
        bytes: 1,
        originalKey,
        width,
        height,
        uploadId: null,
        createdBy: author.id
      },
      now
    );
    await media.markReady(
      assetId,
      { rendition: await deriveImage(source, storage, folder), tiles: null },
      now
    );
    await media.setDeepZoom(assetId, await deriveDeepZoom(source, storage, `${folder}/iiif`), now);
    await media.describe(
      assetId,
      'hammer.jpg',
      {
        alt: { ru: 'Паровой молот в цеху', en: 'A steam hammer in the shop' },
        caption: { ru: '', en: '' },
        credit: '',
        licence: '',
        focal: null
      },
      now
    );
    const record = exhibitInput.parse({
      inventoryNumber: fixtureExhibit.inventoryNumber,
      title: { ru: fixtureExhibit.title, en: 'Steam hammer, 1932' },
      dating: { ru: '1932 г.', en: '1932' },
      yearFrom: 1932,
      yearTo: 1932,
      category: 'technology',
      material: 'metal',
      media: [assetId],
      rights: { statement: 'cc-by', credit: '' }
    });
    const exhibitId = await exhibits.create(
      museum.id,
      record.inventoryNumber,
      record.title,
      'staff'
    );
    if (exhibitId === null) throw new Error('the fixture exhibit exists already');
    await exhibits.publish(exhibitId, record, now);
    await new ExhibitIndexer(
      exhibits,
      new SearchIndex(new SearchRepository(database.db, database.dialect))
    ).reindex(exhibitId);
    return { exhibitId, assetId };
  } finally {
    await rm(work, { recursive: true, force: true });
    await database.close();
  }
}
