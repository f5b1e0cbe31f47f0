import type { Angle, TileSetView } from '$lib/shared/tour';

/** What the viewer needs of a scene: the base image shown first, then the tiles. */
export interface PanoramaScene {
  key: string;
  base: { url: string; width: number; height: number };
  tiles: TileSetView;
  startView: Angle;
}

/** A point on the panorama; a visitor's HotspotView is one, so is a hotspot being edited. */
export interface PanoramaMarker {
  key: string;
  position: Angle;
  label: string;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const round1 = (value: number) => Math.round(value * 10) / 10;

/** Degrees as in TourView → the radians Photo Sphere Viewer takes. */
export function toViewer(angle: Angle): { yaw: number; pitch: number } {
  return { yaw: toRadians(angle.yaw), pitch: toRadians(angle.pitch) };
}

/** The viewer's radians (yaw 0…2π) → degrees as TourView has them, yaw −180…180, 0.1° steps. */
export function fromViewer(position: { yaw: number; pitch: number }): Angle {
  let yaw = ((position.yaw * 180) / Math.PI) % 360;
  if (yaw > 180) yaw -= 360;
  if (yaw <= -180) yaw += 360;
  const pitch = Math.max(-90, Math.min(90, (position.pitch * 180) / Math.PI));
  return { yaw: round1(yaw) || 0, pitch: round1(pitch) || 0 };
}

/** Equal to the 0.1° the viewer reports; `view` comes back from Svelte as a new object. */
export function sameAngle(a: Angle | undefined, b: Angle | undefined): boolean {
  if (!a || !b) return a === b;
  return Math.abs(a.yaw - b.yaw) < 0.05 && Math.abs(a.pitch - b.pitch) < 0.05;
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

/**
 * The equirectangular tiles adapter's panorama: the base image first, then the levels. The
 * adapter takes only levels of 2ⁿ columns and rows (64 × 32 at most); a panorama too small for
 * any (narrower than 2048 px, cut into 3 × 2 tiles, say) is shown as its base image alone, as a
 * level of one tile.
 */
export function tilesPanorama(scene: PanoramaScene) {
  const { tiles, base } = scene;
  const levels = tiles.levels
    .map((level, index) => ({ ...level, index }))
    .filter(
      (level) =>
        isPowerOfTwo(level.cols) && isPowerOfTwo(level.rows) && level.cols <= 64 && level.rows <= 32
    );
  if (levels.length === 0) {
    return {
      baseUrl: base.url,
      levels: [{ width: base.width, cols: 1, rows: 1 }],
      tileUrl: () => base.url
    };
  }
  return {
    baseUrl: base.url,
    levels: levels.map(({ width, cols, rows }) => ({ width, cols, rows })),
    tileUrl: (col: number, row: number, level: number) =>
      tiles.urlPattern
        .replace('{level}', String(levels[level]?.index ?? level))
        .replace('{col}', String(col))
        .replace('{row}', String(row))
  };
}

/** Whether this browser can draw the panorama; without WebGL 2 the flat image stays. */
export function canShowPanorama(): boolean {
  try {
    return !!document.createElement('canvas').getContext('webgl2');
  } catch {
    return false;
  }
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
