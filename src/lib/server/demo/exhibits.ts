import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Actor } from '../auth/access';
import type { ExhibitEditor } from '../exhibits/editor';
import type { MediaLibrary } from '../media/library';
import type {
  CollectionInput,
  ExhibitCategory,
  ExhibitInput,
  ExhibitMaterial
} from '$lib/shared/exhibit';

/**
 * Demo exhibits: a few hundred invented objects across six demo museums, so browse, search,
 * facets and deep zoom have something to show. Every one is marked as a demonstration (origin
 * 'demo', an inventory number starting «ДЕМО», a note on its page) and drawn, not photographed.
 */

export type DrawnKind = 'tool' | 'vessel' | 'document' | 'photo' | 'coin' | 'machine' | 'textile';

interface Template {
  ru: string;
  en: string;
  category: ExhibitCategory;
  material: ExhibitMaterial;
  technique: { ru: string; en: string };
  years: [number, number];
  drawn: DrawnKind;
  about: { ru: string; en: string };
}

const t = (
  ru: string,
  en: string,
  category: ExhibitCategory,
  material: ExhibitMaterial,
  technique: [string, string],
  years: [number, number],
  drawn: DrawnKind,
  about: [string, string]
): Template => ({
  ru,
  en,
  category,
  material,
  technique: { ru: technique[0], en: technique[1] },
  years,
  drawn,
  about: { ru: about[0], en: about[1] }
});

