import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { MuseumDirectory } from '$lib/server/museums/directory';
import { MuseumEditor } from '$lib/server/museums/editor';
import { RevisionRepository } from '$lib/server/museums/revisions';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { khabarovskNoon, newMuseum, testPlaces } from './factories';

describe.each(dialects)('editing a museum profile on %s', (dialect) => {
  let test: TestDatabase;
  let editor: MuseumEditor;
  let directory: MuseumDirectory;
  let own: number;
  let other: number;
  let published = 0;
  const admin = (museumId: number): Actor => ({
    userId: 'admin',
    grants: [{ role: 'museum_admin', museumId, publishing: 'publish' }]
  });
  const reviewEditor = (museumId: number): Actor => ({
    userId: 'editor',
    grants: [{ role: 'museum_editor', museumId, publishing: 'review' }]
  });

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    for (const [id, name] of [
      ['admin', 'Админ'],
      ['editor', 'Редактор']
    ]) {
      await db
        .insertInto('users')
        .values({ id: id!, name: name!, email: `${id}@museum.ru`, email_verified: 1 })
        .execute();
    }
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const a = await catalogue.create(
      newMuseum({ slug: 'own', name: { ru: 'Наш музей', en: 'Our museum' } })
    );
    const b = await catalogue.create(newMuseum({ slug: 'other' }));
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    editor = new MuseumEditor(
      museums,
      new RevisionRepository(db),
      new StaffRepository(db),
      () => khabarovskNoon('2026-11-24'),
      async () => [],
      () => (published += 1)
    );
    directory = new MuseumDirectory(museums);
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it("keeps an editor's changes off the public page until the museum admin approves them", async () => {
    const { record } = await editor.open(reviewEditor(own), own);
    const changed = { ...record, summary: { ru: 'Новое описание', en: 'A new summary' } };
    expect(await editor.save(reviewEditor(own), own, changed, 'draft')).toEqual({
      ok: true,
      status: 'draft'
    });
    expect((await directory.page('own', 'ru', new Date()))?.summary).not.toBe('Новое описание');

    await expect(editor.save(reviewEditor(own), own, changed, 'publish')).rejects.toThrow(
      NotFoundOrForbidden
    );
    expect(await editor.save(reviewEditor(own), own, changed, 'review')).toEqual({
      ok: true,
      status: 'review'
    });

    const opened = await editor.open(admin(own), own);
    expect(opened.revision?.status).toBe('review');
    expect(opened.changes).toEqual([
      { field: 'summary.en', before: '', after: 'A new summary' },
      { field: 'summary.ru', before: '', after: 'Новое описание' }
    ]);
    await editor.approve(admin(own), own, opened.revision!.id);
    expect((await directory.page('own', 'ru', new Date()))?.summary).toBe('Новое описание');
    expect(published).toBe(1);
  });

  it('lets the admin publish directly, and restore an earlier version as a new draft', async () => {
    const { record } = await editor.open(admin(own), own);
    const renamed = { ...record, name: { ru: 'Переименованный музей', en: 'Renamed museum' } };
    expect(await editor.save(admin(own), own, renamed, 'publish')).toEqual({
      ok: true,
      status: 'published'
    });
    expect((await directory.page('own', 'en', new Date()))?.name).toBe('Renamed museum');

    const history = await editor.history(admin(own), own);
    expect(history.map((h) => h.status)).toEqual(['published', 'published']);
    expect(history[1]?.author).toBe('Редактор');
    await editor.restore(admin(own), own, history[1]!.id);
    const reopened = await editor.open(admin(own), own);
    expect(reopened.revision?.status).toBe('draft');
    expect(reopened.record.name.ru).toBe('Наш музей');
    expect((await directory.page('own', 'en', new Date()))?.name).toBe('Renamed museum');
  });

  it('refuses an invalid hours rule with messages in both languages and keeps nothing', async () => {
    const { record } = await editor.open(admin(own), own);
    const before = await editor.history(admin(own), own);
    const result = await editor.save(
      admin(own),
      own,
      { ...record, hoursRule: 'Mo-Fr 25:00-26:00', emails: ['not an address'] },
      'draft'
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.field)).toContain('emails.0');
      expect(result.errors.find((e) => e.field === 'emails.0')?.message.ru).toMatch(/[а-я]/);
    }
    expect(await editor.history(admin(own), own)).toEqual(before);
  });

  it("answers 'not found or no access' for another museum's profile", async () => {
    await expect(editor.open(admin(own), other)).rejects.toThrow(NotFoundOrForbidden);
    const { record } = await editor.open(admin(other), other);
    await expect(editor.save(reviewEditor(own), other, record, 'draft')).rejects.toThrow(
      NotFoundOrForbidden
    );
    await expect(editor.history(reviewEditor(own), other)).rejects.toThrow(NotFoundOrForbidden);
  });

  it('never lets staff change the address of the museum page', async () => {
    const { record } = await editor.open(admin(own), own);
    await editor.save(admin(own), own, { ...record, slug: 'stolen' }, 'publish');
    expect(await directory.page('stolen', 'ru', new Date())).toBeUndefined();
    expect(await directory.page('own', 'ru', new Date())).toBeDefined();
  });

  it('records a form sent twice, even at the same moment, as one change', async () => {
    const { record } = await editor.open(admin(other), other);
    const changed = { ...record, summary: { ru: 'Отправлено дважды', en: 'Sent twice' } };
    const before = (await editor.history(admin(other), other)).length;
    const results = await Promise.all([
      editor.save(admin(other), other, changed, 'draft'),
      editor.save(admin(other), other, changed, 'draft')
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    await editor.save(admin(other), other, changed, 'draft');
    expect((await editor.history(admin(other), other)).length).toBe(before + 1);
    // Publishing it twice publishes once.
    await editor.save(admin(other), other, changed, 'publish');
    const afterPublish = await editor.history(admin(other), other);
    await editor.save(admin(other), other, changed, 'publish');
    expect(await editor.history(admin(other), other)).toEqual(afterPublish);
  });

  it('writes one change-log line for a draft its author saves again and again', async () => {
    const db = test.database.db;
    const lines = async () =>
      (
        await db
          .selectFrom('audit_log')
          .where('museum_id', '=', own)
          .where('action', '=', 'save-draft')
          .select('id')
          .execute()
      ).length;
    const { record } = await editor.open(admin(own), own);
    const before = await lines();
    for (const word of ['Один', 'Два', 'Три']) {
      await editor.save(admin(own), own, { ...record, summary: { ru: word, en: word } }, 'draft');
    }
    expect(await lines()).toBe(before + 1);
  });
});
