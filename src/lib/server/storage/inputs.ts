import type { Readable } from 'node:stream';
import { BodySizeMismatchError, RangeNotSatisfiableError } from './errors';
import type { ByteRange } from './types';

export const MAX_CONTENT_TYPE_LENGTH = 200;

const token = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const contentTypePattern = new RegExp(`^${token}/${token}(?:\\s*;[ -~]*)?$`);

/** A MIME type with optional parameters, printable ASCII: what an HTTP header can carry as-is. */
export function assertValidContentType(contentType: string): void {
  if (
    contentType.length > MAX_CONTENT_TYPE_LENGTH ||
    !contentTypePattern.test(contentType) ||
    contentType.trimEnd() !== contentType
  ) {
    throw new TypeError(
      `Invalid content type ${JSON.stringify(contentType)}: expected e.g. "image/jpeg", at most ${MAX_CONTENT_TYPE_LENGTH} characters`
    );
  }
}

export function assertValidRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0) {
    throw new RangeError(`A range starts at a whole number of bytes ≥ 0, not ${start}`);
  }
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw new RangeError(`A range ends at a whole number of bytes ≥ its start, not ${end}`);
  }
}

/** The bytes a valid range covers in an object of `size` bytes, as HTTP and S3 answer it. */
export function satisfiedRange(
  key: string,
  range: ByteRange,
  size: number
): { start: number; end: number } {
  if (range.start >= size) throw new RangeNotSatisfiableError(key, size);
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}

/**
 * Passes a stream on, failing if it turns out longer or shorter than `size`. The last chunk is
 * held back until the stream has ended, so a receiver that counts bytes (an S3 server reading
 * Content-Length) never gets a complete body from a stream that was in fact too long.
 */
export function exactBytes(stream: Readable, size: number): AsyncGenerator<Uint8Array> {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new RangeError(`A stream's size is a whole number of bytes ≥ 0, not ${size}`);
  }
  return checkedChunks(stream, size);
}

async function* checkedChunks(stream: Readable, size: number): AsyncGenerator<Uint8Array> {
  const chunks: AsyncIterable<unknown> = stream;
  let received = 0;
  let held: Uint8Array | undefined;
  for await (const chunk of chunks) {
    const bytes = asBytes(chunk);
    received += bytes.byteLength;
    if (received > size) throw new BodySizeMismatchError(size, 'more');
    if (held) yield held;
    held = bytes;
  }
  if (received !== size) throw new BodySizeMismatchError(size, received);
  if (held) yield held;
}

function asBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk);
  throw new TypeError('Only byte streams can be stored, not object-mode streams');
}
