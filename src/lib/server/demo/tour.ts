import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Actor } from '../auth/access';
import type { MediaLibrary } from '../media/library';
import type { TourEditor } from '../tours/editor';
import type { TourInput } from '$lib/shared/tour';
import { drawHall, type DrawnHall } from './panoramas';
import { demoExhibitPlan } from './exhibits';

const run = promisify(execFile);

/** Whose tour it is, and who publishes it (the demo association admin). */
export const demoTourMuseum = 'industrial-heritage';
export const demoTourAuthor = 'admin@kraeved.demo';

/**
 * The demo tour of the Museum of the Industrial and Technical Heritage of the Far East (seed 001):
 * the garage on Dzhambula St. where the first hall is planned, the room that serves as storage,
 * and the exhibition area at the A. M. Gorky Plant. The halls are drawn, not photographed, and
 * say so; the tour's summary says it is a demonstration.
 */
const halls: (DrawnHall & {
  key: string;
  en: string;
  about: { ru: string; en: string };
  /** A demo object of the museum shown in the hall, by inventory number, and where. */
  exhibit: { number: string; yaw: number };
})[] = [
  {
    key: 'garage',
    title: 'Гараж на Джамбула, 54',
    en: 'The garage on Dzhambula St., 54',
    wall: '#7d8a78',
    floor: '#5a4d3f',
    signs: [
      { yaw: -60, caption: 'Ретротехника' },
      { yaw: 40, caption: 'Гражданская оборона' }
    ],
    doors: [{ yaw: 150, caption: 'В хранилище →' }],
    exhibit: { number: 'ДЕМО-ИТН-0001', yaw: -120 },
    about: {
      ru: 'Здесь к лету 2023 года планировалось оборудовать первый музейный зал.',
      en: 'The first museum hall was planned here by the summer of 2023.'
    }
  },
  {
    key: 'storage',
    title: 'Комната-хранилище',
    en: 'The storage room',
    wall: '#8a7f6c',
    floor: '#4f4437',
    signs: [
      { yaw: -20, caption: 'Научно-техническое наследие' },
      { yaw: 80, caption: 'Монументальное искусство' }
    ],
    doors: [
      { yaw: -150, caption: '← В гараж' },
      { yaw: 150, caption: 'На завод им. Горького →' }
    ],
    exhibit: { number: 'ДЕМО-ИТН-0002', yaw: -80 },
    about: {
      ru: '«Основное хранение фондов»: комната в квартире, гараж и две дачи.',
      en: 'The “basic storage of funds”: a room in a flat, a garage and two summer houses.'
    }
  },
  {
    key: 'plant',
    title: 'Площадка на заводе им. А. М. Горького',
    en: 'The exhibition area at the A. M. Gorky Plant',
    wall: '#6c7a8a',
    floor: '#3f4650',
    signs: [
      { yaw: 0, caption: 'Хабаровский компьютерный музей' },
      { yaw: 100, caption: 'Промышленные объекты' }
    ],
    doors: [{ yaw: -150, caption: '← В хранилище' }],
    exhibit: { number: 'ДЕМО-ИТН-0004', yaw: -60 },
    about: {
      ru: 'Временно арендованная площадь для экспозиции; зимой здесь нет отопления.',
      en: 'A temporarily rented exhibition area; there is no heating in winter.'
    }
  }
];

/** A hotspot that opens one of the museum's demo objects (they are published before the tour). */
function exhibitHotspot(exhibit: { number: string; yaw: number }) {
  const planned = demoExhibitPlan()
    .find((p) => p.museum === demoTourMuseum)
    ?.exhibits.find((e) => e.input.inventoryNumber === exhibit.number);
  if (!planned) throw new Error(`no demo object ${exhibit.number} for the demo tour`);
  const title = planned.input.title;
  return {
    key: 'exhibit',
    position: { yaw: exhibit.yaw, pitch: -12 },
    label: { ru: title.ru, en: title.en || title.ru },
    target: { kind: 'exhibit' as const, exhibitId: 0, inventoryNumber: exhibit.number }
  };
}

const narration = {
  ru: 'Добро пожаловать в демонстрационную экскурсию по Музею индустриально-технического наследия Дальнего Востока.',
  en: 'Welcome to the demonstration tour of the Museum of the Industrial and Technical Heritage of the Far East.'
};

/** Russian speech from espeak-ng as Ogg Vorbis (ffmpeg), when both are installed; else null. */
async function speak(text: string, dir: string): Promise<string | null> {
  try {
    const wav = path.join(dir, 'narration.wav');
    const ogg = path.join(dir, 'narration.ogg');
    await run('espeak-ng', ['-v', 'ru', '-s', '150', '-w', wav, text]);
    await run('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-i',
      wav,
      '-c:a',
      'libvorbis',
      ogg
    ]);
    return ogg;
  } catch {
    return null;
  }
}

