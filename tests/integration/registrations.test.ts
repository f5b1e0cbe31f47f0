import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { EventRepository } from '$lib/server/events/repository';
import { EventEditor } from '$lib/server/events/editor';
import { JobQueue } from '$lib/server/jobs/queue';
import { JobRepository } from '$lib/server/jobs/repository';
import { MailRepository } from '$lib/server/mail/repository';
import { Mailer } from '$lib/server/mail/mailer';
import { RateLimit } from '$lib/server/http/rate-limit';
import { Registrations } from '$lib/server/registrations/service';
import { RegistrationRepository } from '$lib/server/registrations/repository';
import { RegistrationSessionRepository } from '$lib/server/registrations/session-repository';
import { placeInput } from '$lib/shared/association';
import type { EventInput } from '$lib/shared/event';
import type { RegistrationForm } from '$lib/shared/registration';
import { buffer } from 'node:stream/consumers';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newMuseum, testPlaces } from './factories';

/** A visitor's form, valid unless the test says otherwise. */
function visitor(sessionId: number, n: number, overrides: Partial<RegistrationForm> = {}) {
  return {
    sessionId,
    name: `Посетитель ${n}`,
    email: `visitor${n}@example.ru`,
    phone: '+7 914 123-45-67',
    people: 1,
    school: '',
    className: '',
    answers: [],
    consent: true,
    website: '',
    ...overrides
  } satisfies RegistrationForm;
}

