/**
 * npm run bench:search — the site's search over 1,000,000 generated exhibits, on SQLite and on
 * PostgreSQL (a throwaway cluster like scripts/postgres-throwaway.sh, fsync off).
 *
 * 1. Index build: the exhibits go through SearchIndex.put (the analyzer, then batched upserts in
 *    transactions of 2,000), as the exhibits domain feeds it; time and database size.
 * 2. Search: ≥ 200 one-word and 200 three-word queries (words in inflected forms drawn from the
 *    generator's vocabulary), half of them with a facet filter (category, material, museum or
 *    century), each answered by SearchService.find with the first page, facet counts and the
 *    total, as the search page asks; p50/p95/max. Target p95 ≤ 50 ms.
 * 3. Browse: one category sorted by title, walked page by page (keyset cursors, 20 a page) to
 *    page 1,000; the time of fetching page 1,000 (median of 5). Target ≤ 50 ms.
 *
 * Texts are generated from a vocabulary of the Far East's ethnography, tools, photographs and
 * documents, in Russian with English for half of them; 17 museums, 50 collections, every
 * category and material, years 1700–2020. Deterministic (seeded).
 *
 *   npm run bench:search                        1,000,000 on both
 *   npm run bench:search -- --count 100000      fewer, for trying
 *   npm run bench:search -- --dialect sqlite    one dialect
 *
 * Prints MISSED beside a missed target; exits 0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase, type Database, type Dialect } from '../../src/lib/server/db/connection';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { MuseumRepository } from '../../src/lib/server/museums/repository';
import { MuseumCatalogue } from '../../src/lib/server/museums/catalogue';
import { SearchRepository } from '../../src/lib/server/search/repository';
import { SearchIndex } from '../../src/lib/server/search/index';
import { facetLimit, SearchService } from '../../src/lib/server/search/service';
import type { SearchDocument, SearchQuery } from '../../src/lib/server/search/types';
import {
  exhibitCategories,
  exhibitMaterials,
  type ExhibitCategory
} from '../../src/lib/shared/exhibit';
import {
  heading,
  machine,
  main,
  onCleanup,
  startThrowawayPostgres,
  table,
  tempDir,
  verdict
} from './server';

const TARGET_MS = 50;
/** The cluster's settings for this bench: see docs/PERFORMANCE.md for a production server. */
const pgSettings = '-c shared_buffers=2GB -c work_mem=32MB -c effective_cache_size=8GB';
const QUERIES = 200;
const BATCH = 2000;
const PAGE = 20;
const BROWSE_PAGE = 1000;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const count = Number(option('count') ?? 1_000_000);
const dialects: Dialect[] =
  option('dialect') === 'sqlite'
    ? ['sqlite']
    : option('dialect') === 'postgres'
      ? ['postgres']
      : ['sqlite', 'postgres'];

