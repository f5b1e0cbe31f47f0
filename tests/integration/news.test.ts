import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { MediaRepository } from '$lib/server/media/repository';
import { mediaUrls } from '$lib/server/media/responsive';
import { NewsRepository } from '$lib/server/news/repository';
import { NewsEditor, type OwnerAssets } from '$lib/server/news/editor';
import { NewsDirectory, readCursor } from '$lib/server/news/directory';
import { NewsIndexer } from '$lib/server/news/indexing';
import { newsFeed } from '$lib/server/news/feeds';
import { SearchRepository } from '$lib/server/search/repository';
import { SearchIndex } from '$lib/server/search/index';
import { placeInput } from '$lib/shared/association';
import type { NewsInput } from '$lib/shared/news';
import type { JobPayloads } from '$lib/server/jobs/types';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newMuseum, testPlaces } from './factories';

const minute = 60 * 1000;

describe.each(dialects)('news on %s', (dialect) => {
  let test: TestDatabase;
  let editor: NewsEditor;
  let directory: NewsDirectory;
  let repository: NewsRepository;
  let media: MediaRepository;
  let search: SearchIndex;
  let own: number;
  let other: number;
  let picture: number;
  let foreignPicture: number;
  let now = new Date('2026-11-24T02:00:00.000Z');
  const queued: { payload: JobPayloads['news.publish']; delayMs: number }[] = [];
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
  const ownMuseum = () => ({ kind: 'museum', museumId: own }) as const;

  /** A processed image with alt text in both languages, in a museum's library. */
  async function image(museumId: number, alt = true): Promise<number> {
    const at = new Date().toISOString();
    const { id } = await media.insert(
      {
        museumId,
        kind: 'image',
        status: 'processing',
        fileName: `photo-${Math.random().toString(36).slice(2, 6)}.jpg`,
        mime: 'image/jpeg',
        bytes: 1000,
        originalKey: `museums/${museumId}/media/x/original.jpg`,
        width: 1600,
        height: 1000,
        uploadId: null,
        createdBy: 'admin'
      },
      at
    );
    await media.describe(
      id,
      'photo.jpg',
      {
        alt: alt
          ? { ru: 'Участники семинара', en: 'The seminar’s participants' }
          : { ru: '', en: '' },
        caption: { ru: '', en: '' },
        credit: '',
        licence: '',
        focal: null
      },
      at
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
      at
    );
    return id;
  }

  const story = (overrides: Partial<NewsInput> = {}): NewsInput => ({
    slug: 'ignored',
    title: { ru: 'Семинар для музейщиков', en: 'A seminar for museum staff' },
    lead: { ru: '52 сотрудника из 16 музеев', en: '52 staff from 16 museums' },
    body: {
      ru: '<p>Прошёл семинар <script>alert(1)</script><a href="/museums">музеев</a>.</p>',
      en: '<p>The seminar took place.</p>'
    },
    coverAssetId: picture,
    gallery: [{ assetId: picture, caption: { ru: 'Зал', en: 'The hall' } }],
    tags: [{ ru: 'Семинар', en: 'Seminar' }],
    museumIds: [other],
    ...overrides
  });

  async function newItem(slug: string, who: Actor = admin, owner = ownMuseum() as never) {
    const made = await editor.create(who, owner, {
      slug,
      title: { ru: 'Новость', en: 'News' }
    });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    return made.id;
  }

  beforeAll(async () => {
    now = new Date('2026-11-24T02:00:00.000Z');
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
    const a = await catalogue.create(newMuseum({ slug: 'technology' }));
    const b = await catalogue.create(newMuseum({ slug: 'elsewhere', timeZone: 'Asia/Magadan' }));
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    const staff = new StaffRepository(db);
    await staff.grant('admin', 'museum_admin', own, 'publish');
    admin.grants[0]!.museumId = own;
    reviewed.grants[0]!.museumId = own;
    stranger.grants[0]!.museumId = other;
    media = new MediaRepository(db);
    const assetsOf: OwnerAssets = async (museumId, ids) =>
      (await media.findMany(ids)).filter((a) => museumId === null || a.museumId === museumId);
    repository = new NewsRepository(db);
    search = new SearchIndex(new SearchRepository(db, test.database.dialect));
    const indexer = new NewsIndexer(repository, search);
    editor = new NewsEditor(
      repository,
      staff,
      () => now,
      assetsOf,
      {
        enqueue: async (_name, payload, options) => {
          queued.push({
            payload: payload as JobPayloads['news.publish'],
            delayMs: options?.delayMs ?? 0
          });
          return queued.length;
        }
      },
      (id) => indexer.reindex(id)
    );
    directory = new NewsDirectory(repository, assetsOf, mediaUrls('/media'));
    picture = await image(own);
    foreignPicture = await image(other);
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('publishes a museum’s news: cleaned, dated, findable, in its lists', async () => {
    const id = await newItem('seminar');
    expect(await directory.page('technology', 'seminar', 'ru')).toBeNull();
    const saved = await editor.save(admin, ownMuseum(), id, story(), 'publish');
    expect(saved).toEqual({ ok: true, status: 'published' });
    const page = await directory.page('technology', 'seminar', 'ru');
    expect(page?.title).toBe('Семинар для музейщиков');
    expect(page?.html).not.toContain('script');
    expect(page?.cover?.alt).toBe('Участники семинара');
    expect(page?.gallery).toHaveLength(1);
    expect(page?.museums.map((m) => m.path)).toEqual(['/museums/elsewhere']);
    expect(page?.publishedAt).toBe(now.toISOString());
    const first = page?.publishedAt;
    now = new Date(now.getTime() + minute);
    await editor.save(
      admin,
      ownMuseum(),
      id,
      story({ lead: { ru: 'Другое', en: 'Other' } }),
      'publish'
    );
    const again = await directory.page('technology', 'seminar', 'en');
    expect(again?.lead).toBe('Other');
    expect(again?.publishedAt).toBe(first);
    expect(again?.modifiedAt).toBe(now.toISOString());
    const byTag = await directory.list({ tag: 'seminar' }, 'en');
    expect(byTag.items.map((c) => c.title)).toEqual(['A seminar for museum staff']);
    expect((await directory.list({ tag: 'семинар' }, 'ru')).items).toHaveLength(1);
    expect((await directory.list({ tag: 'concert' }, 'ru')).items).toHaveLength(0);
    expect((await directory.list({ museumSlug: 'elsewhere' }, 'ru')).items).toHaveLength(0);
    const found = await test.database.db
      .selectFrom('search_entries')
      .where('kind', '=', 'news')
      .where('ref_id', '=', id)
      .select(['path', 'title_ru'])
      .executeTakeFirst();
    expect(found).toEqual({
      path: '/museums/technology/news/seminar',
      title_ru: 'Семинар для музейщиков'
    });
  });

  it('asks for alt text and a body before publishing; a draft may lack them', async () => {
    const id = await newItem('no-alt');
    const bare = await image(own, false);
    const draft = await editor.save(
      admin,
      ownMuseum(),
      id,
      story({ coverAssetId: bare, gallery: [], body: { ru: '', en: '' } }),
      'draft'
    );
    expect(draft).toEqual({ ok: true, status: 'draft' });
    const saved = await editor.save(
      admin,
      ownMuseum(),
      id,
      story({ coverAssetId: bare, gallery: [], body: { ru: '<p> </p>', en: '<p>x</p>' } }),
      'publish'
    );
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    const fields = saved.errors.map((e) => e.field);
    expect(fields).toContain('coverAssetId');
    expect(saved.errors.find((e) => e.field === 'coverAssetId')?.message.ru).toMatch(/alt/);
    expect(fields).toContain('body.ru');
    expect(fields).not.toContain('body.en');
  });

  it('refuses another museum’s news, files and publishing without the right', async () => {
    const id = await newItem('private');
    await expect(editor.open(stranger, ownMuseum(), id)).rejects.toBeInstanceOf(
      NotFoundOrForbidden
    );
    await expect(editor.save(stranger, ownMuseum(), id, story(), 'draft')).rejects.toBeInstanceOf(
      NotFoundOrForbidden
    );
    await expect(
      editor.open(stranger, { kind: 'museum', museumId: other }, id)
    ).rejects.toBeInstanceOf(NotFoundOrForbidden);
    await expect(
      editor.schedule(reviewed, ownMuseum(), id, story(), '2026-11-25T10:00')
    ).rejects.toBeInstanceOf(NotFoundOrForbidden);
    await expect(editor.save(reviewed, ownMuseum(), id, story(), 'publish')).rejects.toBeInstanceOf(
      NotFoundOrForbidden
    );
    const foreign = await editor.save(
      admin,
      ownMuseum(),
      id,
      story({ coverAssetId: foreignPicture }),
      'draft'
    );
    expect(foreign.ok).toBe(false);
    await expect(editor.list(admin, { kind: 'association' })).rejects.toBeInstanceOf(
      NotFoundOrForbidden
    );
  });

  it('publishes a scheduled version at its time and not before, once', async () => {
    const id = await newItem('scheduled');
    queued.length = 0;
    // 10:00 on 25 November in Khabarovsk is 00:00 UTC.
    const result = await editor.schedule(admin, ownMuseum(), id, story(), '2026-11-25T10:00');
    expect(result).toEqual({ ok: true, status: 'scheduled', at: '2026-11-25T00:00:00.000Z' });
    expect(queued).toHaveLength(1);
    expect(queued[0]!.delayMs).toBe(new Date('2026-11-25T00:00:00Z').getTime() - now.getTime());
    const opened = await editor.open(admin, ownMuseum(), id);
    expect(opened.schedule).toEqual({ at: '2026-11-25T00:00:00.000Z', local: '2026-11-25T10:00' });
    // Not waiting for review while it waits for its time.
    expect((await repository.waitingForReview('all')).map((r) => r.news_id)).not.toContain(id);

    const job = queued[0]!.payload;
    const early = await editor.publishScheduled(job);
    expect(early).toBe('early');
    expect(await directory.page('technology', 'scheduled', 'ru')).toBeNull();
    expect(queued).toHaveLength(2);

    now = new Date('2026-11-25T00:00:00.000Z');
    expect(await editor.publishScheduled(job)).toBe('published');
    const page = await directory.page('technology', 'scheduled', 'ru');
    expect(page?.publishedAt).toBe('2026-11-25T00:00:00.000Z');
    // The same job again (a retry, a second worker) changes nothing.
    expect(await editor.publishScheduled(job)).toBe('stale');
    const versions = await editor.history(admin, ownMuseum(), id);
    expect(versions.filter((v) => v.status === 'published')).toHaveLength(1);
    expect((await editor.open(admin, ownMuseum(), id)).schedule).toBeNull();
  });

  it('drops a schedule when the version is edited later or the schedule is cancelled', async () => {
    now = new Date('2026-11-26T00:00:00.000Z');
    const edited = await newItem('edited-later');
    queued.length = 0;
    await editor.schedule(admin, ownMuseum(), edited, story(), '2026-11-27T10:00');
    await editor.save(
      reviewed,
      ownMuseum(),
      edited,
      story({ lead: { ru: 'Правка', en: 'Edit' } }),
      'draft'
    );
    expect((await editor.open(admin, ownMuseum(), edited)).schedule).toBeNull();
    now = new Date('2026-11-28T00:00:00.000Z');
    expect(await editor.publishScheduled(queued[0]!.payload)).toBe('stale');
    expect(await directory.page('technology', 'edited-later', 'ru')).toBeNull();

    const cancelled = await newItem('cancelled');
    queued.length = 0;
    await editor.schedule(admin, ownMuseum(), cancelled, story(), '2026-11-29T10:00');
    await editor.cancelSchedule(admin, ownMuseum(), cancelled);
    now = new Date('2026-11-30T00:00:00.000Z');
    expect(await editor.publishScheduled(queued[0]!.payload)).toBe('stale');
    expect(await directory.page('technology', 'cancelled', 'ru')).toBeNull();

    // A version changed behind the schedule's back (not through save) is not published either.
    const sneaky = await newItem('sneaky');
    queued.length = 0;
    await editor.schedule(admin, ownMuseum(), sneaky, story(), '2026-12-01T10:00');
    const open = await repository.revisions.open(sneaky);
    await repository.revisions.update(open!.id, {
      status: 'review',
      data: { ...open!.data, lead: { ru: 'Иное', en: 'Else' } },
      now: '2026-11-30T01:00:00.000Z'
    });
    now = new Date('2026-12-02T00:00:00.000Z');
    expect(await editor.publishScheduled(queued[0]!.payload)).toBe('stale');
    expect(await directory.page('technology', 'sneaky', 'ru')).toBeNull();
  });

  it('refuses a schedule in the past, in words beside the field', async () => {
    const id = await newItem('past');
    const result = await editor.schedule(admin, ownMuseum(), id, story(), '2020-01-01T10:00');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({
        field: 'publishAt',
        message: expect.objectContaining({ ru: expect.stringMatching(/прошло/) })
      })
    ]);
  });

  it('feeds carry only published news with absolute links and stable ids; pages by keyset', async () => {
    const assoc = await newItem('association-news', association, { kind: 'association' } as never);
    await editor.save(
      association,
      { kind: 'association' },
      assoc,
      story({ museumIds: [] }),
      'publish'
    );
    const channel = {
      title: 'Новости',
      description: 'Новости музеев',
      path: '/news',
      locale: 'ru' as const,
      origin: 'https://kraeved.example',
      publisher: 'Ассоциация',
      now
    };
    const items = await directory.forFeed({}, 'ru');
    const parser = new XMLParser({ ignoreAttributes: false });
    const rss = parser.parse(newsFeed(channel, items, 'rss'));
    const entries = [rss.rss.channel.item].flat();
    const links = entries.map((e: { link: string }) => e.link);
    expect(links).toContain('https://kraeved.example/museums/technology/news/seminar');
    expect(links).toContain('https://kraeved.example/association/news/association-news');
    expect(links).toContain('https://kraeved.example/museums/technology/news/scheduled');
    expect(links.some((l: string) => /edited-later|cancelled|sneaky|private|past/.test(l))).toBe(
      false
    );
    for (const e of entries) {
      expect(e.guid['#text'] ?? e.guid).toBe(e.link);
      expect(Number.isNaN(new Date(e.pubDate).getTime())).toBe(false);
    }
    const seminar = entries.find((e: { link: string }) => e.link.endsWith('/seminar'));
    expect(seminar.description).toContain('Другое');
    const atom = parser.parse(
      newsFeed(
        { ...channel, locale: 'en', path: '/museums/technology/news' },
        await directory.forFeed({ museumSlug: 'technology' }, 'en'),
        'atom'
      )
    );
    const atomEntries = [atom.feed.entry].flat();
    expect(atomEntries.map((e: { id: string }) => e.id)).toContain(
      'https://kraeved.example/en/museums/technology/news/seminar'
    );
    expect(atomEntries.some((e: { id: string }) => e.id.includes('association-news'))).toBe(false);

    const first = await directory.list({}, 'ru', { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const second = await directory.list({}, 'ru', { limit: 2, after: readCursor(first.next) });
    const seen = [...first.items, ...second.items].map((c) => c.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(3);
    expect(second.next).toBeNull();
  });

  it('shows the published projects that link it, and not unpublished ones', async () => {
    const db = test.database.db;
    const item = await repository.publishedBySlug('technology', 'seminar');
    const project = (slug: string, published: boolean) =>
      db
        .insertInto('projects')
        .values({
          museum_id: null,
          slug,
          title_ru: 'Черновик',
          title_en: 'Draft',
          published: published
            ? JSON.stringify({ title: { ru: 'Музейный тур', en: 'The Museum Tour' } })
            : null
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const shown = await project('museum-tour', true);
    const hidden = await project('unpublished', false);
    for (const { id } of [shown, hidden])
      await db.insertInto('project_news').values({ project_id: id, news_id: item!.id }).execute();
    const page = await directory.page('technology', 'seminar', 'en');
    expect(page?.projects).toEqual([
      { path: '/association/projects/museum-tour', title: 'The Museum Tour' }
    ]);
  });
});
