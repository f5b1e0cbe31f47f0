import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { screenshot } from './helpers';
import { startServer, type RunningServer } from './server';

/**
 * The staff workspace end to end, as issue 3 asks: an editor invited by e-mail sets a password,
 * edits hours and prices, uploads three photos with alt text and submits; the museum admin
 * previews and publishes; visitors see the change and the photos; an editor of another museum
 * reaches none of it.
 */
describe('an invited editor edits, the museum admin previews and publishes', () => {
  let server: RunningServer;
  /** One browser per person, each signed in once (sign-in is rate limited per address). */
  const browsers: OpenBrowser[] = [];
  let page: Page;
  let dir: string;
  let museumId: number;
  const newEditor = { email: 'curator@industrial.test', password: 'паровоз-1951-депо' };
  const strangerEditor = { email: 'editor@grodekov.test', password: 'гродеков-1894-музей' };
  const museumAdmin = { email: 'museum-admin@kraeved.demo', password: 'demo-museum-admin' };
  const grodekovAdmin = { email: 'grodekov-admin@kraeved.demo', password: 'demo-grodekov-admin' };
  const signedIn = new Map<string, Page>();

  /** The page of a person's own browser, signing them in the first time. */
  async function as(person: { email: string; password: string }): Promise<Page> {
    const known = signedIn.get(person.email);
    if (known) return known;
    const browser = await openBrowser();
    browsers.push(browser);
    const own = await browser.newPage();
    await own.goto(`${server.url}/admin/sign-in`);
    await own.getByLabel('Электронная почта').fill(person.email);
    await own.getByLabel('Пароль').fill(person.password);
    await own.getByRole('button', { name: 'Войти' }).click();
    await own.waitForURL(/\/admin$/);
    signedIn.set(person.email, own);
    return own;
  }

  /**
   * A museum admin invites an editor; the association's admin reads the link in the outbox (no
   * mail server here); the editor opens it in a browser of their own and sets a password.
   */
  async function inviteEditor(
    admin: { email: string; password: string },
    editor: { email: string; password: string; name: string }
  ): Promise<Page> {
    const inviter = await as(admin);
    await inviter.goto(`${server.url}/admin`);
    await inviter.getByRole('link', { name: 'Сотрудники' }).first().click();
    await inviter.waitForURL(/\/team$/);
    await inviter.getByLabel('Электронная почта').fill(editor.email);
    await inviter.getByRole('button', { name: 'Отправить приглашение' }).click();
    await expect
      .poll(() => inviter.getByRole('status').first().textContent())
      .toContain(editor.email);

    const association = await as({
      email: 'admin@kraeved.demo',
      password: 'demo-association-admin'
    });
    await association.goto(`${server.url}/admin/outbox`);
    const letter = association.locator('article', { hasText: `Кому: ${editor.email}` }).first();
    const link = await letter.locator('a[href*="/admin/accept"]').first().getAttribute('href');
    expect(link).toBeTruthy();

    const browser = await openBrowser();
    browsers.push(browser);
    const invited = await browser.newPage();
    await invited.goto(link!);
    await invited.getByLabel('Имя и фамилия').fill(editor.name);
    await invited.getByLabel('Пароль').fill(editor.password);
    await invited.getByRole('button', { name: 'Принять приглашение' }).click();
    await invited.waitForURL(/\/admin$/);
    signedIn.set(editor.email, invited);
    return invited;
  }

  async function photo(name: string, colour: string): Promise<string> {
    const file = path.join(dir, name);
    await sharp({
      create: {
        width: 1400,
        height: 933,
        channels: 3,
        background: colour,
        noise: { type: 'gaussian', mean: 100, sigma: 30 }
      }
    })
      .jpeg()
      .toFile(file);
    return file;
  }

  beforeAll(async () => {
    server = await startServer({ frozenNow: '2026-11-24T02:00:00Z' });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-workspace-'));
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('lets an editor invited by e-mail set a password and sign in', async () => {
    page = await inviteEditor(museumAdmin, { ...newEditor, name: 'Вера Кузнецова' });
    expect(await page.locator('h1').textContent()).toContain('Вера Кузнецова');
    const href = await page.getByRole('link', { name: 'Медиатека' }).first().getAttribute('href');
    museumId = Number(/\/admin\/museums\/(\d+)\/media/.exec(href ?? '')?.[1]);
    expect(museumId).toBeGreaterThan(0);
  });

  it('uploads three photos and describes each for blind visitors', async () => {
    await page.goto(`${server.url}/admin/museums/${museumId}/media`);
    await page
      .locator('input[type=file][name=files]')
      .setInputFiles([
        await photo('Депо.jpg', '#5c4a3a'),
        await photo('Кран.jpg', '#3a4a5c'),
        await photo('Вагон.jpg', '#4a5c3a')
      ]);
    await expect
      // Generous: the derivatives are made by the worker on a shared, busy machine.
      .poll(() => page.getByText(/Готово: 3, обрабатывается: 0/).count(), { timeout: 120_000 })
      .toBe(1);
    for (const [file, ru, en] of [
      ['Депо.jpg', 'Паровозное депо зимой', 'A locomotive depot in winter'],
      ['Кран.jpg', 'Портовый кран на набережной', 'A harbour crane on the embankment'],
      ['Вагон.jpg', 'Вагон узкоколейки в зале', 'A narrow-gauge wagon in the hall']
    ] as const) {
      await page.goto(`${server.url}/admin/museums/${museumId}/media`);
      await page.getByRole('link', { name: file }).click();
      await page.waitForURL(/\/media\/\d+$/);
      await page.locator('textarea[name="alt.ru"]').fill(ru);
      await page.locator('textarea[name="alt.en"]').fill(en);
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => page.getByText('Сохранено.').count()).toBe(1);
    }
  }, 180_000);

  it('edits hours and prices, picks the photos and submits for review', async () => {
    await page.goto(`${server.url}/admin/museums/${museumId}`);
    await page.locator('input[name="hoursRule"]').fill('Sa-Su 11:00-17:00');
    await page.locator('input[name="prices.0.amountRub"]').fill('1200');
    await page.locator('input[name="prices.3.category.ru"]').fill('Школьники');
    await page.locator('input[name="prices.3.category.en"]').fill('Schoolchildren');
    await page.locator('input[name="prices.3.amountRub"]').fill('300');
    for (const [order, file] of ['Депо.jpg', 'Кран.jpg', 'Вагон.jpg'].entries()) {
      await page.getByLabel(`Показывать «${file}»`).check();
      const row = page.locator('.photos li', { hasText: file });
      await row.locator('input[name$=".position"]').fill(String(order + 1));
    }
    await page.getByRole('button', { name: 'Отправить на проверку' }).click();
    await page.getByText('Отправлено на проверку').first().waitFor();
    await screenshot(page, 'workspace-01-submitted');
    // Typing more does not quietly take the submitted version back for more work.
    await page.locator('input[name="summary.ru"]').fill('Правка после отправки');
    await expect
      .poll(() => page.getByText('Эта версия ждёт проверки').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    // Visitors see nothing of it yet.
    const publicPage = await (await fetch(`${server.url}/museums/industrial-heritage`)).text();
    expect(publicPage).not.toContain('Школьники');
    expect(publicPage).not.toContain('Паровозное депо зимой');
  });

  it('shows the museum admin a preview, then publishes from it', async () => {
    page = await as(museumAdmin);
    await page.goto(`${server.url}/admin/museums/${museumId}/preview`);
    const preview = await page.locator('main').textContent();
    expect(preview).toContain('Эта версия ждёт проверки');
    expect(preview).toContain('Школьники');
    expect(preview).not.toContain('Правка после отправки');
    expect(await page.locator('.gallery img').count()).toBe(3);
    await screenshot(page, 'workspace-02-preview');
    await page.getByRole('button', { name: 'Одобрить и опубликовать' }).click();
    await page.getByRole('status').filter({ hasText: 'Опубликовано' }).waitFor();
  });

  it('shows visitors the new hours, prices and photos with their alt text', async () => {
    await page.goto(`${server.url}/museums/industrial-heritage`);
    const text = await page.locator('main').textContent();
    expect(text).toContain('Школьники');
    expect(text).toMatch(/1\s200\s₽/);
    expect(text).toContain('11:00');
    const alts = await page
      .locator('.gallery img')
      .evaluateAll((imgs) => imgs.map((img) => img.getAttribute('alt')));
    expect(alts).toEqual([
      'Паровозное депо зимой',
      'Портовый кран на набережной',
      'Вагон узкоколейки в зале'
    ]);
    const first = page.locator('.gallery img').first();
    expect(await first.getAttribute('loading')).toBe('lazy');
    expect(await first.getAttribute('sizes')).toBeTruthy();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await screenshot(page, 'workspace-03-public');
  });

  it('keeps an editor of another museum out of all of it', async () => {
    page = await inviteEditor(grodekovAdmin, { ...strangerEditor, name: 'Олег Смирнов' });
    const assets = await page.request.get(`${server.url}/admin/museums/${museumId}/media`);
    expect(assets.status()).toBe(404);
    for (const suffix of ['', '/media', '/preview', '/team', '/media/1']) {
      const response = await page.goto(`${server.url}/admin/museums/${museumId}${suffix}`);
      expect(response?.status(), suffix).toBe(404);
    }
    const save = await page.request.post(`${server.url}/admin/museums/${museumId}?/save`, {
      form: { 'summary.ru': 'Чужая правка', intent: 'draft' },
      headers: { origin: server.url }
    });
    expect(save.status()).toBe(404);
  });
});
