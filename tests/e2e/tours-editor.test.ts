import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { screenshot, signIn } from './helpers';
import { startServer, type RunningServer } from './server';

/** A 2:1 picture of noise over a colour: enough of a panorama for the tiler and the viewer. */
async function panorama(file: string, colour: string) {
  await sharp({
    create: {
      width: 4096,
      height: 2048,
      channels: 3,
      background: colour,
      noise: { type: 'gaussian', mean: 110, sigma: 30 }
    }
  })
    .jpeg({ quality: 80 })
    .toFile(file);
  return file;
}

describe('the tour editor: a museum builds a two-scene tour and publishes it', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let dir: string;
  let museumId: number;
  let tourUrl: string;

  const field = (name: string) => page.locator(`[name="${name}"]`);
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    page = await browser.newPage();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-tours-'));
    await signIn(page, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
    const href = await page.getByRole('link', { name: 'Экскурсии' }).first().getAttribute('href');
    museumId = Number(/\/admin\/museums\/(\d+)\/tours/.exec(href ?? '')?.[1]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('uploads two panoramas, which the library tiles', async () => {
    await page.goto(`${server.url}/admin/museums/${museumId}/media`);
    await page.getByLabel(/Это панорамы 360°/).check();
    await page
      .locator('input[type=file][name=files]')
      .setInputFiles([
        await panorama(path.join(dir, 'Машинный зал.jpg'), '#6b5a45'),
        await panorama(path.join(dir, 'Котельная.jpg'), '#455a6b')
      ]);
    const uploads = page.getByRole('list', { name: 'Загрузки' });
    await expect
      .poll(() => uploads.getByText('Загружено', { exact: true }).count(), { timeout: 60_000 })
      .toBe(2);
    await expect
      .poll(
        async () => {
          await page.goto(
            `${server.url}/admin/museums/${museumId}/media?kind=panorama&status=ready`
          );
          return page.locator('.grid > li').count();
        },
        { timeout: 120_000, interval: 2000 }
      )
      .toBeGreaterThanOrEqual(2);
  }, 200_000);

  it('creates a tour, which cannot be published without scenes', async () => {
    await page.goto(`${server.url}/admin/museums/${museumId}/tours`);
    await field('title.ru').fill('Машинный зал и котельная');
    await field('title.en').fill('The engine hall and the boiler house');
    await field('slug').fill('engine-hall');
    await button('Создать экскурсию').click();
    await page.waitForURL(/\/tours\/\d+$/);
    tourUrl = page.url();
    await button('Опубликовать').click();
    await page.waitForLoadState('load');
    await expect
      .poll(() => page.locator('#scenes-error').textContent())
      .toContain('В экскурсии нет ни одной сцены');
    // What was typed stays.
    expect(await field('title.en').inputValue()).toBe('The engine hall and the boiler house');
  }, 60_000);

  it('adds two scenes and a hotspot from the first to the second, and publishes', async () => {
    await page.goto(tourUrl);
    await field('addScene').selectOption({ label: 'Машинный зал.jpg' });
    await button('Сохранить черновик').click();
    await page.waitForLoadState('load');
    await field('addScene').selectOption({ label: 'Котельная.jpg' });
    await button('Сохранить черновик').click();
    await page.waitForLoadState('load');
    expect(await field('scenes.1.key').inputValue()).toBe('s2');
    await field('scenes.0.title.ru').fill('Машинный зал');
    await field('scenes.0.title.en').fill('Engine hall');
    await field('scenes.1.title.ru').fill('Котельная');
    await field('scenes.1.title.en').fill('Boiler house');
    const spot = 'scenes.0.hotspots.0';
    await field(`${spot}.position.yaw`).fill('35.5');
    await field(`${spot}.position.pitch`).fill('-4');
    await field(`${spot}.label.ru`).fill('В котельную');
    await field(`${spot}.label.en`).fill('To the boiler house');
    await field(`${spot}.kind`).selectOption('scene');
    await field(`${spot}.target.sceneKey`).selectOption('s2');
    for (const scene of ['Машинный зал', 'Котельная']) {
      await field('routeAdd').selectOption({ label: scene });
      await button('Добавить в маршрут').click();
    }
    await screenshot(page, 'tours-editor-01-ru');
    await button('Опубликовать').click();
    await page.waitForLoadState('load');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Экскурсия опубликована');
    expect(await field(`${spot}.position.yaw`).inputValue()).toBe('35.5');
    expect(await field(`${spot}.target.sceneKey`).inputValue()).toBe('s2');

    // With JavaScript, a click on the second scene's panorama places a point back to the first.
    await button('Котельная').click();
    const view = page.getByRole('application', { name: 'Котельная' });
    await expect.poll(() => view.getAttribute('tabindex'), { timeout: 20_000 }).toBe('0');
    // The new panorama fades in; a click during the change of scene is not a pick.
    await page.waitForTimeout(2000);
    const box = (await view.boundingBox())!;
    await view.click({ position: { x: box.width * 0.8, y: box.height * 0.3 } });
    const back = 'scenes.1.hotspots.0';
    await expect.poll(() => field(`${back}.position.yaw`).inputValue()).not.toBe('0');
    expect(Number(await field(`${back}.position.yaw`).inputValue())).toBeGreaterThan(0);
    expect(Number(await field(`${back}.position.pitch`).inputValue())).toBeGreaterThan(0);
    expect(await field(`${back}.kind`).inputValue()).toBe('scene');
    await field(`${back}.label.ru`).fill('Обратно в машинный зал');
    await field(`${back}.label.en`).fill('Back to the engine hall');
    await field(`${back}.target.sceneKey`).selectOption('s1');
    await button('Опубликовать').click();
    await page.waitForLoadState('load');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Экскурсия опубликована');
    expect(await field(`${back}.key`).inputValue()).toBe('h1');

    await page.goto(`${tourUrl}/preview`);
    const preview = await page.locator('body').textContent();
    expect(preview).toContain('В котельную');
    expect(preview).toContain('Обратно в машинный зал');

    await page.goto(tourUrl.replace(server.url, `${server.url}/en`));
    await page.waitForLoadState('load');
    await screenshot(page, 'tours-editor-02-en');
    await page.goto(`${server.url}/en/admin/museums/${museumId}/tours`);
    expect(await page.locator('.tours').textContent()).toContain('published');
    await screenshot(page, 'tours-editor-03-list-en');
  }, 90_000);

  it('sends an editor’s change to review, where the museum admin approves it', async () => {
    await signIn(page, server.url, 'editor@kraeved.demo', 'demo-museum-editor');
    await page.goto(tourUrl);
    expect(await button('Опубликовать').count()).toBe(0);
    await field('scenes.1.title.ru').fill('Старая котельная');
    await button('Отправить на проверку').click();
    await page.waitForLoadState('load');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('отправлена на проверку');
    await signIn(page, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
    await page.goto(tourUrl);
    expect(await page.getByRole('heading', { name: 'Ждёт проверки' }).count()).toBe(1);
    await screenshot(page, 'tours-editor-04-review-ru');
    await button('Одобрить и опубликовать').click();
    await page.waitForLoadState('load');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Экскурсия опубликована');
  }, 60_000);

  it('works without JavaScript: a label that is only markup is refused beside it, and nothing typed is lost', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const tab = await plain.newPage();
      await signIn(tab, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
      await tab.goto(tourUrl);
      const input = (name: string) => tab.locator(`[name="${name}"]`);
      const row = 'scenes.0.hotspots.1';
      await input(`${row}.position.yaw`).fill('-120');
      await input(`${row}.position.pitch`).fill('12.5');
      await input(`${row}.label.ru`).fill('<script>alert(1)</script>');
      await input(`${row}.label.en`).fill('A note');
      await input(`${row}.kind`).selectOption('text');
      await input(`${row}.target.body.ru`).fill('<p>Паровая машина <b>1912</b> года</p>');
      await input(`${row}.target.body.en`).fill('<p>A steam engine of <b>1912</b></p>');
      await tab.getByRole('button', { name: 'Сохранить черновик', exact: true }).click();
      await tab.waitForLoadState('load');
      const label = tab.locator('label', { has: input(`${row}.label.ru`) });
      expect(await label.locator('.field-error').textContent()).toBe('Заполните это поле.');
      expect(await input(`${row}.position.yaw`).inputValue()).toBe('-120');
      expect(await input(`${row}.target.body.en`).inputValue()).toContain('steam engine');
      await input(`${row}.label.ru`).fill('Заметка');
      await tab.getByRole('button', { name: 'Сохранить черновик', exact: true }).click();
      await tab.waitForLoadState('load');
      expect(await tab.getByRole('status').first().textContent()).toContain('Черновик сохранён');
      expect(await input(`${row}.label.ru`).inputValue()).toBe('Заметка');
      // Bold became strong on the way in: the one sanitiser cleaned the hotspot's text.
      expect(await input(`${row}.target.body.ru`).inputValue()).toBe(
        '<p>Паровая машина <strong>1912</strong> года</p>'
      );
    } finally {
      await plain.close();
    }
  }, 60_000);

  it('shows another museum’s admin nothing', async () => {
    await signIn(page, server.url, 'grodekov-admin@kraeved.demo', 'demo-grodekov-admin');
    const list = await page.goto(`${server.url}/admin/museums/${museumId}/tours`);
    expect(list?.status()).toBe(404);
    const editor = await page.goto(tourUrl);
    expect(editor?.status()).toBe(404);
    const preview = await page.goto(`${tourUrl}/preview`);
    expect(preview?.status()).toBe(404);
  }, 30_000);
});
