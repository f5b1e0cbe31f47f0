import { describe, expect, it } from 'vitest';
import { parseSearchParams, searchHref, searchQueryOf } from './url';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));

describe('parseSearchParams', () => {
  it('reads repeated filters and keeps only known values', () => {
    const p = parse(
      'q=музей&kind=exhibit&kind=bogus&category=ethnography&category=x&material=wood&museum=grodekov&museum=Bad Slug!&period=19&image=1'
    );
    expect(p).toMatchObject({
      q: 'музей',
      kinds: ['exhibit'],
      categories: ['ethnography'],
      materials: ['wood'],
      museums: ['grodekov'],
      period: 19,
      image: true,
      sort: 'relevance',
      after: null
    });
  });

  it('reads collections as ids and writes them back', () => {
    const p = parse('kind=exhibit&collection=12&collection=x&collection=7');
    expect(p.collections).toEqual([12, 7]);
    expect(searchQueryOf(p, 'ru').collections).toEqual([12, 7]);
    expect(searchHref(p)).toBe('/search?kind=exhibit&collection=12&collection=7');
  });

  it('sorts browse by title and a search by relevance unless asked', () => {
    expect(parse('').sort).toBe('title');
    expect(parse('q=нож').sort).toBe('relevance');
    expect(parse('q=нож&sort=year').sort).toBe('year');
    expect(parse('sort=nonsense').sort).toBe('title');
  });

  it('drops a period that is no century', () => {
    expect(parse('period=abc').period).toBeNull();
    expect(parse('period=0').period).toBeNull();
    expect(parse('period=1.5').period).toBeNull();
    expect(parse('period=-2').period).toBe(-2);
  });

  it('turns a century into the years it spans', () => {
    expect(searchQueryOf(parse('period=19'), 'ru')).toMatchObject({ yearFrom: 1801, yearTo: 1900 });
    expect(searchQueryOf(parse('period=-1'), 'en')).toMatchObject({ yearFrom: -100, yearTo: -1 });
    expect(searchQueryOf(parse('image=1'), 'ru').hasImage).toBe(true);
    expect(searchQueryOf(parse(''), 'ru').hasImage).toBeUndefined();
  });

  it('writes the address back, without the default sort and the cursor', () => {
    const p = parse('q=нож&kind=exhibit&image=1&after=abc');
    expect(searchHref(p)).toBe('/search?q=%D0%BD%D0%BE%D0%B6&kind=exhibit&image=1');
    expect(searchHref(p, { after: 'xyz', sort: 'year' })).toBe(
      '/search?q=%D0%BD%D0%BE%D0%B6&kind=exhibit&image=1&sort=year&after=xyz'
    );
    expect(searchHref(parse(''))).toBe('/search');
    expect(parseSearchParams(new URL(`http://x${searchHref(p)}`).searchParams)).toEqual({
      ...p,
      after: null
    });
  });
});
