import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { exhibitInput, type ExhibitRecord } from '$lib/shared/exhibit';
import type { DB, ImportsTable } from '../../db/schema';
import { readJson, writeJson } from '../../db/json';
import type { RowIssue } from './rows';

export type ImportStatus = ImportsTable['status'];
export type ImportMode = 'publish' | 'review';
export type RowOutcome = 'new' | 'changed' | 'unchanged' | 'invalid';
export const rowOutcomes: readonly RowOutcome[] = ['new', 'changed', 'unchanged', 'invalid'];

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
  invalid: number;
  /** Rows with at least one warning (imported all the same). */
  warnings: number;
}

/** What one row will do (preview) or did (report). */
export interface RowResult {
  line: number;
  inventoryNumber: string;
  title: string;
  outcome: RowOutcome;
  changes: string[];
  issues: RowIssue[];
  exhibitId: number | null;
}

/** A row to write: its result and, for new and changed rows, the record and what it replaces. */
export interface RowWrite extends RowResult {
  record?: ExhibitRecord;
  current?: CurrentExhibit;
}

/** An exhibit as an import finds it: its published record and its open version, if any. */
export interface CurrentExhibit {
  id: number;
  published: ExhibitRecord | null;
  open: { id: number; status: 'draft' | 'review'; data: ExhibitRecord } | null;
}

/** Assets as an import matches them by name: enough to attach them and give them alt text. */
export interface NamedAsset {
  id: number;
  fileName: string;
  uploadId: string | null;
  status: 'processing' | 'ready' | 'failed';
  kind: string;
  hasAlt: boolean;
}

/** Which version an exported exhibit is. */
export type ExportState = 'published' | 'draft' | 'review';

/** SQL of imports: their state and rows, and the batch writes of exhibits they make. */
/** The states in which an import has staged files nobody is using: before or after a failed run. */
const discardable: ImportStatus[] = ['mapping', 'previewed', 'failed'];

