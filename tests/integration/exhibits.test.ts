import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { RevisionRepository } from '$lib/server/museums/revisions';
import { AuditLog } from '$lib/server/auth/audit-log';
import { Workspace } from '$lib/server/auth/workspace';
import { JobOverview } from '$lib/server/jobs/overview';
import { TourRepository } from '$lib/server/tours/repository';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { MediaRepository } from '$lib/server/media/repository';
import { MediaLibrary } from '$lib/server/media/library';
import { mediaUrls } from '$lib/server/media/responsive';
import { JobQueue } from '$lib/server/jobs/queue';
import { JobRepository } from '$lib/server/jobs/repository';
import { createStorage, type Storage } from '$lib/server/storage';
import { ExhibitRepository } from '$lib/server/exhibits/repository';
import { ExhibitEditor } from '$lib/server/exhibits/editor';
import { ExhibitDirectory } from '$lib/server/exhibits/directory';
import { exhibitUsages } from '$lib/server/exhibits/media-usages';
import { saveExhibitForm } from '$lib/server/exhibits/form';
import { placeInput } from '$lib/shared/association';
import type { ExhibitInput } from '$lib/shared/exhibit';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newExhibit, newMuseum, newStaffMember, testPlaces } from './factories';

describe.each(dialects)('exhibits on %s', (dialect) => {
  let test: TestDatabase;
  let editor: ExhibitEditor;
  let directory: ExhibitDirectory;
  let media: MediaRepository;
  let library: MediaLibrary;
  let storage: Storage;
  let mediaDir: string;
  let exhibits: ExhibitRepository;
  let own: number;
  let other: number;
  /** The museum's admin (publishes and reviews), its editor (submits for review), and the admin of another museum. */
  let admin: Actor;
  let reviewed: Actor;
  let stranger: Actor;
  const published: number[] = [];

  /** An image of a museum's library: processed with its alt text unless the test says otherwise. */
  async function image(
    museumId: number,
    { alt = 'Медный самовар на столе', ready = true } = {}
  ): Promise<number> {
    const now = new Date().toISOString();
    const fileName = `samovar-${Math.random().toString(36).slice(2, 8)}.jpg`;
    const { id } = await media.insert(
      {
        museumId,
        kind: 'image',
        status: 'processing',
        fileName,
        mime: 'image/jpeg',
        bytes: 1000,
        originalKey: `museums/${museumId}/media/${fileName}/original.jpg`,
        width: 800,
        height: 600,
        uploadId: null,
        createdBy: admin.userId
      },
      now
    );
    if (alt)
      await media.describe(
        id,
        fileName,
        {
          alt: { ru: alt, en: 'A copper samovar' },
          caption: { ru: '', en: '' },
          credit: '',
          licence: '',
          focal: null
        },
        now
      );
    if (ready) {
      const variant = (format: 'jpeg' | 'webp') => ({
        format,
        width: 800,
        height: 600,
        key: `museums/${museumId}/media/${fileName}/800.${format}`,
        bytes: 500
      });
      await media.markReady(
        id,
        {
          rendition: {
            width: 800,
            height: 600,
            thumbhash: 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw',
            variants: [variant('jpeg'), variant('webp')]
          },
          tiles: null
        },
        now
      );
    }
    return id;
  }

  /** A new exhibit of the museum with the whole record saved, as its admin makes it. */
  async function anExhibit(
    overrides: Partial<ExhibitInput> = {},
    intent: 'draft' | 'publish' = 'draft',
    museumId = own,
    who = admin
  ): Promise<number> {
    const input = newExhibit(overrides);
    const made = await editor.create(who, museumId, {
      inventoryNumber: input.inventoryNumber,
      title: input.title
    });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const saved = await editor.save(who, museumId, made.id, input, intent);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    return made.id;
  }

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const a = await catalogue.create(newMuseum({ slug: 'lore' }));
    const b = await catalogue.create(newMuseum({ slug: 'elsewhere' }));
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    admin = await newStaffMember(db, { role: 'museum_admin', museumId: own }, 'Анна Хранитель');
    reviewed = await newStaffMember(db, { role: 'museum_editor', museumId: own }, 'Иван Редактор');
    stranger = await newStaffMember(db, { role: 'museum_admin', museumId: other }, 'Чужой Админ');
    media = new MediaRepository(db);
    exhibits = new ExhibitRepository(db);
    const assetsOf = async (museumId: number, ids: number[]) =>
      (await media.findMany(ids)).filter((asset) => asset.museumId === museumId);
    const staff = new StaffRepository(db);
    editor = new ExhibitEditor(
      exhibits,
      staff,
      () => new Date(),
      assetsOf,
      (id) => {
        published.push(id);
      }
    );
    directory = new ExhibitDirectory(exhibits, assetsOf, mediaUrls('/media'));
    mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-exhibits-media-'));
    storage = await createStorage({ kind: 'disk', root: mediaDir });
    library = new MediaLibrary({
      repository: media,
      storage,
      queue: new JobQueue(new JobRepository(db, test.database.dialect), () => new Date()),
      staff,
      clock: () => new Date(),
      limits: { maxUploadBytes: 1024 * 1024, maxImagePixels: 10_000_000 },
      findUsages: exhibitUsages(exhibits)
    });
  });
  afterAll(async () => {
    await storage?.close();
    await test?.dispose();
    if (mediaDir) await fs.rm(mediaDir, { recursive: true, force: true });
  });

  it('creates an exhibit as a draft visitors do not see, and refuses a second one with the same inventory number, saying so', async () => {
    const id = await anExhibit({ inventoryNumber: 'ОФ-100' });
    const again = await editor.create(admin, own, {
      inventoryNumber: 'ОФ-100',
      title: { ru: 'Другой предмет', en: '' }
    });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.errors[0]!.field).toBe('inventoryNumber');
      expect(again.errors[0]!.message.ru).toContain(
        'уже есть предмет с инвентарным номером ОФ-100'
      );
      expect(again.errors[0]!.message.en).toContain('already has an object with inventory number');
    }
    // The same number in another museum is another object.
    expect(
      await editor.create(stranger, other, {
        inventoryNumber: 'ОФ-100',
        title: { ru: 'Ложка', en: '' }
      })
    ).toMatchObject({ ok: true });
    // Renaming another exhibit to a number taken is refused beside the field.
    const second = await anExhibit();
    const renamed = await editor.save(
      admin,
      own,
      second,
      newExhibit({ inventoryNumber: 'ОФ-100' }),
      'draft'
    );
    expect(renamed).toMatchObject({ ok: false, errors: [{ field: 'inventoryNumber' }] });

    const { exhibits: listed } = await editor.list(admin, own, { q: 'оф-100' });
    expect(listed).toEqual([
      expect.objectContaining({ id, inventoryNumber: 'ОФ-100', open: 'draft', publishedAt: null })
    ]);
    expect(await directory.page('lore', id, 'ru')).toBeNull();
  });

  it('pages the list by keyset, newest first, and finds by number or title', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await anExhibit({ title: { ru: `Прялка ${i}`, en: '' } }));
    const first = await editor.list(admin, own, { q: 'прялка', limit: 3 });
    expect(first.exhibits.map((e) => e.id)).toEqual([ids[4], ids[3], ids[2]]);
    expect(first.next).toBe(ids[2]);
    const second = await editor.list(admin, own, { q: 'прялка', limit: 3, after: first.next! });
    expect(second.exhibits.map((e) => e.id)).toEqual([ids[1], ids[0]]);
    expect(second.next).toBeNull();
    // A "%" in the query is a character, not a wildcard.
    expect((await editor.list(admin, own, { q: '%' })).exhibits).toEqual([]);
  });

  it('saves a draft, submits it for review and publishes it; the same form sent twice is one change', async () => {
    const id = await anExhibit();
    const input = newExhibit({ title: { ru: 'Утюг', en: 'Flat iron' } });
    expect(await editor.save(reviewed, own, id, input, 'draft')).toEqual({
      ok: true,
      status: 'draft'
    });
    expect(await editor.save(reviewed, own, id, input, 'draft')).toEqual({
      ok: true,
      status: 'draft'
    });
    expect(await editor.history(admin, own, id)).toHaveLength(1);
    await expect(editor.save(reviewed, own, id, input, 'publish')).rejects.toThrow(
      NotFoundOrForbidden
    );
    expect(await editor.save(reviewed, own, id, input, 'review')).toEqual({
      ok: true,
      status: 'review'
    });
    expect(await directory.page('lore', id, 'ru')).toBeNull();
    expect((await editor.open(admin, own, id)).revision?.status).toBe('review');
    expect(await editor.save(admin, own, id, input, 'publish')).toEqual({
      ok: true,
      status: 'published'
    });
    expect(published).toContain(id);
    expect(await directory.page('lore', id, 'en')).toMatchObject({
      title: 'Flat iron',
      inventoryNumber: input.inventoryNumber,
      description: ['A copper samovar.'],
      material: 'metal',
      yearFrom: 1880
    });
    const history = await editor.history(admin, own, id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: 'published', author: 'Анна Хранитель' });
    // Publishing the same again changes nothing.
    expect(await editor.save(admin, own, id, input, 'publish')).toEqual({
      ok: true,
      status: 'published'
    });
    expect(await editor.history(admin, own, id)).toHaveLength(1);
  });

  it('checks a submitted version again on approval: a file deleted since refuses it', async () => {
    const picture = await image(own);
    const id = await anExhibit({}, 'draft', own, reviewed);
    const input = newExhibit({ media: [picture] });
    expect(await editor.save(reviewed, own, id, input, 'review')).toMatchObject({ ok: true });
    const { revision } = await editor.open(admin, own, id);
    await expect(editor.approve(reviewed, own, id, revision!.id)).rejects.toThrow(
      NotFoundOrForbidden
    );
    await media.delete(picture);
    const refused = await editor.approve(admin, own, id, revision!.id);
    expect(refused).toMatchObject({ ok: false, errors: [{ field: 'media.0' }] });
    if (!refused.ok) expect(refused.errors[0]!.message.ru).toContain('нет в медиатеке');
    expect(await directory.page('lore', id, 'ru')).toBeNull();

    await editor.save(reviewed, own, id, { ...input, media: [await image(own)] }, 'review');
    const again = await editor.open(admin, own, id);
    expect(await editor.approve(admin, own, id, again.revision!.id)).toEqual({ ok: true });
    const view = await directory.page('lore', id, 'ru');
    expect(view?.images).toHaveLength(1);
    expect(view?.images[0]).toMatchObject({ alt: 'Медный самовар на столе' });
    const history = await editor.history(admin, own, id);
    expect(history[0]).toMatchObject({
      status: 'published',
      author: 'Иван Редактор',
      publisher: 'Анна Хранитель'
    });
  });

  it('sends a submitted version back to its author as a draft with a note', async () => {
    const id = await anExhibit();
    await editor.save(reviewed, own, id, newExhibit(), 'review');
    const { revision } = await editor.open(admin, own, id);
    await expect(editor.sendBack(reviewed, own, id, revision!.id, 'Нет')).rejects.toThrow(
      NotFoundOrForbidden
    );
    await editor.sendBack(admin, own, id, revision!.id, 'Уточните датировку');
    expect((await editor.open(reviewed, own, id)).revision).toMatchObject({
      status: 'draft',
      note: 'Уточните датировку'
    });
    // Sent back once, it no longer waits: a second "send back" or "approve" finds nothing.
    await expect(editor.approve(admin, own, id, revision!.id)).rejects.toThrow(NotFoundOrForbidden);
  });

  it('keeps an image without alt text or not yet processed out of review and publishing, but not out of a draft', async () => {
    const id = await anExhibit();
    const input = newExhibit({
      media: [await image(own, { alt: '' }), await image(own, { ready: false })]
    });
    expect(await editor.save(admin, own, id, input, 'draft')).toEqual({
      ok: true,
      status: 'draft'
    });
    for (const intent of ['review', 'publish'] as const) {
      const result = await editor.save(admin, own, id, input, intent);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors.map((e) => e.field)).toEqual(['media.0', 'media.1']);
      expect(result.errors[0]!.message.ru).toContain('нет описания для незрячих');
      expect(result.errors[1]!.message.en).toContain('is not ready');
    }
    expect(await directory.page('lore', id, 'ru')).toBeNull();
  });

  it('relates an exhibit only to other exhibits of the same museum', async () => {
    const id = await anExhibit();
    const sibling = await anExhibit({}, 'publish');
    const foreign = await anExhibit({}, 'publish', other, stranger);
    const refused = await editor.save(
      admin,
      own,
      id,
      newExhibit({ related: [id, foreign] }),
      'draft'
    );
    expect(refused).toMatchObject({
      ok: false,
      errors: [{ field: 'related.0' }, { field: 'related.1' }]
    });
    expect(
      await editor.save(admin, own, id, newExhibit({ related: [sibling] }), 'publish')
    ).toMatchObject({ ok: true });
    const view = await directory.page('lore', id, 'ru');
    expect(view?.related.map((r) => r.id)).toEqual([sibling]);
  });

  it('puts an exhibit only into a collection of its museum, and collections keep their address unique', async () => {
    const mine = await editor.saveCollection(admin, own, null, {
      slug: 'samovars',
      title: { ru: 'Самовары', en: 'Samovars' }
    });
    const theirs = await editor.saveCollection(stranger, other, null, {
      slug: 'samovars',
      title: { ru: 'Самовары', en: '' }
    });
    if (!mine.ok || !theirs.ok) throw new Error('collections refused');
    expect(
      await editor.saveCollection(admin, own, null, {
        slug: 'samovars',
        title: { ru: 'Ещё', en: '' }
      })
    ).toMatchObject({ ok: false, errors: [{ field: 'slug' }] });
    await expect(
      editor.saveCollection(admin, own, theirs.id, { slug: 'x', title: { ru: 'Моя', en: '' } })
    ).rejects.toThrow(NotFoundOrForbidden);

    const id = await anExhibit();
    const refused = await editor.save(
      admin,
      own,
      id,
      newExhibit({ collectionId: theirs.id }),
      'draft'
    );
    expect(refused).toMatchObject({ ok: false, errors: [{ field: 'collectionId' }] });
    expect(
      await editor.save(admin, own, id, newExhibit({ collectionId: mine.id }), 'publish')
    ).toMatchObject({ ok: true });
    expect((await directory.page('lore', id, 'en'))?.collection).toEqual({
      slug: 'samovars',
      title: 'Samovars'
    });
  });

  it('answers "not found or no access" to another museum’s staff for every method', async () => {
    const id = await anExhibit();
    await editor.save(reviewed, own, id, newExhibit(), 'review');
    const { revision } = await editor.open(admin, own, id);
    const attempts: Record<string, () => Promise<unknown>> = {
      list: () => editor.list(stranger, own),
      create: () =>
        editor.create(stranger, own, { inventoryNumber: 'X-1', title: { ru: 'Х', en: '' } }),
      open: () => editor.open(stranger, own, id),
      save: () => editor.save(stranger, own, id, newExhibit(), 'draft'),
      approve: () => editor.approve(stranger, own, id, revision!.id),
      sendBack: () => editor.sendBack(stranger, own, id, revision!.id, 'x'),
      history: () => editor.history(stranger, own, id),
      collections: () => editor.collections(stranger, own),
      saveCollection: () =>
        editor.saveCollection(stranger, own, null, { slug: 'z', title: { ru: 'З', en: '' } }),
      byInventory: () => editor.byInventory(stranger, own, ['КП-1']),
      // Through their own museum, an exhibit of ours is no such exhibit.
      'open through their museum': () => editor.open(stranger, other, id),
      'save through their museum': () => editor.save(stranger, other, id, newExhibit(), 'draft'),
      'history through their museum': () => editor.history(stranger, other, id),
      // And no staff at all.
      'open without signing in': () => editor.open(null, own, id)
    };
    for (const [name, attempt] of Object.entries(attempts))
      await expect(attempt(), name).rejects.toThrow(NotFoundOrForbidden);
  });

  it('never shows visitors a draft: the published version stays until the next one is published', async () => {
    const id = await anExhibit({ title: { ru: 'Первая версия', en: '' } }, 'publish');
    await editor.save(
      admin,
      own,
      id,
      newExhibit({ title: { ru: 'Черновая версия', en: '' } }),
      'draft'
    );
    expect((await directory.page('lore', id, 'ru'))?.title).toBe('Первая версия');
    const editing = await editor.open(admin, own, id);
    expect(editing.changes.map((c) => c.field)).toContain('title.ru');
    const preview = await directory.preview(own, id, editing.record, 'ru');
    expect(preview?.title).toBe('Черновая версия');
    // Another museum's address does not reach it either.
    expect(await directory.page('elsewhere', id, 'ru')).toBeNull();
  });

  it('tells the media library where a file is used, published or in a draft, so it is not deleted', async () => {
    const shown = await image(own);
    const drafted = await image(own);
    const unused = await image(own);
    const live = await anExhibit({ inventoryNumber: 'ОФ-777', media: [shown] }, 'publish');
    const draft = await anExhibit({ inventoryNumber: 'ОФ-778', media: [drafted] });
    const usages = exhibitUsages(exhibits);
    expect(await usages((await media.find(shown))!)).toEqual([
      expect.objectContaining({
        state: 'published',
        href: `/admin/museums/${own}/exhibits/${live}`,
        title: expect.objectContaining({ ru: expect.stringContaining('ОФ-777') })
      })
    ]);
    expect(await usages((await media.find(drafted))!)).toEqual([
      expect.objectContaining({ state: 'draft', href: `/admin/museums/${own}/exhibits/${draft}` })
    ]);
    const refused = await library.delete(admin, own, shown);
    expect(refused).toMatchObject({ ok: false });
    expect(await media.find(shown)).toBeDefined();
    expect(await library.delete(admin, own, drafted)).toMatchObject({ ok: false });
    expect(await library.delete(admin, own, unused)).toEqual({ ok: true });
  });

  it('reads the staff form: related objects by inventory number, and a number that names nothing refused beside the field', async () => {
    const sibling = await anExhibit({ inventoryNumber: 'ОФ-900' });
    const id = await anExhibit();
    const form = new FormData();
    form.set('inventoryNumber', 'ОФ-901');
    form.set('title.ru', 'Подстаканник');
    form.set('related', 'ОФ-900\nОФ-404');
    form.set('yearFrom', '1900');
    const refused = await saveExhibitForm(editor, admin, own, id, form, 'draft', 'en');
    expect(refused).toMatchObject({
      ok: false,
      errors: { related: 'The museum has no object with inventory number ОФ-404.' },
      submitted: { 'title.ru': 'Подстаканник', related: 'ОФ-900\nОФ-404' }
    });
    form.set('related', 'ОФ-900');
    expect(await saveExhibitForm(editor, admin, own, id, form, 'draft', 'ru')).toEqual({
      ok: true,
      status: 'draft'
    });
    const { record, related } = await editor.open(admin, own, id);
    expect(record).toMatchObject({ inventoryNumber: 'ОФ-901', related: [sibling], yearFrom: 1900 });
    expect(related).toEqual([expect.objectContaining({ id: sibling, inventoryNumber: 'ОФ-900' })]);
    form.set('yearTo', '1800');
    const backwards = await saveExhibitForm(editor, admin, own, id, form, 'draft', 'ru');
    expect(backwards).toMatchObject({
      ok: false,
      errors: { yearTo: expect.stringContaining('Год до') }
    });
  });

  it('puts an exhibit waiting for review on the dashboard of those who may review it', async () => {
    const db = test.database.db;
    const museums = new MuseumRepository(db);
    const staff = new StaffRepository(db);
    const workspace = new Workspace(
      museums,
      new RevisionRepository(db),
      new AuditLog(staff, museums, () => new Date()),
      new JobOverview(
        new JobQueue(new JobRepository(db, test.database.dialect), () => new Date()),
        staff,
        () => {}
      ),
      () => new Date(),
      new TourRepository(db),
      exhibits
    );
    const board = async (actor: Actor) =>
      (
        await workspace.dashboard(
          { user: { id: actor.userId, name: actor.userId, email: 'x@museum.ru' }, actor },
          'ru'
        )
      ).waitingExhibits;
    const id = await anExhibit({ inventoryNumber: 'ОФ-555', title: { ru: 'Прялка', en: '' } });
    await editor.save(reviewed, own, id, newExhibit({ inventoryNumber: 'ОФ-555' }), 'review');
    expect(await board(admin)).toContainEqual(
      expect.objectContaining({
        museumId: own,
        exhibitId: id,
        inventoryNumber: 'ОФ-555',
        author: 'Иван Редактор'
      })
    );
    // The editor who sent it cannot review it; another museum's admin never sees it.
    expect(await board(reviewed)).toEqual([]);
    expect(await board(stranger)).toEqual([]);
  });
});