/**
 * Draws the halls, puts them in the museum's media library, waits for their tiles (the job
 * worker makes them) and publishes the tour through the same editor staff use. Runs after the
 * server has started, so a first start does not wait for it.
 */
export async function seedDemoTour(deps: {
  media: MediaLibrary;
  tours: TourEditor;
  actor: Actor;
  museumId: number;
  /** How long to wait for the panoramas' tiles. */
  timeoutMs?: number;
}): Promise<void> {
  const { media, tours, actor, museumId } = deps;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kraeved-demo-tour-'));
  try {
    const assets: number[] = [];
    for (const hall of halls) {
      const file = path.join(dir, `${hall.key}.jpg`);
      await writeFile(file, await drawHall(hall));
      const result = await media.ingest(actor, museumId, {
        path: file,
        fileName: `Демо — ${hall.title}.jpg`,
        panorama: true,
        uploadId: `demo-tour-${hall.key}`
      });
      if (!result.ok) throw new Error(`demo panorama refused: ${result.message.en}`);
      await media.describe(actor, museumId, result.assetId, {
        alt: {
          ru: `Нарисованная панорама: ${hall.title}`,
          en: `A drawn panorama: ${hall.en}`
        },
        caption: {
          ru: 'Демонстрационный рисунок, не фотография',
          en: 'A demo drawing, not a photograph'
        },
        credit: 'Краевед (демо)',
        licence: 'cc0',
        focal: null
      });
      assets.push(result.assetId);
    }
    const voice = await speak(narration.ru, dir);
    const voiceAsset = voice
      ? await media.ingest(actor, museumId, {
          path: voice,
          fileName: 'Демо — вступление.ogg',
          panorama: false,
          uploadId: 'demo-tour-narration'
        })
      : null;

    const deadline = Date.now() + (deps.timeoutMs ?? 120_000);
    for (;;) {
      const ready = await media.assetsOf(museumId, assets);
      if (ready.every((a) => a.status === 'ready')) break;
      if (ready.some((a) => a.status === 'failed') || Date.now() > deadline) {
        throw new Error('the demo panoramas were not tiled');
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const created = await tours.create(actor, museumId, {
      slug: 'demo-halls',
      title: { ru: 'Залы музея (демо)', en: 'The museum’s halls (demo)' }
    });
    if (!created.ok) throw new Error(`demo tour refused: ${JSON.stringify(created.errors)}`);
    const record: TourInput = {
      slug: 'demo-halls',
      title: { ru: 'Залы музея (демо)', en: 'The museum’s halls (demo)' },
      summary: {
        ru: 'Демонстрационная экскурсия: залы нарисованы по описанию музея, это не фотографии.',
        en: 'A demonstration tour: the halls are drawn from the museum’s description, not photographed.'
      },
      scenes: halls.map((hall, i) => ({
        key: hall.key,
        assetId: assets[i]!,
        title: { ru: hall.title, en: hall.en },
        description: hall.about,
        startView: { yaw: 0, pitch: 0 },
        narration:
          i === 0 && voiceAsset?.ok ? { assetId: voiceAsset.assetId, transcript: narration } : null,
        hotspots: [
          ...hall.doors.map((door, d) => {
            const target = door.caption.includes('гараж')
              ? 'garage'
              : door.caption.includes('хранилище')
                ? 'storage'
                : 'plant';
            const to = halls.find((h) => h.key === target)!;
            return {
              key: `door-${d + 1}`,
              position: { yaw: door.yaw, pitch: -2 },
              label: { ru: `Перейти: ${to.title}`, en: `Go to: ${to.en}` },
              target: { kind: 'scene' as const, sceneKey: target }
            };
          }),
          exhibitHotspot(hall.exhibit),
          ...hall.signs.map((sign, s) => ({
            key: `sign-${s + 1}`,
            position: { yaw: sign.yaw, pitch: 4 },
            label: { ru: sign.caption, en: sign.caption },
            target: {
              kind: 'text' as const,
              body: {
                ru: `<p>${sign.caption}: одна из тем, которые собирает движение «Индустриальное прошлое Дальнего Востока». Демонстрационный текст.</p>`,
                en: `<p>${sign.caption}: one of the themes the “Industrial Past of the Far East” movement collects. Demo text.</p>`
              }
            }
          }))
        ]
      })),
      route: halls.map((hall) => hall.key),
      videos: []
    };
    const saved = await tours.save(actor, museumId, created.id, record, 'publish');
    if (!saved.ok) throw new Error(`demo tour not published: ${JSON.stringify(saved.errors)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
