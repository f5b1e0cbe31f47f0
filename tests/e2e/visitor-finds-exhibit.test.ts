import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type OpenBrowser } from './browser';
import { fixtureExhibit, publishFixtureExhibit } from './exhibit-fixture';
import { deepest, iiifTraffic, tileOf } from './iiif-traffic';
import { industrialHeritage, screenshot } from './helpers';
import { startServer, type RunningServer } from './server';

/** Resolves once no IIIF request has been made for half a second: the view has come to rest. */
async function settled(requests: string[]): Promise<void> {
  let seen = -1;
  await expect
    .poll(
      () => {
        const still = requests.length === seen;
        seen = requests.length;
        return still;
      },
      { timeout: 15_000, interval: 500 }
    )
    .toBe(true);
}

describe('a visitor finds an exhibit from the home page, opens it and looks closely', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let fixture: { exhibitId: number; assetId: number };

  beforeAll(async () => {
    server = await startServer();
    fixture = await publishFixtureExhibit(server.dataDir);
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds «Паровой молот» by «молотом», opens its page and zooms into the photograph', async () => {
    const page = await browser.newPage();
    const traffic = iiifTraffic(page);
    await page.goto(`${server.url}/`);
    const box = page.getByRole('search', { name: 'Поиск', exact: true });
    // The instrumental case: the title says «молот».
    await box.getByLabel('Найти в музеях края').fill('молотом');
    await Promise.all([
      page.waitForURL(/\/search\?q=/),
      box.getByRole('button', { name: 'Найти' }).click()
    ]);
    const hit = page
      .locator('.search-hit')
      .filter({ has: page.getByRole('link', { name: fixtureExhibit.title, exact: true }) });
    await hit.waitFor();
    expect(await hit.locator('.meta').textContent()).toContain('Предмет');
    await screenshot(page, 'visitor-exhibit-01-found');

    const exhibitPath = `/museums/${industrialHeritage.slug}/exhibits/${fixture.exhibitId}`;
    await Promise.all([
      page.waitForURL((url) => url.pathname === exhibitPath),
      hit.getByRole('link', { name: fixtureExhibit.title, exact: true }).click()
    ]);
    await page.getByRole('heading', { level: 1, name: fixtureExhibit.title }).waitFor();
    await page.getByText(fixtureExhibit.inventoryNumber).first().waitFor();

    // OpenSeadragon has opened the photo's IIIF service and drawn its first view over the picture.
    await page.locator('.deep-zoom.shown').waitFor({ timeout: 20_000 });
    expect(traffic.requests).toContain(`${server.url}/iiif/3/${fixture.assetId}/info.json`);
    expect(traffic.requests.map(tileOf).filter((t) => t !== null).length).toBeGreaterThan(0);
    // The whole photo fits the viewer: no full-resolution tile yet.
    expect(deepest(traffic.requests)).toEqual([]);
    expect(await page.locator('.openseadragon-canvas').getAttribute('aria-label')).toBe(
      'Увеличиваемое изображение: Паровой молот в цеху'
    );
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      'axe on the exhibit page with its viewer open'
    ).toEqual([]);

    // From the keyboard, as the hint under the viewer says: = zooms in, the arrows move.
    const canvas = page.locator('.openseadragon-canvas');
    await canvas.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('Equal');
    await expect
      .poll(() => deepest(traffic.requests).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await settled(traffic.requests);
    const before = deepest(traffic.requests).length;
    // A press moves the view by 40 px; the visitor keeps pressing until new detail comes in.
    await expect
      .poll(
        async () => {
          await page.keyboard.press('ArrowLeft');
          return deepest(traffic.requests).length;
        },
        { timeout: 15_000, interval: 100 }
      )
      .toBeGreaterThan(before);
    expect(traffic.failures).toEqual([]);
    await screenshot(page, 'visitor-exhibit-02-zoomed');
    await page.close();
  }, 90_000);
});
