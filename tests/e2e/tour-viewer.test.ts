import http from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { freePort, startServer, type RunningServer } from './server';
import { embedCode } from '$lib/components/tours/embed';
import { demoExhibitPlan } from '$lib/server/demo/exhibits';
import { industrialHeritage, screenshot, waitForStatus } from './helpers';
import { fixtureTour, publishFixtureTour } from './tour-fixture';

const [firstHall, secondHall, thirdHall] = fixtureTour.halls;

/** The demo tour the server draws and publishes at start-up (DEMO_TOUR=on). */
const demoTour = {
  path: '/museums/industrial-heritage/tours/demo-halls',
  halls: ['Гараж на Джамбула, 54', 'Комната-хранилище', 'Площадка на заводе им. А. М. Горького'],
  /** The demo object the garage's exhibit hotspot opens (looking at yaw −120°). */
  garageObject: demoObject('ДЕМО-ИТН-0001')
};

/** A demo object of the industrial-heritage museum, by its inventory number. */
function demoObject(inventoryNumber: string) {
  const planned = demoExhibitPlan()
    .find((plan) => plan.museum === industrialHeritage.slug)
    ?.exhibits.find((e) => e.input.inventoryNumber === inventoryNumber);
  if (!planned) throw new Error(`no demo object ${inventoryNumber}`);
  return { inventoryNumber, title: planned.input.title.ru };
}

/** Whether this Chromium draws WebGL 2 (headless: through SwiftShader, when it has it). */
function hasWebGL2(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.createElement('canvas').getContext('webgl2'));
}

const sceneHeading = (page: Page) => page.locator('#scene-heading');