/** Objects a Far Eastern museum of local lore or of technology might keep. */
const templates: Record<string, Template[]> = {
  technology: [
    t(
      'Токарный станок',
      'Lathe',
      'technology',
      'metal',
      ['металл, литьё, механическая обработка', 'metal, casting, machining'],
      [1930, 1960],
      'machine',
      ['Станок из цеха судостроительного завода.', 'A lathe from a shipyard workshop.']
    ),
    t(
      'Арифмометр «Феликс»',
      '“Felix” arithmometer',
      'technology',
      'metal',
      ['металл, штамповка', 'metal, stamping'],
      [1930, 1970],
      'machine',
      [
        'Механическая счётная машина, стоявшая в конторе.',
        'A mechanical calculator once used in an office.'
      ]
    ),
    t(
      'Радиоприёмник',
      'Radio receiver',
      'technology',
      'mixed',
      ['дерево, металл, стекло', 'wood, metal, glass'],
      [1950, 1970],
      'machine',
      ['Ламповый радиоприёмник в деревянном корпусе.', 'A valve radio in a wooden case.']
    ),
    t(
      'Паяльная лампа',
      'Blowlamp',
      'technology',
      'metal',
      ['латунь, сталь', 'brass, steel'],
      [1940, 1980],
      'tool',
      ['Инструмент ремонтной мастерской.', 'A tool from a repair workshop.']
    ),
    t(
      'Гаечный ключ',
      'Spanner',
      'technology',
      'metal',
      ['сталь, ковка', 'steel, forging'],
      [1930, 1970],
      'tool',
      ['Ключ из набора шофёра грузовика.', 'A spanner from a lorry driver’s kit.']
    ),
    t(
      'Телефонный аппарат',
      'Telephone set',
      'technology',
      'plastic',
      ['карболит, металл', 'bakelite, metal'],
      [1950, 1980],
      'machine',
      ['Настольный телефон с дисковым номеронабирателем.', 'A desk telephone with a rotary dial.']
    ),
    t(
      'Микрокалькулятор',
      'Pocket calculator',
      'technology',
      'plastic',
      ['пластмасса, электроника', 'plastic, electronics'],
      [1975, 1990],
      'machine',
      [
        'Один из первых советских микрокалькуляторов.',
        'One of the first Soviet pocket calculators.'
      ]
    ),
    t(
      'Персональный компьютер',
      'Personal computer',
      'technology',
      'mixed',
      ['пластмасса, металл, электроника', 'plastic, metal, electronics'],
      [1985, 1995],
      'machine',
      [
        'Бытовой компьютер, собранный по журнальной схеме.',
        'A home computer built from a magazine’s diagram.'
      ]
    )
  ],
  ethnography: [
    t(
      'Туесок берестяной',
      'Birch-bark box',
      'ethnography',
      'birch-bark',
      ['береста, тиснение', 'birch bark, embossing'],
      [1900, 1950],
      'vessel',
      ['Сосуд для ягод с тиснёным узором.', 'A berry box with an embossed pattern.']
    ),
    t(
      'Халат свадебный',
      'Wedding robe',
      'ethnography',
      'textile',
      ['ткань, вышивка, аппликация', 'cloth, embroidery, appliqué'],
      [1890, 1930],
      'textile',
      ['Праздничная одежда, украшенная орнаментом.', 'Festive clothing decorated with ornament.']
    ),
    t(
      'Ковш деревянный',
      'Wooden ladle',
      'ethnography',
      'wood',
      ['дерево, резьба', 'wood, carving'],
      [1880, 1940],
      'vessel',
      ['Ковш для воды с резной ручкой.', 'A water ladle with a carved handle.']
    ),
    t(
      'Рукавицы меховые',
      'Fur mittens',
      'ethnography',
      'fur',
      ['мех, кожа, шитьё', 'fur, leather, sewing'],
      [1900, 1960],
      'textile',
      ['Зимние рукавицы охотника.', 'A hunter’s winter mittens.']
    ),
    t(
      'Нож охотничий',
      'Hunting knife',
      'ethnography',
      'metal',
      ['сталь, дерево, ковка', 'steel, wood, forging'],
      [1880, 1950],
      'tool',
      ['Нож в деревянных ножнах.', 'A knife in a wooden sheath.']
    ),
    t(
      'Сеть рыболовная',
      'Fishing net',
      'ethnography',
      'textile',
      ['нить, вязание', 'thread, netting'],
      [1920, 1960],
      'textile',
      [
        'Фрагмент сети для ловли кеты на Амуре.',
        'Part of a net for catching chum salmon on the Amur.'
      ]
    )
  ],
  household: [
    t(
      'Самовар',
      'Samovar',
      'household',
      'metal',
      ['латунь, литьё, пайка', 'brass, casting, soldering'],
      [1890, 1930],
      'vessel',
      ['Самовар, привезённый переселенцами.', 'A samovar brought by settlers.']
    ),
    t(
      'Утюг чугунный',
      'Cast-iron flat iron',
      'household',
      'metal',
      ['чугун, литьё', 'cast iron, casting'],
      [1900, 1950],
      'tool',
      ['Утюг, который грели на плите.', 'An iron heated on the stove.']
    ),
    t(
      'Кувшин глиняный',
      'Clay jug',
      'household',
      'ceramics',
      ['глина, гончарный круг, обжиг', 'clay, wheel-thrown, fired'],
      [1900, 1950],
      'vessel',
      ['Кувшин для молока.', 'A milk jug.']
    ),
    t(
      'Бутыль стеклянная',
      'Glass bottle',
      'household',
      'glass',
      ['стекло, выдувание', 'glass, blowing'],
      [1900, 1940],
      'vessel',
      ['Аптечная бутыль с клеймом.', 'A pharmacy bottle with a mark.']
    )
  ],
  documents: [
    t(
      'Удостоверение ударника труда',
      'Shock-worker certificate',
      'documents',
      'paper',
      ['бумага, печать', 'paper, print'],
      [1930, 1960],
      'document',
      ['Удостоверение рабочего завода.', 'A plant worker’s certificate.']
    ),
    t(
      'Письмо с фронта',
      'Letter from the front',
      'documents',
      'paper',
      ['бумага, чернила', 'paper, ink'],
      [1941, 1945],
      'document',
      ['Письмо-треугольник, отправленное домой.', 'A folded triangle letter sent home.']
    ),
    t(
      'Карта района',
      'Map of the district',
      'documents',
      'paper',
      ['бумага, литография', 'paper, lithography'],
      [1900, 1960],
      'document',
      ['Карта с отмеченными сёлами и станциями.', 'A map with villages and stations marked.']
    ),
    t(
      'Книга учёта улова',
      'Catch register',
      'books',
      'paper',
      ['бумага, рукопись', 'paper, manuscript'],
      [1930, 1960],
      'document',
      [
        'Рыболовецкая артель записывала в неё улов.',
        'A fishing cooperative recorded its catch in it.'
      ]
    )
  ],
  photographs: [
    t(
      'Фотография «Строители города»',
      'Photograph “The city’s builders”',
      'photographs',
      'paper',
      ['фотобумага, серебряно-желатиновая печать', 'photographic paper, gelatin silver print'],
      [1932, 1940],
      'photo',
      ['Групповой снимок строителей.', 'A group portrait of builders.']
    ),
    t(
      'Фотография «Пароход на Амуре»',
      'Photograph “A steamer on the Amur”',
      'photographs',
      'paper',
      ['фотобумага, серебряно-желатиновая печать', 'photographic paper, gelatin silver print'],
      [1900, 1930],
      'photo',
      ['Пароход у пристани.', 'A steamer at the pier.']
    ),
    t(
      'Фотография «Выпускники школы»',
      'Photograph “School leavers”',
      'photographs',
      'paper',
      ['фотобумага, печать', 'photographic paper, print'],
      [1950, 1980],
      'photo',
      ['Выпускной класс сельской школы.', 'The leaving class of a village school.']
    )
  ],
  art: [
    t(
      'Этюд «Амурский берег»',
      'Study “The Amur bank”',
      'fine-art',
      'mixed',
      ['холст, масло', 'oil on canvas'],
      [1950, 1990],
      'photo',
      ['Пейзаж местного художника.', 'A landscape by a local painter.']
    ),
    t(
      'Панно декоративное',
      'Decorative panel',
      'decorative-art',
      'wood',
      ['дерево, резьба, роспись', 'wood, carving, painting'],
      [1960, 1990],
      'textile',
      ['Панно с мотивами амурского орнамента.', 'A panel with Amur ornament motifs.']
    ),
    t(
      'Плакат «Даёшь Дальний Восток!»',
      'Poster “Onward to the Far East!”',
      'fine-art',
      'paper',
      ['бумага, офсетная печать', 'paper, offset print'],
      [1930, 1960],
      'document',
      ['Агитационный плакат.', 'A propaganda poster.']
    )
  ],
  numismatics: [
    t(
      'Монета 20 копеек',
      '20-kopeck coin',
      'numismatics',
      'metal',
      ['серебро, чеканка', 'silver, minting'],
      [1900, 1930],
      'coin',
      ['Монета, найденная при раскопках в посёлке.', 'A coin found in a dig in the settlement.']
    ),
    t(
      'Медаль «За трудовую доблесть»',
      'Medal “For Labour Valour”',
      'numismatics',
      'metal',
      ['серебро, чеканка, эмаль', 'silver, minting, enamel'],
      [1940, 1980],
      'coin',
      ['Медаль рабочего судоверфи.', 'A shipyard worker’s medal.']
    )
  ]
};

