import { createHash, randomBytes } from 'node:crypto';

/**
 * The cancel link's secret: 32 random bytes (256 bits), so it cannot be guessed; only its
 * SHA-256 is stored, so a copy of the database cannot cancel anyone's registration.
 */
export function newCancelToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashCancelToken(token) };
}

export function hashCancelToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A token as newCancelToken makes them; anything else is not looked up at all. */
export function isCancelToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
