import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, exhibitJson, parseListQuery } from './json-api';
import { openExhibit, testUrls } from './test-exhibits';

const parse = (query: string) => parseListQuery(new URLSearchParams(query));

describe('parseListQuery', () => {
  it('reads the filters, a cursor and the page size', () => {
    const after = encodeCursor({ at: '2026-11-20T09:30:15.250Z', id: 42 });
    expect(
      parse(
        `museum=amur-museum&collection=weapons&category=weapons&material=metal&yearFrom=-300&yearTo=1900&hasImage=true&limit=100&after=${after}`
      )
    ).toEqual({
      ok: true,
      filter: {
        museumSlug: 'amur-museum',
        collection: 'weapons',
        category: 'weapons',
        material: 'metal',
        yearFrom: -300,
        yearTo: 1900,
        hasImage: true
      },
      after,
      limit: 100
    });
    expect(parse('')).toMatchObject({ ok: true, after: undefined, limit: 20 });
    // With words to find, the cursor is the site search's own.
    expect(parse('q=%20сабля%20&after=search-cursor')).toMatchObject({
      ok: true,
      q: 'сабля',
      after: 'search-cursor'
    });
  });

  it('names the parameter that is wrong', () => {
    const wrong = (query: string) => {
      const result = parse(query);
      return result.ok ? null : result.error.parameter;
    };
    expect(wrong('limit=101')).toBe('limit');
    expect(wrong('limit=0')).toBe('limit');
    expect(wrong('category=spoons')).toBe('category');
    expect(wrong('museum=Amur%20Museum')).toBe('museum');
    expect(wrong('collection=weapons')).toBe('collection');
    expect(wrong('yearFrom=soon')).toBe('yearFrom');
    expect(wrong('hasImage=yes')).toBe('hasImage');
    expect(wrong('after=garbage')).toBe('after');
    expect(wrong('categroy=weapons')).toBe('categroy');
    expect(wrong('museum=a&museum=b')).toBe('museum');
  });
});

describe('cursors', () => {
  it('go there and back, and nothing else passes for one', () => {
    const cursor = { at: '2026-11-20T09:30:15.250Z', id: 42 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(Buffer.from('yesterday|1').toString('base64url'))).toBeNull();
    expect(
      decodeCursor(Buffer.from('2026-11-20T09:30:15.250Z|-1').toString('base64url'))
    ).toBeNull();
  });
});

describe('exhibitJson', () => {
  it('gives the published fields in both languages with absolute links', () => {
    const json = exhibitJson(openExhibit(), testUrls);
    expect(json).toMatchObject({
      id: 42,
      url: { en: 'https://kraeved.example/en/museums/amur-museum/exhibits/42' },
      iiifManifest: 'https://kraeved.example/iiif/3/manifests/exhibits/42',
      demo: false,
      inventoryNumber: 'КП-1204/3',
      title: { ru: 'Сабля казачья «Златоуст»', en: 'Cossack sabre' },
      provenance: null,
      rights: { statement: 'cc-by', uri: 'http://creativecommons.org/licenses/by/4.0/' },
      collection: {
        iiifCollection: 'https://kraeved.example/iiif/3/collections/amur-museum/weapons'
      }
    });
    expect(json.images[0]).toMatchObject({
      url: 'https://kraeved.example/media/m/7/w1920.jpg',
      iiifService: 'https://kraeved.example/iiif/3/7',
      caption: null
    });
  });
});