const themeTags: Record<string, string> = {
  technology: 'техника',
  ethnography: 'этнография',
  household: 'быт',
  documents: 'документы',
  photographs: 'фотографии',
  art: 'искусство',
  numismatics: 'нумизматика'
};

const places = [
  { ru: 'Хабаровск', en: 'Khabarovsk' },
  { ru: 'Комсомольск-на-Амуре', en: 'Komsomolsk-on-Amur' },
  { ru: 'Николаевск-на-Амуре', en: 'Nikolaevsk-on-Amur' },
  { ru: 'Амурск', en: 'Amursk' },
  { ru: 'Советская Гавань', en: 'Sovetskaya Gavan' },
  { ru: 'Бикин', en: 'Bikin' },
  { ru: 'Чегдомын', en: 'Chegdomyn' },
  { ru: 'Вяземский', en: 'Vyazemsky' }
];

interface DemoMuseumPlan {
  museum: string;
  prefix: string;
  count: number;
  themes: string[];
  collections: (CollectionInput & { themes: string[] })[];
}

const plans: DemoMuseumPlan[] = [
  {
    museum: 'industrial-heritage',
    prefix: 'ИТН',
    count: 80,
    themes: ['technology', 'documents', 'photographs'],
    collections: [
      {
        slug: 'retro-technology',
        title: { ru: 'Ретротехника', en: 'Retro technology' },
        themes: ['technology']
      },
      {
        slug: 'plant-archive',
        title: { ru: 'Заводской архив', en: 'The plant’s archive' },
        themes: ['documents', 'photographs']
      }
    ]
  },
  {
    museum: 'grodekov',
    prefix: 'ГКМ',
    count: 90,
    themes: ['ethnography', 'household', 'photographs', 'numismatics', 'documents'],
    collections: [
      {
        slug: 'peoples-of-the-amur',
        title: { ru: 'Народы Приамурья', en: 'Peoples of the Amur' },
        themes: ['ethnography']
      },
      {
        slug: 'settlers-life',
        title: { ru: 'Быт переселенцев', en: 'Settlers’ life' },
        themes: ['household']
      },
      {
        slug: 'photo-archive',
        title: { ru: 'Фотоархив', en: 'Photographic archive' },
        themes: ['photographs', 'documents']
      },
      {
        slug: 'coins-and-medals',
        title: { ru: 'Монеты и медали', en: 'Coins and medals' },
        themes: ['numismatics']
      }
    ]
  },
  {
    museum: 'computer-museum',
    prefix: 'ХКМ',
    count: 30,
    themes: ['technology'],
    collections: [
      {
        slug: 'computing',
        title: { ru: 'Вычислительная техника', en: 'Computing' },
        themes: ['technology']
      }
    ]
  },
  {
    museum: 'komsomolsk-fine-arts',
    prefix: 'КМИИ',
    count: 40,
    themes: ['art', 'photographs'],
    collections: [
      {
        slug: 'painting-and-graphics',
        title: { ru: 'Живопись и графика', en: 'Painting and graphics' },
        themes: ['art']
      }
    ]
  },
  {
    museum: 'victory-museum',
    prefix: 'МП',
    count: 30,
    themes: ['documents', 'numismatics', 'photographs'],
    collections: [
      {
        slug: 'letters-from-the-front',
        title: { ru: 'Фронтовые письма', en: 'Letters from the front' },
        themes: ['documents']
      }
    ]
  },
  {
    museum: 'local-lore-amursk',
    prefix: 'АКМ',
    count: 30,
    themes: ['ethnography', 'household', 'photographs'],
    collections: []
  }
];

