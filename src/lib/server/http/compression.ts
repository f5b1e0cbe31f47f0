import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type Encoding = 'br' | 'gzip' | 'identity';

const compressible = /^(text\/|application\/(json|xml|ld\+json|javascript|rss\+xml|atom\+xml))/;

/** The best encoding the client takes; brotli first, it saves a quarter over gzip on Russian HTML. */
export function chooseEncoding(acceptEncoding: string | null): Encoding {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return 'identity';
}

export function isCompressible(contentType: string | null): boolean {
  return contentType !== null && compressible.test(contentType);
}

export type Bytes = Uint8Array<ArrayBuffer>;

export async function compress(body: Bytes, encoding: Encoding): Promise<Bytes> {
  if (encoding === 'br') {
    // Quality 5: close to the best ratio for pages of this size at a fraction of quality 11's time.
    const compressed = await brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
      }
    });
    return new Uint8Array(compressed);
  }
  if (encoding === 'gzip') return new Uint8Array(await gzip(body, { level: 6 }));
  return body;
}
