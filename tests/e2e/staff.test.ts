import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { screenshot } from './helpers';

async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/admin`);
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

describe('staff sign-in', () => {
  const baseUrl = inject('baseUrl');
  let browser: OpenBrowser;

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a visitor who is not signed in from /admin to the sign-in page', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.close();
  });

  it('says plainly when the password is wrong, and keeps the e-mail typed', async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, 'museum-admin@kraeved.demo', 'not the password');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Неверная почта или пароль');
    expect(await page.getByLabel('Электронная почта').inputValue()).toBe(
      'museum-admin@kraeved.demo'
    );
    await screenshot(page, 'staff-01-wrong-password');
    await page.close();
  });

  it('lets a museum admin in to see their own museum only, and out again', async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, 'museum-admin@kraeved.demo', 'demo-museum-admin');
    await page.waitForURL(/\/admin$/);
    await expect
      .poll(() => page.locator('h1').textContent())
      .toContain('Администратор музея (демо)');
    const museums = await page.getByRole('region', { name: 'Мои музеи' }).textContent();
    expect(museums).toContain('Музей индустриально-технического наследия');
    expect(museums).not.toContain('Гродекова');
    await screenshot(page, 'staff-02-dashboard');
    await page.getByRole('button', { name: 'Выйти', exact: true }).click();
    await page.waitForURL(/\/admin\/sign-in$/);
    await page.goto(`${baseUrl}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
    await page.close();
  });

  it('keeps staff pages out of the shared cache', async () => {
    const response = await fetch(`${baseUrl}/admin/sign-in`);
    expect(response.headers.get('cache-control') ?? '').not.toMatch(/s-maxage/);
  });
});

describe('staff sign-in without JavaScript', () => {
  const baseUrl = inject('baseUrl');
  let browser: OpenBrowser;

  beforeAll(async () => {
    browser = await openBrowser({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in through the plain form', async () => {
    const page = await browser.newPage();
    await signIn(page, baseUrl, 'admin@kraeved.demo', 'demo-association-admin');
    await page.waitForURL(/\/admin$/);
    const museums = await page.getByRole('region', { name: 'Все музеи ассоциации' }).textContent();
    expect(museums).toContain('Гродекова');
    expect(museums).toContain('Музей индустриально-технического наследия');
    await page.close();
  });
});
