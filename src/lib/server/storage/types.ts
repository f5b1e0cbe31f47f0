import type { Readable } from 'node:stream';

/**
 * Where media bytes live. Keys are relative, '/'-separated names such as
 * `museums/12/photos/3f9a…/w640.webp` (rules in ./keys); the database stores keys, never URLs.
 * Every implementation passes the same contract suite (tests/integration/storage.test.ts).
 */
export interface Storage {
  /**
   * Stores an object whole, replacing any object under the key. Readers see the old object or
   * the new one, never part of it; a put that fails stores nothing.
   */
  put(key: string, body: PutBody, options: { contentType: string }): Promise<PutResult>;
  /**
   * Streams an object, or a byte range of it (video and audio seeking, resumable downloads).
   * Consume or destroy `body`: it holds a file or a connection open.
   * Throws RangeNotSatisfiableError when the range starts at or past the end.
   */
  get(key: string, range?: ByteRange): Promise<ObjectContent | undefined>;
  head(key: string): Promise<StoredObject | undefined>;
  /** Deleting a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Every object whose key starts with `prefix` (a plain string prefix, as in S3: `a/1` matches
   * `a/12/x`), in no promised order. Pages internally, so it may run over millions of keys.
   */
  list(prefix: string): AsyncIterable<ObjectSummary>;
  /** Releases connections; the storage is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * A stream must say how long it is: S3 needs the length before the first byte, and a stream that
 * turns out longer or shorter is refused (BodySizeMismatchError) rather than stored.
 */
export type PutBody = Uint8Array | { stream: Readable; size: number };

/** What a listing knows. S3 listings carry no content type, so neither does this. */
export interface ObjectSummary {
  key: string;
  size: number;
  /** A strong HTTP entity tag, quotes included; it changes whenever the object is replaced. */
  etag: string;
  modifiedAt: Date;
}

export interface StoredObject extends ObjectSummary {
  contentType: string;
}

/** S3 does not say when a new object was written without another request, so put does not. */
export type PutResult = Omit<StoredObject, 'modifiedAt'>;

/** Inclusive byte offsets, as in HTTP `Range: bytes=start-end`; no `end` means to the last byte. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface ObjectContent {
  /** The whole object's metadata: `size` is the full size even when a range was read. */
  object: StoredObject;
  body: Readable;
  /** The bytes `body` carries when a range was asked for, `end` clamped to the last byte. */
  range?: { start: number; end: number };
}

export type StorageConfig =
  | { kind: 'disk'; root: string }
  | {
      kind: 's3';
      bucket: string;
      /** For S3-compatible stores (MinIO, Ceph RGW); omitted for AWS itself. */
      endpoint?: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      /** `bucket` in the path rather than the host name; most self-hosted stores need it. */
      forcePathStyle?: boolean;
      /** Keeps every key under this folder of the bucket, e.g. `kraeved` → `kraeved/museums/…`. */
      prefix?: string;
    };
