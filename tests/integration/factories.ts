import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/connection';
import type { DB } from '$lib/server/db/schema';
import { createAuth, type AuthOptions } from '$lib/server/auth/auth';
import { StaffAccounts, type AccountsOptions } from '$lib/server/auth/accounts';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import type { MuseumInput } from '$lib/shared/museum';
import type { ExhibitInput } from '$lib/shared/exhibit';
import type { AssociationInput, PlaceInput } from '$lib/shared/association';
import type { Actor, Grant } from '$lib/server/auth/access';
import type { ProjectInput } from '$lib/shared/project';
import type { EventInput } from '$lib/shared/event';

export const testPlaces: PlaceInput = {
  districts: [
    { slug: 'khabarovsk-city', name: { ru: 'г. Хабаровск', en: 'Khabarovsk (city)' } },
    { slug: 'amursky', name: { ru: 'Амурский район', en: 'Amursky District' } }
  ],
  settlements: [
    {
      slug: 'khabarovsk',
      districtSlug: 'khabarovsk-city',
      name: { ru: 'Хабаровск', en: 'Khabarovsk' },
      region: { ru: 'Хабаровский край', en: 'Khabarovsk Krai' },
      latitude: 48.48,
      longitude: 135.07
    },
    {
      slug: 'amursk',
      districtSlug: 'amursky',
      name: { ru: 'Амурск', en: 'Amursk' },
      region: { ru: 'Хабаровский край', en: 'Khabarovsk Krai' },
      latitude: 50.23,
      longitude: 136.9
    }
  ]
};

/** A small association with one governance row and one project; override what the test is about. */
export const testAssociation: AssociationInput = {
  name: { ru: 'Ассоциация музеев', en: 'Association of museums' },
  shortName: { ru: 'АМ', en: 'AM' },
  summary: { ru: 'Музеи края вместе.', en: 'The museums of the region together.' },
  about: { ru: '<p>О нас</p>', en: '<p>About us</p>' },
  governance: [
    {
      body: 'leadership',
      role: 'president',
      person: { ru: 'Анна Петрова', en: 'Anna Petrova' }
    }
  ],
  projects: [{ slug: 'seminar', title: { ru: 'Семинар', en: 'Seminar' } }]
};

let counter = 0;

/** A valid museum; override what the test is about. */
export function newMuseum(overrides: Partial<MuseumInput> = {}): MuseumInput {
  counter += 1;
  return {
    slug: `museum-${counter}`,
    membership: 'member',
    status: 'active',
    ownership: 'municipal',
    profile: 'local_lore',
    name: { ru: `Музей ${counter}`, en: `Museum ${counter}` },
    settlementSlug: 'khabarovsk',
    timeZone: 'Asia/Vladivostok',
    hoursRule: 'Tu-Su 10:00-18:00; Mo off; Fr[-1] off "sanitary day"',
    ...overrides
  };
}

let exhibits = 0;

/** A valid exhibit of a museum's inventory, with a number of its own; override what the test is about. */
export function newExhibit(overrides: Partial<ExhibitInput> = {}): ExhibitInput {
  exhibits += 1;
  return {
    inventoryNumber: `КП-${exhibits}`,
    title: { ru: `Самовар ${exhibits}`, en: `Samovar ${exhibits}` },
    description: { ru: 'Медный самовар.\n\nИз дома купца.', en: 'A copper samovar.' },
    dating: { ru: 'конец XIX в.', en: 'late 19th century' },
    yearFrom: 1880,
    yearTo: 1899,
    material: 'metal',
    category: 'household',
    ...overrides
  };
}

/** 12:00 in Khabarovsk (UTC+10) on a date. */
export function khabarovskNoon(date: string): Date {
  return new Date(`${date}T02:00:00Z`);
}

/** Staff accounts over a test database, as the app wires them, with better-auth beside them. */
export function newAuth(
  database: Database,
  sendPasswordReset: AuthOptions['sendPasswordReset'] = async () => {},
  send: AccountsOptions['send'] = async () => {},
  clock: () => Date = () => new Date()
) {
  const auth = createAuth({
    database,
    baseURL: 'http://localhost:3000',
    secret: 'a-test-secret-that-is-long-enough-0123456789',
    sendPasswordReset
  });
  const options = { send, clock, origin: 'http://localhost:3000' };
  return { auth, accounts: new StaffAccounts(auth, new StaffRepository(database.db), options) };
}

export function newAccounts(database: Database): StaffAccounts {
  return newAuth(database).accounts;
}

let people = 0;

/**
 * A person with a role, written straight into the tables (no password: for service tests that
 * do not sign in). Returns the Actor the services take.
 */
