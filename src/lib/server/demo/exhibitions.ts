import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Actor } from '../auth/access';
import type { ExhibitEditor } from '../exhibits/editor';
import type { ExhibitionEditor, ExhibitionOwner } from '../exhibitions/editor';
import type { MediaLibrary } from '../media/library';
import type { MuseumRepository } from '../museums/repository';
import type { StaffRepository } from '../auth/staff-repository';
import { demoTourAuthor } from './tour';
import type { ExhibitionBlockInput, ExhibitionInput } from '$lib/shared/exhibition';

/**
 * The two demo online exhibitions, drawn from the seed documents: "The Industrial Past of the Far
 * East" of the Museum of the Industrial and Technical Heritage (seed 001) and the association's
 * own "Museum Tour" (seed 000, with its real figures). The text follows the seeds; the pictures
 * are drawings and diagrams made here, never photographs, and each page says it is a demo.
 */

type Pair = { ru: string; en: string };

/** A drawn picture: a title and lines on a plain background, marked as a demo drawing. */
interface Drawing {
  file: string;
  heading: string;
  lines: string[];
  colour: string;
  alt: Pair;
}

const escape = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function drawPicture(drawing: Drawing): Promise<Buffer> {
  const width = 1600;
  const height = 1000;
  const lines = drawing.lines
    .map(
      (line, i) =>
        `<text x="120" y="${470 + i * 90}" font-family="DejaVu Sans, sans-serif" font-size="64" fill="#fff">${escape(line)}</text>`
    )
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="${width}" height="${height}" fill="${drawing.colour}"/>` +
    `<path d="M0 ${height - 220} L400 ${height - 420} L700 ${height - 300} L1100 ${height - 520} L${width} ${height - 280} L${width} ${height} L0 ${height} Z" fill="#00000033"/>` +
    `<text x="120" y="300" font-family="DejaVu Sans, sans-serif" font-size="96" font-weight="bold" fill="#fff">${escape(drawing.heading)}</text>` +
    lines +
    `<text x="120" y="${height - 60}" font-family="DejaVu Sans, sans-serif" font-size="40" fill="#ffffffcc">Демонстрационный рисунок · не фотография</text>` +
    `</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

interface DemoExhibition {
  owner: 'museum' | 'association';
  /** The museum whose library holds the pictures (for the association: its project partner). */
  library: string;
  /** The museum whose demo exhibits the exhibit blocks show. */
  exhibitsOf: string;
  slug: string;
  title: Pair;
  subtitle: Pair;
  authors: Pair[];
  cover: Drawing;
  /** Blocks with `{picture:n}` for drawing n and `{exhibit:n}` for the museum's n-th demo object. */
  blocks: (
    | ExhibitionBlockInput
    | { picture: number; caption: Pair }
    | { pair: [number, number] }
    | { exhibit: number; note: Pair }
  )[];
  pictures: Drawing[];
}

const editors: Pair = { ru: 'Редакция портала «Краевед» (демо)', en: 'Kraeved editors (demo)' };

export const demoExhibitions: DemoExhibition[] = [
  {
    owner: 'museum',
    library: 'industrial-heritage',
    exhibitsOf: 'industrial-heritage',
    slug: 'industrial-past',
    title: {
      ru: 'Индустриальное прошлое Дальнего Востока',
      en: 'The Industrial Past of the Far East'
    },
    subtitle: {
      ru: 'Как из увлечения сталкингом вырос музей индустриально-технического наследия',
      en: 'How a passion for industrial stalking grew into a museum of industrial and technical heritage'
    },
    authors: [editors],
    cover: {
      file: 'cover',
      heading: 'Индустриальное прошлое',
      lines: ['Дальнего Востока'],
      colour: '#4f5b66',
      alt: {
        ru: 'Рисунок-обложка: тёмно-серое поле с силуэтами сопок и надписью «Индустриальное прошлое Дальнего Востока»',
        en: 'Cover drawing: a dark grey field with hill silhouettes and the words “The Industrial Past of the Far East”'
      }
    },
    pictures: [
      {
        file: 'garage',
        heading: 'Гараж на Джамбула, 54',
        lines: ['Здесь планировали', 'первый музейный зал'],
        colour: '#6b5a45',
        alt: {
          ru: 'Рисунок: коричневое поле с надписью «Гараж на Джамбула, 54 — здесь планировали первый музейный зал»',
          en: 'Drawing: a brown field with the words “The garage at 54 Dzhambula St. — the first hall was planned here”'
        }
      },
      {
        file: 'storage',
        heading: 'Основное хранение',
        lines: ['комната в квартире,', 'гараж и две дачи'],
        colour: '#5a6b45',
        alt: {
          ru: 'Рисунок: зелёное поле с надписью «Основное хранение: комната в квартире, гараж и две дачи»',
          en: 'Drawing: a green field with the words “Basic storage: a room in a flat, a garage and two summer houses”'
        }
      },
      {
        file: 'plant',
        heading: 'Завод им. А. М. Горького',
        lines: ['временная площадка', 'без отопления зимой'],
        colour: '#45566b',
        alt: {
          ru: 'Рисунок: синее поле с надписью «Завод имени А. М. Горького — временная площадка без отопления зимой»',
          en: 'Drawing: a blue field with the words “The A. M. Gorky Plant — a temporary area, unheated in winter”'
        }
      }
    ],
    blocks: [
      {
        kind: 'text',
        key: 'b1',
        body: {
          ru:
            '<p>История музея начинается с детства его основателя — промышленного туриста и краеведа ' +
            'А. П. Сидоркина. Сначала его увлекла история, потом краеведение, затем «сталкинг»: он стал ' +
            'собирать сведения о советских промышленных объектах — сначала об исчезающих, обанкротившихся, ' +
            'потом и о действующих, а затем и о тех, что перестали существовать давно. Вокруг сложилась ' +
            'группа единомышленников.</p>',
          en:
            '<p>The museum’s story begins in the childhood of its founder, the industrial tourist and local ' +
            'historian A. P. Sidorkin. History drew him first, then local history, then “stalking”: he began ' +
            'collecting information about Soviet industrial sites — first those disappearing and bankrupt, ' +
            'then working ones, and later those that had ceased to exist long ago. A group of like-minded ' +
            'people formed around him.</p>'
        }
      },
      {
        kind: 'quote',
        key: 'b2',
        text: {
          ru: 'Всё, что вчера казалось привычным и знакомым, сегодня стремительно исчезает. Успеть найти, увидеть своими глазами и сохранить историю — вот главные цели нового общественного движения.',
          en: 'Everything that seemed familiar yesterday is rapidly disappearing today. To find it in time, see it with one’s own eyes and preserve the history — these are the main goals of the new social movement.'
        },
        attribution: { ru: 'Из описания музея', en: 'From the museum’s description' }
      },
      {
        picture: 0,
        caption: {
          ru: 'К лету 2023 года первый музейный зал планировали оборудовать в гараже, если не удастся договориться о помещении с краем или городом.',
          en: 'By the summer of 2023 the first museum hall was to be fitted out in the garage, if premises could not be agreed with the region or the city.'
        }
      },
      {
        kind: 'text',
        key: 'b4',
        body: {
          ru:
            '<p>Команду интересует всё, что осталось от былого величия ушедшей советской эпохи: ' +
            'промышленное, научно-техническое наследие, объекты гражданской обороны и военно-промышленного ' +
            'комплекса, ретротехника и монументальное искусство. Виртуальный фото- и видеоархив группы ' +
            '«Индустриальное прошлое Дальнего Востока» в социальных сетях стал пополняться настоящими ' +
            'артефактами и уникальными экспонатами.</p>',
          en:
            '<p>The team is interested in everything left of the former greatness of the gone Soviet epoch: ' +
            'industrial, scientific and technical heritage, civil defence and military-industrial sites, ' +
            'retro equipment and monumental art. The virtual photo and video archive of the “Industrial Past ' +
            'of the Far East” group on social networks began to be supplemented with real artefacts and ' +
            'unique exhibits.</p>'
        }
      },
      {
        exhibit: 0,
        note: {
          ru: 'Демонстрационный предмет из коллекции музея.',
          en: 'A demonstration object of the museum’s collection.'
        }
      },
      {
        exhibit: 1,
        note: {
          ru: 'Демонстрационный предмет из коллекции музея.',
          en: 'A demonstration object of the museum’s collection.'
        }
      },
      { pair: [1, 2] },
      {
        kind: 'text',
        key: 'b8',
        body: {
          ru:
            '<p>Постоянного здания у музея пока нет, но экспонатов и исторических материалов уже более чем ' +
            'достаточно. Музей — единое целое с другим частным музейным объединением, Хабаровским ' +
            'компьютерным музеем, у которого есть место для хранения и даже временно арендованная площадь ' +
            'для экспозиции на заводе имени А. М. Горького (к сожалению, зимой там нет отопления).</p>' +
            '<p>После конкурса «Лучший хранитель истории Хабаровска» и признания на городском уровне ' +
            'было решено как можно скорее создать Музей индустриально-технического наследия Дальнего ' +
            'Востока.</p>',
          en:
            '<p>The museum has no permanent building yet, but there are already more than enough exhibits ' +
            'and historical materials. It is one entity with another private museum association, the ' +
            'Khabarovsk Computer Museum, which has storage space and even a temporarily rented exhibition ' +
            'area at the A. M. Gorky Plant (unfortunately, unheated in winter).</p>' +
            '<p>After the competition “The Best Keeper of the History of Khabarovsk” and recognition at the ' +
            'city level, the decision was taken to create the Museum of the Industrial and Technical ' +
            'Heritage of the Far East as soon as possible.</p>'
        }
      }
    ]
  },
  {
    owner: 'association',
    // The project was run together with the Grodekov Museum: its library holds the pictures.
    library: 'grodekov',
    exhibitsOf: 'grodekov',
    slug: 'museum-tour',
    title: { ru: 'Музейный тур', en: 'Museum Tour' },
    subtitle: {
      ru: 'Передвижной проект АМХК и музея имени Н. И. Гродекова: апрель — сентябрь 2021 года',
      en: 'The travelling project of AMKhK and the Grodekov Museum, April–September 2021'
    },
    authors: [editors],
    cover: {
      file: 'tour-cover',
      heading: 'Музейный тур · 2021',
      lines: ['9 районов · 13 учреждений культуры'],
      colour: '#7a4f3b',
      alt: {
        ru: 'Рисунок-обложка: терракотовое поле с надписью «Музейный тур, 2021: 9 районов, 13 учреждений культуры»',
        en: 'Cover drawing: a terracotta field with the words “Museum Tour, 2021: 9 districts, 13 cultural institutions”'
      }
    },
    pictures: [
      {
        file: 'figures',
        heading: 'Итоги 2021 года',
        lines: [
          '9 муниципальных районов',
          '13 учреждений культуры',
          '2250 участников, 95 % — учащиеся'
        ],
        colour: '#3b5f7a',
        alt: {
          ru: 'Схема итогов: 9 муниципальных районов, 13 учреждений культуры, 2250 участников, 95 % из них учащиеся',
          en: 'A diagram of the results: 9 municipal districts, 13 cultural institutions, 2,250 participants, 95% of them students'
        }
      },
      {
        file: 'case',
        heading: 'Выездной кейс',
        lines: ['стендовые выставки', 'и подлинные экспонаты'],
        colour: '#5f7a3b',
        alt: {
          ru: 'Рисунок: зелёное поле с надписью «Выездной кейс: стендовые выставки и подлинные экспонаты»',
          en: 'Drawing: a green field with the words “Touring case: stand exhibitions and original exhibits”'
        }
      },
      {
        file: 'programmes',
        heading: 'Музейные программы',
        lines: ['экскурсии, занятия, игры,', 'мастер-классы и мастер-шоу'],
        colour: '#7a3b5f',
        alt: {
          ru: 'Рисунок: лиловое поле с надписью «Музейные программы: экскурсии, занятия, игры, мастер-классы и мастер-шоу»',
          en: 'Drawing: a purple field with the words “Museum programmes: guided tours, activities, games, master classes and shows”'
        }
      }
    ],
    blocks: [
      {
        kind: 'text',
        key: 'b1',
        body: {
          ru:
            '<p>Самым значимым событием 2021 года стал совместный социокультурный передвижной проект АМХК ' +
            'и Хабаровского краевого музея имени Н. И. Гродекова «Музейный тур».</p>',
          en:
            '<p>The most significant project of 2021 was “Museum Tour”, a joint travelling sociocultural ' +
            'project of AMKhK and the N. I. Grodekov Khabarovsk Krai Museum.</p>'
        }
      },
      {
        kind: 'quote',
        key: 'b2',
        text: {
          ru: 'Повысить доступность уникальных природных, исторических и культурных ценностей — музейных экспонатов — для жителей Хабаровского края, и прежде всего для детей!',
          en: 'To make unique natural, historical and cultural treasures — museum exhibits — more accessible to the residents of Khabarovsk Krai, and above all to children!'
        },
        attribution: { ru: 'Цель проекта', en: 'The project’s goal' }
      },
      {
        picture: 0,
        caption: {
          ru: 'С апреля по сентябрь 2021 года: 9 муниципальных районов, 13 учреждений культуры, 2250 участников, 95 % из них — учащиеся.',
          en: 'April to September 2021: 9 municipal districts, 13 cultural institutions, 2,250 participants, 95% of them students.'
        }
      },
      {
        kind: 'text',
        key: 'b4',
        body: {
          ru:
            '<p>Ресурсы проекта:</p><ul>' +
            '<li>команда — музейные специалисты (23 человека);</li>' +
            '<li>выездной кейс — стендовые выставки и выставки с подлинными экспонатами; музейные ' +
            'программы — экскурсии, музейные занятия и игры для детей, мастер-классы и мастер-шоу; ' +
            'музейные издания — каталоги коллекций и выставок, альбомы и сборники статей;</li>' +
            '<li>финансы — собственные заработанные средства, краевой бюджет (резервный фонд), спонсорская ' +
            'помощь (РМК, «Ургалуголь»).</li></ul>',
          en:
            '<p>Project resources:</p><ul>' +
            '<li>team: museum specialists (23 people);</li>' +
            '<li>touring case: stand exhibitions and exhibitions with original exhibits; museum programmes — ' +
            'guided tours, museum activities and games for children, master classes and master shows; museum ' +
            'publications — catalogues of collections and exhibitions, albums and collections of articles;</li>' +
            '<li>finances: own earned funds, the regional budget (reserve fund), sponsorship (RMK, ' +
            'Urgalugol).</li></ul>'
        }
      },
      { pair: [1, 2] },
      {
        kind: 'text',
        key: 'b6',
        body: {
          ru:
            '<p>Проект побывал в девяти муниципальных районах Хабаровского края: Хабаровском, Нанайском, ' +
            'Верхнебуреинском, Вяземском, Бикинском, имени Лазо, Амурском, Солнечном и Комсомольском. ' +
            'Программы прошли в 13 учреждениях культуры. Всего в проекте приняли участие 2250 человек, ' +
            '95 % из них — учащиеся.</p>',
          en:
            '<p>The project visited nine municipal districts of Khabarovsk Krai: Khabarovsky, Nanaysky, ' +
            'Verkhnebureinsky, Vyazemsky, Bikinsky, Lazo, Amursky, Solnechny and Komsomolsky. Its ' +
            'programmes were held at 13 cultural institutions. In all, 2,250 people took part, 95% of ' +
            'them students.</p>'
        }
      },
      {
        exhibit: 0,
        note: {
          ru: 'Такие предметы ездят в выездном кейсе (демонстрационный предмет музея имени Н. И. Гродекова).',
          en: 'Objects like this travel in the touring case (a demonstration object of the Grodekov Museum).'
        }
      }
    ]
  }
];

/**
 * Publishes the demo exhibitions through the same editor staff use. With `pictures`, draws the
 * cover and pictures, puts them in the museum's library and waits for their derivatives; without,
 * the picture blocks are left out. Exhibit blocks show the museum's first demo objects.
 */
export async function seedDemoExhibitions(deps: {
  editor: ExhibitionEditor;
  exhibits: ExhibitEditor;
  media: MediaLibrary;
  actor: Actor;
  museumIds: Map<string, number>;
  pictures: boolean;
  timeoutMs?: number;
}): Promise<number> {
  let published = 0;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kraeved-demo-exhibitions-'));
  try {
    for (const plan of demoExhibitions) {
      const libraryId = deps.museumIds.get(plan.library);
      const exhibitsId = deps.museumIds.get(plan.exhibitsOf);
      if (libraryId === undefined || exhibitsId === undefined) continue;
      const owner: ExhibitionOwner =
        plan.owner === 'museum' ? { kind: 'museum', museumId: libraryId } : { kind: 'association' };
      const drawings = deps.pictures ? [plan.cover, ...plan.pictures] : [];
      const assets: number[] = [];
      for (const drawing of drawings) {
        const file = path.join(dir, `${plan.slug}-${drawing.file}.jpg`);
        await writeFile(file, await drawPicture(drawing));
        const result = await deps.media.ingest(deps.actor, libraryId, {
          path: file,
          fileName: `Демо — ${drawing.heading}.jpg`,
          panorama: false,
          uploadId: `demo-exhibition-${plan.slug}-${drawing.file}`
        });
        if (!result.ok) throw new Error(`demo picture refused: ${result.message.en}`);
        await deps.media.describe(deps.actor, libraryId, result.assetId, {
          alt: drawing.alt,
          caption: {
            ru: 'Демонстрационный рисунок, не фотография',
            en: 'A demo drawing, not a photograph'
          },
          credit: 'Краевед (демо)',
          licence: 'cc0',
          focal: null
        });
        assets.push(result.assetId);
      }
      await waitUntilReady(deps.media, libraryId, assets, deps.timeoutMs ?? 120_000);
      const [cover, ...pictures] = assets;
      const objects = (await deps.exhibits.list(deps.actor, exhibitsId, { limit: 200 })).exhibits
        .filter((e) => e.origin === 'demo' && e.publishedAt)
        .sort((a, b) => a.inventoryNumber.localeCompare(b.inventoryNumber));

      const blocks: ExhibitionBlockInput[] = plan.blocks.flatMap(
        (block, i): ExhibitionBlockInput[] => {
          const key = `b${i + 1}`;
          if ('kind' in block) return [block];
          if ('picture' in block) {
            const assetId = pictures[block.picture];
            return assetId ? [{ kind: 'image', key, assetId, caption: block.caption }] : [];
          }
          if ('pair' in block) {
            const [left, right] = block.pair.map((n) => pictures[n]);
            return left && right
              ? [{ kind: 'images', key, left: { assetId: left }, right: { assetId: right } }]
              : [];
          }
          const object = objects[block.exhibit];
          return object ? [{ kind: 'exhibit', key, exhibitId: object.id, note: block.note }] : [];
        }
      );

      const created = await deps.editor.create(
        deps.actor,
        owner,
        { slug: plan.slug, title: plan.title },
        'demo'
      );
      if (!created.ok)
        throw new Error(`demo exhibition refused: ${JSON.stringify(created.errors)}`);
      const record: ExhibitionInput = {
        slug: plan.slug,
        title: plan.title,
        subtitle: plan.subtitle,
        coverAssetId: cover ?? null,
        authors: plan.authors,
        dates: { kind: 'permanent' },
        blocks
      };
      const saved = await deps.editor.save(deps.actor, owner, created.id, record, 'publish');
      if (!saved.ok)
        throw new Error(`demo exhibition not published: ${JSON.stringify(saved.errors)}`);
      published++;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return published;
}

async function waitUntilReady(
  media: MediaLibrary,
  museumId: number,
  ids: number[],
  timeoutMs: number
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const assets = await media.assetsOf(museumId, ids);
    if (assets.every((a) => a.status === 'ready')) return;
    if (assets.some((a) => a.status === 'failed') || Date.now() > deadline)
      throw new Error('the demo exhibition pictures were not processed');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** After the demo objects: finds the demo museums and the association admin, then seeds. */
export async function startDemoExhibitions(deps: {
  museums: MuseumRepository;
  staff: StaffRepository;
  editor: ExhibitionEditor;
  exhibits: ExhibitEditor;
  media: MediaLibrary;
  pictures: boolean;
}): Promise<number> {
  const admin = await deps.staff.findUserByEmail(demoTourAuthor);
  if (!admin) return 0;
  const museumIds = new Map<string, number>();
  for (const slug of new Set(demoExhibitions.flatMap((e) => [e.library, e.exhibitsOf]))) {
    const museum = await deps.museums.findPublishedBySlug(slug);
    if (museum) museumIds.set(slug, museum.id);
  }
  return seedDemoExhibitions({
    ...deps,
    actor: {
      userId: admin.id,
      grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
    },
    museumIds
  });
}
