import type { ImageFormat, ImageRendition } from './types';
import { thumbhashDataUrl } from './placeholder';
import type { ResponsiveImage } from '$lib/shared/media';

export type { ResponsiveImage };

const types: Record<ImageFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg'
};

/** Turns a rendition's stored keys into the URLs and srcsets a page writes. */
export function responsiveImage(
  rendition: ImageRendition,
  urlOf: (key: string) => string,
  focal: { x: number; y: number } | null = null
): ResponsiveImage {
  const srcsetOf = (format: ImageFormat) =>
    rendition.variants
      .filter((v) => v.format === format)
      .sort((a, b) => a.width - b.width)
      .map((v) => `${urlOf(v.key)} ${v.width}w`)
      .join(', ');
  const jpegs = rendition.variants
    .filter((v) => v.format === 'jpeg')
    .sort((a, b) => a.width - b.width);
  // The fallback src: a middle size, good enough for a browser that ignores srcset.
  const fallback = jpegs.find((v) => v.width >= 960) ?? jpegs[jpegs.length - 1];
  return {
    width: rendition.width,
    height: rendition.height,
    sources: (['avif', 'webp'] as const)
      .map((format) => ({ type: types[format], srcset: srcsetOf(format) }))
      .filter((source) => source.srcset),
    src: fallback ? urlOf(fallback.key) : '',
    srcset: srcsetOf('jpeg'),
    placeholder: rendition.thumbhash ? thumbhashDataUrl(rendition.thumbhash) : null,
    position: focal ? `${Math.round(focal.x * 100)}% ${Math.round(focal.y * 100)}%` : null
  };
}

/** `museums/1/media/ab/w640.webp` → `/media/museums/1/media/ab/w640.webp` (or on a CDN). */
export function mediaUrls(publicUrl: string): (key: string) => string {
  return (key) => `${publicUrl}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
