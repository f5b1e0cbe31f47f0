import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '$lib/server/db/connection';
import { drawHall } from '$lib/server/demo/panoramas';
import { derivePanorama } from '$lib/server/media/derive';
import { MediaRepository } from '$lib/server/media/repository';
import { DiskStorage } from '$lib/server/storage/disk';
import { TourRepository } from '$lib/server/tours/repository';
import { ExhibitRepository } from '$lib/server/exhibits/repository';
import { exhibitInput } from '$lib/shared/exhibit';
import { tourInput, type TourInput } from '$lib/shared/tour';
import { industrialHeritage } from './helpers';

export const fixtureTour = {
  slug: 'machine-halls',
  path: `/museums/${industrialHeritage.slug}/tours/machine-halls`,
  embedPath: `/embed/tours/${industrialHeritage.slug}/machine-halls`,
  halls: ['Машинный зал', 'Кузнечный цех', 'Паровозное депо'] as const,
  exhibit: 'Паровой молот 1932 года',
  note: 'Молот весом три тонны ковал оси для паровозов.'
};

/** A one-second silent WAV: narration to save for offline. */
function silence(): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(rate);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data.fill(128)]);
}

/**
 * Publishes a three-hall tour of the industrial-heritage museum straight into a running test
 * server's database and storage: real tiles cut by derivePanorama from drawn halls, a narration,
 * hotspots of every kind a visitor meets, and a route through the halls.
 */
export async function publishFixtureTour(dataDir: string): Promise<void> {
  const database = await openDatabase({
    kind: 'sqlite',
    file: path.join(dataDir, 'kraeved.sqlite')
  });
  const storage = new DiskStorage(path.join(dataDir, 'media'));
  const media = new MediaRepository(database.db);
  const tours = new TourRepository(database.db);
  const work = await mkdtemp(path.join(os.tmpdir(), 'kraeved-tour-fixture-'));
  try {
    const museum = await database.db
      .selectFrom('museums')
      .where('slug', '=', industrialHeritage.slug)
      .select('id')
      .executeTakeFirstOrThrow();
    // A demo staff member uploaded the files (an asset's author is a real account).
    const author = await database.db
      .selectFrom('users')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    // The object the forge's hotspot opens: a published exhibit of the museum.
    const exhibits = new ExhibitRepository(database.db);
    const hammerRecord = exhibitInput.parse({
      inventoryNumber: 'КП-1932',
      title: { ru: fixtureTour.exhibit, en: 'Steam hammer of 1932' }
    });
    const hammer =
      (await exhibits.create(
        museum.id,
        hammerRecord.inventoryNumber,
        hammerRecord.title,
        'staff'
      )) ?? 0;
    await exhibits.publish(hammer, hammerRecord, now);
    const asset = async (kind: 'panorama' | 'audio', fileName: string, bytes: Buffer) => {
      const folder = `museums/${museum.id}/media/fixture-${fileName.replace(/\W/g, '')}`;
      const originalKey = `${folder}/original${path.extname(fileName)}`;
      await storage.put(originalKey, bytes, {
        contentType: kind === 'audio' ? 'audio/wav' : 'image/jpeg'
      });
      const { id } = await media.insert(
        {
          museumId: museum.id,
          kind,
          status: 'processing',
          fileName,
          mime: kind === 'audio' ? 'audio/wav' : 'image/jpeg',
          bytes: bytes.length,
          originalKey,
          width: kind === 'panorama' ? 4096 : null,
          height: kind === 'panorama' ? 2048 : null,
          uploadId: null,
          createdBy: author.id
        },
        now
      );
      if (kind === 'audio') {
        await media.markReady(id, { rendition: null, tiles: null }, now);
        return id;
      }
      const source = path.join(work, fileName);
      await writeFile(source, bytes);
      const { tiles, preview } = await derivePanorama(source, storage, folder);
      await media.markReady(id, { rendition: preview, tiles }, now);
      return id;
    };
    const [first, second, third] = fixtureTour.halls;
    const halls = await Promise.all(
      fixtureTour.halls.map(async (title, index) =>
        asset(
          'panorama',
          `hall-${index + 1}.jpg`,
          await drawHall({
            title,
            wall: ['#d9cbb0', '#b9c7cf', '#c9b8b0'][index] ?? '#ccc',
            floor: '#6b5a48',
            signs: [{ yaw: -60, caption: title }],
            doors: [{ yaw: 30, caption: '→' }]
          })
        )
      )
    );
    const narration = await asset('audio', 'narration.wav', silence());
    const both = (ru: string) => ({ ru, en: ru });
    const input: TourInput = {
      slug: fixtureTour.slug,
      title: { ru: 'Залы машин', en: 'Machine halls' },
      summary: both('Три зала завода: от паровой машины до депо.'),
      scenes: [
        {
          key: 's1',
          assetId: halls[0]!,
          title: both(first),
          description: both('Здесь стояла паровая машина завода.'),
          narration: { assetId: narration, transcript: both('Добро пожаловать в машинный зал.') },
          hotspots: [
            {
              key: 'to-forge',
              position: { yaw: 30, pitch: 0 },
              label: both('Дверь в кузнечный цех'),
              target: { kind: 'scene', sceneKey: 's2' }
            },
            {
              key: 'engine',
              position: { yaw: -60, pitch: 5 },
              label: both('О паровой машине'),
              target: { kind: 'text', body: both('<p>Машина работала с 1910 года.</p>') }
            }
          ]
        },
        {
          key: 's2',
          assetId: halls[1]!,
          title: both(second),
          hotspots: [
            {
              key: 'hammer',
              position: { yaw: -60, pitch: 0 },
              label: both('Паровой молот'),
              target: { kind: 'exhibit', exhibitId: hammer }
            },
            {
              key: 'to-depot',
              position: { yaw: 30, pitch: 0 },
              label: both('Дверь в депо'),
              target: { kind: 'scene', sceneKey: 's3' }
            },
            {
              key: 'note',
              position: { yaw: 100, pitch: 10 },
              label: both('Записка мастера'),
              target: { kind: 'text', body: both(`<p>${fixtureTour.note}</p>`) }
            }
          ]
        },
        { key: 's3', assetId: halls[2]!, title: both(third), hotspots: [] }
      ],
      route: ['s1', 's2', 's3'],
      videos: [
        {
          kind: 'link',
          title: both('Паровоз на ходу'),
          provider: 'youtube',
          url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'
        }
      ]
    };
    const tourId = await tours.create(museum.id, fixtureTour.slug, input.title);
    if (tourId === null) throw new Error('the fixture tour exists already');
    await tours.publish(tourId, tourInput.parse(input), now);
  } finally {
    await rm(work, { recursive: true, force: true });
    await database.close();
  }
}
