import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { industrialHeritage, screenshot, setReadingCookie, signIn } from './helpers';
import { startServer, type RunningServer } from './server';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The kinds of the blocks on the page, in order (each block is a section with its kind as class). */
const blockKinds = (page: Page) =>
  page
    .locator('article.exhibition section.block')
    .evaluateAll((sections) =>
      sections.map((s) =>
        ['text', 'exhibit', 'quote', 'image', 'images', 'video', 'audio', 'broken'].find((k) =>
          s.classList.contains(k)
        )
      )
    );

describe('online exhibitions: staff build one from blocks, visitors read it', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let museumId: number;
  let editorUrl: string;
  let dir: string;
  const publicPath = `/museums/${industrialHeritage.slug}/exhibitions/machines-of-the-plant`;

  const button = (name: string | RegExp) =>
    page.getByRole('button', { name, exact: typeof name === 'string' });
  const field = (name: string) => page.locator(`[name="${name}"]`);

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    page = await browser.newPage();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-exhibitions-'));
    await signIn(page, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
    await page.goto(`${server.url}/admin`);
    const href = await page
      .getByRole('link', { name: 'Онлайн-выставки' })
      .first()
      .getAttribute('href');
    museumId = Number(/\/admin\/museums\/(\d+)\/exhibitions/.exec(href ?? '')?.[1]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('puts a drawing in the museum’s library, described for blind visitors', async () => {
    const file = path.join(dir, 'Паровозное депо.jpg');
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#6b5a45' } })
      .jpeg()
      .toFile(file);
    await page.goto(`${server.url}/admin/museums/${museumId}/media`);
    await page.locator('input[type=file][name=files]').setInputFiles(file);
    const uploads = page.getByRole('list', { name: 'Загрузки' });
    await expect
      .poll(() => uploads.getByText('Загружено', { exact: true }).count(), { timeout: 60_000 })
      .toBe(1);
    const link = page.getByRole('link', { name: 'Паровозное депо.jpg' });
    await expect
      .poll(
        async () => {
          await page.goto(
            `${server.url}/admin/museums/${museumId}/media?status=ready&q=${encodeURIComponent('Паровозное')}`
          );
          return link.count();
        },
        { timeout: 120_000, interval: 2000 }
      )
      .toBe(1);
    await link.click();
    await page.locator('[name="alt.ru"]').fill('Рисунок: паровозное депо');
    await page.locator('[name="alt.en"]').fill('A drawing of a locomotive depot');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).first().click();
    await page.waitForLoadState();
  }, 200_000);

  it('creates an exhibition and adds a text, a quote and an object without reloading', async () => {
    await page.goto(`${server.url}/admin/museums/${museumId}/exhibitions`);
    await page.getByLabel('По-русски').fill('Машины завода');
    await page.getByLabel('По-английски').fill('Machines of the plant');
    await page.getByLabel('Адрес (латиницей)').fill('machines-of-the-plant');
    await button('Создать выставку').click();
    await page.waitForURL(/\/exhibitions\/\d+$/);
    editorUrl = page.url();
    await expect.poll(() => page.getByText('Блоков пока нет').count()).toBe(1);

    // With JavaScript the form's own buttons work in place: the page is never reloaded.
    await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
    await button('+ Текст').click();
    const text = page.locator('#block-b1');
    await expect.poll(() => text.count()).toBe(1);
    await text.locator('[contenteditable]').nth(0).fill('Паровоз и токарный станок');
    await text.locator('[contenteditable]').nth(1).fill('A locomotive and a lathe');

    await button('+ Цитата').click();
    await expect.poll(() => page.locator('#block-b2').count()).toBe(1);
    await field('blocks.1.text.ru').fill('Успеть найти и сохранить историю');
    await field('blocks.1.text.en').fill('Find it in time and preserve the history');

    await button('+ Предмет').click();
    await expect.poll(() => page.locator('#block-b3').count()).toBe(1);
    const objects = field('blocks.2.exhibitId').locator('option');
    await expect.poll(() => objects.count(), { timeout: 60_000 }).toBeGreaterThan(1);
    const chosen = await objects.nth(1).getAttribute('value');
    await field('blocks.2.exhibitId').selectOption(chosen!);

    await button('+ Изображение с подписью').click();
    await expect.poll(() => page.locator('#block-b4').count()).toBe(1);
    await field('blocks.3.assetId').selectOption({ label: 'Паровозное депо.jpg' });
    await field('blocks.3.caption.ru').fill('Депо, каким его нарисовали');
    await field('blocks.3.caption.en').fill('The depot as drawn');
    // What was typed into the earlier blocks survived adding the later ones.
    await expect
      .poll(() => field('blocks.1.text.ru').inputValue())
      .toBe('Успеть найти и сохранить историю');
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
  }, 120_000);

  it('moves the object above the quote and saves the draft', async () => {
    await button('Поднять блок 3 выше').click();
    await expect
      .poll(() =>
        page.locator('fieldset.block > legend').evaluateAll((l) => l.map((e) => e.textContent))
      )
      .toEqual([
        'Блок 1: Текст',
        'Блок 2: Предмет',
        'Блок 3: Цитата',
        'Блок 4: Изображение с подписью'
      ]);
    await button('Сохранить черновик').last().click();
    await expect.poll(() => page.getByText('Черновик сохранён.').count()).toBe(1);
    await page.goto(editorUrl);
    expect(await field('blocks.2.text.ru').inputValue()).toBe('Успеть найти и сохранить историю');
  }, 60_000);

  it('previews the draft through the public page’s component, then publishes it', async () => {
    await page.getByRole('link', { name: 'Предпросмотр: как увидят посетители' }).click();
    await page.waitForURL(/\/preview$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Машины завода');
    expect(await blockKinds(page)).toEqual(['text', 'exhibit', 'quote', 'image']);
    const visitors = await browser.context.request.get(`${server.url}${publicPath}`);
    expect(visitors.status()).toBe(404);

    await page.goto(editorUrl);
    await button('Опубликовать').click();
    await expect.poll(() => page.getByText('Выставка опубликована.').count()).toBe(1);
    await page.goto(`${server.url}/admin/museums/${museumId}/exhibitions`);
    expect(
      await page.getByRole('listitem').filter({ hasText: 'Машины завода' }).textContent()
    ).toMatch(/Машины завода\s+опубликована\s*$/);
  }, 60_000);

  it('without JavaScript, adds and removes a block with the same buttons, the page reloaded', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const noScript = await plain.newPage();
      await signIn(noScript, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
      await noScript.goto(editorUrl);
      await noScript.getByRole('button', { name: '+ Аудио', exact: true }).click();
      await noScript.waitForLoadState();
      expect(await noScript.locator('#block-b5 > legend').textContent()).toBe('Блок 5: Аудио');
      expect(await noScript.getByRole('status').textContent()).toContain('Порядок блоков изменён');
      await noScript.getByRole('button', { name: 'Удалить блок 5', exact: true }).click();
      await noScript.waitForLoadState();
      expect(await noScript.locator('fieldset.block').count()).toBe(4);
    } finally {
      await plain.close();
    }
  }, 60_000);

  it('lets a visitor read it as a long read, on a phone, in both languages, with nothing axe objects to', async () => {
    // Scripts on only for axe and measuring: the public page itself ships no framework code.
    const visitor = await openBrowser();
    try {
      const reader = await visitor.newPage();
      await reader.setViewportSize({ width: 390, height: 844 });
      await reader.goto(`${server.url}${publicPath}`);
      expect(await reader.getByRole('heading', { level: 1 }).textContent()).toBe('Машины завода');
      expect(await blockKinds(reader)).toEqual(['text', 'exhibit', 'quote', 'image']);
      expect(await reader.locator('blockquote').textContent()).toContain('Успеть найти');
      expect(await reader.locator('section.image img').getAttribute('alt')).toBe(
        'Рисунок: паровозное депо'
      );
      expect(await reader.locator('section.image figcaption').textContent()).toBe(
        'Депо, каким его нарисовали'
      );
      const card = reader.locator('.exhibit-card a');
      expect(await card.getAttribute('href')).toMatch(
        new RegExp(`/museums/${industrialHeritage.slug}/exhibits/\\d+$`)
      );
      const jsonLd = JSON.parse(
        (await reader.locator('script[type="application/ld+json"]').textContent()) ?? '{}'
      );
      expect(jsonLd).toMatchObject({ '@type': 'CreativeWork', name: 'Машины завода' });
      // Nothing wider than the phone's screen.
      expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390
      );
      await screenshot(reader, 'exhibition-phone');
      const results = await new AxeBuilder({ page: reader }).withTags(wcagTags).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

      await reader.goto(`${server.url}/en${publicPath}`);
      expect(await reader.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Machines of the plant'
      );
      expect(await reader.locator('blockquote').textContent()).toContain('Find it in time');

      // Large text and no images: the picture's alt text stands in its place.
      await setReadingCookie(
        visitor.context,
        server.url,
        'enabled=1&size=3&scheme=black-on-white&images=0&spacing=wide'
      );
      await reader.goto(`${server.url}${publicPath}`);
      expect(await reader.locator('section.image img').isVisible()).toBe(false);
      expect(await reader.locator('section.image .image-alt').textContent()).toBe(
        'Рисунок: паровозное депо'
      );
      expect(await reader.locator('section.image .image-alt').isVisible()).toBe(true);
      const reading = await new AxeBuilder({ page: reader }).withTags(wcagTags).analyze();
      expect(reading.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

      // The museum's page lists it.
      await reader.goto(`${server.url}/museums/${industrialHeritage.slug}`);
      expect(
        await reader.getByRole('link', { name: 'Машины завода', exact: true }).getAttribute('href')
      ).toBe(publicPath);
    } finally {
      await visitor.close();
    }
  }, 60_000);

  it('shows the demo exhibition from the seeds marked as a demonstration, readable in large text without images', async () => {
    // Scripts on only for axe and measuring: the public page itself ships no framework code.
    const visitor = await openBrowser();
    try {
      await setReadingCookie(
        visitor.context,
        server.url,
        'enabled=1&size=2&scheme=white-on-black&images=0&spacing=wide'
      );
      const reader = await visitor.newPage();
      const demo = `${server.url}/museums/${industrialHeritage.slug}/exhibitions/industrial-past`;
      // The demo exhibitions are published after the demo objects, in the background.
      await expect
        .poll(async () => (await reader.goto(demo))?.status(), {
          timeout: 120_000,
          interval: 2000
        })
        .toBe(200);
      expect(await reader.getByRole('heading', { level: 1 }).textContent()).toBe(
        'Индустриальное прошлое Дальнего Востока'
      );
      expect(await reader.getByRole('note').first().textContent()).toContain(
        'Демонстрационные материалы'
      );
      expect(await blockKinds(reader)).toContain('exhibit');
      const results = await new AxeBuilder({ page: reader }).withTags(wcagTags).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

      await reader.goto(`${server.url}/association/exhibitions/museum-tour`);
      expect(await reader.locator('article.exhibition').textContent()).toContain('2250');
    } finally {
      await visitor.close();
    }
  }, 180_000);
});
