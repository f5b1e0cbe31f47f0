import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '$lib/server/auth/access';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { ExhibitEditor } from '$lib/server/exhibits/editor';
import { HarvestRepository } from '$lib/server/exhibits/harvest';
import { ExhibitRepository } from '$lib/server/exhibits/repository';
import { ExhibitIndexer } from '$lib/server/exhibits/indexing';
import { SearchIndex } from '$lib/server/search/index';
import { SearchRepository } from '$lib/server/search/repository';
import { SearchService } from '$lib/server/search/service';
import { OaiPmh } from '$lib/server/interop/oai-pmh';
import { OpenExhibits, OpenUrls } from '$lib/server/interop/open-exhibits';
import { JobQueue } from '$lib/server/jobs/queue';
import { JobRepository } from '$lib/server/jobs/repository';
import { MediaLibrary } from '$lib/server/media/library';
import { MediaRepository } from '$lib/server/media/repository';
import { mediaUrls } from '$lib/server/media/responsive';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { MuseumRepository } from '$lib/server/museums/repository';
import { createStorage, type Storage } from '$lib/server/storage';
import { placeInput } from '$lib/shared/association';
import type { ExhibitInput } from '$lib/shared/exhibit';
import { plainText } from '$lib/server/content/rich-text';
import { GET as getManifest } from '../../src/routes/iiif/3/manifests/exhibits/[id]/+server';
import { GET as getCollection } from '../../src/routes/iiif/3/collections/[museum]/[collection]/+server';
import { GET as getOai, POST as postOai } from '../../src/routes/oai/+server';
import { GET as getExhibits } from '../../src/routes/api/v1/exhibits/+server';
import { GET as getExhibit } from '../../src/routes/api/v1/exhibits/[id]/+server';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newMuseum, testPlaces } from './factories';

vi.setConfig({ testTimeout: 60_000 });

const origin = 'https://kraeved.example';
/** A title with markup characters, as the exhibit checks store it. */
const titleOf = (i: number) => plainText(`Предмет ${i} <&> "${i}"`);
const firstEnglish = plainText('Sabre & scabbard');
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  // Lists stay lists when they hold one item.
  isArray: (name) => ['record', 'header', 'set', 'setSpec', 'dc:title', 'error'].includes(name)
});

