import type { Actor } from '../auth/access';
import type { MuseumRepository } from '../museums/repository';
import type { StaffRepository } from '../auth/staff-repository';
import type { ProjectEditor } from '../projects/editor';
import type { ProjectInput, ProjectStopInput } from '$lib/shared/project';
import { demoAssociation } from './data';
import { demoTourAuthor } from './tour';

/**
 * The association's three projects of seed 000 with their REAL figures: the 2020 seminar (52 staff
 * from 16 museums), the 2021 foresight session and workshops (35 and 65 participants) and the
 * travelling "Museum Tour" (nine districts, 13 institutions, 2,250 participants, 95% students).
 * Their texts are the association profile's (demo/data.ts). Nothing the seed does not give is
 * made up: the Tour's stops have no dates, venues or per-stop figures; map points are the
 * districts' administrative centres. The pages are marked as demo.
 */

type Pair = { ru: string; en: string };
const told = (slug: string) => {
  const project = demoAssociation.projects?.find((p) => p.slug === slug);
  if (!project) throw new Error(`demo association has no project ${slug}`);
  return project;
};
const subsidies: Pair = {
  ru: 'Краевой конкурсный отбор на предоставление субсидий из краевого бюджета социально ориентированным некоммерческим организациям',
  en: 'The regional competitive selection for subsidies from the regional budget to socially oriented non-profit organisations'
};
const regionalBudget: Pair = {
  ru: 'Краевой бюджет Хабаровского края',
  en: 'The regional budget of Khabarovsk Krai'
};

interface DemoProject {
  slug: string;
  /** Member museums taking part, by slug. */
  museums: string[];
  input: Omit<ProjectInput, 'slug' | 'title' | 'museumIds' | 'stops'>;
  stops: (Omit<ProjectStopInput, 'venue'> & {
    venue: { museum: string } | { name?: Pair; latitude: number; longitude: number };
  })[];
}

const district = (ru: string, en: string, latitude: number, longitude: number) => ({
  key: '',
  district: { ru, en },
  venue: { latitude, longitude }
});

export const demoProjects: DemoProject[] = [
  {
    slug: 'virtual-local-history-seminar-2020',
    museums: [],
    input: {
      summary: told('virtual-local-history-seminar-2020').summary,
      period: { start: '2020-09-08', end: '2020-09-09' },
      funder: regionalBudget,
      grantProgramme: subsidies,
      description: told('virtual-local-history-seminar-2020').body,
      results: {
        participants: 52,
        lines: [
          { ru: '16 музеев-участников', en: '16 museums took part' },
          {
            ru: 'Итог — проект «дорожной карты» цифрового ресурса «Виртуальное краеведение»',
            en: 'Result: a draft road map of the “Virtual Local History” digital resource'
          }
        ]
      }
    },
    stops: []
  },
  {
    slug: 'orientation-north-2021',
    museums: ['komsomolsk-fine-arts', 'local-lore-amursk'],
    input: {
      summary: told('orientation-north-2021').summary,
      period: { start: '2021-09-13', end: '2021-09-16' },
      funder: regionalBudget,
      grantProgramme: subsidies,
      description: told('orientation-north-2021').body,
      results: {
        participants: 65,
        lines: [
          { ru: '35 участников форсайт-сессии', en: '35 people at the foresight session' },
          {
            ru: '65 участников форсайт-сессии и воркшопов вместе',
            en: '65 participants of the foresight session and the workshops together'
          }
        ]
      }
    },
    stops: [
      {
        key: 's1',
        district: { ru: 'г. Комсомольск-на-Амуре', en: 'Komsomolsk-on-Amur (city)' },
        venue: { museum: 'komsomolsk-fine-arts' },
        startsOn: '2021-09-13',
        endsOn: '2021-09-13',
        programme: { ru: 'Выездная форсайт-сессия', en: 'The visiting foresight session' },
        participants: 35
      },
      {
        key: 's2',
        district: { ru: 'г. Комсомольск-на-Амуре', en: 'Komsomolsk-on-Amur (city)' },
        venue: {
          name: {
            ru: 'Муниципальный музей Комсомольска-на-Амуре',
            en: 'A municipal museum of Komsomolsk-on-Amur'
          },
          latitude: 50.5499,
          longitude: 137.0079
        },
        startsOn: '2021-09-14',
        endsOn: '2021-09-16',
        programme: {
          ru: 'Воркшоп — музейно-цифровая мастерская',
          en: 'A workshop: a museum-digital studio'
        }
      },
      {
        key: 's3',
        district: { ru: 'Амурский район', en: 'Amursky District' },
        venue: { museum: 'local-lore-amursk' },
        startsOn: '2021-09-14',
        endsOn: '2021-09-16',
        programme: {
          ru: 'Воркшоп — музейно-цифровая мастерская',
          en: 'A workshop: a museum-digital studio'
        }
      },
      {
        key: 's4',
        district: { ru: 'Солнечный район', en: 'Solnechny District' },
        venue: {
          name: {
            ru: 'Муниципальный музей посёлка Солнечный',
            en: 'The municipal museum of Solnechny'
          },
          latitude: 50.7222,
          longitude: 136.6361
        },
        startsOn: '2021-09-14',
        endsOn: '2021-09-16',
        programme: {
          ru: 'Воркшоп — музейно-цифровая мастерская',
          en: 'A workshop: a museum-digital studio'
        }
      }
    ]
  },
  {
    slug: 'museum-tour-2021',
    museums: ['grodekov'],
    input: {
      summary: told('museum-tour-2021').summary,
      period: { start: '2021-04-01', end: '2021-09-30' },
      periodText: { ru: 'Апрель — сентябрь 2021 года', en: 'April–September 2021' },
      funder: {
        ru: 'Собственные заработанные средства, краевой бюджет (резервный фонд), спонсоры (РМК, «Ургалуголь»)',
        en: 'Own earned funds, the regional budget (reserve fund), sponsors (RMK, Urgalugol)'
      },
      goals: {
        ru: '<p>Повысить доступность уникальных природных, исторических и культурных ценностей — музейных экспонатов — для жителей Хабаровского края, и прежде всего для детей.</p>',
        en: '<p>To make unique natural, historical and cultural treasures — museum exhibits — more accessible to the residents of Khabarovsk Krai, and above all to children.</p>'
      },
      description: told('museum-tour-2021').body,
      partners: [
        {
          ru: 'Хабаровский краевой музей имени Н. И. Гродекова',
          en: 'The N. I. Grodekov Khabarovsk Krai Museum'
        }
      ],
      results: {
        participants: 2250,
        districts: 9,
        lines: [
          { ru: '13 учреждений культуры', en: '13 cultural institutions' },
          { ru: '95 % участников — учащиеся', en: '95% of the participants are students' },
          { ru: 'Команда — 23 музейных специалиста', en: 'A team of 23 museum specialists' }
        ]
      }
    },
    // The districts in the order the seed names them (it gives no dates for each).
    stops: [
      district('Хабаровский район', 'Khabarovsky District', 48.4802, 135.0719),
      district('Нанайский район', 'Nanaysky District', 49.4333, 136.5667),
      district('Верхнебуреинский район', 'Verkhnebureinsky District', 51.1186, 133.0247),
      district('Вяземский район', 'Vyazemsky District', 47.5356, 134.7553),
      district('Бикинский район', 'Bikinsky District', 46.8186, 134.2553),
      district('Район имени Лазо', 'Lazo District', 47.9978, 135.0833),
      district('Амурский район', 'Amursky District', 50.2269, 136.8997),
      district('Солнечный район', 'Solnechny District', 50.7222, 136.6361),
      district('Комсомольский район', 'Komsomolsky District', 50.5499, 137.0079)
    ]
  }
];

