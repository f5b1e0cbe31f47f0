import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { alternates, htmlLang, textOf } from './helpers';

/** The <loc> pathnames of the sitemap, e.g. "/", "/en", "/museums/grodekov". */
function sitemapPaths(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
}

/** The same page in the other language: /en/museums ⇄ /museums, /en ⇄ /. */
function pathsOf(path: string): { ru: string; en: string; locale: 'ru' | 'en' } {
  const en = path === '/en' || path.startsWith('/en/');
  const ru = en ? path.slice(3) || '/' : path;
  return { ru, en: ru === '/' ? '/en' : `/en${ru}`, locale: en ? 'en' : 'ru' };
}

describe('wrong addresses, odd queries and the files for robots', () => {
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

  async function fullDirectoryCount(): Promise<number> {
    await page.goto(`${baseUrl}/museums`);
    return page
      .getByRole('region', { name: /^Найдено музеев/ })
      .getByRole('article')
      .count();
  }

  it('an unknown museum is a 404 page that says so, in Russian and in English', async () => {
    const ru = await page.goto(`${baseUrl}/museums/nope`);
    expect(ru?.status()).toBe(404);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Страница не найдена');
    expect(await htmlLang(page)).toBe('ru');

    const en = await page.goto(`${baseUrl}/en/museums/nope`);
    expect(en?.status()).toBe(404);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Page not found');
    expect(await htmlLang(page)).toBe('en');
  });

  it('malformed filter parameters are ignored: 200 and the full list', async () => {
    const total = await fullDirectoryCount();
    expect(total).toBeGreaterThan(1);
    const response = await page.goto(
      `${baseUrl}/museums?open=date&date=2026-13-45&sort=%%%&near=abc&town[]=x&free=yes`
    );
    expect(response?.status()).toBe(200);
    const results = page.getByRole('region', { name: `Найдено музеев: ${total}` });
    expect(await results.getByRole('article').count()).toBe(total);
  });

  it.each([
    '/museums?town=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '/museums?open=date&date=2026-02-30',
    '/museums?sort=distance&near=91,200',
    '/museums?sort=distance&from=nowhere',
    '/museums?district=&ownership=nobody&profile=%00'
  ])('the odd query %s still answers 200 with a list', async (path) => {
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    await page.getByRole('region', { name: /^Найдено музеев: \d+$/ }).waitFor();
    expect(await page.locator('main script').count(), 'no script reflected into the page').toBe(0);
  });

  it.each(['/museums/%E0%A4%A', '/museums/..%2F..%2Fetc%2Fpasswd', '/en/museums/%00'])(
    'the malformed address %s is refused without a server error',
    async (path) => {
      const response = await fetch(`${baseUrl}${path}`);
      await response.arrayBuffer();
      expect([400, 404]).toContain(response.status);
    }
  );

  it('/healthz answers 200', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
  });

  it('/sitemap.xml lists the museum pages in both languages', async () => {
    const response = await fetch(`${baseUrl}/sitemap.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    const paths = sitemapPaths(await response.text());
    expect(paths).toContain('/museums/grodekov');
    expect(paths).toContain('/en/museums/grodekov');
  });

  it('/robots.txt points to the sitemap', async () => {
    const response = await fetch(`${baseUrl}/robots.txt`);
    expect(response.status).toBe(200);
    const sitemap = /^Sitemap:\s*(\S+)\s*$/im.exec(await response.text())?.[1];
    expect(sitemap).toBeDefined();
    expect(new URL(sitemap ?? '').pathname).toBe('/sitemap.xml');
  });

  it('every page (all of the sitemap and the 404 page) has one <h1>, the right <html lang> and hreflang alternates for ru and en', async () => {
    const xml = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    const paths = [...sitemapPaths(xml), '/museums/nope', '/en/museums/nope'];
    expect(paths.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const path of paths) {
      const response = await page.goto(`${baseUrl}${path}`);
      const expected = pathsOf(path);
      const status = response?.status();
      const wanted = path.endsWith('/nope') ? 404 : 200;
      if (status !== wanted) problems.push(`${path}: status ${status}, expected ${wanted}`);
      const redirectedTo = response?.request().redirectedFrom()
        ? new URL(page.url()).pathname
        : null;
      if (redirectedTo) problems.push(`${path}: redirects to ${redirectedTo}`);
      const h1 = await page.locator('h1').count();
      if (h1 !== 1) problems.push(`${path}: ${h1} <h1> elements`);
      const lang = await htmlLang(page);
      if (lang !== expected.locale)
        problems.push(`${path}: <html lang="${lang}">, expected "${expected.locale}"`);
      const links = await alternates(page);
      for (const locale of ['ru', 'en'] as const) {
        const href = links[locale];
        const got = href ? new URL(href, baseUrl).pathname : '(missing)';
        if (got !== expected[locale])
          problems.push(`${path}: hreflang="${locale}" → ${got}, expected ${expected[locale]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('absolute links (canonical, hreflang, sitemap, robots) name the address the site is served from', async () => {
    await page.goto(`${baseUrl}/museums/grodekov`);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    const links = await alternates(page);
    const sitemap = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    const robots = await (await fetch(`${baseUrl}/robots.txt`)).text();
    expect({
      canonical: canonical && new URL(canonical).origin,
      hreflangRu: links.ru && new URL(links.ru).origin,
      hreflangEn: links.en && new URL(links.en).origin,
      sitemapLoc: new URL(/<loc>([^<]+)<\/loc>/.exec(sitemap)?.[1] ?? 'about:blank').origin,
      robotsSitemap: new URL(/^Sitemap:\s*(\S+)/im.exec(robots)?.[1] ?? 'about:blank').origin
    }).toEqual({
      canonical: baseUrl,
      hreflangRu: baseUrl,
      hreflangEn: baseUrl,
      sitemapLoc: baseUrl,
      robotsSitemap: baseUrl
    });
  });
});
