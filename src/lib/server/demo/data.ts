import type { MuseumInput } from '$lib/shared/museum';
import type { AssociationInput, PlaceInput } from '$lib/shared/association';

/*
 * Demo data drawn only from the seed documents in shared/seeds:
 *   000 — the association's site (incl. the Grodekov museum's hours and the frigate "Pallada" notice),
 *   001 — the directory card of the Museum of the Industrial and Technical Heritage of the Far East,
 *   002 — a Victory Museum news item.
 * Where the seeds give no fact the field is left out: no invented addresses, phones, hours, prices,
 * years, directors or museum coordinates. Settlement coordinates are public town-centre geography.
 * Russian titles of the association's projects and of the industrial museum's competition are
 * translated back from the English seed texts.
 */

const KHABAROVSK_KRAI = { ru: 'Хабаровский край', en: 'Khabarovsk Krai' };
const FAR_EAST_TZ = 'Asia/Vladivostok';
const MOSCOW_TZ = 'Europe/Moscow';

export const demoPlaces: PlaceInput = {
  districts: [
    { slug: 'khabarovsk-city', name: { ru: 'г. Хабаровск', en: 'Khabarovsk (city)' } },
    {
      slug: 'komsomolsk-na-amure-city',
      name: { ru: 'г. Комсомольск-на-Амуре', en: 'Komsomolsk-on-Amur (city)' }
    },
    { slug: 'amursky-district', name: { ru: 'Амурский район', en: 'Amursky District' } },
    {
      slug: 'nikolaevsky-district',
      name: { ru: 'Николаевский район', en: 'Nikolaevsky District' }
    },
    {
      slug: 'sovetsko-gavansky-district',
      name: { ru: 'Советско-Гаванский район', en: 'Sovetsko-Gavansky District' }
    },
    { slug: 'vaninsky-district', name: { ru: 'Ванинский район', en: 'Vaninsky District' } },
    {
      slug: 'verkhnebureinsky-district',
      name: { ru: 'Верхнебуреинский район', en: 'Verkhnebureinsky District' }
    },
    { slug: 'bikinsky-district', name: { ru: 'Бикинский район', en: 'Bikinsky District' } },
    { slug: 'vyazemsky-district', name: { ru: 'Вяземский район', en: 'Vyazemsky District' } }
  ],
  settlements: [
    {
      slug: 'khabarovsk',
      districtSlug: 'khabarovsk-city',
      name: { ru: 'Хабаровск', en: 'Khabarovsk' },
      region: KHABAROVSK_KRAI,
      latitude: 48.4802,
      longitude: 135.0719
    },
    {
      slug: 'komsomolsk-na-amure',
      districtSlug: 'komsomolsk-na-amure-city',
      name: { ru: 'Комсомольск-на-Амуре', en: 'Komsomolsk-on-Amur' },
      region: KHABAROVSK_KRAI,
      latitude: 50.5499,
      longitude: 137.0079
    },
    {
      slug: 'amursk',
      districtSlug: 'amursky-district',
      name: { ru: 'Амурск', en: 'Amursk' },
      region: KHABAROVSK_KRAI,
      latitude: 50.2344,
      longitude: 136.8792
    },
    {
      slug: 'nikolaevsk-na-amure',
      districtSlug: 'nikolaevsky-district',
      name: { ru: 'Николаевск-на-Амуре', en: 'Nikolaevsk-on-Amur' },
      region: KHABAROVSK_KRAI,
      latitude: 53.1461,
      longitude: 140.7111
    },
    {
      slug: 'sovetskaya-gavan',
      districtSlug: 'sovetsko-gavansky-district',
      name: { ru: 'Советская Гавань', en: 'Sovetskaya Gavan' },
      region: KHABAROVSK_KRAI,
      latitude: 48.9665,
      longitude: 140.2852
    },
    {
      slug: 'vanino',
      districtSlug: 'vaninsky-district',
      name: { ru: 'Ванино', en: 'Vanino' },
      region: KHABAROVSK_KRAI,
      latitude: 49.0873,
      longitude: 140.2425
    },
    {
      slug: 'chegdomyn',
      districtSlug: 'verkhnebureinsky-district',
      name: { ru: 'Чегдомын', en: 'Chegdomyn' },
      region: KHABAROVSK_KRAI,
      latitude: 51.1178,
      longitude: 133.0241
    },
    {
      // Town-centre coordinates not confirmed from a reliable source: left out.
      slug: 'urgal',
      districtSlug: 'verkhnebureinsky-district',
      name: { ru: 'Ургал', en: 'Urgal' },
      region: KHABAROVSK_KRAI
    },
    {
      slug: 'bikin',
      districtSlug: 'bikinsky-district',
      name: { ru: 'Бикин', en: 'Bikin' },
      region: KHABAROVSK_KRAI,
      latitude: 46.8186,
      longitude: 134.2551
    },
    {
      slug: 'vyazemsky',
      districtSlug: 'vyazemsky-district',
      name: { ru: 'Вяземский', en: 'Vyazemsky' },
      region: KHABAROVSK_KRAI,
      latitude: 47.5353,
      longitude: 134.7554
    },
    {
      slug: 'moskva',
      districtSlug: null,
      name: { ru: 'Москва', en: 'Moscow' },
      region: { ru: 'Москва', en: 'Moscow' },
      latitude: 55.7558,
      longitude: 37.6173
    },
    {
      slug: 'sankt-peterburg',
      districtSlug: null,
      name: { ru: 'Санкт-Петербург', en: 'Saint Petersburg' },
      region: { ru: 'Санкт-Петербург', en: 'Saint Petersburg' },
      latitude: 59.9343,
      longitude: 30.3351
    }
  ]
};

const GRODEKOV = {
  ru: 'Хабаровский краевой музей имени Н. И. Гродекова',
  en: 'N. I. Grodekov Khabarovsk Krai Museum'
};
const KOMSOMOLSK_FINE_ARTS = {
  ru: 'Комсомольский-на-Амуре музей изобразительных искусств',
  en: 'Komsomolsk-on-Amur Fine Arts Museum'
};

