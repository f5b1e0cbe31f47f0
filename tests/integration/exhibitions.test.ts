import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { MediaRepository } from '$lib/server/media/repository';
import { mediaUrls } from '$lib/server/media/responsive';
import { ExhibitRepository } from '$lib/server/exhibits/repository';
import { ExhibitEditor } from '$lib/server/exhibits/editor';
import { ExhibitDirectory } from '$lib/server/exhibits/directory';
import { ExhibitionRepository } from '$lib/server/exhibitions/repository';
import { ExhibitionEditor, type OwnerAssets } from '$lib/server/exhibitions/editor';
import { ExhibitionDirectory, exhibitionDocument } from '$lib/server/exhibitions/directory';
import { ExhibitionIndexer } from '$lib/server/exhibitions/indexing';
import { exhibitionUsages } from '$lib/server/exhibitions/media-usages';
import { SearchRepository } from '$lib/server/search/repository';
import { SearchIndex } from '$lib/server/search/index';
import { SearchService } from '$lib/server/search/service';
import { placeInput } from '$lib/shared/association';
import type { ExhibitionInput } from '$lib/shared/exhibition';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newExhibit, newMuseum, testPlaces } from './factories';

describe.each(dialects)('online exhibitions on %s', (dialect) => {
  let test: TestDatabase;
  let editor: ExhibitionEditor;
  let directory: ExhibitionDirectory;
  let repository: ExhibitionRepository;
  let media: MediaRepository;
  let own: number;
  let other: number;
  let picture: number;
  let foreignPicture: number;
  let shown: number;
  let hidden: number;
  let foreignExhibit: number;
  const museumSlug = 'technology';
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

  /** A processed image with alt text in both languages, in a museum's library. */
  async function image(museumId: number): Promise<number> {
    const now = new Date().toISOString();
    const { id } = await media.insert(
      {
        museumId,
        kind: 'image',
        status: 'processing',
        fileName: `drawing-${Math.random().toString(36).slice(2, 6)}.jpg`,
        mime: 'image/jpeg',
        bytes: 1000,
        originalKey: `museums/${museumId}/media/x/original.jpg`,
        width: 1600,
        height: 1000,
        uploadId: null,
        createdBy: 'admin'
      },
      now
    );
    await media.describe(
      id,
      'drawing.jpg',
      {
        alt: { ru: 'Рисунок завода', en: 'A drawing of the plant' },
        caption: { ru: '', en: '' },
        credit: '',
        licence: '',
        focal: null
      },
      now
    );
    const key = `museums/${museumId}/media/${id}/w800.jpg`;
    await media.markReady(
      id,
      {
        rendition: {
          width: 1600,
          height: 1000,
          thumbhash: '',
          variants: [{ format: 'jpeg', width: 800, height: 500, key, bytes: 1 }]
        },
        tiles: null
      },
      now
    );
    return id;
  }

  /** An exhibit of a museum, published or left as a draft. */
  async function exhibit(
    exhibits: ExhibitEditor,
    museumId: number,
    publish: boolean
  ): Promise<number> {
    const input = newExhibit();
    const made = await exhibits.create(association, museumId, input);
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    if (publish) {
      const saved = await exhibits.save(association, museumId, made.id, input, 'publish');
      if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    }
    return made.id;
  }

  const threeBlocks = (): ExhibitionInput => ({
    slug: 'ignored',
    title: { ru: 'Индустриальное прошлое', en: 'The industrial past' },
    subtitle: { ru: 'О заводах', en: 'About plants' },
    coverAssetId: picture,
    authors: [{ ru: 'Анна Петрова', en: 'Anna Petrova' }],
    dates: { kind: 'period', opening: '2025-05-12', closing: null },
    blocks: [
      { kind: 'text', key: 'b1', body: { ru: '<p>Паровоз и завод</p>', en: '<p>Engine</p>' } },
      {
        kind: 'quote',
        key: 'b2',
        text: { ru: 'Успеть найти', en: 'Find it in time' },
        attribution: { ru: 'Из описания', en: 'From the description' }
      },
      { kind: 'image', key: 'b3', assetId: picture, caption: { ru: 'Гараж', en: 'Garage' } }
    ]
  });

  async function newExhibition(slug: string, who: Actor = admin, museumId = own) {
    const made = await editor.create(
      who,
      { kind: 'museum', museumId },
      { slug, title: { ru: 'Выставка', en: 'Exhibition' } }
    );
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
    const b = await catalogue.create(newMuseum({ slug: 'elsewhere' }));
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    admin.grants[0]!.museumId = own;
    reviewed.grants[0]!.museumId = own;
    stranger.grants[0]!.museumId = other;
    media = new MediaRepository(db);
    const assetsOf: OwnerAssets = async (museumId, ids) =>
      (await media.findMany(ids)).filter((a) => museumId === null || a.museumId === museumId);
    const staff = new StaffRepository(db);
    const exhibitRepository = new ExhibitRepository(db);
    const exhibits = new ExhibitEditor(
      exhibitRepository,
      staff,
      () => new Date(),
      (m, ids) => assetsOf(m, ids)
    );
    const exhibitDirectory = new ExhibitDirectory(exhibitRepository, assetsOf, mediaUrls('/media'));
    repository = new ExhibitionRepository(db);
    editor = new ExhibitionEditor(repository, staff, () => new Date(), assetsOf);
    directory = new ExhibitionDirectory(
      repository,
      assetsOf,
      (museumId, museum, ids, locale) => exhibitDirectory.cards(museumId, museum, ids, locale),
      mediaUrls('/media')
    );
    picture = await image(own);
    foreignPicture = await image(other);
    shown = await exhibit(exhibits, own, true);
    hidden = await exhibit(exhibits, own, false);
    foreignExhibit = await exhibit(exhibits, other, true);
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('makes an exhibition as a draft visitors do not see, one address per owner', async () => {
    const id = await newExhibition('first');
    const again = await editor.create(
      admin,
      { kind: 'museum', museumId: own },
      { slug: 'first', title: { ru: 'Ещё', en: 'More' } }
    );
    expect(again).toMatchObject({ ok: false, errors: [{ field: 'slug' }] });
    // Another owner may use the same address.
    await newExhibition('first', association, other);
    const { exhibitions } = await editor.list(admin, { kind: 'museum', museumId: own });
    expect(exhibitions.find((e) => e.id === id)).toMatchObject({
      slug: 'first',
      open: 'draft',
      publishedAt: null
    });
    expect(await directory.page(museumSlug, 'first', 'ru')).toBeNull();
  });

  it('saves blocks in the order given, publishes them, and shows them so to visitors', async () => {
    const id = await newExhibition('ordered');
    const draft = threeBlocks();
    const reordered = {
      ...draft,
      blocks: [draft.blocks![2]!, draft.blocks![0]!, draft.blocks![1]!]
    };
    expect(
      await editor.save(admin, { kind: 'museum', museumId: own }, id, reordered, 'draft')
    ).toEqual({
      ok: true,
      status: 'draft'
    });
    const opened = await editor.open(admin, { kind: 'museum', museumId: own }, id);
    expect(opened.record.blocks.map((b) => b.key)).toEqual(['b3', 'b1', 'b2']);
    expect(await directory.page(museumSlug, 'ordered', 'ru')).toBeNull();

    expect(
      await editor.save(admin, { kind: 'museum', museumId: own }, id, reordered, 'publish')
    ).toEqual({
      ok: true,
      status: 'published'
    });
    const page = await directory.page(museumSlug, 'ordered', 'en');
    expect(page).toMatchObject({
      title: 'The industrial past',
      subtitle: 'About plants',
      authors: ['Anna Petrova'],
      dates: { kind: 'period', opening: '2025-05-12' },
      museum: { slug: museumSlug },
      path: `/museums/${museumSlug}/exhibitions/ordered`,
      cover: { alt: 'A drawing of the plant' }
    });
    expect(page!.blocks.map((b) => b.kind)).toEqual(['image', 'text', 'quote']);
    expect(page!.blocks[0]).toMatchObject({ caption: 'Garage', image: { width: 1600 } });
    const listed = await directory.ofOwner(museumSlug, 'ru');
    expect(listed.map((e) => e.slug)).toContain('ordered');
  });

  it('tells the media library where a picture is shown, so it is not deleted from under a story', async () => {
    const [asset] = await media.findMany([picture]);
    const usages = await exhibitionUsages(repository)(asset!);
    const ordered = (await editor.list(admin, { kind: 'museum', museumId: own })).exhibitions.find(
      (e) => e.slug === 'ordered'
    );
    expect(usages).toContainEqual({
      state: 'published',
      title: {
        ru: 'Выставка «Индустриальное прошлое»',
        en: 'The exhibition “The industrial past”'
      },
      href: `/admin/museums/${own}/exhibitions/${ordered!.id}`
    });
    const [unused] = await media.findMany([foreignPicture]);
    expect(await exhibitionUsages(repository)(unused!)).toEqual([]);
  });

  it('shows an exhibit block from the exhibit’s published record, and leaves out one not published', async () => {
    const id = await newExhibition('objects');
    const input: ExhibitionInput = {
      ...threeBlocks(),
      blocks: [
        { kind: 'exhibit', key: 'e1', exhibitId: shown, note: { ru: 'Смотрите', en: 'Look' } },
        { kind: 'exhibit', key: 'e2', exhibitId: hidden },
        { kind: 'quote', key: 'q', text: { ru: 'Слова', en: 'Words' } }
      ]
    };
    const saved = await editor.save(admin, { kind: 'museum', museumId: own }, id, input, 'publish');
    expect(saved).toEqual({ ok: true, status: 'published' });
    const page = await directory.page(museumSlug, 'objects', 'ru');
    expect(page!.blocks.map((b) => b.key)).toEqual(['e1', 'q']);
    expect(page!.blocks[0]).toMatchObject({
      kind: 'exhibit',
      note: 'Смотрите',
      card: { id: shown, href: `/museums/${museumSlug}/exhibits/${shown}` }
    });
    // Staff see the hidden one marked as broken, in the editor and in the preview.
    const opened = await editor.open(admin, { kind: 'museum', museumId: own }, id);
    expect(opened.broken).toEqual(['e2']);
    const preview = await directory.preview(own, id, opened.record, 'ru');
    expect(preview!.blocks.map((b) => b.kind)).toEqual(['exhibit', 'broken', 'quote']);
  });

  it('refuses an exhibit or a picture of another museum, beside its block', async () => {
    const id = await newExhibition('foreign');
    const result = await editor.save(
      admin,
      { kind: 'museum', museumId: own },
      id,
      {
        ...threeBlocks(),
        blocks: [
          { kind: 'exhibit', key: 'e1', exhibitId: foreignExhibit },
          { kind: 'image', key: 'i1', assetId: foreignPicture }
        ]
      },
      'draft'
    );
    expect(result).toMatchObject({
      ok: false,
      errors: [{ field: 'blocks.0.exhibitId' }, { field: 'blocks.1.assetId' }]
    });
  });

  it('lets an editor who needs review submit but not publish; the admin approves', async () => {
    const id = await newExhibition('reviewed');
    const owner = { kind: 'museum', museumId: own } as const;
    await expect(editor.save(reviewed, owner, id, threeBlocks(), 'publish')).rejects.toThrow(
      NotFoundOrForbidden
    );
    expect(await editor.save(reviewed, owner, id, threeBlocks(), 'review')).toEqual({
      ok: true,
      status: 'review'
    });
    const { revision } = await editor.open(admin, owner, id);
    expect(revision?.status).toBe('review');
    expect(await editor.approve(admin, owner, id, revision!.id)).toEqual({ ok: true });
    expect(await directory.page(museumSlug, 'reviewed', 'ru')).not.toBeNull();
    const history = await editor.history(admin, owner, id);
    expect(history[0]).toMatchObject({ status: 'published', publisher: 'admin' });
  });

  it('answers "not found or no access" for another museum’s exhibitions', async () => {
    const id = await newExhibition('private');
    const owner = { kind: 'museum', museumId: own } as const;
    await expect(editor.open(stranger, owner, id)).rejects.toThrow(NotFoundOrForbidden);
    await expect(editor.save(stranger, owner, id, threeBlocks(), 'draft')).rejects.toThrow(
      NotFoundOrForbidden
    );
    // Its own museum's address does not reach this museum's exhibition either.
    await expect(editor.open(stranger, { kind: 'museum', museumId: other }, id)).rejects.toThrow(
      NotFoundOrForbidden
    );
  });

  it('keeps the association’s own exhibitions to its admins, with files of member museums', async () => {
    await expect(
      editor.create(admin, { kind: 'association' }, { slug: 'tour', title: { ru: 'Т', en: 'T' } })
    ).rejects.toThrow(NotFoundOrForbidden);
    const made = await editor.create(
      association,
      { kind: 'association' },
      { slug: 'museum-tour', title: { ru: 'Музейный тур', en: 'Museum Tour' } }
    );
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const saved = await editor.save(
      association,
      { kind: 'association' },
      made.id,
      {
        ...threeBlocks(),
        title: { ru: 'Музейный тур', en: 'Museum Tour' },
        blocks: [
          { kind: 'image', key: 'i1', assetId: foreignPicture },
          { kind: 'exhibit', key: 'e1', exhibitId: shown }
        ]
      },
      'publish'
    );
    expect(saved).toEqual({ ok: true, status: 'published' });
    const page = await directory.page(null, 'museum-tour', 'ru');
    expect(page).toMatchObject({ museum: null, path: '/association/exhibitions/museum-tour' });
    expect(page!.blocks.map((b) => b.kind)).toEqual(['image', 'exhibit']);
    expect(await directory.page(museumSlug, 'museum-tour', 'ru')).toBeNull();
    const found = await repository.publishedById(made.id);
    const document = exhibitionDocument(found!);
    expect(document).toMatchObject({
      kind: 'exhibition',
      museumId: null,
      path: '/association/exhibitions/museum-tour',
      title: { ru: 'Музейный тур' }
    });
  });

  it('is found by an inflected word of its text once published, and leaves the index when gone', async () => {
    const searchRepository = new SearchRepository(test.database.db, test.database.dialect);
    const index = new SearchIndex(searchRepository);
    const indexer = new ExhibitionIndexer(repository, index);
    expect(await indexer.reindexAll()).toBeGreaterThan(0);
    const search = new SearchService(searchRepository);
    const found = await search.find({
      q: 'паровоза',
      locale: 'ru',
      kinds: ['exhibition'],
      sort: 'relevance',
      limit: 10
    });
    expect(found.hits.map((h) => h.path)).toContain(`/museums/${museumSlug}/exhibitions/ordered`);
    const draftOnly = await newExhibition('never-published');
    await indexer.reindex(draftOnly);
    expect(
      (
        await search.find({
          q: 'выставка',
          locale: 'ru',
          kinds: ['exhibition'],
          sort: 'relevance',
          limit: 50
        })
      ).hits.map((h) => h.refId)
    ).not.toContain(draftOnly);
  });

  it('hands the search index an exhibition’s text without markup', async () => {
    const found = (await repository.allPublished()).find((e) => e.record.slug === 'ordered');
    const document = exhibitionDocument(found!);
    expect(document.body.ru).toContain('Паровоз и завод');
    expect(document.body.ru).toContain('Успеть найти');
    expect(document.body.ru).not.toContain('<p>');
    expect(document.summary).toEqual({ ru: 'О заводах', en: 'About plants' });
  });
});
