/**
 * npm run bench:import — 100,000 rows of a Windows-1251 CSV inventory imported into one museum,
 * on SQLite and on PostgreSQL (a throwaway cluster like scripts/postgres-throwaway.sh).
 *
 * Each dialect runs in a child process of its own, so its peak memory (VmHWM) is its own. In
 * it: the file is staged (encoding detected, headers recognised), previewed (every row read,
 * checked against the museum and its preview row written), then the `exhibits.import` job runs
 * (every row checked again and written in batches of 500, one transaction each, as published
 * versions). Rows have twelve columns, a description of a few sentences, a category and a
 * material given in words; 1 % are invalid (no title). Targets: preview + run ≤ 60 s,
 * peak RSS ≤ 500 MB.
 *
 *   npm run bench:import                        100,000 rows on both
 *   npm run bench:import -- --rows 20000        fewer, for trying
 *   npm run bench:import -- --dialect sqlite    one dialect
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { openDatabase, type Dialect } from '../../src/lib/server/db/connection';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { JobRepository } from '../../src/lib/server/jobs/repository';
import { JobQueue } from '../../src/lib/server/jobs/queue';
import { MediaRepository } from '../../src/lib/server/media/repository';
import { MediaLibrary } from '../../src/lib/server/media/library';
import { ExhibitImporter } from '../../src/lib/server/exhibits/import/importer';
import { ImportRepository } from '../../src/lib/server/exhibits/import/repository';
import { createStorage } from '../../src/lib/server/storage';
import {
  heading,
  machine,
  main,
  peakRss,
  startThrowawayPostgres,
  table,
  tempDir,
  verdict
} from './server';
import { benchMuseum } from './bench-museum';

const TARGET_MS = 60_000;
const TARGET_RSS = 500 * 1024 * 1024;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const rows = Number(option('rows') ?? 100_000);

interface Figures {
  dialect: Dialect;
  rows: number;
  fileBytes: number;
  stageMs: number;
  previewMs: number;
  runMs: number;
  counts: Record<string, number>;
  peakRss: number;
}

const categories = ['фото', 'Этнография', 'предметы быта', 'Документы', 'нумизматика', 'ДПИ'];
const techniques = [
  'дерево, резьба',
  'бумага, фотопечать',
  'кожа, дерево',
  'медь, чеканка',
  'береста, тиснение',
  'ткань, вышивка'
];
const words = [
  'ковш',
  'бубен',
  'пристань',
  'пароход',
  'открытка',
  'халат',
  'туес',
  'монета',
  'письмо',
  'карта',
  'нарты',
  'лук'
];

/** The inventory, written a line at a time in Windows-1251 as museum software exports it. */
async function writeInventory(file: string, count: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (line: string) =>
    out.write(iconv.encode(`${line}\r\n`, 'windows-1251'))
      ? Promise.resolve()
      : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write(
    'Инв. №;Наименование;Датировка;Год от/до;Материал, техника;Размеры;Автор;Место создания;Категория;Описание;Теги;Изображение'
  );
  for (let i = 1; i <= count; i++) {
    const word = words[i % words.length] ?? 'предмет';
    const year = 1850 + (i % 170);
    const title = i % 100 === 0 ? '' : `${word[0]?.toUpperCase()}${word.slice(1)} № ${i}`;
    const description = `"Предмет ${i} из собрания музея; ${word} поступил в ${year + 20} году. Хорошая сохранность, следы использования. Экспонировался на выставке ""Быт Приамурья""."`;
    await write(
      [
        `ХКМ КП-${i}`,
        title,
        `${year} г.`,
        `${year}–${year + 5}`,
        techniques[i % techniques.length],
        `${10 + (i % 40)} × ${20 + (i % 30)} см`,
        i % 3 === 0 ? 'неизвестный мастер' : '',
        'Хабаровск',
        categories[i % categories.length],
        description,
        `${word}, Приамурье`,
        ''
      ].join(';')
    );
  }
  await new Promise((resolve) => out.end(resolve));
  return fs.statSync(file).size;
}

