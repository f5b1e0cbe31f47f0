import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { photo, screenshot } from './helpers';
import { startServer, type RunningServer } from './server';

/** A PNG whose header declares 30000×30000 pixels: a decompression bomb as far as a reader knows. */
function pngBomb(): Buffer {
  const crc = (bytes: Buffer) => {
    let c = ~0;
    for (const byte of bytes) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(30000, 0);
  header.writeUInt32BE(30000, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

describe('the media library: uploads that survive a bad connection and refuse bad files', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let dir: string;
  let museumId: number;

  async function signInAs(email: string, password: string) {
    await browser.context.clearCookies();
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByLabel('Электронная почта').fill(email);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/admin$/);
  }

  async function cookieHeader(): Promise<string> {
    const cookies = await browser.context.cookies(server.url);
    return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  beforeAll(async () => {
    server = await startServer({ frozenNow: '2026-11-24T02:00:00Z' });
    browser = await openBrowser();
    page = await browser.newPage();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kraeved-e2e-media-'));
    await signInAs('museum-admin@kraeved.demo', 'demo-museum-admin');
    const href = await page.getByRole('link', { name: 'Медиатека' }).first().getAttribute('href');
    museumId = Number(/\/admin\/museums\/(\d+)\/media/.exec(href ?? '')?.[1]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('uploads several photos at once with a progress bar each, then makes their sizes', async () => {
    await page.goto(`${server.url}/admin/museums/${museumId}/media`);
    const files = await Promise.all([
      photo(path.join(dir, 'Паровоз.jpg'), 1600, 1067, '#6b5a45'),
      photo(path.join(dir, 'Станок.jpg'), 1200, 900, '#455a6b'),
      photo(path.join(dir, 'Фасад.jpg'), 900, 1200, '#5a6b45')
    ]);
    await page.locator('input[type=file][name=files]').setInputFiles(files);
    const uploads = page.getByRole('list', { name: 'Загрузки' });
    await expect.poll(() => uploads.locator('progress').count()).toBe(3);
    await expect
      .poll(() => uploads.getByText('Загружено', { exact: true }).count(), { timeout: 30_000 })
      .toBe(3);
    await expect
      .poll(() => page.getByText(/Готово: 3, обрабатывается: 0/).count(), { timeout: 120_000 })
      .toBe(1);
    // Each thumbnail is a real responsive image with its size set.
    const thumb = page.locator('.grid img').first();
    expect(await thumb.getAttribute('srcset')).toMatch(/ 320w/);
    expect(await thumb.getAttribute('width')).toBeTruthy();
    await screenshot(page, 'media-01-library');
  }, 180_000);

  it('refuses a file whose bytes are not what its name says, and a decompression bomb', async () => {
    const fake = path.join(dir, 'скан.jpg');
    await fs.writeFile(fake, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const bomb = path.join(dir, 'огромная.png');
    await fs.writeFile(bomb, pngBomb());
    await page.goto(`${server.url}/admin/museums/${museumId}/media`);
    await page.locator('input[type=file][name=files]').setInputFiles([fake, bomb]);
    const uploads = page.getByRole('list', { name: 'Загрузки' });
    await expect.poll(() => uploads.locator('li.failed').count(), { timeout: 30_000 }).toBe(2);
    const text = await uploads.textContent();
    expect(text).toContain('«скан.jpg»');
    expect(text).toContain('PDF');
    expect(text).toMatch(/огромная\.png[\s\S]*30\s000\s×\s30\s000[\s\S]*Мп/);
    // A refusal is final: nothing offers to resend it.
    expect(await uploads.getByRole('button', { name: 'Продолжить' }).count()).toBe(0);
    await screenshot(page, 'media-02-refused');
    await page.reload();
    expect(await page.getByText(/Готово: 3, обрабатывается: 0, с ошибкой: 0/).count()).toBe(1);
  });

  it('resumes an upload cut in half from where it stopped; half a file is no asset', async () => {
    const file = await fs.readFile(await photo(path.join(dir, 'half.jpg'), 2000, 1500, '#7a4a3a'));
    const cookie = await cookieHeader();
    const tus = { 'tus-resumable': '1.0.0', cookie };
    const metadata = [
      ['filename', 'Половина.jpg'],
      ['museumId', String(museumId)],
      ['panorama', '0']
    ]
      .map(([k, v]) => `${k} ${Buffer.from(v!).toString('base64')}`)
      .join(',');
    const created = await fetch(`${server.url}/admin/uploads`, {
      method: 'POST',
      headers: { ...tus, 'upload-length': String(file.length), 'upload-metadata': metadata }
    });
    expect(created.status).toBe(201);
    const location = new URL(created.headers.get('location')!, server.url).toString();
    const half = Math.floor(file.length / 2);
    const first = await fetch(location, {
      method: 'PATCH',
      headers: {
        ...tus,
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream'
      },
      body: file.subarray(0, half)
    });
    expect(first.status).toBe(204);

    // Nothing half-made in the library.
    await page.goto(`${server.url}/admin/museums/${museumId}/media?q=Половина`);
    expect(await page.getByText('Здесь пока ничего нет.').count()).toBe(1);

    const head = await fetch(location, { method: 'HEAD', headers: tus });
    expect(Number(head.headers.get('upload-offset'))).toBe(half);
    const rest = await fetch(location, {
      method: 'PATCH',
      headers: {
        ...tus,
        'upload-offset': String(half),
        'content-type': 'application/offset+octet-stream'
      },
      body: file.subarray(half)
    });
    expect(rest.status).toBe(204);
    expect(Number(rest.headers.get('x-kraeved-asset'))).toBeGreaterThan(0);
    await page.reload();
    expect(await page.getByRole('link', { name: 'Половина.jpg' }).count()).toBe(1);

    // Another museum's admin can neither continue nor see someone else's upload.
    const again = await fetch(`${server.url}/admin/uploads`, {
      method: 'POST',
      headers: { ...tus, 'upload-length': '10', 'upload-metadata': metadata }
    });
    const foreign = new URL(again.headers.get('location')!, server.url).toString();
    await signInAs('grodekov-admin@kraeved.demo', 'demo-grodekov-admin');
    const stranger = { 'tus-resumable': '1.0.0', cookie: await cookieHeader() };
    expect((await fetch(foreign, { method: 'HEAD', headers: stranger })).status).toBe(404);
    const hijack = await fetch(`${server.url}/admin/uploads`, {
      method: 'POST',
      headers: { ...stranger, 'upload-length': '10', 'upload-metadata': metadata }
    });
    expect(hijack.status).toBe(404);
    const library = await page.goto(`${server.url}/admin/museums/${museumId}/media`);
    expect(library?.status()).toBe(404);
    await signInAs('museum-admin@kraeved.demo', 'demo-museum-admin');
  });

  it('continues an upload a page reload interrupted, from where it stopped', async () => {
    const file = await photo(path.join(dir, 'Медленная.jpg'), 2400, 1800, '#4a3a5c');
    const size = (await fs.stat(file)).size;
    await page.goto(`${server.url}/admin/museums/${museumId}/media`);
    // A slow link: about 150 KB/s up, so the reload lands mid-file.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 50,
      downloadThroughput: -1,
      uploadThroughput: 150 * 1024
    });
    await page.locator('input[type=file][name=files]').setInputFiles(file);
    await page.waitForTimeout(4000);
    await page.reload();
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1
    });
    // The page remembers the unfinished file and asks for it again.
    expect(await page.getByRole('status').filter({ hasText: 'Медленная.jpg' }).count()).toBe(1);

    const requests: { method: string; offset: number }[] = [];
    page.on('request', (request) => {
      if (!request.url().includes('/admin/uploads')) return;
      requests.push({
        method: request.method(),
        offset: Number(request.headers()['upload-offset'] ?? -1)
      });
    });
    await page.locator('input[type=file][name=files]').setInputFiles(file);
    const uploads = page.getByRole('list', { name: 'Загрузки' });
    await expect
      .poll(() => uploads.getByText('Загружено', { exact: true }).count(), { timeout: 60_000 })
      .toBe(1);
    // It asked where the file stood (HEAD) and sent the rest, instead of starting again (POST).
    expect(requests.map((r) => r.method)).toContain('HEAD');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    const resumedFrom = requests.find((r) => r.method === 'PATCH')?.offset ?? 0;
    expect(resumedFrom).toBeGreaterThan(0);
    expect(resumedFrom).toBeLessThan(size);
    await page.goto(`${server.url}/admin/museums/${museumId}/media?q=Медленная`);
    expect(await page.getByRole('link', { name: 'Медленная.jpg' }).count()).toBe(1);
  }, 120_000);

  it('describes a photo, refuses to delete it while the museum page shows it', async () => {
    await page.goto(`${server.url}/admin/museums/${museumId}/media?q=Паровоз`);
    await page.getByRole('link', { name: 'Паровоз.jpg' }).click();
    await page.waitForURL(/\/media\/\d+$/);
    await page.getByLabel('По-русски').first().fill('Паровоз в зале музея');
    await page.getByLabel('По-английски').first().fill('A steam engine in the museum hall');
    await page.getByLabel('Автор / источник').fill('Музей');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByText('Сохранено.').count()).toBe(1);
    const assetUrl = page.url();

    await page.goto(`${server.url}/admin/museums/${museumId}`);
    await page.getByLabel('Показывать «Паровоз.jpg»').check();
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Опубликовано');

    await page.goto(assetUrl);
    expect(await page.getByRole('button', { name: 'Удалить файл' }).isDisabled()).toBe(true);
    expect(await page.getByRole('region', { name: 'Где используется' }).textContent()).toContain(
      'Страница музея'
    );
    await screenshot(page, 'media-03-where-used');
  });

  it('uploads without JavaScript through a plain form', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const noJs = await plain.newPage();
      await noJs.goto(`${server.url}/admin/sign-in`);
      await noJs.getByLabel('Электронная почта').fill('museum-admin@kraeved.demo');
      await noJs.getByLabel('Пароль').fill('demo-museum-admin');
      await noJs.getByRole('button', { name: 'Войти' }).click();
      await noJs.goto(`${server.url}/admin/museums/${museumId}/media`);
      await noJs
        .locator('input[type=file][name=files]')
        .setInputFiles(await photo(path.join(dir, 'Без скриптов.jpg'), 800, 600, '#334455'));
      await noJs.getByRole('button', { name: 'Загрузить' }).click();
      await expect.poll(() => noJs.getByText('Загружено файлов: 1.').count()).toBe(1);
    } finally {
      await plain.close();
    }
  });
});
