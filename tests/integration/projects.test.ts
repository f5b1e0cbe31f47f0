import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { mediaUrls } from '$lib/server/media/responsive';
import { ProjectRepository } from '$lib/server/projects/repository';
import { ProjectEditor, type ProjectOwner } from '$lib/server/projects/editor';
import { ProjectDirectory } from '$lib/server/projects/directory';
import { readProjectForm, projectFields } from '$lib/server/projects/form';
import { placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newMuseum, newProject, testPlaces } from './factories';

describe.each(dialects)('projects on %s', (dialect) => {
  let test: TestDatabase;
  let editor: ProjectEditor;
  let directory: ProjectDirectory;
  let repository: ProjectRepository;
  let own: number;
  let other: number;
  const museumSlug = 'grodekov';
  const association: Actor = {
    userId: 'association',
    grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
  };
  const admin: Actor = {
    userId: 'admin',
    grants: [{ role: 'museum_admin', museumId: 0, publishing: 'publish' }]
  };
  const reviewed: Actor = {
    userId: 'editor',
    grants: [{ role: 'museum_editor', museumId: 0, publishing: 'review' }]
  };
  const stranger: Actor = {
    userId: 'stranger',
    grants: [{ role: 'museum_admin', museumId: 0, publishing: 'publish' }]
  };
  const ofOwn = () => ({ kind: 'museum', museumId: own }) as const;

  async function newOne(slug: string, who: Actor = admin, owner: ProjectOwner = ofOwn()) {
    const made = await editor.create(who, owner, {
      slug,
      title: { ru: 'Проект', en: 'Project' },
      start: '2026-04-01'
    });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    return made.id;
  }

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    for (const id of ['association', 'admin', 'editor', 'stranger'])
      await db
        .insertInto('users')
        .values({ id, name: id, email: `${id}@museum.ru`, email_verified: 1 })
        .execute();
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const a = await catalogue.create(newMuseum({ slug: museumSlug }));
    const b = await catalogue.create(newMuseum({ slug: 'amursk', settlementSlug: 'amursk' }));
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    admin.grants[0]!.museumId = own;
    reviewed.grants[0]!.museumId = own;
    stranger.grants[0]!.museumId = other;
    repository = new ProjectRepository(db);
    editor = new ProjectEditor(
      repository,
      new StaffRepository(db),
      () => new Date(),
      async () => []
    );
    directory = new ProjectDirectory(repository, async () => [], mediaUrls('/media'));
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('starts a project as a draft visitors do not see, one address per owner', async () => {
    const id = await newOne('first');
    const again = await editor.create(admin, ofOwn(), {
      slug: 'first',
      title: { ru: 'Ещё', en: 'Again' },
      start: '2026-01-01'
    });
    expect(again).toMatchObject({ ok: false, errors: [{ field: 'slug' }] });
    // The association may use the same address for its own project.
    await newOne('first', association, { kind: 'association' });
    expect(await directory.page(museumSlug, 'first', 'ru')).toBeNull();
    const { projects } = await editor.list(admin, ofOwn());
    expect(projects.find((p) => p.id === id)).toMatchObject({ open: 'draft', publishedAt: null });
  });

  it('publishes a travelling project: figures, goals cleaned, the itinerary in order', async () => {
    const id = await newOne('tour');
    const saved = await editor.save(
      admin,
      ofOwn(),
      id,
      newProject({ museumIds: [other] }),
      'publish'
    );
    expect(saved).toEqual({ ok: true, status: 'published' });
    const page = await directory.page(museumSlug, 'tour', 'en');
    expect(page).toMatchObject({
      title: 'Museum Tour',
      path: `/museums/${museumSlug}/projects/tour`,
      period: { start: '2026-04-01', end: '2026-09-30' },
      funder: 'The regional budget',
      results: { participants: 2250, districts: 3, lines: ['13 venues'] },
      museums: [{ slug: 'amursk' }]
    });
    expect(page?.stops.map((s) => s.key)).toEqual(['s1', 's2', 's3']);
    expect(page?.stops[1]).toMatchObject({
      district: 'Nanaysky District',
      venue: '',
      position: { latitude: 49.43, longitude: 136.57 }
    });
    const ru = await directory.page(museumSlug, 'tour', 'ru');
    expect(ru?.goalsHtml).toBe('<p>Доступность музеев</p>');
    // The stops reports count are written in the published order.
    const rows = await test.database.db
      .selectFrom('project_stops')
      .where('project_id', '=', id)
      .select(['key', 'position', 'participants'])
      .orderBy('position')
      .execute();
    expect(rows).toEqual([
      { key: 's1', position: 0, participants: 300 },
      { key: 's2', position: 1, participants: 150 },
      { key: 's3', position: 2, participants: 400 }
    ]);
    // A participating museum lists it on its page; a museum not in it does not.
    expect((await directory.cards('ru', { museumSlug: 'amursk' })).map((c) => c.path)).toContain(
      `/museums/${museumSlug}/projects/tour`
    );
    expect(await directory.cards('ru', 'association')).toEqual([]);
  });

  it('moves, adds and removes stops through the plain form and keeps their keys', async () => {
    const id = await newOne('moved');
    await editor.save(admin, ofOwn(), id, newProject(), 'publish');
    const { record } = await editor.open(admin, ofOwn(), id);
    const fields = projectFields(record);
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    // The third stop goes first, the second is emptied (removed), and the empty row gets a stop.
    form.set('stops.2.position', '0');
    for (const name of Object.keys(fields))
      if (name.startsWith('stops.1.') && !name.endsWith('.position') && !name.endsWith('.kind'))
        form.set(name, '');
    form.set('stops.9.position', '10');
    form.set('stops.9.venue.kind', 'place');
    form.set('stops.9.district.ru', 'Бикинский район');
    form.set('stops.9.district.en', 'Bikinsky District');
    form.set('stops.9.participants', '1 200');
    const { input } = readProjectForm(form, record);
    const saved = await editor.save(admin, ofOwn(), id, input, 'publish');
    expect(saved).toEqual({ ok: true, status: 'published' });
    const page = await directory.page(museumSlug, 'moved', 'ru');
    expect(page?.stops.map((s) => [s.key, s.district, s.participants])).toEqual([
      ['s3', 'Амурский район', 400],
      ['s1', 'Хабаровский район', 300],
      ['s2', 'Бикинский район', 1200]
    ]);
  });

  it('refuses what would mislead visitors, in both languages beside the field', async () => {
    const id = await newOne('bad');
    const input = newProject();
    const result = await editor.save(
      admin,
      ofOwn(),
      id,
      {
        ...input,
        museumIds: [99999],
        stops: [
          { ...input.stops![0]!, startsOn: '2027-01-01', endsOn: '2026-12-01' },
          { ...input.stops![1]!, key: 's1' }
        ]
      },
      'publish'
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toContain('stops.0.endsOn');
    const keys = await editor.save(
      admin,
      ofOwn(),
      id,
      {
        ...input,
        museumIds: [99999],
        stops: [input.stops![0]!, { ...input.stops![1]!, key: 's1' }]
      },
      'publish'
    );
    expect(keys).toMatchObject({ ok: false });
    if (keys.ok) return;
    expect(keys.errors.map((e) => e.field).sort()).toEqual(['museumIds.0', 'stops.1.key']);
    expect(keys.errors[0]!.message.ru).toMatch(/[а-я]/);
    expect(keys.errors[0]!.message.en).toMatch(/[a-z]/);
    expect(await directory.page(museumSlug, 'bad', 'ru')).toBeNull();
  });

  it('goes through review: an editor submits, the admin approves, history records both', async () => {
    const id = await newOne('reviewed', reviewed);
    await expect(editor.save(reviewed, ofOwn(), id, newProject(), 'publish')).rejects.toThrow(
      NotFoundOrForbidden
    );
    expect(await editor.save(reviewed, ofOwn(), id, newProject(), 'review')).toEqual({
      ok: true,
      status: 'review'
    });
    const waiting = await editor.waitingForReview(admin, 'en');
    expect(waiting.map((w) => w.projectId)).toContain(id);
    expect(await editor.waitingForReview(stranger, 'en')).toEqual([]);
    const { revision } = await editor.open(admin, ofOwn(), id);
    expect(await editor.approve(admin, ofOwn(), id, revision!.id)).toEqual({ ok: true });
    expect(await directory.page(museumSlug, 'reviewed', 'en')).not.toBeNull();
    const history = await editor.history(admin, ofOwn(), id);
    expect(history.map((h) => h.status)).toContain('published');
  });

  it('lists the news that told of it, and refuses news that is not there', async () => {
    const db = test.database.db;
    const { id: newsId } = await db
      .insertInto('news')
      .values({
        museum_id: own,
        slug: 'tour-opened',
        title_ru: 'Тур открыт',
        title_en: 'The tour opens',
        published: JSON.stringify({}),
        published_at: '2026-04-02T00:00:00.000Z'
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = await newOne('told');
    expect(
      await editor.save(admin, ofOwn(), id, newProject({ newsIds: [newsId + 1000] }), 'draft')
    ).toMatchObject({ ok: false, errors: [{ field: 'newsIds.0' }] });
    expect(
      await editor.save(admin, ofOwn(), id, newProject({ newsIds: [newsId] }), 'publish')
    ).toEqual({ ok: true, status: 'published' });
    const page = await directory.page(museumSlug, 'told', 'en');
    expect(page?.news).toEqual([
      {
        title: 'The tour opens',
        path: `/museums/${museumSlug}/news/tour-opened`,
        date: '2026-04-02'
      }
    ]);
  });

  it("keeps another museum's projects out of reach: not found or no access", async () => {
    const id = await newOne('private');
    await expect(editor.open(stranger, ofOwn(), id)).rejects.toThrow(NotFoundOrForbidden);
    await expect(
      editor.save(stranger, { kind: 'museum', museumId: other }, id, newProject(), 'draft')
    ).rejects.toThrow(NotFoundOrForbidden);
    await expect(editor.list(stranger, ofOwn())).rejects.toThrow(NotFoundOrForbidden);
    await expect(editor.list(admin, { kind: 'association' })).rejects.toThrow(NotFoundOrForbidden);
  });
});
