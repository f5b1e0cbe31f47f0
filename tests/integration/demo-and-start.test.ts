import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumDirectory } from '$lib/server/museums/directory';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { AssociationRepository } from '$lib/server/association/repository';
import { AssociationPages } from '$lib/server/association/pages';
import { seedDemoData } from '$lib/server/demo/seed';
import { migrateToLatest } from '$lib/server/db/migrate';
import { openDatabase } from '$lib/server/db/connection';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { khabarovskNoon, newAccounts } from './factories';

describe.each(dialects)('demo data and start-up on %s', (dialect) => {
  let test: TestDatabase;
  let museums: MuseumRepository;
  let association: AssociationRepository;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    museums = new MuseumRepository(test.database.db);
    association = new AssociationRepository(test.database.db);
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('loads the demo data once and leaves a filled database alone', async () => {
    const deps = {
      museums,
      association,
      catalogue: new MuseumCatalogue(museums),
      accounts: newAccounts(test.database)
    };
    expect(await seedDemoData(deps)).toBe(true);
    const count = await museums.count();
    expect(count).toBeGreaterThanOrEqual(12);
    expect(await seedDemoData(deps)).toBe(false);
    expect(await museums.count()).toBe(count);
  });

  it('reads the Grodekov museum as closed on the last Friday of November and open on Tuesday noon', async () => {
    const directory = new MuseumDirectory(museums);
    const friday = await directory.page('grodekov', 'ru', khabarovskNoon('2026-11-27'));
    expect(friday?.hours).toMatchObject({ kind: 'closed', reason: 'sanitary day' });
    const tuesday = await directory.page('grodekov', 'ru', khabarovskNoon('2026-11-24'));
    expect(tuesday?.hours).toMatchObject({ kind: 'open' });
  });

  it('gives the association with its governance and three projects', async () => {
    const pages = new AssociationPages(association);
    const about = await pages.about('en');
    expect(about?.foundedOn).toBe('2019-04-19');
    expect(about?.registeredOn).toBe('2019-11-14');
    const governance = await pages.governance('ru');
    expect(governance.find((g) => g.role === 'president')?.person).toMatch(/Маркова/);
    expect(await pages.projects('en')).toHaveLength(3);
  });

  it('runs migrations again without change', async () => {
    await migrateToLatest(test.database);
    const rows = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
      test.database.db
    );
    expect(Number(rows.rows[0]?.n)).toBeGreaterThan(0);
  });

  it('answers the health check', async () => {
    expect(await test.database.ping()).toBe(true);
  });
});

describe('start-up errors name what is wrong', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kraeved-start-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names a corrupt database file', async () => {
    const file = path.join(dir, 'kraeved.sqlite');
    fs.writeFileSync(file, 'this is not a database, it is a shopping list'.repeat(100));
    await expect(openDatabase({ kind: 'sqlite', file })).rejects.toThrow(
      new RegExp(`Database file ${file} is unreadable or corrupt`)
    );
  });

  it('names a data folder that cannot be created', async () => {
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    await expect(
      openDatabase({ kind: 'sqlite', file: path.join(blocker, 'db', 'kraeved.sqlite') })
    ).rejects.toThrow(/Data folder .* is not writable/);
  });

  it('names a PostgreSQL server that does not answer, without its password', async () => {
    const error = await openDatabase({
      kind: 'postgres',
      url: 'postgres://kraeved:secret@127.0.0.1:1/kraeved'
    }).catch((e: Error) => e);
    expect(String(error)).toMatch(/Cannot connect to postgres:\/\/127\.0\.0\.1:1\/kraeved/);
    expect(String(error)).not.toMatch(/secret/);
  });
});
