/**
 * Shared helpers for the benchmarks in scripts/bench/: build the app when needed, start the
 * production server (`node server.js`) on a free loopback port with a fresh SQLite data directory,
 * wait for /healthz, and stop it again, also on Ctrl-C and on errors.
 *
 * Benchmarks print figures; they never fail CI. Everything here targets 127.0.0.1 only.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The app that is built and measured: this checkout, or BENCH_APP_DIR (e.g. a `git archive` of
 * another commit with node_modules linked in) to compare two versions with the same benches.
 */
export const appDir = process.env.BENCH_APP_DIR ? path.resolve(process.env.BENCH_APP_DIR) : root;
export const host = '127.0.0.1';

/** The pages the benchmarks look at; industrial-heritage is the museum with the longest text. */
export const museumPath = '/museums/grodekov';
export const longMuseumPath = '/museums/industrial-heritage';

// ---------------------------------------------------------------------------------------------
// Clean-up of everything a benchmark started, whichever way it ends.

const cleanups = new Set<() => void>();

/** Registers a synchronous clean-up that runs on exit, Ctrl-C, SIGTERM or an uncaught error. */
export function onCleanup(fn: () => void): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

function runCleanups(): void {
  for (const fn of [...cleanups].reverse()) {
    try {
      fn();
    } catch {
      // best effort: the process is ending anyway
    }
  }
  cleanups.clear();
}

process.on('exit', runCleanups);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers this benchmark started`);
    runCleanups();
    process.exit(130);
  });
}

/** Runs a benchmark's main function: prints an error and exits 1 only if it crashed. */
export function main(fn: () => Promise<void>): void {
  fn().then(
    () => {
      runCleanups();
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`\nbenchmark failed: ${error instanceof Error ? error.stack : String(error)}`);
      runCleanups();
      process.exit(1);
    }
  );
}

/** The last lines of a benchmark: the machine's load by then, and the targets it missed. */
export function reportMissed(missed: string[]): void {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(`\nload average at the end: ${load}`);
  console.log(missed.length ? `MISSED: ${missed.join(', ')}` : 'all targets met');
}

/**
 * A benchmark script that is also its own child process: run with one of `children`'s flags it
 * does that child's work with the remaining arguments (exiting 1 on an error), else the benchmark.
 */
export function mainOrChild(
  bench: () => Promise<void>,
  children: Record<string, (args: string[]) => Promise<void>>
): void {
  const child = children[process.argv[2] ?? ''];
  if (!child) return main(bench);
  child(process.argv.slice(3)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

// ---------------------------------------------------------------------------------------------
// Temporary directories, ports, child processes.

/** A fresh directory under the system temp dir, removed when the benchmark ends. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kraeved-bench-${prefix}-`));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Kills a child process and waits (up to `ms`) for it to exit; SIGKILL after that. */
export async function stopProcess(child: ChildProcess, ms = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  await exited;
  clearTimeout(timer);
}

/** Keeps the last few KB a child printed, for error messages. */
function tail(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text.trim();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// HTTP.

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The status line and headers as sent, in bytes (HTTP/1.1). */
  headerBytes: number;
  /** The body exactly as it came over the wire (still compressed if it was). */
  body: Buffer;
}

/** One GET without any automatic decompression, so body.length is the bytes on the wire. */
export function get(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 10_000
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const lines = [
          `HTTP/${response.httpVersion} ${response.statusCode} ${response.statusMessage}`
        ];
        for (let i = 0; i < response.rawHeaders.length; i += 2) {
          lines.push(`${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}`);
        }
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          headerBytes: Buffer.byteLength(lines.join('\r\n') + '\r\n\r\n'),
          body: Buffer.concat(chunks)
        });
      });
    });
    request.on('timeout', () =>
      request.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`))
    );
    request.on('error', reject);
  });
}

/** Status of a GET (body discarded), or 0 when the connection failed. */
export function probe(url: string, timeoutMs = 2000): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', () => resolve(0));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

// ---------------------------------------------------------------------------------------------
// The build.

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (path.basename(entry) === 'paraglide') return 0; // generated by the build itself
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) {
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/**
 * Builds the app (`npx vite build`) when build/ is missing or older than the sources.
 * BENCH_BUILD=1 always rebuilds, BENCH_BUILD=0 never does.
 */
export function ensureBuild(): void {
  const built = path.join(appDir, 'build', 'handler.js');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const sources = [
    'src',
    'static',
    'messages',
    'svelte.config.js',
    'vite.config.ts',
    'package.json'
  ];
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(appDir, s))));
  const mode = process.env.BENCH_BUILD;
  if (mode === '0' && builtAt) return;
  if (mode !== '1' && builtAt && builtAt >= newest) return;
  console.log(
    `${builtAt ? 'build/ is older than the sources' : 'no build/'}: vite build in ${appDir}`
  );
  const vite = path.join(appDir, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: appDir,
    stdio: 'inherit'
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

// ---------------------------------------------------------------------------------------------
// The server.

export interface Server {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Milliseconds from spawn until /healthz answered 200. */
  readyMs: number;
  output: () => string;
  stop: () => Promise<void>;
}

export interface StartOptions {
  /** Reuse this data directory instead of a fresh one (which has migrations + demo seeding). */
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
  /** Path polled until it returns 200; /healthz unless told. */
  readyPath?: string;
  /** Poll interval in ms. */
  pollMs?: number;
  timeoutMs?: number;
  /** Called with each chunk the server prints (stdout and stderr), as it arrives. */
  onOutput?: (text: string) => void;
}

/** Spawns `node server.js` with a loopback port and a SQLite data dir; nothing is awaited. */
export function spawnServer(port: number, dataDir: string, env: Record<string, string> = {}) {
  return spawn(process.execPath, ['server.js'], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: host,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DEMO_DATA: 'on',
      LOG_LEVEL: 'warn',
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  });
}

/** Starts the production server and resolves once `readyPath` answers 200. */
export async function startServer(options: StartOptions = {}): Promise<Server> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? tempDir('data');
  const url = `http://${host}:${port}`;
  const started = performance.now();
  const child = spawnServer(port, dataDir, options.env);
  const output = tail(child);
  if (options.onOutput) {
    const listener = options.onOutput;
    child.stdout?.on('data', (chunk: Buffer) => listener(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => listener(chunk.toString()));
  }
  const forget = onCleanup(() => child.kill('SIGKILL'));
  const stop = async () => {
    await stopProcess(child);
    forget();
  };

  let exited = false;
  child.once('exit', () => (exited = true));
  const readyUrl = url + (options.readyPath ?? '/healthz');
  const deadline = started + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`node server.js exited before it was ready:\n${output()}`);
    if ((await probe(readyUrl)) === 200) break;
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`node server.js was not ready at ${readyUrl} in time:\n${output()}`);
    }
    await sleep(options.pollMs ?? 50);
  }
  const readyMs = performance.now() - started;
  return { url, port, dataDir, child, readyMs, output, stop };
}

