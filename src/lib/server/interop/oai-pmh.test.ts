import { describe, expect, it } from 'vitest';
import { decodeToken, encodeToken, oaiDcFields, parseUtc, setFilter } from './oai-pmh';
import { openExhibit, testUrls } from './test-exhibits';

describe('parseUtc', () => {
  it('reads a day and a second of UTC', () => {
    expect(parseUtc('2026-11-20')).toEqual({
      at: new Date('2026-11-20T00:00:00Z'),
      granularity: 'day'
    });
    expect(parseUtc('2026-11-20T09:30:15Z')?.granularity).toBe('second');
  });

  it('refuses other forms and dates that do not exist', () => {
    for (const value of [
      '2026-11-20T09:30Z',
      '2026-11-20T09:30:15',
      '2026-11-20T09:30:15.000Z',
      '2026-11-20T09:30:15+03:00',
      '2026-02-30',
      '20261120',
      '2026-13-01',
      ''
    ])
      expect(parseUtc(value), value).toBeNull();
  });
});

describe('setFilter', () => {
  it('reads museums, collections and their parents', () => {
    expect(setFilter('museum')).toEqual({});
    expect(setFilter('museum:amur-museum')).toEqual({ museumSlug: 'amur-museum' });
    expect(setFilter('collection')).toEqual({ collection: 'any' });
    expect(setFilter('collection:amur-museum')).toEqual({
      museumSlug: 'amur-museum',
      collection: 'any'
    });
    expect(setFilter('collection:amur-museum:weapons')).toEqual({
      museumSlug: 'amur-museum',
      collection: 'weapons'
    });
  });

  it('names nothing for other specs', () => {
    for (const spec of ['', 'museums', 'museum:', 'museum:Amur', 'museum:a:b', 'collection:a:b:c'])
      expect(setFilter(spec), spec).toBeNull();
  });
});

describe('resumption tokens', () => {
  const state = {
    v: 1 as const,
    verb: 'ListRecords' as const,
    set: 'museum:amur-museum',
    before: '2026-11-22T10:00:00.000Z',
    after: { at: '2026-11-20T09:30:15.250Z', id: 42 },
    cursor: 100,
    size: 250,
    expires: '2026-11-23T10:00:00.000Z'
  };

  it('carry the state of the list there and back', () => {
    const token = encodeToken(state);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeToken(token)).toEqual(state);
  });

  it('are refused when garbled', () => {
    const token = encodeToken(state);
    expect(decodeToken(token.slice(0, -5))).toBeNull();
    expect(decodeToken(`${token}!`)).toBeNull();
    expect(decodeToken('')).toBeNull();
    expect(decodeToken(Buffer.from('{"v":1}').toString('base64url'))).toBeNull();
    expect(decodeToken(encodeToken({ ...state, cursor: -1 }))).toBeNull();
  });
});

describe('oaiDcFields', () => {
  const fields = oaiDcFields(openExhibit(), testUrls);
  const values = (name: string) => fields.filter((f) => f.name === name).map((f) => f.value);

  it('gives each text in the languages it has, marked', () => {
    expect(fields.filter((f) => f.name === 'title')).toEqual([
      { name: 'title', value: 'Сабля казачья «Златоуст»', lang: 'ru' },
      { name: 'title', value: 'Cossack sabre', lang: 'en' }
    ]);
    expect(values('creator')).toEqual(['Златоустовская оружейная фабрика']);
  });

  it('names the exhibit by its page, the museum as publisher, the rights by URI', () => {
    expect(values('identifier')).toEqual([
      'https://kraeved.example/museums/amur-museum/exhibits/42',
      'КП-1204/3'
    ]);
    expect(values('publisher')).toEqual(['Амурский краеведческий музей', 'Amur Regional Museum']);
    expect(values('rights')[0]).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(values('date')).toEqual(['конец XIX в.', 'late 19th century', '1880/1899']);
    expect(values('type')).toContain('PhysicalObject');
    expect(values('subject')).toEqual(['казачество', 'оружие']);
    expect(values('language')).toEqual(['ru', 'en']);
    expect(values('relation')).toEqual(['https://kraeved.example/iiif/3/manifests/exhibits/42']);
  });

  it('says a demo object is invented', () => {
    const demo = oaiDcFields(openExhibit({ origin: 'demo' }), testUrls);
    expect(demo.some((f) => f.name === 'description' && /invented/.test(f.value))).toBe(true);
  });
});
