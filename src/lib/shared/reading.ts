/**
 * The version for the visually impaired (GOST R 52872): font size in three steps, three colour
 * schemes, images on or off, wider spacing. Kept in one cookie so it works without JavaScript.
 */
export interface ReadingSettings {
  enabled: boolean;
  size: 1 | 2 | 3;
  scheme: 'black-on-white' | 'white-on-black' | 'blue-on-lightblue';
  images: boolean;
  spacing: 'normal' | 'wide';
}

export const readingCookie = 'reading';
export const schemes = ['black-on-white', 'white-on-black', 'blue-on-lightblue'] as const;

export const defaultReading: ReadingSettings = {
  enabled: false,
  size: 1,
  scheme: 'black-on-white',
  images: true,
  spacing: 'normal'
};

/** Parses the cookie (or a submitted form); unknown values fall back to the defaults. */
export function parseReading(get: (name: string) => string | null | undefined): ReadingSettings {
  const size = Number(get('size'));
  const scheme = get('scheme');
  return {
    enabled: get('enabled') === '1',
    size: size === 2 || size === 3 ? size : 1,
    scheme: schemes.find((s) => s === scheme) ?? defaultReading.scheme,
    images: get('images') !== '0',
    spacing: get('spacing') === 'wide' ? 'wide' : 'normal'
  };
}

export function serializeReading(r: ReadingSettings): string {
  return new URLSearchParams({
    enabled: r.enabled ? '1' : '0',
    size: String(r.size),
    scheme: r.scheme,
    images: r.images ? '1' : '0',
    spacing: r.spacing
  }).toString();
}

/** Classes on <html> that the stylesheet turns into the chosen reading mode. */
export function readingClasses(r: ReadingSettings): string {
  if (!r.enabled) return '';
  return [
    'reading',
    `reading-size-${r.size}`,
    `reading-${r.scheme}`,
    r.images ? '' : 'reading-no-images',
    r.spacing === 'wide' ? 'reading-wide' : ''
  ]
    .filter(Boolean)
    .join(' ');
}