/** A small deterministic generator, so every demo start makes the same objects. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface DemoExhibit {
  input: ExhibitInput;
  /** The collection's slug within the museum, if any. */
  collection: string | null;
  drawn: DrawnKind;
}

export interface DemoCollectionPlan {
  museum: string;
  collections: CollectionInput[];
  exhibits: DemoExhibit[];
}

/** What the demo adds to each museum: its collections and its objects, always the same. */
export function demoExhibitPlan(): DemoCollectionPlan[] {
  return plans.map((plan, p) => {
    const random = generator(p + 1);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
    const exhibits: DemoExhibit[] = [];
    for (let n = 1; n <= plan.count; n++) {
      const theme = plan.themes[(n - 1) % plan.themes.length]!;
      const template = pick(templates[theme]!);
      const place = pick(places);
      const span = template.years[1] - template.years[0];
      const from = template.years[0] + Math.floor(random() * span * 0.8);
      const to = Math.min(template.years[1], from + 1 + Math.floor(random() * 10));
      const collection = plan.collections.find((c) => c.themes.includes(theme))?.slug ?? null;
      const decade = Math.floor(from / 10) * 10;
      const size = `${10 + Math.floor(random() * 60)} × ${10 + Math.floor(random() * 40)}`;
      exhibits.push({
        collection,
        drawn: template.drawn,
        input: {
          inventoryNumber: `ДЕМО-${plan.prefix}-${String(n).padStart(4, '0')}`,
          title: { ru: `${template.ru} (${place.ru})`, en: `${template.en} (${place.en})` },
          description: {
            ru: `${template.about.ru} Место: ${place.ru}.\n\nДемонстрационный предмет: он придуман для показа возможностей сайта.`,
            en: `${template.about.en} Place: ${place.en}.\n\nA demonstration object, invented to show what the site can do.`
          },
          dating: {
            ru: from === to ? `${from} г.` : `${from}–${to} гг.`,
            en: from === to ? String(from) : `${from}–${to}`
          },
          yearFrom: from,
          yearTo: to,
          place,
          technique: template.technique,
          material: template.material,
          dimensions: { ru: `${size} см`, en: `${size} cm` },
          category: template.category,
          provenance: {
            ru: `Передан жителем города ${place.ru} в ${Math.min(2023, decade + 40)} г. (демо).`,
            en: `Given by a resident of ${place.en} in ${Math.min(2023, decade + 40)} (demo).`
          },
          tags: ['демо', themeTags[theme] ?? theme, place.ru],
          hall: n % 3 === 0 ? { ru: `Зал ${1 + (n % 4)}`, en: `Hall ${1 + (n % 4)}` } : undefined,
          rights: { statement: 'cc-by', credit: 'Краевед (демо)' }
        }
      });
    }
    return {
      museum: plan.museum,
      collections: plan.collections.map(({ slug, title }) => ({ slug, title })),
      exhibits
    };
  });
}

