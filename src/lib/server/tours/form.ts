import type { TourInput, TourRecord } from '$lib/shared/tour';
import { FormFields } from '../forms/fields';

type SceneInput = NonNullable<TourInput['scenes']>[number];
type HotspotInput = NonNullable<SceneInput['hotspots']>[number];

/** A panorama the "add a scene" select offered, to name the new scene after. */
export interface ScenePanorama {
  id: number;
  fileName: string;
  alt: { ru: string; en: string };
}

/**
 * Reads the tour editor's plain HTML form into a tour. Scenes and each scene's hotspots are
 * numbered rows with a position field; a ticked "remove" (or a hotspot with no kind) drops a row.
 * A panorama picked in "add a scene" becomes a new scene at the end, named after the picture.
 * Fields the form does not show (videos, floor plan, narration, plan positions) keep `base`'s.
 */
export function readTourForm(
  form: FormData,
  base: TourRecord,
  panoramas: ScenePanorama[]
): TourInput {
  const f = new FormFields(form);
  const baseScenes = new Map(base.scenes.map((s) => [s.key, s]));
  const number = (name: string) => {
    const value = f.text(name);
    return value === '' ? 0 : Number(value.replace(',', '.'));
  };
  const angle = (name: string) => ({ yaw: number(`${name}.yaw`), pitch: number(`${name}.pitch`) });
  const pair = (name: string) => f.pair(name) ?? { ru: '', en: '' };

  const scenes: SceneInput[] = f.rows('scenes', (row) => {
    if (f.text(`${row}.remove`) === 'on') return null;
    const key = f.text(`${row}.key`);
    const kept = baseScenes.get(key);
    const hotspots: HotspotInput[] = f.rows(`${row}.hotspots`, (spot) => {
      const kind = f.text(`${spot}.kind`);
      if (!kind) return null;
      return {
        key: f.text(`${spot}.key`),
        position: angle(`${spot}.position`),
        label: pair(`${spot}.label`),
        target: readTarget(f, `${spot}.target`, kind)
      };
    });
    const usedKeys = new Set(hotspots.map((h) => h.key).filter(Boolean));
    for (const hotspot of hotspots) if (!hotspot.key) hotspot.key = freeKey('h', usedKeys);
    return {
      ...kept,
      key,
      assetId: Number(f.text(`${row}.assetId`)),
      title: pair(`${row}.title`),
      description: f.pair(`${row}.description`),
      startView: angle(`${row}.startView`),
      hotspots
    };
  });

  const added = panoramas.find((p) => String(p.id) === f.text('addScene'));
  if (added) {
    const name = (lang: 'ru' | 'en') => added.alt[lang] || added.fileName.replace(/\.[^.]+$/, '');
    scenes.push({
      key: freeKey('s', new Set(scenes.map((s) => s.key))),
      assetId: added.id,
      title: { ru: name('ru'), en: name('en') },
      hotspots: []
    });
  }

  return {
    ...base,
    title: pair('title'),
    summary: f.pair('summary'),
    scenes,
    route: f.lines('route')
  };
}

function readTarget(f: FormFields, name: string, kind: string): HotspotInput['target'] {
  const assetId = Number(f.text(`${name}.assetId`)) || 0;
  switch (kind) {
    case 'scene':
      return { kind: 'scene', sceneKey: f.text(`${name}.sceneKey`) };
    case 'photo':
      return { kind: 'photo', assetId, caption: f.pair(`${name}.caption`) };
    case 'audio':
      return { kind: 'audio', assetId, transcript: f.pair(`${name}.transcript`) };
    case 'exhibit':
      return {
        kind: 'exhibit',
        title: f.pair(`${name}.title`) ?? { ru: '', en: '' },
        assetId: assetId || null,
        url: f.optional(`${name}.url`)
      };
    default:
      return { kind: 'text', body: f.pair(`${name}.body`) ?? { ru: '', en: '' } };
  }
}

/** The first `s1`, `s2` … (or `h1` …) not yet taken. */
function freeKey(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const key = `${prefix}${n}`;
    if (!taken.has(key)) {
      taken.add(key);
      return key;
    }
  }
}
