import { canShowPanorama } from './panorama';

/**
 * The panorama viewer's code: Photo Sphere Viewer with three.js, the equirectangular tiles
 * adapter, the markers plugin and their styles, ~170 KB gzipped. One load serves every caller.
 *
 * Tour pages start it from their load function, which runs in the browser before the page is
 * hydrated, so its bytes share the link with the page's own instead of waiting for the viewer to
 * mount; where WebGL 2 is missing it is never fetched.
 */
let loading: ReturnType<typeof load> | null = null;

function load() {
  return Promise.all([
    import('@photo-sphere-viewer/core'),
    import('@photo-sphere-viewer/equirectangular-tiles-adapter'),
    import('@photo-sphere-viewer/markers-plugin'),
    import('@photo-sphere-viewer/core/index.css'),
    import('@photo-sphere-viewer/markers-plugin/index.css')
  ]);
}

export function loadViewerCode() {
  loading ??= load();
  return loading;
}

/** In the browser, where the panorama can be shown: begins loading the viewer's code now. */
export function startLoadingViewerCode(): void {
  if (typeof window === 'undefined' || !canShowPanorama()) return;
  // A failure is the viewer's to report when it mounts and awaits the same promise.
  loadViewerCode().catch(() => {});
}
