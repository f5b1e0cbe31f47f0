/**
 * npm run bench:panorama — the largest panorama the library accepts, 16384×8192 (134 MP), tiled
 * by derivePanorama in a child process held to a memory limit: the V8 heap capped with
 * --max-old-space-size, and the whole process (libvips' pixel buffers live outside the heap)
 * watched through /proc and killed the moment its resident memory passes the limit. The child
 * reports its peak (VmHWM); a killed child is a MISSED target.
 *
 * Input: the shared real panorama (/work/shared/data/panoramas/outdoor-4096x2048.jpg, a
 * photograph) upscaled with sharp to 16384×8192, JPEG q85: real-photo detail, so the encoder and
 * the tile sizes behave as with a camera's file.
 *
 * Run as `tsx scripts/bench/panorama-memory.ts --child <source> <storage dir>` it is the child.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { derivePanorama } from '../../src/lib/server/media/derive';
import { createStorage } from '../../src/lib/server/storage';
import {
  heading,
  machine,
  mainOrChild,
  onCleanup,
  reportMissed,
  table,
  tempDir,
  verdict
} from './server';

const PANORAMA = '/work/shared/data/panoramas/outdoor-4096x2048.jpg';
const WIDTH = 16384;
/** The worker's budget: the 24 MP photo target of bench:media, with room for 5.6× the pixels. */
const RSS_LIMIT_MB = 1024;
const HEAP_LIMIT_MB = 256;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** A process's resident memory now and at its peak, in bytes, from /proc (Linux). */
function memoryOf(pid: number | 'self'): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const read = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
    return { rss: read('VmRSS'), peak: read('VmHWM') };
  } catch {
    return null;
  }
}

interface ChildReport {
  peak: number;
  ms: number;
  levels: string;
  tiles: number;
  killed: boolean;
}

function tileInChild(
  source: string,
  dir: string,
  env: Record<string, string>
): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(import.meta.url);
    const args = [
      `--max-old-space-size=${HEAP_LIMIT_MB}`,
      '--import',
      'tsx',
      script,
      '--child',
      source,
      dir
    ];
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit']
    });
    const forget = onCleanup(() => child.kill('SIGKILL'));
    let killed = false;
    let watchedPeak = 0;
    const watch = setInterval(() => {
      const memory = child.pid ? memoryOf(child.pid) : null;
      if (!memory) return;
      watchedPeak = Math.max(watchedPeak, memory.peak);
      if (memory.rss > RSS_LIMIT_MB * 1024 * 1024) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 20);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(watch);
      forget();
      if (killed) return resolve({ peak: watchedPeak, ms: 0, levels: '', tiles: 0, killed });
      if (code !== 0) return reject(new Error(`the tiling child exited with ${code}: ${out}`));
      resolve({ ...(JSON.parse(out.trim().split('\n').pop()!) as ChildReport), killed });
    });
  });
}

async function child([source, dir]: string[]): Promise<void> {
  const storage = await createStorage({ kind: 'disk', root: dir! });
  const started = performance.now();
  const { tiles } = await derivePanorama(source!, storage, 'museums/1/media/large');
  const ms = performance.now() - started;
  const report: Omit<ChildReport, 'killed'> = {
    peak: memoryOf('self')!.peak,
    ms,
    levels: tiles.levels.map((l) => `${l.width} (${l.cols}×${l.rows})`).join(', '),
    tiles: tiles.levels.reduce((sum, l) => sum + l.cols * l.rows, 0)
  };
  console.log(JSON.stringify(report));
}

async function bench(): Promise<void> {
  console.log(`bench:panorama — ${new Date().toISOString()} — ${machine()}`);
  if (!fs.existsSync(PANORAMA)) throw new Error(`${PANORAMA} is missing`);
  const work = tempDir('panorama');
  const source = path.join(work, `panorama-${WIDTH}x${WIDTH / 2}.jpg`);
  await sharp(PANORAMA)
    .resize(WIDTH, WIDTH / 2, { kernel: 'lanczos3' })
    .jpeg({ quality: 85 })
    .toFile(source);
  console.log(
    `source: ${WIDTH}×${WIDTH / 2} upscale of ${path.basename(PANORAMA)}, ${mb(fs.statSync(source).size)}`
  );

  heading(
    `derivePanorama in a child: heap ≤ ${HEAP_LIMIT_MB} MB, killed above ${RSS_LIMIT_MB} MB resident`
  );
  const rows: string[][] = [];
  const missed: string[] = [];
  for (const [label, env] of [
    ['node --import tsx', {}],
    ['MALLOC_ARENA_MAX=2', { MALLOC_ARENA_MAX: '2' }]
  ] as const) {
    const dir = path.join(work, `storage-${rows.length}`);
    const report = await tileInChild(source, dir, env);
    if (report.killed) missed.push(`16384×8192 panorama (${label})`);
    rows.push([
      label,
      report.killed ? `killed above ${RSS_LIMIT_MB} MB` : mb(report.peak),
      report.killed ? '—' : `${(report.ms / 1000).toFixed(1)} s`,
      report.killed ? '—' : `${report.tiles}: ${report.levels}`,
      `≤ ${RSS_LIMIT_MB} MB`,
      verdict(!report.killed)
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  table(['process', 'peak RSS (VmHWM)', 'time', 'tiles', 'target', ''], rows);
  console.log(`(the source decoded whole, as 8-bit RGB, would be ${mb(WIDTH * (WIDTH / 2) * 3)})`);
  reportMissed(missed);
}

mainOrChild(bench, { '--child': child });
