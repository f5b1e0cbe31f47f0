import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startExpectingFailure, startServer } from './server';

/** The lines a person starting the server sees, without Node's own warnings. */
const linesOf = (output: string) =>
  output.split('\n').filter((line) => line.trim() && !line.includes('ExperimentalWarning'));

describe('starting the production server with a wrong setting', () => {
  it('stops with one line when the port is taken', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    try {
      const { code, output } = await startExpectingFailure({ PORT: String(port) });
      expect(code).toBe(1);
      expect(linesOf(output)).toEqual([
        `Kraeved cannot start: port ${port} is already in use: stop the other program or set PORT to a free port`
      ]);
    } finally {
      blocker.close();
    }
  });

  it('stops with one line naming a corrupt database file', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kraeved-corrupt-'));
    fs.writeFileSync(path.join(dataDir, 'kraeved.sqlite'), 'not a database '.repeat(500));
    const { code, output } = await startExpectingFailure({
      PORT: String(await freePort()),
      DATA_DIR: dataDir
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(linesOf(output)).toHaveLength(1);
    expect(output).toContain(
      `Database file ${path.join(dataDir, 'kraeved.sqlite')} is unreadable or corrupt`
    );
  });

  it('stops with one line when DATABASE_URL is not PostgreSQL', async () => {
    const { code, output } = await startExpectingFailure({
      PORT: String(await freePort()),
      DATABASE_URL: 'mysql://localhost/museums'
    });
    expect(code).toBe(1);
    expect(linesOf(output)).toEqual([
      'Kraeved cannot start: Configuration error: DATABASE_URL must look like postgres://user:password@host:5432/database'
    ]);
  });
});

describe('the production server on PostgreSQL', () => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const name = `kraeved_e2e_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  let stop: (() => Promise<void>) | undefined;

  afterAll(async () => {
    await stop?.();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  });

  it('serves the museum pages and reports 503 on /healthz when the database goes away', async () => {
    if (!adminUrl)
      throw new Error('TEST_DATABASE_URL is not set: run the browser tests through `npm test`');
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const server = await startServer({
      databaseUrl: url.toString(),
      frozenNow: '2026-11-24T02:00:00Z'
    });
    stop = server.stop;

    const page = await fetch(`${server.url}/museums/grodekov`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Открыто, закроется в 18:00');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // The database refuses new connections and drops the open ones, as in an outage.
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name]
    );
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.text()).toContain('database unreachable');
  });
});
