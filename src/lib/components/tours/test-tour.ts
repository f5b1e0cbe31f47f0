import type { SceneView, TourView } from '$lib/shared/tour';

/** Readable TourView data for the viewer's unit tests. */
export function testScene(key: string, overrides: Partial<SceneView> = {}): SceneView {
  return {
    key,
    title: `Hall ${key}`,
    description: null,
    startView: { yaw: 0, pitch: 0 },
    base: { url: `/media/${key}/base.jpg`, width: 1024, height: 512, bytes: 40_000 },
    tiles: {
      width: 4096,
      height: 2048,
      tileSize: 512,
      levels: [
        { width: 2048, height: 1024, cols: 4, rows: 2 },
        { width: 4096, height: 2048, cols: 8, rows: 4 }
      ],
      urlPattern: `/media/${key}/tiles/{level}/{col}_{row}.jpg`
    },
    preview: {
      width: 2,
      height: 1,
      sources: [],
      src: '',
      srcset: '',
      placeholder: null,
      position: null
    },
    alt: '',
    plan: null,
    narration: null,
    hotspots: [],
    ...overrides
  };
}

/** A hotspot leading to another scene. */
export function doorTo(sceneKey: string): SceneView['hotspots'][number] {
  return {
    key: `to-${sceneKey}`,
    position: { yaw: 10, pitch: 0 },
    label: sceneKey,
    target: { kind: 'scene', sceneKey, title: `Hall ${sceneKey}` }
  };
}

export function testTour(scenes: SceneView[], overrides: Partial<TourView> = {}): TourView {
  return {
    id: 1,
    slug: 'plant',
    museum: { slug: 'industrial-heritage', name: 'Museum' },
    title: 'The plant',
    summary: null,
    floorPlan: null,
    scenes,
    startScene: scenes[0]?.key ?? '',
    route: [],
    videos: [],
    ...overrides
  };
}
