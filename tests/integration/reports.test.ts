import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { EventRepository } from '$lib/server/events/repository';
import { EventEditor } from '$lib/server/events/editor';
import { ProjectRepository } from '$lib/server/projects/repository';
import { ProjectEditor } from '$lib/server/projects/editor';
import { ReportRepository } from '$lib/server/reports/repository';
import { Reports, monthsBetween } from '$lib/server/reports/service';
import { reportTables } from '$lib/server/reports/files';
import { placeInput } from '$lib/shared/association';
import type { EventInput } from '$lib/shared/event';
import type { ProjectInput } from '$lib/shared/project';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newEventInput, newMuseum, newProject, newRegistration, testPlaces } from './factories';

describe.each(dialects)('reports on %s', (dialect) => {
  let test: TestDatabase;
  let reports: Reports;
  let own: number;
  let other: number;
  const association: Actor = {
    userId: 'association',
    grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
  };
  const admin: Actor = {
    userId: 'admin',
    grants: [{ role: 'museum_admin', museumId: 0, publishing: 'publish' }]
  };
  const march = { from: '2026-03-01', to: '2026-03-31' };

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    for (const id of ['association', 'admin'])
      await db
        .insertInto('users')
        .values({ id, name: id, email: `${id}@museum.ru`, email_verified: 1 })
        .execute();
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const a = await catalogue.create(newMuseum({ name: { ru: 'Наш музей', en: 'Our museum' } }));
    const b = await catalogue.create(newMuseum({ settlementSlug: 'amursk' }));
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    admin.grants[0]!.museumId = own;
    const staff = new StaffRepository(db);
    const clock = () => new Date('2026-11-23T00:00:00Z');
    const events = new EventEditor(new EventRepository(db), staff, clock, async () => []);
    const projects = new ProjectEditor(new ProjectRepository(db), staff, clock, async () => []);

    /** Publishes an event and gives back its sessions' ids by key. */
    async function held(museumId: number, slug: string, input: EventInput) {
      const owner = { kind: 'museum', museumId } as const;
      const made = await events.create(association, owner, {
        slug,
        title: { ru: 'Событие', en: 'Event' }
      });
      if (!made.ok) throw new Error(JSON.stringify(made.errors));
      const saved = await events.save(association, owner, made.id, input, 'publish');
      if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
      const rows = await db
        .selectFrom('event_sessions')
        .where('event_id', '=', made.id)
        .select(['id', 'key'])
        .execute();
      return { eventId: made.id, session: Object.fromEntries(rows.map((r) => [r.key, r.id])) };
    }

    // Our museum in March: a lecture of two sessions (14 March, and 31 March at 23:30 in
    // Khabarovsk — still March there, though 13:30 UTC), a session just after midnight on
    // 1 April in Khabarovsk (14:30 UTC on 31 March: April's), a session called off.
    const lecture = await held(own, 'lecture', {
      ...newEventInput(own, []),
      dates: {
        kind: 'sessions',
        sessions: [
          { key: 's1', date: '2026-03-14', start: '10:00', end: '12:00', capacity: 30 },
          { key: 's2', date: '2026-03-31', start: '23:30', capacity: 30 },
          { key: 's3', date: '2026-04-01', start: '00:30', capacity: 30 },
          { key: 's4', date: '2026-03-20', start: '10:00', capacity: 30, cancelled: true }
        ]
      }
    });
    const at = (key: string) => ({ sessionId: lecture.session[key]!, eventId: lecture.eventId });
    await newRegistration(db, at('s1'), { people: 2, attended: true });
    await newRegistration(db, at('s1'), { people: 5 });
    await newRegistration(db, at('s1'), { people: 3, status: 'cancelled', attended: true });
    await newRegistration(db, at('s1'), { people: 4, status: 'waitlisted' });
    await newRegistration(db, at('s2'), { people: 1, attended: true });
    await newRegistration(db, at('s3'), { people: 6, attended: true });
    await newRegistration(db, at('s4'), { people: 9, attended: true });
    // Another museum's concert in March: the association's report counts it, ours does not.
    const concert = await held(
      other,
      'concert',
      newEventInput(other, [{ key: 's1', date: '2026-03-08', capacity: 100 }], {
        kind: 'concert',
        title: { ru: 'Концерт', en: 'Concert' }
      })
    );
    await newRegistration(
      db,
      { sessionId: concert.session.s1!, eventId: concert.eventId },
      { people: 40, attended: true }
    );

    // Our travelling project: stops in April (300), May (150) and August (400).
    const made = await projects.create(
      admin,
      { kind: 'museum', museumId: own },
      {
        slug: 'tour',
        title: { ru: 'Тур', en: 'Tour' }
      }
    );
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const project: ProjectInput = newProject();
    const saved = await projects.save(
      admin,
      { kind: 'museum', museumId: own },
      made.id,
      project,
      'publish'
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    reports = new Reports(new ReportRepository(db), clock);
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it("counts a museum's March in its own days: sessions held, people registered and present", async () => {
    const report = await reports.report(admin, { kind: 'museum', museumId: own }, march, 'ru');
    expect(report.owner).toBe('Наш музей');
    expect(report.totals).toMatchObject({
      eventsHeld: 1,
      sessionsHeld: 2,
      // s1: 2 + 5 confirmed (the cancelled and the waitlisted do not count); s2: 1.
      registered: 8,
      attended: 3,
      projects: 0,
      districts: 1
    });
    expect(report.events).toEqual([
      {
        title: 'Кузнечное дело',
        organiser: 'Наш музей',
        district: 'г. Хабаровск',
        sessions: 2,
        date: '2026-03-14',
        registered: 8,
        attended: 3
      }
    ]);
    expect(report.months).toEqual([{ month: '2026-03', events: 1, attended: 3 }]);
  });

  it('counts participants by project and the districts its stops reached within the period', async () => {
    const spring = await reports.report(
      admin,
      { kind: 'museum', museumId: own },
      { from: '2026-04-01', to: '2026-05-31' },
      'en'
    );
    expect(spring.projects).toEqual([
      {
        title: 'Museum Tour',
        organiser: 'Our museum',
        participants: 2250,
        stopParticipants: 450,
        stops: 2,
        // Only part of the project lies in the period: its stops' people count, not its total.
        counted: 450
      }
    ]);
    expect(spring.totals).toMatchObject({ sessionsHeld: 1, attended: 6, projectParticipants: 450 });
    expect(spring.districts).toEqual([
      'Khabarovsk (city)',
      'Khabarovsky District',
      'Nanaysky District'
    ]);
    const year = await reports.report(
      admin,
      { kind: 'museum', museumId: own },
      { from: '2026-01-01', to: '2026-12-31' },
      'en'
    );
    expect(year.projects[0]!.counted).toBe(2250);
    expect(year.months.map((m) => m.month)).toEqual(monthsBetween('2026-01-01', '2026-12-31'));
    expect(year.months).toHaveLength(12);
  });

  it("gives the association everything, and keeps a museum's report from other museums' staff", async () => {
    const all = await reports.report(association, { kind: 'association' }, march, 'ru');
    expect(all.owner).toBeNull();
    expect(all.totals).toMatchObject({ eventsHeld: 2, registered: 48, attended: 43 });
    expect(all.districts).toEqual(['Амурский район', 'г. Хабаровск']);
    await expect(
      reports.report(admin, { kind: 'museum', museumId: other }, march, 'ru')
    ).rejects.toThrow(NotFoundOrForbidden);
    await expect(reports.report(admin, { kind: 'association' }, march, 'ru')).rejects.toThrow(
      NotFoundOrForbidden
    );
    expect(await reports.owners(admin, 'ru')).toEqual({
      association: false,
      museums: [{ id: own, name: 'Наш музей' }]
    });
  });

  it('writes the same figures to its tables for CSV and XLSX', async () => {
    const report = await reports.report(admin, { kind: 'museum', museumId: own }, march, 'ru');
    const [summary, events] = reportTables(report, 'ru');
    expect(summary!.rows).toContainEqual(['Пришло', 3]);
    expect(events!.rows[1]).toEqual([
      'Кузнечное дело',
      'Наш музей',
      'г. Хабаровск',
      '2026-03-14',
      2,
      8,
      3
    ]);
  });
});
