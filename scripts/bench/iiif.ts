/**
 * npm run bench:iiif — IIIF Image API 3 level-0 tiles for deep zoom, on a real photograph:
 *
 * 1. deriveDeepZoom on a 24 MP JPEG (6000×4000) into DiskStorage, as the 'media.iiif' job runs
 *    it: median, min and max of 3 runs, wall clock and CPU time. Target ≤ 5 s.
 * 2. What it made: levels, tiles, bytes, the whole-image sizes.
 * 3. Peak memory (VmHWM) of a fresh process tiling the photo once.
 *
 * The photograph is Debian's mate-backgrounds Elephants_5640x3172.jpg, scaled and cut to
 * 6000×4000 (see photo6000x4000). Prints MISSED beside a missed target and exits 0.
 *
 * Run as `tsx scripts/bench/iiif.ts --peak-memory <image> <storage dir>` it is the child of step 3.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveDeepZoom } from '../../src/lib/server/media/iiif';
import type { DeepZoomTiles } from '../../src/lib/server/media/types';
import { createStorage } from '../../src/lib/server/storage';
import {
  heading,
  kb,
  machine,
  mainOrChild,
  onCleanup,
  peakRss,
  photo6000x4000,
  table,
  tempDir,
  verdict
} from './server';

const RUNS = 3;
const TARGET_MS = 5000;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function tile(image: string, dir: string): Promise<DeepZoomTiles> {
  const storage = await createStorage({ kind: 'disk', root: dir });
  try {
    return await deriveDeepZoom(image, storage, 'museums/1/media/bench/iiif');
  } finally {
    await storage.close();
  }
}

async function peakMemoryChild([image, dir]: string[]): Promise<void> {
  await tile(image!, dir!);
  console.log(peakRss());
}

function peakOfFreshProcess(image: string, dir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--peak-memory', image, dir],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    );
    const forget = onCleanup(() => child.kill('SIGKILL'));
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      forget();
      if (code !== 0) return reject(new Error(`the memory child exited with ${code}: ${out}`));
      resolve(Number(out.trim().split('\n').pop()));
    });
  });
}

async function bench(): Promise<void> {
  console.log(`bench:iiif — ${new Date().toISOString()} — ${machine()}`);
  const work = tempDir('iiif');
  const photo = await photo6000x4000(work);

  heading('deriveDeepZoom, 6000×4000 JPEG → IIIF level-0 tiles of 512 px (JPEG q80) on disk');
  const rows: string[][] = [];
  const times: number[] = [];
  let made: DeepZoomTiles | undefined;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    made = await tile(photo, path.join(work, `run-${run}`));
    const ms = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    times.push(ms);
    rows.push([String(run + 1), seconds(ms), seconds((user + system) / 1000)]);
  }
  table(['run', 'wall clock', 'CPU (all threads)'], rows);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `median ${seconds(median)} (min ${seconds(sorted[0]!)}, max ${seconds(sorted.at(-1)!)}) — target ≤ ${seconds(TARGET_MS)}: ${verdict(median <= TARGET_MS)}`
  );

  heading('what one run made');
  const tiles = made!;
  table(
    ['scale factor', 'level size', 'tiles'],
    tiles.scaleFactors.map((s) => {
      const w = Math.ceil(tiles.width / s);
      const h = Math.ceil(tiles.height / s);
      return [
        String(s),
        `${w}×${h}`,
        String(Math.ceil(w / tiles.tileSize) * Math.ceil(h / tiles.tileSize))
      ];
    })
  );
  console.log(
    `${tiles.files} files, ${mb(tiles.bytes)} (${kb(tiles.bytes / tiles.files)} a tile on average); whole-image sizes: ${tiles.sizes.map((s) => `${s.width}×${s.height}`).join(', ')}`
  );

  heading('peak memory (VmHWM) of a fresh process tiling the photo once');
  const peak = await peakOfFreshProcess(photo, path.join(work, 'memory'));
  console.log(`peak RSS ${mb(peak)} (node, tsx and libvips included)`);
}

mainOrChild(bench, { '--peak-memory': peakMemoryChild });
