import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, MediaAssetsTable } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import type { DeepZoomTiles, ImageRendition, MediaKind, PanoramaTiles } from './types';

export type AssetStatus = 'processing' | 'ready' | 'failed';

/** An asset as staff and pages use it: JSON parsed, sizes as numbers. */
export interface Asset {
  id: number;
  museumId: number;
  kind: MediaKind;
  status: AssetStatus;
  fileName: string;
  mime: string;
  bytes: number;
  originalKey: string;
  width: number | null;
  height: number | null;
  alt: { ru: string; en: string };
  caption: { ru: string; en: string };
  credit: string;
  licence: string;
  focal: { x: number; y: number } | null;
  rendition: ImageRendition | null;
  tiles: PanoramaTiles | null;
  /** IIIF level-0 tiles of an image, once the `media.iiif` job has made them. */
  deepZoom: DeepZoomTiles | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NewAsset = Pick<
  Asset,
  | 'museumId'
  | 'kind'
  | 'status'
  | 'fileName'
  | 'mime'
  | 'bytes'
  | 'originalKey'
  | 'width'
  | 'height'
> & { uploadId: string | null; createdBy: string };

export interface AssetDescription {
  alt: { ru: string; en: string };
  caption: { ru: string; en: string };
  credit: string;
  licence: string;
  focal: { x: number; y: number } | null;
}

export interface AssetFilter {
  /** Words to find in the file name, alt text, caption or credit. */
  query?: string;
  kind?: MediaKind;
  status?: AssetStatus;
  /** Only images and panoramas that still lack alt text in either language. */
  missingAlt?: boolean;
  /** Keyset paging: assets older than this id. */
  before?: number;
  limit: number;
}

/** SQL for the media library. */
export class MediaRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Inserts the asset, or returns the one an earlier finish of the same upload made. */
  async insert(asset: NewAsset, now: string): Promise<{ id: number; created: boolean }> {
    if (asset.uploadId) {
      const existing = await this.findByUpload(asset.uploadId);
      if (existing) return { id: existing, created: false };
    }
    const inserted = await this.db
      .insertInto('media_assets')
      .values({
        museum_id: asset.museumId,
        kind: asset.kind,
        status: asset.status,
        file_name: asset.fileName,
        mime: asset.mime,
        bytes: asset.bytes,
        original_key: asset.originalKey,
        width: asset.width,
        height: asset.height,
        upload_id: asset.uploadId,
        search_text: foldForSearch(asset.fileName),
        created_by: asset.createdBy,
        created_at: now,
        updated_at: now
      })
      .onConflict((oc) => oc.column('upload_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { id: inserted.id, created: true };
    // Two finishes of one upload raced; the other one made the asset.
    const id = asset.uploadId ? await this.findByUpload(asset.uploadId) : undefined;
    if (id === undefined) throw new Error('the asset was neither inserted nor found');
    return { id, created: false };
  }

  private async findByUpload(uploadId: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('media_assets')
      .where('upload_id', '=', uploadId)
      .select('id')
      .executeTakeFirst();
    return row?.id;
  }

  async find(id: number): Promise<Asset | undefined> {
    const row = await this.db
      .selectFrom('media_assets')
      .where('id', '=', id)
      .selectAll()
      .executeTakeFirst();
    return row ? decode(row) : undefined;
  }

  async findMany(ids: number[]): Promise<Asset[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('media_assets')
      .where('id', 'in', ids)
      .selectAll()
      .execute();
    return rows.map(decode);
  }

  async list(museumId: number, filter: AssetFilter): Promise<Asset[]> {
    let query = this.db
      .selectFrom('media_assets')
      .where('museum_id', '=', museumId)
      .selectAll()
      .orderBy('id', 'desc')
      .limit(filter.limit);
    if (filter.before) query = query.where('id', '<', filter.before);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.missingAlt)
      query = query
        .where('kind', 'in', ['image', 'panorama'])
        .where((eb) =>
          eb.or([
            eb('alt_ru', 'is', null),
            eb('alt_ru', '=', ''),
            eb('alt_en', 'is', null),
            eb('alt_en', '=', '')
          ])
        );
    for (const word of foldForSearch(filter.query ?? '')
      .split(/\s+/)
      .filter(Boolean)) {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where(sql<boolean>`search_text LIKE ${pattern} ESCAPE '\\'`);
    }
    return (await query.execute()).map(decode);
  }

  async describe(
    id: number,
    fileName: string,
    description: AssetDescription,
    now: string
  ): Promise<void> {
    const { alt, caption, credit } = description;
    await this.db
      .updateTable('media_assets')
      .set({
        alt_ru: description.alt.ru || null,
        alt_en: description.alt.en || null,
        caption_ru: description.caption.ru || null,
        caption_en: description.caption.en || null,
        credit: description.credit || null,
        licence: description.licence || null,
        focal_x: description.focal?.x ?? null,
        focal_y: description.focal?.y ?? null,
        search_text: foldForSearch(
          [fileName, alt.ru, alt.en, caption.ru, caption.en, credit].join(' ')
        ),
        updated_at: now
      })
      .where('id', '=', id)
      .execute();
  }

  async markProcessing(id: number, now: string): Promise<void> {
    await this.db
      .updateTable('media_assets')
      .set({ status: 'processing', error: null, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async markReady(
    id: number,
    made: { rendition: ImageRendition | null; tiles: PanoramaTiles | null },
    now: string
  ): Promise<void> {
    await this.db
      .updateTable('media_assets')
      .set({
        status: 'ready',
        error: null,
        rendition: made.rendition ? writeJson(made.rendition) : null,
        tiles: made.tiles ? writeJson(made.tiles) : null,
        updated_at: now
      })
      .where('id', '=', id)
      .execute();
  }

  async setDeepZoom(id: number, tiles: DeepZoomTiles, now: string): Promise<void> {
    await this.db
      .updateTable('media_assets')
      .set({ deep_zoom: writeJson(tiles), updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Ready images an exhibit shows (its published record or its open version) that have no IIIF
   * tiles, by id after `afterId`: those made ready before deep zoom existed.
   */
  async exhibitImagesWithoutDeepZoom(limit: number, afterId = 0): Promise<number[]> {
    const rows = await this.db
      .selectFrom('media_assets')
      .where('kind', '=', 'image')
      .where('status', '=', 'ready')
      .where('deep_zoom', 'is', null)
      .where('id', '>', afterId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('exhibit_assets')
            .whereRef('exhibit_assets.asset_id', '=', 'media_assets.id')
            .select('exhibit_assets.asset_id')
        )
      )
      .select('id')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async markFailed(id: number, error: string, now: string): Promise<void> {
    await this.db
      .updateTable('media_assets')
      .set({ status: 'failed', error, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('media_assets').where('id', '=', id).execute();
  }

  async countsByStatus(museumId: number): Promise<Record<AssetStatus, number>> {
    const rows = await this.db
      .selectFrom('media_assets')
      .where('museum_id', '=', museumId)
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('status')
      .execute();
    const counts: Record<AssetStatus, number> = { processing: 0, ready: 0, failed: 0 };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }
}

/** Lower case with ё as е, so «Ёлка» is found by «елка» on both dialects. */
export function foldForSearch(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е');
}

function decode(row: Selectable<MediaAssetsTable>): Asset {
  return {
    id: row.id,
    museumId: row.museum_id,
    kind: row.kind,
    status: row.status,
    fileName: row.file_name,
    mime: row.mime,
    bytes: Number(row.bytes),
    originalKey: row.original_key,
    width: row.width,
    height: row.height,
    alt: { ru: row.alt_ru ?? '', en: row.alt_en ?? '' },
    caption: { ru: row.caption_ru ?? '', en: row.caption_en ?? '' },
    credit: row.credit ?? '',
    licence: row.licence ?? '',
    focal: row.focal_x !== null && row.focal_y !== null ? { x: row.focal_x, y: row.focal_y } : null,
    rendition: row.rendition ? readJson(row.rendition) : null,
    tiles: row.tiles ? readJson(row.tiles) : null,
    deepZoom: row.deep_zoom ? readJson(row.deep_zoom) : null,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}
