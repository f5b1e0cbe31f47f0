/**
 * npm run bench:size — bytes over the wire for a first visit (empty cache) in Chromium with a
 * mobile viewport, by resource type, images and map tiles excluded; plus the HTML document's
 * compressed size fetched on its own with `Accept-Encoding: br, gzip`.
 *
 * Targets: a museum page ≤ 50 KB transferred on first visit (no images, no map tiles);
 * the HTML document ≤ 14 KB compressed (one TCP initial congestion window).
 * Prints MISSED beside a missed target and still exits 0.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import {
  ensureBuild,
  get,
  heading,
  host,
  kb,
  longMuseumPath,
  machine,
  main,
  museumPath,
  startServer,
  table,
  tempDir,
  verdict
} from './server';

const pages = ['/', '/museums', museumPath, longMuseumPath, `/en${museumPath}`];
const isMuseumPage = (p: string) => /\/museums\/[^/]+$/.test(p);

const PAGE_TARGET = 50 * 1024;
const HTML_TARGET = 14 * 1024;

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

interface Request {
  url: string;
  type: string;
  status?: number;
  encoding?: string;
  /** Bytes over the wire: headers + (compressed) body, from Network.loadingFinished. */
  transferred?: number;
  /** Bytes received when the response headers were in (Network.responseReceived). */
  headers?: number;
  /** Body bytes after decompression, summed from Network.dataReceived. */
  decoded: number;
  failed?: string;
}

interface Visit {
  path: string;
  requests: Request[];
  blocked: string[];
  idle: boolean;
}

const local = (url: string) => {
  if (!/^https?:/.test(url)) return true; // data:, blob: — nothing goes over the wire
  const hostname = new URL(url).hostname;
  return hostname === host || hostname === 'localhost';
};

async function visit(base: string, pagePath: string): Promise<Visit> {
  // A fresh profile per page: every visit is a first visit with an empty cache.
  const profile = tempDir('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block'
  });
  try {
    const blocked: string[] = [];
    // Map tiles and anything else off this machine: aborted, never counted.
    await context.route(
      (url) => !local(url.href),
      (route) => {
        blocked.push(route.request().url());
        return route.abort('blockedbyclient');
      }
    );
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const requests = new Map<string, Request>();
    const entry = (id: string) => {
      let r = requests.get(id);
      if (!r) requests.set(id, (r = { url: '', type: 'Other', decoded: 0 }));
      return r;
    };
    cdp.on('Network.requestWillBeSent', (e) => {
      const r = entry(e.requestId);
      r.url = e.request.url;
      if (e.type) r.type = e.type;
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = entry(e.requestId);
      r.type = e.type;
      r.status = e.response.status;
      const headers = Object.fromEntries(
        Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)])
      );
      r.encoding = headers['content-encoding'] ?? 'identity';
      r.headers = e.response.encodedDataLength;
    });
    cdp.on('Network.dataReceived', (e) => {
      entry(e.requestId).decoded += e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      entry(e.requestId).transferred = e.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', (e) => {
      entry(e.requestId).failed = e.errorText;
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });

    const response = await page.goto(base + pagePath, { waitUntil: 'load', timeout: 30_000 });
    if (response?.status() !== 200) throw new Error(`${pagePath}: HTTP ${response?.status()}`);
    let idle = true;
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => (idle = false));
    await cdp.detach().catch(() => {});
    return {
      path: pagePath,
      requests: [...requests.values()].filter((r) => /^https?:/.test(r.url)),
      blocked,
      idle
    };
  } finally {
    await context.close();
  }
}

/** The resources the targets count: local, not images (the browser's 'Image' type). */
const counted = (r: Request) => local(r.url) && r.type !== 'Image' && !r.failed;

function summarize(v: Visit) {
  const byType = new Map<string, { count: number; bytes: number }>();
  let total = 0;
  let images = 0;
  for (const r of v.requests) {
    if (!local(r.url) || r.failed) continue;
    const bytes = r.transferred ?? 0;
    if (r.type === 'Image') {
      images += bytes;
      continue;
    }
    const t = byType.get(r.type) ?? { count: 0, bytes: 0 };
    t.count += 1;
    t.bytes += bytes;
    byType.set(r.type, t);
    total += bytes;
  }
  return { byType, total, images };
}

const shortUrl = (url: string) => {
  const u = new URL(url);
  return u.pathname.replace(/^\/_app\/immutable\//, '…/') + u.search;
};

async function htmlSize(base: string, pagePath: string) {
  const compressed = await get(base + pagePath, { 'Accept-Encoding': 'br, gzip' });
  const encoding = String(compressed.headers['content-encoding'] ?? 'identity');
  const raw =
    encoding === 'identity'
      ? compressed
      : await get(base + pagePath, { 'Accept-Encoding': 'identity' });
  return {
    encoding,
    body: compressed.body.length,
    headers: compressed.headerBytes,
    raw: raw.body.length,
    gzip9: zlib.gzipSync(raw.body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(raw.body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.body.length
      }
    }).length
  };
}