export async function newStaffMember(
  db: Database['db'],
  grant: Omit<Grant, 'publishing'> & { publishing?: Grant['publishing'] },
  name = `Сотрудник ${++people}`
): Promise<Actor> {
  const id = `staff-${Date.now().toString(36)}-${++people}`;
  await db
    .insertInto('users')
    .values({ id, name, email: `${id}@museum.ru`, email_verified: 1 })
    .execute();
  const publishing = grant.publishing ?? (grant.role === 'museum_editor' ? 'review' : 'publish');
  await new StaffRepository(db).grant(id, grant.role, grant.museumId, publishing);
  return { userId: id, grants: [{ role: grant.role, museumId: grant.museumId, publishing }] };
}

/** A valid project of three stops; override what the test is about. */
export function newProject(overrides: Partial<ProjectInput> = {}): ProjectInput {
  return {
    slug: 'ignored',
    title: { ru: 'Музейный тур', en: 'Museum Tour' },
    summary: { ru: 'Передвижная выставка', en: 'A travelling exhibition' },
    period: { start: '2026-04-01', end: '2026-09-30' },
    funder: { ru: 'Краевой бюджет', en: 'The regional budget' },
    goals: { ru: '<p>Доступность <script>x</script>музеев</p>', en: '<p>Access</p>' },
    partners: [{ ru: 'Музей Гродекова', en: 'Grodekov Museum' }],
    results: {
      participants: 2250,
      districts: 3,
      lines: [{ ru: '13 учреждений', en: '13 venues' }]
    },
    stops: [
      {
        key: 's1',
        district: { ru: 'Хабаровский район', en: 'Khabarovsky District' },
        venue: { kind: 'place', name: { ru: 'Дом культуры', en: 'House of culture' } },
        startsOn: '2026-04-10',
        endsOn: '2026-04-12',
        participants: 300
      },
      {
        key: 's2',
        district: { ru: 'Нанайский район', en: 'Nanaysky District' },
        venue: { kind: 'place', name: null, latitude: 49.43, longitude: 136.57 },
        startsOn: '2026-05-20',
        participants: 150
      },
      {
        key: 's3',
        district: { ru: 'Амурский район', en: 'Amursky District' },
        venue: { kind: 'place', name: { ru: 'Школа № 1', en: 'School No. 1' } },
        startsOn: '2026-08-01',
        participants: 400
      }
    ],
    ...overrides
  };
}

/**
 * A valid published-ready event of one or more sessions at a museum (times in its zone);
 * override what the test is about.
 */
export function newEventInput(
  museumId: number,
  sessions: { key: string; date: string; start?: string; capacity?: number }[],
  overrides: Partial<EventInput> = {}
): EventInput {
  return {
    slug: 'ignored',
    kind: 'master-class',
    title: { ru: 'Кузнечное дело', en: 'Blacksmithing' },
    dates: {
      kind: 'sessions',
      sessions: sessions.map((s) => ({ start: '10:00', end: '12:00', ...s }))
    },
    venue: { kind: 'museum', museumId },
    ageRating: '12+',
    price: { kind: 'free' },
    contact: {
      name: { ru: 'Анна Петрова', en: 'Anna Petrova' },
      phone: '+7 4212 00-00-00',
      email: 'anna@museum.ru'
    },
    registration: { enabled: true },
    ...overrides
  };
}

let registrationCounter = 0;

/**
 * A registration row as the registration form leaves it (confirmed unless told), with
 * attendance as staff mark it; straight into the table, for tests that count.
 */
export async function newRegistration(
  db: Kysely<DB>,
  at: { sessionId: number; eventId: number },
  options: {
    people?: number;
    status?: 'confirmed' | 'waitlisted' | 'cancelled';
    attended?: boolean;
  } = {}
): Promise<void> {
  registrationCounter += 1;
  const status = options.status ?? 'confirmed';
  await db
    .insertInto('registrations')
    .values({
      session_id: at.sessionId,
      event_id: at.eventId,
      status,
      people: options.people ?? 1,
      name: `Посетитель ${registrationCounter}`,
      email: `visitor${registrationCounter}@example.ru`,
      phone: '',
      school: null,
      class_name: null,
      answers: '[]',
      locale: 'ru',
      consent_text: 'Согласие',
      cancel_token_hash: `hash-${registrationCounter}`,
      attended: options.attended ? 1 : 0,
      created_at: '2026-01-01T00:00:00.000Z',
      confirmed_at: status === 'confirmed' ? '2026-01-01T00:00:00.000Z' : null,
      cancelled_at: status === 'cancelled' ? '2026-01-02T00:00:00.000Z' : null,
      cancelled_by: status === 'cancelled' ? 'visitor' : null
    })
    .execute();
}
