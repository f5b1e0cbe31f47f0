import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { EventRepository } from '$lib/server/events/repository';
import { EventEditor } from '$lib/server/events/editor';
import type { SessionChange } from '$lib/server/events/sessions';
import { placeInput } from '$lib/shared/association';
import type { EventInput } from '$lib/shared/event';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newMuseum, testPlaces } from './factories';

describe.each(dialects)('events on %s', (dialect) => {
  let test: TestDatabase;
  let editor: EventEditor;
  let repository: EventRepository;
  let own: number;
  let other: number;
  const told: { eventId: number; changes: SessionChange[] }[] = [];
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

  const twoSessions = (): EventInput => ({
    slug: 'ignored',
    kind: 'master-class',
    title: { ru: 'Кузнечное дело', en: 'Blacksmithing' },
    lead: { ru: 'Куём подкову', en: 'Forging a horseshoe' },
    description: { ru: '<p>Мастер <script>x</script>покажет</p>', en: '<p>A master shows</p>' },
    dates: {
      kind: 'sessions',
      sessions: [
        { key: 's1', date: '2026-12-05', start: '10:00', end: '12:00', capacity: 20 },
        {
          key: 's2',
          date: '2026-12-06',
          start: '14:00',
          end: '16:00',
          capacity: 10,
          deadline: '2026-12-05T18:00'
        }
      ]
    },
    venue: { kind: 'museum', museumId: own },
    ageRating: '12+',
    price: { kind: 'ticketed', text: { ru: '300 ₽', en: '300 RUB' }, pushkinCard: true },
    contact: {
      name: { ru: 'Анна Петрова', en: 'Anna Petrova' },
      position: { ru: 'методист', en: 'educator' },
      phone: '+7 4212 00-00-00',
      email: 'anna@museum.ru'
    },
    forSchools: true,
    registration: { enabled: true, group: true }
  });

  async function newEvent(slug: string, who: Actor = admin, museumId = own) {
    const made = await editor.create(
      who,
      { kind: 'museum', museumId },
      { slug, title: { ru: 'Событие', en: 'Event' } }
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
    const a = await catalogue.create(newMuseum({ slug: 'technology' }));
    const b = await catalogue.create(newMuseum({ slug: 'elsewhere', settlementSlug: 'amursk' }));
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    admin.grants[0]!.museumId = own;
    reviewed.grants[0]!.museumId = own;
    stranger.grants[0]!.museumId = other;
    repository = new EventRepository(db);
    editor = new EventEditor(
      repository,
      new StaffRepository(db),
      () => new Date('2026-11-23T00:00:00Z'),
      async () => [],
      { sessionsChanged: async (eventId, changes) => void told.push({ eventId, changes }) }
    );
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('makes an event as a draft visitors do not see, one address per owner', async () => {
    const id = await newEvent('first');
    const again = await editor.create(
      admin,
      { kind: 'museum', museumId: own },
      { slug: 'first', title: { ru: 'Ещё', en: 'Again' } }
    );
    expect(again).toMatchObject({ ok: false, errors: [{ field: 'slug' }] });
    expect(await repository.publishedById(id)).toBeUndefined();
    expect(await repository.sessionsOf(id)).toEqual([]);
    const { events } = await editor.list(admin, { kind: 'museum', museumId: own });
    expect(events.map((e) => e.slug)).toContain('first');
  });

  it('publishes sessions as UTC instants of the venue’s wall clock, with the calendar’s columns', async () => {
    const id = await newEvent('forge');
    const saved = await editor.save(
      admin,
      { kind: 'museum', museumId: own },
      id,
      twoSessions(),
      'publish'
    );
    expect(saved).toEqual({ ok: true, status: 'published' });
    const sessions = await repository.sessionsOf(id);
    expect(sessions).toMatchObject([
      {
        key: 's1',
        // 10:00 in Khabarovsk (UTC+10) is midnight UTC.
        startsAt: '2026-12-05T00:00:00.000Z',
        endsAt: '2026-12-05T02:00:00.000Z',
        allDay: false,
        capacity: 20,
        registrationDeadline: '2026-12-05T00:00:00.000Z',
        status: 'scheduled'
      },
      {
        key: 's2',
        startsAt: '2026-12-06T04:00:00.000Z',
        capacity: 10,
        registrationDeadline: '2026-12-05T08:00:00.000Z'
      }
    ]);
    const row = await test.database.db
      .selectFrom('events')
      .where('id', '=', id)
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'master-class',
      age_rating: '12+',
      free: 0,
      pushkin_card: 1,
      for_schools: 1,
      venue_museum_id: own,
      status: 'scheduled',
      time_zone: 'Asia/Vladivostok'
    });
    expect(row.settlement_id).not.toBeNull();
    expect(row.district_id).not.toBeNull();
    const published = await repository.publishedById(id);
    expect(published?.record.description?.ru).toBe('<p>Мастер покажет</p>');
    expect(told).toEqual([]);
  });

  it('keeps a session’s id when its time moves, and tells registration what moved', async () => {
    const id = await newEvent('moving');
    const owner = { kind: 'museum', museumId: own } as const;
    await editor.save(admin, owner, id, twoSessions(), 'publish');
    const before = await repository.sessionsOf(id);
    const input = twoSessions();
    input.dates.sessions[0]!.start = '11:00';
    input.dates.sessions[0]!.end = '13:00';
    told.length = 0;
    expect(await editor.save(admin, owner, id, input, 'publish')).toMatchObject({ ok: true });
    const after = await repository.sessionsOf(id);
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(after[0]?.startsAt).toBe('2026-12-05T01:00:00.000Z');
    expect(told).toEqual([
      {
        eventId: id,
        changes: [
          {
            sessionId: before[0]!.id,
            key: 's1',
            kind: 'moved',
            before: { startsAt: '2026-12-05T00:00:00.000Z', endsAt: '2026-12-05T02:00:00.000Z' },
            after: { startsAt: '2026-12-05T01:00:00.000Z', endsAt: '2026-12-05T03:00:00.000Z' }
          }
        ]
      }
    ]);
  });

  it('cancelling the event or dropping a session reaches registration; a dropped row stays', async () => {
    const id = await newEvent('calling-off');
    const owner = { kind: 'museum', museumId: own } as const;
    await editor.save(admin, owner, id, twoSessions(), 'publish');
    const [first, second] = await repository.sessionsOf(id);
    const input = twoSessions();
    input.dates.sessions = input.dates.sessions.slice(0, 1);
    input.dates.sessions.push({ key: 's3', date: '2026-12-07', start: '10:00', capacity: 5 });
    told.length = 0;
    await editor.save(admin, owner, id, input, 'publish');
    expect(told[0]?.changes).toMatchObject([
      { sessionId: second!.id, kind: 'removed', after: null }
    ]);
    const rows = await repository.sessionsOf(id);
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      ['s1', 'scheduled'],
      ['s2', 'removed'],
      ['s3', 'scheduled']
    ]);
    told.length = 0;
    await editor.save(admin, owner, id, { ...input, status: 'cancelled' }, 'publish');
    expect(told[0]?.changes.map((c) => [c.sessionId, c.kind])).toEqual([
      [first!.id, 'cancelled'],
      [rows[2]!.id, 'cancelled']
    ]);
    expect((await repository.sessionsOf(id)).map((r) => r.status)).toEqual([
      'cancelled',
      'removed',
      'cancelled'
    ]);
  });

  it('an all-day range spans midnight to midnight in the zone; a free address takes its town', async () => {
    const id = await editor.create(
      association,
      { kind: 'association' },
      {
        slug: 'travelling',
        title: { ru: 'Музейный тур', en: 'Museum Tour' }
      }
    );
    if (!id.ok) throw new Error('refused');
    const saved = await editor.save(
      association,
      { kind: 'association' },
      id.id,
      {
        slug: 'x',
        kind: 'travelling-stop',
        title: { ru: 'Музейный тур в Амурске', en: 'Museum Tour in Amursk' },
        dates: {
          kind: 'range',
          sessions: [{ key: 's1', date: '2026-12-01', until: '2026-12-10' }]
        },
        venue: {
          kind: 'address',
          settlementSlug: 'amursk',
          address: { ru: 'Дом культуры', en: 'House of culture' }
        },
        ageRating: '6+'
      },
      'publish'
    );
    expect(saved).toMatchObject({ ok: true });
    expect(await repository.sessionsOf(id.id)).toMatchObject([
      {
        startsAt: '2026-11-30T14:00:00.000Z',
        endsAt: '2026-12-10T14:00:00.000Z',
        allDay: true,
        capacity: null,
        registrationDeadline: null
      }
    ]);
    const row = await test.database.db
      .selectFrom('events')
      .innerJoin('settlements', 'settlements.id', 'events.settlement_id')
      .where('events.id', '=', id.id)
      .select(['settlements.slug', 'events.free', 'events.venue_museum_id'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ slug: 'amursk', free: 1, venue_museum_id: null });
  });

  it('refuses another museum’s staff, and an editor may only ask for review', async () => {
    const id = await newEvent('private');
    const owner = { kind: 'museum', museumId: own } as const;
    await expect(editor.open(stranger, owner, id)).rejects.toBeInstanceOf(NotFoundOrForbidden);
    await expect(editor.save(stranger, owner, id, twoSessions(), 'draft')).rejects.toBeInstanceOf(
      NotFoundOrForbidden
    );
    // Naming its own museum as the owner does not reach the event either.
    await expect(
      editor.save(stranger, { kind: 'museum', museumId: other }, id, twoSessions(), 'draft')
    ).rejects.toBeInstanceOf(NotFoundOrForbidden);
    await expect(editor.save(reviewed, owner, id, twoSessions(), 'publish')).rejects.toBeInstanceOf(
      NotFoundOrForbidden
    );
    expect(await editor.save(reviewed, owner, id, twoSessions(), 'review')).toEqual({
      ok: true,
      status: 'review'
    });
    expect(await repository.sessionsOf(id)).toEqual([]);
    const opened = await editor.open(admin, owner, id);
    expect(opened.revision?.status).toBe('review');
    // The dashboard shows it to whoever may approve it, not to the editor or another museum.
    expect((await editor.waitingForReview(admin, 'ru')).map((w) => w.href)).toContain(
      `/admin/museums/${own}/events/${id}`
    );
    expect(await editor.waitingForReview(reviewed, 'ru')).toEqual([]);
    expect(await editor.waitingForReview(stranger, 'ru')).toEqual([]);
    expect(await editor.approve(admin, owner, id, opened.revision!.id)).toEqual({ ok: true });
    expect(await repository.sessionsOf(id)).toHaveLength(2);
  });

  it('says what is wrong with the dates, field by field', async () => {
    const id = await newEvent('wrong');
    const input = twoSessions();
    input.dates.sessions[1]!.key = 's1';
    input.dates.sessions[0]!.capacity = null;
    input.dates.sessions[0]!.end = '09:00';
    const saved = await editor.save(admin, { kind: 'museum', museumId: own }, id, input, 'draft');
    expect(saved.ok).toBe(false);
    const fields = saved.ok ? [] : saved.errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'dates.sessions.0.end',
        'dates.sessions.1.key',
        'dates.sessions.0.capacity'
      ])
    );
    const noAge = { ...twoSessions(), ageRating: undefined } as unknown as EventInput;
    const refused = await editor.save(admin, { kind: 'museum', museumId: own }, id, noAge, 'draft');
    expect(refused.ok ? [] : refused.errors.map((e) => e.field)).toContain('ageRating');
  });
});
