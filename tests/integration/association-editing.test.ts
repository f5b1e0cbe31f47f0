import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssociationRepository } from '$lib/server/association/repository';
import { AssociationEditor } from '$lib/server/association/editor';
import { AssociationPages } from '$lib/server/association/pages';
import { readAssociationForm } from '$lib/server/association/form';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { associationInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { testAssociation } from './factories';

const associationAdmin: Actor = {
  userId: 'admin',
  grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
};
const museumAdmin: Actor = {
  userId: 'museum-admin',
  grants: [{ role: 'museum_admin', museumId: 1, publishing: 'publish' }]
};

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe.each(dialects)("editing the association's pages on %s", (dialect) => {
  let test: TestDatabase;
  let editor: AssociationEditor;
  let pages: AssociationPages;
  let published = 0;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    for (const id of ['admin', 'museum-admin']) {
      await db
        .insertInto('users')
        .values({ id, name: id, email: `${id}@museum.ru`, email_verified: 1 })
        .execute();
    }
    const repository = new AssociationRepository(db);
    await repository.save(associationInput.parse(testAssociation));
    editor = new AssociationEditor(repository, new StaffRepository(db), () => (published += 1));
    pages = new AssociationPages(repository);
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('publishes what the form says at once, with governance and projects in their new order', async () => {
    const base = await editor.open(associationAdmin);
    const input = readAssociationForm(
      form({
        'name.ru': 'Ассоциация музеев',
        'name.en': 'Association of museums',
        'shortName.ru': 'АМ',
        'shortName.en': 'AM',
        'summary.ru': 'Музеи края вместе.',
        'summary.en': 'The museums of the region together.',
        'about.ru': '<p>Новый текст <strong>об ассоциации</strong></p>',
        'about.en': '<p>A new text <strong>about us</strong></p>',
        foundedOn: '2019-04-19',
        memberTowns: 'Хабаровск | Khabarovsk\nАмурск',
        governance: '',
        'governance.0.position': '2',
        'governance.0.body': 'leadership',
        'governance.0.role': 'president',
        'governance.0.person.ru': 'Анна Петрова',
        'governance.0.person.en': 'Anna Petrova',
        'governance.1.position': '1',
        'governance.1.body': 'council',
        'governance.1.role': 'council_chair',
        'governance.1.person.ru': 'Иван Сидоров',
        'governance.1.person.en': 'Ivan Sidorov',
        projects: '',
        'projects.0.slug': 'seminar',
        'projects.0.title.ru': 'Семинар',
        'projects.0.title.en': 'Seminar',
        'projects.1.slug': '',
        'projects.1.title.ru': '',
        'projects.1.title.en': ''
      }),
      base
    );
    expect(await editor.save(associationAdmin, input)).toEqual({ ok: true });
    expect(published).toBe(1);
    const about = await pages.about('en');
    expect(about?.about).toBe('<p>A new text <strong>about us</strong></p>');
    expect(about?.memberTowns).toEqual(['Khabarovsk', 'Амурск']);
    expect(about?.foundedOn).toBe('2019-04-19');
    expect((await pages.governance('ru')).map((g) => g.person)).toEqual([
      'Иван Сидоров',
      'Анна Петрова'
    ]);
    expect((await pages.projects('en')).map((p) => p.title)).toEqual(['Seminar']);
  });

  it('refuses two projects at one address, beside the second, in both languages', async () => {
    const base = await editor.open(associationAdmin);
    const project = { slug: 'seminar', title: { ru: 'Семинар', en: 'Seminar' } };
    const result = await editor.save(associationAdmin, { ...base, projects: [project, project] });
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'projects.1.slug',
          message: {
            ru: 'Этот адрес уже у другого проекта.',
            en: 'Another project already has this address.'
          }
        }
      ]
    });
  });

  it('asks for the name in both languages beside the field, and keeps nothing', async () => {
    const base = await editor.open(associationAdmin);
    const result = await editor.save(associationAdmin, {
      ...base,
      name: { ru: 'Ассоциация', en: '' }
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'name.en', message: { ru: 'Заполните это поле.', en: 'Fill in this field.' } }
      ]
    });
    expect((await pages.about('ru'))?.name).toBe('Ассоциация музеев');
  });

  it('writes who changed the association into the audit log', async () => {
    const rows = await test.database.db
      .selectFrom('audit_log')
      .where('entity', '=', 'association')
      .select(['user_id', 'action'])
      .execute();
    expect(rows).toEqual([{ user_id: 'admin', action: 'publish' }]);
  });

  it("answers 'not found or no access' to a museum admin", async () => {
    await expect(editor.open(museumAdmin)).rejects.toThrow(NotFoundOrForbidden);
    await expect(editor.save(museumAdmin, testAssociation)).rejects.toThrow(NotFoundOrForbidden);
  });
});
