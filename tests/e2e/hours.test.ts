import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { grodekov, hoursStatus, industrialHeritage, textOf } from './helpers';
import { startServer, type RunningServer } from './server';

/** Friday 27 November 2026, 12:00 in Khabarovsk: the last Friday of the month, a sanitary day. */
const sanitaryDayNoon = '2026-11-27T02:00:00Z';

describe('opening hours as a visitor reads them, in the museum’s own time zone', () => {
  const sharedUrl = inject('baseUrl'); // Tuesday 24 November 2026, 12:00 in Khabarovsk
  let sanitaryDay: RunningServer;
  let browser: OpenBrowser;
  let page: Page;

  beforeAll(async () => {
    [sanitaryDay, browser] = await Promise.all([
      startServer({ frozenNow: sanitaryDayNoon }),
      openBrowser()
    ]);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), sanitaryDay?.stop()]);
  });

  async function statusAt(url: string): Promise<string> {
    await page.goto(url);
    return textOf(hoursStatus(page));
  }

  it('on a Tuesday at noon the Grodekov museum is open until 18:00', async () => {
    expect(await statusAt(`${sharedUrl}/museums/${grodekov.slug}`)).toBe(
      'Открыто, закроется в 18:00'
    );
    expect(await statusAt(`${sharedUrl}/en/museums/${grodekov.slug}`)).toBe(
      'Open, closes at 18:00'
    );
  });

  it('on the last Friday of November at noon the Grodekov museum is closed for its sanitary day', async () => {
    const ru = await statusAt(`${sanitaryDay.url}/museums/${grodekov.slug}`);
    expect(ru).toMatch(/^Сегодня закрыто: санитарный день(,|$)/);
    const today = page.getByRole('table', { name: 'Часы работы на неделю' }).locator('tbody tr', {
      hasText: 'сегодня'
    });
    expect(await textOf(today)).toContain('пятница, 27 ноября');
    expect(await textOf(today)).toContain('санитарный день');

    const en = await statusAt(`${sanitaryDay.url}/en/museums/${grodekov.slug}`);
    expect(en).toMatch(/^Closed today: sanitary day(,|$)/);
  });

  it('on the sanitary day the directory does not list the Grodekov museum as open now', async () => {
    await page.goto(`${sanitaryDay.url}/museums?open=now`);
    const results = page.getByRole('region', { name: /^Найдено музеев: \d+$/ });
    await results.waitFor();
    expect(await results.getByRole('link', { name: grodekov.ru }).count()).toBe(0);

    await page.goto(`${sharedUrl}/museums?open=now`);
    expect(await results.getByRole('link', { name: grodekov.ru }).count()).toBe(1);
  });

  it('the industrial-heritage museum is visited by arrangement, with a phone number to call', async () => {
    expect(await statusAt(`${sharedUrl}/museums/${industrialHeritage.slug}`)).toBe(
      'Посещение по договорённости, звоните +7 (924) 413-33-98'
    );
    const phone = page.getByRole('link', { name: '+7 (924) 413-33-98' });
    expect(await phone.getAttribute('href')).toBe('tel:+79244133398');
  });
});