async function runOne(
  dialect: Dialect,
  count: number,
  databaseUrl: string | undefined
): Promise<Figures> {
  const dir = tempDir('kraeved-bench-import-');
  const database = await openDatabase(
    dialect === 'sqlite'
      ? { kind: 'sqlite', file: path.join(dir, 'kraeved.sqlite') }
      : { kind: 'postgres', url: databaseUrl ?? '' }
  );
  await migrateToLatest(database);
  const db = database.db;
  const { museumId, actor, staff } = await benchMuseum(db);
  const clock = () => new Date();
  const storage = await createStorage({ kind: 'disk', root: path.join(dir, 'store') });
  const queue = new JobQueue(new JobRepository(db, dialect), clock);
  const media = new MediaLibrary({
    repository: new MediaRepository(db),
    storage,
    queue,
    staff,
    clock,
    limits: { maxUploadBytes: 100 * 1024 * 1024, maxImagePixels: 50_000_000 },
    findUsages: async () => []
  });
  const importer = new ExhibitImporter({
    imports: new ImportRepository(db),
    media,
    storage,
    queue,
    staff,
    clock
  });

  const file = path.join(dir, 'inventory.csv');
  const fileBytes = await writeInventory(file, count);
  let start = performance.now();
  const staged = await importer.stage(actor, museumId, { path: file, fileName: 'опись.csv' }, null);
  if (!staged.ok) throw new Error(staged.message.en);
  const opened = await importer.open(actor, museumId, staged.id);
  const stageMs = performance.now() - start;
  start = performance.now();
  const previewed = await importer.preview(actor, museumId, staged.id, {
    mapping: opened.mapping.map((f) => f ?? '')
  });
  if (!previewed.ok) throw new Error(`missing ${previewed.missing.join(', ')}`);
  const previewMs = performance.now() - start;
  await importer.start(actor, museumId, staged.id);
  start = performance.now();
  await importer.run(staged.id, { attempt: 1, lastAttempt: true });
  const runMs = performance.now() - start;
  const progress = await importer.progress(actor, museumId, staged.id);
  if (progress.status !== 'done')
    throw new Error(`the import ended ${progress.status}: ${progress.error}`);
  await storage.close();
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    dialect,
    rows: count,
    fileBytes,
    stageMs,
    previewMs,
    runMs,
    counts: { ...progress.counts },
    peakRss: peakRss()
  };
}

/** Runs one dialect in a child process, so its peak memory is measured alone. */
function inChild(dialect: Dialect, databaseUrl?: string): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, process.argv[1] ?? '', '--child', dialect, '--rows', String(rows)],
      {
        env: { ...process.env, ...(databaseUrl && { BENCH_DATABASE_URL: databaseUrl }) },
        stdio: ['ignore', 'pipe', 'inherit']
      }
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('FIGURES '));
      if (code !== 0 || !line) reject(new Error(`the ${dialect} run failed (${code}): ${out}`));
      else resolve(JSON.parse(line.slice('FIGURES '.length)) as Figures);
    });
  });
}

const child = option('child');
if (child === 'sqlite' || child === 'postgres') {
  main(async () => {
    const figures = await runOne(child, rows, process.env.BENCH_DATABASE_URL);
    process.stdout.write(`FIGURES ${JSON.stringify(figures)}\n`);
  });
} else {
  main(async () => {
    const only = option('dialect');
    const dialects: Dialect[] =
      only === 'sqlite' || only === 'postgres' ? [only] : ['sqlite', 'postgres'];
    heading(`bench:import — ${rows.toLocaleString('en')} CSV rows (Windows-1251) into one museum`);
    console.log(machine());
    const results: Figures[] = [];
    for (const dialect of dialects)
      results.push(
        await inChild(dialect, dialect === 'postgres' ? startThrowawayPostgres() : undefined)
      );
    const s = (v: number) => `${(v / 1000).toFixed(1)} s`;
    table(
      [
        'dialect',
        'file',
        'stage',
        'preview',
        'run (job)',
        'preview + run',
        'rows/s',
        'peak RSS',
        'verdict'
      ],
      results.map((f) => {
        const total = f.previewMs + f.runMs;
        return [
          f.dialect,
          `${(f.fileBytes / 1024 / 1024).toFixed(1)} MB`,
          s(f.stageMs),
          s(f.previewMs),
          s(f.runMs),
          s(total),
          Math.round(f.rows / (total / 1000)).toLocaleString('en'),
          `${Math.round(f.peakRss / 1024 / 1024)} MB`,
          verdict(total <= TARGET_MS && f.peakRss <= TARGET_RSS)
        ];
      })
    );
    for (const f of results) console.log(`${f.dialect}: ${JSON.stringify(f.counts)}`);
  });
}