main(async () => {
  ensureBuild();
  if (!fs.existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is not installed');
  console.log(`bench:size — ${new Date().toISOString()} — ${machine()}`);
  const server = await startServer();
  console.log(`server ${server.url} ready in ${server.readyMs.toFixed(0)} ms (fresh data dir)`);

  const visits: Visit[] = [];
  for (const p of pages) visits.push(await visit(server.url, p));

  heading(
    'Transferred on first visit (mobile 390x844, empty cache; images and map tiles excluded)'
  );
  const types = ['Document', 'Script', 'Stylesheet', 'Font', 'Fetch', 'XHR', 'Other'];
  const seen = new Set(visits.flatMap((v) => [...summarize(v).byType.keys()]));
  const columns = [
    ...types.filter((t) => seen.has(t)),
    ...[...seen].filter((t) => !types.includes(t))
  ];
  table(
    ['page', ...columns.map((c) => c.toLowerCase()), 'total', 'target', '', 'images*', 'blocked*'],
    visits.map((v) => {
      const s = summarize(v);
      const museum = isMuseumPage(v.path);
      return [
        v.path,
        ...columns.map((c) => {
          const t = s.byType.get(c);
          return t ? `${kb(t.bytes)} (${t.count})` : '-';
        }),
        kb(s.total),
        museum ? `≤ ${kb(PAGE_TARGET)}` : '(none)',
        museum ? verdict(s.total <= PAGE_TARGET) : '',
        kb(s.images),
        String(v.blocked.length) + (v.idle ? '' : ' (no network idle in 15 s)')
      ];
    })
  );
  console.log(
    '(n) = requests. Bytes are Network.loadingFinished encodedDataLength: headers + body as sent.\n' +
      '* not counted: images; blocked = requests to non-local hosts (map tiles) aborted offline.'
  );

  heading('HTML document alone, GET with Accept-Encoding: br, gzip');
  const htmlRows: string[][] = [];
  let uncompressed = false;
  for (const p of pages) {
    const h = await htmlSize(server.url, p);
    if (h.encoding === 'identity') uncompressed = true;
    htmlRows.push([
      p,
      h.encoding,
      kb(h.body),
      kb(h.headers),
      `≤ ${kb(HTML_TARGET)}`,
      verdict(h.body <= HTML_TARGET),
      kb(h.raw),
      `${kb(h.gzip9)} / ${kb(h.brotli)}`
    ]);
  }
  table(
    [
      'page',
      'content-encoding',
      'body',
      'headers',
      'target',
      '',
      'uncompressed',
      'local gzip -9 / br 11**'
    ],
    htmlRows
  );
  console.log(
    '** computed here with zlib from the uncompressed HTML, not what the server sends' +
      (uncompressed ? ': the server sent the HTML uncompressed.' : '.')
  );

  heading('JS and CSS requests (first visit)');
  for (const v of visits) {
    const assets = v.requests
      .filter((r) => counted(r) && (r.type === 'Script' || r.type === 'Stylesheet'))
      .sort((a, b) => (b.transferred ?? 0) - (a.transferred ?? 0));
    const js = assets.filter((r) => r.type === 'Script');
    const css = assets.filter((r) => r.type === 'Stylesheet');
    const sum = (rs: Request[], f: (r: Request) => number) => rs.reduce((n, r) => n + f(r), 0);
    console.log(
      `\n${v.path}: ${js.length} JS = ${kb(sum(js, (r) => r.transferred ?? 0))} transferred ` +
        `(${kb(sum(js, (r) => r.headers ?? 0))} of it headers; ` +
        `${kb(sum(js, (r) => r.decoded))} decoded), ` +
        `${css.length} CSS = ${kb(sum(css, (r) => r.transferred ?? 0))} transferred`
    );
    table(
      ['  url', 'type', 'encoding', 'transferred', 'headers', 'decoded'],
      assets.map((r) => [
        `  ${shortUrl(r.url)}`,
        r.type === 'Script' ? 'js' : 'css',
        r.encoding ?? '?',
        kb(r.transferred ?? 0),
        kb(r.headers ?? 0),
        kb(r.decoded)
      ])
    );
  }

  const blocked = [...new Set(visits.flatMap((v) => v.blocked.map((u) => new URL(u).host)))];
  if (blocked.length) console.log(`\nblocked non-local hosts: ${blocked.join(', ')}`);
  await server.stop();
});
