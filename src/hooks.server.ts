import net from 'node:net';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building, dev } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { createApp, type App } from '$lib/server/app';
import { loadConfig } from '$lib/server/config';
import { parseReading, readingClasses, readingCookie } from '$lib/shared/reading';
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

const headers: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  return response;
};

export const handle = sequence(context, locale, headers);

export const handleError: HandleServerError = ({ error, status }) => {
  if (status !== 404) app?.log.error({ err: error }, 'request failed');
  return { message: status === 404 ? 'Not found' : 'Internal error' };
};
