import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createStorage, type Storage, type StorageConfig } from '$lib/server/storage';

export const testBucket = 'kraeved-test';

/** s3rver checks request signatures against these fixed credentials. */
export const s3rverCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface RunningS3rver {
  endpoint: string;
  stop(): Promise<void>;
}

// The server runs in a Node process of its own, for two reasons:
// - s3rver encrypts ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 offers only
//   in its legacy provider: without it every listing longer than one page fails (InternalError).
// - s3rver 3.7 answers a PUT once it has read the body, before the bytes reach the object's file,
//   and writes that file in place; reads right after a write were flaky, and a cut-off upload left
//   a cut object. Its store is patched to write a temporary file and rename it once complete, as
//   S3 (all or nothing, visible when answered) behaves. The HTTP side is s3rver's own.
// It exits when its stdin closes, so a test run that dies leaves no server behind.
const serverScript = `
import S3rver from 's3rver';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const [directory, bucket] = process.argv.slice(1);
const server = new S3rver({
  port: 0, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: bucket }]
});
const store = server.store;
store.putObject = async (object) => {
  const file = store.getResourcePath(object.bucket, object.key, 'object');
  const temporary = file + '.' + randomUUID() + '.upload';
  const md5 = createHash('md5');
  let size = 0;
  const counter = new Transform({
    transform(chunk, encoding, done) {
      md5.update(chunk);
      size += chunk.length;
      done(null, chunk);
    }
  });
  const body = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
  await mkdir(dirname(file), { recursive: true });
  try {
    await pipeline(body, counter, createWriteStream(temporary));
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const digest = md5.digest('hex');
  await store.putMetadata(object.bucket, object.key, object.metadata, digest);
  return { size, md5: digest };
};
const { port } = await server.run();
console.log(port);
process.stdin.on('end', () => process.exit(0)).resume();
`;

/** An S3 server of our own on a free local port, its objects in a temporary folder. */
export async function startS3rver(): Promise<RunningS3rver> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kraeved-s3rver-'));
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '--input-type=module', '-e', serverScript, directory, testBucket],
    { stdio: ['pipe', 'pipe', 'inherit'] }
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      lines.close();
      resolve(Number(line));
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code}) before it listened`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      child.stdin.end();
      await exited;
      fs.rmSync(directory, { recursive: true, force: true });
    }
  };
}

/** A test's storage of either kind: a folder on disk, or our own S3 server (keys under `prefix`). */
export async function testStorage(
  kind: 'disk' | 's3',
  root: string,
  prefix: string
): Promise<{ storage: Storage; dispose(): Promise<void> }> {
  const s3 = kind === 's3' ? await startS3rver() : undefined;
  const config: StorageConfig = s3
    ? {
        kind: 's3',
        bucket: testBucket,
        endpoint: s3.endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        prefix,
        ...s3rverCredentials
      }
    : { kind: 'disk', root };
  const storage = await createStorage(config);
  return {
    storage,
    async dispose() {
      await storage.close();
      await s3?.stop();
    }
  };
}
