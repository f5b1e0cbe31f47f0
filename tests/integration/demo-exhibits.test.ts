import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { AssociationRepository } from '$lib/server/association/repository';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import type { Actor } from '$lib/server/auth/access';
import { seedDemoData } from '$lib/server/demo/seed';
import { demoExhibitPlan, seedDemoExhibits } from '$lib/server/demo/exhibits';
import { ExhibitRepository } from '$lib/server/exhibits/repository';
import { ExhibitEditor } from '$lib/server/exhibits/editor';
import { ExhibitDirectory } from '$lib/server/exhibits/directory';
import { mediaUrls } from '$lib/server/media/responsive';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newAccounts } from './factories';

describe.each(dialects)('demo exhibits on %s', (dialect) => {
  let test: TestDatabase;
  let directory: ExhibitDirectory;
  let published: number;
  const museumIds = new Map<string, number>();

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    const museums = new MuseumRepository(db);
    await seedDemoData({
      museums,
      association: new AssociationRepository(db),
      catalogue: new MuseumCatalogue(museums),
      accounts: newAccounts(test.database)
    });
    const staff = new StaffRepository(db);
    const admin = await staff.findUserByEmail('admin@kraeved.demo');
    if (!admin) throw new Error('demo admin missing');
    const actor: Actor = {
      userId: admin.id,
      grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
    };
    for (const plan of demoExhibitPlan()) {
      const museum = await museums.findPublishedBySlug(plan.museum);
      if (museum) museumIds.set(plan.museum, museum.id);
    }
    const exhibits = new ExhibitRepository(db);
    const noFiles = async () => [];
    const editor = new ExhibitEditor(exhibits, staff, () => new Date(), noFiles);
    directory = new ExhibitDirectory(exhibits, noFiles, mediaUrls('/media'));
    published = await seedDemoExhibits({ editor, actor, museumIds });
  }, 120_000);
  afterAll(async () => {
    await test?.dispose();
  });

  it('publishes every planned object in its museum and collection', async () => {
    const planned = demoExhibitPlan().reduce((sum, p) => sum + p.exhibits.length, 0);
    expect(museumIds.size).toBe(demoExhibitPlan().length);
    expect(published).toBe(planned);
    const rows = await test.database.db
      .selectFrom('exhibits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('published', 'is not', null)
      .where('origin', '=', 'demo')
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(planned);
  });

  it('shows a demo object to visitors as one, with its collection and related objects', async () => {
    const exhibitId = await test.database.db
      .selectFrom('exhibits')
      .where('inventory_number', '=', 'ДЕМО-ГКМ-0001')
      .select('id')
      .executeTakeFirstOrThrow();
    const page = await directory.page('grodekov', exhibitId.id, 'en');
    expect(page).toMatchObject({ origin: 'demo', inventoryNumber: 'ДЕМО-ГКМ-0001' });
    expect(page?.collection?.title).toBeTruthy();
    expect(page?.related.length).toBeGreaterThan(0);
    expect(page?.citation).toContain('ДЕМО-ГКМ-0001');
    expect(await directory.page('industrial-heritage', exhibitId.id, 'en')).toBeNull();
  });
});