// -------------------------------------------------------------------------------------------
// The generator: a seeded PRNG and a vocabulary.

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** [nominative, genitive, instrumental or plural — forms a query may use], English. */
const things: [string[], string][] = [
  [['лодка', 'лодки', 'лодкой'], 'boat'],
  [['нож', 'ножа', 'ножи'], 'knife'],
  [['халат', 'халата', 'халаты'], 'robe'],
  [['фотография', 'фотографии', 'фотографией'], 'photograph'],
  [['документ', 'документа', 'документы'], 'document'],
  [['карта', 'карты', 'картой'], 'map'],
  [['сеть', 'сети', 'сетью'], 'net'],
  [['ружьё', 'ружья', 'ружьем'], 'rifle'],
  [['котёл', 'котла', 'котлы'], 'cauldron'],
  [['ковш', 'ковша', 'ковши'], 'ladle'],
  [['короб', 'короба', 'коробом'], 'box'],
  [['шкатулка', 'шкатулки', 'шкатулкой'], 'casket'],
  [['пояс', 'пояса', 'поясом'], 'belt'],
  [['шапка', 'шапки', 'шапкой'], 'hat'],
  [['обувь', 'обуви', 'обувью'], 'footwear'],
  [['рукавицы', 'рукавиц', 'рукавицами'], 'mittens'],
  [['письмо', 'письма', 'письмом'], 'letter'],
  [['открытка', 'открытки', 'открыткой'], 'postcard'],
  [['плакат', 'плаката', 'плакаты'], 'poster'],
  [['медаль', 'медали', 'медалью'], 'medal'],
  [['монета', 'монеты', 'монетой'], 'coin'],
  [['орден', 'ордена', 'орденом'], 'order'],
  [['икона', 'иконы', 'иконой'], 'icon'],
  [['книга', 'книги', 'книгой'], 'book'],
  [['газета', 'газеты', 'газетой'], 'newspaper'],
  [['топор', 'топора', 'топоры'], 'axe'],
  [['гарпун', 'гарпуна', 'гарпуны'], 'harpoon'],
  [['весло', 'весла', 'веслом'], 'oar'],
  [['нарты', 'нарт', 'нартами'], 'sledge'],
  [['лыжи', 'лыж', 'лыжами'], 'skis'],
  [['бубен', 'бубна', 'бубном'], 'drum'],
  [['маска', 'маски', 'маской'], 'mask'],
  [['идол', 'идола', 'идолы'], 'idol'],
  [['серьги', 'серег', 'серьгами'], 'earrings'],
  [['браслет', 'браслета', 'браслеты'], 'bracelet'],
  [['самовар', 'самовара', 'самоваром'], 'samovar'],
  [['часы', 'часов', 'часами'], 'clock'],
  [['фотоаппарат', 'фотоаппарата', 'фотоаппаратом'], 'camera'],
  [['телеграф', 'телеграфа', 'телеграфом'], 'telegraph'],
  [['паровоз', 'паровоза', 'паровозом'], 'locomotive'],
  [['якорь', 'якоря', 'якорем'], 'anchor'],
  [['компас', 'компаса', 'компасом'], 'compass'],
  [['чертёж', 'чертежа', 'чертежи'], 'drawing'],
  [['удостоверение', 'удостоверения', 'удостоверением'], 'certificate'],
  [['грамота', 'грамоты', 'грамотой'], 'diploma'],
  [['альбом', 'альбома', 'альбомом'], 'album'],
  [['негатив', 'негатива', 'негативы'], 'negative'],
  [['ковёр', 'ковра', 'ковры'], 'carpet'],
  [['посуда', 'посуды', 'посудой'], 'tableware'],
  [['чаша', 'чаши', 'чашей'], 'bowl']
];
const adjectives: [string[], string][] = [
  [['нанайский', 'нанайского', 'нанайские'], 'Nanai'],
  [['удэгейский', 'удэгейского', 'удэгейские'], 'Udege'],
  [['ульчский', 'ульчского', 'ульчские'], 'Ulch'],
  [['нивхский', 'нивхского', 'нивхские'], 'Nivkh'],
  [['эвенкийский', 'эвенкийского', 'эвенкийские'], 'Evenk'],
  [['орочский', 'орочского', 'орочские'], 'Oroch'],
  [['старинный', 'старинного', 'старинные'], 'old'],
  [['резной', 'резного', 'резные'], 'carved'],
  [['расписной', 'расписного', 'расписные'], 'painted'],
  [['охотничий', 'охотничьего', 'охотничьи'], 'hunting'],
  [['рыболовный', 'рыболовного', 'рыболовные'], 'fishing'],
  [['праздничный', 'праздничного', 'праздничные'], 'festive'],
  [['обрядовый', 'обрядового', 'обрядовые'], 'ritual'],
  [['военный', 'военного', 'военные'], 'military'],
  [['купеческий', 'купеческого', 'купеческие'], "merchant's"],
  [['казачий', 'казачьего', 'казачьи'], 'Cossack'],
  [['железнодорожный', 'железнодорожного', 'железнодорожные'], 'railway'],
  [['речной', 'речного', 'речные'], 'river'],
  [['детский', 'детского', 'детские'], "children's"],
  [['женский', 'женского', 'женские'], "women's"]
];
const places: [string[], string][] = [
  [['Хабаровск', 'Хабаровска', 'Хабаровске'], 'Khabarovsk'],
  [['Амур', 'Амура', 'Амуре'], 'the Amur'],
  [['Николаевск', 'Николаевска', 'Николаевске'], 'Nikolaevsk'],
  [['Комсомольск', 'Комсомольска', 'Комсомольске'], 'Komsomolsk'],
  [['Уссури', 'Уссури', 'Уссури'], 'the Ussuri'],
  [['Сахалин', 'Сахалина', 'Сахалине'], 'Sakhalin'],
  [['Охотск', 'Охотска', 'Охотске'], 'Okhotsk'],
  [['Бикин', 'Бикина', 'Бикине'], 'Bikin'],
  [['Анюй', 'Анюя', 'Анюе'], 'the Anyuy'],
  [['Вяземский', 'Вяземского', 'Вяземском'], 'Vyazemsky'],
  [['Аян', 'Аяна', 'Аяне'], 'Ayan'],
  [['Ванино', 'Ванино', 'Ванино'], 'Vanino']
];
const verbs = [
  ['найден', 'found'],
  ['передан в дар', 'donated'],
  ['приобретён', 'acquired'],
  ['изготовлен', 'made'],
  ['использовался', 'used'],
  ['хранился', 'kept']
];
const who = [
  ['мастером', 'by a craftsman'],
  ['экспедицией', 'by an expedition'],
  ['семьёй', 'by a family'],
  ['краеведом', 'by a local historian'],
  ['рыбаками', 'by fishermen'],
  ['охотниками', 'by hunters'],
  ['фотографом', 'by a photographer'],
  ['учителем', 'by a teacher']
];

