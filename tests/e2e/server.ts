import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerOptions {
  /** An ISO instant the server's clock is frozen at; omit for the real clock. */
  frozenNow?: string;
  /** Draw, tile and publish the demo tour in the background (off: most tests do not need it). */
  demoTour?: boolean;
  /** Draw the demo objects' pictures in the background (slow: off unless a test looks at them). */
  demoPictures?: boolean;
  /** Run on this PostgreSQL database instead of a fresh SQLite file. */
  databaseUrl?: string;
  /** More environment, e.g. SMTP_HOST and SMTP_PORT of a test mail server. */
  env?: Record<string, string>;
}

export interface RunningServer {
  /** Like http://127.0.0.1:41234, without a trailing slash. */
  url: string;
  /** Its data folder (the SQLite file is kraeved.sqlite there), for a test that sets up a state. */
  dataDir: string;
  stop(): Promise<void>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const startTimeoutMs = 30_000;
const stopTimeoutMs = 5_000;

/** A port nobody listens on right now: the OS picks one when we listen on 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** Starts the production build (`node server.js`) on a fresh SQLite database with the demo museums. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-data-'));
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO_DATA: 'on',
    DEMO_TOUR: options.demoTour ? 'on' : 'off',
    DEMO_PICTURES: options.demoPictures ? 'on' : 'off',
    TZ: 'UTC'
  };
  // Exactly the environment above: nothing from the shell may point it at another database,
  // clock or public address.
  for (const name of [
    'DATABASE_URL',
    'KRAEVED_FROZEN_NOW',
    'AUTH_SECRET',
    'ORIGIN',
    'PROTOCOL_HEADER',
    'HOST_HEADER',
    'PORT_HEADER'
  ]) {
    delete env[name];
  }
  // The public address: links, the sitemap and SvelteKit's form origin check use it.
  env.ORIGIN = url;
  if (options.frozenNow) env.KRAEVED_FROZEN_NOW = options.frozenNow;
  Object.assign(env, options.env);
  if (options.databaseUrl) {
    env.DATABASE_URL = options.databaseUrl;
    env.AUTH_SECRET = 'e2e-secret-that-is-long-enough-for-auth-0123';
  }

  const child = spawn(process.execPath, ['server.js'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const output = collectOutput(child);

  const stop = async () => {
    await killProcess(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, stop };
}

interface Output {
  text(): string;
}

function collectOutput(child: ChildProcess): Output {
  let text = '';
  const append = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return { text: () => text };
}

async function waitForHealth(url: string, child: ChildProcess, output: Output): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `the server exited (code ${code}, signal ${signal}) before answering /healthz:\n${output.text()}`
        )
      )
    );
  });
  exited.catch(() => undefined);
  while (Date.now() < deadline) {
    const healthy = await Promise.race([probeHealth(url), exited]);
    if (healthy) return;
    await Promise.race([delay(100), exited]);
  }
  throw new Error(
    `the server at ${url} did not answer /healthz within ${startTimeoutMs / 1000} s:\n${output.text()}`
  );
}

async function probeHealth(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Polling interval between health probes: a wait for a condition, not a fixed sleep. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts `node server.js` with a broken setting and waits for it to give up. */
export async function startExpectingFailure(
  overrides: NodeJS.ProcessEnv
): Promise<{ code: number | null; output: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-fail-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    TZ: 'UTC'
  };
  delete env.DATABASE_URL;
  Object.assign(env, overrides);
  const child = spawn(process.execPath, ['server.js'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const output = collectOutput(child);
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), startTimeoutMs);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  await rm(dataDir, { recursive: true, force: true });
  return { code, output: output.text() };
}