/** Publishes the demo collections and objects (without pictures) through the staff editor. */
export async function seedDemoExhibits(deps: {
  editor: ExhibitEditor;
  actor: Actor;
  museumIds: Map<string, number>;
}): Promise<number> {
  let published = 0;
  for (const plan of demoExhibitPlan()) {
    const museumId = deps.museumIds.get(plan.museum);
    if (museumId === undefined) continue;
    const collectionIds = new Map<string, number>();
    for (const collection of plan.collections) {
      const saved = await deps.editor.saveCollection(deps.actor, museumId, null, collection);
      if (!saved.ok) throw new Error(`demo collection refused: ${JSON.stringify(saved.errors)}`);
      collectionIds.set(collection.slug, saved.id);
    }
    const ids: number[] = [];
    for (const exhibit of plan.exhibits) {
      const created = await deps.editor.create(deps.actor, museumId, exhibit.input, 'demo');
      if (!created.ok) throw new Error(`demo exhibit refused: ${JSON.stringify(created.errors)}`);
      ids.push(created.id);
    }
    for (const [i, exhibit] of plan.exhibits.entries()) {
      // Each object points at the next two of its kind in the same collection: related objects.
      const neighbours = plan.exhibits
        .map((other, j) => ({ other, id: ids[j]! }))
        .filter(({ other }, j) => j > i && other.collection === exhibit.collection)
        .slice(0, 2)
        .map(({ id }) => id);
      const saved = await deps.editor.save(
        deps.actor,
        museumId,
        ids[i]!,
        {
          ...exhibit.input,
          collectionId: exhibit.collection ? collectionIds.get(exhibit.collection) : null,
          related: neighbours
        },
        'publish'
      );
      if (!saved.ok) throw new Error(`demo exhibit not published: ${JSON.stringify(saved.errors)}`);
      published++;
    }
  }
  return published;
}

/** What each drawing shows, in general words: one drawing serves many objects of its kind. */
const kindLabels: Record<DrawnKind, { ru: string; en: string }> = {
  tool: { ru: 'Инструмент', en: 'A tool' },
  vessel: { ru: 'Сосуд', en: 'A vessel' },
  document: { ru: 'Документ', en: 'A document' },
  photo: { ru: 'Фотография в рамке', en: 'A framed picture' },
  coin: { ru: 'Монета', en: 'A coin' },
  machine: { ru: 'Механизм', en: 'A machine' },
  textile: { ru: 'Изделие из ткани', en: 'A textile' }
};

const palette = ['#8a5a3b', '#4f6d7a', '#6b7b3a', '#7a4f6d', '#9a7b2f', '#3f5f8a'];

