import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { JobRepository } from '$lib/server/jobs/repository';
import { JobQueue } from '$lib/server/jobs/queue';
import { MediaRepository } from '$lib/server/media/repository';
import { MediaLibrary } from '$lib/server/media/library';
import { ExhibitRepository } from '$lib/server/exhibits/repository';
import { ExhibitEditor } from '$lib/server/exhibits/editor';
import { ExhibitImporter } from '$lib/server/exhibits/import/importer';
import { ImportRepository } from '$lib/server/exhibits/import/repository';
import { ExhibitExport, type ExportFormat } from '$lib/server/exhibits/import/export';
import { readTable, sniffTable } from '$lib/server/exhibits/import/table';
import { createStorage, type Storage } from '$lib/server/storage';
import { ExhibitIndexer } from '$lib/server/exhibits/indexing';
import { SearchIndex } from '$lib/server/search/index';
import { SearchRepository } from '$lib/server/search/repository';
import { placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { khabarovskNoon, newMuseum, newStaffMember, testPlaces } from './factories';

const fixtures = path.resolve('tests/fixtures/import');
const lastTry = { attempt: 3, lastAttempt: true };
const firstTry = { attempt: 1, lastAttempt: false };

describe.each(dialects)('importing an inventory on %s', (dialect) => {
  let test: TestDatabase;
  let dir: string;
  let storage: Storage;
  let importer: ExhibitImporter;
  let exhibits: ExhibitRepository;
  let editor: ExhibitEditor;
  let queue: JobQueue;
  let own: number;
  let other: number;
  let admin: Actor;
  let reviewed: Actor;
  let stranger: Actor;
  let failNextPublish = false;
  let searchIndex: SearchIndex;
  const published: number[] = [];

  async function staged(name: string, bytes: Uint8Array | string): Promise<string> {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}-${name}`);
    await fs.writeFile(file, bytes);
    return file;
  }

  async function stage(who: Actor, museumId: number, csv: string | Buffer, zip?: string) {
    const table = { path: await staged('inventory.csv', csv), fileName: 'inventory.csv' };
    const images = zip ? { path: zip, fileName: 'images.zip' } : null;
    const result = await importer.stage(who, museumId, table, images);
    if (!result.ok) throw new Error(result.message.en);
    return result.id;
  }

  /** Stage, keep the recognised mapping, preview, start and run the job. */
  async function importFile(who: Actor, museumId: number, csv: string | Buffer, zip?: string) {
    const id = await stage(who, museumId, csv, zip);
    const opened = await importer.open(who, museumId, id);
    const previewed = await importer.preview(who, museumId, id, {
      mapping: opened.mapping.map((f) => f ?? '')
    });
    expect(previewed).toEqual({ ok: true });
    const before = await importer.progress(who, museumId, id);
    await importer.start(who, museumId, id);
    await importer.run(id, lastTry);
    return { id, preview: before.counts, after: await importer.progress(who, museumId, id) };
  }

  async function count(table: 'exhibits' | 'exhibit_revisions' | 'media_assets') {
    const row = await test.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-import-test-'));
    storage = await createStorage({ kind: 'disk', root: path.join(dir, 'store') });
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const a = await catalogue.create(newMuseum({ slug: 'import-own' }));
    const b = await catalogue.create(newMuseum({ slug: 'import-other' }));
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    admin = await newStaffMember(db, { role: 'museum_admin', museumId: own });
    reviewed = await newStaffMember(db, { role: 'museum_editor', museumId: own });
    stranger = await newStaffMember(db, { role: 'museum_admin', museumId: other });
    const clock = () => khabarovskNoon('2026-11-24');
    const staff = new StaffRepository(db);
    queue = new JobQueue(new JobRepository(db, test.database.dialect), clock);
    const media = new MediaLibrary({
      repository: new MediaRepository(db),
      storage,
      queue,
      staff,
      clock,
      limits: { maxUploadBytes: 5 * 1024 * 1024, maxImagePixels: 50_000_000 },
      findUsages: async () => []
    });
    exhibits = new ExhibitRepository(db);
    searchIndex = new SearchIndex(new SearchRepository(db, test.database.dialect));
    const indexer = new ExhibitIndexer(exhibits, searchIndex);
    editor = new ExhibitEditor(exhibits, staff, clock, (id, ids) => media.assetsOf(id, ids));
    importer = new ExhibitImporter({
      imports: new ImportRepository(db),
      media,
      storage,
      queue,
      staff,
      clock,
      batchSize: 500,
      onPublished: async (ids) => {
        if (failNextPublish) {
          failNextPublish = false;
          throw new Error('the worker died here');
        }
        published.push(...ids);
        await indexer.reindexMany(ids);
      }
    });
  });
  afterAll(async () => {
    await storage?.close();
    await test?.dispose();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads a Windows-1251 file, maps its Russian headers and previews without writing', async () => {
    const bytes = await fs.readFile(path.join(fixtures, 'inventory-1251.csv'));
    const id = await stage(admin, own, bytes);
    const opened = await importer.open(admin, own, id);
    expect(opened.encoding).toBe('windows-1251');
    expect(opened.headers[0]).toBe('Инв. №');
    expect(opened.mapping).toEqual([
      'inventoryNumber',
      'title.ru',
      'dating',
      'years',
      'technique',
      'dimensions',
      'maker',
      'place',
      'category',
      'description.ru',
      'tags',
      'images'
    ]);
    const sample = await importer.sample(admin, own, id);
    expect(sample[0]?.cells[1]).toBe('Ковш-утица');

    await importer.preview(admin, own, id, { mapping: opened.mapping.map((f) => f ?? '') });
    const { counts } = await importer.progress(admin, own, id);
    expect(counts).toEqual({ new: 5, changed: 0, unchanged: 0, invalid: 1, warnings: 4 });
    const invalid = await importer.rows(admin, own, id, { outcome: 'invalid' });
    expect(invalid.rows.map((r) => [r.line, r.inventoryNumber])).toEqual([[6, 'КП-1005']]);
    expect(invalid.rows[0]?.issues[0]).toMatchObject({
      level: 'error',
      field: 'title.ru',
      message: { ru: 'Заполните это поле.' }
    });
    const odd = (await importer.rows(admin, own, id, { after: 6 })).rows[0];
    expect(odd?.issues.map((i) => i.field).sort()).toEqual(['category', 'media']);
    expect(await count('exhibits')).toBe(0);
  });

  it('refuses a file without the required columns, naming what is missing', async () => {
    const id = await stage(admin, own, 'Датировка,Описание\nXIX в.,Ковш\n');
    const opened = await importer.open(admin, own, id);
    const result = await importer.preview(admin, own, id, {
      mapping: opened.mapping.map((f) => f ?? '')
    });
    expect(result).toEqual({ ok: false, missing: ['inventoryNumber', 'title.ru'] });
  });

  it('imports the rows as published exhibits with images from the ZIP, and a second time changes nothing', async () => {
    const bytes = await fs.readFile(path.join(fixtures, 'inventory-1251.csv'));
    const zip = path.join(fixtures, 'images.zip');
    const first = await importFile(admin, own, bytes, zip);
    expect(first.after.status).toBe('done');
    expect(first.after.counts).toMatchObject({ new: 5, invalid: 1 });
    const numbers = await exhibits.idsByInventory(own, ['КП-1001', 'КП-1002', 'КП-1006']);
    const kovsh = await exhibits.find(own, numbers.get('КП-1001') ?? 0);
    expect(kovsh?.published).toMatchObject({
      title: { ru: 'Ковш-утица' },
      yearFrom: 1880,
      yearTo: 1900,
      material: 'wood',
      category: 'household',
      tags: ['ковш', 'дерево'],
      description: { ru: 'Ковш для кваса; резной, в форме плывущей утки.' }
    });
    expect(kovsh?.published?.media).toHaveLength(1);
    const [image] = await new MediaRepository(test.database.db).findMany(
      kovsh?.published?.media ?? []
    );
    expect(image).toMatchObject({ fileName: 'kovsh.jpg', alt: { ru: 'Ковш-утица' } });
    const buben = await exhibits.find(own, numbers.get('КП-1002') ?? 0);
    expect(buben?.published?.description.ru).toBe('Бубен нанайского шамана.\n\nОбод из черёмухи.');
    // A file named but not there: the row is in, without an image.
    const odd = await exhibits.find(own, numbers.get('КП-1006') ?? 0);
    expect(odd?.published).toMatchObject({ category: 'other', media: [] });
    expect(published).toHaveLength(5);
    // What the import published is findable.
    expect(await searchIndex.count('exhibit')).toBe(5);

    const assets = await count('media_assets');
    const revisions = await count('exhibit_revisions');
    const second = await importFile(admin, own, bytes, zip);
    expect(second.preview).toMatchObject({ new: 0, changed: 0, unchanged: 5, invalid: 1 });
    expect(second.after.counts).toMatchObject({ new: 0, changed: 0, unchanged: 5, invalid: 1 });
    expect(await count('media_assets')).toBe(assets);
    expect(await count('exhibit_revisions')).toBe(revisions);
    expect(await count('exhibits')).toBe(5);
  });

  it('shows what a changed row changes and keeps what the file does not say', async () => {
    const numbers = await exhibits.idsByInventory(own, ['КП-1004']);
    const id = numbers.get('КП-1004') ?? 0;
    const csv = 'Инвентарный номер,Название,Размеры\nКП-1004,Монета 5 копеек,диаметр 25 мм\n';
    const staged = await stage(admin, own, csv);
    const opened = await importer.open(admin, own, staged);
    await importer.preview(admin, own, staged, { mapping: opened.mapping.map((f) => f ?? '') });
    const [row] = (await importer.rows(admin, own, staged, {})).rows;
    expect(row).toMatchObject({ outcome: 'changed', changes: ['dimensions.ru'] });
    await importer.start(admin, own, staged);
    await importer.run(staged, lastTry);
    const coin = await exhibits.find(own, id);
    expect(coin?.published).toMatchObject({
      dimensions: { ru: 'диаметр 25 мм' },
      category: 'numismatics',
      material: 'metal'
    });
  });

  it('sends the rows of an editor without publishing rights for review', async () => {
    const csv = 'Инв. №;Наименование\nР-1;Самовар\nКП-1004;Монета пять копеек\n';
    const { after } = await importFile(reviewed, own, csv);
    expect(after.counts).toMatchObject({ new: 1, changed: 1 });
    const ids = await exhibits.idsByInventory(own, ['Р-1', 'КП-1004']);
    const samovar = await exhibits.find(own, ids.get('Р-1') ?? 0);
    expect(samovar?.published).toBeNull();
    expect((await exhibits.revisions.open(ids.get('Р-1') ?? 0))?.status).toBe('review');
    const coin = await exhibits.find(own, ids.get('КП-1004') ?? 0);
    expect(coin?.published?.title.ru).toBe('Монета 5 копеек');
    const open = await exhibits.revisions.open(ids.get('КП-1004') ?? 0);
    expect(open).toMatchObject({ status: 'review', data: { title: { ru: 'Монета пять копеек' } } });
    // The reviewer approves as any submitted version.
    const approved = await editor.approve(
      admin,
      own,
      ids.get('Р-1') ?? 0,
      (await exhibits.revisions.open(ids.get('Р-1') ?? 0))?.id ?? 0
    );
    expect(approved).toEqual({ ok: true });
    // The same file again: waiting for review already, nothing to do.
    const again = await importFile(reviewed, own, csv);
    expect(again.after.counts).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
  });

  it('carries on after the last batch written when a run dies half-way', async () => {
    const lines = ['Инв. №;Наименование;Категория'];
    for (let i = 1; i <= 1200; i++) lines.push(`Б-${i};Предмет ${i};фотография`);
    const csv = iconv.encode(lines.join('\n'), 'windows-1251');
    const id = await stage(admin, own, csv);
    const opened = await importer.open(admin, own, id);
    await importer.preview(admin, own, id, { mapping: opened.mapping.map((f) => f ?? '') });
    await importer.start(admin, own, id);
    const before = await count('exhibits');
    failNextPublish = true;
    await expect(importer.run(id, firstTry)).rejects.toThrow('the worker died here');
    const halfway = await importer.progress(admin, own, id);
    expect(halfway).toMatchObject({ status: 'running', processed: 500, total: 1200 });
    expect(await count('exhibits')).toBe(before + 500);
    await importer.run(id, lastTry);
    const done = await importer.progress(admin, own, id);
    expect(done).toMatchObject({ status: 'done', processed: 1200 });
    expect(done.counts).toMatchObject({ new: 1200, invalid: 0 });
    expect(await count('exhibits')).toBe(before + 1200);
    // Run again by a second worker: nothing more.
    await importer.run(id, lastTry);
    expect(await count('exhibits')).toBe(before + 1200);
  });

  it('exports CSV, XLSX and JSON, escaped against formulas, and the CSV imports again unchanged', async () => {
    await importFile(admin, own, 'Инв. №;Наименование;Год от/до\nF-1;=1+1;-500\n');
    const exporter = new ExhibitExport(new ImportRepository(test.database.db), {
      category: (code) => code,
      material: (code) => code
    });
    const exported = (format: ExportFormat, drafts = false) =>
      buffer(exporter.stream(admin, own, { format, drafts, locale: 'ru' }));

    const csv = await exported('csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFFИнв\. №;Наименование;/);
    // Years are numbers, not text: a spreadsheet reads -500 as a number, not a formula.
    expect(text).toContain("F-1;'=1+1;;;-500;-500;");
    expect(text).toContain('КП-1001;Ковш-утица;');
    expect(text).toContain('kovsh.jpg');

    const again = await importFile(admin, own, csv);
    // Only the coin differs: its version waiting for review is not what is published.
    expect(again.preview).toMatchObject({ new: 0, changed: 1, invalid: 0 });
    const changed = await importer.rows(admin, own, again.id, { outcome: 'changed' });
    expect(changed.rows.map((r) => r.inventoryNumber)).toEqual(['КП-1004']);
    const formula = await exhibits.find(
      own,
      (await exhibits.idsByInventory(own, ['F-1'])).get('F-1') ?? 0
    );
    expect(formula?.published).toMatchObject({ title: { ru: '=1+1' }, yearFrom: -500 });

    const file = path.join(dir, 'export.xlsx');
    await fs.writeFile(file, await exported('xlsx'));
    const source = { path: file, ...(await sniffTable(file)) };
    const rows = [];
    for await (const row of readTable(source)) rows.push(row.cells);
    expect(rows[0]?.slice(0, 2)).toEqual(['Инв. №', 'Наименование']);
    expect(rows.find((r) => r[0] === 'F-1')?.slice(0, 2)).toEqual(['F-1', "'=1+1"]);

    const published = JSON.parse((await exported('json')).toString('utf8')) as {
      inventoryNumber: string;
      state: string;
      title: { ru: string };
    }[];
    expect(published.find((e) => e.inventoryNumber === 'КП-1004')).toMatchObject({
      state: 'published',
      title: { ru: 'Монета 5 копеек' }
    });
    await importer.start(admin, own, again.id);
    const withDrafts = JSON.parse(
      (await exported('json', true)).toString('utf8')
    ) as typeof published;
    expect(withDrafts).toHaveLength(published.length);
    expect(() =>
      exporter.stream(stranger, own, { format: 'csv', drafts: false, locale: 'ru' })
    ).toThrow(NotFoundOrForbidden);
  });

  it('answers another museum’s staff as if the import were not there', async () => {
    const id = await stage(admin, own, 'Инв. №;Наименование\nX-1;Ваза\n');
    await expect(importer.open(stranger, own, id)).rejects.toThrow(NotFoundOrForbidden);
    await expect(importer.open(stranger, other, id)).rejects.toThrow(NotFoundOrForbidden);
    await expect(
      importer.preview(stranger, other, id, { mapping: ['inventoryNumber', 'title.ru'] })
    ).rejects.toThrow(NotFoundOrForbidden);
    await expect(importer.start(stranger, other, id)).rejects.toThrow(NotFoundOrForbidden);
    await expect(
      importer.stage(
        stranger,
        own,
        { path: await staged('x.csv', 'a,b\n'), fileName: 'x.csv' },
        null
      )
    ).rejects.toThrow(NotFoundOrForbidden);
  });
});
