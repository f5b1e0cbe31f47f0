import type { TourView } from '$lib/shared/tour';
import { tilesPanorama } from './panorama';
import { sceneQuery } from './scenes';

/** One cache per saved tour, so removing one leaves the others. The service worker reads them all. */
export const offlineCachePrefix = 'kraeved-tour-';

export function offlineCacheName(tour: Pick<TourView, 'museum' | 'slug'>): string {
  return `${offlineCachePrefix}${tour.museum.slug}/${tour.slug}`;
}

/**
 * What a saved tour needs with the network off, page last (its presence means "saved"): the
 * page's own scripts and styles, every scene's page, base image, first tile level and narration.
 * Full tile levels, photos and videos stay online: a phone's storage is not ours to fill.
 */
export function offlineFiles(tour: TourView, pagePath: string, appFiles: string[]): string[] {
  const media = tour.scenes.flatMap((scene) => {
    const panorama = tilesPanorama(scene);
    const first = panorama.levels[0];
    const tiles: string[] = [];
    if (first) {
      for (let col = 0; col < first.cols; col++) {
        for (let row = 0; row < first.rows; row++) tiles.push(panorama.tileUrl(col, row, 0));
      }
    }
    return [scene.base.url, ...tiles, ...(scene.narration ? [scene.narration.url] : [])];
  });
  const pages = tour.scenes.map((scene) => pagePath + sceneQuery(scene.key));
  return [...new Set([...appFiles, ...media, ...pages, pagePath])];
}
