import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { MuseumEditor } from '$lib/server/museums/editor';
import { RevisionRepository } from '$lib/server/museums/revisions';
import { AssociationRepository } from '$lib/server/association/repository';
import { AssociationEditor } from '$lib/server/association/editor';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import type { Actor } from '$lib/server/auth/access';
import { associationInput, placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newMuseum, testAssociation, testPlaces } from './factories';

/** What an attacker (or a careless paste) sends in a rich-text field. */
const hostile =
  '<p onclick="steal()">Музей <strong>открыт</strong></p>' +
  '<script>alert(document.cookie)</script>' +
  '<img src="x" onerror="alert(1)">' +
  '<p><a href="javascript:alert(1)">ссылка</a> и <a href="https://hkm.ru/" onmouseover="x()">сайт</a></p>' +
  '<p style="color:red" class="MsoNormal"><span style="mso-bidi-font-weight:bold">Текст</span></p>';
const clean =
  '<p>Музей <strong>открыт</strong></p>' +
  '<p><a rel="noopener">ссылка</a> и <a href="https://hkm.ru/" rel="noopener">сайт</a></p>' +
  '<p>Текст</p>';

const admin: Actor = {
  userId: 'admin',
  grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
};

describe.each(dialects)('rich text is stored clean on %s', (dialect) => {
  let test: TestDatabase;
  let museums: MuseumRepository;
  let editor: MuseumEditor;
  let association: AssociationEditor;
  let museumId: number;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    await db
      .insertInto('users')
      .values({ id: 'admin', name: 'Админ', email: 'admin@museum.ru', email_verified: 1 })
      .execute();
    museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const created = await new MuseumCatalogue(museums).create(newMuseum());
    if (!created.ok) throw new Error('test museum refused');
    museumId = created.id;
    const staff = new StaffRepository(db);
    editor = new MuseumEditor(museums, new RevisionRepository(db), staff, () => new Date());
    const associationRepository = new AssociationRepository(db);
    await associationRepository.save(associationInput.parse(testAssociation));
    association = new AssociationEditor(associationRepository, staff);
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it("keeps a museum's about and history text without scripts, handlers or styles, in the draft and once published", async () => {
    const { record } = await editor.open(admin, museumId);
    const input = {
      ...record,
      about: { ru: hostile, en: hostile },
      history: { ru: hostile, en: 'ok' }
    };
    await editor.save(admin, museumId, input, 'draft');
    const draft = await editor.open(admin, museumId);
    expect(draft.record.about).toEqual({ ru: clean, en: clean });
    expect(draft.record.history).toEqual({ ru: clean, en: 'ok' });

    await editor.save(admin, museumId, input, 'publish');
    const stored = await museums.loadRecord(museumId);
    expect(stored?.about).toEqual({ ru: clean, en: clean });
    expect(stored?.history?.ru).toBe(clean);
  });

  it("keeps the association's about, goals and project descriptions clean", async () => {
    const base = await association.open(admin);
    await association.save(admin, {
      ...base,
      about: { ru: hostile, en: hostile },
      goals: { ru: hostile, en: hostile },
      projects: [{ ...base.projects[0]!, body: { ru: hostile, en: hostile } }]
    });
    const stored = await association.open(admin);
    expect(stored.about).toEqual({ ru: clean, en: clean });
    expect(stored.goals).toEqual({ ru: clean, en: clean });
    expect(stored.projects[0]?.body).toEqual({ ru: clean, en: clean });
  });
});
