import { InvalidKeyError } from './errors';

export const MAX_KEY_LENGTH = 512;
/** Leaves room under the usual 255-byte file name limit for the disk store's suffixes. */
export const MAX_SEGMENT_LENGTH = 200;

const allowed = /^[A-Za-z0-9._/-]*$/;

/**
 * Keys are relative, '/'-separated, ASCII letters, digits and `._-`; no empty, `.` or `..`
 * segment. Both stores refuse anything else alike, so a key that works on disk works on S3.
 */
export function assertValidKey(key: string): void {
  const problem = keyProblem(key);
  if (problem) throw new InvalidKeyError(key, problem);
}

/** A listing prefix: empty, a valid key, or a valid key followed by '/'. */
export function assertValidPrefix(prefix: string): void {
  if (prefix === '') return;
  const problem = keyProblem(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
  if (problem) throw new InvalidKeyError(prefix, problem);
}

export function isValidKey(key: string): boolean {
  return keyProblem(key) === undefined;
}

function keyProblem(key: string): string | undefined {
  if (key === '') return 'it is empty';
  if (key.length > MAX_KEY_LENGTH) return `it is longer than ${MAX_KEY_LENGTH} characters`;
  if (key.startsWith('/')) return 'it starts with "/"; keys are relative';
  if (key.includes('\\')) return 'it contains a backslash; segments are separated by "/"';
  if (!allowed.test(key)) return 'only A-Z, a-z, 0-9, ".", "_", "-" and "/" are allowed';
  for (const segment of key.split('/')) {
    if (segment === '') return 'it has an empty segment ("//" or a trailing "/")';
    if (segment === '.' || segment === '..') return `it has a "${segment}" segment`;
    if (segment.length > MAX_SEGMENT_LENGTH) {
      return `a segment is longer than ${MAX_SEGMENT_LENGTH} characters`;
    }
  }
  return undefined;
}
