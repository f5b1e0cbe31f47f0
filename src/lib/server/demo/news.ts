import type { Actor } from '../auth/access';
import type { StaffRepository } from '../auth/staff-repository';
import type { MuseumRepository } from '../museums/repository';
import type { NewsEditor, NewsOwner } from '../news/editor';
import type { NewsRepository } from '../news/repository';
import type { NewsInput } from '$lib/shared/news';
import { demoTourAuthor } from './tour';

type Pair = { ru: string; en: string };

/**
 * The demo news, drawn from the seed documents with their real figures: the association's
 * seminar and foresight session of the "Virtual Local History" project and its "Museum Tour"
 * (seed 000), the Museum of the Industrial and Technical Heritage (seed 001) and the strategic
 * session announced with a registration deadline and a contact person (seed 002). Each is
 * published with the date the seed gives (or, for the museum's, a date chosen here) and carries
 * origin 'demo', so its page says it is a demo.
 */
interface DemoNews {
  /** A museum's slug, or null for the association's own news. */
  owner: string | null;
  slug: string;
  /** When it went public (UTC). */
  publishedAt: string;
  title: Pair;
  lead: Pair;
  body: Pair;
  tags: Pair[];
  /** Museums it is about, by slug. */
  about: string[];
}

const seminar: Pair = { ru: 'семинар', en: 'seminar' };
const virtual: Pair = { ru: 'виртуальное краеведение', en: 'virtual local history' };
const grant: Pair = { ru: 'грант', en: 'grant' };
const tour: Pair = { ru: 'музейный тур', en: 'museum tour' };

