import AxeBuilder from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { htmlClasses, industrialHeritage, setReadingCookie, waitForStatus } from './helpers';

/** How a page shows its map once JavaScript has run: drawn when scrolled to, on a click, or none. */
type MapKind = 'when-visible' | 'on-click' | 'none';

const pages: { path: string; map: MapKind }[] = [
  { path: '/', map: 'when-visible' },
  { path: '/museums', map: 'when-visible' },
  { path: '/museums/grodekov', map: 'on-click' },
  { path: '/museums/industrial-heritage', map: 'on-click' },
  { path: '/association', map: 'none' }
];
const locales = [
  { locale: 'ru', prefix: '' },
  { locale: 'en', prefix: '/en' }
];
const readingWhiteOnBlack = 'enabled=1&size=2&scheme=white-on-black&images=1&spacing=wide';
const schemes = ['black-on-white', 'white-on-black', 'blue-on-lightblue'] as const;

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every violation with what a person needs to fix it: the rule, its help, and where. */
function describeViolations(violations: AxeResults['violations']): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'no impact given'}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes
          .map(
            (n) =>
              `  - ${n.target.join(' ')}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`
          )
          .join('\n')
    )
    .join('\n');
}

/** Opens the page and waits until its scripts have run and the map (if any) is in place. */
async function openReady(page: Page, url: string, map: MapKind): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  if (map === 'none') return;
  if ((await htmlClasses(page)).includes('reading-no-images')) return; // no map without images
  const box = page.locator('.map-box');
  await box.waitFor(); // revealed by the page's script
  if (map === 'when-visible') {
    // The map is drawn when it scrolls into view, as it does for a visitor reading down the page.
    await box.scrollIntoViewIfNeeded();
    await box.locator('.leaflet-container').waitFor();
  } else {
    await box.getByRole('button', { name: /^(На карте|On the map)$/ }).waitFor();
  }
}

