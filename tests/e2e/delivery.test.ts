import { describe, expect, inject, it } from 'vitest';

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });

describe('delivery: compression and the shared cache in front of the app', () => {
  const baseUrl = inject('baseUrl');
  const museum = `${baseUrl}/museums/computer-museum`;

  it('compresses pages with brotli or gzip, as the browser asks', async () => {
    const br = await get(museum, { 'accept-encoding': 'br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const gzip = await get(museum, { 'accept-encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toContain('</html>');
  });

  it('answers a public page from the cache after the first render, until the minute ends', async () => {
    const first = await get(museum, { 'accept-encoding': 'br' });
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+$/);
    const second = await get(museum, { 'accept-encoding': 'br' });
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(second.headers.get('content-encoding')).toBe('br');
  });

  it('answers a revalidation with 304 when the page has not changed', async () => {
    await get(museum, { 'accept-encoding': 'br' });
    const cached = await get(museum, { 'accept-encoding': 'br' });
    const etag = cached.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await get(museum, { 'accept-encoding': 'br', 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
  });

  it('keeps a separate copy for each reading mode, so settings never leak between visitors', async () => {
    const reading =
      'reading=enabled%3D1%26size%3D3%26scheme%3Dwhite-on-black%26images%3D1%26spacing%3Dwide';
    await get(museum, { cookie: reading });
    const withSettings = await (await get(museum, { cookie: reading })).text();
    const plain = await (await get(museum)).text();
    expect(withSettings).toMatch(/<html[^>]*class="[^"]*reading-white-on-black/);
    expect(plain).not.toMatch(/reading-white-on-black/);
  });

  it('never caches the health check', async () => {
    const health = await get(`${baseUrl}/healthz`);
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect((await get(`${baseUrl}/healthz`)).headers.get('x-cache')).toBeNull();
  });
});
