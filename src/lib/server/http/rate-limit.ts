/**
 * At most `limit` attempts per key (a client address) in each window, counted in this process's
 * memory. A brake on scripts filling a public form, not a security boundary: several app
 * instances each count their own, and a restart forgets.
 */
export class RateLimit {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly options: { limit: number; windowMs: number; now?: () => number }) {}

  /** Counts an attempt; false when the key has used up its window. */
  take(key: string): boolean {
    const now = (this.options.now ?? Date.now)();
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.options.windowMs) {
      if (this.windows.size > 10_000) this.forgetExpired(now);
      this.windows.set(key, { startedAt: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.options.limit;
  }

  private forgetExpired(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.startedAt >= this.options.windowMs) this.windows.delete(key);
  }
}