describe.each(dialects)('registrations on %s', (dialect) => {
  let test: TestDatabase;
  let editor: EventEditor;
  let events: EventRepository;
  let registrations: Registrations;
  let deps: ConstructorParameters<typeof Registrations>[0];
  let repository: RegistrationRepository;
  let own: number;
  let other: number;
  let now = new Date('2026-12-01T00:00:00Z');
  const clock = () => new Date(now.getTime());
  const admin: Actor = {
    userId: 'admin',
    grants: [{ role: 'museum_admin', museumId: 0, publishing: 'publish' }]
  };
  const editorOfOwn: Actor = {
    userId: 'editor',
    grants: [{ role: 'museum_editor', museumId: 0, publishing: 'review' }]
  };
  const stranger: Actor = {
    userId: 'stranger',
    grants: [{ role: 'museum_admin', museumId: 0, publishing: 'publish' }]
  };
  const context = { locale: 'ru' as const, clientAddress: '203.0.113.1' };

  function eventInput(capacity: number, overrides: Partial<EventInput> = {}): EventInput {
    return {
      slug: 'ignored',
      kind: 'master-class',
      title: { ru: 'Кузнечное дело', en: 'Blacksmithing' },
      dates: {
        kind: 'sessions',
        sessions: [
          { key: 's1', date: '2026-12-10', start: '10:00', end: '12:00', capacity },
          {
            key: 's2',
            date: '2026-12-11',
            start: '10:00',
            end: '12:00',
            capacity,
            deadline: '2026-12-05T18:00'
          }
        ]
      },
      venue: { kind: 'museum', museumId: own },
      ageRating: '12+',
      registration: { enabled: true, group: true, maxPeople: 5, phone: 'required' },
      ...overrides
    };
  }

  /** A published event of the own museum; its sessions' ids. */
  async function publishedEvent(
    slug: string,
    capacity: number,
    overrides: Partial<EventInput> = {}
  ) {
    const owner = { kind: 'museum', museumId: own } as const;
    const made = await editor.create(admin, owner, { slug, title: { ru: slug, en: slug } });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const saved = await editor.save(
      admin,
      owner,
      made.id,
      eventInput(capacity, overrides),
      'publish'
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const sessions = await events.sessionsOf(made.id);
    return { eventId: made.id, s1: sessions[0]!.id, s2: sessions[1]!.id };
  }

  async function mailsTo(email: string) {
    return test.database.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', email)
      .orderBy('id')
      .execute();
  }

  async function statuses(sessionId: number) {
    const rows = await test.database.db
      .selectFrom('registrations')
      .select(['email', 'status', 'people'])
      .where('session_id', '=', sessionId)
      .orderBy('id')
      .execute();
    return rows;
  }

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    for (const id of ['admin', 'editor', 'stranger'])
      await db
        .insertInto('users')
        .values({ id, name: id, email: `${id}@museum.ru`, email_verified: 1 })
        .execute();
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const a = await catalogue.create(newMuseum({ slug: 'forge' }));
    const b = await catalogue.create(newMuseum({ slug: 'elsewhere' }));
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    admin.grants[0]!.museumId = own;
    editorOfOwn.grants[0]!.museumId = own;
    stranger.grants[0]!.museumId = other;
    const queue = new JobQueue(new JobRepository(db, test.database.dialect), clock);
    const staff = new StaffRepository(db);
    repository = new RegistrationRepository(db, test.database.dialect);
    deps = {
      repository,
      sessions: new RegistrationSessionRepository(db),
      mailer: new Mailer({
        repository: new MailRepository(db),
        queue,
        config: { kind: 'outbox' },
        clock
      }),
      queue,
      staff,
      clock,
      origin: 'https://kraeved.example',
      limit: new RateLimit({ limit: 1000, windowMs: 60_000 })
    };
    registrations = new Registrations(deps);
    events = new EventRepository(db);
    editor = new EventEditor(events, staff, clock, async () => [], registrations);
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('never overbooks: 200 registering at once for 50 places are 50 confirmed and 150 waiting', async () => {
    const { s1 } = await publishedEvent('crowd', 50);
    // As ten app instances would: each lines up its own requests, the database decides between them.
    const instances = Array.from({ length: 10 }, () => new Registrations(deps));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        instances[i % instances.length]!.register(visitor(s1, i), context)
      )
    );
    const outcomes = results.map((r) => (r.ok ? r.outcome : 'error'));
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(50);
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(150);
    const rows = await statuses(s1);
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(50);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(150);
    // The first 50 rows (by id) are the confirmed ones: the waitlist is in order of arrival.
    expect(rows.slice(0, 50).every((r) => r.status === 'confirmed')).toBe(true);
    const count = await test.database.db
      .selectFrom('mail_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('to_address', 'like', 'visitor%@example.ru')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(200);
  });

  it('refuses bad input with a message per field and saves nothing', async () => {
    const { s1 } = await publishedEvent('checks', 10);
    const result = await registrations.register(
      visitor(s1, 1000, { email: 'not-an-address', phone: '12', consent: false, people: 9 }),
      context
    );
    expect(result.ok).toBe(false);
    const fields = 'errors' in result ? result.errors.map((e) => e.field) : [];
    expect(fields).toEqual(['email', 'phone', 'people', 'consent']);
    if ('errors' in result) {
      expect(result.errors[0]?.message.ru).toContain('адрес электронной почты');
      expect(result.errors[0]?.message.en).toContain('e-mail address');
    }
    expect(await statuses(s1)).toEqual([]);
  });

  it('refuses after the deadline (in the museum’s zone) and for a cancelled event', async () => {
    const { s2, eventId } = await publishedEvent('deadline', 10);
    // The deadline is 18:00 on 5 December in Khabarovsk: 08:00 UTC.
    now = new Date('2026-12-05T07:59:00Z');
    expect(await registrations.register(visitor(s2, 2000), context)).toMatchObject({
      ok: true,
      outcome: 'confirmed'
    });
    now = new Date('2026-12-05T08:00:00Z');
    expect(await registrations.register(visitor(s2, 2001), context)).toEqual({
      ok: false,
      refused: 'deadline'
    });
    now = new Date('2026-12-01T00:00:00Z');
    await editor.save(
      admin,
      { kind: 'museum', museumId: own },
      eventId,
      eventInput(10, { status: 'cancelled' }),
      'publish'
    );
    expect(await registrations.register(visitor(s2, 2002), context)).toEqual({
      ok: false,
      refused: 'cancelled'
    });
    // Cancelling the event cancelled the registration and said so.
    expect(await statuses(s2)).toEqual([
      { email: 'visitor2000@example.ru', status: 'cancelled', people: 1 }
    ]);
    expect((await mailsTo('visitor2000@example.ru')).map((m) => m.subject)).toEqual([
      'Вы записаны: Кузнечное дело',
      'Отменено: Кузнечное дело'
    ]);
  });

  it('makes one registration of a double submit, and keeps nothing a bot sends', async () => {
    const { s1 } = await publishedEvent('double', 10);
    const [first, second] = await Promise.all([
      registrations.register(visitor(s1, 3000), context),
      registrations.register(visitor(s1, 3000, { email: 'Visitor3000@Example.ru' }), context)
    ]);
    expect([first, second].map((r) => r.ok && r.outcome).sort()).toEqual(['already', 'confirmed']);
    const bot = await registrations.register(
      visitor(s1, 3001, { website: 'http://spam' }),
      context
    );
    expect(bot).toMatchObject({ ok: true });
    expect(await statuses(s1)).toEqual([
      { email: 'visitor3000@example.ru', status: 'confirmed', people: 1 }
    ]);
  });

  it('stops an address past its rate limit', async () => {
    const { s1 } = await publishedEvent('limited', 10);
    const limited = new Registrations({
      ...deps,
      limit: new RateLimit({ limit: 2, windowMs: 60_000 })
    });
    const answers = [];
    for (let i = 0; i < 3; i += 1)
      answers.push(await limited.register(visitor(s1, 3100 + i), context));
    expect(answers.map((a) => (a.ok ? a.outcome : 'refused' in a ? a.refused : 'errors'))).toEqual([
      'confirmed',
      'confirmed',
      'rate-limited'
    ]);
  });

  it('cancels through the link once, and promotes the first waiting who fit, with a mail', async () => {
    const { s1 } = await publishedEvent('waitlist', 3);
    const tokens: string[] = [];
    const grab = async (n: number, people = 1) => {
      const r = await registrations.register(visitor(s1, n, { people }), context);
      const mail = (await mailsTo(`visitor${n}@example.ru`)).at(-1);
      const token = /cancel\/([A-Za-z0-9_-]{43})/.exec(mail?.text_body ?? '')?.[1];
      tokens.push(token ?? '');
      return r;
    };
    await grab(4000, 2); // confirmed, 2 of 3
    await grab(4001, 1); // confirmed, 3 of 3
    await grab(4002, 3); // waiting: a group of three
    await grab(4003, 1); // waiting
    expect((await statuses(s1)).map((r) => r.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted'
    ]);
    expect(await registrations.cancelPreview(tokens[1]!)).toMatchObject({
      status: 'confirmed',
      people: 1
    });
    expect(await registrations.cancelByToken(tokens[1]!)).toBe('cancelled');
    // One place free: the group of three does not fit, the one after it does.
    expect((await statuses(s1)).map((r) => r.status)).toEqual([
      'confirmed',
      'cancelled',
      'waitlisted',
      'confirmed'
    ]);
    expect((await mailsTo('visitor4003@example.ru')).map((m) => m.subject)).toEqual([
      'Лист ожидания: Кузнечное дело',
      'Место освободилось — вы записаны: Кузнечное дело'
    ]);
    expect(await registrations.cancelByToken(tokens[1]!)).toBe('already');
    expect(await registrations.cancelByToken('A'.repeat(43))).toBeUndefined();
    expect(await registrations.cancelByToken('short')).toBeUndefined();
    // Two places free are still too few for the group; three are enough.
    expect(await registrations.cancelByToken(tokens[0]!)).toBe('cancelled');
    expect((await statuses(s1)).map((r) => r.status)).toEqual([
      'cancelled',
      'cancelled',
      'waitlisted',
      'confirmed'
    ]);
    expect(await registrations.cancelByToken(tokens[3]!)).toBe('cancelled');
    expect((await statuses(s1)).map((r) => r.status)).toEqual([
      'cancelled',
      'cancelled',
      'confirmed',
      'cancelled'
    ]);
  });

  it('gives places added later to those already waiting before anyone new', async () => {
    const { eventId, s1 } = await publishedEvent('growing', 1);
    await registrations.register(visitor(s1, 7000), context);
    await registrations.register(visitor(s1, 7001), context);
    await editor.save(admin, { kind: 'museum', museumId: own }, eventId, eventInput(2), 'publish');
    expect(await registrations.register(visitor(s1, 7002), context)).toMatchObject({
      ok: true,
      outcome: 'waitlisted'
    });
    expect((await statuses(s1)).map((r) => r.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted'
    ]);
  });

  it('tells everyone registered when a session moves, and reminds once the day before', async () => {
    const { eventId, s1 } = await publishedEvent('moving', 10);
    const r = await registrations.register(visitor(s1, 5000), context);
    const id = r.ok ? r.registrationId! : 0;
    const input = eventInput(10);
    input.dates.sessions[0]!.start = '15:00';
    input.dates.sessions[0]!.end = '17:00';
    await editor.save(admin, { kind: 'museum', museumId: own }, eventId, input, 'publish');
    const mails = await mailsTo('visitor5000@example.ru');
    expect(mails.map((m) => m.subject)).toEqual([
      'Вы записаны: Кузнечное дело',
      'Перенос: Кузнечное дело'
    ]);
    expect(mails[1]?.text_body).toContain('15:00–17:00 (хабаровское время)');
    // Two days before: too early, it waits again.
    await registrations.remind(id);
    expect(await mailsTo('visitor5000@example.ru')).toHaveLength(2);
    now = new Date('2026-12-09T06:00:00Z');
    await registrations.remind(id);
    await registrations.remind(id);
    now = new Date('2026-12-01T00:00:00Z');
    const after = await mailsTo('visitor5000@example.ru');
    expect(after.map((m) => m.subject)).toEqual([
      'Вы записаны: Кузнечное дело',
      'Перенос: Кузнечное дело',
      'Напоминание: Кузнечное дело — завтра'
    ]);
  });

  it('shows registrants to the organiser’s staff only; they mark attendance, export, cancel and write', async () => {
    const { eventId, s1 } = await publishedEvent('staff', 10);
    await registrations.register(visitor(s1, 6000, { name: '=HYPERLINK("x")' }), context);
    const second = await registrations.register(visitor(s1, 6001), context);
    const secondId = second.ok ? second.registrationId! : 0;
    await expect(registrations.list(stranger, eventId)).rejects.toThrow(NotFoundOrForbidden);
    await expect(registrations.list(null, eventId)).rejects.toThrow(NotFoundOrForbidden);
    const list = await registrations.list(editorOfOwn, eventId);
    expect(list[0]?.registrations.map((r) => r.email)).toEqual([
      'visitor6000@example.ru',
      'visitor6001@example.ru'
    ]);
    const firstId = list[0]!.registrations[0]!.id;
    await registrations.markAttendance(admin, eventId, s1, [firstId]);
    await expect(registrations.markAttendance(stranger, eventId, s1, [])).rejects.toThrow(
      NotFoundOrForbidden
    );
    const attended = await test.database.db
      .selectFrom('registrations')
      .select((eb) => eb.fn.sum<number>('people').as('people'))
      .where('event_id', '=', eventId)
      .where('attended', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Number(attended.people)).toBe(1);
    const csv = (
      await buffer(await registrations.exportFile(admin, eventId, 'csv', 'ru'))
    ).toString();
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).toContain('visitor6001@example.ru');
    const xlsx = await buffer(await registrations.exportFile(admin, eventId, 'xlsx', 'en'));
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    await expect(registrations.exportFile(stranger, eventId, 'csv', 'ru')).rejects.toThrow(
      NotFoundOrForbidden
    );
    expect(await registrations.cancelByStaff(admin, eventId, secondId)).toBe(true);
    const sent = await registrations.writeToAll(admin, eventId, {
      sessionId: null,
      subject: 'Вход со двора',
      body: 'Вход в кузницу — со двора.'
    });
    expect(sent).toEqual({ errors: [], sent: 1 });
    expect((await mailsTo('visitor6000@example.ru')).at(-1)?.subject).toBe(
      'Вход со двора — Кузнечное дело'
    );
    const audit = await test.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'event')
      .where('entity_id', '=', String(eventId))
      .where('action', 'in', ['mark-attendance', 'cancel-registration', 'write-registrants'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'mark-attendance',
      'cancel-registration',
      'write-registrants'
    ]);
  });
});
