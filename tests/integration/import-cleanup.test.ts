import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { JobRepository } from '$lib/server/jobs/repository';
import { JobQueue } from '$lib/server/jobs/queue';
import { MediaRepository } from '$lib/server/media/repository';
import { MediaLibrary } from '$lib/server/media/library';
import { ExhibitImporter } from '$lib/server/exhibits/import/importer';
import { ImportRepository } from '$lib/server/exhibits/import/repository';
import type { Storage } from '$lib/server/storage';
import { placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newMuseum, newStaffMember, testPlaces } from './factories';
import { testStorage } from './s3-server';

vi.setConfig({ testTimeout: 60_000 });

const fixtures = path.resolve('tests/fixtures/import');
const lastTry = { attempt: 3, lastAttempt: true };
const storages = ['disk', 's3'] as const;
const hour = 60 * 60 * 1000;

/** Staged inventory files (the table and its ZIP of images) leave storage when they are done with. */
describe.each(dialects)('staged import files on %s', (dialect) => {
  describe.each(storages)('with %s storage', (storageKind) => {
    let test: TestDatabase;
    let dir: string;
    let opened: Awaited<ReturnType<typeof testStorage>> | undefined;
    let storage: Storage;
    let importer: ExhibitImporter;
    let imports: ImportRepository;
    let queue: JobQueue;
    let museumId: number;
    let admin: Actor;
    let stranger: Actor;
    let now = new Date('2026-11-24T02:00:00Z');

    /** Every key stored under the museum's imports. */
    async function stagedKeys(): Promise<string[]> {
      const keys: string[] = [];
      for await (const object of storage.list(`museums/${museumId}/imports/`))
        keys.push(object.key);
      return keys.sort();
    }

    async function stage(withImages = true): Promise<number> {
      const csv = path.join(dir, `${Math.random().toString(36).slice(2)}.csv`);
      await fs.writeFile(csv, 'Инв. №;Наименование\nКП-1;Ковш\nКП-2;Бубен\n');
      const images = withImages
        ? { path: path.join(fixtures, 'images.zip'), fileName: 'images.zip' }
        : null;
      const result = await importer.stage(
        admin,
        museumId,
        { path: csv, fileName: 'inventory.csv' },
        images
      );
      if (!result.ok) throw new Error(result.message.en);
      return result.id;
    }

    beforeAll(async () => {
      test = await freshDatabase(dialect);
      const db = test.database.db;
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-import-cleanup-'));
      opened = await testStorage(storageKind, path.join(dir, 'store'), `${dialect}-cleanup/`);
      storage = opened.storage;
      const museums = new MuseumRepository(db);
      await museums.upsertPlaces(placeInput.parse(testPlaces));
      const catalogue = new MuseumCatalogue(museums);
      const a = await catalogue.create(newMuseum());
      const b = await catalogue.create(newMuseum());
      if (!a.ok || !b.ok) throw new Error('test museums refused');
      museumId = a.id;
      admin = await newStaffMember(db, { role: 'museum_admin', museumId });
      stranger = await newStaffMember(db, { role: 'museum_admin', museumId: b.id });
      const clock = () => now;
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
      imports = new ImportRepository(db);
      importer = new ExhibitImporter({ imports, media, storage, queue, staff, clock });
    });
    afterAll(async () => {
      await opened?.dispose();
      await test?.dispose();
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    });

    it('removes the staged table and ZIP once the import has run; its rows stay', async () => {
      const id = await stage();
      expect(await stagedKeys()).toHaveLength(2);
      const opened = await importer.open(admin, museumId, id);
      await importer.preview(admin, museumId, id, { mapping: opened.mapping.map((f) => f ?? '') });
      await importer.start(admin, museumId, id);
      await importer.run(id, lastTry);
      expect((await importer.progress(admin, museumId, id)).status).toBe('done');
      expect(await stagedKeys()).toEqual([]);
      // What the run did is still shown from the database.
      expect((await importer.rows(admin, museumId, id, { after: 0, limit: 10 })).rows).toHaveLength(
        2
      );
    });

    it('removes an import and its files when staff cancel it, not someone else’s', async () => {
      const id = await stage();
      await expect(importer.cancel(stranger, museumId, id)).rejects.toThrow(NotFoundOrForbidden);
      expect(await stagedKeys()).toHaveLength(2);
      expect(await importer.cancel(admin, museumId, id)).toEqual({
        cancelled: true,
        status: 'mapping'
      });
      expect(await stagedKeys()).toEqual([]);
      await expect(importer.open(admin, museumId, id)).rejects.toThrow(NotFoundOrForbidden);
      const [line] = await new StaffRepository(test.database.db).auditEntries(
        { museums: [museumId], actions: ['cancel-import'] },
        1
      );
      expect(line).toMatchObject({ entity_id: String(id), details: { file: 'inventory.csv' } });
    });

    it('does not cancel an import that has been queued to run', async () => {
      const id = await stage(false);
      const opened = await importer.open(admin, museumId, id);
      await importer.preview(admin, museumId, id, { mapping: opened.mapping.map((f) => f ?? '') });
      await importer.start(admin, museumId, id);
      expect(await importer.cancel(admin, museumId, id)).toEqual({
        cancelled: false,
        status: 'queued'
      });
      expect(await stagedKeys()).toHaveLength(1);
      await importer.run(id, lastTry);
      expect(await stagedKeys()).toEqual([]);
    });

    it('sweeps imports untouched for a day, leaving newer and running ones', async () => {
      const old = await stage();
      const failed = await stage(false);
      await imports.update(failed, { status: 'failed', error: 'a broken row' }, now.toISOString());
      const queued = await stage(false);
      await imports.update(queued, { status: 'queued' }, now.toISOString());
      now = new Date(now.getTime() + 20 * hour);
      const recent = await stage(false);
      expect(await stagedKeys()).toHaveLength(5);

      now = new Date(now.getTime() + 5 * hour);
      expect(await importer.sweep()).toBe(2);
      for (const id of [old, failed])
        await expect(importer.open(admin, museumId, id)).rejects.toThrow(NotFoundOrForbidden);
      for (const id of [queued, recent])
        expect((await importer.open(admin, museumId, id)).id).toBe(id);
      expect(await stagedKeys()).toHaveLength(2);
      // Running it again finds nothing more to do.
      expect(await importer.sweep()).toBe(0);

      // The sweep is a job, queued once however often it is asked for while one waits.
      expect(await queue.enqueueOnce('exhibits.import-sweep', {})).toBe(true);
      expect(await queue.enqueueOnce('exhibits.import-sweep', {})).toBe(false);
    });
  });
});
