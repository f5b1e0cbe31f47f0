import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { screenshot } from './helpers';
import { deepest, iiifTraffic, tileOf } from './iiif-traffic';
import { startServer, type RunningServer } from './server';

/** A photograph-like picture with detail at every scale: bands of colour under noise. */
async function photo(file: string, width: number, height: number) {
  const bands = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <rect width="100%" height="100%" fill="#6b5a45"/>
      <circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#a08060"/>
      <rect x="${width / 8}" y="${height / 8}" width="${width / 5}" height="${height / 2}" fill="#455a6b"/>
    </svg>`
  );
  await sharp(bands)
    .composite([
      {
        input: await sharp({
          create: {
            width,
            height,
            channels: 4,
            background: { r: 128, g: 128, b: 128, alpha: 0.35 },
            noise: { type: 'gaussian', mean: 128, sigma: 30 }
          }
        })
          .png()
          .toBuffer(),
        blend: 'overlay'
      }
    ])
    .jpeg({ quality: 85 })
    .toFile(file);
  return file;
}

describe('deep zoom: OpenSeadragon over the IIIF level-0 tiles of an uploaded photo', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let dir: string;
  let assetPage: string;
  let infoUrl: string;

  async function signIn(page: Page) {
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByLabel('Электронная почта').fill('museum-admin@kraeved.demo');
    await page.getByLabel('Пароль').fill('demo-museum-admin');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/admin$/);
  }

  async function openViewer(page: Page) {
    await page.goto(assetPage);
    await page.locator('.deep-zoom.shown').waitFor({ timeout: 20_000 });
    return page.locator('.openseadragon-canvas');
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-zoom-'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('makes the tiles of an uploaded photo in a job after its sizes', async () => {
    const page = await browser.newPage();
    await signIn(page);
    const href = await page.getByRole('link', { name: 'Медиатека' }).first().getAttribute('href');
    const library = `${server.url}${href}`;
    await page.goto(library);
    await page
      .locator('input[type=file][name=files]')
      .setInputFiles(await photo(path.join(dir, 'Паровоз.jpg'), 2600, 1800));
    await expect
      .poll(() => page.getByText('Загружено', { exact: true }).count(), { timeout: 30_000 })
      .toBe(1);
    await page.goto(library);
    await page.getByRole('link', { name: 'Паровоз.jpg' }).click();
    await page.waitForURL(/\/media\/\d+$/);
    assetPage = page.url();
    const assetId = /\/media\/(\d+)$/.exec(assetPage)![1];
    infoUrl = `${server.url}/iiif/3/${assetId}/info.json`;
    // The derive job, then the tiles' own job.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('.deep-zoom').count();
        },
        { timeout: 120_000, interval: 1000 }
      )
      .toBe(1);
    await page.close();
  }, 180_000);

  it('loads the info.json and draws the first level’s tiles in place of the picture', async () => {
    const page = await browser.newPage();
    const traffic = iiifTraffic(page);
    const canvas = await openViewer(page);
    expect(traffic.requests).toContain(infoUrl);
    const tiles = traffic.requests.map(tileOf).filter((t) => t !== null);
    expect(tiles.length).toBeGreaterThan(0);
    // The whole photo fits the viewer: no full-resolution tile is needed yet.
    expect(deepest(traffic.requests)).toEqual([]);
    expect(await canvas.getAttribute('aria-label')).toBe('Увеличиваемое изображение: Паровоз.jpg');
    expect(await canvas.getAttribute('tabindex')).toBe('0');
    expect(await page.locator('.deep-zoom picture').isVisible()).toBe(false);
    expect(traffic.failures).toEqual([]);
    const axe = await new AxeBuilder({ page })
      .include('.zoom')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)
    ).toEqual([]);
    await screenshot(page, 'deep-zoom-01-home');
    await page.close();
  }, 60_000);

  it('zooms in from the keyboard and fetches the full-resolution tiles', async () => {
    const page = await browser.newPage();
    const traffic = iiifTraffic(page);
    const canvas = await openViewer(page);
    await canvas.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Equal');
    await expect
      .poll(() => deepest(traffic.requests).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    const before = deepest(traffic.requests).length;
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => deepest(traffic.requests).length, { timeout: 15_000 })
      .toBeGreaterThan(before);
    expect(traffic.failures).toEqual([]);
    await screenshot(page, 'deep-zoom-02-keyboard');
    await page.close();
  }, 60_000);

  it('zooms in with the buttons, in a browser that has fetched nothing yet', async () => {
    const fresh = await openBrowser();
    try {
      const page = await fresh.newPage();
      await signIn(page);
      const traffic = iiifTraffic(page);
      await openViewer(page);
      const zoomIn = page
        .getByRole('toolbar', { name: 'Управление увеличением' })
        .getByRole('button', { name: 'Ближе' });
      for (let i = 0; i < 4; i++) await zoomIn.click();
      await expect
        .poll(() => deepest(traffic.requests).length, { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(traffic.failures).toEqual([]);
      await screenshot(page, 'deep-zoom-03-buttons');
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('lets a viewer on another site read the info.json and tiles', async () => {
    const page = await browser.newPage();
    // localhost and 127.0.0.1 are different origins to the browser.
    await page.goto(server.url.replace('127.0.0.1', 'localhost') + '/robots.txt');
    const seen = await page.evaluate(async (url) => {
      const info = (await (await fetch(url)).json()) as {
        id: string;
        sizes: { width: number; height: number }[];
      };
      const size = info.sizes[0]!;
      const tile = await fetch(`${info.id}/full/${size.width},${size.height}/0/default.jpg`);
      return { id: info.id, tile: tile.status, type: tile.headers.get('content-type') };
    }, infoUrl);
    expect(seen).toEqual({
      id: infoUrl.replace(/\/info\.json$/, ''),
      tile: 200,
      type: 'image/jpeg'
    });
    await page.close();
  });

  it('shows the responsive picture without JavaScript', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const page = await plain.newPage();
      await signIn(page);
      await page.goto(assetPage);
      const picture = page.locator('.deep-zoom picture img');
      expect(await picture.isVisible()).toBe(true);
      expect(await picture.getAttribute('srcset')).toMatch(/ 320w/);
      expect(await page.locator('.openseadragon-canvas').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Ближе' }).count()).toBe(0);
    } finally {
      await plain.close();
    }
  }, 60_000);
});