export const demoNews: DemoNews[] = [
  {
    owner: null,
    slug: 'virtual-local-history-seminar-2020',
    publishedAt: '2020-09-09T08:00:00.000Z',
    title: {
      ru: 'Семинар «Виртуальное краеведение»: 52 сотрудника из 16 музеев',
      en: '“Virtual Local History” seminar: 52 staff from 16 museums'
    },
    lead: {
      ru: '8–9 сентября 2020 года ассоциация провела семинар для музейных работников — первый проект на средства регионального гранта.',
      en: 'On 8–9 September 2020 the association held a seminar for museum staff, its first project on a regional grant.'
    },
    body: {
      ru: '<p>В 2020 году Ассоциация музеев Хабаровского края победила в краевом конкурсном отборе на предоставление субсидий социально ориентированным некоммерческим организациям и получила свой первый грант — на организацию и проведение семинара для музейных работников «Виртуальное краеведение».</p><p>В семинаре участвовали 52 сотрудника из 16 музеев. Из-за проблем со связью и интернетом не смогли присоединиться коллеги из северных районов края — Аяно-Майского и Тугуро-Чумиканского.</p><p>Итог семинара — проект «дорожной карты»: каким должен быть цифровой ресурс «Виртуальное краеведение».</p>',
      en: '<p>In 2020 the Association of Museums of Khabarovsk Krai won the regional competition for subsidies to socially oriented non-profit organisations: its first grant, for organising a seminar for museum staff, “Virtual Local History”.</p><p>52 staff from 16 museums took part. Colleagues from the northern Ayano-Maysky and Tuguro-Chumikansky districts could not join because of poor communications and internet.</p><p>The seminar produced a draft “road map” of what the digital resource “Virtual Local History” should be.</p>'
    },
    tags: [seminar, virtual, grant],
    about: []
  },
  {
    owner: null,
    slug: 'foresight-north-2021',
    publishedAt: '2021-09-17T08:00:00.000Z',
    title: {
      ru: 'Форсайт-сессия и воркшопы «Ориентир — Север»: 65 участников',
      en: 'Foresight session and workshops “Orientation North”: 65 participants'
    },
    lead: {
      ru: '13 сентября 2021 года в Комсомольске-на-Амуре прошла выездная форсайт-сессия (35 участников), 14–16 сентября — воркшопы в музеях Комсомольска-на-Амуре, Амурска и посёлка Солнечный.',
      en: 'On 13 September 2021 a visiting foresight session took place in Komsomolsk-on-Amur (35 participants), followed on 14–16 September by workshops in the museums of Komsomolsk-on-Amur, Amursk and Solnechny.'
    },
    body: {
      ru: '<p>Второй грант ассоциация выиграла в краевом конкурсном отборе 2021 года. Выездная форсайт-сессия и серия воркшопов «Виртуальное краеведение. Ориентир — Север» — второй этап развития проекта.</p><p>Форсайт-сессия прошла 13 сентября 2021 года на базе Музея изобразительных искусств Комсомольска-на-Амуре; в ней участвовали 35 человек. Воркшопы как музейно-цифровые мастерские прошли в муниципальных музеях Комсомольска-на-Амуре, Амурска и посёлка Солнечный; к специалистам музеев присоединились пресс-секретари домов культуры, библиотек, ботанического сада и зоопарка.</p><p>Всего в форсайт-сессии и воркшопах участвовали 65 человек.</p>',
      en: '<p>The association won its second grant in the regional competition of 2021. The visiting foresight session and workshops “Virtual Local History. Orientation North” are the project’s second stage.</p><p>The foresight session was held on 13 September 2021 at the Museum of Fine Arts of Komsomolsk-on-Amur, with 35 participants. The workshops, museum-and-digital studios, were held in the municipal museums of Komsomolsk-on-Amur, Amursk and Solnechny; press officers of houses of culture, libraries, the botanical garden and the zoo joined the museum specialists.</p><p>65 people took part in the foresight session and the workshops in all.</p>'
    },
    tags: [seminar, virtual, grant],
    about: ['komsomolsk-fine-arts', 'local-lore-amursk']
  },
  {
    owner: null,
    slug: 'museum-tour-2021-results',
    publishedAt: '2021-09-30T08:00:00.000Z',
    title: {
      ru: '«Музейный тур» 2021: девять районов, 13 учреждений, 2250 участников',
      en: 'The “Museum Tour” 2021: nine districts, 13 institutions, 2,250 participants'
    },
    lead: {
      ru: 'С апреля по сентябрь 2021 года передвижной проект ассоциации и Гродековского музея побывал в девяти районах края; 95% из 2250 участников — учащиеся.',
      en: 'From April to September 2021 the travelling project of the association and the Grodekov Museum visited nine districts of the krai; 95% of its 2,250 participants were students.'
    },
    body: {
      ru: '<p>Самым значимым в 2021 году стал совместный социокультурный передвижной проект ассоциации и Хабаровского краевого музея имени Н. И. Гродекова — «Музейный тур». Его цель — сделать уникальные природные, исторические и культурные ценности, музейные предметы, доступнее жителям Хабаровского края, прежде всего детям.</p><p>Команда — 23 музейных специалиста; с собой — выставочные стенды и подлинные предметы, экскурсии, музейные занятия и игры для детей, мастер-классы, каталоги и альбомы.</p><p>С апреля по сентябрь 2021 года проект побывал в девяти муниципальных районах: Хабаровском, Нанайском, Верхнебуреинском, Вяземском, Бикинском, имени Лазо, Амурском, Солнечном и Комсомольском. Программы прошли в 13 учреждениях культуры. Участников — 2250, из них 95% — учащиеся.</p>',
      en: '<p>The most significant project of 2021 was the travelling “Museum Tour” of the association and the Grodekov Khabarovsk Regional Museum. Its aim: to bring unique natural, historical and cultural treasures, museum objects, closer to the people of Khabarovsk Krai, above all to children.</p><p>A team of 23 museum specialists travelled with exhibition stands and original objects, guided tours, museum activities and games for children, master classes, catalogues and albums.</p><p>From April to September 2021 the project visited nine municipal districts: Khabarovsky, Nanaysky, Verkhnebureinsky, Vyazemsky, Bikinsky, Lazo, Amursky, Solnechny and Komsomolsky. Programmes were held at 13 cultural institutions. 2,250 people took part, 95% of them students.</p>'
    },
    tags: [tour, { ru: 'передвижная выставка', en: 'travelling exhibition' }],
    about: ['grodekov']
  },
  {
    owner: null,
    slug: 'strategic-session-2024',
    publishedAt: '2024-08-13T02:00:00.000Z',
    title: {
      ru: 'Стратегическая сессия исторических и военно-исторических музеев: регистрация до 19 августа',
      en: 'A strategic session of history and military history museums: register by 19 August'
    },
    lead: {
      ru: '14 сентября 2024 года в Санкт-Петербурге Музей Победы и Музей политической истории России проведут Международную стратегическую сессию.',
      en: 'On 14 September 2024 the Victory Museum and the Museum of Political History of Russia hold an international strategic session in Saint Petersburg.'
    },
    body: {
      ru: '<p>В дни X Международного культурного форума в Санкт-Петербурге, 14 сентября 2024 года, Музей Победы совместно с Музеем политической истории России проведёт Международную стратегическую сессию исторических и военно-исторических музеев.</p><p>В программе — деловая и образовательная части с руководителями музеев — участников проекта «Территория Победы». Участники обсудят образ музея будущего и другие вопросы развития музеев.</p><p>Для участия нужно зарегистрироваться до 19 августа на сайте Ассоциации исторических и военно-исторических музеев.</p><p>Контактное лицо: Королёв Аркадий Васильевич, начальник отдела регионального развития Музея Победы, +7 (499) 449-81-17.</p>',
      en: '<p>During the 10th International Cultural Forum in Saint Petersburg, on 14 September 2024, the Victory Museum together with the Museum of Political History of Russia holds an international strategic session of history and military history museums.</p><p>The programme has business and educational parts with the heads of the museums of the “Territory of Victory” project. Participants will discuss the museum of the future and other questions of museum development.</p><p>Register by 19 August on the site of the Association of History and Military History Museums.</p><p>Contact: Arkady Vasilyevich Korolyov, head of regional development at the Victory Museum, +7 (499) 449-81-17.</p>'
    },
    tags: [{ ru: 'стратегическая сессия', en: 'strategic session' }, seminar],
    about: []
  },
  {
    owner: 'industrial-heritage',
    slug: 'garage-tours',
    publishedAt: '2025-06-02T00:00:00.000Z',
    title: {
      ru: 'Экскурсии и фотосъёмка в гараже на Джамбула, 54',
      en: 'Guided tours and photo shoots in the garage at Dzhambula St., 54'
    },
    lead: {
      ru: 'Музей промышленно-технического наследия Дальнего Востока принимает гостей по договорённости: час в гараже и зале — 1000 рублей, для групп больше пяти человек — 2000.',
      en: 'The Museum of the Industrial and Technical Heritage of the Far East receives visitors by arrangement: an hour in the garage and the room is 1,000 roubles, 2,000 for groups of more than five.'
    },
    body: {
      ru: '<p>Музей, основанный общественным движением «Индустриальное прошлое Дальнего Востока», работает по договорённости: Хабаровск, ул. Джамбула, 54, гаражный кооператив, тел. +7 (924) 413-33-98.</p><p>Экскурсия или фотосъёмка в гараже и зале на час — 1000 рублей, для группы больше пяти человек — 2000 рублей. Журналистам, блогерам, работникам советских промышленных предприятий по удостоверению, ветеранам труда и «друзьям» с похожими коллекциями — бесплатно.</p><p>Дата этой заметки придумана для демонстрации.</p>',
      en: '<p>The museum, founded by the social movement “The Industrial Past of the Far East”, opens by arrangement: Khabarovsk, Dzhambula St., 54, garage cooperative, tel. +7 (924) 413-33-98.</p><p>A guided tour or photo shoot of an hour in the garage and the room is 1,000 roubles, 2,000 for a group of more than five. Free for journalists, bloggers, employees of Soviet industrial plants with a certificate, labour veterans and “friends” with similar collections.</p><p>The date of this note is invented for the demo.</p>'
    },
    tags: [{ ru: 'экскурсии', en: 'guided tours' }],
    about: []
  }
];

