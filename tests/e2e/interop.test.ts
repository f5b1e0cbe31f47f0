import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import type OpenSeadragon from 'openseadragon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { demoExhibitPlan } from '$lib/server/demo/exhibits';
import { openBrowser, type OpenBrowser } from './browser';
import { fixtureExhibit, publishFixtureExhibit } from './exhibit-fixture';
import { screenshot } from './helpers';
import { startServer, type RunningServer } from './server';

const openSeadragon = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/openseadragon/build/openseadragon/openseadragon.min.js'
);

/** Every published exhibit's id, read from the server's database. */
async function publishedIds(dataDir: string): Promise<number[]> {
  const database = await openDatabase({
    kind: 'sqlite',
    file: path.join(dataDir, 'kraeved.sqlite')
  });
  try {
    const rows = await database.db
      .selectFrom('exhibits')
      .where('published', 'is not', null)
      .select('id')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  } finally {
    await database.close();
  }
}

/** A tile or size of a level-0 image service: `/iiif/3/<id>/<region>/<size>/0/default.jpg`. */
const tileUrl = /\/iiif\/3\/\d+\/(full|\d+,\d+,\d+,\d+)\/\d*,\d*\/0\/default\.jpg$/;

describe('other systems read the published exhibits', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let fixture: { exhibitId: number; assetId: number };
  const demoCount = demoExhibitPlan().reduce((sum, plan) => sum + plan.exhibits.length, 0);

  beforeAll(async () => {
    // The demo objects' drawn pictures republish them one by one for minutes; a harvest test
    // needs a catalogue that holds still, so the server runs without them.
    const pictures = process.env.DEMO_PICTURES;
    process.env.DEMO_PICTURES = 'off';
    try {
      server = await startServer();
    } finally {
      if (pictures === undefined) delete process.env.DEMO_PICTURES;
      else process.env.DEMO_PICTURES = pictures;
    }
    fixture = await publishFixtureExhibit(server.dataDir);
    browser = await openBrowser();
    // The demo objects are published in the background after start-up.
    const deadline = Date.now() + 120_000;
    while ((await publishedIds(server.dataDir)).length < demoCount + 1) {
      if (Date.now() > deadline) throw new Error('the demo exhibits were not all published');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('OpenSeadragon on another site loads an exhibit’s manifest, its image service and draws its tiles', async () => {
    const page = await browser.newPage();
    const tiles: string[] = [];
    page.on('request', (request) => {
      if (tileUrl.test(request.url())) tiles.push(request.url());
    });
    // A page of no origin at all: every request to the museum site is cross-origin (CORS).
    await page.setContent(
      '<!doctype html><html><body style="margin:0"><div id="viewer" style="width:960px;height:640px;background:#000"></div></body></html>'
    );
    await page.addScriptTag({ path: openSeadragon });
    const manifestUrl = `${server.url}/iiif/3/manifests/exhibits/${fixture.exhibitId}`;
    const service = await page.evaluate(async (url) => {
      const response = await fetch(url);
      const manifest = await response.json();
      const body = manifest.items[0].items[0].items[0].body;
      const state = { loaded: 0, failed: '' };
      Object.assign(window, { osdState: state });
      // The global the script tag defined.
      const osd = (window as unknown as { OpenSeadragon: typeof OpenSeadragon }).OpenSeadragon;
      const viewer = osd({
        element: document.getElementById('viewer') ?? undefined,
        tileSources: `${body.service[0].id}/info.json`,
        crossOriginPolicy: 'Anonymous',
        drawer: 'canvas',
        showNavigationControl: false,
        animationTime: 0
      });
      Object.assign(window, { viewer });
      viewer.addHandler('tile-loaded', () => state.loaded++);
      viewer.addHandler('open-failed', (e: { message: string }) => (state.failed = e.message));
      viewer.addHandler('tile-load-failed', (e: { message: string }) => (state.failed = e.message));
      return { contentType: response.headers.get('content-type'), service: body.service[0] };
    }, manifestUrl);
    expect(service.contentType).toBe(
      'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"'
    );
    expect(service.service).toEqual({
      id: `${server.url}/iiif/3/${fixture.assetId}`,
      type: 'ImageService3',
      profile: 'level0'
    });
    const state = () =>
      page.evaluate(
        () => (window as unknown as { osdState: { loaded: number; failed: string } }).osdState
      );
    await expect.poll(async () => (await state()).loaded, { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await state()).failed).toBe('');
    const overview = tiles.length;
    expect(overview).toBeGreaterThan(0);

    // Zoomed all the way in: full-resolution tiles (512 px of the image at 512 px) are asked for.
    await page.evaluate(() => {
      const { viewer } = window as unknown as {
        viewer: { viewport: { zoomTo(z: number): void; getMaxZoom(): number } };
      };
      viewer.viewport.zoomTo(viewer.viewport.getMaxZoom());
    });
    await expect
      .poll(() => tiles.filter((url) => /\/\d+,\d+,512,512\/512,512\/0\//.test(url)).length, {
        timeout: 20_000
      })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await state()).loaded, { timeout: 20_000 })
      .toBeGreaterThan(overview);
    expect((await state()).failed).toBe('');

    // The tiles were drawn: the canvas holds the photograph's noise, not one flat colour.
    const colours = await page.evaluate(() => {
      const canvas = document.querySelector('#viewer canvas') as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set<number>();
      for (let i = 0; data && i < data.length; i += 4 * 97)
        seen.add(data[i]! * 65536 + data[i + 1]! * 256 + data[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(100);
    await screenshot(page, 'iiif-openseadragon');
    await page.close();
  });

  it('an OAI-PMH harvester walks every page of ListRecords and gets every published exhibit once', async () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
      isArray: (name) => name === 'record'
    });
    const identifiers: string[] = [];
    const cursors: string[] = [];
    let query = 'verb=ListRecords&metadataPrefix=oai_dc';
    for (let pages = 0; pages < 100; pages++) {
      const response = await fetch(`${server.url}/oai?${query}`);
      expect(response.status).toBe(200);
      const doc = parser.parse(await response.text())['OAI-PMH'];
      expect(doc.error).toBeUndefined();
      const list = doc.ListRecords;
      identifiers.push(
        ...list.record.map((r: { header: { identifier: string } }) => r.header.identifier)
      );
      const token = list.resumptionToken;
      if (token) cursors.push(token['@cursor']);
      if (!token?.['#text']) break;
      query = `verb=ListRecords&resumptionToken=${encodeURIComponent(token['#text'])}`;
    }
    const host = new URL(server.url).hostname;
    const ids = identifiers.map((identifier) => {
      expect(identifier).toMatch(new RegExp(`^oai:${host.replaceAll('.', '\\.')}:exhibit:\\d+$`));
      return Number(identifier.split(':').at(-1));
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort((a, b) => a - b)).toEqual(await publishedIds(server.dataDir));
    expect(ids).toContain(fixture.exhibitId);
    // A hundred a page: the cursor counts what came before each page.
    expect(cursors.slice(0, 3)).toEqual(['0', '100', '200']);
  });

  it('takes a harvester’s POST at /oai, and still refuses a form posted from another site elsewhere', async () => {
    const oai = await fetch(`${server.url}/oai`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(
        `oai:${new URL(server.url).hostname}:exhibit:${fixture.exhibitId}`
      )}`
    });
    expect(oai.status).toBe(200);
    expect(await oai.text()).toContain(fixtureExhibit.title);
    const forged = await fetch(`${server.url}/reading`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://elsewhere.example'
      },
      body: 'contrast=high',
      redirect: 'manual'
    });
    expect(forged.status).toBe(403);
    const own = await fetch(`${server.url}/reading`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: 'contrast=high',
      redirect: 'manual'
    });
    expect(own.status).toBe(303);
  });

  it('the JSON API gives the exhibit with its manifest, to scripts on any site', async () => {
    const response = await fetch(`${server.url}/api/v1/exhibits/${fixture.exhibitId}`, {
      headers: { origin: 'https://elsewhere.example' }
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = await response.json();
    expect(body).toMatchObject({
      title: { ru: fixtureExhibit.title },
      iiifManifest: `${server.url}/iiif/3/manifests/exhibits/${fixture.exhibitId}`,
      images: [{ width: fixtureExhibit.width, height: fixtureExhibit.height }]
    });
    const list = await (
      await fetch(`${server.url}/api/v1/exhibits?museum=industrial-heritage&hasImage=true`)
    ).json();
    expect(list.items.map((e: { id: number }) => e.id)).toEqual([fixture.exhibitId]);
  });
});
