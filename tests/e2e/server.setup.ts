import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { shotsDir } from './helpers';
import { startServer } from './server';

/** Tuesday 24 November 2026, 12:00 in Khabarovsk (UTC+10): the Grodekov museum is open. */
export const sharedFrozenNow = '2026-11-24T02:00:00Z';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One production server for all the browser tests; a test that needs another clock starts its own. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await rm(shotsDir, { recursive: true, force: true }); // only this run's screenshots
  const server = await startServer({ frozenNow: sharedFrozenNow });
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
