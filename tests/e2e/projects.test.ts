import fs from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { screenshot, setReadingCookie, signIn, waitForStatus } from './helpers';
import { startServer, type RunningServer } from './server';
import { heldLectureWithAttendance } from './report-fixture';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const tourPath = '/association/projects/museum-tour-2021';

/** The axe findings of the page, as "rule: first element" lines (none expected). */
async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`);
}

describe('projects: a visitor follows the Museum Tour, staff read the report', () => {
  let server: RunningServer;
  let browser: OpenBrowser;

  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
    // The demo projects are published a moment after start-up.
    await waitForStatus(`${server.url}${tourPath}`, 200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the Museum Tour with its real figures, its nine districts as a timeline and on a map', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/projects`);
    await page.getByRole('link', { name: 'Музейный тур', exact: true }).click();
    await page.waitForURL(`**${tourPath}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Музейный тур');
    const figures = await page.locator('.figures li').allInnerTexts();
    expect(figures.map((f) => f.replace(/\s+/g, ' '))).toEqual([
      '2 250 участников',
      '9 районов охвачено'
    ]);
    expect(await page.getByText('95 % участников — учащиеся', { exact: true }).count()).toBe(1);
    expect(await page.getByText('13 учреждений культуры', { exact: true }).count()).toBe(1);
    const stops = page.locator('ol.timeline > li h3');
    expect(await stops.allTextContents()).toEqual([
      'Хабаровский район',
      'Нанайский район',
      'Верхнебуреинский район',
      'Вяземский район',
      'Бикинский район',
      'Район имени Лазо',
      'Амурский район',
      'Солнечный район',
      'Комсомольский район'
    ]);
    expect(await page.getByRole('note').first().textContent()).toContain('Демонстрационная');
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}'
    );
    expect(jsonLd).toMatchObject({ '@type': 'Project', name: 'Музейный тур' });
    expect(jsonLd.subjectOf.subEvent).toHaveLength(9);
    // Leaflet comes only when asked for; then the nine stops are markers.
    expect(await page.locator('.leaflet-container').count()).toBe(0);
    await page.getByRole('button', { name: 'На карте' }).click();
    await expect.poll(() => page.locator('.map-box path.leaflet-interactive').count()).toBe(9);
    await screenshot(page, 'project-museum-tour');
    await page.close();
  }, 60_000);

  it('reads the timeline without JavaScript, in English, and axe finds nothing in any reading mode', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const page = await plain.newPage();
      await page.goto(`${server.url}/en${tourPath}`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Museum Tour');
      expect(await page.locator('ol.timeline > li').count()).toBe(9);
      expect(await page.locator('.figures').innerText()).toContain('2,250');
      // Without scripts the map stays hidden: the list says it all.
      expect(await page.locator('[data-map]').isHidden()).toBe(true);
    } finally {
      await plain.close();
    }
    const reader = await browser.newPage();
    for (const path of ['/projects', '/en/projects', tourPath, `/en${tourPath}`]) {
      await reader.goto(`${server.url}${path}`);
      expect(await axe(reader), path).toEqual([]);
    }
    await setReadingCookie(
      browser.context,
      server.url,
      'enabled=1&size=3&scheme=white-on-black&images=0&spacing=wide'
    );
    for (const path of ['/projects', tourPath, `/en${tourPath}`]) {
      await reader.goto(`${server.url}${path}`);
      expect(await axe(reader), `${path} (reading mode)`).toEqual([]);
    }
    await screenshot(reader, 'project-museum-tour-reading');
    await browser.context.clearCookies();
    await reader.close();
  }, 90_000);

  it('gives the association a report of 2021 with participants by project and districts, as CSV too', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'admin@kraeved.demo', 'demo-association-admin');
    await page.getByRole('link', { name: 'Отчёты' }).first().click();
    await page.getByLabel('С', { exact: true }).fill('2021-01-01');
    await page.getByLabel('По', { exact: true }).fill('2021-12-31');
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL(/from=2021-01-01/);
    const total = (label: string) =>
      page
        .locator('table.totals tr', { hasText: label })
        .locator('td')
        .innerText()
        .then((text) => text.replace(/\s/g, ' '));
    expect(await total('Участников проектов')).toBe('2 315');
    expect(await total('Охвачено районов')).toBe('10');
    expect(await page.locator('#projects-title + div tbody tr').count()).toBe(2);
    // The chart is drawn on the server and says its numbers in words.
    expect(await page.locator('svg[role="img"] desc').count()).toBe(2);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'report-association-2021');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV' }).click()
    ]);
    const csv = await fs.readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Участников проектов;2315');
    expect(csv).toContain('Проекты;Музейный тур;Ассоциация;2250;9;0;2250');
    await page.close();
  }, 60_000);

  it('gives a museum its own report: the lecture held, who registered and who came, as CSV', async () => {
    await heldLectureWithAttendance(server.dataDir);
    const page = await browser.newPage();
    await signIn(page, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
    await page.goto(`${server.url}/admin/reports?from=2026-03-01&to=2026-03-31`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Музей индустриально-технического наследия'
    );
    const total = (label: string) =>
      page
        .locator('table.totals tr', { hasText: label })
        .locator('td')
        .innerText()
        .then((text) => text.replace(/\s/g, ' '));
    expect(await total('Проведено мероприятий')).toBe('1');
    expect(await total('Зарегистрировано')).toBe('8');
    expect(await total('Пришло')).toBe('3');
    const row = page.locator('#events-title + div tbody tr');
    expect(await row.count()).toBe(1);
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('Лекция о паровозах');
    // The museum's staff may not read the association's report nor another museum's.
    expect((await page.goto(`${server.url}/admin/reports?museum=999999`))?.status()).toBe(404);
    await page.goto(`${server.url}/admin/reports?from=2026-03-01&to=2026-03-31`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV' }).click()
    ]);
    const csv = await fs.readFile((await download.path())!, 'utf8');
    expect(csv).toContain('Зарегистрировано;8');
    expect(csv).toContain('Пришло;3');
    expect(csv).toContain('Лекция о паровозах;Музей индустриально-технического наследия');
    await screenshot(page, 'report-museum-march');
    await page.close();
  }, 60_000);

  it('lets staff build an itinerary without JavaScript: add a stop in the empty row, move it by its number, publish', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const page = await plain.newPage();
      await signIn(page, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
      await page.locator('a[href^="/admin/museums/"][href$="/projects"]').first().click();
      await page.locator('[name="title.ru"]').fill('Паровоз едет в район');
      await page.locator('[name="title.en"]').fill('The engine goes to the districts');
      await page.locator('[name="slug"]').fill('engine-tour');
      await page.getByRole('button', { name: 'Создать проект' }).click();
      await page.waitForURL(/\/projects\/\d+$/);
      const editorUrl = page.url();
      await page.locator('[name="period.start"]').fill('2026-05-01');
      await page.locator('[name="period.end"]').fill('2026-06-30');
      // The one empty row is where a stop is added.
      await page.locator('[name="stops.0.district.ru"]').fill('Бикинский район');
      await page.locator('[name="stops.0.district.en"]').fill('Bikinsky District');
      await page.locator('[name="stops.0.startsOn"]').fill('2026-05-10');
      await page.locator('[name="stops.0.participants"]').fill('120');
      await page.getByRole('button', { name: 'Сохранить черновик' }).first().click();
      await page.waitForURL(`${editorUrl}?/save`);
      expect(await page.locator('[name="stops.0.district.ru"]').inputValue()).toBe(
        'Бикинский район'
      );
      await screenshot(page, 'project-editor-without-js');
      // A new empty row is there for the next stop; number 0 puts it first.
      await page.locator('[name="stops.1.district.ru"]').fill('Вяземский район');
      await page.locator('[name="stops.1.district.en"]').fill('Vyazemsky District');
      await page.locator('[name="stops.1.position"]').fill('0');
      await page.getByRole('button', { name: 'Опубликовать' }).first().click();
      await page.waitForLoadState();
      expect(await page.getByRole('status').textContent()).toContain('опубликован');
      await page.goto(`${server.url}/museums/industrial-heritage/projects/engine-tour`);
      expect(await page.locator('ol.timeline > li h3').allTextContents()).toEqual([
        'Вяземский район',
        'Бикинский район'
      ]);
    } finally {
      await plain.close();
    }
  }, 60_000);
});
