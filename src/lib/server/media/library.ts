import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { requireAccess, NotFoundOrForbidden, type Actor } from '../auth/access';
import type { StaffRepository } from '../auth/staff-repository';
import { checkInBothLanguages, type FieldError } from '../content/checks';
import type { JobQueue } from '../jobs/queue';
import type { JobRun } from '../jobs/types';
import type { ObjectContent, Storage } from '../storage';
import { inspectFile } from './inspect';
import { deriveImage, derivePanorama, deriveVideoPoster } from './derive';
import { deriveDeepZoom, infoJson, tileKeyFor, type StoredInfo, type TileRequest } from './iiif';
import { padToEquirectangular } from './pad';
import { DEFAULT_MAX_PANORAMA_PIXELS } from './source';
import type { Asset, AssetFilter, MediaRepository } from './repository';
import type { Localized, MediaKind } from './types';

export const licences = [
  'all-rights-reserved',
  'cc-by-4.0',
  'cc-by-sa-4.0',
  'cc-by-nc-4.0',
  'cc0',
  'public-domain'
] as const;

/** A place that shows an asset: deleting it would leave a hole there. */
export interface AssetUsage {
  /** Published pages first: those are what visitors would miss. */
  state: 'published' | 'draft';
  title: Localized;
  /** The staff page where it can be removed from. */
  href: string;
}

export interface MediaLimits {
  maxUploadBytes: number;
  maxImagePixels: number;
}

export interface UploadedFile {
  /** A finished upload on local disk; the library copies it into storage and leaves it. */
  path: string;
  fileName: string;
  /** The uploader said these are 360° panoramas. */
  panorama: boolean;
  /** The resumable upload's id: a second finish of the same upload makes no second asset. */
  uploadId: string | null;
}

export type IngestResult =
  | { ok: true; assetId: number; created: boolean }
  | {
      ok: false;
      message: Localized;
      /**
       * A panorama wider than 2:1 is kept aside under this id while its uploader chooses:
       * `padPanorama` makes it an asset, `discardHeld` removes it.
       */
      held?: string;
    };

/** What is kept beside a held panorama's bytes. */
interface HeldUpload {
  userId: string;
  fileName: string;
}

/** A held panorama nobody decided about is removed after a day. */
const HELD_FOR_MS = 24 * 60 * 60 * 1000;
const heldId = /^[0-9a-f]{16}$/;

export type DescribeResult = { ok: true } | { ok: false; errors: FieldError[] };

const description = z.object({
  alt: z.object({ ru: z.string().trim().max(500), en: z.string().trim().max(500) }),
  caption: z.object({ ru: z.string().trim().max(1000), en: z.string().trim().max(1000) }),
  credit: z.string().trim().max(300),
  licence: z.union([z.enum(licences), z.literal('')]),
  focal: z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).nullable()
});
export type AssetDescriptionInput = z.input<typeof description>;

/** Kinds whose files need work after upload (sizes, tiles, a poster) before they are ready. */
const processed: readonly MediaKind[] = ['image', 'panorama', 'video'];

/**
 * A museum's media library: uploads checked by their bytes, stored, described, processed by jobs,
 * and never deleted while something still shows them.
 */
export class MediaLibrary {
  constructor(
    private readonly deps: {
      repository: MediaRepository;
      storage: Storage;
      queue: JobQueue;
      staff: StaffRepository;
      clock: () => Date;
      limits: MediaLimits;
      /** Where an asset is shown; each part of the site that uses media adds its own places. */
      findUsages: (asset: Asset) => Promise<AssetUsage[]>;
    }
  ) {}

  get limits(): MediaLimits {
    return this.deps.limits;
  }

  /** Throws "not found or no access" unless the actor may work on this museum's media. */
  authorize(actor: Actor | null, museumId: number): Actor {
    return requireAccess(actor, 'media.manage', { kind: 'museum', museumId });
  }

  async list(actor: Actor | null, museumId: number, filter: AssetFilter) {
    this.authorize(actor, museumId);
    const [assets, counts] = await Promise.all([
      this.deps.repository.list(museumId, { ...filter, limit: filter.limit + 1 }),
      this.deps.repository.countsByStatus(museumId)
    ]);
    const more = assets.length > filter.limit;
    const page = assets.slice(0, filter.limit);
    return { assets: page, counts, next: more ? page[page.length - 1]?.id : undefined };
  }

  /** One asset with the places it is used in. */
  async get(actor: Actor | null, museumId: number, assetId: number) {
    this.authorize(actor, museumId);
    const asset = await this.own(museumId, assetId);
    return { asset, usages: await this.deps.findUsages(asset) };
  }

