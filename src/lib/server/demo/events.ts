import type { Actor } from '../auth/access';
import type { StaffRepository } from '../auth/staff-repository';
import type { MuseumRepository } from '../museums/repository';
import type { EventEditor, EventOwner } from '../events/editor';
import type { EventInput } from '$lib/shared/event';
import { shiftDays } from '$lib/shared/calendar';
import { localDateOf } from '$lib/shared/event-time';
import { demoTourAuthor } from './tour';

/**
 * Demo events so the calendar is never empty on a fresh start: the strategic session of seed 002
 * (its text, registration deadline and contact person from the seed; its dates moved to come
 * after the start, as the seed's are past) and some thirty invented events across the demo
 * museums and the association's towns over the next two months. All are origin 'demo' and their
 * pages say so. Dates count from the clock at the first start; seeded once, so registrations made
 * for them keep their sessions.
 */

type Pair = { ru: string; en: string };
const zone = 'Asia/Vladivostok';

interface DemoEvent {
  /** The organising museum's slug; null: the association. */
  owner: string | null;
  slug: string;
  input: Omit<EventInput, 'slug' | 'venue'> & { venue: EventInput['venue'] | 'own' };
}

/** The seed 002 strategic session: Victory Museum, in Saint Petersburg (Moscow time). */
function strategicSession(today: string): DemoEvent {
  const day = shiftDays(today, 30);
  return {
    owner: 'victory-museum',
    slug: 'strategic-session',
    input: {
      kind: 'seminar',
      title: {
        ru: 'Международная стратегическая сессия исторических и военно-исторических музеев',
        en: 'International strategic session of historical and military history museums'
      },
      lead: {
        ru: 'Музей Победы совместно с Музеем политической истории России проводит стратегическую сессию в дни Международного культурного форума.',
        en: 'The Victory Museum and the Museum of Political History of Russia hold a strategic session during the International Cultural Forum.'
      },
      description: {
        ru: '<p>В рамках Сессии запланировано проведение деловой и образовательной программ с руководителями музеев-участников Международного проекта «Территория Победы», Ассоциации исторических и военно-исторических музеев.</p><p>В формате живого диалога участники сессии обсудят формирование образа музея будущего и другие актуальные вопросы развития музеев.</p>',
        en: '<p>The session has a business and an educational programme for the heads of the museums of the international project “Territory of Victory” and of the Association of Historical and Military History Museums.</p><p>In a live dialogue the participants will discuss the image of the museum of the future and other questions of museum development.</p>'
      },
      dates: {
        kind: 'single',
        sessions: [
          {
            key: 's1',
            date: day,
            start: '10:00',
            end: '18:00',
            capacity: 120,
            // The seed: the session on 14 September, registration until 19 August.
            deadline: `${shiftDays(day, -26)}T23:59`
          }
        ]
      },
      venue: {
        kind: 'address',
        settlementSlug: 'sankt-peterburg',
        address: { ru: 'Международный культурный форум', en: 'International Cultural Forum' },
        timeZone: 'Europe/Moscow'
      },
      ageRating: '18+',
      contact: {
        name: { ru: 'Королёв Аркадий Васильевич', en: 'Arkady Vasilyevich Korolev' },
        position: {
          ru: 'начальник отдела регионального развития Музея Победы',
          en: 'head of regional development, Victory Museum'
        },
        phone: '+7 (499) 449-81-17'
      },
      registration: { enabled: true, group: false, maxPeople: 2, phone: 'required' }
    }
  };
}

/** Invented events of the region's museums: what, how often, at what age and price. */
const patterns: {
  kind: EventInput['kind'];
  title: Pair;
  lead: Pair;
  start: string;
  end: string;
  age: EventInput['ageRating'];
  price?: Pair;
  pushkin?: boolean;
  schools?: boolean;
  capacity?: number;
}[] = [
  {
    kind: 'guided-tour',
    title: { ru: 'Обзорная экскурсия по музею', en: 'A guided tour of the museum' },
    lead: { ru: 'Главное в залах музея за час.', en: 'The best of the halls in an hour.' },
    start: '12:00',
    end: '13:00',
    age: '6+',
    price: { ru: '250 ₽, дети — 100 ₽', en: '250 RUB, children 100 RUB' },
    pushkin: true
  },
  {
    kind: 'lecture',
    title: { ru: 'Лекция «Амур: река и люди»', en: 'Talk: “The Amur, a river and its people”' },
    lead: { ru: 'История освоения Приамурья.', en: 'How the Amur region was settled.' },
    start: '18:30',
    end: '20:00',
    age: '12+'
  },
  {
    kind: 'master-class',
    title: { ru: 'Мастер-класс по нанайскому орнаменту', en: 'Nanai ornament workshop' },
    lead: { ru: 'Вырезаем узор из бумаги.', en: 'Cutting a pattern out of paper.' },
    start: '15:00',
    end: '16:30',
    age: '6+',
    price: { ru: '300 ₽', en: '300 RUB' },
    pushkin: true,
    capacity: 12
  },
  {
    kind: 'school-programme',
    title: {
      ru: 'Урок в музее: край в годы войны',
      en: 'A lesson at the museum: the region at war'
    },
    lead: { ru: 'Занятие для классов по записи.', en: 'A class for school groups, booked ahead.' },
    start: '10:00',
    end: '11:30',
    age: '12+',
    schools: true,
    capacity: 30
  },
  {
    kind: 'concert',
    title: { ru: 'Вечер камерной музыки в залах', en: 'Chamber music in the halls' },
    lead: { ru: 'Струнный квартет среди экспонатов.', en: 'A string quartet among the exhibits.' },
    start: '19:00',
    end: '20:30',
    age: '0+',
    price: { ru: '500 ₽', en: '500 RUB' },
    pushkin: true
  }
];