export class ImportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async create(values: {
    museumId: number;
    createdBy: string;
    fileName: string;
    sourceKey: string;
    format: 'csv' | 'xlsx';
    encoding: string | null;
    imagesKey: string | null;
    imagesName: string | null;
    headers: string[];
    mapping: string[];
    now: string;
  }): Promise<number> {
    const row = await this.db
      .insertInto('imports')
      .values({
        museum_id: values.museumId,
        created_by: values.createdBy,
        status: 'mapping',
        file_name: values.fileName,
        source_key: values.sourceKey,
        format: values.format,
        encoding: values.encoding,
        images_key: values.imagesKey,
        images_name: values.imagesName,
        headers: writeJson(values.headers),
        mapping: writeJson(values.mapping),
        created_at: values.now,
        updated_at: values.now
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async find(importId: number) {
    const row = await this.db
      .selectFrom('imports')
      .where('id', '=', importId)
      .selectAll()
      .executeTakeFirst();
    return row ? decodeImport(row) : undefined;
  }

  /** The museum's latest imports, newest first. */
  async latest(museumId: number, limit: number) {
    const rows = await this.db
      .selectFrom('imports')
      .where('museum_id', '=', museumId)
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(decodeImport);
  }

  async update(
    importId: number,
    changes: {
      status?: ImportStatus;
      mode?: ImportMode;
      runBy?: string;
      encoding?: string;
      mapping?: string[];
      totalRows?: number;
      processedRows?: number;
      lastLine?: number;
      counts?: ImportCounts;
      error?: string | null;
    },
    now: string
  ): Promise<void> {
    await this.db
      .updateTable('imports')
      .set({
        ...(changes.status && { status: changes.status }),
        ...(changes.mode && { mode: changes.mode }),
        ...(changes.runBy && { run_by: changes.runBy }),
        ...(changes.encoding && { encoding: changes.encoding }),
        ...(changes.mapping && { mapping: writeJson(changes.mapping) }),
        ...(changes.totalRows !== undefined && { total_rows: changes.totalRows }),
        ...(changes.processedRows !== undefined && { processed_rows: changes.processedRows }),
        ...(changes.lastLine !== undefined && { last_line: changes.lastLine }),
        ...(changes.counts && { counts: writeJson(changes.counts) }),
        ...(changes.error !== undefined && { error: changes.error }),
        updated_at: now
      })
      .where('id', '=', importId)
      .execute();
  }

  /**
   * Moves an import from one status to another only if it is still in the first: two presses
   * of "import" (or two workers) start one run.
   */
  async transition(importId: number, from: ImportStatus[], to: ImportStatus, now: string) {
    const result = await this.db
      .updateTable('imports')
      .set({ status: to, updated_at: now })
      .where('id', '=', importId)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Deletes an import that is not running (its rows go with it) and returns its staged files'
   * keys; undefined when it is queued, running, done or gone. The status is checked in the same
   * statement, so an import that a press of "import" has just queued is never deleted.
   */
  async discard(importId: number, statuses: ImportStatus[] = discardable) {
    const row = await this.db
      .deleteFrom('imports')
      .where('id', '=', importId)
      .where('status', 'in', statuses)
      .returning(['source_key', 'images_key'])
      .executeTakeFirst();
    return row ? { sourceKey: row.source_key, imagesKey: row.images_key } : undefined;
  }

  /** Imports left before running (mapping, previewed, failed) and untouched since `before`. */
  async abandoned(before: string, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('imports')
      .where('status', 'in', discardable)
      .where('updated_at', '<', before)
      .select('id')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async clearRows(importId: number): Promise<void> {
    await this.db.deleteFrom('import_rows').where('import_id', '=', importId).execute();
  }

  async insertRows(importId: number, rows: RowResult[]): Promise<void> {
    await insertRows(this.db, importId, rows);
  }

  /** A page of rows in file order after a line, optionally of one outcome. */
  async rows(importId: number, options: { outcome?: RowOutcome; after: number; limit: number }) {
    let query = this.db
      .selectFrom('import_rows')
      .where('import_id', '=', importId)
      .where('line', '>', options.after)
      .selectAll()
      .orderBy('line')
      .limit(options.limit);
    if (options.outcome) query = query.where('outcome', '=', options.outcome);
    return (await query.execute()).map(decodeRow);
  }

  /** Rows with an error or a warning, in file order, a batch at a time (the report). */
  async *rowsWithIssues(importId: number, batch = 1000) {
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('import_rows')
        .where('import_id', '=', importId)
        .where('line', '>', after)
        .where((eb) => eb.or([eb('outcome', '=', 'invalid'), eb('warnings', '>', 0)]))
        .selectAll()
        .orderBy('line')
        .limit(batch)
        .execute();
      if (rows.length === 0) return;
      yield rows.map(decodeRow);
      after = rows.at(-1)?.line ?? after;
    }
  }

  async counts(importId: number): Promise<ImportCounts> {
    const rows = await this.db
      .selectFrom('import_rows')
      .where('import_id', '=', importId)
      .select((eb) => [
        'outcome',
        eb.fn.countAll<number | string>().as('rows'),
        eb.fn
          .sum<number | string | null>(sql`CASE WHEN warnings > 0 THEN 1 ELSE 0 END`)
          .as('warned')
      ])
      .groupBy('outcome')
      .execute();
    const counts: ImportCounts = { new: 0, changed: 0, unchanged: 0, invalid: 0, warnings: 0 };
    for (const row of rows) {
      counts[row.outcome] = Number(row.rows);
      counts.warnings += Number(row.warned ?? 0);
    }
    return counts;
  }

  /**
   * The museum's exhibits with these inventory numbers, with their published and open versions.
   * Two lookups by index rather than a join, so the plan stays an index scan however large the
   * tables grow during an import (PostgreSQL has no statistics for them yet).
   */
  async current(museumId: number, numbers: string[]): Promise<Map<string, CurrentExhibit>> {
    const found = new Map<string, CurrentExhibit>();
    for (let i = 0; i < numbers.length; i += 500) {
      const rows = await this.db
        .selectFrom('exhibits')
        .where('museum_id', '=', museumId)
        .where('inventory_number', 'in', numbers.slice(i, i + 500))
        .select(['id', 'inventory_number', 'published'])
        .execute();
      if (rows.length === 0) continue;
      const open = await this.db
        .selectFrom('exhibit_revisions')
        .where(
          'exhibit_id',
          'in',
          rows.map((r) => r.id)
        )
        .where('status', 'in', ['draft', 'review'])
        .select(['id', 'exhibit_id', 'status', 'data'])
        .execute();
      const openOf = new Map(open.map((r) => [r.exhibit_id, r]));
      for (const row of rows) {
        const version = openOf.get(row.id);
        const status = version?.status;
        found.set(row.inventory_number, {
          id: row.id,
          published: row.published === null ? null : decodeRecord(row.published),
          open:
            version && (status === 'draft' || status === 'review')
              ? { id: version.id, status, data: decodeRecord(version.data) }
              : null
        });
      }
    }
    return found;
  }

  /** The museum's collections with the names an inventory may call them by. */
  async collections(museumId: number) {
    return this.db
      .selectFrom('collections')
      .where('museum_id', '=', museumId)
      .select(['id', 'slug', 'title_ru', 'title_en'])
      .execute();
  }

  /** The museum's files with these names, newest first (a name may have been uploaded twice). */
  async assetsNamed(museumId: number, fileNames: string[]): Promise<NamedAsset[]> {
    if (fileNames.length === 0) return [];
    const rows = await this.db
      .selectFrom('media_assets')
      .where('museum_id', '=', museumId)
      .where('file_name', 'in', fileNames)
      .select(['id', 'file_name', 'upload_id', 'status', 'kind', 'alt_ru'])
      .orderBy('id', 'desc')
      .execute();
    return rows.map(namedAsset);
  }

  /** Files an earlier run (of this or another import) already took from a ZIP. */
  async assetsUploaded(museumId: number, uploadIds: string[]): Promise<NamedAsset[]> {
    if (uploadIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('media_assets')
      .where('museum_id', '=', museumId)
      .where('upload_id', 'in', uploadIds)
      .select(['id', 'file_name', 'upload_id', 'status', 'kind', 'alt_ru'])
      .execute();
    return rows.map(namedAsset);
  }

  /**
   * A museum's exhibits a batch at a time in id order, for export: the published record, or
   * with `drafts` the version staff work on (the open one, else the published one).
   */
  async *exhibitsForExport(museumId: number, drafts: boolean, batch = 500) {
    let after = 0;
    for (;;) {
      let query = this.db
        .selectFrom('exhibits')
        .leftJoin('exhibit_revisions as open', (join) =>
          join
            .onRef('open.exhibit_id', '=', 'exhibits.id')
            .on('open.status', 'in', ['draft', 'review'])
        )
        .where('exhibits.museum_id', '=', museumId)
        .where('exhibits.id', '>', after)
        .select([
          'exhibits.id',
          'exhibits.published',
          'exhibits.published_at',
          'open.status as open_status',
          'open.data as open_data'
        ])
        .orderBy('exhibits.id')
        .limit(batch);
      if (!drafts) query = query.where('exhibits.published', 'is not', null);
      const rows = await query.execute();
      if (rows.length === 0) return;
      after = rows.at(-1)?.id ?? after;
      yield rows.flatMap((row) => {
        const open = drafts && row.open_data !== null ? decodeRecord(row.open_data) : null;
        const published = row.published === null ? null : decodeRecord(row.published);
        const record = open ?? published;
        if (!record) return [];
        const state: ExportState = open
          ? row.open_status === 'review'
            ? 'review'
            : 'draft'
          : 'published';
        return [{ id: row.id, record, state }];
      });
    }
  }

  /** The file names of assets, for an export's image column. */
  async fileNames(ids: number[]): Promise<Map<number, string>> {
    const names = new Map<number, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('media_assets')
        .where('id', 'in', ids.slice(i, i + 500))
        .select(['id', 'file_name'])
        .execute();
      for (const row of rows) names.set(row.id, row.file_name);
    }
    return names;
  }

  /**
   * Writes one batch of an import in one transaction: new exhibits, new versions (published or
   * waiting for review), the files they use, the rows' report and how far the run has got.
   * Either all of it is there afterwards or none, so a run that dies starts again at this batch.
   */
  async applyBatch(batch: {
    importId: number;
    museumId: number;
    userId: string;
    mode: ImportMode;
    now: string;
    rows: RowWrite[];
    processedRows: number;
    lastLine: number;
  }): Promise<RowResult[]> {
    const { mode, now, userId } = batch;
    const published = mode === 'publish';
    return this.db.transaction().execute(async (trx) => {
      const fresh = batch.rows.filter((r) => r.outcome === 'new' && r.record);
      const ids = new Map<string, number>();
      for (let i = 0; i < fresh.length; i += 500) {
        const inserted = await trx
          .insertInto('exhibits')
          .values(
            fresh.slice(i, i + 500).map((r) => ({
              museum_id: batch.museumId,
              inventory_number: r.inventoryNumber,
              title_ru: r.record?.title.ru ?? r.title,
              title_en: r.record?.title.en ?? '',
              origin: 'import' as const,
              published: published ? writeJson(r.record) : null,
              published_at: published ? now : null,
              created_at: now,
              updated_at: now
            }))
          )
          .onConflict((oc) => oc.columns(['museum_id', 'inventory_number']).doNothing())
          .returning(['id', 'inventory_number'])
          .execute();
        for (const row of inserted) ids.set(row.inventory_number, row.id);
      }
      const results: RowResult[] = [];
      const revisions: RevisionValues[] = [];
      const assets: { exhibit_id: number; asset_id: number; version: 'published' | 'open' }[] = [];
      const version = published ? ('published' as const) : ('open' as const);
      for (const row of batch.rows) {
        const { record, current, ...result } = row;
        if (!record || (row.outcome !== 'new' && row.outcome !== 'changed')) {
          results.push(result);
          continue;
        }
        const exhibitId = current?.id ?? ids.get(row.inventoryNumber);
        if (exhibitId === undefined) {
          // Someone created this number by hand while the import ran: the next run updates it.
          results.push({ ...result, outcome: 'unchanged', changes: [] });
          continue;
        }
        results.push({ ...result, exhibitId });
        const status = published ? ('published' as const) : ('review' as const);
        if (current?.open) {
          await trx
            .updateTable('exhibit_revisions')
            .set({
              status,
              data: writeJson(record),
              author_id: userId,
              note: null,
              updated_at: now,
              ...(published && { published_at: now, published_by: userId })
            })
            .where('id', '=', current.open.id)
            .execute();
        } else {
          revisions.push({
            exhibit_id: exhibitId,
            author_id: userId,
            status,
            data: writeJson(record),
            created_at: now,
            updated_at: now,
            published_at: published ? now : null,
            published_by: published ? userId : null
          });
        }
        if (current)
          await trx
            .updateTable('exhibits')
            .set({
              title_ru: record.title.ru,
              title_en: record.title.en,
              updated_at: now,
              ...(published && { published: writeJson(record), published_at: now })
            })
            .where('id', '=', exhibitId)
            .execute();
        for (const asset_id of new Set(record.media))
          assets.push({ exhibit_id: exhibitId, asset_id, version });
      }
      for (let i = 0; i < revisions.length; i += 500)
        await trx
          .insertInto('exhibit_revisions')
          .values(revisions.slice(i, i + 500))
          .execute();
      const touched = results.flatMap((r) =>
        r.exhibitId !== null && (r.outcome === 'new' || r.outcome === 'changed')
          ? [r.exhibitId]
          : []
      );
      for (let i = 0; i < touched.length; i += 500) {
        const slice = touched.slice(i, i + 500);
        await trx
          .deleteFrom('exhibit_assets')
          .where('exhibit_id', 'in', slice)
          .where('version', 'in', published ? ['published', 'open'] : ['open'])
          .execute();
      }
      for (let i = 0; i < assets.length; i += 1000)
        await trx
          .insertInto('exhibit_assets')
          .values(assets.slice(i, i + 1000))
          .execute();
      const first = batch.rows[0]?.line ?? 0;
      await trx
        .deleteFrom('import_rows')
        .where('import_id', '=', batch.importId)
        .where('line', '>=', first)
        .where('line', '<=', batch.lastLine)
        .execute();
      await insertRows(trx, batch.importId, results);
      await trx
        .updateTable('imports')
        .set({ processed_rows: batch.processedRows, last_line: batch.lastLine, updated_at: now })
        .where('id', '=', batch.importId)
        .execute();
      return results;
    });
  }
}

interface RevisionValues {
  exhibit_id: number;
  author_id: string;
  status: 'published' | 'review';
  data: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  published_by: string | null;
}

async function insertRows(db: Kysely<DB> | Transaction<DB>, importId: number, rows: RowResult[]) {
  for (let i = 0; i < rows.length; i += 500) {
    const slice = rows.slice(i, i + 500);
    if (slice.length === 0) continue;
    await db
      .insertInto('import_rows')
      .values(
        slice.map((r) => ({
          import_id: importId,
          line: r.line,
          inventory_number: r.inventoryNumber,
          title: r.title,
          outcome: r.outcome,
          changes: writeJson(r.changes),
          issues: writeJson(r.issues),
          warnings: r.issues.filter((i) => i.level === 'warning').length,
          exhibit_id: r.exhibitId
        }))
      )
      .execute();
  }
}

/** Parsed, not cast: a version written by an older schema still reads safely. */
function decodeRecord(value: unknown): ExhibitRecord {
  return exhibitInput.parse(readJson(value));
}

function namedAsset(row: {
  id: number;
  file_name: string;
  upload_id: string | null;
  status: 'processing' | 'ready' | 'failed';
  kind: string;
  alt_ru: string | null;
}): NamedAsset {
  return {
    id: row.id,
    fileName: row.file_name,
    uploadId: row.upload_id,
    status: row.status,
    kind: row.kind,
    hasAlt: !!row.alt_ru
  };
}

function decodeImport(row: Selectable<ImportsTable>) {
  return {
    id: row.id,
    museumId: row.museum_id,
    createdBy: row.created_by,
    runBy: row.run_by,
    status: row.status,
    mode: row.mode,
    fileName: row.file_name,
    sourceKey: row.source_key,
    format: row.format,
    encoding: row.encoding,
    imagesKey: row.images_key,
    imagesName: row.images_name,
    headers: readJson(row.headers),
    mapping: readJson(row.mapping),
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    lastLine: row.last_line,
    counts: row.counts === null ? null : (readJson(row.counts) as Partial<ImportCounts>),
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}
export type StoredImport = ReturnType<typeof decodeImport>;

function decodeRow(row: Selectable<DB['import_rows']>): RowResult {
  return {
    line: row.line,
    inventoryNumber: row.inventory_number,
    title: row.title,
    outcome: row.outcome,
    changes: readJson(row.changes),
    issues: readJson(row.issues) as RowIssue[],
    exhibitId: row.exhibit_id
  };
}