export const demoAssociation: AssociationInput = {
  name: {
    ru: 'Ассоциация музеев Хабаровского края',
    en: 'Association of Museums of Khabarovsk Krai'
  },
  shortName: { ru: 'АМХК', en: 'AMKhK' },
  summary: {
    ru:
      'Ассоциация музеев Хабаровского края — некоммерческая организация, которую в 2019 году основали ' +
      'Хабаровский краевой музей имени Н. И. Гродекова и Комсомольский-на-Амуре музей изобразительных ' +
      'искусств. Сегодня она объединяет 17 музеев края и реализует совместные выставочные и ' +
      'просветительские проекты, чтобы сделать хранящееся в них наследие доступнее для жителей края.',
    en:
      'The Association of Museums of Khabarovsk Krai is a non-profit organisation founded in 2019 by the ' +
      'N. I. Grodekov Khabarovsk Krai Museum and the Komsomolsk-on-Amur Fine Arts Museum. Today it unites ' +
      '17 museums of the region and runs joint exhibition and educational projects that make the heritage ' +
      'they keep more accessible to the people of the region.'
  },
  about: {
    ru:
      '<p>Некоммерческая организация «Ассоциация музеев Хабаровского края» (АМХК) создана в апреле 2019 года: ' +
      'учредительное собрание ассоциации состоялось 19 апреля 2019 года. Учредители АМХК — Хабаровский ' +
      'краевой музей имени Н. И. Гродекова и Комсомольский-на-Амуре музей изобразительных искусств. ' +
      '14 ноября 2019 года ассоциация зарегистрирована в Министерстве юстиции.</p>' +
      '<p>Сегодня ассоциация объединяет 17 музеев Хабаровска, Комсомольска-на-Амуре, Амурска, ' +
      'Николаевска-на-Амуре, Советской Гавани, Ванино, Чегдомына, Бикина, Вяземского, Ургала и других ' +
      'районов края. Это государственные, районные, городские и поселковые краеведческие музеи, один музей ' +
      'изобразительных искусств, а также два научно-технических музея, частные и ведомственные. Они ' +
      'различаются статусом и возможностями, но каждый хранит уникальные коллекции, у каждого свой ' +
      'неповторимый характер, и главное — в каждом работают прекрасные специалисты, музейщики.</p>' +
      '<p>Объединяя ресурсы — творческий потенциал и привлечённые грантовые средства, — АМХК планирует ' +
      'реализовывать совместные выставочные, просветительские и инклюзивные проекты, которые обеспечат ' +
      'максимальную доступность историко-культурного наследия, хранящегося в музеях Хабаровского края.</p>' +
      '<p>Задуманные проекты позволят заново открыть коллекции, сделают музеи привлекательнее для жителей ' +
      'края, помогут выстроить качественную коммуникацию между музеем и посетителем и укрепят ' +
      'межмузейные связи.</p>',
    en:
      '<p>The non-profit organisation “Association of Museums of Khabarovsk Krai” (AMKhK) was founded in ' +
      'April 2019: its constituent assembly met on 19 April 2019. The founders are the N. I. Grodekov ' +
      'Khabarovsk Krai Museum and the Komsomolsk-on-Amur Fine Arts Museum. The association was registered ' +
      'with the Ministry of Justice on 14 November 2019.</p>' +
      '<p>Today the association unites 17 museums in Khabarovsk, Komsomolsk-on-Amur, Amursk, ' +
      'Nikolaevsk-on-Amur, Sovetskaya Gavan, Vanino, Chegdomyn, Bikin, Vyazemsky, Urgal and other parts of ' +
      'the region. They are state, district, city and town museums of local lore, one museum of fine arts, ' +
      'and two science and technology museums, private and departmental. They differ in status and ' +
      'capacity, but each keeps unique collections, each has a character of its own, and, above all, each ' +
      'is staffed by excellent specialists — museum workers.</p>' +
      '<p>By pooling resources — creative potential and grant funding — AMKhK plans joint exhibition, ' +
      'educational and inclusive projects that will make the historical and cultural heritage kept in the ' +
      'museums of Khabarovsk Krai as accessible as possible.</p>' +
      '<p>The projects already planned will let people rediscover the collections, make the museums more ' +
      'attractive to the residents of the region, build good communication between museum and visitor, ' +
      'and strengthen the ties between museums.</p>'
  },
  goals: {
    ru:
      'Основные цели ассоциации — содействие консолидации и координации деятельности музеев Хабаровского ' +
      'края, обмен опытом и расширение профессиональных связей, создание системы взаимной информационной ' +
      'поддержки. Одна из важных задач АМХК — разработка и реализация совместных социально значимых ' +
      'культурно-просветительских и выставочных проектов на средства, привлечённые благодаря участию в ' +
      'грантовых конкурсах фондов поддержки некоммерческого сектора, а также в конкурсах на получение ' +
      'субсидий из краевого бюджета для социально ориентированных некоммерческих организаций края.',
    en:
      'The main goals of the association are to help consolidate and coordinate the work of the museums of ' +
      'Khabarovsk Krai, to exchange experience and widen professional ties, and to build a system of mutual ' +
      'information support. One of its important tasks is to develop and carry out joint socially ' +
      'significant cultural, educational and exhibition projects with funds raised in the grant contests of ' +
      'foundations that support the non-profit sector, and in the contests for regional-budget grants to ' +
      'socially oriented non-profit organisations of the region.'
  },
  founders: {
    ru: `${GRODEKOV.ru}; ${KOMSOMOLSK_FINE_ARTS.ru}`,
    en: `${GRODEKOV.en}; ${KOMSOMOLSK_FINE_ARTS.en}`
  },
  foundedOn: '2019-04-19',
  registeredOn: '2019-11-14',
  memberTowns: [
    { ru: 'Хабаровск', en: 'Khabarovsk' },
    { ru: 'Комсомольск-на-Амуре', en: 'Komsomolsk-on-Amur' },
    { ru: 'Амурск', en: 'Amursk' },
    { ru: 'Николаевск-на-Амуре', en: 'Nikolaevsk-on-Amur' },
    { ru: 'Советская Гавань', en: 'Sovetskaya Gavan' },
    { ru: 'Ванино', en: 'Vanino' },
    { ru: 'Чегдомын', en: 'Chegdomyn' },
    { ru: 'Бикин', en: 'Bikin' },
    { ru: 'Вяземский', en: 'Vyazemsky' },
    { ru: 'Ургал', en: 'Urgal' }
  ],
  governance: [
    {
      body: 'leadership',
      role: 'president',
      person: { ru: 'Н. А. Маркова', en: 'N. A. Markova' },
      affiliation: {
        ru: 'Заместитель генерального директора Хабаровского краевого музея имени Н. И. Гродекова',
        en: 'Deputy Director General, N. I. Grodekov Khabarovsk Krai Museum'
      }
    },
    {
      body: 'leadership',
      role: 'secretary',
      person: { ru: 'Л. В. Ковалёва', en: 'L. V. Kovalyova' },
      affiliation: {
        ru: 'Директор Комсомольского-на-Амуре музея изобразительных искусств',
        en: 'Director, Komsomolsk-on-Amur Fine Arts Museum'
      }
    },
    {
      body: 'council',
      role: 'council_chair',
      person: { ru: 'Л. В. Ковалёва', en: 'L. V. Kovalyova' },
      affiliation: {
        ru: 'Директор Комсомольского-на-Амуре музея изобразительных искусств',
        en: 'Director, Komsomolsk-on-Amur Fine Arts Museum'
      }
    },
    {
      body: 'council',
      role: 'council_member',
      person: { ru: 'Е. С. Веретенникова', en: 'E. S. Veretennikova' }
    },
    {
      body: 'council',
      role: 'council_member',
      person: { ru: 'О. М. Божедомова', en: 'O. M. Bozhedomova' }
    },
    {
      body: 'council',
      role: 'council_member',
      person: { ru: 'Ю. В. Белкин', en: 'Y. V. Belkin' }
    },
    {
      body: 'revision_commission',
      role: 'revision_chair',
      person: { ru: 'Д. В. Землянкин', en: 'D. V. Zemlyankin' }
    }
  ],
  projects: [
    {
      slug: 'virtual-local-history-seminar-2020',
      title: {
        ru: 'Семинар для музейных работников «Виртуальное краеведение»',
        en: 'Seminar for museum workers “Virtual Local History”'
      },
      period: { ru: '8–9 сентября 2020 года', en: '8–9 September 2020' },
      summary: {
        ru:
          'Первый грант АМХК: двухдневный онлайн-семинар, в котором приняли участие 52 сотрудника ' +
          '16 музеев. Его итогом стал проект «дорожной карты» цифрового ресурса «Виртуальное краеведение».',
        en:
          'AMKhK’s first grant: a two-day online seminar attended by 52 staff members from 16 museums. ' +
          'It produced a draft road map for the “Virtual Local History” digital resource.'
      },
      body: {
        ru:
          '<p>В 2020 году АМХК победила в краевом конкурсном отборе на предоставление субсидий из краевого ' +
          'бюджета социально ориентированным некоммерческим организациям и получила свой первый грант — на ' +
          'организацию и проведение семинара для музейных работников «Виртуальное краеведение» ' +
          '8–9 сентября 2020 года.</p>' +
          '<p>Двухдневный семинар стал подготовительным этапом перед началом работы над масштабным краевым ' +
          'проектом «Виртуальное краеведение». В будущем проект позволит с помощью виртуальной реальности — ' +
          'мультимедийного контента с виртуальными турами и экскурсиями на единой современной цифровой ' +
          'платформе в интернете — повысить доступность муниципальных музеев.</p>' +
          '<p>Из-за сложной эпидемиологической обстановки в крае семинар прошёл онлайн, на платформе Zoom, ' +
          'в два этапа:</p>' +
          '<ul>' +
          '<li>круглый стол «Краеведение: реальность и виртуальность» — разговор о состоянии краеведческой ' +
          'работы в Хабаровском крае; музейные работники, краеведы и учёные говорили о низкой доступности ' +
          'краеведческих ресурсов, особенно в отдалённых муниципальных районах края;</li>' +
          '<li>интеллектуальная лаборатория — эксперты по разработке и продвижению сайтов, медиапродуктов, ' +
          '3D-туров и панорам представили лучшие практики и показали, как использовать их в повседневной ' +
          'работе музея и, в частности, в проекте «Виртуальное краеведение».</li>' +
          '</ul>' +
          '<p>В семинаре приняли участие 52 сотрудника из 16 музеев. Коллеги из северных районов края — ' +
          'Аяно-Майского и Тугуро-Чумиканского — подключиться не смогли из-за проблем со связью и ' +
          'интернетом.</p>' +
          '<p>Итог семинара — проект «дорожной карты», описывающей, каким должен быть цифровой ресурс ' +
          '«Виртуальное краеведение».</p>',
        en:
          '<p>In 2020 AMKhK won the regional competitive selection for subsidies from the regional budget to ' +
          'socially oriented non-profit organisations and received its first grant: to organise and hold the ' +
          'seminar for museum workers “Virtual Local History” on 8–9 September 2020.</p>' +
          '<p>The two-day seminar was the preparatory stage of the large regional project “Virtual Local ' +
          'History”. In the future the project will use virtual reality — multimedia content with virtual ' +
          'tours and excursions on a single modern digital platform on the Internet — to make municipal ' +
          'museums more accessible.</p>' +
          '<p>Because of the difficult epidemiological situation in the region the seminar was held online, ' +
          'in Zoom, in two parts:</p>' +
          '<ul>' +
          '<li>the round table “Local history: reality and virtuality” on the state of local history work in ' +
          'Khabarovsk Krai, where museum workers, local historians and scholars named the low accessibility ' +
          'of local history resources, especially in the remote municipal districts, as the problem;</li>' +
          '<li>the intellectual laboratory, where experts in building and promoting websites, media ' +
          'products, 3D virtual tours and panoramas presented best practices and showed how museums can use ' +
          'them in their everyday work and in the Virtual Local History project in particular.</li>' +
          '</ul>' +
          '<p>The seminar was attended by 52 staff members from 16 museums. Colleagues from the northern ' +
          'districts of the region, Ayano-Maysky and Tuguro-Chumikansky, could not join because of problems ' +
          'with communications and the Internet.</p>' +
          '<p>The result of the seminar was a draft road map describing what the digital resource “Virtual ' +
          'Local History” should be.</p>'
      }
    },
    {
      slug: 'orientation-north-2021',
      title: {
        ru: 'Выездная форсайт-сессия и серия воркшопов «Виртуальное краеведение. Ориентир „Север“»',
        en: 'Visiting foresight session and workshops “Virtual Local History. Orientation North”'
      },
      period: { ru: '13–16 сентября 2021 года', en: '13–16 September 2021' },
      summary: {
        ru:
          'Второй грант АМХК и второй этап проекта «Виртуальное краеведение»: форсайт-сессия в ' +
          'Комсомольске-на-Амуре и воркшопы в Комсомольске-на-Амуре, Амурске и посёлке Солнечный — ' +
          'всего 65 участников.',
        en:
          'AMKhK’s second grant and the second stage of the Virtual Local History project: a foresight ' +
          'session in Komsomolsk-on-Amur and workshops in Komsomolsk-on-Amur, Amursk and Solnechny — ' +
          '65 participants in all.'
      },
      body: {
        ru:
          '<p>Второй грант — на проведение выездной форсайт-сессии и серии воркшопов «Виртуальное ' +
          'краеведение. Ориентир „Север“» — АМХК выиграла в краевом конкурсном отборе 2021 года на ' +
          'предоставление субсидий из краевого бюджета социально ориентированным некоммерческим ' +
          'организациям. Это второй этап развития проекта «Виртуальное краеведение».</p>' +
          '<p>13 сентября 2021 года ассоциация провела выездную форсайт-сессию в Комсомольске-на-Амуре на ' +
          'базе музея изобразительных искусств. В ней приняли участие 35 человек.</p>' +
          '<p>Главной темой обсуждения стали трудности музеев в создании визуального контента и продвижении ' +
          'музея в интернете с его помощью. В общей дискуссии сложилось ясное понимание того, как важно ' +
          'музеям работать в цифровом пространстве, чтобы рассказывать о своих коллекциях, проектах и ' +
          'событиях широкой интернет-аудитории. Участники говорили о нехватке специалистов, технических ' +
          'средств и программного обеспечения для работы с контентом, а также о недостаточном уровне ' +
          'компетенций и профессиональных навыков сотрудников, которым в муниципальных музеях поручают ' +
          'продвижение информации в цифровой среде.</p>' +
          '<p>Поэтому больше половины времени форсайт-сессии отдали мастер-классам экспертов, которые ' +
          'поделились секретами практической работы с виджетами и цифровыми сервисами.</p>' +
          '<p>Более насыщенная и индивидуальная работа экспертов продолжилась на воркшопах — ' +
          'музейно-цифровых мастерских в муниципальных музеях Комсомольска-на-Амуре, Амурска и посёлка ' +
          'Солнечный. 14–16 сентября 2021 года к специалистам муниципальных музеев присоединились ' +
          'пресс-секретари домов культуры, библиотек, ботанического сада и зоопарка. Всего в форсайт-сессии ' +
          'и серии воркшопов приняли участие 65 человек.</p>' +
          '<p>Кроме практических занятий, мастер-классов и консультаций приглашённых экспертов, за четыре дня ' +
          'выездов мы сняли на фото и видео музейные залы и жемчужины коллекций для будущих видеороликов. ' +
          'Они расскажут о муниципальных музеях, их коллекциях, выставках и предложениях для посетителей.</p>',
        en:
          '<p>AMKhK won its second grant — for a visiting foresight session and a series of workshops ' +
          '“Virtual Local History. Orientation North” — in the 2021 regional competitive selection for ' +
          'subsidies from the regional budget to socially oriented non-profit organisations. It is the second ' +
          'stage in the development of the Virtual Local History project.</p>' +
          '<p>On 13 September 2021 the association held a visiting foresight session in Komsomolsk-on-Amur, ' +
          'hosted by the Museum of Fine Arts. 35 people took part.</p>' +
          '<p>The main topic was the difficulty museums have in creating visual content and using it to ' +
          'promote the museum on the Internet. The general discussion made clear how important it is for ' +
          'museums to work in the digital space to bring their collections, projects and events to a wide ' +
          'online audience. Participants stressed the lack of specialists, equipment and software for working ' +
          'with content, and the insufficient competence and professional skills of the staff who are ' +
          'assigned to promote information in the digital field in municipal museums.</p>' +
          '<p>That is why more than half of the foresight session was given to master classes by experts, who ' +
          'shared the secrets of practical work with widgets and digital services.</p>' +
          '<p>The experts continued with richer, individually focused work at the workshops — museum-digital ' +
          'workshops held in the municipal museums of Komsomolsk-on-Amur, Amursk and the settlement of ' +
          'Solnechny. On 14–16 September 2021 press secretaries of houses of culture, libraries, the botanical ' +
          'garden and the zoo joined the specialists of the municipal museums. In total 65 people took part in ' +
          'the foresight session and the series of workshops.</p>' +
          '<p>Besides practical sessions, master classes and consultations by our guest experts, over the four ' +
          'days of field trips we also photographed and filmed museum halls and the gems of the collections ' +
          'for future video clips about the municipal museums, their collections, exhibitions and offers for ' +
          'visitors.</p>'
      }
    },
    {
      slug: 'museum-tour-2021',
      title: { ru: 'Музейный тур', en: 'Museum Tour' },
      period: { ru: 'Апрель — сентябрь 2021 года', en: 'April–September 2021' },
      summary: {
        ru:
          'Совместный социокультурный передвижной проект АМХК и Хабаровского краевого музея имени ' +
          'Н. И. Гродекова: девять муниципальных районов края, 13 учреждений культуры, 2250 участников, ' +
          '95 % из них — учащиеся.',
        en:
          'A joint travelling sociocultural project of AMKhK and the N. I. Grodekov Khabarovsk Krai Museum: ' +
          'nine municipal districts, 13 cultural institutions, 2,250 participants, 95% of them students.'
      },
      body: {
        ru:
          '<p>Самым значимым событием 2021 года стал совместный социокультурный передвижной проект АМХК и ' +
          'Хабаровского краевого музея имени Н. И. Гродекова «Музейный тур».</p>' +
          '<p>Цель проекта — повысить доступность уникальных природных, исторических и культурных ' +
          'ценностей — музейных экспонатов — для жителей Хабаровского края, и прежде всего для детей!</p>' +
          '<p>Ресурсы проекта:</p>' +
          '<ul>' +
          '<li>команда — музейные специалисты (23 человека);</li>' +
          '<li>выездной кейс — стендовые выставки и выставки с подлинными экспонатами; музейные программы — ' +
          'экскурсии, музейные занятия и игры для детей, мастер-классы и мастер-шоу; музейные издания — ' +
          'каталоги коллекций и выставок, альбомы и сборники статей;</li>' +
          '<li>финансы — собственные заработанные средства, краевой бюджет (резервный фонд), спонсорская ' +
          'помощь (РМК, «Ургалуголь»).</li>' +
          '</ul>' +
          '<p>С апреля по сентябрь 2021 года проект побывал в девяти муниципальных районах Хабаровского ' +
          'края: Хабаровском, Нанайском, Верхнебуреинском, Вяземском, Бикинском, имени Лазо, Амурском, ' +
          'Солнечном и Комсомольском. Программы прошли в 13 учреждениях культуры.</p>' +
          '<p>Всего в проекте приняли участие 2250 человек, 95 % из них — учащиеся.</p>',
        en:
          '<p>The most significant project of 2021 was “Museum Tour”, a joint travelling sociocultural ' +
          'project of AMKhK and the N. I. Grodekov Khabarovsk Krai Museum.</p>' +
          '<p>Its goal: to make unique natural, historical and cultural treasures — museum exhibits — more ' +
          'accessible to the residents of Khabarovsk Krai, and above all to children!</p>' +
          '<p>Project resources:</p>' +
          '<ul>' +
          '<li>team: museum specialists (23 people);</li>' +
          '<li>touring case: stand exhibitions and exhibitions with original exhibits; museum programmes — ' +
          'guided tours, museum activities and games for children, master classes and master shows; museum ' +
          'publications — catalogues of collections and exhibitions, albums and collections of articles;</li>' +
          '<li>finances: own earned funds, the regional budget (reserve fund), sponsorship (RMK, ' +
          'Urgalugol).</li>' +
          '</ul>' +
          '<p>From April to September 2021 the project visited nine municipal districts of Khabarovsk Krai: ' +
          'Khabarovsky, Nanaysky, Verkhnebureinsky, Vyazemsky, Bikinsky, Lazo, Amursky, Solnechny and ' +
          'Komsomolsky. Its programmes were held at 13 cultural institutions.</p>' +
          '<p>The project had 2,250 participants in total, 95% of them students.</p>'
      }
    }
  ],
  notices: []
};