  /** The museum's assets with these ids, for forms and pages that show them (no access check). */
  async assetsOf(museumId: number, ids: number[]): Promise<Asset[]> {
    const assets = await this.deps.repository.findMany(ids);
    return assets.filter((a) => a.museumId === museumId);
  }

  /**
   * Checks an uploaded file by its bytes and stores it as a new asset, then asks for its
   * derivatives. Refusals say why in both languages; nothing is stored for a refused file.
   */
  async ingest(actor: Actor | null, museumId: number, file: UploadedFile): Promise<IngestResult> {
    const who = this.authorize(actor, museumId);
    const { size } = await stat(file.path);
    if (size > this.deps.limits.maxUploadBytes) {
      return { ok: false, message: tooLarge(file.fileName, this.deps.limits.maxUploadBytes) };
    }
    const inspection = await inspectFile(
      file.path,
      { fileName: file.fileName, panorama: file.panorama },
      { maxPixels: this.deps.limits.maxImagePixels }
    );
    if (!inspection.ok) {
      if (inspection.reason !== 'needs-padding') return { ok: false, message: inspection.message };
      const held = await this.hold(who, museumId, file);
      return { ok: false, message: inspection.message, held };
    }
    const folder = `museums/${museumId}/media/${randomBytes(8).toString('hex')}`;
    const originalKey = `${folder}/original.${inspection.ext}`;
    await this.deps.storage.put(
      originalKey,
      { stream: createReadStream(file.path), size },
      { contentType: inspection.mime }
    );
    const needsWork = processed.includes(inspection.kind);
    const now = this.deps.clock().toISOString();
    const { id, created } = await this.deps.repository.insert(
      {
        museumId,
        kind: inspection.kind,
        status: needsWork ? 'processing' : 'ready',
        fileName: cleanFileName(file.fileName),
        mime: inspection.mime,
        bytes: size,
        originalKey,
        width: inspection.width ?? null,
        height: inspection.height ?? null,
        uploadId: file.uploadId,
        createdBy: who.userId
      },
      now
    );
    if (!created) {
      await this.deps.storage.delete(originalKey);
      return { ok: true, assetId: id, created: false };
    }
    if (needsWork)
      await this.deps.queue.enqueue('media.derive', { assetId: id }, { maxAttempts: 3 });
    await this.deps.staff.audit({
      userId: who.userId,
      museumId,
      action: 'upload',
      entity: 'media',
      entityId: String(id),
      details: { file: file.fileName, kind: inspection.kind }
    });
    return { ok: true, assetId: id, created: true };
  }

