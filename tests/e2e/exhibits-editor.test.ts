import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { clickAndLoad, industrialHeritage, photo, screenshot, signIn } from './helpers';
import { startServer, type RunningServer } from './server';

describe('exhibits for staff: an editor describes an object, the museum admin publishes it', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let dir: string;
  let museumId: number;
  let exhibitUrl: string;

  const field = (name: string) => page.locator(`[name="${name}"]`);
  const button = (name: string | RegExp) =>
    page.getByRole('button', { name, exact: typeof name === 'string' });
  const status = () => page.getByRole('status').first().textContent();

  /** Gives a library image its alt text, as a person does on the file's page. */
  async function describeImage(fileName: string, alt: string) {
    await page.goto(
      `${server.url}/admin/museums/${museumId}/media?q=${encodeURIComponent(fileName)}`
    );
    await clickAndLoad(page, page.getByRole('link', { name: fileName }));
    await page.getByLabel('По-русски').first().fill(alt);
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByText('Сохранено.').count()).toBe(1);
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    page = await browser.newPage();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-exhibits-'));
    await signIn(page, server.url, 'editor@kraeved.demo', 'demo-museum-editor');
    const href = await page.getByRole('link', { name: 'Медиатека' }).first().getAttribute('href');
    museumId = Number(/\/admin\/museums\/(\d+)\/media/.exec(href ?? '')?.[1]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('uploads two photographs of the object through the media library', async () => {
    await page.goto(`${server.url}/admin/museums/${museumId}/media`);
    await page
      .locator('input[type=file][name=files]')
      .setInputFiles([
        await photo(path.join(dir, 'Самовар спереди.jpg'), 1200, 900, '#8a5a2b'),
        await photo(path.join(dir, 'Самовар сбоку.jpg'), 1200, 900, '#6b4a2b')
      ]);
    const uploads = page.getByRole('list', { name: 'Загрузки' });
    await expect
      .poll(() => uploads.getByText('Загружено', { exact: true }).count(), { timeout: 60_000 })
      .toBe(2);
    await expect
      .poll(
        async () => {
          await page.goto(
            `${server.url}/admin/museums/${museumId}/media?q=${encodeURIComponent('Самовар')}&status=ready`
          );
          return page.locator('.grid > li').count();
        },
        { timeout: 120_000, interval: 2000 }
      )
      .toBe(2);
    await describeImage('Самовар спереди.jpg', 'Медный самовар, вид спереди');
  }, 200_000);

  it('creates an exhibit from the list, refusing a number the museum already has', async () => {
    await page.goto(`${server.url}/admin/museums/${museumId}/exhibits`);
    const taken = (await page.locator('table.exhibits tbody td.number').first().textContent())!;
    await page.getByText('Новый экспонат').click();
    await field('inventoryNumber').fill(taken.trim());
    await field('title.ru').fill('Самовар купца Плюснина');
    await clickAndLoad(page, button('Создать экспонат'));
    expect(await page.locator('.field-error').first().textContent()).toContain(
      `уже есть предмет с инвентарным номером ${taken.trim()}`
    );
    // What was typed stays.
    expect(await field('title.ru').inputValue()).toBe('Самовар купца Плюснина');
    await field('inventoryNumber').fill('КП-Е2Е-1');
    await field('title.en').fill('The merchant Plyusnin’s samovar');
    await clickAndLoad(page, button('Создать экспонат'));
    await page.waitForURL(/\/exhibits\/\d+$/);
    exhibitUrl = page.url();
    expect(await page.locator('h1').textContent()).toContain('Самовар купца Плюснина');
  }, 60_000);

  it('fills the form, orders two images, and is stopped from submitting an image without alt text', async () => {
    await field('description.ru').fill(
      'Медный самовар на 10 литров.\n\nПодарен музею в 1975 году.'
    );
    await field('dating.ru').fill('конец XIX в.');
    await field('yearFrom').fill('1880');
    await field('yearTo').fill('1899');
    await field('maker.ru').fill('Фабрика Баташева, Тула');
    await field('category').selectOption('household');
    await field('material').selectOption('metal');
    await field('tags').fill('самовар\nчаепитие');
    await field('hall.ru').fill('Зал 2, витрина 5');
    await field('addMedia').selectOption({ label: 'Самовар спереди.jpg' });
    await button('Добавить').click();
    await expect.poll(() => field('media.0.asset').count()).toBe(1);
    // What was typed before the image was added is saved with it.
    expect(await field('yearFrom').inputValue()).toBe('1880');
    await field('addMedia').selectOption({
      label: 'Самовар сбоку.jpg (Нет описания для незрячих (alt))'
    });
    await button('Добавить').click();
    await expect.poll(() => field('media.1.asset').count()).toBe(1);
    await button('Выше: Самовар сбоку.jpg').click();
    await expect
      .poll(() => page.locator('.images li strong').first().textContent())
      .toContain('Самовар сбоку.jpg');

    await button('Отправить на проверку').click();
    await expect
      .poll(() => page.locator('.images li').first().locator('.field-error').textContent())
      .toContain('нет описания для незрячих');
    expect(await field('maker.ru').inputValue()).toBe('Фабрика Баташева, Тула');
    await screenshot(page, 'exhibits-01-alt-missing');
  }, 60_000);

  it('submits for review once the image is described', async () => {
    await describeImage('Самовар сбоку.jpg', 'Медный самовар сбоку, видна ручка крана');
    await page.goto(exhibitUrl);
    expect(await page.getByText('Описание (alt): Медный самовар сбоку').count()).toBe(1);
    await button('Отправить на проверку').click();
    await expect.poll(status).toContain('Экспонат отправлен на проверку');
    expect(await page.getByRole('heading', { name: 'Версия ждёт проверки.' }).count()).toBe(1);
    // An editor who needs review may not approve.
    expect(await button('Одобрить и опубликовать').count()).toBe(0);
  }, 60_000);

  it('lets the museum admin preview the exhibit and publish it from the preview', async () => {
    await signIn(page, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
    await page.goto(`${exhibitUrl}/preview`);
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).toContain('Эта версия ждёт проверки');
    expect(body).toContain('Самовар купца Плюснина');
    expect(body).toContain('Фабрика Баташева, Тула');
    expect(await page.locator('.images .thumbs li').count()).toBe(2);
    expect(await page.locator('.images figure img').first().getAttribute('alt')).toBe(
      'Медный самовар сбоку, видна ручка крана'
    );
    await screenshot(page, 'exhibits-02-preview');
    await clickAndLoad(page, button('Одобрить и опубликовать'));
    await expect.poll(status).toContain('Экспонат опубликован');

    const id = Number(/\/exhibits\/(\d+)/.exec(exhibitUrl)?.[1]);
    const visitor = await browser.context.browser()!.newPage();
    const response = await visitor.goto(
      `${server.url}/museums/${industrialHeritage.slug}/exhibits/${id}`
    );
    expect(response?.status()).toBe(200);
    expect(await visitor.locator('h1').textContent()).toContain('Самовар купца Плюснина');
    await visitor.close();

    await page.goto(
      `${server.url}/admin/museums/${museumId}/exhibits?q=${encodeURIComponent('е2е')}`
    );
    expect(await page.locator('table.exhibits tbody tr').count()).toBe(1);
    expect(await page.locator('table.exhibits td.state').textContent()).toContain('опубликован');
  }, 60_000);

  it('answers 404 to another museum’s staff on every exhibit page', async () => {
    await signIn(page, server.url, 'grodekov-admin@kraeved.demo', 'demo-grodekov-admin');
    for (const url of [
      `${server.url}/admin/museums/${museumId}/exhibits`,
      exhibitUrl,
      `${exhibitUrl}/preview`,
      `${server.url}/admin/museums/${museumId}/collections`
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
    }
    const cookies = await browser.context.cookies(server.url);
    const autosave = await fetch(`${exhibitUrl}/autosave`, {
      method: 'POST',
      headers: {
        cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
        origin: server.url
      },
      body: new FormData()
    });
    expect(autosave.status).toBe(404);
  }, 60_000);
});
