import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type GetObjectCommandOutput
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { RangeNotSatisfiableError } from './errors';
import { assertValidContentType, assertValidRange, exactBytes, satisfiedRange } from './inputs';
import { assertValidKey, assertValidPrefix, isValidKey } from './keys';
import type {
  ByteRange,
  ObjectContent,
  ObjectSummary,
  PutBody,
  PutResult,
  Storage,
  StorageConfig,
  StoredObject
} from './types';

export type S3StorageConfig = Extract<StorageConfig, { kind: 's3' }>;

/**
 * Objects in an S3-compatible bucket: AWS, MinIO, Ceph RGW; tested against s3rver.
 *
 * Every put is one PutObject. A stream goes up as it is read, with its declared length as
 * Content-Length: nothing is buffered, and S3 itself guarantees a failed upload stores nothing.
 * The price is S3's 5 GiB limit for a single PUT, far above any museum's video.
 *
 * Checksums are sent only where the API requires them. By default the SDK sends streams
 * `aws-chunked` with a CRC32 trailer; s3rver (and older MinIO and Ceph releases) store that
 * framing as part of the object, silently adding bytes to it.
 */
export class S3Storage implements Storage {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;

  constructor(config: S3StorageConfig) {
    this.#client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED'
    });
    this.#bucket = config.bucket;
    this.#prefix = folderOf(config.prefix);
  }

  async put(key: string, body: PutBody, options: { contentType: string }): Promise<PutResult> {
    assertValidKey(key);
    const { contentType } = options;
    assertValidContentType(contentType);
    const object = { Bucket: this.#bucket, Key: this.#prefix + key, ContentType: contentType };
    if (body instanceof Uint8Array) {
      const sent = await this.#client.send(
        new PutObjectCommand({ ...object, Body: body, ContentLength: body.byteLength })
      );
      return { key, size: body.byteLength, contentType, etag: required(sent.ETag, 'ETag') };
    }

    const checked = Readable.from(exactBytes(body.stream, body.size), { objectMode: false });
    // The SDK pipes the body into the request, and a pipe ignores errors of its source: without
    // the abort, a stream that fails would leave the request waiting for bytes forever.
    const abort = new AbortController();
    let failure: unknown;
    checked.once('error', (error) => {
      failure = error;
      abort.abort();
    });
    try {
      const sent = await this.#client.send(
        new PutObjectCommand({ ...object, Body: checked, ContentLength: body.size }),
        { abortSignal: abort.signal }
      );
      return { key, size: body.size, contentType, etag: required(sent.ETag, 'ETag') };
    } catch (error) {
      throw failure ?? error;
    } finally {
      checked.destroy();
      body.stream.destroy();
    }
  }

  async get(key: string, range?: ByteRange): Promise<ObjectContent | undefined> {
    assertValidKey(key);
    if (range) assertValidRange(range);
    let answer: GetObjectCommandOutput;
    try {
      answer = await this.#client.send(
        new GetObjectCommand({
          Bucket: this.#bucket,
          Key: this.#prefix + key,
          Range: range && `bytes=${range.start}-${range.end ?? ''}`
        })
      );
    } catch (error) {
      if (hasStatus(error, 404)) return undefined;
      if (hasStatus(error, 416)) {
        // The error names the object's size only in its XML body; ask for it.
        const object = await this.head(key);
        if (!object) return undefined;
        throw new RangeNotSatisfiableError(key, object.size);
      }
      throw error;
    }
    const body = answer.Body;
    if (!(body instanceof Readable)) throw new Error(`S3 sent no body for "${key}"`);
    try {
      if (!range) {
        return { object: objectOf(key, answer, required(answer.ContentLength, 'size')), body };
      }
      const sent = contentRangeOf(answer.ContentRange);
      const expected = satisfiedRange(key, range, sent.size);
      if (sent.start !== expected.start || sent.end !== expected.end) {
        throw new Error(
          `S3 sent bytes ${sent.start}-${sent.end} of "${key}" when asked for ${expected.start}-${expected.end}`
        );
      }
      return { object: objectOf(key, answer, sent.size), body, range: expected };
    } catch (error) {
      body.destroy();
      throw error;
    }
  }

  async head(key: string): Promise<StoredObject | undefined> {
    assertValidKey(key);
    try {
      const answer = await this.#client.send(
        new HeadObjectCommand({ Bucket: this.#bucket, Key: this.#prefix + key })
      );
      return objectOf(key, answer, required(answer.ContentLength, 'size'));
    } catch (error) {
      if (hasStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.#client.send(
      new DeleteObjectCommand({ Bucket: this.#bucket, Key: this.#prefix + key })
    );
  }

  async *list(prefix: string): AsyncIterable<ObjectSummary> {
    assertValidPrefix(prefix);
    let continuationToken: string | undefined;
    do {
      const page = await this.#client.send(
        new ListObjectsV2Command({
          Bucket: this.#bucket,
          Prefix: this.#prefix + prefix,
          ContinuationToken: continuationToken
        })
      );
      for (const entry of page.Contents ?? []) {
        const key = required(entry.Key, 'key').slice(this.#prefix.length);
        // Objects other tools put in the bucket under names that are not keys here.
        if (!isValidKey(key)) continue;
        yield {
          key,
          size: required(entry.Size, 'size'),
          etag: required(entry.ETag, 'ETag'),
          modifiedAt: required(entry.LastModified, 'modification time')
        };
      }
      continuationToken = page.IsTruncated
        ? required(page.NextContinuationToken, 'continuation token')
        : undefined;
    } while (continuationToken);
  }

  async close(): Promise<void> {
    this.#client.destroy();
  }
}

function folderOf(prefix: string | undefined): string {
  const folder = (prefix ?? '').replace(/\/+$/, '');
  if (folder === '') return '';
  if (!isValidKey(folder)) {
    throw new Error(`The S3 key prefix ${JSON.stringify(prefix)} must be a valid storage key`);
  }
  return `${folder}/`;
}

function objectOf(
  key: string,
  answer: { ContentType?: string; ETag?: string; LastModified?: Date },
  size: number
): StoredObject {
  return {
    key,
    size,
    contentType: answer.ContentType ?? 'application/octet-stream',
    etag: required(answer.ETag, 'ETag'),
    modifiedAt: required(answer.LastModified, 'modification time')
  };
}

function contentRangeOf(header: string | undefined): { start: number; end: number; size: number } {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header ?? '');
  if (!match) throw new Error(`S3 answered a range request without a usable Content-Range`);
  const [, start, end, size] = match.map(Number);
  if (start === undefined || end === undefined || size === undefined) {
    throw new Error(`S3 answered a range request with Content-Range "${header}"`);
  }
  return { start, end, size };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`S3 answered without the object's ${what}`);
  return value;
}

function hasStatus(error: unknown, status: number): boolean {
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === status;
}
