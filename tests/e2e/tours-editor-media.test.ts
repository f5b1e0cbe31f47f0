import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { screenshot, signIn } from './helpers';
import { startServer, type RunningServer } from './server';

const run = promisify(execFile);

/** A 2:1 picture of noise over a colour: enough of a panorama for the tiler. */
async function panorama(file: string, colour: string) {
  await sharp({
    create: {
      width: 2048,
      height: 1024,
      channels: 3,
      background: colour,
      noise: { type: 'gaussian', mean: 110, sigma: 30 }
    }
  })
    .jpeg({ quality: 80 })
    .toFile(file);
  return file;
}

/** A floor plan: two rooms drawn as rectangles. */
async function plan(file: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <rect width="1200" height="800" fill="#f4f1ea"/>
    <rect x="60" y="60" width="520" height="680" fill="none" stroke="#333" stroke-width="12"/>
    <rect x="620" y="60" width="520" height="680" fill="none" stroke="#333" stroke-width="12"/>
  </svg>`;
  await sharp(Buffer.from(svg)).png().toFile(file);
  return file;
}

describe('the tour editor: floor plan, narration, videos, route and scenes by upload', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let dir: string;
  let museumId: number;
  let tourUrl: string;

  const field = (name: string) => page.locator(`[name="${name}"]`);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const status = () => page.getByRole('status').first().textContent();

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    page = await browser.newPage();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-tour-media-'));
    await signIn(page, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
    const href = await page.getByRole('link', { name: 'Экскурсии' }).first().getAttribute('href');
    museumId = Number(/\/admin\/museums\/(\d+)\/tours/.exec(href ?? '')?.[1]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('puts a plan, a recording, a clip and its WebVTT captions into the library', async () => {
    const voice = path.join(dir, 'Голос.mp3');
    const clip = path.join(dir, 'Молот.mp4');
    const captions = path.join(dir, 'Молот.vtt');
    await run('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'sine=d=1',
      '-c:a',
      'libmp3lame',
      voice
    ]);
    await run(
      'ffmpeg',
      [
        ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=d=1:s=320x240:r=10'],
        ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', clip]
      ].flat()
    );
    await fs.writeFile(captions, 'WEBVTT\n\n00:00.000 --> 00:01.000\nПаровой молот\n');
    await page.goto(`${server.url}/admin/museums/${museumId}/media`);
    await page
      .locator('input[type=file][name=files]')
      .setInputFiles([await plan(path.join(dir, 'План.png')), voice, clip, captions]);
    const uploads = page.getByRole('list', { name: 'Загрузки' });
    await expect
      .poll(() => uploads.getByText('Загружено', { exact: true }).count(), { timeout: 60_000 })
      .toBe(4);
  }, 90_000);

  it('adds scenes by upload: "processing…" until the tiles are ready, then "add as a scene"', async () => {
    await page.goto(`${server.url}/admin/museums/${museumId}/tours`);
    await field('title.ru').fill('Кузнечный цех');
    await field('title.en').fill('The forge');
    await field('slug').fill('forge');
    await button('Создать экскурсию').click();
    await page.waitForURL(/\/tours\/\d+$/);
    tourUrl = page.url();

    const upload = page.locator('#upload');
    // Tiling a small panorama takes a second or two: watch for "processing…" from the start.
    await page.evaluate(() => {
      const seen = window as unknown as { sawProcessing: boolean };
      seen.sawProcessing = false;
      new MutationObserver(() => {
        if (document.querySelector('#upload')?.textContent?.includes('обрабатывается…'))
          seen.sawProcessing = true;
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await upload
      .locator('input[type=file]')
      .setInputFiles([
        await panorama(path.join(dir, 'Горн.jpg'), '#6b4a35'),
        await panorama(path.join(dir, 'Молотовая.jpg'), '#35506b')
      ]);
    const add = (file: string) => upload.getByRole('button', { name: `Добавить сценой: ${file}` });
    await expect.poll(() => add('Горн.jpg').count(), { timeout: 120_000 }).toBe(1);
    expect(
      await page.evaluate(() => (window as unknown as { sawProcessing: boolean }).sawProcessing)
    ).toBe(true);
    await screenshot(page, 'tours-media-01-uploaded-ru');
    await add('Горн.jpg').click();
    await page.waitForLoadState('load');
    expect(await field('scenes.0.title.ru').inputValue()).toBe('Горн');
    // The second may still be tiling (its button comes once it is ready, without a reload), or
    // be ready already and offered by "add a scene".
    const offered = field('addScene').locator('option', { hasText: 'Молотовая.jpg' });
    await expect
      .poll(async () => (await add('Молотовая.jpg').count()) + (await offered.count()), {
        timeout: 120_000
      })
      .toBeGreaterThan(0);
    if ((await add('Молотовая.jpg').count()) > 0) await add('Молотовая.jpg').click();
    else {
      await field('addScene').selectOption({ label: 'Молотовая.jpg' });
      await button('Сохранить черновик').click();
    }
    await page.waitForLoadState('load');
    expect(await field('scenes.1.title.ru').inputValue()).toBe('Молотовая');
  }, 200_000);

  it('narrates a scene, places both on the floor plan, orders the route in place, and refuses an unknown video link', async () => {
    await field('scenes.0.narration.assetId').selectOption({ label: 'Голос.mp3' });
    const player = page.getByLabel('Прослушать озвучку: Горн');
    expect(await player.getAttribute('src')).toMatch(/\/media\/.+\.mp3$/);
    await field('scenes.0.narration.transcript.ru').fill('Здесь раскаляли металл.');
    await field('scenes.0.narration.transcript.en').fill('Metal was heated here.');

    await field('floorPlanAssetId').selectOption({ label: 'План.png' });
    const planView = page.locator('.plan');
    await expect
      .poll(() => planView.locator('img').evaluate((i: HTMLImageElement) => i.naturalWidth))
      .toBeGreaterThan(0);
    const box = (await planView.boundingBox())!;
    await planView.click({ position: { x: box.width * 0.25, y: box.height * 0.5 } });
    await page.getByRole('radio', { name: '2. Молотовая' }).check();
    await planView.click({ position: { x: box.width * 0.75, y: box.height * 0.5 } });
    expect(Number(await field('scenes.0.plan.x').inputValue())).toBeCloseTo(25, 0);
    expect(Number(await field('scenes.1.plan.x').inputValue())).toBeCloseTo(75, 0);
    // A marker moves with the arrow keys.
    await page.getByRole('button', { name: '2. Молотовая' }).press('ArrowUp');
    expect(Number(await field('scenes.1.plan.y').inputValue())).toBeCloseTo(49, 0);

    // The route's buttons reorder the list without reloading the page.
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
    for (const scene of ['Горн', 'Молотовая']) {
      await field('routeAdd').selectOption({ label: scene });
      await button('Добавить в маршрут').click();
    }
    await page.getByRole('button', { name: 'Выше: Молотовая' }).click();
    const route = page.locator('section.route ol li .stop');
    expect(await route.allTextContents()).toEqual(['Молотовая', 'Горн']);
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(
      true
    );

    await field('videos.0.kind').selectOption('link');
    await field('videos.0.title.ru').fill('Фильм о кузнице');
    await field('videos.0.title.en').fill('A film about the forge');
    await field('videos.0.url').fill('https://example.com/forge');
    expect(await page.locator('section.videos').textContent()).toContain('Сайт не распознан');
    await screenshot(page, 'tours-media-02-editor-ru');
    await button('Сохранить черновик').click();
    await page.waitForLoadState('load');
    const linkLabel = page.locator('label', { has: field('videos.0.url') });
    expect(await linkLabel.locator('.field-error').textContent()).toContain(
      'Это не ссылка на видео VK Видео, RuTube или YouTube'
    );
    // Nothing typed is lost: the plan, the route, the transcript are as they were.
    expect(await field('videos.0.title.en').inputValue()).toBe('A film about the forge');
    expect(Number(await field('scenes.1.plan.x').inputValue())).toBeCloseTo(75, 0);
    expect(await route.allTextContents()).toEqual(['Молотовая', 'Горн']);
    expect(await field('scenes.0.narration.transcript.en').inputValue()).toBe(
      'Metal was heated here.'
    );
  }, 60_000);

  it('adds a clip with captions and a RuTube link, publishes, and names what changed in words', async () => {
    await field('videos.0.url').fill('https://rutube.ru/video/0123456789abcdef0123456789abcdef/');
    expect(await page.locator('section.videos').textContent()).toContain('Сайт: RuTube');
    await button('Добавить видео').click();
    await field('videos.1.kind').selectOption('clip');
    await field('videos.1.title.ru').fill('Молот в работе');
    await field('videos.1.title.en').fill('The hammer at work');
    await expect
      .poll(
        async () => {
          const options = await field('videos.1.assetId').locator('option').allTextContents();
          if (options.includes('Молот.mp4')) return true;
          // The clip's poster is still being made: the page lists ready files only.
          await button('Сохранить черновик').click();
          await page.waitForLoadState('load');
          return false;
        },
        { timeout: 60_000, interval: 2000 }
      )
      .toBe(true);
    await field('videos.1.assetId').selectOption({ label: 'Молот.mp4' });
    await field('videos.1.captionsAssetId').selectOption({ label: 'Молот.vtt' });
    await button('Опубликовать').click();
    await page.waitForLoadState('load');
    await expect.poll(status).toContain('Экскурсия опубликована');
    expect(await field('videos.1.captionsAssetId').locator('option:checked').textContent()).toBe(
      'Молот.vtt'
    );

    await field('scenes.0.narration.transcript.ru').fill('Здесь в горне раскаляли металл.');
    await button('Сохранить черновик').click();
    await page.waitForLoadState('load');
    const changes = page.locator('table.changes');
    expect(await changes.locator('caption').textContent()).toBe('Что изменится на сайте');
    expect(await changes.textContent()).toContain('Горн › текст озвучки (ru)');
    await screenshot(page, 'tours-media-03-changes-ru');

    await page.goto(`${tourUrl}/preview`);
    const preview = await page.locator('body').textContent();
    expect(preview).toContain('Фильм о кузнице');
    expect(preview).toContain('Молот в работе');
  }, 120_000);

  it('orders the route and removes the plan without JavaScript, saving nothing until asked', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const tab = await plain.newPage();
      await tab.setViewportSize({ width: 390, height: 844 });
      await signIn(tab, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
      await tab.goto(tourUrl.replace(server.url, `${server.url}/en`));
      await tab.getByRole('button', { name: /^Up: / }).last().click();
      await tab.waitForLoadState('load');
      const stops = tab.locator('section.route ol li .stop');
      expect(await stops.allTextContents()).toEqual(['Горн', 'Молотовая']);
      expect(await tab.getByText('Draft saved').count()).toBe(0);
      await tab.getByRole('button', { name: 'Remove the plan' }).click();
      await tab.waitForLoadState('load');
      expect(await tab.locator('[name=floorPlanAssetId]').inputValue()).toBe('');
      expect(await stops.allTextContents()).toEqual(['Горн', 'Молотовая']);
      await screenshot(tab, 'tours-media-04-no-js-phone-en');
      await tab.getByRole('button', { name: 'Save draft', exact: true }).click();
      await tab.waitForLoadState('load');
      expect(await tab.getByRole('status').first().textContent()).toContain('Draft saved');
      expect(await stops.allTextContents()).toEqual(['Горн', 'Молотовая']);
      expect(await tab.locator('[name=floorPlanAssetId]').inputValue()).toBe('');
    } finally {
      await plain.close();
    }
  }, 60_000);
});
