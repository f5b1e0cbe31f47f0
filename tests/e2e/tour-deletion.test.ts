import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { industrialHeritage, screenshot, waitForStatus } from './helpers';
import { startServer, type RunningServer } from './server';

const demoTourPath = `/museums/${industrialHeritage.slug}/tours/demo-halls`;
const title = 'Залы музея (демо)';

describe('deleting a tour and bringing it back', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let toursPage: string;

  const status = async (path: string) => (await fetch(server.url + path)).status;

  beforeAll(async () => {
    server = await startServer({ demoTour: true, frozenNow: '2026-11-24T02:00:00Z' });
    await waitForStatus(server.url + demoTourPath, 200);
    browser = await openBrowser();
    page = await browser.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByLabel('Электронная почта').fill('admin@kraeved.demo');
    await page.getByLabel('Пароль').fill('demo-association-admin');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/admin$/);
    const museum = page.getByRole('listitem').filter({
      has: page.getByRole('link', { name: industrialHeritage.ru, exact: true })
    });
    const href = await museum.getByRole('link', { name: 'Экскурсии' }).getAttribute('href');
    toursPage = server.url + href;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks first, then takes the tour off the site and its embed, and restores it', async () => {
    await page.goto(toursPage);
    const row = page.getByRole('listitem').filter({ hasText: title });
    await row.getByRole('link', { name: 'Удалить экскурсию…' }).click();
    const question = page.getByRole('form', { name: `Удалить экскурсию «${title}»?` });
    await question.waitFor();
    // Keeping it changes nothing.
    await question.getByRole('link', { name: 'Не удалять' }).click();
    expect(await status(demoTourPath)).toBe(200);

    await row.getByRole('link', { name: 'Удалить экскурсию…' }).click();
    await screenshot(page, 'tour-delete-question');
    await question.getByRole('button', { name: 'Удалить экскурсию' }).click();
    await page
      .getByText(`Экскурсия «${title}» удалена. Её можно восстановить ниже в течение 30 дней.`)
      .waitFor();
    expect(await status(demoTourPath)).toBe(410);
    expect(await status(`/embed/tours/${industrialHeritage.slug}/demo-halls`)).toBe(410);
    const deleted = page.getByRole('region', { name: 'Удалённые экскурсии' });
    expect(await deleted.textContent()).toMatch(/восстановить можно до 24 декабря/);
    await screenshot(page, 'tour-deleted-list');

    await deleted.getByRole('button', { name: 'Восстановить' }).click();
    await page.getByText(`Экскурсия «${title}» восстановлена.`).waitFor();
    expect(await status(demoTourPath)).toBe(200);
    expect(await page.getByRole('region', { name: 'Удалённые экскурсии' }).count()).toBe(0);
  }, 60_000);
});
