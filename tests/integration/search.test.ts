import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { SearchRepository } from '$lib/server/search/repository';
import { SearchIndex } from '$lib/server/search/index';
import { SearchService } from '$lib/server/search/service';
import { MuseumSearchFeed } from '$lib/server/search/museums';
import type { SearchDocument, SearchQuery, SearchResult } from '$lib/server/search/types';
import { exhibitCategories, exhibitMaterials } from '$lib/shared/exhibit';
import { placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newMuseum, testPlaces } from './factories';

/**
 * One corpus on both dialects: every query runs on SQLite and on PostgreSQL and must give the
 * same hits in the same order, the same facets and the same cursors.
 */
interface Setup {
  test: TestDatabase;
  repository: SearchRepository;
  index: SearchIndex;
  service: SearchService;
  feed: MuseumSearchFeed;
  museums: Record<string, number>;
}

const setups: Setup[] = [];

const exhibitTitles = [
  ['Ложка резная', 'Carved spoon'],
  ['Фотография здания музея', 'Photograph of the museum building'],
  ['Ёлочная игрушка «Шар»', 'Christmas tree bauble'],
  ['Нож охотничий', 'Hunting knife'],
  ['Документ о музеях края', 'A document about the museums of the region'],
  ['Нанайский халат', 'Nanai robe'],
  ['Музыкальная шкатулка', 'Music box'],
  ['Карта Амура', 'Map of the Amur'],
  ['Лодка-оморочка', 'Birch-bark boat'],
  ['Орудия рыболовства', 'Fishing tools']
];

function exhibit(n: number, museumId: number, slug: string): SearchDocument {
  const [ru, en] = exhibitTitles[n % exhibitTitles.length] ?? ['', ''];
  const yearFrom = 1750 + ((n * 37) % 270);
  return {
    kind: 'exhibit',
    refId: n,
    museumId,
    path: `/museums/${slug}/exhibits/${n}`,
    title: { ru: `${ru} № ${n}`, en: n % 3 === 0 ? '' : `${en} No. ${n}` },
    summary: { ru: `КП-${1000 + n}/${n % 7}`, en: '' },
    body: {
      ru: `Предмет из собрания музея. ${n % 4 === 0 ? 'Хранился в музеях Хабаровска.' : 'Передан в дар.'}`,
      en: n % 2 ? 'An object of the museum collection.' : ''
    },
    imageAssetId: n % 5 === 0 ? null : 1000 + n,
    exhibit: {
      collectionId: (n % 4) + 1,
      category: exhibitCategories[n % exhibitCategories.length] ?? 'other',
      material: n % 6 === 0 ? null : (exhibitMaterials[n % exhibitMaterials.length] ?? null),
      yearFrom,
      yearTo: n % 2 ? yearFrom + 10 : null
    },
    date: `2026-0${1 + (n % 9)}-1${n % 10}`
  };
}

async function both(query: Partial<SearchQuery>): Promise<SearchResult> {
  const full: SearchQuery = { q: '', locale: 'ru', sort: 'relevance', limit: 20, ...query };
  const results = await Promise.all(setups.map((s) => s.service.find(full)));
  expect(results[1], `the same answer on ${dialects.join(' and ')}`).toEqual(results[0]);
  return results[0] as SearchResult;
}

const titles = (r: SearchResult) => r.hits.map((h) => h.title);
const refs = (r: SearchResult) => r.hits.map((h) => `${h.kind}:${h.refId}`);

/** Every page of a query, following `next`. */
async function walk(query: Partial<SearchQuery>): Promise<string[]> {
  const seen: string[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await both({ ...query, after });
    seen.push(...refs(result));
    if (!result.next) return seen;
    after = result.next;
  }
  throw new Error('paging does not end');
}