describe('the visitors’ tour page', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let webgl = false;

  beforeAll(async () => {
    server = await startServer({ demoTour: true });
    await publishFixtureTour(server.dataDir);
    browser = await openBrowser();
    page = await browser.newPage();
    // The demo halls are drawn and tiled after start-up; their tour is published when ready.
    await waitForStatus(server.url + demoTour.path, 200);
    await page.goto(server.url + fixtureTour.path);
    webgl = await hasWebGL2(page);
    console.log(`tour viewer e2e: WebGL 2 ${webgl ? 'available' : 'missing'} in this Chromium`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the demo tour, shows the panorama where WebGL 2 runs, and moves to the next hall by a click on its hotspot', async () => {
    // Looking towards the garage's door (yaw 150°), as a shared link to the view would.
    await page.goto(`${server.url}${demoTour.path}?scene=garage&yaw=150&pitch=0`);
    await expect.poll(() => sceneHeading(page).textContent()).toBe(demoTour.halls[0]);
    if (webgl) {
      await page.locator('.panorama.ready canvas').waitFor();
      const door = page.locator('.pano-marker', { hasText: `Перейти: ${demoTour.halls[1]}` });
      await door.waitFor();
      await screenshot(page, 'tour-desktop');
      await door.click();
    } else {
      await screenshot(page, 'tour-desktop-flat');
      await page.getByRole('link', { name: `Перейти: ${demoTour.halls[1]}` }).click();
    }
    await expect.poll(() => sceneHeading(page).textContent()).toBe(demoTour.halls[1]);
    expect(new URL(page.url()).searchParams.get('scene')).toBe('storage');
    await expect
      .poll(() => page.locator('[aria-live="polite"].live').textContent())
      .toContain(demoTour.halls[1]);
  });

  it('is found from the museum’s page', async () => {
    await page.goto(`${server.url}/museums/${industrialHeritage.slug}`);
    await page
      .getByRole('region', { name: 'Виртуальные экскурсии' })
      .getByRole('link', { name: 'Залы машин' })
      .click();
    await expect.poll(() => sceneHeading(page).textContent()).toBe(firstHall);
  });

  it('moves to the next hall of the demo tour by keyboard alone, and says so', async () => {
    const [, storage, plant] = demoTour.halls;
    await page.goto(`${server.url}${demoTour.path}?scene=storage`);
    await expect.poll(() => sceneHeading(page).textContent()).toBe(storage);
    await page.locator('body').focus();
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(
        () =>
          document.activeElement?.tagName === 'A' &&
          (document.activeElement.textContent ?? '').includes('Перейти: Площадка на заводе')
      );
    }
    expect(found, 'Tab reaches the hotspot to the plant').toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => sceneHeading(page).textContent()).toBe(plant);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('scene-heading');
    expect(await page.locator('.live').textContent()).toContain(plant);
  });

  it('opens the garage’s exhibit hotspot from the list beside the view and follows its card to the object’s page', async () => {
    const { title, inventoryNumber } = demoTour.garageObject;
    await page.goto(`${server.url}${demoTour.path}?scene=garage`);
    await expect.poll(() => sceneHeading(page).textContent()).toBe(demoTour.halls[0]);
    expect(
      await page
        .getByRole('navigation', { name: 'Все панорамы экскурсии' })
        .locator('[aria-current="location"]')
        .textContent()
    ).toBe(`${demoTour.halls[0]} (вы здесь)`);
    const hotspots = page.locator('.hotspots');
    await hotspots.locator('summary', { hasText: title }).click();
    const card = hotspots.locator('.exhibit');
    await card.locator('strong', { hasText: title }).waitFor();
    const link = card.getByRole('link', { name: 'Открыть страницу предмета' });
    await screenshot(page, 'tour-exhibit-card');
    await Promise.all([
      page.waitForURL(new RegExp(`/museums/${industrialHeritage.slug}/exhibits/\\d+$`)),
      link.click()
    ]);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(inventoryNumber, { exact: true }).first().waitFor();
  });

  it('opens a text hotspot from the list', async () => {
    await page.goto(`${server.url}${fixtureTour.path}?scene=s2`);
    await page.locator('summary', { hasText: 'Записка мастера' }).click();
    await page.getByText(fixtureTour.note).waitFor();
  });

  it('opens the garage’s exhibit hotspot by clicking its marker on the panorama', async () => {
    if (!webgl) return expect(webgl).toBe(false); // the list above covers the fallback
    const { title } = demoTour.garageObject;
    await page.goto(`${server.url}${demoTour.path}?scene=garage&yaw=-120&pitch=0`);
    const marker = page.locator('.pano-marker', { hasText: title });
    await marker.waitFor();
    await marker.click();
    await page.getByRole('link', { name: 'Открыть страницу предмета' }).first().waitFor();
  });

  it('turns by the arrow keys, keeps the address on the scene and the direction looked in, and goes full screen', async () => {
    if (!webgl) return expect(webgl).toBe(false); // no view to turn without the panorama
    await page.goto(`${server.url}${fixtureTour.path}?scene=s2`);
    const panorama = page.getByRole('application');
    await page.locator('.panorama.ready').waitFor();
    const box = await panorama.boundingBox();
    if (!box) throw new Error('the panorama has no box');
    // The visitor drags the view to the left, turning to the right.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    const yaw = () => Number(new URL(page.url()).searchParams.get('yaw') ?? 0);
    await expect.poll(yaw, { timeout: 5_000 }).toBeGreaterThan(5);
    // And from the keyboard, once the panorama has the focus.
    await page.waitForTimeout(500); // the address settles after the drag's inertia
    const dragged = yaw();
    await panorama.focus();
    await page.keyboard.down('ArrowLeft');
    await page.waitForTimeout(800);
    await page.keyboard.up('ArrowLeft');
    await expect.poll(() => Math.abs(yaw() - dragged), { timeout: 5_000 }).toBeGreaterThan(3);
    const shared = page.url();
    await page.goto(shared);
    await expect.poll(() => sceneHeading(page).textContent()).toBe(secondHall);
    expect(new URL(page.url()).searchParams.get('yaw')).toBe(
      new URL(shared).searchParams.get('yaw')
    );

    await page.getByRole('button', { name: 'Во весь экран' }).click();
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.className ?? ''))
      .toContain('stage');
    await page.getByRole('button', { name: 'Выйти из полноэкранного режима' }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  });

  it('loads nothing from the video site until the visitor asks for the video', async () => {
    await page.goto(server.url + fixtureTour.path);
    await page.waitForLoadState('networkidle');
    expect([...browser.blockedHosts]).toEqual([]);
    await page.getByRole('button', { name: /Паровоз на ходу/ }).click();
    await page.locator('.facade iframe').waitFor();
    await expect.poll(() => [...browser.blockedHosts]).toContain('www.youtube-nocookie.com');
  });

  it.each([
    { name: 'the tour page', path: fixtureTour.path },
    { name: 'a scene with hotspots opened', path: `${fixtureTour.path}?scene=s2` },
    { name: 'the demo tour’s garage', path: `${demoTour.path}?scene=garage` },
    { name: 'the embed', path: fixtureTour.embedPath }
  ])('has no accessibility violations on $name (axe, WCAG 2.1 AA)', async ({ path }) => {
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    if (webgl) await page.locator('.panorama.ready').waitFor();
    for (const summary of await page.locator('.hotspots summary').all()) await summary.click();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target)}`)).toEqual([]);
  });

  it('fits a phone', async () => {
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(server.url + fixtureTour.path, { waitUntil: 'networkidle' });
    if (webgl) await phone.locator('.panorama.ready canvas').waitFor();
    await screenshot(phone, 'tour-phone');
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    // What sticks out, outside the panorama (which clips its own markers and panels).
    const wider = await phone.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => !el.closest('.view'))
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((el) => `${el.tagName}.${el.className}`)
    );
    expect(overflow, `the page is no wider than the phone: ${wider.join(', ')}`).toBe(0);
    await phone.close();
  });

  it('without WebGL 2, keeps the flat image and moves through the tour from the list', async () => {
    const noGl = await openBrowser();
    try {
      await noGl.context.addInitScript(() => {
        const getContext = HTMLCanvasElement.prototype.getContext;
        // @ts-expect-error a browser without WebGL 2 answers null
        HTMLCanvasElement.prototype.getContext = function (kind: string, ...rest: unknown[]) {
          return kind === 'webgl2' ? null : getContext.call(this, kind, ...rest);
        };
      });
      const tab = await noGl.newPage();
      const scripts: string[] = [];
      tab.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      await tab.goto(server.url + fixtureTour.path, { waitUntil: 'networkidle' });
      expect(await tab.locator('.flat img').isVisible()).toBe(true);
      expect(await tab.locator('canvas, .psv-container').count()).toBe(0);
      await tab.getByRole('link', { name: /Дверь в кузнечный цех/ }).click();
      await expect.poll(() => sceneHeading(tab).textContent()).toBe(secondHall);
      expect(await tab.locator('.flat img').isVisible()).toBe(true);
      // The viewer's code (three.js among it) was never fetched.
      const scriptBodies = await Promise.all(scripts.map(async (url) => (await fetch(url)).text()));
      expect(scriptBodies.some((body) => body.includes('WebGLRenderer'))).toBe(false);
    } finally {
      await noGl.close();
    }
  });

  it('without JavaScript, moves through the tour by its links', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const tab = await plain.newPage();
      await tab.goto(server.url + fixtureTour.path);
      expect(await sceneHeading(tab).textContent()).toBe(firstHall);
      expect(await tab.locator('.flat img').count()).toBe(1);
      await tab
        .getByRole('navigation', { name: 'Все панорамы экскурсии' })
        .getByRole('link', {
          name: secondHall
        })
        .click();
      expect(await sceneHeading(tab).textContent()).toBe(secondHall);
      await tab.getByRole('link', { name: /Дверь в депо/ }).click();
      expect(await sceneHeading(tab).textContent()).toBe(thirdHall);
      await tab.getByRole('link', { name: `Назад: ${secondHall}` }).click();
      expect(await sceneHeading(tab).textContent()).toBe(secondHall);
      await tab.locator('summary', { hasText: 'Паровой молот' }).click();
      await tab.getByText(fixtureTour.exhibit).waitFor();
      await screenshot(tab, 'tour-without-javascript');
      await tab.goto(`${server.url}/en${fixtureTour.path}?scene=s3`);
      await tab.getByRole('navigation', { name: 'All scenes of the tour' }).waitFor();
      expect(
        await tab.getByRole('link', { name: `Back: ${secondHall}` }).getAttribute('href')
      ).toBe('?scene=s2');
    } finally {
      await plain.close();
    }
  });

  it('embeds in another site’s page, with nothing but the viewer and its list', async () => {
    const port = await freePort();
    const embedUrl = `${server.url}${fixtureTour.embedPath}?scene=s2`;
    const site = http.createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="ru"><title>Школьный сайт</title><h1>Наш класс</h1>` +
          embedCode({
            origin: server.url,
            museumSlug: industrialHeritage.slug,
            tourSlug: fixtureTour.slug,
            title: 'Залы машин',
            sceneKey: 's2',
            width: 800,
            height: 600
          })
      );
    });
    await new Promise<void>((resolve) => site.listen(port, '127.0.0.1', resolve));
    try {
      const response = await fetch(embedUrl);
      expect(response.headers.get('content-security-policy')).toBe('frame-ancestors *');
      expect(response.headers.get('x-frame-options')).toBeNull();
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${port}/`);
      const frame = tab.frameLocator('iframe');
      await expect.poll(() => frame.locator('#scene-heading').textContent()).toBe(secondHall);
      expect(await frame.locator('.site-header, .site-footer').count()).toBe(0);
      await frame.getByRole('link', { name: /Дверь в депо/ }).click();
      await expect.poll(() => frame.locator('#scene-heading').textContent()).toBe(thirdHall);
      await screenshot(tab, 'tour-embed');
      await tab.close();
    } finally {
      site.closeAllConnections();
      site.close();
    }
  });

  it('saves the tour and opens it with the network off', async () => {
    const tab = await browser.newPage();
    await tab.goto(server.url + fixtureTour.path, { waitUntil: 'networkidle' });
    if (webgl) await tab.locator('.panorama.ready canvas').waitFor();
    await tab
      .getByRole('button', { name: 'Сохранить экскурсию для просмотра без интернета' })
      .click();
    await tab.getByText('Экскурсия сохранена').waitFor({ timeout: 30_000 });
    await browser.context.setOffline(true);
    try {
      await tab.reload();
      await expect.poll(() => sceneHeading(tab).textContent()).toBe(firstHall);
      await tab.goto(`${server.url}${fixtureTour.path}?scene=s3`);
      await expect.poll(() => sceneHeading(tab).textContent()).toBe(thirdHall);
      // The panorama itself comes up from the saved base image and first tile level.
      if (webgl) await tab.locator('.panorama.ready canvas').waitFor();
      await screenshot(tab, 'tour-offline');
    } finally {
      await browser.context.setOffline(false);
    }
    await tab.getByRole('button', { name: 'Удалить сохранённую копию' }).click();
    await tab
      .getByRole('button', { name: 'Сохранить экскурсию для просмотра без интернета' })
      .waitFor();
    expect(await tab.evaluate(() => caches.keys())).toEqual([]);
    expect(
      await tab.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)
    ).toBe(0);
    await tab.close();
  });
});