async function expectNoViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  expect(
    results.violations.map((v) => v.id),
    `axe found violations on ${page.url()} (<html class="${(await htmlClasses(page)).join(' ')}">):\n` +
      describeViolations(results.violations)
  ).toEqual([]);
}

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  const baseUrl = inject('baseUrl');
  let browser: OpenBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await openBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    await browser.context.clearCookies();
  });

  describe.each(locales)('in $locale', ({ prefix }) => {
    it.each(pages)('$path has no violations in the normal version', async ({ path, map }) => {
      await openReady(page, `${baseUrl}${prefix}${path === '/' && prefix ? '' : path}`, map);
      expect(await htmlClasses(page)).not.toContain('reading');
      await expectNoViolations(page);
    });

    it.each(pages)(
      '$path has no violations in the version for the visually impaired (white on black, large, wide)',
      async ({ path, map }) => {
        await setReadingCookie(browser.context, baseUrl, readingWhiteOnBlack);
        await openReady(page, `${baseUrl}${prefix}${path === '/' && prefix ? '' : path}`, map);
        expect(await htmlClasses(page)).toEqual(
          expect.arrayContaining(['reading', 'reading-white-on-black', 'reading-size-2'])
        );
        await expectNoViolations(page);
      }
    );
  });

  describe.each(schemes)('in the colour scheme %s', (scheme) => {
    it.each([
      { path: '/museums/grodekov', map: 'on-click' as const, size: 3 },
      { path: '/en/museums', map: 'when-visible' as const, size: 1 }
    ])('$path has no violations (font size $size)', async ({ path, map, size }) => {
      await setReadingCookie(
        browser.context,
        baseUrl,
        `enabled=1&size=${size}&scheme=${scheme}&images=1&spacing=normal`
      );
      await openReady(page, `${baseUrl}${path}`, map);
      expect(await htmlClasses(page)).toEqual(
        expect.arrayContaining(['reading', `reading-${scheme}`, `reading-size-${size}`])
      );
      await expectNoViolations(page);
    });
  });

  /**
   * The pages of the collections: demo objects are published in the background after start-up,
   * so their pages are waited for. An exhibit is reached from its collection's page.
   */
  describe('collections, exhibits, exhibitions and search', () => {
    const museum = `/museums/${industrialHeritage.slug}`;
    const collection = `${museum}/collections/retro-technology`;
    let exhibit = '';

    beforeAll(async () => {
      await waitForStatus(`${baseUrl}${museum}/exhibitions/industrial-past`, 200);
      await page.goto(`${baseUrl}${collection}`);
      const link = page.locator(`main a[href*="${museum}/exhibits/"]`).first();
      exhibit = new URL((await link.getAttribute('href')) ?? '', baseUrl).pathname;
    });

    const objectPages = [
      { name: 'a collection', path: () => collection },
      { name: 'an exhibit', path: () => exhibit },
      { name: 'the search with objects found', path: () => '/search?q=арифмометрами' },
      { name: 'a museum’s online exhibition', path: () => `${museum}/exhibitions/industrial-past` },
      {
        name: 'the association’s online exhibition',
        path: () => '/association/exhibitions/museum-tour'
      }
    ];

    describe.each(locales)('in $locale', ({ prefix }) => {
      it.each(objectPages)('$name has no violations', async ({ path }) => {
        await openReady(page, `${baseUrl}${prefix}${path()}`, 'none');
        await expectNoViolations(page);
      });

      it.each(objectPages)(
        '$name has no violations in the version for the visually impaired',
        async ({ path }) => {
          await setReadingCookie(browser.context, baseUrl, readingWhiteOnBlack);
          await openReady(page, `${baseUrl}${prefix}${path()}`, 'none');
          expect(await htmlClasses(page)).toContain('reading-white-on-black');
          await expectNoViolations(page);
        }
      );
    });

    it('the search finds objects for the page it checks', async () => {
      await openReady(page, `${baseUrl}/search?q=арифмометрами`, 'none');
      expect(await page.locator('.search-hit').count()).toBeGreaterThan(0);
      expect(await page.locator('.search-hit .meta span:first-child').allTextContents()).toContain(
        'Предмет'
      );
    });
  });

  it('a museum page has no violations once its map is shown', async () => {
    await openReady(page, `${baseUrl}/museums/grodekov`, 'on-click');
    await page.getByRole('button', { name: 'На карте' }).click();
    await page.locator('.map-box .leaflet-container').waitFor();
    await page.locator('.map-box .leaflet-interactive').first().waitFor();
    await expectNoViolations(page);
  });

  it('the skip link is the first Tab stop and moves focus to the main content', async () => {
    await openReady(page, `${baseUrl}/museums`, 'when-visible');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement;
      return { href: el?.getAttribute('href'), text: el?.textContent?.trim() };
    });
    expect(first).toEqual({ href: '#content', text: 'Перейти к содержанию' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'content');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
  });

  it('every interactive element of the directory can be reached with Tab', async () => {
    await openReady(page, `${baseUrl}/museums`, 'when-visible');
    // Tab from the top until focus reaches the footer or leaves the page; mark each stop.
    const maxStops = 300;
    let stops = 0;
    for (; stops < maxStops; stops++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'left';
        if (el.closest('footer')) return 'footer';
        el.setAttribute('data-e2e-tab-stop', '');
        return 'page';
      });
      if (where !== 'page') break;
    }
    expect(stops, 'Tab never left the page content').toBeLessThan(maxStops);

    const unreached = await page.evaluate(() => {
      const selector =
        'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])';
      const visible = (el: Element) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const reached = (el: Element) => {
        if (el.hasAttribute('data-e2e-tab-stop')) return true;
        // Only one radio of a group is a Tab stop; the arrow keys move within it.
        if (el instanceof HTMLInputElement && el.type === 'radio') {
          return !!document.querySelector(
            `input[type="radio"][name="${el.name}"][data-e2e-tab-stop]`
          );
        }
        return false;
      };
      return [...document.querySelectorAll(selector)]
        .filter((el) => !el.closest('footer') && !(el as HTMLButtonElement).disabled)
        .filter((el) => visible(el) && !reached(el))
        .map((el) => el.outerHTML.slice(0, 160));
    });
    expect(unreached, 'interactive elements Tab never reached').toEqual([]);

    const submit = page.getByRole('button', { name: 'Показать', exact: true });
    expect(await submit.getAttribute('data-e2e-tab-stop')).toBe('');
    const museumLinks = page
      .getByRole('region', { name: /^Найдено музеев/ })
      .getByRole('article')
      .getByRole('link');
    const links = await museumLinks.evaluateAll((as) =>
      as.map((a) => ({
        href: a.getAttribute('href'),
        reached: a.hasAttribute('data-e2e-tab-stop')
      }))
    );
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !l.reached)).toEqual([]);
  });
});
