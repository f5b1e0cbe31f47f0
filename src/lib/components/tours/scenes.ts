import type { Angle, SceneView, TourView } from '$lib/shared/tour';

/** The scene a `?scene=` asks for, or the tour's start when the key is missing or unknown. */
export function sceneOf(tour: TourView, key: string | null): SceneView | undefined {
  return (
    tour.scenes.find((scene) => scene.key === key) ??
    tour.scenes.find((scene) => scene.key === tour.startScene) ??
    tour.scenes[0]
  );
}

/** `?yaw=..&pitch=..` from a shared link; null unless both are numbers in range. */
export function viewFromQuery(params: URLSearchParams): Angle | null {
  const yaw = Number(params.get('yaw') ?? NaN);
  const pitch = Number(params.get('pitch') ?? NaN);
  if (!Number.isFinite(yaw) || !Number.isFinite(pitch)) return null;
  if (Math.abs(yaw) > 180 || Math.abs(pitch) > 90) return null;
  return { yaw, pitch };
}

/** The query of a link to a scene, and to where the visitor looks in it when given. */
export function sceneQuery(key: string, view: Angle | null = null): string {
  const params = new URLSearchParams({ scene: key });
  if (view) {
    params.set('yaw', String(view.yaw));
    params.set('pitch', String(view.pitch));
  }
  return `?${params}`;
}

/** Where the scene stands on the excursion route, with the stops before and after it. */
export function routeStop(tour: TourView, key: string) {
  const index = tour.route.indexOf(key);
  if (index < 0) return null;
  const titled = (at: number) => {
    const sceneKey = tour.route[at];
    const scene = tour.scenes.find((s) => s.key === sceneKey);
    return scene ? { key: scene.key, title: scene.title } : null;
  };
  return {
    number: index + 1,
    total: tour.route.length,
    previous: index > 0 ? titled(index - 1) : null,
    next: index < tour.route.length - 1 ? titled(index + 1) : null
  };
}

/** Base images of the scenes this one links to (its hotspots and the next stop), to load ahead. */
export function linkedBases(tour: TourView, scene: SceneView): string[] {
  const keys = new Set(
    scene.hotspots.flatMap((h) => (h.target.kind === 'scene' ? [h.target.sceneKey] : []))
  );
  const next = routeStop(tour, scene.key)?.next;
  if (next) keys.add(next.key);
  keys.delete(scene.key);
  return tour.scenes.filter((s) => keys.has(s.key)).map((s) => s.base.url);
}
