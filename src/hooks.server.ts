import net from 'node:net';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { createApp, type App } from '$lib/server/app';
import { loadConfig } from '$lib/server/config';
import { parseReading, readingClasses, readingCookie } from '$lib/shared/reading';
import { chooseEncoding, compress, isCompressible } from '$lib/server/http/compression';
import type { Locale } from '$lib/shared/museum';
import { clientAddressHeader } from '$lib/server/auth/auth';
import { isForbiddenCrossSiteForm } from '$lib/server/http/cross-site';

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
function isShareable(request: Request, url: URL): boolean {
  return request.method === 'GET' && !/^\/(healthz|reading|admin|api)(\/|$)/.test(url.pathname);
}

/**
 * Compresses what is worth compressing, and marks public pages as shareable for the rest of the
 * current minute (hours such as "closes at 18:00" change only on minute boundaries). server.js,
 * or nginx or a CDN in front, keeps them that long; browsers revalidate with the ETag.
 */
const delivery: Handle = async ({ event, resolve }) => {
  const { request, url } = event;
  const response = await resolve(event);
  for (const [name, value] of securityHeaders) response.headers.set(name, value);
  const type = response.headers.get('content-type');
  if (response.headers.has('content-encoding') || !response.body || !isCompressible(type)) {
    return response;
  }
  const encoding = chooseEncoding(request.headers.get('accept-encoding'));
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('etag');
  headers.set('vary', 'Accept-Encoding, Cookie');
  if (encoding !== 'identity') headers.set('content-encoding', encoding);
  if (
    isShareable(request, url) &&
    (response.status === 200 || response.status === 404) &&
    !response.headers.has('set-cookie') &&
    // A route that chose its own lifetime (a IIIF info.json) keeps it.
    !response.headers.has('cache-control')
  ) {
    const secondsLeft = 60 - event.locals.app.clock().getUTCSeconds();
    headers.set('cache-control', `public, max-age=0, s-maxage=${secondsLeft}`);
  }
  const body = await compress(new Uint8Array(await response.arrayBuffer()), encoding);
  return new Response(body, { status: response.status, headers });
};

const staffArea = /^(\/en)?\/admin(\/|$)/;

/** Staff pages know who is signed in; better-auth's own endpoints (the reset link) pass through. */
const staff: Handle = async ({ event, resolve }) => {
  const { pathname } = event.url;
  if (pathname.startsWith('/api/auth/')) {
    const headers = new Headers(event.request.headers);
    headers.set(clientAddressHeader, event.getClientAddress());
    return event.locals.app.auth.handler(
      // Node needs duplex for a streamed body; the DOM types TypeScript ships do not know it yet.
      new Request(event.request, { headers, duplex: 'half' } as RequestInit)
    );
  }
  event.locals.staff = staffArea.test(pathname)
    ? await event.locals.app.accounts.session(event.request.headers)
    : null;
  return resolve(event);
};

/** SvelteKit's check against cross-site form posts, with the OAI-PMH endpoint let through. */
const crossSite: Handle = ({ event, resolve }) =>
  isForbiddenCrossSiteForm(event.request, event.url)
    ? new Response(`Cross-site ${event.request.method} form submissions are forbidden`, {
        status: 403,
        headers: { 'content-type': 'text/plain; charset=utf-8' }
      })
    : resolve(event);

export const handle = sequence(crossSite, context, delivery, staff, locale);

export const handleError: HandleServerError = ({ error, status }) => {
  if (status !== 404) app?.log.error({ err: error }, 'request failed');
  return { message: status === 404 ? 'Not found' : 'Internal error' };
};