/** A drawing of an object of a kind on a plain museum backdrop, marked as a demo drawing. */
export async function drawObject(kind: DrawnKind, variant: number, label: string) {
  const width = 1800;
  const height = 1350;
  const ink = palette[variant % palette.length]!;
  const shapes: Record<DrawnKind, string> = {
    tool: `<rect x="560" y="620" width="700" height="90" rx="40" fill="${ink}"/><rect x="1180" y="520" width="120" height="290" rx="30" fill="#555"/>`,
    vessel: `<path d="M700 420 Q640 520 660 700 Q680 900 900 940 Q1120 900 1140 700 Q1160 520 1100 420 Z" fill="${ink}"/><ellipse cx="900" cy="420" rx="200" ry="40" fill="#00000055"/>`,
    document: `<rect x="620" y="300" width="560" height="760" fill="#efe6d0" stroke="${ink}" stroke-width="8"/>${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<line x1="680" y1="${420 + i * 70}" x2="${1120 - (i % 3) * 60}" y2="${420 + i * 70}" stroke="#55473a" stroke-width="10"/>`).join('')}`,
    photo: `<rect x="480" y="330" width="840" height="620" fill="#f1ece2"/><rect x="530" y="380" width="740" height="520" fill="${ink}"/><path d="M530 780 L760 560 L930 720 L1080 600 L1270 800 L1270 900 L530 900 Z" fill="#00000066"/>`,
    coin: `<circle cx="900" cy="660" r="300" fill="${ink}"/><circle cx="900" cy="660" r="250" fill="none" stroke="#ffffff88" stroke-width="12"/><text x="900" y="700" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="120" fill="#ffffffcc">20</text>`,
    machine: `<rect x="520" y="520" width="760" height="360" rx="24" fill="${ink}"/><circle cx="700" cy="700" r="90" fill="#333"/><rect x="880" y="600" width="320" height="80" fill="#ddd"/><rect x="560" y="880" width="80" height="160" fill="#444"/><rect x="1160" y="880" width="80" height="160" fill="#444"/>`,
    textile: `<path d="M600 320 L1200 320 L1260 1020 L540 1020 Z" fill="${ink}"/>${[0, 1, 2, 3].map((i) => `<path d="M${620 + i * 10} ${460 + i * 150} L${1180 - i * 10} ${460 + i * 150}" stroke="#f5d78e" stroke-width="18" stroke-dasharray="30 20"/>`).join('')}`
  };
  const escape = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<defs><radialGradient id="bg" cx="50%" cy="45%" r="70%"><stop offset="0" stop-color="#f4f1ea"/><stop offset="1" stop-color="#c9c2b4"/></radialGradient></defs>` +
    `<rect width="${width}" height="${height}" fill="url(#bg)"/>` +
    `<ellipse cx="900" cy="1080" rx="520" ry="60" fill="#00000022"/>` +
    shapes[kind] +
    `<text x="900" y="1230" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="44" fill="#333">${escape(label)} · демонстрационный рисунок</text>` +
    `</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

/**
 * Gives the demo objects their pictures, after start-up: draws a few per museum, puts them in the
 * museum's media library, waits for their derivatives and publishes each object again with one.
 */
export async function illustrateDemoExhibits(deps: {
  editor: ExhibitEditor;
  media: MediaLibrary;
  actor: Actor;
  museumIds: Map<string, number>;
  timeoutMs?: number;
}): Promise<void> {
  const { editor, media, actor } = deps;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kraeved-demo-exhibits-'));
  try {
    for (const plan of demoExhibitPlan()) {
      const museumId = deps.museumIds.get(plan.museum);
      if (museumId === undefined) continue;
      const kinds = [...new Set(plan.exhibits.map((e) => e.drawn))];
      const pictures = new Map<string, number>();
      for (const kind of kinds)
        for (const variant of [0, 1]) {
          const label = kindLabels[kind];
          const file = path.join(dir, `${plan.museum}-${kind}-${variant}.jpg`);
          await writeFile(file, await drawObject(kind, variant + kinds.indexOf(kind), label.ru));
          const result = await media.ingest(actor, museumId, {
            path: file,
            fileName: `Демо — ${label.ru} ${variant + 1}.jpg`,
            panorama: false,
            uploadId: `demo-exhibit-${plan.museum}-${kind}-${variant}`
          });
          if (!result.ok) throw new Error(`demo picture refused: ${result.message.en}`);
          await media.describe(actor, museumId, result.assetId, {
            alt: {
              ru: `Рисунок: ${label.ru.toLowerCase()} на светлом фоне`,
              en: `A drawing: ${label.en.toLowerCase()} on a light background`
            },
            caption: {
              ru: 'Демонстрационный рисунок, не фотография',
              en: 'A demo drawing, not a photograph'
            },
            credit: 'Краевед (демо)',
            licence: 'cc-by-4.0',
            focal: null
          });
          pictures.set(`${kind}-${variant}`, result.assetId);
        }
      const deadline = Date.now() + (deps.timeoutMs ?? 300_000);
      for (;;) {
        const assets = await media.assetsOf(museumId, [...pictures.values()]);
        if (assets.every((a) => a.status === 'ready')) break;
        if (assets.some((a) => a.status === 'failed') || Date.now() > deadline)
          throw new Error('the demo pictures were not processed');
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      const listed = await listAll(editor, actor, museumId);
      const byNumber = new Map(listed.map((e) => [e.inventoryNumber, e.id]));
      for (const [n, exhibit] of plan.exhibits.entries()) {
        const id = byNumber.get(String(exhibit.input.inventoryNumber));
        if (id === undefined) continue;
        const { record } = await editor.open(actor, museumId, id);
        if (record.media.length > 0) continue;
        const picture = pictures.get(`${exhibit.drawn}-${n % 2}`)!;
        await editor.save(actor, museumId, id, { ...record, media: [picture] }, 'publish');
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function listAll(editor: ExhibitEditor, actor: Actor, museumId: number) {
  const all: { id: number; inventoryNumber: string }[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await editor.list(actor, museumId, { after, limit: 200 });
    all.push(...page.exhibits);
    if (page.next === null) return all;
    after = page.next;
  }
}