// ---------------------------------------------------------------------------------------------
// Printing.

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A verdict beside a figure: "ok" or "MISSED". */
export const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

/** Prints rows as an aligned text table; numbers-looking cells are right-aligned. */
export function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = (cell: string) => /^[-\d.,]+( ?(KB|ms|s|B|%|x))?$/.test(cell);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        numeric(cell) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)
      )
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

export function heading(text: string): void {
  console.log(`\n== ${text}`);
}

/** One line describing the machine, since every figure depends on it. */
export function machine(): string {
  const cpus = os.cpus();
  const app = appDir === root ? '' : `, app ${appDir}`;
  return `${cpus.length} CPU (${cpus[0]?.model.trim() ?? 'unknown'}), node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}${app}`;
}

// ---------------------------------------------------------------------------------------------
// A real photograph, and memory.

/** Debian's mate-backgrounds camera photograph (5640×3172, 17.9 MP, GPL-2+). */
export const REAL_PHOTO = '/usr/share/backgrounds/mate/abstract/Elephants_5640x3172.jpg';

/**
 * REAL_PHOTO scaled and cut to 6000×4000 (24 MP, a current camera's size), JPEG q90, in `dir`;
 * prints where it came from.
 */
export async function photo6000x4000(dir: string): Promise<string> {
  if (!fs.existsSync(REAL_PHOTO)) {
    throw new Error(`${REAL_PHOTO} is missing: apt-get install mate-backgrounds`);
  }
  const photo = path.join(dir, 'elephants-6000x4000.jpg');
  await sharp(REAL_PHOTO).resize(6000, 4000, { fit: 'cover' }).jpeg({ quality: 90 }).toFile(photo);
  const mb = (fs.statSync(photo).size / 1024 / 1024).toFixed(1);
  console.log(
    `input: ${path.basename(REAL_PHOTO)} (5640×3172, 17.9 MP), scaled and cut to 6000×4000 = 24 MP, JPEG q90, ${mb} MB`
  );
  return photo;
}

/**
 * This process's peak resident memory, in bytes. Not process.resourceUsage().maxRSS: Linux
 * carries that over from the parent through fork and exec, so a child of a process that once
 * held 600 MB reports at least 600 MB. VmHWM belongs to the process's own memory map.
 */
export function peakRss(): number {
  const line = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  if (!line) throw new Error('no VmHWM in /proc/self/status (this measures on Linux only)');
  return Number(line[1]) * 1024;
}

/**
 * A throwaway PostgreSQL cluster (scripts/postgres-throwaway.sh), stopped at exit; its URL.
 * `settings` are added to the server's, e.g. "-c shared_buffers=2GB".
 */
export function startThrowawayPostgres(settings = ''): string {
  const script = path.join(root, 'scripts/postgres-throwaway.sh');
  const out = execFileSync(script, ['start'], {
    encoding: 'utf8',
    env: { ...process.env, KRAEVED_PG_SETTINGS: settings }
  });
  const url = /TEST_DATABASE_URL=(\S+)/.exec(out)?.[1];
  const dir = /KRAEVED_PG_DIR=(\S+)/.exec(out)?.[1];
  if (!url || !dir) throw new Error(`no PostgreSQL: ${out}`);
  onCleanup(() => execFileSync(script, ['stop', dir], { stdio: 'ignore' }));
  return url;
}