const regional = [
  'grodekov',
  'komsomolsk-fine-arts',
  'industrial-heritage',
  'local-lore-amursk',
  'local-lore-nikolaevsk-na-amure'
];

function inventedEvents(today: string): DemoEvent[] {
  const events: DemoEvent[] = [];
  let n = 0;
  for (const [m, museum] of regional.entries())
    for (const [p, pattern] of patterns.entries()) {
      n += 1;
      const first = shiftDays(today, 2 + ((m * 7 + p * 11) % 50));
      const twice = p % 2 === 0;
      events.push({
        owner: museum,
        slug: `demo-${pattern.kind}-${n}`,
        input: {
          kind: pattern.kind,
          title: pattern.title,
          lead: pattern.lead,
          dates: {
            kind: twice ? 'sessions' : 'single',
            sessions: [first, ...(twice ? [shiftDays(first, 7)] : [])].map((date, i) => ({
              key: `s${i + 1}`,
              date,
              start: pattern.start,
              end: pattern.end,
              capacity: pattern.capacity ?? null
            }))
          },
          venue: 'own',
          ageRating: pattern.age,
          price: pattern.price
            ? { kind: 'ticketed', text: pattern.price, pushkinCard: pattern.pushkin ?? false }
            : { kind: 'free' },
          forSchools: pattern.schools ?? false,
          registration: {
            enabled: !!pattern.capacity,
            group: pattern.schools ?? false,
            maxPeople: pattern.schools ? 35 : 2
          }
        }
      });
    }
  // The association's travelling "Museum Tour" stops in the districts, and a seminar.
  const stops: [string, Pair][] = [
    ['amursk', { ru: 'Дворец культуры', en: 'Palace of Culture' }],
    ['bikin', { ru: 'районная библиотека', en: 'district library' }],
    ['vyazemsky', { ru: 'школа № 1', en: 'school No. 1' }],
    ['chegdomyn', { ru: 'Дом культуры', en: 'House of Culture' }]
  ];
  stops.forEach(([town, address], i) => {
    const from = shiftDays(today, 3 + i * 14);
    events.push({
      owner: null,
      slug: `demo-museum-tour-${town}`,
      input: {
        kind: 'travelling-stop',
        title: {
          ru: 'Передвижная выставка «Музейный тур»',
          en: 'Travelling exhibition “Museum Tour”'
        },
        lead: {
          ru: 'Выставка музеев края приезжает в район: экспонаты, занятия для школьников.',
          en: 'The museums of the region come to the district: exhibits and classes for pupils.'
        },
        dates: { kind: 'range', sessions: [{ key: 's1', date: from, until: shiftDays(from, 9) }] },
        venue: { kind: 'address', settlementSlug: town, address },
        ageRating: '0+',
        forSchools: true
      }
    });
  });
  events.push({
    owner: null,
    slug: 'demo-seminar-museum-education',
    input: {
      kind: 'seminar',
      title: { ru: 'Семинар «Музейная педагогика»', en: 'Seminar “Museum education”' },
      lead: {
        ru: 'Для сотрудников музеев — членов ассоциации.',
        en: 'For the staff of the association’s member museums.'
      },
      dates: {
        kind: 'sessions',
        sessions: [
          { key: 's1', date: shiftDays(today, 20), start: '10:00', end: '17:00', capacity: 60 },
          { key: 's2', date: shiftDays(today, 21), start: '10:00', end: '15:00', capacity: 60 }
        ]
      },
      venue: {
        kind: 'address',
        settlementSlug: 'khabarovsk',
        address: { ru: 'ул. Шевченко, 11', en: '11 Shevchenko St.' }
      },
      ageRating: '18+',
      registration: { enabled: true, group: false, maxPeople: 1, phone: 'required' }
    }
  });
  return events;
}

/** Publishes the demo events once (none of them there yet); returns how many were made. */
export async function startDemoEvents(deps: {
  museums: MuseumRepository;
  staff: StaffRepository;
  editor: EventEditor;
  clock: () => Date;
  /** True when demo events exist already: they are seeded once. */
  seeded: () => Promise<boolean>;
}): Promise<number> {
  if (await deps.seeded()) return 0;
  const admin = await deps.staff.findUserByEmail(demoTourAuthor);
  if (!admin) return 0;
  const actor: Actor = {
    userId: admin.id,
    grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
  };
  const today = localDateOf(deps.clock(), zone);
  let made = 0;
  for (const demo of [strategicSession(today), ...inventedEvents(today)]) {
    const museumId = demo.owner ? (await deps.museums.findPublishedBySlug(demo.owner))?.id : null;
    if (museumId === undefined) continue;
    const owner: EventOwner =
      museumId === null ? { kind: 'association' } : { kind: 'museum', museumId };
    const created = await deps.editor.create(
      actor,
      owner,
      { slug: demo.slug, title: demo.input.title },
      'demo'
    );
    if (!created.ok) continue;
    const venue =
      demo.input.venue === 'own' && museumId !== null
        ? ({ kind: 'museum', museumId } as const)
        : demo.input.venue;
    if (venue === 'own') continue;
    const saved = await deps.editor.save(
      actor,
      owner,
      created.id,
      { ...demo.input, slug: demo.slug, venue },
      'publish'
    );
    if (saved.ok) made += 1;
  }
  return made;
}
