import net from 'node:net';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { createApp, type App } from '$lib/server/app';
import { loadConfig } from '$lib/server/config';
import { parseReading, readingClasses, readingCookie, serializeReading } from '$lib/shared/reading';
import { chooseEncoding, compress, isCompressible } from '$lib/server/http/compression';
import type { CachedPage } from '$lib/server/http/page-cache';
import type { Locale } from '$lib/shared/museum';

let app: App;

export const init: ServerInit = async () => {
  try {
    const config = loadConfig(process.env);
    if (!dev && !building) await assertPortFree(config.port, config.host);
    app = await createApp(config);
  } catch (error) {
    // One clear line for the person starting the server, not a stack trace.
    console.error(`Kraeved cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
};

function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `port ${port} is already in use: stop the other program or set PORT to a free port`
            : `cannot listen on ${host}:${port}: ${error.message}`
        )
      )
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

const locale: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    event.locals.locale = locale as Locale;
    return resolve(event, {
      transformPageChunk: ({ html }) =>
        html
          .replace('%paraglide.lang%', locale)
          .replace('%kraeved.reading%', readingClasses(event.locals.reading))
    });
  });

const context: Handle = ({ event, resolve }) => {
  event.locals.app = app;
  const cookie = new URLSearchParams(event.cookies.get(readingCookie) ?? '');
  event.locals.reading = parseReading((name) => cookie.get(name));
  return resolve(event);
};

const securityHeaders: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin']
];

/** Visitor pages that are the same for everyone with the same URL and reading settings. */
function isCacheable(request: Request, url: URL): boolean {
  return request.method === 'GET' && !/^\/(healthz|reading|admin|api)(\/|$)/.test(url.pathname);
}

function respond(page: CachedPage, request: Request): Response {
  if (request.headers.get('if-none-match') === page.etag) {
    return new Response(null, { status: 304, headers: { ETag: page.etag } });
  }
  const headers = new Headers(page.headers);
  headers.set('ETag', page.etag);
  return new Response(page.body, { status: page.status, headers });
}

/** Compresses what is worth compressing and keeps public pages for the rest of the minute. */
const delivery: Handle = async ({ event, resolve }) => {
  const { request, url } = event;
  const encoding = chooseEncoding(request.headers.get('accept-encoding'));
  const cacheable = isCacheable(request, url);
  const cache = event.locals.app.pages;
  const key = cache.key(url, serializeReading(event.locals.reading), encoding);
  if (cacheable) {
    const hit = cache.get(key);
    if (hit) return respond(hit, request);
  }

  const response = await resolve(event);
  for (const [name, value] of securityHeaders) response.headers.set(name, value);
  const type = response.headers.get('content-type');
  if (response.headers.has('content-encoding') || !response.body || !isCompressible(type)) {
    return response;
  }
  const headers: [string, string][] = [...response.headers].filter(
    ([name]) => name !== 'content-length'
  );
  headers.push(['vary', 'Accept-Encoding, Cookie']);
  if (encoding !== 'identity') headers.push(['content-encoding', encoding]);
  const body = await compress(new Uint8Array(await response.arrayBuffer()), encoding);
  const page = { status: response.status, headers, body };
  if (
    cacheable &&
    (response.status === 200 || response.status === 404) &&
    !response.headers.has('set-cookie')
  ) {
    return respond(cache.set(key, page), request);
  }
  return new Response(body, { status: page.status, headers: page.headers });
};

export const handle = sequence(context, delivery, locale);

export const handleError: HandleServerError = ({ error, status }) => {
  if (status !== 404) app?.log.error({ err: error }, 'request failed');
  return { message: status === 404 ? 'Not found' : 'Internal error' };
};
