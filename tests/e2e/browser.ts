import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface BrowserOptions {
  javaScriptEnabled?: boolean;
  locale?: string;
}

export interface OpenBrowser {
  context: BrowserContext;
  /** A fresh tab in the context. */
  newPage(): Promise<Page>;
  /** Closes Chromium and removes its temporary profile. */
  close(): Promise<void>;
  /** Hosts of requests the browser tried to make off this machine (and were refused). */
  blockedHosts: ReadonlySet<string>;
}

const localHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Debian's Chromium, headless, in a throwaway profile that never reaches past this machine. */
export async function openBrowser(options: BrowserOptions = {}): Promise<OpenBrowser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      locale: options.locale ?? 'ru-RU',
      viewport: { width: 1280, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }

  // Fail a missing element in seconds, well inside a test's own time limit.
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(20_000);

  const blockedHosts = new Set<string>();
  // Map tiles and anything else off this machine are refused at once, so no test waits on the network.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local =
      url.protocol === 'data:' || url.protocol === 'blob:' || localHosts.has(url.hostname);
    if (local) return route.continue();
    blockedHosts.add(url.hostname);
    return route.abort('blockedbyclient');
  });

  return {
    context,
    blockedHosts,
    async newPage() {
      return context.newPage();
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  };
}
