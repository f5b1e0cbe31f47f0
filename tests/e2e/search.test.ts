import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { screenshot, setReadingCookie } from './helpers';

const amursk = { ru: 'Краеведческий музей (Амурск)', en: 'Museum of Local Lore (Amursk)' };

/** A visitor who has no JavaScript: the search is plain GET forms and links. */
describe('a visitor searches the site', () => {
  const baseUrl = inject('baseUrl');
  let browser: OpenBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser({ javaScriptEnabled: false });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('types an inflected Russian word on the home page and finds the museum', async () => {
    await page.goto(`${baseUrl}/`);
    const box = page.getByRole('search', { name: 'Поиск', exact: true });
    await box.getByLabel('Найти в музеях края').fill('музеях Амурска');
    await Promise.all([
      page.waitForURL(/\/search\?q=/),
      box.getByLabel('Найти в музеях края').press('Enter')
    ]);
    const hit = page.getByRole('link', { name: amursk.ru, exact: true });
    await hit.waitFor();
    // Matched words are marked in the card's text, whatever their form.
    const marks = await page.locator('.search-hit mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['музей']));
    await screenshot(page, 'search-01-found');
    await Promise.all([page.waitForURL(/\/museums\/local-lore-amursk$/), hit.click()]);
    await page.getByRole('heading', { level: 1, name: amursk.ru }).waitFor();
  });

  it('searches from the header of any page and narrows by kind without JavaScript', async () => {
    await page.goto(`${baseUrl}/association`);
    const box = page.getByRole('search', { name: 'Поиск по сайту' });
    await box.getByRole('searchbox').fill('краеведческими музеями');
    await Promise.all([page.waitForURL(/\/search\?q=/), box.getByRole('button').click()]);
    await page.getByRole('link', { name: amursk.ru, exact: true }).waitFor();
    const kinds = page.getByRole('group', { name: 'Что' });
    if ((await kinds.count()) > 0) {
      await kinds.getByRole('checkbox', { name: /Музеи/ }).check();
      await Promise.all([
        page.waitForURL(/kind=museum/),
        page.getByRole('button', { name: 'Показать' }).click()
      ]);
      expect(await page.locator('.search-hit .meta span:first-child').allTextContents()).toEqual(
        expect.arrayContaining(['Музей'])
      );
      expect(
        new Set(await page.locator('.search-hit .meta span:first-child').allTextContents())
      ).toEqual(new Set(['Музей']));
    }
    expect(await page.getByRole('searchbox', { name: 'Что искать' }).inputValue()).toBe(
      'краеведческими музеями'
    );
  });

  it('answers a query of only punctuation with a hint, not with everything', async () => {
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('?!…«»')}`);
    await page.getByText('В запросе нет слов, по которым можно искать').waitFor();
    // A long query (the analyzer's 10,000-character cases are unit tests; a URL that long is
    // refused by Node's header limit before it reaches the page).
    await page.goto(`${baseUrl}/search?q=${'x'.repeat(3000)}`);
    await page.getByText('Ничего не нашлось').waitFor();
  });

  it('finds "museums" in English, the title marked as English page text', async () => {
    await page.goto(`${baseUrl}/en/search?q=museums+Amursk&kind=museum`);
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await screenshot(page, 'search-03-english');
    await page.getByRole('link', { name: amursk.en, exact: true }).waitFor();
    expect(await page.getByRole('link', { name: amursk.en }).getAttribute('href')).toBe(
      '/en/museums/local-lore-amursk'
    );
  });
});

/** axe runs inside the page, so these pages are opened with JavaScript on. */
describe('the search page for everyone', () => {
  const baseUrl = inject('baseUrl');
  let browser: OpenBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['/search?q=музей', ''],
    ['/en/search?q=museum', ''],
    ['/search', ''],
    ['/search?q=музей', 'enabled=1&size=2&scheme=white-on-black&images=1&spacing=wide'],
    ['/en/search?q=museum', 'enabled=1&size=3&scheme=blue-on-lightblue&images=0&spacing=wide']
  ])('%s has no axe violations (reading settings: %s)', async (path, reading) => {
    await browser.context.clearCookies();
    if (reading) await setReadingCookie(browser.context, baseUrl, reading);
    await page.goto(`${baseUrl}${path}`);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    ).toEqual([]);
    if (reading.includes('white-on-black')) await screenshot(page, 'search-02-reading');
  });
});
