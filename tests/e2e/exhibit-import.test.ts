import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { clickAndLoad, screenshot } from './helpers';
import { startServer, type RunningServer } from './server';

const fixtures = path.resolve('tests/fixtures/import');

describe('a staff member imports an inventory in Windows-1251 with a ZIP of photographs', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let dir: string;
  let museumId: number;
  /** The fixture's six rows and enough more that the job takes a few batches. */
  const extra = 3000;

  beforeAll(async () => {
    server = await startServer({ frozenNow: '2026-11-24T02:00:00Z' });
    browser = await openBrowser();
    page = await browser.newPage();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-import-'));
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByLabel('Электронная почта').fill('museum-admin@kraeved.demo');
    await page.getByLabel('Пароль').fill('demo-museum-admin');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/admin$/);
    const href = await page.getByRole('link', { name: 'Медиатека' }).first().getAttribute('href');
    museumId = Number(/\/admin\/museums\/(\d+)\/media/.exec(href ?? '')?.[1]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('maps the columns, previews the rows, runs the job with a progress bar, and the exhibits are there', async () => {
    const fixture = iconv.decode(
      await fs.readFile(path.join(fixtures, 'inventory-1251.csv')),
      'windows-1251'
    );
    const more = Array.from(
      { length: extra },
      (_, i) =>
        `Э-${i + 1};Открытка № ${i + 1};1905;1905;бумага, печать;9 × 14 см;;Хабаровск;фото;;;`
    );
    const csv = path.join(dir, 'опись.csv');
    await fs.writeFile(
      csv,
      iconv.encode(`${fixture.trimEnd()}\r\n${more.join('\r\n')}\r\n`, 'windows-1251')
    );

    await page.goto(`${server.url}/admin/museums/${museumId}/exhibits`);
    await clickAndLoad(page, page.getByRole('link', { name: /Импорт/ }).first());
    await page.getByLabel('Файл описи (CSV или XLSX)').setInputFiles(csv);
    await page
      .getByLabel('Изображения (ZIP-архив, необязательно)')
      .setInputFiles(path.join(fixtures, 'images.zip'));
    await screenshot(page, 'import-01-upload');
    await clickAndLoad(page, page.getByRole('button', { name: 'Загрузить и сопоставить столбцы' }));

    // The mapping screen: Russian headers read from Windows-1251, each recognised.
    await page.getByRole('heading', { name: 'Что в каком столбце' }).waitFor();
    expect(await page.getByLabel('Кодировка файла').inputValue()).toBe('windows-1251');
    expect(await page.getByRole('combobox', { name: 'Инв. №' }).inputValue()).toBe(
      'inventoryNumber'
    );
    expect(await page.getByRole('combobox', { name: 'Материал, техника' }).inputValue()).toBe(
      'technique'
    );
    expect(await page.getByRole('rowheader', { name: 'Наименование' }).count()).toBe(1);
    expect(await page.locator('td.sample').first().textContent()).toContain('КП-1001');
    await screenshot(page, 'import-02-mapping');
    await clickAndLoad(page, page.getByRole('button', { name: 'Проверить строки' }));

    // The preview: counts, what each row will do, and why a row is refused.
    const counts = page.locator('dl.counts');
    expect(await counts.locator('.count.new dd').textContent()).toBe(String(5 + extra));
    expect(await counts.locator('.count.invalid dd').textContent()).toBe('1');
    await expect.poll(() => page.getByText(/сразу появятся на сайте/).count()).toBe(1);
    await screenshot(page, 'import-03-preview');
    await clickAndLoad(page, page.getByRole('link', { name: 'С ошибками' }));
    const invalid = page.locator('table.rows tbody tr');
    expect(await invalid.count()).toBe(1);
    expect(await invalid.first().textContent()).toMatch(/КП-1005[\s\S]*Заполните это поле/);
    // Nothing is written yet.
    await page.goto(`${server.url}/admin/museums/${museumId}/exhibits?q=1001`);
    expect(await page.getByText('Ковш-утица').count()).toBe(0);
    await page.goBack();

    await clickAndLoad(page, page.getByRole('button', { name: `Импортировать (${5 + extra})` }));
    // The job runs in the server's worker; the bar follows it without reloading the page.
    const seen: number[] = [];
    const done = page.getByText('Импорт завершён: предметы опубликованы.');
    await expect
      .poll(
        async () => {
          const bar = page.locator('progress#import-progress');
          if ((await bar.count()) > 0) {
            seen.push(Number((await bar.getAttribute('value')) ?? 0));
            if (seen.length === 1) await screenshot(page, 'import-04-progress');
          }
          return done.count();
        },
        { timeout: 60_000, interval: 200 }
      )
      .toBe(1);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((value, i) => i === 0 || value >= (seen[i - 1] ?? 0))).toBe(true);
    expect(await counts.locator('.count.new dd').textContent()).toBe(String(5 + extra));
    await screenshot(page, 'import-05-done');

    // The report of the refused row and the warnings, as CSV with a BOM.
    const report = await page.request.get(
      `${server.url}/admin/museums/${museumId}/exhibits/import/${/import\/(\d+)/.exec(page.url())?.[1]}/report.csv`
    );
    const body = await report.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString('utf8')).toMatch(/КП-1005.*Заполните это поле/);
    expect(body.toString('utf8')).toMatch(/КП-1006.*no-such-file\.jpg/);

    // The exhibits are there, with the photograph from the ZIP.
    await page.goto(`${server.url}/admin/museums/${museumId}/exhibits?q=1001`);
    await page.getByText('Ковш-утица').first().waitFor();
    await screenshot(page, 'import-06-exhibits');
  }, 120_000);
});