  /**
   * Pads a held panorama to 2:1 and stores the result as a new asset, through the same checks as
   * any upload; the held file goes once the asset exists. Only the person who uploaded it may.
   */
  async padPanorama(actor: Actor | null, museumId: number, id: string): Promise<IngestResult> {
    const who = this.authorize(actor, museumId);
    const held = await this.findHeld(who, museumId, id);
    const folder = heldFolder(museumId, id);
    const work = await mkdtemp(path.join(os.tmpdir(), 'kraeved-pad-'));
    try {
      const source = path.join(work, 'source');
      const content = await this.deps.storage.get(`${folder}/upload`);
      if (!content) throw new NotFoundOrForbidden();
      await pipeline(content.body, createWriteStream(source));
      const padded = path.join(work, 'padded.jpg');
      await padToEquirectangular(source, padded, { maxPixels: DEFAULT_MAX_PANORAMA_PIXELS });
      const result = await this.ingest(who, museumId, {
        path: padded,
        fileName: held.fileName.replace(/(\.[^.]*)?$/, '.jpg'),
        panorama: true,
        // The held id makes a second "pad" of the same upload no second asset.
        uploadId: `held-${id}`
      });
      if (result.ok) await this.removeHeld(folder);
      return result;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** Removes a held panorama: its uploader chose not to pad it. */
  async discardHeld(actor: Actor | null, museumId: number, id: string): Promise<void> {
    const who = this.authorize(actor, museumId);
    await this.findHeld(who, museumId, id);
    await this.removeHeld(heldFolder(museumId, id));
  }

  /** Keeps an upload aside in storage until its uploader decides; returns its id. */
  private async hold(who: Actor, museumId: number, file: UploadedFile) {
    await this.removeExpiredHeld(museumId);
    const id = randomBytes(8).toString('hex');
    const folder = heldFolder(museumId, id);
    const { size } = await stat(file.path);
    await this.deps.storage.put(
      `${folder}/upload`,
      { stream: createReadStream(file.path), size },
      { contentType: 'application/octet-stream' }
    );
    const about: HeldUpload = { userId: who.userId, fileName: file.fileName };
    await this.deps.storage.put(`${folder}/held.json`, Buffer.from(JSON.stringify(about)), {
      contentType: 'application/json'
    });
    return id;
  }

  private async findHeld(who: Actor, museumId: number, id: string): Promise<HeldUpload> {
    if (!heldId.test(id)) throw new NotFoundOrForbidden();
    const content = await this.deps.storage.get(`${heldFolder(museumId, id)}/held.json`);
    if (!content) throw new NotFoundOrForbidden();
    const about = JSON.parse((await buffer(content.body)).toString('utf8')) as HeldUpload;
    if (about.userId !== who.userId) throw new NotFoundOrForbidden();
    return about;
  }

  private async removeHeld(folder: string) {
    // The description last: while it exists, the bytes can still be found and removed.
    await this.deps.storage.delete(`${folder}/upload`);
    await this.deps.storage.delete(`${folder}/held.json`);
  }

  private async removeExpiredHeld(museumId: number) {
    const before = this.deps.clock().getTime() - HELD_FOR_MS;
    for await (const object of this.deps.storage.list(`museums/${museumId}/held/`)) {
      if (object.modifiedAt.getTime() < before) await this.deps.storage.delete(object.key);
    }
  }

  async describe(
    actor: Actor | null,
    museumId: number,
    assetId: number,
    input: AssetDescriptionInput
  ): Promise<DescribeResult> {
    const who = this.authorize(actor, museumId);
    const asset = await this.own(museumId, assetId);
    const checked = checkInBothLanguages(description, input);
    if (!checked.ok) return checked;
    await this.deps.repository.describe(
      assetId,
      asset.fileName,
      checked.data,
      this.deps.clock().toISOString()
    );
    await this.deps.staff.audit({
      userId: who.userId,
      museumId,
      action: 'describe',
      entity: 'media',
      entityId: String(assetId)
    });
    return { ok: true };
  }

  /** Asks again for the derivatives of an asset whose processing failed. */
  async retry(actor: Actor | null, museumId: number, assetId: number): Promise<void> {
    this.authorize(actor, museumId);
    const asset = await this.own(museumId, assetId);
    if (asset.status !== 'failed') return;
    await this.deps.repository.markProcessing(assetId, this.deps.clock().toISOString());
    await this.deps.queue.enqueue('media.derive', { assetId }, { maxAttempts: 3 });
  }

  /** Deletes an asset nothing uses; otherwise says where it is used and deletes nothing. */
  async delete(
    actor: Actor | null,
    museumId: number,
    assetId: number
  ): Promise<{ ok: true } | { ok: false; usages: AssetUsage[] }> {
    const who = this.authorize(actor, museumId);
    const asset = await this.own(museumId, assetId);
    const usages = await this.deps.findUsages(asset);
    if (usages.length > 0) return { ok: false, usages };
    await this.deps.repository.delete(assetId);
    await this.deps.queue.enqueue('media.purge', { folder: folderOf(asset.originalKey) });
    await this.deps.staff.audit({
      userId: who.userId,
      museumId,
      action: 'delete',
      entity: 'media',
      entityId: String(assetId),
      details: { file: asset.fileName }
    });
    return { ok: true };
  }

  /**
   * The 'media.derive' job: makes what the asset's kind needs from its stored original. Safe to
   * run twice (same keys, overwritten). A failure on the last attempt is shown to staff.
   */
  async derive(assetId: number, run: JobRun): Promise<void> {
    const asset = await this.deps.repository.find(assetId);
    if (!asset) return; // deleted while it waited
    try {
      const made = await this.withOriginal(asset, (source) =>
        this.make(asset.kind, source, folderOf(asset.originalKey))
      );
      await this.deps.repository.markReady(assetId, made, this.deps.clock().toISOString());
    } catch (error) {
      if (run.lastAttempt) {
        const reason = error instanceof Error ? error.message : String(error);
        await this.deps.repository.markFailed(assetId, reason, this.deps.clock().toISOString());
      }
      throw error;
    }
    // Deep zoom comes after: the image is usable at once, its tiles follow in their own job.
    if (asset.kind === 'image')
      await this.deps.queue.enqueue('media.iiif', { assetId }, { maxAttempts: 3 });
  }

  /**
   * The 'media.iiif' job: IIIF level-0 tiles of a ready image under `<folder>/iiif`, recorded on
   * the asset. Safe to run twice (same keys, same bytes). A failure leaves the image as it was,
   * without deep zoom; the job's error shows in the queue's overview.
   */
  async makeDeepZoom(assetId: number): Promise<void> {
    const asset = await this.deps.repository.find(assetId);
    if (!asset || asset.kind !== 'image' || asset.status !== 'ready') return;
    const tiles = await this.withOriginal(asset, (source) =>
      deriveDeepZoom(source, this.deps.storage, `${folderOf(asset.originalKey)}/iiif`, {
        maxPixels: this.deps.limits.maxImagePixels
      })
    );
    await this.deps.repository.setDeepZoom(assetId, tiles, this.deps.clock().toISOString());
  }

  /**
   * The info.json of an image's level-0 service (`/iiif/3/<id>`), with `serviceUrl` as its id;
   * null for an asset that has none. Any ready image, as its `/media/` files are served to anyone
   * with their address (DECISIONS.md): no access check.
   */
  async iiifInfo(assetId: number, serviceUrl: string): Promise<Record<string, unknown> | null> {
    const tiles = await this.deepZoomOf(assetId);
    const content = tiles && (await this.deps.storage.get(`${tiles.prefix}/info.json`));
    if (!content) return null;
    const stored = JSON.parse((await buffer(content.body)).toString('utf8')) as StoredInfo;
    return infoJson(stored, serviceUrl);
  }

  /** A pre-made tile or size of an image's level-0 service; null for anything not made. */
  async iiifTile(assetId: number, request: TileRequest): Promise<ObjectContent | null> {
    const tiles = await this.deepZoomOf(assetId);
    const key = tiles && tileKeyFor(tiles, request);
    return key ? ((await this.deps.storage.get(key)) ?? null) : null;
  }

  private async deepZoomOf(assetId: number) {
    const asset = await this.deps.repository.find(assetId);
    return asset?.status === 'ready' && asset.kind === 'image' ? asset.deepZoom : null;
  }

  /** Runs `work` on a local copy of the asset's stored original, removed afterwards. */
  private async withOriginal<T>(asset: Asset, work: (source: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kraeved-derive-'));
    try {
      const source = path.join(dir, path.basename(asset.originalKey));
      const content = await this.deps.storage.get(asset.originalKey);
      if (!content) throw new Error('the uploaded file is missing from storage');
      await pipeline(content.body, createWriteStream(source));
      return await work(source);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async make(kind: MediaKind, source: string, folder: string) {
    // The limit the upload was checked against, so an accepted image is never refused here.
    const maxPixels = this.deps.limits.maxImagePixels;
    switch (kind) {
      case 'image':
        return {
          rendition: await deriveImage(source, this.deps.storage, folder, { maxPixels }),
          tiles: null
        };
      case 'panorama': {
        const { tiles, preview } = await derivePanorama(source, this.deps.storage, folder);
        return { rendition: preview, tiles };
      }
      case 'video':
        return {
          rendition: await deriveVideoPoster(source, this.deps.storage, `${folder}/poster`),
          tiles: null
        };
      case 'audio':
      case 'document':
        return { rendition: null, tiles: null };
    }
  }

  /** The 'media.purge' job: removes every stored file of a deleted asset. */
  async purge(folder: string): Promise<void> {
    for await (const object of this.deps.storage.list(`${folder}/`)) {
      await this.deps.storage.delete(object.key);
    }
  }

  private async own(museumId: number, assetId: number): Promise<Asset> {
    const asset = await this.deps.repository.find(assetId);
    if (!asset || asset.museumId !== museumId) throw new NotFoundOrForbidden();
    return asset;
  }
}

/** Where a panorama waiting for its uploader's choice is kept: outside the media folders. */
function heldFolder(museumId: number, id: string): string {
  return `museums/${museumId}/held/${id}`;
}

/** `museums/3/media/ab12…/original.jpg` → `museums/3/media/ab12…`. */
function folderOf(key: string): string {
  return key.slice(0, key.lastIndexOf('/'));
}

/** The name as the person knows it, without any folder a browser may have sent. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.trim().slice(0, 200) || 'file';
}

function tooLarge(fileName: string, limit: number): Localized {
  const mb = Math.round(limit / 1024 / 1024);
  return {
    ru: `Файл «${fileName}» больше допустимых ${mb} МБ. Уменьшите его или разделите на части.`,
    en: `“${fileName}” is larger than the ${mb} MB allowed. Make it smaller or split it.`
  };
}