const pick = <T>(r: () => number, list: readonly T[]): T =>
  list[Math.floor(r() * list.length)] as T;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function exhibitDoc(n: number, museums: { id: number; slug: string }[]): SearchDocument {
  const r = prng(n * 2654435761);
  const [thing, thingEn] = pick(r, things);
  const [adj, adjEn] = pick(r, adjectives);
  const [place, placeEn] = pick(r, places);
  const [place2] = pick(r, places);
  const [thing2, thing2En] = pick(r, things);
  const [verb, verbEn] = pick(r, verbs);
  const [by, byEn] = pick(r, who);
  const year = 1700 + Math.floor(r() * 321);
  const museum = museums[n % museums.length] ?? { id: 1, slug: 'museum-1' };
  const english = r() < 0.5;
  const category = exhibitCategories[Math.floor(r() * exhibitCategories.length)] ?? 'other';
  const material =
    r() < 0.9 ? (exhibitMaterials[Math.floor(r() * exhibitMaterials.length)] ?? null) : null;
  const titleRu = `${cap(adj[0] ?? '')} ${thing[0]}`;
  const bodyRu =
    `${cap(thing[0] ?? '')} ${verb} ${by} в ${place[2]} в ${year} году. ` +
    `Вместе с ним хранятся ${thing2[2]} из ${place2[1]}. ` +
    `Предмет ${adj[1]} быта, ${thing2[1]} ${adj[2]}; поступил из ${place[1]}.`;
  const bodyEn = english
    ? `A ${adjEn} ${thingEn} ${verbEn} ${byEn} in ${placeEn} in ${year}, kept with a ${thing2En}.`
    : '';
  return {
    kind: 'exhibit',
    refId: n,
    museumId: museum.id,
    path: `/museums/${museum.slug}/exhibits/${n}`,
    title: { ru: titleRu, en: english ? `${cap(adjEn)} ${thingEn}` : '' },
    summary: { ru: `КП-${10000 + n}/${n % 13}, ${year} г.`, en: english ? `${year}` : '' },
    body: { ru: bodyRu, en: bodyEn },
    imageAssetId: r() < 0.7 ? n : null,
    exhibit: {
      collectionId: (n % 50) + 1,
      category,
      material,
      yearFrom: year,
      yearTo: r() < 0.5 ? Math.min(2020, year + Math.floor(r() * 30)) : null
    },
    date: `20${10 + (n % 16)}-0${1 + (n % 9)}-1${n % 10}`
  };
}

