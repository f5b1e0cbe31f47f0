import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { screenshot } from './helpers';
import { startServer, type RunningServer } from './server';

/** A cylindrical panorama, 3:1: noise over a colour, a blue band of sky along its top. */
async function cylinder(file: string) {
  await sharp({
    create: {
      width: 2400,
      height: 800,
      channels: 3,
      background: '#6b5a45',
      noise: { type: 'gaussian', mean: 110, sigma: 30 }
    }
  })
    .composite([
      {
        input: { create: { width: 2400, height: 60, channels: 3, background: '#3070d0' } },
        top: 0,
        left: 0
      }
    ])
    .jpeg({ quality: 85 })
    .toFile(file);
  return file;
}

describe('a panorama that is not 2:1: pad it or cancel', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let dir: string;
  let museumId: number;
  let wide: string;

  async function signIn(target: Page) {
    await target.goto(`${server.url}/admin/sign-in`);
    await target.getByLabel('Электронная почта').fill('museum-admin@kraeved.demo');
    await target.getByLabel('Пароль').fill('demo-museum-admin');
    await target.getByRole('button', { name: 'Войти' }).click();
    await target.waitForURL(/\/admin$/);
  }

  const counts = (target: Page) => target.locator('.counts').textContent();

  beforeAll(async () => {
    server = await startServer({ frozenNow: '2026-11-24T02:00:00Z' });
    browser = await openBrowser();
    page = await browser.newPage();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-pad-'));
    wide = await cylinder(path.join(dir, 'Цех.jpg'));
    await signIn(page);
    const href = await page.getByRole('link', { name: 'Медиатека' }).first().getAttribute('href');
    museumId = Number(/\/admin\/museums\/(\d+)\/media/.exec(href ?? '')?.[1]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('says the size, pads it on request into a 2:1 panorama, and cancels another', async () => {
    await page.goto(`${server.url}/admin/museums/${museumId}/media`);
    const before = await counts(page);
    await page.getByLabel(/Это панорамы 360°/).check();
    await page.locator('input[type=file][name=files]').setInputFiles(wide);
    const uploads = page.getByRole('list', { name: 'Загрузки' });
    await expect
      .poll(() => uploads.textContent(), { timeout: 30_000 })
      .toContain(
        'Панорама «Цех.jpg» — 2400×800 пикселей, а не 2:1. Дополните её до 2:1 (сверху и снизу добавятся пустые небо и пол) или отмените загрузку.'
      );
    await screenshot(page, 'media-03-pad-or-cancel');
    // Nothing is in the library while the choice is open.
    expect(await counts(page)).toBe(before);

    await uploads.getByRole('button', { name: 'Дополнить до 2:1' }).click();
    await expect
      .poll(() => uploads.textContent(), { timeout: 30_000 })
      .toContain('Панорама дополнена до 2:1 и обрабатывается.');
    await expect
      .poll(() => page.getByRole('link', { name: 'Цех.jpg' }).count(), { timeout: 30_000 })
      .toBe(1);
    const card = page.locator('li.asset', { has: page.getByRole('link', { name: 'Цех.jpg' }) });
    await expect.poll(() => card.locator('.meta').textContent()).toContain('2400×1200');

    // A second one, cancelled: it never reaches the library.
    await page.locator('input[type=file][name=files]').setInputFiles(wide);
    await expect
      .poll(() => uploads.getByRole('button', { name: 'Отменить' }).count(), { timeout: 30_000 })
      .toBe(1);
    const afterPad = await counts(page);
    await uploads.getByRole('button', { name: 'Отменить' }).click();
    await expect.poll(() => uploads.textContent()).toContain('Загрузка отменена, файл удалён.');
    await page.reload();
    expect(await page.getByRole('link', { name: 'Цех.jpg' }).count()).toBe(1);
    expect(await counts(page)).toBe(afterPad);
  }, 120_000);

  it('offers the same choice without JavaScript', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const noJs = await plain.newPage();
      await signIn(noJs);
      await noJs.goto(`${server.url}/en/admin/museums/${museumId}/media`);
      await noJs.getByLabel(/These are 360° panoramas/i).check();
      await noJs.locator('input[type=file][name=files]').setInputFiles(wide);
      await noJs.getByRole('button', { name: 'Upload' }).click();
      const alert = noJs.getByRole('alert');
      await expect
        .poll(() => alert.textContent())
        .toContain(
          'The panorama “Цех.jpg” is 2400×800, not 2:1. Pad it to 2:1 (adds empty sky and floor) or cancel.'
        );
      await alert.getByRole('button', { name: 'Pad to 2:1' }).click();
      await expect
        .poll(() =>
          noJs.getByText('The panorama was padded to 2:1 and is being processed.').count()
        )
        .toBe(1);
      expect(await noJs.getByRole('link', { name: 'Цех.jpg' }).count()).toBe(2);
    } finally {
      await plain.close();
    }
  }, 60_000);
});
