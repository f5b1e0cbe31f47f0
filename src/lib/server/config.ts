import { z } from 'zod';
import type { MailConfig } from './mail/types';
import type { StorageConfig } from './storage/types';
import path from 'node:path';

/** Everything the server reads from its environment, validated once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  demoData: boolean;
  /** With the demo data, also draw, tile and publish the demo tour (in the background). */
  demoTour: boolean;
  /** With the demo data, draw the demo objects' pictures in the background. */
  demoPictures: boolean;
  map: { tileUrl: string; attribution: string };
  logLevel: string;
  /** A frozen instant for the whole server, for browser tests of time-dependent pages. */
  frozenNow: Date | null;
  /** The public address; links in e-mails start with it. */
  origin: string;
  /** Signs session cookies; null means "keep one in the data folder" (SQLite only). */
  authSecret: string | null;
  mail: MailConfig;
  /** Whether this process also runs the job worker (the default; `WORKER=off` for web only). */
  worker: boolean;
  media: MediaConfig;
}

export interface MediaConfig {
  storage: StorageConfig;
  /** Where visitors fetch stored files: `/media` (served by this app) or a CDN's address. */
  publicUrl: string;
  /** Uploads in progress live here until they are checked and stored. */
  uploadDir: string;
  maxUploadBytes: number;
  /** Images with more pixels are refused before decoding (decompression bombs). */
  maxImagePixels: number;
}

export class ConfigError extends Error {}

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'PORT must be a number' })
    .int()
    .min(1, 'PORT must be between 1 and 65535')
    .max(65535, 'PORT must be between 1 and 65535')
    .default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .optional()
    .refine(
      (url) => url === undefined || url === '' || /^postgres(ql)?:\/\/[^/]+/.test(url),
      'DATABASE_URL must look like postgres://user:password@host:5432/database'
    ),
  DEMO_DATA: z.enum(['on', 'off', '']).default('off'),
  DEMO_TOUR: z.enum(['on', 'off']).default('on'),
  DEMO_PICTURES: z.enum(['on', 'off']).default('on'),
  MAP_TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_ATTRIBUTION: z
    .string()
    .default('© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'),
  KRAEVED_FROZEN_NOW: z.iso
    .datetime({
      offset: true,
      message: 'KRAEVED_FROZEN_NOW must be an ISO instant like 2026-11-24T02:00:00Z'
    })
    .optional(),
  ORIGIN: z
    .url({ message: 'ORIGIN must be the public address, like https://museums.example.ru' })
    .optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce
    .number({ message: 'SMTP_PORT must be a number' })
    .int()
    .min(1)
    .max(65535)
    .default(587),
  SMTP_SECURE: z.enum(['true', 'false']).default('false'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().default('Краевед <noreply@localhost>'),
  WORKER: z.enum(['on', 'off']).default('on'),
  STORAGE: z.enum(['disk', 's3']).default('disk'),
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z
    .url({ message: 'S3_ENDPOINT must be an address like https://s3.example.ru' })
    .optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  S3_PREFIX: z.string().optional(),
  MEDIA_PUBLIC_URL: z.string().default('/media'),
  UPLOAD_MAX_MB: z.coerce
    .number({ message: 'UPLOAD_MAX_MB must be a number of megabytes' })
    .positive('UPLOAD_MAX_MB must be a number of megabytes')
    .default(1024),
  IMAGE_MAX_MEGAPIXELS: z.coerce
    .number({ message: 'IMAGE_MAX_MEGAPIXELS must be a number' })
    .positive('IMAGE_MAX_MEGAPIXELS must be a number')
    .default(150),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
});

export function loadConfig(env: Record<string, string | undefined>): Config {
  // `NAME=` in a shell or a service file means "not set", as it does for most programs.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? '';
    const message = issue?.message ?? 'invalid';
    throw new ConfigError(
      `Configuration error: ${message.startsWith(name) ? message : `${name}: ${message}`}`
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  if (e.DATABASE_URL && !e.AUTH_SECRET) {
    throw new ConfigError(
      'Configuration error: AUTH_SECRET must be set when DATABASE_URL is set: every instance signs sessions with it'
    );
  }
  if (e.STORAGE === 's3' && !(e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError(
      'Configuration error: STORAGE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY'
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'kraeved.sqlite') },
    demoData: e.DEMO_DATA === 'on',
    demoTour: e.DEMO_TOUR === 'on',
    demoPictures: e.DEMO_PICTURES === 'on',
    map: { tileUrl: e.MAP_TILE_URL, attribution: e.MAP_ATTRIBUTION },
    logLevel: e.LOG_LEVEL,
    frozenNow: e.KRAEVED_FROZEN_NOW ? new Date(e.KRAEVED_FROZEN_NOW) : null,
    origin: (e.ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    authSecret: e.AUTH_SECRET ?? null,
    mail: e.SMTP_HOST
      ? {
          kind: 'smtp',
          host: e.SMTP_HOST,
          port: e.SMTP_PORT,
          secure: e.SMTP_SECURE === 'true',
          user: e.SMTP_USER,
          pass: e.SMTP_PASSWORD,
          from: e.MAIL_FROM
        }
      : { kind: 'outbox' },
    worker: e.WORKER === 'on',
    media: {
      storage:
        e.STORAGE === 's3'
          ? {
              kind: 's3',
              bucket: e.S3_BUCKET ?? '',
              endpoint: e.S3_ENDPOINT,
              region: e.S3_REGION,
              accessKeyId: e.S3_ACCESS_KEY_ID ?? '',
              secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? '',
              forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
              prefix: e.S3_PREFIX
            }
          : { kind: 'disk', root: path.join(dataDir, 'media') },
      publicUrl: e.MEDIA_PUBLIC_URL.replace(/\/$/, ''),
      uploadDir: path.join(dataDir, 'uploads'),
      maxUploadBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
      maxImagePixels: Math.round(e.IMAGE_MAX_MEGAPIXELS * 1_000_000)
    }
  };
}

/** The address of a PostgreSQL server without its password, for messages. */
export function describeDatabase(database: Config['database']): string {
  if (database.kind === 'sqlite') return database.file;
  try {
    const url = new URL(database.url);
    return `postgres://${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'postgres (unparseable DATABASE_URL)';
  }
}
