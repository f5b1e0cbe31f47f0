import { describe, expect, it } from 'vitest';
import { RateLimit } from './rate-limit';

describe(RateLimit, () => {
  it('refuses an address past its limit until the window ends, others go on', () => {
    let now = 0;
    const limit = new RateLimit({ limit: 2, windowMs: 1000, now: () => now });
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([true, true, false]);
    expect(limit.take('b')).toBe(true);
    now = 1000;
    expect(limit.take('a')).toBe(true);
  });
});
