import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import {
  clickAndLoad,
  grodekov,
  htmlClasses,
  htmlLang,
  screenshot,
  textOf,
  waitForHtmlClasses
} from './helpers';

/** Everything a visitor needs works as plain HTML: links, GET forms and POST forms with redirects. */
describe('without JavaScript', () => {
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

  const results = () => page.getByRole('region', { name: /^(Найдено музеев|Museums found): \d+$/ });

  /** The town under each card, as a visitor reads it. */
  async function cardTowns(): Promise<string[]> {
    return results()
      .getByRole('article')
      .locator('.meta span:first-child')
      .evaluateAll((spans) => spans.map((s) => s.textContent?.trim() ?? ''));
  }

  it('the directory filter form narrows the list to the museums of Хабаровск', async () => {
    await page.goto(`${baseUrl}/museums`);
    const allCount = await results().getByRole('article').count();
    await page
      .getByRole('combobox', { name: 'Населённый пункт' })
      .selectOption({ label: 'Хабаровск' });
    await clickAndLoad(page, page.getByRole('button', { name: 'Показать', exact: true }));

    expect(new URL(page.url()).searchParams.get('town')).toBe('khabarovsk');
    const towns = await cardTowns();
    expect(towns.length).toBeGreaterThan(0);
    expect(towns.length).toBeLessThan(allCount);
    expect(new Set(towns)).toEqual(new Set(['Хабаровск']));
    expect(await results().getByRole('link', { name: grodekov.ru }).count()).toBe(1);
    expect(
      await page.getByRole('combobox', { name: 'Населённый пункт' }).inputValue(),
      'the chosen town stays chosen in the form'
    ).toBe('khabarovsk');
    await screenshot(page, 'nojs-01-directory-khabarovsk');
  });

  it('the directory and the home page show the list, and no page shows a map', async () => {
    for (const path of ['/museums', '/', `/museums/${grodekov.slug}`]) {
      await page.goto(`${baseUrl}${path}`);
      if (path !== `/museums/${grodekov.slug}`) {
        expect(await page.getByRole('article').count(), `museum cards on ${path}`).toBeGreaterThan(
          0
        );
      }
      // A map box may sit in the HTML for a script to reveal, but a visitor must not meet it.
      const maps = page.locator('.map-box, .map, .leaflet-container').filter({ visible: true });
      expect(await maps.count(), `visible map on ${path}`).toBe(0);
      expect(
        await page.getByRole('region', { name: /^(Карта музеев|На карте)$/ }).count(),
        `map region in the accessibility tree on ${path}`
      ).toBe(0);
      expect(await page.getByRole('button', { name: 'На карте' }).count()).toBe(0);
    }
  });

  it('the language switch leads to the same page, with its filters, in English and back', async () => {
    await page.goto(`${baseUrl}/museums?town=khabarovsk`);
    await clickAndLoad(page, page.getByRole('link', { name: 'English' }));
    const en = new URL(page.url());
    expect(en.pathname).toBe('/en/museums');
    expect(en.searchParams.get('town')).toBe('khabarovsk');
    expect(await htmlLang(page)).toBe('en');
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Museums');
    expect(new Set(await cardTowns())).toEqual(new Set(['Khabarovsk']));

    await clickAndLoad(page, page.getByRole('link', { name: 'Русский' }));
    expect(new URL(page.url()).pathname).toBe('/museums');
    expect(await htmlLang(page)).toBe('ru');
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Музеи');
  });

  it('the version for the visually impaired is switched on and off by its button (a form POST and a redirect back)', async () => {
    await page.goto(`${baseUrl}/museums/${grodekov.slug}`);
    expect(await htmlClasses(page)).not.toContain('reading');

    await clickAndLoad(page, page.getByRole('button', { name: 'Версия для слабовидящих' }));
    await screenshot(page, 'nojs-02-reading-on');
    await waitForHtmlClasses(page, ['reading'], 2_000);
    expect(new URL(page.url()).pathname).toBe(`/museums/${grodekov.slug}`);
    await page.getByRole('group', { name: 'Цветовая схема' }).waitFor();

    await clickAndLoad(page, page.getByRole('button', { name: 'Обычная версия сайта' }));
    expect(new URL(page.url()).pathname).toBe(`/museums/${grodekov.slug}`);
    expect(await htmlClasses(page)).not.toContain('reading');
    expect(await page.getByRole('group', { name: 'Цветовая схема' }).count()).toBe(0);
  });
});
