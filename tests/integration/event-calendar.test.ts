import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodeIcal, { type VEvent } from 'node-ical';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import type { Actor } from '$lib/server/auth/access';
import { EventRepository } from '$lib/server/events/repository';
import { EventEditor } from '$lib/server/events/editor';
import { EventDirectory } from '$lib/server/events/directory';
import { EventFeeds } from '$lib/server/events/feeds';
import { readCalendarQuery } from '$lib/server/events/query';
import { EventIndexer } from '$lib/server/events/indexing';
import { SearchRepository } from '$lib/server/search/repository';
import { SearchIndex } from '$lib/server/search/index';
import { SearchService } from '$lib/server/search/service';
import { mediaUrls } from '$lib/server/media/responsive';
import { placeInput } from '$lib/shared/association';
import type { EventInput } from '$lib/shared/event';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newMuseum, testPlaces } from './factories';

describe.each(dialects)('the regional calendar and feeds on %s', (dialect) => {
  let test: TestDatabase;
  let editor: EventEditor;
  let repository: EventRepository;
  let directory: EventDirectory;
  let feeds: EventFeeds;
  let khabarovsk: number;
  let amursk: number;
  const ids: Record<string, number> = {};
  const admin: Actor = {
    userId: 'association',
    grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
  };
  const now = new Date('2026-12-01T00:00:00Z');

  async function publish(museumId: number, slug: string, input: Omit<EventInput, 'slug'>) {
    const owner = { kind: 'museum', museumId } as const;
    const made = await editor.create(admin, owner, { slug, title: input.title });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const saved = await editor.save(admin, owner, made.id, { slug, ...input }, 'publish');
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    ids[slug] = made.id;
  }

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    await db
      .insertInto('users')
      .values({ id: 'association', name: 'a', email: 'a@museum.ru', email_verified: 1 })
      .execute();
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const a = await catalogue.create(newMuseum({ slug: 'city-museum' }));
    const b = await catalogue.create(
      newMuseum({ slug: 'amursk-museum', settlementSlug: 'amursk' })
    );
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    khabarovsk = a.id;
    amursk = b.id;
    repository = new EventRepository(db);
    editor = new EventEditor(
      repository,
      new StaffRepository(db),
      () => now,
      async () => []
    );
    directory = new EventDirectory(repository, async () => [], mediaUrls('/media'));
    feeds = new EventFeeds(repository, 'https://kraeved.example', () => now);
    await publish(khabarovsk, 'lecture', {
      kind: 'lecture',
      title: { ru: 'Лекция о мостах', en: 'A talk on bridges' },
      dates: {
        kind: 'sessions',
        sessions: [
          { key: 's1', date: '2026-12-05', start: '10:00', end: '12:00' },
          { key: 's2', date: '2026-12-12', start: '10:00', end: '12:00', cancelled: true }
        ]
      },
      venue: { kind: 'museum', museumId: khabarovsk },
      ageRating: '12+'
    });
    await publish(amursk, 'workshop', {
      kind: 'master-class',
      title: { ru: 'Гончарная мастерская', en: 'Pottery workshop' },
      dates: { kind: 'single', sessions: [{ key: 's1', date: '2026-12-05', start: '15:00' }] },
      venue: { kind: 'museum', museumId: amursk },
      ageRating: '6+',
      price: { kind: 'ticketed', text: { ru: '200 ₽', en: '200 RUB' }, pushkinCard: true },
      forSchools: true
    });
    await publish(amursk, 'exhibition', {
      kind: 'exhibition',
      title: { ru: 'Выставка рыб', en: 'Fish of the Amur' },
      dates: { kind: 'range', sessions: [{ key: 's1', date: '2026-11-20', until: '2027-01-31' }] },
      venue: { kind: 'museum', museumId: amursk },
      ageRating: '0+'
    });
  });
  afterAll(async () => {
    await test?.dispose();
  });

  const vevents = (body: string) =>
    Object.values(nodeIcal.sync.parseICS(body)).filter(
      (c): c is VEvent => c !== undefined && c.type === 'VEVENT'
    );
  const calendar = async (query: string) => {
    const q = readCalendarQuery(new URLSearchParams(query), '2026-12-01');
    return directory.calendar(q.filter, q.period, 'en');
  };
  const titles = (page: Awaited<ReturnType<typeof calendar>>) => [
    ...page.days.flatMap((d) => d.cards.map((c) => `${d.date} ${c.title}`)),
    ...page.ongoing.cards.map((c) => `ongoing ${c.title}`)
  ];

  it('places sessions on the region’s days, ranges once as ongoing, cancelled ones marked', async () => {
    const month = await calendar('view=month&date=2026-12-01');
    expect(titles(month)).toEqual([
      '2026-12-05 A talk on bridges',
      '2026-12-05 Pottery workshop',
      '2026-12-12 A talk on bridges',
      'ongoing Fish of the Amur'
    ]);
    const day12 = month.days.find((d) => d.date === '2026-12-12');
    expect(day12?.cards[0]?.status).toBe('cancelled');
    expect(month.days.find((d) => d.date === '2026-12-05')?.cards[1]).toMatchObject({
      place: expect.stringMatching(/^Museum \d+$/),
      free: false,
      pushkinCard: true,
      forSchools: true,
      path: '/museums/amursk-museum/events/workshop'
    });
    // A day shows the exhibition running through it too.
    expect(titles(await calendar('view=day&date=2026-12-20'))).toEqual([
      '2026-12-20 Fish of the Amur'
    ]);
  });

  it('narrows by town, district, museum, kind, age, free and schools', async () => {
    const q = 'view=month&date=2026-12-01';
    expect(titles(await calendar(`${q}&town=amursk`))).toEqual([
      '2026-12-05 Pottery workshop',
      'ongoing Fish of the Amur'
    ]);
    expect(titles(await calendar(`${q}&district=khabarovsk-city`))).toHaveLength(2);
    expect(titles(await calendar(`${q}&museum=city-museum`))).toHaveLength(2);
    expect(titles(await calendar(`${q}&kind=master-class`))).toEqual([
      '2026-12-05 Pottery workshop'
    ]);
    expect(titles(await calendar(`${q}&age=6%2B`))).toEqual([
      '2026-12-05 Pottery workshop',
      'ongoing Fish of the Amur'
    ]);
    expect(titles(await calendar(`${q}&free=1`))).toHaveLength(3);
    expect(titles(await calendar(`${q}&schools=1`))).toEqual(['2026-12-05 Pottery workshop']);
  });

  it('lists a museum’s upcoming events, one line per event, none cancelled', async () => {
    const next = await directory.upcoming({ museum: 'city-museum' }, now, 5, 'ru');
    expect(next.map((c) => c.title)).toEqual(['Лекция о мостах']);
  });

  it('feeds read back through node-ical at the right instants: 10:00 in Khabarovsk is 00:00 UTC', async () => {
    const events = vevents(await feeds.feed({}, 'All', 'en'));
    const talk = events.filter((e) => String(e.summary) === 'A talk on bridges');
    expect(talk.map((e) => [e.start.toISOString(), e.status])).toEqual([
      ['2026-12-05T00:00:00.000Z', 'CONFIRMED'],
      ['2026-12-12T00:00:00.000Z', 'CANCELLED']
    ]);
    const sessions = await repository.sessionsOf(ids.lecture!);
    expect(talk.map((e) => e.uid)).toEqual(
      sessions.map((s) => `event-${ids.lecture}-session-${s.id}@kraeved.example`)
    );
    const fish = events.find((e) => String(e.summary) === 'Fish of the Amur');
    expect(fish?.datetype).toBe('date');
    expect(vevents(await feeds.feed({ kind: 'exhibition' }, 'x', 'ru'))).toHaveLength(1);
    const one = await feeds.single(ids.workshop!, 'ru');
    const single = vevents(one!.body);
    expect(
      single.map((e) => [String(e.summary), e.start.toISOString(), String(e.location)])
    ).toEqual([
      ['Гончарная мастерская', '2026-12-05T05:00:00.000Z', expect.stringContaining('Музей')]
    ]);
  });

  it('feeds published events to the search, dated by their first session', async () => {
    const searchRepository = new SearchRepository(test.database.db, test.database.dialect);
    const indexer = new EventIndexer(repository, new SearchIndex(searchRepository));
    expect(await indexer.reindexAll()).toBe(3);
    const search = new SearchService(searchRepository);
    const found = await search.find({
      q: 'мостах',
      locale: 'ru',
      kinds: ['event'],
      sort: 'relevance',
      limit: 10
    });
    expect(found.hits.map((h) => h.path)).toEqual(['/museums/city-museum/events/lecture']);
  });
});