/** A member museum of local lore that the seeds place in a town but do not name or describe. */
function localLoreMuseum(town: {
  slug: string;
  ru: string;
  en: string;
  /** The town in the Russian prepositional case: «в Амурске». */
  ruIn: string;
}): MuseumInput {
  return {
    slug: `local-lore-${town.slug}`,
    membership: 'member',
    status: 'active',
    ownership: 'municipal',
    profile: 'local_lore',
    name: { ru: `Краеведческий музей (${town.ru})`, en: `Museum of Local Lore (${town.en})` },
    settlementSlug: town.slug,
    timeZone: FAR_EAST_TZ,
    summary: {
      ru:
        `Краеведческий музей ${town.ruIn} — член Ассоциации музеев Хабаровского края. ` +
        'Подробные сведения о музее его сотрудники добавят позже.',
      en:
        `A museum of local lore in ${town.en} and a member of the Association of Museums of Khabarovsk ` +
        'Krai. Its staff will fill in the details later.'
    }
  };
}

export const demoMuseums: MuseumInput[] = [
  {
    slug: 'grodekov',
    membership: 'member',
    status: 'active',
    ownership: 'state',
    profile: 'local_lore',
    name: GRODEKOV,
    shortName: { ru: 'Гродековский музей', en: 'Grodekov Museum' },
    settlementSlug: 'khabarovsk',
    address: { ru: 'ул. Шевченко, 11', en: '11 Shevchenko St.' },
    timeZone: FAR_EAST_TZ,
    hoursRule: 'Tu-Su 10:00-18:00; Mo off; Fr[-1] off "sanitary day"',
    hoursNote: {
      ru:
        'Понедельник — выходной. Вторник–воскресенье: 10:00–18:00. ' +
        'Санитарный день — последняя пятница месяца.',
      en:
        'Closed on Mondays. Tuesday to Sunday: 10:00–18:00. ' +
        'Sanitary day (closed): the last Friday of the month.'
    },
    summary: {
      ru:
        'Краевой краеведческий музей в Хабаровске и один из двух учредителей Ассоциации музеев ' +
        'Хабаровского края.',
      en:
        'The regional museum of local lore in Khabarovsk and one of the two founders of the Association ' +
        'of Museums of Khabarovsk Krai.'
    },
    about: {
      ru:
        '<p>Хабаровский краевой музей имени Н. И. Гродекова вместе с Комсомольским-на-Амуре музеем ' +
        'изобразительных искусств в апреле 2019 года основал Ассоциацию музеев Хабаровского края. ' +
        'Президент ассоциации — заместитель генерального директора музея Н. А. Маркова.</p>' +
        '<p>С апреля по сентябрь 2021 года музей и ассоциация провели совместный социокультурный ' +
        'передвижной проект «Музейный тур»: команда из 23 музейных специалистов побывала в девяти ' +
        'муниципальных районах края, программы прошли в 13 учреждениях культуры, участниками стали ' +
        '2250 человек, 95 % из них — учащиеся.</p>' +
        '<p>На втором этаже Главного здания музея стоит модель фрегата «Паллада».</p>',
      en:
        '<p>Together with the Komsomolsk-on-Amur Fine Arts Museum, the N. I. Grodekov Khabarovsk Krai ' +
        'Museum founded the Association of Museums of Khabarovsk Krai in April 2019. The museum’s Deputy ' +
        'Director General, N. A. Markova, is the association’s President.</p>' +
        '<p>From April to September 2021 the museum and the association ran the joint travelling ' +
        'sociocultural project “Museum Tour”: a team of 23 museum specialists visited nine municipal ' +
        'districts of the region, programmes were held at 13 cultural institutions, and 2,250 people ' +
        'took part, 95% of them students.</p>' +
        '<p>A model of the frigate “Pallada” stands on the second floor of the museum’s Main Building.</p>'
    },
    notices: [
      {
        body: {
          ru:
            'Уважаемые посетители! Обращаем ваше внимание: модель фрегата «Паллада» (корабль на втором ' +
            'этаже Главного здания) временно находится на реконструкции. В целях безопасности просим вас ' +
            'и ваших детей не забираться на корабль, пока идёт ремонт.',
          en:
            'Dear visitors! Please note that the model of the frigate “Pallada” (the ship on the second ' +
            'floor of the Main Building) is temporarily under reconstruction. For safety reasons, we ask ' +
            'you and your children not to climb on the ship while it is being renovated.'
        },
        validFrom: '2026-11-01'
      }
    ]
  },
  {
    slug: 'komsomolsk-fine-arts',
    membership: 'member',
    status: 'active',
    ownership: 'municipal',
    profile: 'fine_arts',
    name: KOMSOMOLSK_FINE_ARTS,
    director: { ru: 'Л. В. Ковалёва', en: 'L. V. Kovalyova' },
    directorTitle: { ru: 'Директор', en: 'Director' },
    settlementSlug: 'komsomolsk-na-amure',
    timeZone: FAR_EAST_TZ,
    summary: {
      ru:
        'Музей изобразительных искусств в Комсомольске-на-Амуре и один из двух учредителей Ассоциации ' +
        'музеев Хабаровского края.',
      en:
        'The museum of fine arts in Komsomolsk-on-Amur and one of the two founders of the Association of ' +
        'Museums of Khabarovsk Krai.'
    },
    about: {
      ru:
        '<p>Комсомольский-на-Амуре музей изобразительных искусств вместе с Хабаровским краевым музеем ' +
        'имени Н. И. Гродекова в апреле 2019 года основал Ассоциацию музеев Хабаровского края; среди 17 ' +
        'музеев ассоциации он — единственный музей изобразительных искусств. Директор музея ' +
        'Л. В. Ковалёва — секретарь ассоциации и председатель её Совета.</p>' +
        '<p>13 сентября 2021 года на базе музея прошла выездная форсайт-сессия ассоциации «Виртуальное ' +
        'краеведение. Ориентир „Север“», в которой приняли участие 35 человек.</p>',
      en:
        '<p>Together with the N. I. Grodekov Khabarovsk Krai Museum, the Komsomolsk-on-Amur Fine Arts ' +
        'Museum founded the Association of Museums of Khabarovsk Krai in April 2019; it is the only museum ' +
        'of fine arts among the association’s 17 museums. Its Director, L. V. Kovalyova, is the ' +
        'association’s Secretary and the Chair of its Council.</p>' +
        '<p>On 13 September 2021 the museum hosted the association’s visiting foresight session “Virtual ' +
        'Local History. Orientation North”, attended by 35 people.</p>'
    }
  },
  {
    slug: 'industrial-heritage',
    membership: 'member',
    status: 'establishing',
    ownership: 'public_movement',
    profile: 'science_technology',
    name: {
      ru: 'Музей индустриально-технического наследия Дальнего Востока',
      en: 'Museum of the Industrial and Technical Heritage of the Far East'
    },
    founders: {
      ru: 'Общественное движение «Индустриальное прошлое Дальнего Востока»',
      en: 'Social movement “The Industrial Past of the Far East”'
    },
    director: { ru: 'Сидоркин Александр Павлович', en: 'Alexander Pavlovich Sidorkin' },
    directorTitle: { ru: 'Владелец и директор', en: 'Owner and director' },
    settlementSlug: 'khabarovsk',
    address: {
      ru: 'Хабаровск, ул. Джамбула, 54, гаражный кооператив',
      en: '54 Dzhambula St., garage cooperative, Khabarovsk'
    },
    timeZone: FAR_EAST_TZ,
    phones: [{ number: '+7 (924) 413-33-98' }],
    hoursRule: '"by arrangement"',
    hoursNote: { ru: 'По договорённости', en: 'By arrangement' },
    freeAdmission: [
      { ru: 'Журналисты и зарегистрированные СМИ', en: 'Journalists and registered mass media' },
      { ru: 'Блогеры с широкой аудиторией', en: 'Bloggers with a wide audience' },
      {
        ru: 'Работники предприятий советской промышленности (при предъявлении удостоверения)',
        en: 'Employees of Soviet industry enterprises (on presentation of a certificate)'
      },
      { ru: 'Ветераны труда', en: 'Labour veterans' },
      {
        ru: '«Друзья» — владельцы похожих коллекций и музеев',
        en: '“Friends” with similar collections or museums'
      }
    ],
    prices: [
      {
        category: {
          ru: 'Экскурсия или фотосессия в гараже и комнате, 1 час',
          en: 'Guided tour or photo shoot in the garage and the room, 1 hour'
        },
        kind: 'amount',
        amountRub: 1000,
        conditions: { ru: 'По договорённости', en: 'By arrangement' }
      },
      {
        category: { ru: 'Группа более 5 человек', en: 'Group of more than 5 people' },
        kind: 'amount',
        amountRub: 2000,
        conditions: { ru: 'По договорённости', en: 'By arrangement' }
      },
      {
        category: {
          ru: 'Услуги по оцифровке, кинопоказы, выставки и т. п.',
          en: 'Digitisation services, film screenings, exhibitions, etc.'
        },
        kind: 'by_agreement',
        conditions: {
          ru: 'Бесплатно, если нам это интересно',
          en: 'Free of charge if we are interested'
        }
      }
    ],
    summary: {
      ru:
        'Создающийся в Хабаровске музей индустриального и научно-технического наследия советской эпохи; ' +
        'посещение — по договорённости.',
      en:
        'A museum of the Soviet era’s industrial, scientific and technical heritage being set up in ' +
        'Khabarovsk; visits by arrangement.'
    },
    about: {
      ru:
        '<p>Сейчас музей находится в стадии создания: постоянного здания у него пока нет. К лету 2023 года ' +
        'планируется оборудовать первый музейный зал — в гараже, если не удастся договориться о помещении ' +
        'с краем или городом.</p>' +
        '<p>Хотя музей ещё только создаётся, уникальных экспонатов и исторических материалов у него уже ' +
        'более чем достаточно. Неплохо обстоит дело и с «основным хранением фондов»: это комната в ' +
        'квартире, гараж и две дачи.</p>' +
        '<p>Кроме того, музей составляет единое целое с другим частным музейным объединением — ' +
        'Хабаровским компьютерным музеем, у которого тоже достаточно места для хранения и даже есть ' +
        'временно арендованная площадь для экспозиции на заводе имени А. М. Горького (к сожалению, зимой ' +
        'там нет отопления).</p>',
      en:
        '<p>The museum is still being established, as it has no permanent building yet. By the summer of ' +
        '2023 the plan is to fit out the first museum hall — in the garage, if premises cannot be agreed ' +
        'with the region or the city.</p>' +
        '<p>Although the museum is still being set up, it already has more than enough unique exhibits and ' +
        'historical materials. And its “basic storage of collections” — a room in a flat, a garage and two ' +
        'summer houses — is not bad either.</p>' +
        '<p>Besides, the museum is one entity with another private museum association, the Khabarovsk ' +
        'Computer Museum, which also has enough storage space and even a temporarily rented exhibition ' +
        'area at the A. M. Gorky Plant (unfortunately, with no heating in winter).</p>'
    },
    history: {
      ru:
        '<p>История музея начинается с детства его основателя — индустриального туриста и краеведа ' +
        'А. П. Сидоркина. Сначала он увлёкся историей, затем краеведением, позже — «сталкингом» и начал ' +
        'собирать сведения о советских промышленных объектах: сперва об исчезающих, обанкротившихся, потом ' +
        'и о действующих, а затем и о тех, что прекратили существование давным-давно. Так сложилась ' +
        'группа единомышленников.</p>' +
        '<p>Команду, увлечённую этой темой, и прежде всего её «неформального» лидера А. П. Сидоркина ' +
        'интересует всё, что осталось от былого величия ушедшей советской эпохи: индустриальное и ' +
        'научно-техническое наследие, объекты гражданской обороны и военно-промышленного комплекса, ' +
        'ретротехника и монументальное искусство. Всё, что ещё вчера казалось привычным и знакомым, ' +
        'сегодня стремительно исчезает. Успеть найти, увидеть своими глазами, забрать на память и тем ' +
        'самым сохранить историю — вот главные цели этого нового общественного движения.</p>' +
        '<p>Виртуальный фото- и видеоархив, который ведётся в социальных сетях в группе «Индустриальное ' +
        'прошлое Дальнего Востока», начал пополняться реальными артефактами и уникальными ' +
        'экспонатами.</p>' +
        '<p>После участия в конкурсе «Лучший хранитель истории Хабаровска», общественного признания на ' +
        'городском уровне и понимания того, что накопленный материал действительно богат (а то, что не ' +
        'стало частной коллекцией и до сих пор пылится в ведомственных музеях, мастерских и кабинетах ' +
        'наших предприятий и учреждений под постоянной угрозой уничтожения, нужно спасать немедленно), ' +
        'было принято решение как можно скорее создать Музей индустриально-технического наследия ' +
        'Дальнего Востока.</p>',
      en:
        '<p>The history of the museum goes back to the childhood of its founder, the industrial tourist ' +
        'and local historian A. P. Sidorkin, who became interested first in history, then in local ' +
        'history and later in “stalking”, and began collecting information about Soviet industrial ' +
        'sites — at first about disappearing bankrupt ones, then about operating ones too, and later about ' +
        'those that ceased to exist long ago. A group of like-minded people formed around him.</p>' +
        '<p>The team drawn to the subject, and above all its “informal” leader A. P. Sidorkin, is ' +
        'interested in everything left of the former greatness of the bygone Soviet era: industrial, ' +
        'scientific and technical heritage, civil defence and military-industrial sites, retro machinery ' +
        'and monumental art. Everything that seemed ordinary and familiar yesterday is disappearing fast ' +
        'today. To find it in time, see it with one’s own eyes, take it as a keepsake and so preserve ' +
        'history — these are the main goals of this new social movement.</p>' +
        '<p>The virtual photo and video archive kept on social networks in the “Industrial Past of the Far ' +
        'East” group began to be supplemented with real artefacts and unique exhibits.</p>' +
        '<p>After taking part in the competition “The Best Keeper of the History of Khabarovsk”, public ' +
        'recognition at city level and the realisation that the material gathered is truly rich (and that ' +
        'whatever has not become a private collection and is still gathering dust in departmental museums, ' +
        'workshops and offices of our enterprises and institutions, under constant threat of destruction, ' +
        'must be rescued at once), the decision was taken to create the Museum of the Industrial and ' +
        'Technical Heritage of the Far East as soon as possible.</p>'
    }
  },
  {
    slug: 'computer-museum',
    membership: 'member',
    status: 'active',
    ownership: 'private',
    profile: 'science_technology',
    name: { ru: 'Хабаровский компьютерный музей', en: 'Khabarovsk Computer Museum' },
    settlementSlug: 'khabarovsk',
    timeZone: FAR_EAST_TZ,
    summary: {
      ru:
        'Частное музейное объединение в Хабаровске, составляющее единое целое с Музеем ' +
        'индустриально-технического наследия Дальнего Востока.',
      en:
        'A private museum association in Khabarovsk that is one entity with the Museum of the Industrial ' +
        'and Technical Heritage of the Far East.'
    },
    about: {
      ru:
        '<p>Хабаровский компьютерный музей — частное музейное объединение, составляющее единое целое с ' +
        'Музеем индустриально-технического наследия Дальнего Востока.</p>' +
        '<p>У музея достаточно места для хранения фондов и есть временно арендованная площадь для ' +
        'экспозиции на заводе имени А. М. Горького. К сожалению, зимой там нет отопления.</p>',
      en:
        '<p>The Khabarovsk Computer Museum is a private museum association that is one entity with the ' +
        'Museum of the Industrial and Technical Heritage of the Far East.</p>' +
        '<p>It has enough storage space for its collections and a temporarily rented exhibition area at ' +
        'the A. M. Gorky Plant. Unfortunately, there is no heating there in winter.</p>'
    }
  },
  {
    slug: 'victory-museum',
    membership: 'partner',
    status: 'active',
    ownership: 'state',
    profile: 'military_history',
    name: { ru: 'Музей Победы', en: 'Victory Museum' },
    settlementSlug: 'moskva',
    timeZone: MOSCOW_TZ,
    summary: {
      ru:
        'Музей Победы в Москве вместе с Музеем политической истории России организовал Международную ' +
        'стратегическую сессию исторических и военно-исторических музеев, назначенную на 14 сентября ' +
        '2024 года в Санкт-Петербурге.',
      en:
        'The Victory Museum in Moscow, together with the Museum of Political History of Russia, organised ' +
        'the International Strategic Session of Historical and Military History Museums, scheduled for ' +
        '14 September 2024 in Saint Petersburg.'
    },
    about: {
      ru:
        '<p>13 августа 2024 года Музей Победы объявил, что в дни X Международного культурного форума в ' +
        'Санкт-Петербурге, 14 сентября 2024 года, он совместно с Музеем политической истории России ' +
        'проведёт Международную стратегическую сессию исторических и военно-исторических музеев.</p>' +
        '<p>В рамках сессии были запланированы деловая и образовательная программы с руководителями ' +
        'музеев — участников Международного проекта «Территория Победы» и Ассоциации исторических и ' +
        'военно-исторических музеев. В формате живого диалога участники должны были обсудить образ музея ' +
        'будущего и другие актуальные вопросы развития музеев. Для участия нужно было до 19 августа ' +
        'зарегистрироваться на сайте Ассоциации исторических и военно-исторических музеев.</p>' +
        '<p>В ноябре 2025 года Международный проект «Территория Победы» отметил 8-летие. Одним из самых ' +
        'значимых событий празднования 80-летия Великой Победы стало открытие в Музее Победы новой ' +
        'историко-мультимедийной экспозиции «Путь к Победе», которая рассказывает о ратном подвиге солдат ' +
        'и офицеров в годы Великой Отечественной войны и знакомит посетителей с уникальными военными ' +
        'реликвиями.</p>',
      en:
        '<p>On 13 August 2024 the Victory Museum announced that during the 10th International Cultural ' +
        'Forum in Saint Petersburg, on 14 September 2024, it would hold, together with the Museum of ' +
        'Political History of Russia, the International Strategic Session of Historical and Military ' +
        'History Museums.</p>' +
        '<p>The session was to include business and educational programmes with the heads of museums taking ' +
        'part in the international project “Territory of Victory” (“Территория Победы”) and in the ' +
        'Association of Historical and Military History Museums. In a live dialogue the participants were ' +
        'to discuss the image of the museum of the future and other pressing questions of museum ' +
        'development. Registration was open until 19 August on the website of the Association of ' +
        'Historical and Military History Museums.</p>' +
        '<p>In November 2025 the international project “Territory of Victory” turned eight. One of the most ' +
        'significant events of the 80th anniversary of the Great Victory was the opening at the Victory ' +
        'Museum of the new historical multimedia exhibition “The Road to Victory” (“Путь к Победе”), which ' +
        'tells of the feat of arms of soldiers and officers in the Great Patriotic War and introduces ' +
        'visitors to unique military relics.</p>'
    },
    contacts: [
      {
        name: { ru: 'Королёв Аркадий Васильевич', en: 'Arkady Vasilyevich Korolev' },
        role: {
          ru: 'Начальник отдела регионального развития Музея Победы',
          en: 'Head of the Regional Development Department, Victory Museum'
        },
        phone: '+7 (499) 449-81-17'
      }
    ]
  },
  {
    slug: 'political-history',
    membership: 'partner',
    status: 'active',
    ownership: 'state',
    profile: 'history',
    name: {
      ru: 'Государственный музей политической истории России',
      en: 'State Museum of Political History of Russia'
    },
    settlementSlug: 'sankt-peterburg',
    timeZone: MOSCOW_TZ,
    summary: {
      ru:
        'Музей в Санкт-Петербурге; вместе с Музеем Победы — организатор Международной стратегической ' +
        'сессии исторических и военно-исторических музеев, назначенной на 14 сентября 2024 года.',
      en:
        'A museum in Saint Petersburg; with the Victory Museum, an organiser of the International Strategic ' +
        'Session of Historical and Military History Museums scheduled for 14 September 2024.'
    },
    about: {
      ru:
        '<p>Вместе с Музеем Победы Музей политической истории России организовал Международную ' +
        'стратегическую сессию исторических и военно-исторических музеев, назначенную на 14 сентября ' +
        '2024 года в Санкт-Петербурге, в дни X Международного культурного форума. В программе сессии — ' +
        'деловая и образовательная части для руководителей музеев — участников Международного проекта ' +
        '«Территория Победы» и Ассоциации исторических и военно-исторических музеев и живой диалог об ' +
        'образе музея будущего.</p>',
      en:
        '<p>Together with the Victory Museum, the Museum of Political History of Russia organised the ' +
        'International Strategic Session of Historical and Military History Museums, scheduled for ' +
        '14 September 2024 in Saint Petersburg during the 10th International Cultural Forum. Its programme ' +
        'had business and educational parts for the heads of museums taking part in the international ' +
        'project “Territory of Victory” and in the Association of Historical and Military History Museums, ' +
        'and a live dialogue on the image of the museum of the future.</p>'
    }
  },
  localLoreMuseum({ slug: 'amursk', ru: 'Амурск', en: 'Amursk', ruIn: 'в Амурске' }),
  localLoreMuseum({
    slug: 'nikolaevsk-na-amure',
    ru: 'Николаевск-на-Амуре',
    en: 'Nikolaevsk-on-Amur',
    ruIn: 'в Николаевске-на-Амуре'
  }),
  localLoreMuseum({
    slug: 'sovetskaya-gavan',
    ru: 'Советская Гавань',
    en: 'Sovetskaya Gavan',
    ruIn: 'в Советской Гавани'
  }),
  localLoreMuseum({ slug: 'vanino', ru: 'Ванино', en: 'Vanino', ruIn: 'в посёлке Ванино' }),
  localLoreMuseum({ slug: 'chegdomyn', ru: 'Чегдомын', en: 'Chegdomyn', ruIn: 'в Чегдомыне' }),
  localLoreMuseum({ slug: 'bikin', ru: 'Бикин', en: 'Bikin', ruIn: 'в Бикине' }),
  localLoreMuseum({ slug: 'vyazemsky', ru: 'Вяземский', en: 'Vyazemsky', ruIn: 'в Вяземском' })
];

/**
 * Demo staff accounts, one for each role, listed in the README. Made-up people: the passwords are
 * public, so these accounts exist only where DEMO_DATA=on.
 */
export const demoStaff: {
  name: string;
  email: string;
  password: string;
  role: 'association_admin' | 'museum_admin' | 'museum_editor';
  museum: string | null;
  publishing?: 'review' | 'publish';
}[] = [
  {
    name: 'Администратор ассоциации (демо)',
    email: 'admin@kraeved.demo',
    password: 'demo-association-admin',
    role: 'association_admin',
    museum: null
  },
  {
    name: 'Администратор музея (демо)',
    email: 'museum-admin@kraeved.demo',
    password: 'demo-museum-admin',
    role: 'museum_admin',
    museum: 'industrial-heritage'
  },
  {
    name: 'Редактор музея (демо)',
    email: 'editor@kraeved.demo',
    password: 'demo-museum-editor',
    role: 'museum_editor',
    museum: 'industrial-heritage',
    publishing: 'review'
  },
  {
    name: 'Администратор Гродековского музея (демо)',
    email: 'grodekov-admin@kraeved.demo',
    password: 'demo-grodekov-admin',
    role: 'museum_admin',
    museum: 'grodekov'
  }
];
