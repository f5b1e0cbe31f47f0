import type { TourInput, TourRecord } from '$lib/shared/tour';
import { recognizeVideoLink } from '$lib/shared/video-links';
import { FormFields } from '../forms/fields';

type SceneInput = NonNullable<TourInput['scenes']>[number];
type HotspotInput = NonNullable<SceneInput['hotspots']>[number];
type VideoInput = NonNullable<TourInput['videos']>[number];

/** A panorama the "add a scene" select offered, to name the new scene after. */
export interface ScenePanorama {
  id: number;
  fileName: string;
  alt: { ru: string; en: string };
}

/**
 * Reads the tour editor's plain HTML form into a tour. Scenes and each scene's hotspots are
 * numbered rows with a position field; a ticked "remove" (or a hotspot with no kind) drops a row.
 * A panorama picked in "add a scene" (or the "add as scene" button of a fresh upload) becomes a
 * new scene at the end, named after the picture. A scene's place on the floor plan is typed in per
 * cent. The route is rows of scene keys, moved by submit buttons (`routeMove` = `2:up`) so it can
 * be ordered without JavaScript. Parts the form leaves out (a form without the videos or the
 * floor plan, a scene row without narration fields) keep `base`'s.
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
      ...(f.has(`${row}.plan.x`) && { plan: planPlace(f, `${row}.plan`) }),
      ...(f.has(`${row}.narration.assetId`) && { narration: narration(f, `${row}.narration`) }),
      hotspots
    };
  });

  // The select and an upload's "add as scene" button share the name; the first chosen counts.
  const chosen = form.getAll('addScene').find((v) => typeof v === 'string' && v.trim() !== '');
  const added = panoramas.find((p) => String(p.id) === String(chosen ?? '').trim());
  if (added) {
    const name = (lang: 'ru' | 'en') => added.alt[lang] || added.fileName.replace(/\.[^.]+$/, '');
    scenes.push({
      key: freeKey('s', new Set(scenes.map((s) => s.key))),
      assetId: added.id,
      title: { ru: name('ru'), en: name('en') },
      hotspots: []
    });
  }

  const sceneKeys = new Set(scenes.map((s) => s.key));
  return {
    ...base,
    title: pair('title'),
    summary: f.pair('summary'),
    ...(f.has('floorPlanAssetId') && {
      floorPlanAssetId: f.has('removePlan') ? null : Number(f.text('floorPlanAssetId')) || null
    }),
    scenes,
    // A scene removed from the tour leaves its route too.
    route: f.has('route') ? readRoute(f).filter((key) => sceneKeys.has(key)) : base.route,
    videos: f.has('videos') ? f.rows('videos', (row) => readVideo(f, row)) : base.videos
  };
}

/** Per cent from the plan's left and top edge; both empty: not on the plan. */
function planPlace(f: FormFields, name: string): SceneInput['plan'] {
  const x = f.text(`${name}.x`);
  const y = f.text(`${name}.y`);
  if (x === '' && y === '') return null;
  const share = (value: string) => {
    const n = Number(value.replace(',', '.'));
    return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) / 100 : 0;
  };
  return { x: share(x), y: share(y) };
}

function narration(f: FormFields, name: string): SceneInput['narration'] {
  const assetId = Number(f.text(`${name}.assetId`)) || 0;
  return assetId ? { assetId, transcript: f.pair(`${name}.transcript`) } : null;
}

/**
 * The route's rows in order, then what its buttons asked for: a scene added at the end
 * (`routeAdd`), or one stop moved up, down or off the route (`routeMove` = `1:up`).
 */
function readRoute(f: FormFields): string[] {
  const route = f.rows('route', (row) => f.text(`${row}.scene`) || null);
  const added = f.text('routeAdd');
  if (added && !route.includes(added)) route.push(added);
  const [at, move] = f.text('routeMove').split(':');
  const i = Number(at);
  if (!Number.isInteger(i) || i < 0 || i >= route.length) return route;
  const to = move === 'up' ? i - 1 : move === 'down' ? i + 1 : -1;
  if (move === 'remove') route.splice(i, 1);
  else if (to >= 0 && to < route.length) [route[i], route[to]] = [route[to]!, route[i]!];
  return route;
}

/** A clip of the library or a link to a video site; a row left blank is no row. */
function readVideo(f: FormFields, row: string): VideoInput | null {
  if (f.text(`${row}.remove`) === 'on') return null;
  const title = f.pair(`${row}.title`);
  const assetId = Number(f.text(`${row}.assetId`)) || 0;
  const url = f.text(`${row}.url`);
  const kind = f.text(`${row}.kind`) === 'link' ? 'link' : 'clip';
  if (!title && !(kind === 'clip' ? assetId : url)) return null;
  const titled = title ?? { ru: '', en: '' };
  if (kind === 'clip')
    return {
      kind,
      title: titled,
      assetId,
      captionsAssetId: Number(f.text(`${row}.captionsAssetId`)) || null
    };
  // An address no site is recognised from is refused by the check, beside this field.
  return { kind, title: titled, provider: recognizeVideoLink(url)?.provider ?? 'youtube', url };
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
        exhibitId: Number(f.text(`${name}.exhibitId`)) || 0,
        inventoryNumber: f.optional(`${name}.inventoryNumber`)
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