/** Publishes the demo projects as the association's, once (an existing slug is left alone). */
export async function seedDemoProjects(deps: {
  editor: ProjectEditor;
  actor: Actor;
  museumIds: Map<string, number>;
}): Promise<number> {
  const owner = { kind: 'association' } as const;
  let published = 0;
  for (const demo of demoProjects) {
    const { title } = told(demo.slug);
    const created = await deps.editor.create(
      deps.actor,
      owner,
      { slug: demo.slug, title, start: demo.input.period?.start ?? '' },
      'demo'
    );
    if (!created.ok) continue;
    const idOf = (slug: string) => deps.museumIds.get(slug);
    const stops = demo.stops.flatMap((stop, i): ProjectStopInput[] => {
      const key = stop.key || `s${i + 1}`;
      if ('museum' in stop.venue) {
        const museumId = idOf(stop.venue.museum);
        return museumId ? [{ ...stop, key, venue: { kind: 'museum', museumId } }] : [];
      }
      return [{ ...stop, key, venue: { kind: 'place', ...stop.venue } }];
    });
    const result = await deps.editor.save(
      deps.actor,
      owner,
      created.id,
      {
        ...demo.input,
        slug: demo.slug,
        title,
        museumIds: demo.museums.flatMap((slug) => idOf(slug) ?? []),
        stops
      },
      'publish'
    );
    if (!result.ok)
      throw new Error(`Demo project ${demo.slug} refused: ${JSON.stringify(result.errors)}`);
    published++;
  }
  return published;
}

/** The demo projects, published by the demo association admin. */
export async function startDemoProjects(deps: {
  museums: MuseumRepository;
  staff: StaffRepository;
  editor: ProjectEditor;
}): Promise<number> {
  const admin = await deps.staff.findUserByEmail(demoTourAuthor);
  if (!admin) return 0;
  const museumIds = new Map<string, number>();
  for (const slug of new Set(demoProjects.flatMap((p) => p.museums))) {
    const museum = await deps.museums.findPublishedBySlug(slug);
    if (museum) museumIds.set(slug, museum.id);
  }
  return seedDemoProjects({
    editor: deps.editor,
    actor: {
      userId: admin.id,
      grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
    },
    museumIds
  });
}
