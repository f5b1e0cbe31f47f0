import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import {
  clickAndLoad,
  grodekov,
  hoursStatus,
  htmlClasses,
  htmlLang,
  industrialHeritage,
  screenshot,
  textOf,
  waitForHtmlClasses
} from './helpers';

/**
 * One visitor, one browser tab, step after step: each test goes on from where the last one left
 * the page, as a person would. The shared server's clock reads Tuesday 24 November 2026, 12:00
 * in Khabarovsk.
 */
describe('a visitor finds a museum open now, reads it in English, then in the version for the visually impaired', () => {
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

  it('opens the home page and follows "Музеи" in the main menu to the directory', async () => {
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Музеи Хабаровского края' }).waitFor();
    await screenshot(page, '01-home');

    await page
      .getByRole('navigation', { name: 'Основное меню' })
      .getByRole('link', { name: 'Музеи', exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === '/museums');
    await page.getByRole('heading', { level: 1, name: 'Музеи' }).waitFor();
    await screenshot(page, '02-directory');
  });

  it('chooses "Открыто сейчас" in the filters, submits, and sees the Grodekov museum but not the one visited by arrangement', async () => {
    await page.getByRole('radio', { name: 'Открыто сейчас' }).check();
    await page.getByRole('button', { name: 'Показать', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('open') === 'now');

    const results = page.getByRole('region', { name: /^Найдено музеев: \d+$/ });
    await results.getByRole('link', { name: grodekov.ru }).waitFor();
    // The count in the heading and the cards below agree once the new list is on screen.
    await expect
      .poll(
        async () => {
          const count = Number(
            (await textOf(results.getByRole('heading', { level: 2 }))).match(/\d+/)?.[0]
          );
          return count === (await results.getByRole('article').count());
        },
        { timeout: 5_000 }
      )
      .toBe(true);
    expect(await results.getByRole('link', { name: industrialHeritage.ru }).count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Открыто сейчас' }).isChecked()).toBe(true);
    await screenshot(page, '03-directory-open-now');
  });

  it('clicks the Grodekov card and reads that it is open until 18:00, the week, the notice, the address and the structured data', async () => {
    await page.getByRole('link', { name: grodekov.ru }).click();
    await page.waitForURL((url) => url.pathname === `/museums/${grodekov.slug}`);
    await page.getByRole('heading', { level: 1, name: grodekov.ru }).waitFor();

    expect(await textOf(hoursStatus(page))).toBe('Открыто, закроется в 18:00');

    const week = page.getByRole('table', { name: 'Часы работы на неделю' });
    const rows = week.locator('tbody tr');
    expect(await rows.count()).toBe(7);
    const today = rows.filter({ hasText: 'сегодня' });
    expect(await textOf(today)).toContain('вторник, 24 ноября');
    expect(await textOf(today)).toContain('10:00–18:00');
    expect(await textOf(rows.filter({ hasText: 'пятница, 27 ноября' }))).toContain(
      'санитарный день'
    );

    const notice = page.getByRole('complementary', { name: 'Внимание' });
    expect(await textOf(notice)).toContain('«Паллада»');

    const contacts = page.getByRole('region', { name: 'Контакты' });
    expect(await textOf(contacts)).toContain('ул. Шевченко, 11');

    const jsonLd = await page
      .locator('script[type="application/ld+json"]')
      .evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ''));
    expect(jsonLd).toHaveLength(1);
    const museum = JSON.parse(jsonLd[0] ?? '{}') as {
      '@type'?: string;
      specialOpeningHoursSpecification?: { validFrom?: string; validThrough?: string }[];
    };
    expect(museum['@type']).toBe('Museum');
    expect(museum.specialOpeningHoursSpecification).toContainEqual(
      expect.objectContaining({ validFrom: '2026-11-27', validThrough: '2026-11-27' })
    );
    await screenshot(page, '04-grodekov-ru');
  });

  it('clicks "English" and reads the same museum in English', async () => {
    await clickAndLoad(page, page.getByRole('link', { name: 'English' }));
    await page.waitForURL((url) => url.pathname === `/en/museums/${grodekov.slug}`);
    await page.getByRole('heading', { level: 1, name: grodekov.en }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await textOf(hoursStatus(page))).toBe('Open, closes at 18:00');
    await screenshot(page, '05-grodekov-en');
  });

  it('clicks "Version for the visually impaired": the page turns into it and shows its settings', async () => {
    await clickAndLoad(
      page,
      page.getByRole('button', { name: 'Version for the visually impaired' })
    );
    await screenshot(page, '06-reading-on');
    await waitForHtmlClasses(page, ['reading']);
    expect(new URL(page.url()).pathname).toBe(`/en/museums/${grodekov.slug}`);
    const settings = page.getByRole('region', { name: 'Settings for the visually impaired' });
    await settings.getByRole('group', { name: 'Colour scheme' }).waitFor();
    await settings.getByRole('group', { name: 'Font size' }).waitFor();
    await settings.getByRole('button', { name: 'Standard version' }).waitFor();
  });

  it('chooses "White on black" and a bigger font, applies, and the page follows', async () => {
    const settings = page.getByRole('region', { name: 'Settings for the visually impaired' });
    const sizeBefore = (await htmlClasses(page)).find((c) => /^reading-size-\d$/.test(c));
    await settings.getByRole('radio', { name: 'White on black' }).check();
    await settings.getByRole('radio', { name: 'Extra large' }).check();
    await clickAndLoad(page, settings.getByRole('button', { name: 'Apply' }));
    await waitForHtmlClasses(page, ['reading', 'reading-white-on-black', 'reading-size-3']);
    expect(sizeBefore).not.toBe('reading-size-3');
    expect(await htmlClasses(page)).not.toContain('reading-black-on-white');
    expect(await page.getByRole('radio', { name: 'White on black' }).isChecked()).toBe(true);
    await screenshot(page, '07-reading-white-on-black');
  });

  it('keeps these settings after a reload and on another page (they live in a cookie)', async () => {
    const chosen = ['reading', 'reading-white-on-black', 'reading-size-3'];
    await page.reload();
    await waitForHtmlClasses(page, chosen, 2_000);
    await screenshot(page, '08-reading-after-reload');

    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Association', exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === '/en/association');
    await waitForHtmlClasses(page, chosen, 2_000);

    // A fresh document request, not a client-side navigation: only the cookie can carry the settings.
    await page.goto(`${baseUrl}/museums`);
    await waitForHtmlClasses(page, chosen, 2_000);
    const cookie = (await browser.context.cookies(baseUrl)).find((c) => c.name === 'reading');
    expect(decodeURIComponent(cookie?.value ?? '')).toContain('scheme=white-on-black');
    await screenshot(page, '09-reading-on-directory');
  });
});