describe.each(dialects)('IIIF, OAI-PMH and the JSON API on %s', (dialect) => {
  let test: TestDatabase;
  let dir: string;
  let storage: Storage;
  let app: { oai: OaiPmh; openExhibits: OpenExhibits; search: SearchService };
  let editor: ExhibitEditor;
  let publishedAt = new Date('2026-11-20T10:00:00.000Z');
  let oaiNow = new Date('2026-11-22T12:00:00.000Z');
  const actor: Actor = {
    userId: 'editor',
    grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
  };
  const museums: Record<'amur' | 'zeya', number> = { amur: 0, zeya: 0 };
  /** Published exhibit ids by museum, in the order published. */
  const published: Record<'amur' | 'zeya', number[]> = { amur: [], zeya: [] };
  let weapons: number[] = [];
  let draftId = 0;
  let zoomedAsset = 0;
  let flatAsset = 0;

  /** A route handler called as SvelteKit would, with only what these handlers read. */
  function call<E>(
    handler: (event: E) => Promise<Response> | Response,
    pathname: string,
    params: Record<string, string> = {},
    init?: RequestInit
  ): Promise<Response> {
    const url = new URL(pathname, origin);
    const event = { params, url, request: new Request(url, init), locals: { app } };
    return Promise.resolve(handler(event as E));
  }

  async function oai(query: string) {
    const response = await call(getOai, `/oai?${query}`);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const text = await response.text();
    return { text, doc: xml.parse(text)['OAI-PMH'] };
  }

  async function oaiError(query: string) {
    const { doc } = await oai(query);
    return { code: doc.error?.[0]?.['@code'], request: doc.request };
  }

  /** Walks a list through all its resumption tokens; every page's doc in order. */
  async function walk(verb: 'ListRecords' | 'ListIdentifiers', query: string) {
    const pages = [];
    let { doc } = await oai(`verb=${verb}&${query}`);
    for (;;) {
      pages.push(doc);
      const token = doc[verb]?.resumptionToken;
      const value = typeof token === 'object' ? token['#text'] : token;
      if (!value) return pages;
      ({ doc } = await oai(`verb=${verb}&resumptionToken=${encodeURIComponent(value)}`));
    }
  }

  const idOf = (identifier: string) => Number(identifier.split(':').at(-1));
  const headers = (
    pages: Record<string, { header?: unknown[]; record?: { header: unknown[] }[] }>[]
  ) =>
    pages.flatMap((page) => {
      const list = page.ListRecords ?? page.ListIdentifiers;
      return (list?.record?.map((r) => r.header[0]) ?? list?.header ?? []) as {
        identifier: string;
        datestamp: string;
        setSpec: string[];
      }[];
    });

  async function exhibit(
    museum: 'amur' | 'zeya',
    inventoryNumber: string,
    record: Partial<ExhibitInput>,
    intent: 'publish' | 'draft' = 'publish'
  ) {
    const created = await editor.create(actor, museums[museum], {
      inventoryNumber,
      title: record.title ?? { ru: `Предмет ${inventoryNumber}`, en: '' }
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const saved = await editor.save(
      actor,
      museums[museum],
      created.id,
      { inventoryNumber, title: { ru: `Предмет ${inventoryNumber}`, en: '' }, ...record },
      intent
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    if (intent === 'publish') published[museum].push(created.id);
    return created.id;
  }

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-interop-test-'));
    storage = await createStorage({ kind: 'disk', root: path.join(dir, 'store') });
    await db
      .insertInto('users')
      .values({ id: 'editor', name: 'Редактор', email: 'editor@museum.ru', email_verified: 1 })
      .execute();
    const museumRepository = new MuseumRepository(db);
    await museumRepository.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museumRepository);
    for (const [key, slug, ru, en] of [
      ['amur', 'amur-museum', 'Амурский музей', 'Amur Museum'],
      ['zeya', 'zeya-museum', 'Зейский музей', 'Zeya Museum']
    ] as const) {
      const created = await catalogue.create(newMuseum({ slug, name: { ru, en } }));
      if (!created.ok) throw new Error('test museum refused');
      museums[key] = created.id;
    }
    const clock = () => publishedAt;
    const staff = new StaffRepository(db);
    const library = new MediaLibrary({
      repository: new MediaRepository(db),
      storage,
      queue: new JobQueue(new JobRepository(db, test.database.dialect), clock),
      staff,
      clock,
      limits: { maxUploadBytes: 20 * 1024 * 1024, maxImagePixels: 50_000_000 },
      findUsages: async () => []
    });
    const image = async (name: string, width: number, height: number, zoom: boolean) => {
      const file = path.join(dir, name);
      await sharp({ create: { width, height, channels: 3, background: '#7a6a55' } })
        .jpeg()
        .toFile(file);
      const ingested = await library.ingest(actor, museums.amur, {
        path: file,
        fileName: name,
        panorama: false,
        uploadId: null
      });
      if (!ingested.ok) throw new Error(ingested.message.en);
      await library.derive(ingested.assetId, { attempt: 3, lastAttempt: true });
      if (zoom) await library.makeDeepZoom(ingested.assetId);
      const described = await library.describe(actor, museums.amur, ingested.assetId, {
        alt: { ru: 'Сабля на сером фоне', en: 'A sabre on grey' },
        caption: { ru: '', en: '' },
        credit: 'Фото музея',
        licence: '',
        focal: null
      });
      if (!described.ok) throw new Error('image not described');
      return ingested.assetId;
    };
    zoomedAsset = await image('sabre.jpg', 2000, 1400, true);
    flatAsset = await image('scabbard.jpg', 900, 600, false);

    const exhibitRepository = new ExhibitRepository(db);
    const searchRepository = new SearchRepository(db, test.database.dialect);
    const indexer = new ExhibitIndexer(exhibitRepository, new SearchIndex(searchRepository));
    editor = new ExhibitEditor(
      exhibitRepository,
      staff,
      clock,
      (museumId, ids) => library.assetsOf(museumId, ids),
      (id) => indexer.reindex(id)
    );
    const collection = await editor.saveCollection(actor, museums.amur, null, {
      slug: 'weapons',
      title: { ru: 'Оружие', en: 'Weapons' },
      description: { ru: 'Холодное и огнестрельное', en: '' }
    });
    const other = await editor.saveCollection(actor, museums.amur, null, {
      slug: 'empty',
      title: { ru: 'Пустая', en: '' }
    });
    if (!collection.ok || !other.ok) throw new Error('collection refused');

    // Eleven published exhibits a minute apart — but the 3rd and 4th in the same millisecond,
    // so a page boundary between them must go by id — a draft, and one published then edited.
    for (let i = 1; i <= 11; i++) {
      if (i !== 4) publishedAt = new Date(publishedAt.getTime() + 60_000);
      const museum = i % 3 === 0 ? 'zeya' : 'amur';
      const inWeapons = museum === 'amur' && i <= 5;
      const id = await exhibit(museum, `КП-${i}`, {
        title: { ru: `Предмет ${i} <&> "${i}"`, en: i === 1 ? 'Sabre & scabbard' : '' },
        description: { ru: `Описание ${i}\u0007`, en: '' },
        dating: { ru: 'XIX в.', en: '' },
        yearFrom: 1800 + i * 10,
        yearTo: 1805 + i * 10,
        maker: { ru: 'Мастер', en: 'Master' },
        category: i % 2 === 0 ? 'weapons' : 'household',
        material: i % 2 === 0 ? 'metal' : 'wood',
        collectionId: inWeapons ? collection.id : null,
        media: i === 1 ? [zoomedAsset, flatAsset] : i === 2 ? [flatAsset] : [],
        rights: { statement: i === 1 ? 'cc-by-sa' : 'museum-rights', credit: '' }
      });
      if (inWeapons) weapons.push(id);
    }
    weapons = [...weapons];
    draftId = await exhibit('amur', 'КП-черновик', { title: { ru: 'Черновик', en: '' } }, 'draft');
    // A new version of the first exhibit, not yet published: visitors still see the old one.
    const first = published.amur[0] ?? 0;
    await editor.save(
      actor,
      museums.amur,
      first,
      {
        inventoryNumber: 'КП-1',
        title: { ru: 'Неопубликованное название', en: '' },
        media: [zoomedAsset]
      },
      'draft'
    );

    const openExhibits = new OpenExhibits(
      new HarvestRepository(db, test.database.dialect),
      (museumId, ids) => library.assetsOf(museumId, ids),
      new OpenUrls(origin, mediaUrls('/media'))
    );
    app = {
      openExhibits,
      search: new SearchService(searchRepository),
      oai: new OaiPmh(openExhibits, {
        clock: () => oaiNow,
        adminEmails: async () => ['info@kraeved.example'],
        pageSize: 3,
        tokenLifetimeMs: 60 * 60 * 1000
      })
    };
  });

  afterAll(async () => {
    await storage?.close();
    await test?.dispose();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const allPublished = () => [...published.amur, ...published.zeya].sort((a, b) => a - b);

  describe('IIIF Presentation', () => {
    it('serves a manifest of a published exhibit pointing at its level-0 image service', async () => {
      const id = published.amur[0] ?? 0;
      const response = await call(getManifest, `/iiif/3/manifests/exhibits/${id}`, {
        id: String(id)
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(
        'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
      );
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const manifest = await response.json();
      expect(manifest.id).toBe(`${origin}/iiif/3/manifests/exhibits/${id}`);
      // The published title, not the draft's.
      expect(manifest.label).toEqual({ ru: [titleOf(1)], en: [firstEnglish] });
      expect(manifest.rights).toBe('http://creativecommons.org/licenses/by-sa/4.0/');
      expect(manifest.items).toHaveLength(2);
      const [zoomed, flat] = manifest.items;
      expect(zoomed).toMatchObject({ width: 2000, height: 1400 });
      const body = zoomed.items[0].items[0].body;
      expect(body.service).toEqual([
        { id: `${origin}/iiif/3/${zoomedAsset}`, type: 'ImageService3', profile: 'level0' }
      ]);
      expect(body.id).toMatch(new RegExp(`^${origin}/media/.+\\.jpg$`));
      expect(flat).toMatchObject({ width: 900, height: 600 });
      expect(flat.items[0].items[0].body.service).toBeUndefined();
      expect(manifest.partOf[0].id).toBe(`${origin}/iiif/3/collections/amur-museum/weapons`);
    });

    it('has no manifest for a draft, an unknown id or a malformed one', async () => {
      for (const id of [String(draftId), '999999', 'abc', '0'])
        expect((await call(getManifest, `/iiif/3/manifests/exhibits/${id}`, { id })).status).toBe(
          404
        );
    });

    it('lists a collection’s published exhibits as manifests', async () => {
      const response = await call(getCollection, '/iiif/3/collections/amur-museum/weapons', {
        museum: 'amur-museum',
        collection: 'weapons'
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const collection = await response.json();
      expect(collection.type).toBe('Collection');
      expect(collection.label).toEqual({ ru: ['Оружие'], en: ['Weapons'] });
      expect(collection.items.map((i: { id: string }) => i.id)).toEqual(
        weapons.map((id) => `${origin}/iiif/3/manifests/exhibits/${id}`)
      );
      const empty = await call(getCollection, '/iiif/3/collections/amur-museum/empty', {
        museum: 'amur-museum',
        collection: 'empty'
      });
      expect((await empty.json()).items).toEqual([]);
      const missing = await call(getCollection, '/iiif/3/collections/zeya-museum/weapons', {
        museum: 'zeya-museum',
        collection: 'weapons'
      });
      expect(missing.status).toBe(404);
    });
  });

  describe('OAI-PMH', () => {
    it('identifies the repository', async () => {
      const { doc } = await oai('verb=Identify');
      expect(doc['@xmlns']).toBe('http://www.openarchives.org/OAI/2.0/');
      expect(doc['@xsi:schemaLocation']).toBe(
        'http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd'
      );
      expect(doc.responseDate).toBe('2026-11-22T12:00:00Z');
      expect(doc.request).toEqual({ '#text': `${origin}/oai`, '@verb': 'Identify' });
      expect(doc.Identify).toMatchObject({
        baseURL: `${origin}/oai`,
        protocolVersion: '2.0',
        adminEmail: 'info@kraeved.example',
        earliestDatestamp: '2026-11-20T10:01:00Z',
        deletedRecord: 'no',
        granularity: 'YYYY-MM-DDThh:mm:ssZ'
      });
      expect(doc.Identify.description['oai-identifier'].repositoryIdentifier).toBe(
        'kraeved.example'
      );
    });

    it('offers oai_dc, for the repository and for an item', async () => {
      const { doc } = await oai('verb=ListMetadataFormats');
      expect(doc.ListMetadataFormats.metadataFormat).toEqual({
        metadataPrefix: 'oai_dc',
        schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd',
        metadataNamespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/'
      });
      const item = await oai(
        `verb=ListMetadataFormats&identifier=oai:kraeved.example:exhibit:${published.zeya[0]}`
      );
      expect(item.doc.ListMetadataFormats.metadataFormat.metadataPrefix).toBe('oai_dc');
    });

    it('lists museums and collections as sets', async () => {
      const { doc } = await oai('verb=ListSets');
      const sets = doc.ListSets.set as { setSpec: string[]; setName: string }[];
      expect(sets.map((s) => s.setSpec[0])).toEqual([
        'museum',
        'museum:amur-museum',
        'museum:zeya-museum',
        'collection',
        'collection:amur-museum',
        'collection:amur-museum:empty',
        'collection:amur-museum:weapons'
      ]);
      expect(sets.find((s) => s.setSpec[0] === 'collection:amur-museum:weapons')?.setName).toBe(
        'Оружие / Weapons'
      );
    });

    it('harvests every published exhibit exactly once, across pages, and no draft', async () => {
      const pages = await walk('ListRecords', 'metadataPrefix=oai_dc');
      expect(pages).toHaveLength(4);
      const found = headers(pages).map((h) => idOf(h.identifier));
      expect(found.sort((a, b) => a - b)).toEqual(allPublished());
      expect(found).not.toContain(draftId);
      const tokens = pages.map((p) => p.ListRecords.resumptionToken);
      expect(tokens.map((t) => [t['@cursor'], t['@completeListSize']])).toEqual([
        ['0', '11'],
        ['3', '11'],
        ['6', '11'],
        ['9', '11']
      ]);
      expect(tokens[0]['@expirationDate']).toBe('2026-11-22T13:00:00Z');
      // The last page says the list is complete with an empty token.
      expect(tokens[3]['#text']).toBeUndefined();
    });

    it('writes oai_dc records with escaped text, in both languages, with their sets', async () => {
      const first = published.amur[0] ?? 0;
      const { text, doc } = await oai(
        `verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:kraeved.example:exhibit:${first}`
      );
      expect(text).not.toMatch(/<&>|"1"/);
      expect(text).not.toContain('\u0007');
      const record = doc.GetRecord.record[0];
      expect(record.header[0].setSpec).toEqual([
        'museum:amur-museum',
        'collection:amur-museum:weapons'
      ]);
      expect(record.header[0].datestamp).toBe('2026-11-20T10:01:00Z');
      const dc = record.metadata['oai_dc:dc'];
      expect(dc['@xsi:schemaLocation']).toBe(
        'http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd'
      );
      expect(dc['dc:title']).toEqual([
        { '#text': titleOf(1), '@xml:lang': 'ru' },
        { '#text': firstEnglish, '@xml:lang': 'en' }
      ]);
      expect(dc['dc:identifier']).toContain(`${origin}/museums/amur-museum/exhibits/${first}`);
      expect(dc['dc:publisher']).toEqual([
        { '#text': 'Амурский музей', '@xml:lang': 'ru' },
        { '#text': 'Amur Museum', '@xml:lang': 'en' }
      ]);
    });

    it('lists identifiers of one museum or one collection', async () => {
      const zeya = headers(
        await walk('ListIdentifiers', 'metadataPrefix=oai_dc&set=museum:zeya-museum')
      );
      expect(zeya.map((h) => idOf(h.identifier))).toEqual(published.zeya);
      const inWeapons = headers(
        await walk('ListIdentifiers', 'metadataPrefix=oai_dc&set=collection:amur-museum:weapons')
      );
      expect(inWeapons.map((h) => idOf(h.identifier))).toEqual(weapons);
      const anyCollection = headers(
        await walk('ListIdentifiers', 'metadataPrefix=oai_dc&set=collection')
      );
      expect(anyCollection.map((h) => idOf(h.identifier))).toEqual(weapons);
      const all = headers(await walk('ListIdentifiers', 'metadataPrefix=oai_dc&set=museum'));
      expect(all).toHaveLength(11);
    });

    it('selects by the time of publishing, from and until inclusive', async () => {
      const between = headers(
        await walk(
          'ListIdentifiers',
          'metadataPrefix=oai_dc&from=2026-11-20T10:03:00Z&until=2026-11-20T10:05:00Z'
        )
      );
      // Minutes 3 (two exhibits in the same millisecond), 4 and 5.
      expect(between.map((h) => h.datestamp)).toEqual([
        '2026-11-20T10:03:00Z',
        '2026-11-20T10:03:00Z',
        '2026-11-20T10:04:00Z',
        '2026-11-20T10:05:00Z'
      ]);
      const byDay = headers(
        await walk('ListIdentifiers', 'metadataPrefix=oai_dc&until=2026-11-20')
      );
      expect(byDay).toHaveLength(11);
      const late = await oaiError('verb=ListRecords&metadataPrefix=oai_dc&from=2026-11-21');
      expect(late.code).toBe('noRecordsMatch');
    });

    it('lists what was published in the very second the list is asked', async () => {
      const asked = oaiNow;
      // The eleventh exhibit was published at 10:10:00.000 exactly.
      oaiNow = new Date('2026-11-20T10:10:00.000Z');
      try {
        expect(headers(await walk('ListIdentifiers', 'metadataPrefix=oai_dc'))).toHaveLength(11);
      } finally {
        oaiNow = asked;
      }
    });

    it('answers POST like GET', async () => {
      const response = await call(
        postOai,
        '/oai',
        {},
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3Akraeved.example%3Aexhibit%3A${published.zeya[0]}`
        }
      );
      const doc = xml.parse(await response.text())['OAI-PMH'];
      expect(doc.GetRecord.record[0].header[0].identifier).toBe(
        `oai:kraeved.example:exhibit:${published.zeya[0]}`
      );
    });

    it('answers each protocol error with its code', async () => {
      expect((await oaiError('')).code).toBe('badVerb');
      expect((await oaiError('verb=Harvest')).code).toBe('badVerb');
      expect((await oaiError('verb=Identify&verb=Identify')).code).toBe('badVerb');
      const bad = await oaiError('verb=Identify&extra=1');
      expect(bad).toEqual({ code: 'badArgument', request: `${origin}/oai` });
      expect((await oaiError('verb=ListRecords')).code).toBe('badArgument');
      expect(
        (await oaiError('verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc')).code
      ).toBe('badArgument');
      expect(
        (await oaiError('verb=ListRecords&metadataPrefix=oai_dc&from=2026-11-20T10')).code
      ).toBe('badArgument');
      expect(
        (
          await oaiError(
            'verb=ListRecords&metadataPrefix=oai_dc&from=2026-11-20&until=2026-11-21T00:00:00Z'
          )
        ).code
      ).toBe('badArgument');
      expect((await oaiError('verb=GetRecord&metadataPrefix=oai_dc')).code).toBe('badArgument');
      expect(
        (await oaiError('verb=ListIdentifiers&resumptionToken=abc&metadataPrefix=oai_dc')).code
      ).toBe('badArgument');
      const format = await oaiError('verb=ListRecords&metadataPrefix=marc21');
      expect(format.code).toBe('cannotDisseminateFormat');
      expect(format.request['@metadataPrefix']).toBe('marc21');
      expect(
        (
          await oaiError(
            `verb=GetRecord&metadataPrefix=mods&identifier=oai:kraeved.example:exhibit:${published.zeya[0]}`
          )
        ).code
      ).toBe('cannotDisseminateFormat');
      for (const identifier of [
        `oai:kraeved.example:exhibit:${draftId}`,
        'oai:kraeved.example:exhibit:999999',
        `oai:other.example:exhibit:${published.zeya[0]}`,
        'exhibit-1'
      ]) {
        expect(
          (await oaiError(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${identifier}`)).code,
          identifier
        ).toBe('idDoesNotExist');
      }
      expect(
        (
          await oaiError(
            `verb=ListMetadataFormats&identifier=oai:kraeved.example:exhibit:${draftId}`
          )
        ).code
      ).toBe('idDoesNotExist');
      expect(
        (await oaiError('verb=ListRecords&metadataPrefix=oai_dc&set=museum:nowhere')).code
      ).toBe('noRecordsMatch');
      expect(
        (await oaiError('verb=ListRecords&metadataPrefix=oai_dc&set=collection:amur-museum:empty'))
          .code
      ).toBe('noRecordsMatch');
      expect((await oaiError('verb=ListRecords&resumptionToken=garbled')).code).toBe(
        'badResumptionToken'
      );
      expect((await oaiError('verb=ListSets&resumptionToken=anything')).code).toBe(
        'badResumptionToken'
      );
    });

    it('refuses a token that expired, or one from the other list verb', async () => {
      const { doc } = await oai('verb=ListIdentifiers&metadataPrefix=oai_dc');
      const token = doc.ListIdentifiers.resumptionToken['#text'] as string;
      expect(
        (await oaiError(`verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`)).code
      ).toBe('badResumptionToken');
      const issued = oaiNow;
      oaiNow = new Date(issued.getTime() + 61 * 60 * 1000);
      try {
        expect(
          (await oaiError(`verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}`)).code
        ).toBe('badResumptionToken');
      } finally {
        oaiNow = issued;
      }
    });
  });

  describe('JSON API', () => {
    async function list(query: string) {
      const response = await call(getExhibits, `/api/v1/exhibits?${query}`);
      return { status: response.status, headers: response.headers, body: await response.json() };
    }

    /** Every id over all pages, following `next`. */
    async function everyId(query: string) {
      const ids: number[] = [];
      let { body } = await list(query);
      for (;;) {
        ids.push(...body.items.map((e: { id: number }) => e.id));
        if (!body.next) return ids;
        const next = new URL(body.next);
        expect(next.origin).toBe(origin);
        ({ body } = await list(next.search.slice(1)));
      }
    }

    it('pages through every published exhibit once with next links', async () => {
      const { headers: h, body } = await list('limit=4');
      expect(h.get('access-control-allow-origin')).toBe('*');
      expect(h.get('content-type')).toBe('application/json; charset=utf-8');
      expect(body.items).toHaveLength(4);
      expect(body.next).toContain('limit=4');
      const ids = await everyId('limit=4');
      expect(ids.sort((a, b) => a - b)).toEqual(allPublished());
      expect(ids).not.toContain(draftId);
    });

    it('filters by museum, collection, category, material, years and image', async () => {
      expect(await everyId('museum=zeya-museum&limit=2')).toEqual(published.zeya);
      expect(await everyId('museum=amur-museum&collection=weapons')).toEqual(weapons);
      const byCategory = await list('category=weapons');
      expect(
        byCategory.body.items.every((e: { category: string }) => e.category === 'weapons')
      ).toBe(true);
      expect(byCategory.body.items).toHaveLength(5);
      expect((await list('material=wood')).body.items).toHaveLength(6);
      // Exhibit i spans 1800+10i … 1805+10i: 1832–1848 overlaps i = 3 and 4.
      const years = await list('yearFrom=1832&yearTo=1848');
      expect(years.body.items.map((e: { yearFrom: number }) => e.yearFrom)).toEqual([1830, 1840]);
      const withImage = await list('hasImage=true');
      expect(withImage.body.items.map((e: { id: number }) => e.id)).toEqual(
        published.amur.slice(0, 2)
      );
      expect((await list('hasImage=false')).body.items).toHaveLength(9);
    });

    it('gives one exhibit with its images and manifest, and 404 for a draft', async () => {
      const id = published.amur[0] ?? 0;
      const response = await call(getExhibit, `/api/v1/exhibits/${id}`, { id: String(id) });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const body = await response.json();
      expect(body).toMatchObject({
        id,
        title: { ru: titleOf(1), en: firstEnglish },
        iiifManifest: `${origin}/iiif/3/manifests/exhibits/${id}`,
        museum: { slug: 'amur-museum' },
        collection: { slug: 'weapons' }
      });
      expect(body.images.map((i: { iiifService: string | null }) => i.iiifService)).toEqual([
        `${origin}/iiif/3/${zoomedAsset}`,
        null
      ]);
      expect(body.images[1].url).toMatch(new RegExp(`^${origin}/media/`));
      const draft = await call(getExhibit, `/api/v1/exhibits/${draftId}`, { id: String(draftId) });
      expect(draft.status).toBe(404);
      expect(draft.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('finds words in any of their forms through the site search, with the same filters', async () => {
      // «описания» (genitive) finds every «Описание …»; the English title by «sabres».
      expect((await everyId('q=описания&limit=4')).sort((a, b) => a - b)).toEqual(allPublished());
      expect(await everyId('q=описания&museum=zeya-museum')).toEqual(
        expect.arrayContaining(published.zeya)
      );
      expect(await everyId('q=описания&museum=zeya-museum')).toHaveLength(3);
      expect(await everyId('q=sabres')).toEqual([published.amur[0]]);
      const inWeapons = await everyId('q=описания&museum=amur-museum&collection=weapons');
      expect(inWeapons.sort((a, b) => a - b)).toEqual(weapons);
      expect(await everyId('q=описания&museum=amur-museum&collection=nothing')).toEqual([]);
      expect(await everyId(`q=${encodeURIComponent('Черновик')}`)).toEqual([]);
    });

    it('refuses a wrong parameter with its name', async () => {
      const { status, body } = await list('limit=500');
      expect(status).toBe(400);
      expect(body.error.parameter).toBe('limit');
      expect((await list('query=сабля')).body.error.parameter).toBe('query');
      expect((await list('q=')).body.error.parameter).toBe('q');
    });
  });
});
