// @ts-check
// The production server: the SvelteKit app (build/handler.js) behind a small shared cache, the
// way nginx or a CDN would sit in front of it. The app decides what may be cached and for how
// long (Cache-Control: s-maxage) and what a copy depends on (Vary); this file only obeys. A
// cached museum page is then answered without entering the framework at all.
import http from 'node:http';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

// Request bodies up to the upload limit: resumable uploads come in chunks of 8 MB, but the
// no-JavaScript upload form posts whole files. adapter-node reads this when its module loads.
process.env.BODY_SIZE_LIMIT ??= `${Math.ceil(Number(process.env.UPLOAD_MAX_MB ?? 1024)) + 16}M`;
const { handler } = await import('./build/handler.js');

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

/** @typedef {{ status: number, headers: http.OutgoingHttpHeaders, body: Buffer, etag: string, expires: number }} Copy */

/** @type {LRUCache<string, Copy>} */
const copies = new LRUCache({
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (copy) => copy.body.byteLength + 1024
});
/** For each URL, the request headers its responses vary on, as the app last said. */
const varyOf = new LRUCache({ max: 50_000 });

/** @param {http.IncomingMessage} req @param {string} url */
function keyOf(req, url) {
  const vary = /** @type {string[] | undefined} */ (varyOf.get(url));
  if (!vary) return undefined;
  return [url, ...vary.map((name) => `${name}=${req.headers[name] ?? ''}`)].join('\n');
}

/** @param {http.OutgoingHttpHeaders} headers */
function sharedMaxAge(headers) {
  const match = /(?:^|,)\s*s-maxage=(\d+)/.exec(String(headers['cache-control'] ?? ''));
  return match ? Number(match[1]) : 0;
}

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {Copy} copy */
function answer(req, res, copy) {
  if (req.headers['if-none-match'] === copy.etag) {
    res.writeHead(304, { etag: copy.etag });
    res.end();
    return;
  }
  res.writeHead(copy.status, { ...copy.headers, etag: copy.etag, 'x-cache': 'hit' });
  res.end(req.method === 'HEAD' ? undefined : copy.body);
}

/** Passes the request to the app and keeps its answer when the app allows it. */
/** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {string} url */
function renderAndKeep(req, res, url) {
  /** @type {Buffer[]} */
  const chunks = [];
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  /** @param {unknown} chunk @param {unknown} [encoding] */
  const collect = (chunk, encoding) => {
    if (typeof chunk === 'string') {
      chunks.push(
        Buffer.from(
          chunk,
          typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8'
        )
      );
    } else if (chunk instanceof Uint8Array) {
      chunks.push(Buffer.from(chunk));
    }
  };
  res.write = /** @type {typeof res.write} */ (
    (/** @type {any} */ chunk, /** @type {any} */ ...rest) => {
      collect(chunk, rest[0]);
      return write(chunk, ...rest);
    }
  );
  res.end = /** @type {typeof res.end} */ (
    (/** @type {any} */ chunk, /** @type {any} */ ...rest) => {
      if (typeof chunk !== 'function') collect(chunk, rest[0]);
      keep(req, res, url, Buffer.concat(chunks));
      return end(chunk, ...rest);
    }
  );
  handler(req, res, () => {
    res.statusCode = 404;
    res.end('Not found');
  });
}

/** @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {string} url @param {Buffer} body */
function keep(req, res, url, body) {
  const headers = res.getHeaders();
  const seconds = sharedMaxAge(headers);
  if (seconds <= 0 || headers['set-cookie'] || (res.statusCode !== 200 && res.statusCode !== 404))
    return;
  const vary = String(headers.vary ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  varyOf.set(url, vary);
  const key = /** @type {string} */ (keyOf(req, url));
  copies.set(key, {
    status: res.statusCode,
    headers,
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
    expires: Date.now() + seconds * 1000
  });
}

/** The header with which the app says that what visitors see has changed. */
const purgeHeader = 'x-kraeved-purge';

/** Keys whose expired copy one request is re-rendering right now. */
const refreshing = new Set();
/** How long past its time a copy may still be given while one request renders its successor. */
const staleGraceMs = 10_000;

const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  if (req.method === 'GET' || req.method === 'HEAD') {
    const key = keyOf(req, url);
    const copy = key ? copies.get(key) : undefined;
    const now = Date.now();
    if (copy && copy.expires > now) return answer(req, res, copy);
    // When a popular page expires, one request renders it again and the rest get the old copy
    // for those few milliseconds, instead of all of them rendering at once.
    if (key && copy && refreshing.has(key) && copy.expires + staleGraceMs > now) {
      return answer(req, res, copy);
    }
    if (req.method === 'GET') {
      if (key) {
        refreshing.add(key);
        res.once('close', () => refreshing.delete(key));
      }
      return renderAndKeep(req, res, url);
    }
  }
  // A change visitors should see at once (a publication) asks for every copy to go.
  res.once('finish', () => {
    if (res.getHeader(purgeHeader)) copies.clear();
  });
  handler(req, res, () => {
    res.statusCode = 404;
    res.end('Not found');
  });
});

server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
