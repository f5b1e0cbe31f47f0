/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

// Serves saved tours with the network off. Registered only by a tour page when the visitor
// saves the tour (svelte.config.js: register: false); the page fills the caches itself.
// Everything else on the site goes to the network untouched.
import { offlineCachePrefix } from '$lib/components/tours/offline';

const sw = self as unknown as ServiceWorkerGlobalScope;

sw.addEventListener('install', () => void sw.skipWaiting());
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()));

const tourPage = /^(\/en)?\/(museums\/[^/]+\/tours|embed\/tours\/[^/]+)\/[^/]+$/;

/** A saved copy, looked for only in the saved tours' caches. */
async function saved(request: Request | string): Promise<Response | undefined> {
  for (const name of await caches.keys()) {
    if (!name.startsWith(offlineCachePrefix)) continue;
    const hit = await (await caches.open(name)).match(request);
    if (hit) return hit;
  }
  return undefined;
}

/** The page of a scene: from the network, else the saved copy of that scene or of the tour. */
async function page(request: Request, url: URL): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const scene = url.searchParams.get('scene');
    const copy =
      (scene && (await saved(`${url.pathname}?${new URLSearchParams({ scene })}`))) ||
      (await saved(url.pathname));
    if (copy) return copy;
    throw error;
  }
}

/** Stored files never change under one URL: a saved copy is as good as the network's. */
async function file(request: Request): Promise<Response> {
  return (await saved(request.url)) ?? fetch(request);
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate' && tourPage.test(url.pathname)) {
    event.respondWith(page(request, url));
  } else if (url.pathname.startsWith('/_app/') || url.pathname.startsWith('/media/')) {
    event.respondWith(file(request));
  }
});
