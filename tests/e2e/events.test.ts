import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from './server';
import { openBrowser, type OpenBrowser } from './browser';
import { setReadingCookie, signIn } from './helpers';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const readingWhiteOnBlack = 'enabled=1&size=2&scheme=white-on-black&images=1&spacing=wide';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' '))}`);
}

/** A date `days` from today, as a date input takes it. */
const inDays = (days: number) =>
  new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

describe('events: staff publish one with two sessions, visitors read it and the calendar', () => {
  let server: RunningServer;
  let plain: OpenBrowser;
  let scripted: OpenBrowser;
  let eventPath = '';

  beforeAll(async () => {
    server = await startServer();
    plain = await openBrowser({ javaScriptEnabled: false });
    scripted = await openBrowser();
  });
  afterAll(async () => {
    await plain?.close();
    await scripted?.close();
    await server?.stop();
  });

  it('staff create and publish an event with two sessions, without JavaScript', async () => {
    const page = await plain.newPage();
    await signIn(page, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
    await page.locator('a[href*="/admin/museums/"][href$="/events"]').first().click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/\/admin\/museums\/\d+\/events$/);
    await page.locator('input[name="title.ru"]').fill('Кузница для всех');
    await page.locator('input[name="title.en"]').fill('A forge for everyone');
    await page.locator('input[name="slug"]').fill('forge-for-all');
    await page.getByRole('button', { name: 'Создать событие' }).click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/\/events\/\d+$/);
    // The zone the times are entered in is said on the form.
    expect(await page.getByText('хабаровское время').count()).toBeGreaterThan(0);

    await page.locator('select[name="kind"]').selectOption('master-class');
    await page.locator('input[name="dates.kind"][value="sessions"]').check();
    await page.locator('input[name="sessions.0.date"]').fill(inDays(5));
    await page.locator('input[name="sessions.0.start"]').fill('10:00');
    await page.locator('input[name="sessions.0.end"]').fill('12:00');
    await page.getByRole('button', { name: 'Добавить сеанс' }).click();
    await page.waitForLoadState();
    // Rearranging keeps what was typed and saves nothing.
    expect(await page.locator('input[name="sessions.0.start"]').inputValue()).toBe('10:00');
    await page.locator('input[name="sessions.1.date"]').fill(inDays(6));
    await page.locator('input[name="sessions.1.start"]').fill('14:00');
    await page.locator('input[name="sessions.1.end"]').fill('13:00');

    // An end before the start is refused beside the field, nothing typed lost.
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await page.locator('.session .field-error').count()).toBe(1);
    expect(await page.locator('input[name="sessions.1.start"]').inputValue()).toBe('14:00');
    await page.locator('input[name="sessions.1.end"]').fill('16:00');
    await page.locator('select[name="ageRating"]').selectOption('6+');
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').first().textContent()).toContain('Опубликовано');

    await page.getByRole('link', { name: 'Предпросмотр' }).click();
    await page.waitForLoadState();
    expect(await page.getByText('10:00–12:00').count()).toBe(1);
    expect(await page.getByText('14:00–16:00').count()).toBe(1);
    eventPath = '/museums/industrial-heritage/events/forge-for-all';
    const visitor = await plain.newPage();
    await visitor.goto(`${server.url}${eventPath}`);
    expect(await visitor.locator('h1').textContent()).toBe('Кузница для всех');
    expect(await visitor.getByText(/10:00–12:00, хабаровское время/).count()).toBe(1);
  });

  it('a visitor finds it in the week by kind, and the .ics has both sessions', async () => {
    const page = await plain.newPage();
    await page.goto(`${server.url}/events?view=week&date=${inDays(5)}`);
    await page.getByLabel('Тип события').selectOption({ label: 'Мастер-класс' });
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).searchParams.get('kind')).toBe('master-class');
    await page.getByRole('link', { name: 'Кузница для всех' }).first().click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(eventPath);
    const ics = await page.getByRole('link', { name: /Добавить в календарь/ }).getAttribute('href');
    const body = await (await fetch(`${server.url}${ics}`)).text();
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(body).toMatch(/DTSTART:\d{8}T000000Z/);
  });

  it('the calendar and the event page have nothing axe objects to, in both languages and white on black', async () => {
    const page = await scripted.newPage();
    for (const prefix of ['', '/en'])
      for (const path of ['/events', `/events?view=list`, eventPath]) {
        await page.goto(`${server.url}${prefix}${path}`);
        expect(await violations(page), `${prefix}${path}`).toEqual([]);
      }
    // On a phone the month is a list of its days: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${server.url}/events`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390
    );
    await page.setViewportSize({ width: 1280, height: 800 });
    await setReadingCookie(scripted.context, server.url, readingWhiteOnBlack);
    for (const path of ['/events', eventPath]) {
      await page.goto(`${server.url}${path}`);
      expect(await violations(page), `${path} white on black`).toEqual([]);
    }
  });
});
