import { afterEach, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { SearchRepository } from '$lib/server/search/repository';
import { SearchIndex } from '$lib/server/search/index';
import { SearchService } from '$lib/server/search/service';
import { MuseumSearchFeed } from '$lib/server/search/museums';
import { dialectTypes } from '$lib/server/db/migrations/types';
import { up as searchReindex } from '$lib/server/db/migrations/2026-11-23T0600-search-reindex';
import type { SearchDocument } from '$lib/server/search/types';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { placeInput } from '$lib/shared/association';
import { newMuseum, testPlaces } from './factories';

/**
 * The migration that empties the search index for the analyzer's new terms: nothing of the old
 * index is left to be found, and the start-up fill brings it back without staff action.
 */
describe.each(dialects)('search index emptied by a migration on %s', (dialect) => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.dispose();
  });

  it('forgets the old terms and is filled again on the next start', async () => {
    test = await freshDatabase(dialect);
    const { db } = test.database;
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const saved = await catalogue.create(
      newMuseum({ slug: 'stanok', name: { ru: 'Музей станка', en: 'Machine Tool Museum' } })
    );
    if (!saved.ok) throw new Error('museum not saved');
    const repository = new SearchRepository(db, dialect);
    const index = new SearchIndex(repository);
    const service = new SearchService(repository);
    const feed = new MuseumSearchFeed(repository, index);
    const exhibit: SearchDocument = {
      kind: 'exhibit',
      refId: 7,
      museumId: saved.id,
      path: '/museums/stanok/exhibits/7',
      title: { ru: 'Токарный станок', en: '' },
      summary: { ru: '', en: '' },
      body: { ru: 'Станок с завода «Дальдизель».', en: '' },
      imageAssetId: null
    };
    expect(await feed.fillIfEmpty()).toBe(true);
    await index.put([exhibit]);
    const find = async (q: string) =>
      (await service.find({ q, locale: 'ru', sort: 'relevance', limit: 20 })).hits.map(
        (h) => `${h.kind}:${h.refId}`
      );
    expect(await find('станками')).toEqual(['museum:' + saved.id, 'exhibit:7']);

    await searchReindex(db as never, dialectTypes(dialect));
    expect(await index.count()).toBe(0);
    expect(await find('станок')).toEqual([]);

    // What the start does with an empty index (src/lib/server/app.ts), museums here.
    expect(await feed.fillIfEmpty()).toBe(true);
    await index.put([exhibit]);
    expect(await find('станок')).toEqual(['museum:' + saved.id, 'exhibit:7']);
    expect(await find('рынок')).toEqual([]);
  });
});