/** Words a visitor types: inflected forms of the vocabulary, Russian and (a fifth) English. */
function queryWords(r: () => number, k: number): string {
  const words: string[] = [];
  const lists = [things, adjectives, places];
  while (words.length < k) {
    const [forms, en] = pick(r, pick(r, lists));
    words.push(r() < 0.2 ? (en.split(' ').pop() ?? en) : pick(r, forms));
  }
  return words.join(' ');
}

function facetFilter(r: () => number, museums: string[]): Partial<SearchQuery> {
  const which = Math.floor(r() * 8);
  if (which === 0) return { categories: [pick(r, exhibitCategories)] };
  if (which === 1) return { materials: [pick(r, exhibitMaterials)] };
  if (which === 2) return { museums: [pick(r, museums)] };
  if (which === 3) {
    const c = 18 + Math.floor(r() * 4);
    return { yearFrom: (c - 1) * 100 + 1, yearTo: c * 100 };
  }
  return {};
}

// -------------------------------------------------------------------------------------------

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const ms = (v: number) => `${v.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function databaseSize(database: Database, file: string | null): Promise<number> {
  if (database.dialect === 'sqlite' && file) {
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(database.db);
    return ['', '-wal', '-shm']
      .map((s) => (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0))
      .reduce((a, b) => a + b, 0);
  }
  const { rows } = await sql<{
    size: string;
  }>`SELECT pg_database_size(current_database()) AS size`.execute(database.db);
  return Number(rows[0]?.size ?? 0);
}

interface Figures {
  dialect: Dialect;
  buildMs: number;
  size: number;
  one: number[];
  three: number[];
  oneHits: number;
  threeHits: number;
  page1000: number;
  walkMs: number;
  browseTotal: string;
}

async function run(dialect: Dialect): Promise<Figures> {
  heading(`${dialect}: ${count.toLocaleString('en')} exhibits`);
  let file: string | null = null;
  let database: Database;
  if (dialect === 'sqlite') {
    file = path.join(tempDir('search'), 'kraeved.sqlite');
    database = await openDatabase({ kind: 'sqlite', file });
  } else {
    // The index (1.6 GB) fits in shared buffers, as it would on a server sized for it.
    database = await openDatabase({
      kind: 'postgres',
      url: startThrowawayPostgres(pgSettings)
    });
  }
  onCleanup(() => void database.close());
  await migrateToLatest(database);

  const catalogue = new MuseumCatalogue(new MuseumRepository(database.db));
  const museums: { id: number; slug: string }[] = [];
  for (let i = 1; i <= 17; i++) {
    const slug = `bench-museum-${i}`;
    const saved = await catalogue.create({
      slug,
      membership: 'member',
      status: 'active',
      ownership: 'municipal',
      profile: 'local_lore',
      name: { ru: `Музей ${i}`, en: `Museum ${i}` },
      timeZone: 'Asia/Vladivostok'
    });
    if (!saved.ok) throw new Error(`museum not saved: ${JSON.stringify(saved.errors)}`);
    museums.push({ id: saved.id, slug });
  }

  const repository = new SearchRepository(database.db, dialect);
  const index = new SearchIndex(repository);
  const service = new SearchService(repository);

  const buildStart = performance.now();
  let lastReport = buildStart;
  for (let from = 1; from <= count; from += BATCH) {
    const docs: SearchDocument[] = [];
    for (let n = from; n < Math.min(count + 1, from + BATCH); n++)
      docs.push(exhibitDoc(n, museums));
    await index.put(docs);
    if (performance.now() - lastReport > 15_000) {
      lastReport = performance.now();
      const done = from + docs.length - 1;
      console.log(
        `  ${done.toLocaleString('en')} indexed, ${((lastReport - buildStart) / 1000).toFixed(0)} s`
      );
    }
  }
  if (dialect === 'postgres') await sql`VACUUM ANALYZE search_entries`.execute(database.db);
  else await sql`ANALYZE`.execute(database.db);
  const buildMs = performance.now() - buildStart;
  const size = await databaseSize(database, file);
  console.log(`  index built in ${(buildMs / 1000).toFixed(1)} s; database ${mb(size)}`);

  const slugs = museums.map((m) => m.slug);
  const base: SearchQuery = { q: '', locale: 'ru', sort: 'relevance', limit: PAGE };
  const measure = async (words: number, seed: number) => {
    const r = prng(seed);
    const times: number[] = [];
    let hits = 0;
    // A few unmeasured queries first: the first ones pay for caches and query plans.
    for (let i = 0; i < 10; i++) await service.find({ ...base, q: queryWords(r, words) });
    for (let i = 0; i < QUERIES; i++) {
      const query = { ...base, q: queryWords(r, words), ...facetFilter(r, slugs) };
      const [result, t] = await timed(() => service.find(query));
      times.push(t);
      hits += result.total;
    }
    return { times: times.sort((a, b) => a - b), meanHits: Math.round(hits / QUERIES) };
  };
  const one = await measure(1, 11);
  const three = await measure(3, 33);

  // Browse: one category by title, walked by its cursors to page 1,000.
  const category: ExhibitCategory = 'photographs';
  const browse: SearchQuery = { ...base, sort: 'title', categories: [category] };
  const walkStart = performance.now();
  let after: string | undefined;
  let total = '';
  let reached = 1;
  for (; reached < BROWSE_PAGE; reached++) {
    const result = await service.find({ ...browse, after });
    total = result.totalIsBounded ? `${facetLimit}+` : String(result.total);
    if (!result.next) break;
    after = result.next;
  }
  const walkMs = performance.now() - walkStart;
  const pageTimes: number[] = [];
  for (let i = 0; i < 5; i++)
    pageTimes.push((await timed(() => service.find({ ...browse, after })))[1]);
  pageTimes.sort((a, b) => a - b);
  if (reached < BROWSE_PAGE) console.log(`  (the category has only ${reached} pages)`);
  await database.close();
  return {
    dialect,
    buildMs,
    size,
    one: one.times,
    three: three.times,
    oneHits: one.meanHits,
    threeHits: three.meanHits,
    page1000: pageTimes[2] ?? 0,
    walkMs,
    browseTotal: total
  };
}

function report(figures: Figures[]): void {
  heading('index');
  table(
    ['dialect', 'exhibits', 'build', 'per 1,000', 'database'],
    figures.map((f) => [
      f.dialect,
      count.toLocaleString('en'),
      `${(f.buildMs / 1000).toFixed(1)} s`,
      ms(f.buildMs / (count / 1000)),
      mb(f.size)
    ])
  );
  heading(
    `search: ${QUERIES} queries each, half with a facet filter; page of ${PAGE}, facets, total`
  );
  table(
    ['dialect', 'words', 'mean total', 'p50', 'p95', 'max', `p95 ≤ ${TARGET_MS} ms`],
    figures.flatMap((f) =>
      (
        [
          [1, f.one, f.oneHits],
          [3, f.three, f.threeHits]
        ] as const
      ).map(([words, times, hits]) => [
        f.dialect,
        String(words),
        String(hits),
        ms(percentile(times, 50)),
        ms(percentile(times, 95)),
        ms(times[times.length - 1] ?? 0),
        verdict(percentile(times, 95) <= TARGET_MS)
      ])
    )
  );
  heading(`browse: category "photographs" by title, page ${BROWSE_PAGE} by keyset cursor`);
  table(
    ['dialect', 'total', 'walk to page', `page ${BROWSE_PAGE}`, `≤ ${TARGET_MS} ms`],
    figures.map((f) => [
      f.dialect,
      f.browseTotal,
      `${(f.walkMs / 1000).toFixed(1)} s`,
      ms(f.page1000),
      verdict(f.page1000 <= TARGET_MS)
    ])
  );
}

main(async () => {
  console.log(`bench:search — ${machine()}`);
  const figures: Figures[] = [];
  for (const dialect of dialects) {
    figures.push(await run(dialect));
    // Each dialect's figures as soon as they are known: the second may take as long again.
    if (dialects.length > 1) report(figures.slice(-1));
  }
  console.log(`\nload average at the end: ${machine()}`);
  report(figures);
});
