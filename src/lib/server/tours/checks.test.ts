import { describe, expect, it } from 'vitest';
import type { Asset } from '../media/repository';
import { checkTour, plainText } from './checks';
import { embedUrlOf, tileUrlPattern } from './directory';
import { mediaUrls } from '../media/responsive';

const panorama = (id: number, status: Asset['status'] = 'ready'): Asset => ({
  id,
  museumId: 1,
  kind: 'panorama',
  status,
  fileName: `p${id}.jpg`,
  mime: 'image/jpeg',
  bytes: 1,
  originalKey: 'k',
  width: 4096,
  height: 2048,
  alt: { ru: '', en: '' },
  caption: { ru: '', en: '' },
  credit: '',
  licence: '',
  focal: null,
  rendition: null,
  tiles: null,
  deepZoom: null,
  error: null,
  createdAt: '',
  updatedAt: ''
});

const title = { ru: 'Зал', en: 'Hall' };

describe('checkTour', () => {
  it('refuses a tour with no scenes for visitors, with a message in both languages', () => {
    const result = checkTour({ slug: 't', title }, new Map(), true);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.field).toBe('scenes');
      expect(result.errors[0]!.message.en).toMatch(/no scenes/);
    }
  });

  it('lets a draft have no scenes', () => {
    expect(checkTour({ slug: 't', title }, new Map(), false).ok).toBe(true);
  });

  it('says a panorama that is still being tiled is not ready yet', () => {
    const result = checkTour(
      { slug: 't', title, scenes: [{ key: 's1', assetId: 7, title }] },
      new Map([[7, panorama(7, 'processing')]]),
      false
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message.ru).toMatch(/ещё обрабатывается/);
  });

  it('refuses duplicate scene keys', () => {
    const scene = { key: 's1', assetId: 7, title };
    const result = checkTour(
      { slug: 't', title, scenes: [scene, scene] },
      new Map([[7, panorama(7)]]),
      false
    );
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['scenes.1.key']);
  });

  it('refuses a label that is nothing but markup once the tags are stripped', () => {
    const result = checkTour(
      {
        slug: 't',
        title,
        scenes: [
          {
            key: 's1',
            assetId: 7,
            title,
            hotspots: [
              {
                key: 'h1',
                position: { yaw: 0, pitch: 0 },
                label: { ru: '<script>alert(1)</script>', en: 'Ok' },
                target: { kind: 'text', body: title }
              }
            ]
          }
        ]
      },
      new Map([[7, panorama(7)]]),
      false
    );
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual([
      'scenes.0.hotspots.0.label.ru'
    ]);
  });
});

describe('plainText', () => {
  it('keeps the words and drops every tag', () => {
    expect(plainText('<img src=x onerror=alert(1)><b>Станок</b>')).toBe('Станок');
  });
});

describe('tileUrlPattern', () => {
  it('keeps the placeholders for the viewer and escapes the rest', () => {
    expect(tileUrlPattern(mediaUrls('/media'), 'm/1/a b/{level}/{col}_{row}.jpg')).toBe(
      '/media/m/1/a%20b/{level}/{col}_{row}.jpg'
    );
  });
});

describe('embedUrlOf', () => {
  it('plays YouTube from its no-cookie domain, and RuTube and VK from their players', () => {
    expect(embedUrlOf('https://www.youtube.com/watch?v=abc123')).toBe(
      'https://www.youtube-nocookie.com/embed/abc123'
    );
    expect(embedUrlOf('https://rutube.ru/video/0123abcd/')).toBe(
      'https://rutube.ru/play/embed/0123abcd'
    );
    expect(embedUrlOf('https://vkvideo.ru/video-123_456')).toBe(
      'https://vkvideo.ru/video_ext.php?oid=-123&id=456'
    );
  });
});