/** Publishes the demo news as the association admin, dated as the seeds say. */
export async function seedDemoNews(deps: {
  editor: NewsEditor;
  news: NewsRepository;
  actor: Actor;
  museumIds: Map<string, number>;
  /** The search index, told again once the item carries its date. */
  reindex?: (newsId: number) => Promise<void>;
}): Promise<number> {
  let published = 0;
  for (const plan of demoNews) {
    const museumId = plan.owner === null ? null : deps.museumIds.get(plan.owner);
    if (museumId === undefined) continue;
    const owner: NewsOwner =
      museumId === null ? { kind: 'association' } : { kind: 'museum', museumId };
    const created = await deps.editor.create(
      deps.actor,
      owner,
      { slug: plan.slug, title: plan.title },
      'demo'
    );
    if (!created.ok) continue; // already there (a restart on the same data)
    const input: NewsInput = {
      slug: plan.slug,
      title: plan.title,
      lead: plan.lead,
      body: plan.body,
      coverAssetId: null,
      gallery: [],
      tags: plan.tags,
      museumIds: plan.about.flatMap((slug) => deps.museumIds.get(slug) ?? []),
      eventIds: [],
      projectIds: []
    };
    const saved = await deps.editor.save(deps.actor, owner, created.id, input, 'publish');
    if (!saved.ok) throw new Error(`demo news not published: ${JSON.stringify(saved.errors)}`);
    await deps.news.dated(created.id, plan.publishedAt);
    await deps.reindex?.(created.id);
    published++;
  }
  return published;
}

/** Finds the demo museums and the association admin, then seeds. */
export async function startDemoNews(deps: {
  museums: MuseumRepository;
  staff: StaffRepository;
  editor: NewsEditor;
  news: NewsRepository;
  reindex?: (newsId: number) => Promise<void>;
}): Promise<number> {
  const admin = await deps.staff.findUserByEmail(demoTourAuthor);
  if (!admin) return 0;
  const museumIds = new Map<string, number>();
  for (const slug of new Set(
    demoNews.flatMap((n) => [...(n.owner ? [n.owner] : []), ...n.about])
  )) {
    const museum = await deps.museums.findPublishedBySlug(slug);
    if (museum) museumIds.set(slug, museum.id);
  }
  return seedDemoNews({
    editor: deps.editor,
    news: deps.news,
    reindex: deps.reindex,
    museumIds,
    actor: {
      userId: admin.id,
      grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
    }
  });
}
