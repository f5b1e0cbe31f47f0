import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { clickAndLoad, screenshot, signIn, textOf } from './helpers';
import { startServer, type RunningServer } from './server';

describe("an exhibit's history: a museum admin previews a past version and restores it as a draft", () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let exhibitUrl: string;

  const field = (name: string) => page.locator(`[name="${name}"]`);
  const button = (name: string | RegExp) =>
    page.getByRole('button', { name, exact: typeof name === 'string' });
  const history = () => page.getByRole('region', { name: 'История версий' });

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    page = await browser.newPage();
    await signIn(page, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('publishes an exhibit twice, so it has a past version', async () => {
    const href = await page.getByRole('link', { name: 'Медиатека' }).first().getAttribute('href');
    const museumId = Number(/\/admin\/museums\/(\d+)\/media/.exec(href ?? '')?.[1]);
    await page.goto(`${server.url}/admin/museums/${museumId}/exhibits`);
    await page.getByText('Новый экспонат').click();
    await field('inventoryNumber').fill('КП-ИСТ-1');
    await field('title.ru').fill('Паровой молот');
    await field('title.en').fill('Steam hammer');
    await clickAndLoad(page, button('Создать экспонат'));
    await page.waitForURL(/\/exhibits\/\d+$/);
    exhibitUrl = page.url();
    // The form is sent in place (JavaScript is on); the history below follows each save.
    await field('description.ru').fill('Молот завода «Арсенал».');
    await button('Опубликовать').click();
    await expect.poll(() => textOf(history())).toContain('опубликована');
    await field('title.ru').fill('Паровой молот «Арсенала»');
    await button('Опубликовать').click();
    await expect.poll(() => history().locator('li').count()).toBe(2);
    // Only the older published version can be restored: the newer one is on the site.
    expect(await textOf(history().locator('li').first())).toContain('сейчас на сайте');
    expect(
      await history()
        .getByRole('button', { name: /Восстановить как черновик/ })
        .count()
    ).toBe(1);
  }, 60_000);

  it('previews the past version, marked as such, and restores it from the preview', async () => {
    await clickAndLoad(page, history().getByRole('link', { name: /Посмотреть/ }));
    expect(page.url()).toMatch(/\/preview\?version=\d+$/);
    expect(await textOf(page.locator('.preview-bar'))).toContain('Прошлая версия, опубликована');
    expect(await textOf(page.locator('h1'))).toContain('Паровой молот');
    expect(await textOf(page.locator('h1'))).not.toContain('Арсенала');
    await screenshot(page, 'version-history-preview');
    await clickAndLoad(page, button('Восстановить как черновик'));
    expect(page.url().split('?')[0]).toBe(exhibitUrl);
    expect(await textOf(page.getByRole('status').first())).toContain(
      'Прошлая версия восстановлена как черновик'
    );
    expect(await field('title.ru').inputValue()).toBe('Паровой молот');
    expect(await textOf(history().locator('li').first())).toContain('черновик');
  }, 60_000);

  it('refuses while a draft is open, offers to discard it or keep it, and restores on discard', async () => {
    await page.goto(exhibitUrl);
    await field('dating.ru').fill('1930-е');
    await button('Сохранить черновик').click();
    await expect.poll(() => textOf(page.getByRole('status').first())).toContain('Черновик');
    await clickAndLoad(page, history().getByRole('button', { name: /Восстановить как черновик/ }));
    const refusal = page.getByRole('alert');
    expect(await textOf(refusal)).toContain('сейчас открыт черновик');
    await screenshot(page, 'version-history-refused');
    // Keeping it changes nothing.
    await clickAndLoad(page, refusal.getByRole('link', { name: 'Оставить открытую версию' }));
    expect(await field('dating.ru').inputValue()).toBe('1930-е');
    await clickAndLoad(page, history().getByRole('button', { name: /Восстановить как черновик/ }));
    await clickAndLoad(
      page,
      page
        .getByRole('alert')
        .getByRole('button', { name: 'Удалить открытую версию и восстановить' })
    );
    expect(await textOf(page.getByRole('status').first())).toContain('восстановлена');
    expect(await field('dating.ru').inputValue()).toBe('');
    expect(await textOf(history())).toContain('отложена');
  }, 60_000);
});
