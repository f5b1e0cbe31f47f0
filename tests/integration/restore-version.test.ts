import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { ExhibitRepository } from '$lib/server/exhibits/repository';
import { ExhibitEditor } from '$lib/server/exhibits/editor';
import { TourRepository } from '$lib/server/tours/repository';
import { TourEditor } from '$lib/server/tours/editor';
import { ExhibitionRepository } from '$lib/server/exhibitions/repository';
import { ExhibitionEditor } from '$lib/server/exhibitions/editor';
import { placeInput } from '$lib/shared/association';
import type { ExhibitionInput } from '$lib/shared/exhibition';
import type { TourRecord } from '$lib/shared/tour';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newExhibit, newMuseum, newStaffMember, testPlaces } from './factories';

/**
 * Restoring a past published version as a draft, through the one piece (VersionFlow.restore)
 * exhibits, tours and exhibitions share.
 */
describe.each(dialects)('restoring a past version on %s', (dialect) => {
  let test: TestDatabase;
  let staff: StaffRepository;
  let exhibitRepository: ExhibitRepository;
  let exhibits: ExhibitEditor;
  let tourRepository: TourRepository;
  let tours: TourEditor;
  let exhibitions: ExhibitionEditor;
  let own: number;
  let other: number;
  let admin: Actor;
  let editor: Actor;
  let stranger: Actor;
  const noFiles = async () => [];

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const a = await catalogue.create(newMuseum());
    const b = await catalogue.create(newMuseum());
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    admin = await newStaffMember(db, { role: 'museum_admin', museumId: own });
    editor = await newStaffMember(db, { role: 'museum_editor', museumId: own });
    stranger = await newStaffMember(db, { role: 'museum_admin', museumId: other });
    staff = new StaffRepository(db);
    exhibitRepository = new ExhibitRepository(db);
    exhibits = new ExhibitEditor(exhibitRepository, staff, () => new Date(), noFiles);
    tourRepository = new TourRepository(db);
    tours = new TourEditor(tourRepository, staff, () => new Date(), noFiles);
    exhibitions = new ExhibitionEditor(
      new ExhibitionRepository(db),
      staff,
      () => new Date(),
      noFiles
    );
  });
  afterAll(async () => {
    await test?.dispose();
  });

  /** An exhibit published twice: the first version is the past one, the second on the site. */
  async function exhibitPublishedTwice() {
    const first = newExhibit({ title: { ru: 'Самовар', en: 'Samovar' } });
    const made = await exhibits.create(admin, own, first);
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const second = { ...first, title: { ru: 'Самовар медный', en: 'Copper samovar' } };
    for (const input of [first, second]) {
      const saved = await exhibits.save(admin, own, made.id, input, 'publish');
      if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    }
    const history = await exhibits.history(admin, own, made.id);
    expect(history.map((v) => v.status)).toEqual(['published', 'published']);
    return { id: made.id, past: history[1]!.id, current: history[0]!.id, first, second };
  }

  it('shows a past version and restores it as a draft; visitors still see the published one', async () => {
    const { id, past, first, second } = await exhibitPublishedTwice();
    const preview = await exhibits.version(editor, own, id, past);
    expect(preview.data.title).toEqual(first.title);
    expect(preview.publishedAt).not.toBeNull();

    const restored = await exhibits.restoreVersion(editor, own, id, past, null);
    expect(restored.ok).toBe(true);
    const opened = await exhibits.open(editor, own, id);
    expect(opened.revision?.status).toBe('draft');
    expect(opened.record.title).toEqual(first.title);
    expect(opened.published?.title).toEqual(second.title);
    expect(opened.changes.map((c) => c.field)).toContain('title.ru');
    // The working title in the staff list follows the draft, as after any saved draft.
    expect((await exhibitRepository.find(own, id))?.title).toEqual(first.title);

    const [line] = await staff.auditEntries({ museums: [own], actions: ['restore'] }, 1);
    expect(line).toMatchObject({ action: 'restore', entity: 'exhibit', entity_id: String(id) });
    expect(line!.details).toMatchObject({ from: past, title: first.title });

    // Then the usual way: publishing the restored draft puts the old text back on the site.
    const published = await exhibits.save(admin, own, id, opened.record, 'publish');
    expect(published).toEqual({ ok: true, status: 'published' });
    expect((await exhibitRepository.find(own, id))?.published?.title).toEqual(first.title);
  });

  it('refuses while another version is open, and restores when told to discard it', async () => {
    const { id, past, second } = await exhibitPublishedTwice();
    const typed = { ...second, dating: { ru: 'около 1890 г.', en: 'about 1890' } };
    await exhibits.save(editor, own, id, typed, 'draft');
    const openBefore = (await exhibits.open(admin, own, id)).revision!;

    const refused = await exhibits.restoreVersion(admin, own, id, past, null);
    expect(refused).toEqual({
      ok: false,
      open: { id: openBefore.id, status: 'draft', authorId: editor.userId }
    });
    // Kept: nothing changed.
    expect((await exhibits.open(admin, own, id)).record.dating).toEqual(typed.dating);

    // A stale choice (another open version than the one named) is refused again, not discarded.
    expect((await exhibits.restoreVersion(admin, own, id, past, openBefore.id + 1000)).ok).toBe(
      false
    );

    const replaced = await exhibits.restoreVersion(admin, own, id, past, openBefore.id);
    expect(replaced.ok).toBe(true);
    const history = await exhibits.history(admin, own, id);
    expect(history.map((v) => v.status)).toEqual(['draft', 'discarded', 'published', 'published']);
    expect((await exhibits.open(admin, own, id)).record.dating).toEqual(second.dating);

    // A version waiting for review is named as such.
    await exhibits.save(editor, own, id, typed, 'review');
    const inReview = await exhibits.restoreVersion(admin, own, id, past, null);
    expect(inReview.ok === false && inReview.open.status).toBe('review');
  });

  it('restores only published versions of this exhibit, for people of this museum', async () => {
    const { id, past } = await exhibitPublishedTwice();
    const otherExhibit = await exhibitPublishedTwice();
    await exhibits.save(editor, own, id, newExhibit(), 'draft');
    const draft = (await exhibits.open(admin, own, id)).revision!.id;
    const attempts = [
      () => exhibits.restoreVersion(admin, own, id, draft, draft),
      () => exhibits.restoreVersion(admin, own, id, otherExhibit.past, null),
      () => exhibits.restoreVersion(stranger, own, id, past, null),
      () => exhibits.restoreVersion(stranger, other, id, past, null),
      () => exhibits.restoreVersion(null, own, id, past, null),
      () => exhibits.version(stranger, own, id, past),
      () => exhibits.version(admin, own, otherExhibit.id, past)
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(NotFoundOrForbidden);
  });

  it('restores a tour the same way', async () => {
    const made = await tours.create(admin, own, {
      slug: 'zavod',
      title: { ru: 'Завод', en: 'Plant' }
    });
    if (!made.ok) throw new Error('tour refused');
    const record = (title: string): TourRecord => ({
      slug: 'zavod',
      title: { ru: title, en: title },
      scenes: [],
      route: [],
      videos: []
    });
    // Two versions published earlier (written straight into the table: publishing a tour needs panoramas).
    const now = new Date().toISOString();
    const open = (await tourRepository.revisions.open(made.id))!;
    await tourRepository.revisions.update(open.id, { status: 'discarded', now });
    const past = await tourRepository.revisions.insert(
      made.id,
      admin.userId,
      'published',
      record('Завод в 1930-е'),
      now
    );
    await tourRepository.revisions.insert(made.id, admin.userId, 'published', record('Завод'), now);

    expect((await tours.version(editor, own, made.id, past)).data.title.ru).toBe('Завод в 1930-е');
    expect((await tours.restoreVersion(editor, own, made.id, past, null)).ok).toBe(true);
    const opened = await tours.open(editor, own, made.id);
    expect(opened.revision?.status).toBe('draft');
    expect(opened.record.title.ru).toBe('Завод в 1930-е');
    const again = await tours.restoreVersion(editor, own, made.id, past, null);
    expect(again.ok === false && again.open.id).toBe(opened.revision!.id);
    await expect(tours.restoreVersion(stranger, own, made.id, past, null)).rejects.toThrow(
      NotFoundOrForbidden
    );
  });

  it('restores an exhibition the same way, for the museum and for the association', async () => {
    const draft = (words: string): ExhibitionInput => ({
      slug: 'x',
      title: { ru: 'Выставка', en: 'Exhibition' },
      blocks: [{ kind: 'quote', key: 'b1', text: { ru: words, en: words } }]
    });
    const associationAdmin: Actor = {
      userId: admin.userId,
      grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
    };
    for (const [owner, who] of [
      [{ kind: 'museum', museumId: own } as const, editor],
      [{ kind: 'association' } as const, associationAdmin]
    ] as const) {
      const made = await exhibitions.create(associationAdmin, owner, {
        slug: `v${Math.random().toString(36).slice(2, 8)}`,
        title: { ru: 'Выставка', en: 'Exhibition' }
      });
      if (!made.ok) throw new Error('exhibition refused');
      for (const words of ['Первые слова', 'Вторые слова'])
        expect(
          (await exhibitions.save(associationAdmin, owner, made.id, draft(words), 'publish')).ok
        ).toBe(true);
      const past = (await exhibitions.history(who, owner, made.id))[1]!.id;
      expect((await exhibitions.restoreVersion(who, owner, made.id, past, null)).ok).toBe(true);
      const opened = await exhibitions.open(who, owner, made.id);
      expect(opened.revision?.status).toBe('draft');
      expect(opened.record.blocks[0]).toMatchObject({ text: { ru: 'Первые слова' } });
      // A museum's people cannot restore the association's, and the other museum not this one.
      const outsider = owner.kind === 'museum' ? stranger : editor;
      await expect(
        exhibitions.restoreVersion(outsider, owner, made.id, past, opened.revision!.id)
      ).rejects.toThrow(NotFoundOrForbidden);
    }
  });
});
