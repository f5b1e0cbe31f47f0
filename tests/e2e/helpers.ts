import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** The demo museums the tests speak about, by slug and by the names a visitor reads. */
export const grodekov = {
  slug: 'grodekov',
  ru: 'Хабаровский краевой музей имени Н. И. Гродекова',
  en: 'N. I. Grodekov Khabarovsk Krai Museum'
};
export const industrialHeritage = {
  slug: 'industrial-heritage',
  ru: 'Музей индустриально-технического наследия Дальнего Востока',
  en: 'Museum of the Industrial and Technical Heritage of the Far East'
};

/** Screenshots go outside the repo, for a person to look at. */
export const shotsDir = '/tmp/e2e-shots';

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

/** The classes on <html>, where the version for the visually impaired shows itself. */
export function htmlClasses(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.documentElement.classList]);
}

export function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** The text a visitor sees in the page body, shortened, to explain a failed wait. */
async function whatThePageSays(page: Page): Promise<string> {
  const text = await page
    .evaluate(() => document.body?.innerText ?? '')
    .catch((error: unknown) => `(no text: ${String(error)})`);
  return `${page.url()}: ${text.replace(/\s+/g, ' ').trim().slice(0, 400)}`;
}

/** Waits until <html> has every one of the classes; a failure says what page the browser is on. */
export async function waitForHtmlClasses(
  page: Page,
  classes: string[],
  timeout = 10_000
): Promise<void> {
  try {
    await page.waitForFunction(
      (wanted) => wanted.every((c) => document.documentElement.classList.contains(c)),
      classes,
      { timeout }
    );
  } catch {
    throw new Error(
      `<html> never got the classes ${classes.join(', ')} (it has "${(await htmlClasses(page)).join(' ')}"). ` +
        `The browser shows ${await whatThePageSays(page)}`
    );
  }
}

/** Clicks something that submits a plain form or follows a full-page link, and waits for the new page. */
export async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  await Promise.all([
    page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }),
    target.click()
  ]);
  await page.waitForLoadState('load');
}

/** The one-line opening-hours sentence of a museum page. */
export function hoursStatus(page: Page): Locator {
  return page.locator('.status .hours');
}

/** Text content with runs of white space made single, for comparing what a visitor reads. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Settings for the version for the visually impaired, as the site keeps them in its cookie. */
export async function setReadingCookie(
  context: BrowserContext,
  baseUrl: string,
  settings: string
): Promise<void> {
  await context.addCookies([
    { name: 'reading', value: encodeURIComponent(settings), url: baseUrl, sameSite: 'Lax' }
  ]);
}

/** Every <link rel="alternate" hreflang> of the page, as hreflang → href. */
export function alternates(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="alternate"][hreflang]')].map(
        (link) => [link.hreflang, link.getAttribute('href') ?? '']
      )
    )
  );
}

/** Signs a member of staff in through the sign-in form (in Russian) and waits for the dashboard. */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password: string
): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/admin/sign-in`);
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL(/\/admin$/);
}

/**
 * Asks for `url` until it answers `status` (the demo tour, say, is published some seconds after
 * the server starts); throws after `timeoutMs`. For hooks, where expect.poll cannot run.
 */
export async function waitForStatus(url: string, status: number, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await fetch(url)).status;
    if (last === status) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} answered ${last}, not ${status}, for ${timeoutMs} ms`);
}

/** A photograph-like JPEG (noise over a colour), made at test time, for an upload. */
export async function photo(
  file: string,
  width: number,
  height: number,
  colour: string
): Promise<string> {
  await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: colour,
      noise: { type: 'gaussian', mean: 110, sigma: 35 }
    }
  })
    .jpeg({ quality: 85 })
    .toFile(file);
  return file;
}
