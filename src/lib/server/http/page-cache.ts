import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Bytes, Encoding } from './compression';

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Bytes;
  etag: string;
  /** The minute the page was rendered in: hours ("closes at 18:00") change only on minute boundaries. */
  minute: number;
}

/**
 * Rendered public pages, compressed, for the rest of the minute they were rendered in. Many
 * visitors of one museum page cost one render a minute; any content change clears it all.
 * Each app instance keeps its own, so after an edit another instance may lag by up to a minute.
 */
export class PageCache {
  private readonly pages = new LRUCache<string, CachedPage>({
    maxSize: 32 * 1024 * 1024,
    sizeCalculation: (page) => page.body.byteLength + 512
  });

  constructor(private readonly clock: () => Date) {}

  key(url: URL, reading: string, encoding: Encoding): string {
    return `${url.pathname}${url.search}\n${reading}\n${encoding}`;
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page && page.minute !== this.minute()) {
      this.pages.delete(key);
      return undefined;
    }
    return page;
  }

  set(key: string, page: Omit<CachedPage, 'minute' | 'etag'>): CachedPage {
    const etag = `"${createHash('sha1').update(page.body).digest('base64url').slice(0, 20)}"`;
    const entry = { ...page, etag, minute: this.minute() };
    this.pages.set(key, entry);
    return entry;
  }

  /** Call after any change to what visitors see. */
  clear(): void {
    this.pages.clear();
  }

  private minute(): number {
    return Math.floor(this.clock().getTime() / 60_000);
  }
}
