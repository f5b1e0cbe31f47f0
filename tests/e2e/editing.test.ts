import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { screenshot } from './helpers';
import { startServer, type RunningServer } from './server';

describe('editing a museum profile: an editor submits, the museum admin publishes', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;

  async function signInAs(email: string, password: string) {
    await browser.context.clearCookies();
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByLabel('Электронная почта').fill(email);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/admin$/);
  }

  async function openIndustrialMuseum() {
    await page
      .getByRole('link', { name: /Музей индустриально-технического наследия/ })
      .first()
      .click();
    await page.waitForURL(/\/admin\/museums\/\d+$/);
  }

  beforeAll(async () => {
    // A server of its own: this test changes a museum that other tests read.
    server = await startServer({ frozenNow: '2026-11-24T02:00:00Z' });
    browser = await openBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses a wrong hours rule next to the field and keeps what was typed', async () => {
    await signInAs('editor@kraeved.demo', 'demo-museum-editor');
    await openIndustrialMuseum();
    await page.locator('input[name="summary.ru"]').fill('Музей в гараже на улице Джамбула.');
    await page.locator('input[name="hoursRule"]').fill('Tu-Su 10:00-25:99');
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toMatch(/25:99|59/);
    expect(await page.locator('input[name="summary.ru"]').inputValue()).toBe(
      'Музей в гараже на улице Джамбула.'
    );
    await screenshot(page, 'edit-01-hours-error');
  });

  it('sends the corrected version for review without changing the public page', async () => {
    await page.locator('input[name="hoursRule"]').fill('"by arrangement"');
    await page.getByRole('button', { name: 'Отправить на проверку' }).click();
    await page.getByText('Отправлено на проверку').waitFor();
    const publicPage = await (await fetch(`${server.url}/museums/industrial-heritage`)).text();
    expect(publicPage).not.toContain('Музей в гараже на улице Джамбула.');
  });

  it('lets the museum admin see what changes and publish it', async () => {
    await signInAs('museum-admin@kraeved.demo', 'demo-museum-admin');
    await openIndustrialMuseum();
    expect(
      await page.getByRole('table', { name: 'Что изменится на сайте' }).textContent()
    ).toContain('Музей в гараже на улице Джамбула.');
    await screenshot(page, 'edit-02-review');
    // A visitor already holds the old page in the shared cache; publishing must not wait a minute.
    const visitor = { 'accept-encoding': 'br' };
    await fetch(`${server.url}/museums/industrial-heritage`, { headers: visitor });
    await page.getByRole('button', { name: 'Одобрить и опубликовать' }).click();
    await page.getByRole('status').filter({ hasText: 'Опубликовано' }).waitFor();
    expect(
      await (await fetch(`${server.url}/museums/industrial-heritage`, { headers: visitor })).text()
    ).toContain('Музей в гараже на улице Джамбула.');
    await page.goto(`${server.url}/museums/industrial-heritage`);
    expect(await page.locator('.lead').first().textContent()).toBe(
      'Музей в гараже на улице Джамбула.'
    );
  });

  it("finds only its own museum among all the museums' editing pages", async () => {
    const statuses = [];
    for (let id = 1; id <= 16; id++) {
      statuses.push((await page.request.get(`${server.url}/admin/museums/${id}`)).status());
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 404)).toBe(true);
  });
});
