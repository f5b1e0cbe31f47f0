import { DiskStorage } from './disk';
import type { Storage, StorageConfig } from './types';

export type {
  ByteRange,
  ObjectContent,
  ObjectSummary,
  PutBody,
  PutResult,
  Storage,
  StorageConfig,
  StoredObject
} from './types';
export { BodySizeMismatchError, InvalidKeyError, RangeNotSatisfiableError } from './errors';
export { isValidKey } from './keys';

export async function createStorage(config: StorageConfig): Promise<Storage> {
  if (config.kind === 'disk') return new DiskStorage(config.root);
  // The AWS SDK takes over 100 ms to load; a site on local disk should not wait for it.
  const { S3Storage } = await import('./s3');
  return new S3Storage(config);
}
