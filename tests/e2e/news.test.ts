import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { industrialHeritage, photo, screenshot, setReadingCookie, signIn } from './helpers';
import { startServer, type RunningServer } from './server';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe('news: staff write and schedule an item with a cover, visitors read it and its feed', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let museumId: number;
  let dir: string;
  const slug = 'garage-open-day';
  const publicPath = `/museums/${industrialHeritage.slug}/news/${slug}`;
  const field = (name: string) => page.locator(`[name="${name}"]`);
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  /** Ten in the morning a month from now: within the year a schedule may reach. */
  const inAMonth = `${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}T10:00`;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    page = await browser.newPage();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-news-'));
    await signIn(page, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
    await page.goto(`${server.url}/admin`);
    const href = await page
      .locator('a[href^="/admin/museums/"][href$="/news"]')
      .first()
      .getAttribute('href');
    museumId = Number(/\/admin\/museums\/(\d+)\/news/.exec(href ?? '')?.[1]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('uploads a cover described for blind visitors', async () => {
    const file = await photo(path.join(dir, 'День открытых дверей.jpg'), 1200, 800, '#5a6b45');
    await page.goto(`${server.url}/admin/museums/${museumId}/media`);
    await page.locator('input[type=file][name=files]').setInputFiles(file);
    const uploads = page.getByRole('list', { name: 'Загрузки' });
    await expect
      .poll(() => uploads.getByText('Загружено', { exact: true }).count(), { timeout: 60_000 })
      .toBe(1);
    const link = page.getByRole('link', { name: 'День открытых дверей.jpg' });
    await expect
      .poll(
        async () => {
          await page.goto(
            `${server.url}/admin/museums/${museumId}/media?status=ready&q=${encodeURIComponent('открытых')}`
          );
          return link.count();
        },
        { timeout: 120_000, interval: 2000 }
      )
      .toBe(1);
    await link.click();
    await field('alt.ru').fill('Гараж музея с открытыми воротами');
    await field('alt.en').fill('The museum’s garage with its gates open');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).first().click();
    await page.waitForLoadState();
  }, 200_000);

  it('writes the item, is refused a past time in words beside the field, then schedules it', async () => {
    await page.goto(`${server.url}/admin/museums/${museumId}/news`);
    await page.getByLabel('По-русски').fill('День открытых дверей в гараже');
    await page.getByLabel('По-английски').fill('An open day in the garage');
    await page.getByLabel('Адрес страницы').fill(slug);
    await button('Создать черновик').click();
    await page.waitForURL(/\/news\/\d+$/);
    await field('lead.ru').fill('Музей открывает гараж на Джамбула, 54 для всех желающих.');
    await field('lead.en').fill('The museum opens its garage at Dzhambula St., 54 to everyone.');
    const body = page.locator('.rich-field [contenteditable]');
    await expect.poll(() => body.count()).toBe(2);
    await body.nth(0).fill('Станки, двигатели и паровозные фонари — без записи.');
    await body.nth(1).fill('Machine tools, engines and locomotive lamps, no booking needed.');
    await field('coverAssetId').selectOption({ label: 'День открытых дверей.jpg' });
    await field('tags').fill('день открытых дверей | open day');
    await field('publishAt').fill('2020-05-01T10:00');
    await button('Запланировать').click();
    await page.waitForLoadState();
    await expect
      .poll(() => page.getByRole('alert').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await page.locator('.schedule .field-error').textContent()).toContain('уже прошло');
    // Nothing typed is lost.
    expect(await field('lead.en').inputValue()).toBe(
      'The museum opens its garage at Dzhambula St., 54 to everyone.'
    );
    await field('publishAt').fill(inAMonth);
    await button('Запланировать').click();
    await page.waitForLoadState();
    await screenshot(page, 'news-after-schedule');
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 })
      .toContain('Публикация запланирована');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toContain(
      inAMonth.replace('T', ' ')
    );
    await page.goto(`${server.url}/admin/museums/${museumId}/news`);
    expect(await page.locator('table').textContent()).toContain(
      `запланирована на ${inAMonth.replace('T', ' ')}`
    );
    const early = await fetch(`${server.url}${publicPath}`);
    expect(early.status).toBe(404);
  }, 60_000);

  it('publishes now instead; a visitor reads it with its cover, NewsArticle and Open Graph', async () => {
    await page.getByRole('link', { name: 'День открытых дверей в гараже' }).click();
    await button('Опубликовать сейчас').click();
    await page.waitForLoadState();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 })
      .toContain('Новость опубликована');
    const visitor = await openBrowser();
    try {
      const reader = await visitor.newPage();
      await reader.goto(`${server.url}${publicPath}`);
      expect(await reader.getByRole('heading', { level: 1 }).textContent()).toBe(
        'День открытых дверей в гараже'
      );
      expect(await reader.locator('.cover img').getAttribute('alt')).toBe(
        'Гараж музея с открытыми воротами'
      );
      const jsonLd = JSON.parse(
        (await reader.locator('script[type="application/ld+json"]').textContent()) ?? '{}'
      );
      expect(jsonLd).toMatchObject({
        '@type': 'NewsArticle',
        headline: 'День открытых дверей в гараже'
      });
      expect(await reader.locator('meta[property="og:image"]').getAttribute('content')).toMatch(
        /^http/
      );
      await screenshot(reader, 'news-item');
      const results = await new AxeBuilder({ page: reader }).withTags(wcagTags).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

      await reader.goto(`${server.url}/en${publicPath}`);
      expect(await reader.getByRole('heading', { level: 1 }).textContent()).toBe(
        'An open day in the garage'
      );
      const english = await new AxeBuilder({ page: reader }).withTags(wcagTags).analyze();
      expect(english.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    } finally {
      await visitor.close();
    }
  }, 60_000);

  it('lists it on /news and the museum page, by tag, with an RSS feed that carries it', async () => {
    const visitor = await openBrowser();
    try {
      const reader = await visitor.newPage();
      await reader.goto(`${server.url}/news?tag=${encodeURIComponent('open day')}`);
      expect(await reader.locator('.news-cards h2').allTextContents()).toEqual([
        'День открытых дверей в гараже'
      ]);
      await reader.goto(`${server.url}/news`);
      // The demo news from the seeds are there too, and say so.
      expect(await reader.locator('main').textContent()).toContain('52 сотрудника из 16 музеев');
      await screenshot(reader, 'news-list');
      const results = await new AxeBuilder({ page: reader }).withTags(wcagTags).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
      const rss = await reader
        .locator('link[rel="alternate"][type="application/rss+xml"]')
        .getAttribute('href');
      expect(rss).toBe('/news/rss.xml');
      const feed = await fetch(`${server.url}${rss}`);
      expect(feed.headers.get('content-type')).toContain('application/rss+xml');
      const xml = await feed.text();
      expect(xml).toContain(`<link>${server.url}${publicPath}</link>`);
      expect(xml).toContain('Семинар «Виртуальное краеведение»');
      const atom = await fetch(`${server.url}/museums/${industrialHeritage.slug}/news/atom.xml`);
      expect(await atom.text()).toContain(`<id>${server.url}${publicPath}</id>`);

      await reader.goto(`${server.url}/museums/${industrialHeritage.slug}`);
      expect(
        await reader
          .getByRole('link', { name: 'День открытых дверей в гараже', exact: true })
          .getAttribute('href')
      ).toBe(publicPath);

      // Large text, white on black, images off; and in English.
      await setReadingCookie(
        visitor.context,
        server.url,
        'enabled=1&size=3&scheme=white-on-black&images=0&spacing=wide'
      );
      for (const url of ['/news', '/en/news', publicPath, '/association/news']) {
        await reader.goto(`${server.url}${url}`);
        const reading = await new AxeBuilder({ page: reader }).withTags(wcagTags).analyze();
        expect(reading.violations.map((v) => `${url} ${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
      }
      await screenshot(reader, 'news-association-reading');
    } finally {
      await visitor.close();
    }
  }, 90_000);
});