describe('search on SQLite and PostgreSQL', () => {
  beforeAll(async () => {
    for (const dialect of dialects) {
      const test = await freshDatabase(dialect);
      const museumRepository = new MuseumRepository(test.database.db);
      await museumRepository.upsertPlaces(placeInput.parse(testPlaces));
      const catalogue = new MuseumCatalogue(museumRepository);
      const museums: Record<string, number> = {};
      for (const input of [
        newMuseum({
          slug: 'grodekov',
          name: { ru: 'Гродековский музей', en: 'Grodekov Museum' },
          about: { ru: '<p>Старейший музей края &amp; его собрания</p>', en: '<p>The oldest</p>' }
        }),
        newMuseum({
          slug: 'amursk',
          name: { ru: 'Амурский музей краеведения', en: 'Amursk Museum of Local Lore' }
        }),
        newMuseum({
          slug: 'music',
          name: { ru: 'Дом музыки', en: 'House of Music' },
          profile: 'fine_arts'
        })
      ]) {
        const saved = await catalogue.create(input);
        if (!saved.ok) throw new Error(`museum not saved: ${JSON.stringify(saved)}`);
        museums[input.slug] = saved.id;
      }
      const repository = new SearchRepository(test.database.db, dialect);
      const index = new SearchIndex(repository);
      const feed = new MuseumSearchFeed(repository, index);
      expect(await feed.fillIfEmpty()).toBe(true);
      expect(await feed.fillIfEmpty()).toBe(false);
      const slugs = ['grodekov', 'amursk'] as const;
      await index.put(
        Array.from({ length: 60 }, (_, i) => {
          const slug = slugs[i % 2] ?? 'grodekov';
          return exhibit(i + 1, museums[slug] ?? 0, slug);
        })
      );
      setups.push({
        test,
        repository,
        index,
        service: new SearchService(repository),
        feed,
        museums
      });
    }
  });

  afterAll(async () => {
    for (const s of setups) await s.test.dispose();
  });

  it('finds every form of «музей» and not «музыка»', async () => {
    for (const q of ['музей', 'музея', 'музеями', 'МУЗЕЕВ']) {
      const result = await both({ q, kinds: ['museum'] });
      // Both have the word in the title: in the order they were indexed (Grodekov was first).
      expect(titles(result), q).toEqual(['Гродековский музей', 'Амурский музей краеведения']);
    }
    const music = await both({ q: 'музыка' });
    expect(titles(music)).toContain('Дом музыки');
    expect(music.hits.every((h) => !h.title.includes('музей'))).toBe(true);
  });

  it('ranks a title match first, then the rest, each in the order of the index', async () => {
    const result = await both({ q: 'музеями', limit: 100 });
    const firstBodyOnly = result.hits.findIndex((h) => !/муз(е|ея)/i.test(h.title));
    expect(firstBodyOnly).toBeGreaterThan(0);
    expect(result.hits.slice(firstBodyOnly).every((h) => !/музе/i.test(h.title))).toBe(true);
    // Museums were indexed first, then the exhibits in the order of n.
    expect(titles(result).slice(0, 2)).toEqual([
      'Гродековский музей',
      'Амурский музей краеведения'
    ]);
    const exhibitsInTitle = result.hits
      .slice(0, firstBodyOnly)
      .filter((h) => h.kind === 'exhibit')
      .map((h) => h.refId);
    expect(exhibitsInTitle.length).toBeGreaterThan(1);
    expect(exhibitsInTitle).toEqual([...exhibitsInTitle].sort((a, b) => a - b));
  });

  it('pages a filtered relevance search across its two tiers, each entry once', async () => {
    const query = { q: 'музей', categories: [exhibitCategories[1] ?? 'other'] };
    const whole = refs(await both({ ...query, limit: 100 }));
    expect(whole.length).toBeGreaterThan(3);
    expect(await walk({ ...query, limit: 2 })).toEqual(whole);
  });

  it('reads ё as е both ways', async () => {
    const a = await both({ q: 'елочная' });
    const b = await both({ q: 'ёлочную' });
    expect(a.total).toBe(6);
    expect(refs(b)).toEqual(refs(a));
  });

  it('finds English words in their other forms', async () => {
    const result = await both({ q: 'museums', locale: 'en', kinds: ['museum'] });
    expect(titles(result)).toEqual(['Grodekov Museum', 'Amursk Museum of Local Lore']);
    // "Fishing tools" is the title of n = 9, 19 …, untranslated where n is divisible by 3.
    const tools = await both({ q: 'tool', locale: 'en' });
    expect(refs(tools)).toEqual(['exhibit:19', 'exhibit:29', 'exhibit:49', 'exhibit:59']);
  });

  it('finds an inventory number as it is written', async () => {
    const result = await both({ q: 'КП-1012/5' });
    expect(refs(result)).toEqual(['exhibit:12']);
    expect(result.hits[0]?.snippet).toBe('<mark>КП</mark>-<mark>1012</mark>/<mark>5</mark>');
  });

  it('marks the matched words of the snippet and shows an untranslated title as Russian', async () => {
    const result = await both({ q: 'хранился Хабаровске', locale: 'en' });
    expect(result.total).toBe(15);
    const hit = result.hits.find((h) => h.refId === 12);
    expect(hit?.snippet).toBe(
      'Предмет из собрания музея. <mark>Хранился</mark> в музеях <mark>Хабаровска</mark>.'
    );
    expect(hit?.titleLang).toBe('ru');
    expect(hit?.museum?.name).toBe('Amursk Museum of Local Lore');
  });

  it('marks the matched words of the title too, and escapes the rest', async () => {
    for (const s of setups)
      await s.index.put([
        {
          ...exhibit(950, s.museums.grodekov ?? 0, 'grodekov'),
          title: { ru: 'Самовар «Тула» <медный> & кран', en: '' }
        }
      ]);
    const result = await both({ q: 'самоварами', kinds: ['exhibit'] });
    expect(result.hits.find((h) => h.refId === 950)?.titleHtml).toBe(
      '<mark>Самовар</mark> «Тула» &lt;медный&gt; &amp; кран'
    );
    for (const s of setups) await s.index.remove('exhibit', 950);
  });

  it('needs every word of the query', async () => {
    expect((await both({ q: 'ложка нож' })).total).toBe(0);
    expect((await both({ q: 'ложка резная' })).total).toBe(6);
  });

  it('narrows by facets and counts them', async () => {
    const all = await both({ kinds: ['exhibit'], limit: 1 });
    expect(all.total).toBe(60);
    expect(all.facets.kind).toEqual([{ value: 'exhibit', count: 60 }]);
    expect(all.facets.museum.map((m) => [m.value, m.count])).toEqual([
      ['amursk', 30],
      ['grodekov', 30]
    ]);
    expect(all.facets.hasImage).toBe(48);
    expect(all.facets.category.reduce((n, c) => n + c.count, 0)).toBe(60);
    const narrowed = await both({
      museums: ['grodekov'],
      categories: ['ethnography', 'documents'],
      hasImage: true,
      limit: 100
    });
    // Grodekov has the odd n.
    const expected = Array.from({ length: 60 }, (_, i) => exhibit(i + 1, 0, 'x'))
      .filter(
        (d) =>
          d.refId % 2 === 1 &&
          ['ethnography', 'documents'].includes(d.exhibit?.category ?? '') &&
          d.imageAssetId != null
      )
      .map((d) => `exhibit:${d.refId}`);
    expect(expected.length).toBeGreaterThan(1);
    expect(refs(narrowed).sort()).toEqual(expected.sort());
    const byId = await both({ museums: [setups[0]?.museums.grodekov ?? 0], kinds: ['exhibit'] });
    expect(byId.total).toBe(30);
    expect((await both({ museums: ['nowhere'] })).total).toBe(0);
    const materials = await both({ materials: ['metal'], collections: [2] });
    // Metal where n % 14 = 1, collection 2 where n % 4 = 1.
    expect(refs(materials).sort()).toEqual(['exhibit:1', 'exhibit:29', 'exhibit:57']);
  });

  it('finds objects whose dating overlaps a period, and counts centuries', async () => {
    const result = await both({ yearFrom: 1801, yearTo: 1900, limit: 100 });
    expect(result.total).toBeGreaterThan(0);
    for (const ref of refs(result)) {
      const n = Number(ref.split(':')[1]);
      const from = 1750 + ((n * 37) % 270);
      const to = n % 2 ? from + 10 : from;
      expect(to >= 1801 && from <= 1900, ref).toBe(true);
    }
    const all = await both({ kinds: ['exhibit'] });
    expect(all.facets.period.map((p) => p.value)).toEqual([18, 19, 20, 21]);
    expect(result.total).toBe(all.facets.period.find((p) => p.value === 19)?.count);
  });

  it.each(['relevance', 'title', 'year', 'newest'] as const)(
    'pages through everything sorted by %s, each entry once',
    async (sort) => {
      const whole = refs(await both({ sort, limit: 100 }));
      expect(whole).toHaveLength(63);
      expect(await walk({ sort, limit: 7 })).toEqual(whole);
      const found = refs(await both({ q: 'музей', sort, limit: 100 }));
      expect(await walk({ q: 'музей', sort, limit: 4 })).toEqual(found);
    }
  );

  it('sorts browse by title, year and newest', async () => {
    const byTitle = await both({ sort: 'title', kinds: ['museum'] });
    expect(titles(byTitle)).toEqual([
      'Амурский музей краеведения',
      'Гродековский музей',
      'Дом музыки'
    ]);
    // Exhibits were written in the order of n, so their ids follow it.
    const corpus = Array.from({ length: 60 }, (_, i) => exhibit(i + 1, 0, 'x'));
    const byYear = await both({ sort: 'year', kinds: ['exhibit'], limit: 5 });
    const year = (d: SearchDocument) => d.exhibit?.yearFrom ?? 0;
    expect(refs(byYear)).toEqual(
      corpus
        .sort((a, b) => year(a) - year(b) || a.refId - b.refId)
        .slice(0, 5)
        .map((d) => `exhibit:${d.refId}`)
    );
    const newest = await both({ sort: 'newest', kinds: ['exhibit'], limit: 5 });
    const date = (d: SearchDocument) => d.date ?? '';
    expect(refs(newest)).toEqual(
      corpus
        .sort((a, b) => date(b).localeCompare(date(a)) || b.refId - a.refId)
        .slice(0, 5)
        .map((d) => `exhibit:${d.refId}`)
    );
  });

  it('counts facets on the first page and carries the total to the next ones', async () => {
    const first = await both({ kinds: ['exhibit'], limit: 10 });
    expect(first.facetsCounted).toBe(true);
    const second = await both({ kinds: ['exhibit'], limit: 10, after: first.next ?? '' });
    expect(second.facetsCounted).toBe(false);
    expect(second.total).toBe(60);
    expect(second.facets.category).toEqual([]);
    expect(second.hits).toHaveLength(10);
  });

  it('starts from the beginning with a cursor that is broken or of another sort', async () => {
    const first = await both({ sort: 'title' });
    for (const after of ['garbage', 'e30', Buffer.from('["year",1,2]').toString('base64url')]) {
      expect(refs(await both({ sort: 'title', after }))).toEqual(refs(first));
    }
  });

  it('answers strange queries sanely', async () => {
    for (const q of ['?!…', '""', 'и в на', '   ']) {
      const result = await both({ q });
      if (q.trim()) expect(result.total, q).toBe(0);
    }
    for (const q of [
      'музей OR NEAR(a b) title: "x" *',
      "музей' & | ! :* (",
      'ложка'.repeat(2000),
      `музей ${'x'.repeat(10_000)}`,
      '满洲 музей'
    ]) {
      await expect(both({ q })).resolves.toBeDefined();
    }
    // Query syntax of either database is only words here: "OR" is dropped, NEAR is a word.
    expect((await both({ q: 'музей OR ложка' })).total).toBe(6);
    expect((await both({ q: 'музей NEAR ложка' })).total).toBe(0);
  });

  it('replaces an entry put again and forgets a removed one', async () => {
    for (const s of setups) {
      await s.index.put([
        { ...exhibit(1, s.museums.grodekov ?? 0, 'grodekov'), title: { ru: 'Самовар', en: '' } }
      ]);
    }
    expect(refs(await both({ q: 'самовар' }))).toEqual(['exhibit:1']);
    expect(refs(await both({ q: 'ложка резная', limit: 100 }))).not.toContain('exhibit:1');
    for (const s of setups) await s.index.remove('exhibit', 1);
    expect((await both({ q: 'самовар' })).total).toBe(0);
  });

  it('takes a museum out when it is no longer published, and its entries when it is deleted', async () => {
    for (const s of setups) {
      await s.test.database.db
        .updateTable('museums')
        .set({ publication: 'draft' })
        .where('slug', '=', 'music')
        .execute();
      await s.feed.refresh(s.museums.music ?? 0);
    }
    expect((await both({ q: 'музыки', kinds: ['museum'] })).total).toBe(0);
    for (const s of setups) {
      await s.test.database.db.deleteFrom('museums').where('slug', '=', 'amursk').execute();
    }
    const left = await both({ q: 'музей', museums: [setups[0]?.museums.amursk ?? 0] });
    expect(left.total).toBe(0);
    // No terms are left behind for a deleted entry (SQLite's FTS table is kept by a trigger).
    const sqlite = setups.find((s) => s.test.database.dialect === 'sqlite');
    if (sqlite) {
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM search_terms`.execute(
        sqlite.test.database.db
      );
      expect(Number(rows[0]?.n)).toBe(await sqlite.index.count());
    }
  });

  it('counts objects by collection, named in the page’s language', async () => {
    for (const s of setups) {
      const museumId = s.museums.grodekov ?? 0;
      const collection = await s.test.database.db
        .insertInto('collections')
        .values({ museum_id: museumId, slug: 'boats', title_ru: 'Лодки', title_en: 'Boats' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const docs = [901, 902, 903].map((n) => {
        const doc = exhibit(n, museumId, 'grodekov');
        return { ...doc, exhibit: { ...doc.exhibit!, collectionId: collection.id } };
      });
      await s.index.put(docs);
      const found = await s.service.find({
        q: '',
        locale: 'en',
        kinds: ['exhibit'],
        museums: ['grodekov'],
        collections: [collection.id],
        sort: 'title',
        limit: 10
      });
      expect(found.hits.map((h) => h.refId).sort()).toEqual([901, 902, 903]);
      expect(found.facets.collection).toEqual([{ value: collection.id, count: 3, name: 'Boats' }]);
      for (const n of [901, 902, 903]) await s.index.remove('exhibit', n);
    }
  });
});
