import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { grodekov, hoursStatus, screenshot, shotsDir, textOf } from './helpers';
import { startServer, type RunningServer } from './server';

const grodekovRule = 'Tu-Su 10:00-18:00; Mo off; Fr[-1] off "sanitary day"';

describe('the hours editor: a builder for common rules and a live preview', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let editUrl: string;

  const ruleInput = () => page.locator('input[name="hoursRule"]');
  const preview = () => page.locator('.hours-preview');
  const previewStatus = () => page.locator('.hours-preview .status');

  /** A close-up of the opening-hours part of the form, for a person to look at. */
  async function shootHours(name: string) {
    await mkdir(shotsDir, { recursive: true });
    await page
      .locator('fieldset.group', { has: ruleInput() })
      // The form's sticky save bar would otherwise cover part of a tall close-up.
      .screenshot({
        path: path.join(shotsDir, `${name}.png`),
        style: '.sticky-actions { position: static; }'
      });
  }

  /** Ticks exactly these days in the builder (1 = Monday … 7 = Sunday). */
  async function chooseDays(open: number[]) {
    const days = page.getByRole('group', { name: 'Дни работы' }).getByRole('checkbox');
    expect(await days.count()).toBe(7);
    for (let day = 1; day <= 7; day++) await days.nth(day - 1).setChecked(open.includes(day));
  }

  beforeAll(async () => {
    // A server of its own: this test publishes new hours for a museum that other tests read.
    // Tuesday 24 November 2026, 12:00 in Khabarovsk.
    server = await startServer({ frozenNow: '2026-11-24T02:00:00Z' });
    browser = await openBrowser();
    page = await browser.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByLabel('Электронная почта').fill('grodekov-admin@kraeved.demo');
    await page.getByLabel('Пароль').fill('demo-grodekov-admin');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/admin$/);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('previews the saved rule as soon as the page opens', async () => {
    await page.getByRole('link', { name: grodekov.ru }).first().click();
    await page.waitForURL(/\/admin\/museums\/\d+$/);
    editUrl = page.url();
    expect(await ruleInput().inputValue()).toBe(grodekovRule);
    await expect.poll(() => textOf(previewStatus())).toBe('Открыто, закроется в 18:00');
    expect(await preview().getAttribute('aria-live')).toBeNull();
    expect(await preview().locator('[aria-live="polite"]').count()).toBe(1);
  });

  it('writes the rule from the builder and shows what visitors will read', async () => {
    // Start from something else, so the builder's rule is plainly its own.
    await ruleInput().fill('Mo-Fr 09:00-17:00');
    await expect.poll(() => textOf(previewStatus())).toBe('Открыто, закроется в 17:00');

    await page.getByLabel('Только по договорённости').setChecked(false);
    await chooseDays([2, 3, 4, 5, 6, 7]);
    await page.getByLabel('Открывается в').fill('10:00');
    await page.getByLabel('Закрывается в').fill('18:00');
    await page.getByLabel('Перерыв на обед').setChecked(false);
    await page.getByLabel('Закрыто в последнюю пятницу месяца (санитарный день)').setChecked(true);
    await page.getByLabel('Закрыто в праздничные дни').setChecked(false);
    await page.getByRole('button', { name: 'Применить это расписание' }).click();

    expect(await ruleInput().inputValue()).toBe(grodekovRule);
    await expect.poll(() => textOf(previewStatus())).toBe('Открыто, закроется в 18:00');
    const rows = preview().locator('table.week tbody tr');
    await expect.poll(() => rows.count()).toBe(7);
    // Friday 27 November is the last Friday of the month; Monday 30th the day off.
    const cells = async (i: number) => [
      await textOf(rows.nth(i).locator('th')),
      await textOf(rows.nth(i).locator('td'))
    ];
    expect(await cells(0)).toEqual(['вторник, 24 ноябрясегодня', '10:00–18:00']);
    expect(await cells(3)).toEqual(['пятница, 27 ноября', 'Выходной: санитарный день']);
    expect(await cells(6)).toEqual(['понедельник, 30 ноября', 'Выходной']);
    await shootHours('hours-editor-01-builder');
    await screenshot(page, 'hours-editor-01-page');
  });

  it('explains a problem with the choice instead of writing a broken rule', async () => {
    await page.getByLabel('Перерыв на обед').setChecked(true);
    await page.getByLabel('Перерыв с').fill('19:00');
    await page.getByLabel('Перерыв до').fill('20:00');
    await page.getByRole('button', { name: 'Применить это расписание' }).click();
    expect(await ruleInput().inputValue()).toBe(grodekovRule);
    expect(await textOf(page.locator('.hours-problem'))).toBe(
      'Перерыв должен начинаться и заканчиваться в рабочее время.'
    );
    await shootHours('hours-editor-03-lunch-problem');
    await page.getByLabel('Перерыв на обед').setChecked(false);
    expect(await textOf(page.locator('.hours-problem'))).toBe('');
  });

  it('has every control labelled and nothing axe objects to', async () => {
    const results = await new AxeBuilder({ page })
      .include('.hours-builder')
      .include('.hours-preview')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  });

  it('shows the error of a wrong rule in the preview while it is typed', async () => {
    await ruleInput().fill('Tu-Su 10:00-25:99');
    const error = preview().locator('.field-error');
    await expect.poll(() => textOf(error)).toMatch(/25:99.*минут больше 59/);
    expect(await previewStatus().count()).toBe(0);
    expect(await preview().locator('table').count()).toBe(0);
    expect(await ruleInput().getAttribute('aria-invalid')).toBe('true');
    // The message is tied to the field, not only shown in red.
    const errorId = await error.getAttribute('id');
    expect((await ruleInput().getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
    await shootHours('hours-editor-02-error');

    await ruleInput().fill('"by arrangement"');
    // Grodekov gives no phone number, so there is none to call.
    await expect.poll(() => textOf(previewStatus())).toBe('Посещение по договорённости');
    expect(await preview().locator('table').count()).toBe(0);
    expect(await ruleInput().getAttribute('aria-invalid')).toBe('false');
  });

  it('saves the rule the builder wrote, and visitors read the same sentence', async () => {
    await page.getByLabel('Закрыто в праздничные дни').setChecked(true);
    await page.getByRole('button', { name: 'Применить это расписание' }).click();
    const published = `${grodekovRule}; PH off`;
    expect(await ruleInput().inputValue()).toBe(published);
    await expect.poll(() => textOf(previewStatus())).toBe('Открыто, закроется в 18:00');
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await page.getByRole('status').filter({ hasText: 'Опубликовано' }).waitFor();

    await page.goto(editUrl);
    expect(await ruleInput().inputValue()).toBe(published);
    // The builder starts from the saved rule, as it can read it.
    expect(await page.getByLabel('Закрыто в праздничные дни').isChecked()).toBe(true);
    expect(await page.getByLabel('Вторник').isChecked()).toBe(true);
    expect(await page.getByLabel('Понедельник').isChecked()).toBe(false);

    await page.goto(`${server.url}/museums/${grodekov.slug}`);
    expect(await textOf(hoursStatus(page))).toBe('Открыто, закроется в 18:00');
  });

  it('answers the preview only to those who may edit the museum', async () => {
    const own = editUrl.replace(/\/?$/, '/hours-preview');
    const answer = await page.request.post(own, { data: { rule: 'Mo-Su 10:00-20:00' } });
    expect(answer.status()).toBe(200);
    expect(await answer.json()).toMatchObject({
      ok: true,
      status: 'Открыто, закроется в 20:00'
    });
    const english = await page.request.get(
      own.replace('/admin/', '/en/admin/') + '?rule=' + encodeURIComponent(grodekovRule)
    );
    const body = (await english.json()) as { status: string; week: { day: string }[] };
    expect(body.status).toBe('Open, closes at 18:00');
    expect(body.week[0]?.day).toBe('Tuesday 24 November');

    const wrong = await page.request.get(`${own}?rule=${encodeURIComponent('Mo 25:00')}`);
    expect(await wrong.json()).toMatchObject({ ok: false });

    const statuses: number[] = [];
    for (let id = 1; id <= 16; id++) {
      const url = `${server.url}/admin/museums/${id}/hours-preview?rule=Mo-Su`;
      statuses.push((await page.request.get(url)).status());
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 404)).toBe(true);

    const signedOut = await fetch(`${own}?rule=Mo-Su`);
    expect(signedOut.status).toBe(404);
  });
});

describe('the hours field without JavaScript', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ frozenNow: '2026-11-24T02:00:00Z' });
    browser = await openBrowser({ javaScriptEnabled: false });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is the plain rule input, and saving still works', async () => {
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByLabel('Электронная почта').fill('grodekov-admin@kraeved.demo');
    await page.getByLabel('Пароль').fill('demo-grodekov-admin');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/admin$/);
    await page.getByRole('link', { name: grodekov.ru }).first().click();
    await page.waitForURL(/\/admin\/museums\/\d+$/);
    expect(await page.locator('.hours-builder, .hours-preview').count()).toBe(0);
    const rule = page.getByLabel('Правило в формате OpenStreetMap');
    expect(await rule.inputValue()).toBe(grodekovRule);

    await rule.fill('Tu-Su 10:00-25:99');
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await page.waitForLoadState('load');
    expect(await textOf(page.locator('.field-error').first())).toMatch(/25:99/);

    await page.getByLabel('Правило в формате OpenStreetMap').fill('Tu-Su 11:00-19:00; Mo off');
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await page.getByRole('status').filter({ hasText: 'Опубликовано' }).waitFor();
    await page.goto(`${server.url}/museums/${grodekov.slug}`);
    expect(await textOf(hoursStatus(page))).toBe('Открыто, закроется в 19:00');
  });
});
