import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ExhibitRecord } from '$lib/shared/exhibit';
import { can, requireAccess, NotFoundOrForbidden, type Actor } from '../../auth/access';
import type { StaffRepository } from '../../auth/staff-repository';
import { diffFlattened } from '../../content/changes';
import type { JobQueue } from '../../jobs/queue';
import type { JobRun } from '../../jobs/types';
import type { Asset } from '../../media/repository';
import type { IngestResult, UploadedFile } from '../../media/library';
import type { Storage } from '../../storage';
import { checkExhibit } from '../checks';
import { isTextEncoding, type TextEncoding } from './encoding';
import { extractEntries, imageKey, listZip, type ZipImage } from './images';
import { mappingFrom, missingFields, recogniseColumns, type ColumnMapping } from './mapping';
import type {
  CurrentExhibit,
  ImportMode,
  ImportRepository,
  NamedAsset,
  RowOutcome,
  RowResult,
  RowWrite,
  StoredImport
} from './repository';
import { mergeRow, readRow, type ReadRow, type RowIssue } from './rows';
import { readTable, sniffTable, tableHead, type TableSource } from './table';
import { normalizeWord } from './vocabulary';

/** What the importer needs of the media library. */
export interface ImportMedia {
  ingest(actor: Actor | null, museumId: number, file: UploadedFile): Promise<IngestResult>;
  assetsOf(museumId: number, ids: number[]): Promise<Asset[]>;
  /** Gives a file the alt text an import chose (the exhibit's title). */
  describe(
    actor: Actor | null,
    museumId: number,
    assetId: number,
    input: {
      alt: { ru: string; en: string };
      caption: { ru: string; en: string };
      credit: string;
      licence: '';
      focal: null;
    }
  ): Promise<unknown>;
  readonly limits: { maxUploadBytes: number };
}

/** A file as the form hands it over: already on local disk. */
export interface StagedFile {
  path: string;
  fileName: string;
}

export type StageResult = { ok: true; id: number } | { ok: false; message: Localized };
type Localized = { ru: string; en: string };

/** An import nobody has touched for a day (not run, or failed) is abandoned: the sweep removes it. */
export const abandonedAfterMs = 24 * 60 * 60 * 1000;

/** Rows read, checked and written together, one transaction each, unless told otherwise. */
const defaultBatchSize = 1000;

/**
 * Imports an inventory (CSV or XLSX, with an optional ZIP of images) into a museum's exhibits:
 * staged → columns mapped → previewed (nothing written) → run by the `exhibits.import` job.
 * Rows are matched by inventory number, so the same file twice changes nothing the second time.
 */
export class ExhibitImporter {
  constructor(
    private readonly deps: {
      imports: ImportRepository;
      media: ImportMedia;
      storage: Storage;
      queue: JobQueue;
      staff: StaffRepository;
      clock: () => Date;
      /** Told after each batch which exhibits visitors now see changed (the search index). */
      onPublished?: (exhibitIds: number[]) => Promise<void>;
      /** Rows per batch (and transaction). */
      batchSize?: number;
    }
  ) {}

  /** Who may import into a museum: anyone who may edit it (and, for a ZIP, add to its media). */
  private authorize(actor: Actor | null, museumId: number): Actor {
    return requireAccess(actor, 'museum.edit', { kind: 'museum', museumId });
  }

  private now() {
    return this.deps.clock().toISOString();
  }

  /** The museum's latest imports. */
  async list(actor: Actor | null, museumId: number) {
    this.authorize(actor, museumId);
    return this.deps.imports.latest(museumId, 10);
  }

  /**
   * Keeps the uploaded file (and ZIP) in storage under the museum and reads its header; the
   * columns are recognised by their names. A file that is not a table is refused here.
   */
  async stage(
    actor: Actor | null,
    museumId: number,
    table: StagedFile,
    images: StagedFile | null
  ): Promise<StageResult> {
    const who = this.authorize(actor, museumId);
    if (images) requireAccess(who, 'media.manage', { kind: 'museum', museumId });
    let source: Omit<TableSource, 'path'>;
    let headers: string[];
    try {
      source = await sniffTable(table.path);
      headers = (await tableHead({ path: table.path, ...source }, 0)).headers;
    } catch {
      return { ok: false, message: unreadable(table.fileName) };
    }
    if (headers.every((h) => h === '')) return { ok: false, message: empty(table.fileName) };
    if (images) {
      try {
        await listZip(images.path);
      } catch {
        return { ok: false, message: notAZip(images.fileName) };
      }
    }
    const folder = `museums/${museumId}/imports/${randomBytes(8).toString('hex')}`;
    const sourceKey = `${folder}/source.${source.format}`;
    await this.store(sourceKey, table.path);
    const imagesKey = images ? `${folder}/images.zip` : null;
    if (images && imagesKey) await this.store(imagesKey, images.path);
    const id = await this.deps.imports.create({
      museumId,
      createdBy: who.userId,
      fileName: table.fileName,
      sourceKey,
      format: source.format,
      encoding: source.encoding,
      imagesKey,
      imagesName: images?.fileName ?? null,
      headers,
      mapping: recogniseColumns(headers).map((f) => f ?? ''),
      now: this.now()
    });
    return { ok: true, id };
  }

  private async store(key: string, file: string) {
    const { size } = await stat(file);
    await this.deps.storage.put(
      key,
      { stream: createReadStream(file), size },
      { contentType: 'application/octet-stream' }
    );
  }

  /** An import of the museum, or "not found or no access". */
  async open(actor: Actor | null, museumId: number, importId: number) {
    const who = this.authorize(actor, museumId);
    const found = await this.deps.imports.find(importId);
    if (!found || found.museumId !== museumId) throw new NotFoundOrForbidden();
    return {
      ...found,
      mapping: mappingFrom(found.mapping, found.headers.length),
      /** What a run by this person does with the rows. */
      mode: modeOf(who, museumId)
    };
  }

  /** The header and first rows, for the mapping screen. */
  async sample(actor: Actor | null, museumId: number, importId: number, rows = 5) {
    const found = await this.open(actor, museumId, importId);
    return this.withLocalFiles(found, async (source) => (await tableHead(source, rows)).sample);
  }

  /**
   * Saves the mapping and works out what every row would do, writing nothing but the preview.
   * A mapping without the required columns is refused with the list of what is missing.
   */
  async preview(
    actor: Actor | null,
    museumId: number,
    importId: number,
    choice: { mapping: string[]; encoding?: string }
  ): Promise<{ ok: true } | { ok: false; missing: string[] }> {
    const found = await this.open(actor, museumId, importId);
    if (!['mapping', 'previewed', 'failed'].includes(found.status)) return { ok: true };
    const mapping = mappingFrom(choice.mapping, found.headers.length);
    const missing = missingFields(mapping);
    if (missing.length > 0) return { ok: false, missing };
    const encoding =
      found.format === 'csv' && choice.encoding && isTextEncoding(choice.encoding)
        ? choice.encoding
        : found.encoding;
    await this.deps.imports.update(
      importId,
      { mapping: mapping.map((f) => f ?? ''), ...(encoding && { encoding }) },
      this.now()
    );
    const current = { ...found, mapping, encoding };
    await this.deps.imports.clearRows(importId);
    let total = 0;
    await this.walk(current, found.mode, null, async (results) => {
      await this.deps.imports.insertRows(importId, results);
      total += results.length;
    });
    await this.deps.imports.update(
      importId,
      {
        status: 'previewed',
        totalRows: total,
        processedRows: 0,
        lastLine: 0,
        counts: await this.deps.imports.counts(importId),
        error: null
      },
      this.now()
    );
    return { ok: true };
  }

  /** A page of the preview (or, after the run, the report), in file order. */
  async rows(
    actor: Actor | null,
    museumId: number,
    importId: number,
    options: { outcome?: RowOutcome; after?: number; limit?: number }
  ) {
    await this.open(actor, museumId, importId);
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
    const rows = await this.deps.imports.rows(importId, {
      outcome: options.outcome,
      after: options.after ?? 0,
      limit: limit + 1
    });
    return {
      rows: rows.slice(0, limit),
      next: rows.length > limit ? (rows[limit - 1]?.line ?? null) : null
    };
  }

  /** Queues the run; a second press while it is queued or running starts nothing more. */
  async start(actor: Actor | null, museumId: number, importId: number) {
    const found = await this.open(actor, museumId, importId);
    const who = this.authorize(actor, museumId);
    if (
      !(await this.deps.imports.transition(importId, ['previewed', 'failed'], 'queued', this.now()))
    )
      return { started: false, status: found.status };
    await this.deps.imports.update(
      importId,
      { runBy: who.userId, mode: found.mode, error: null },
      this.now()
    );
    await this.deps.queue.enqueue('exhibits.import', { importId }, { maxAttempts: 3 });
    return { started: true, status: 'queued' as const };
  }

  /**
   * Cancels an import that is not running or done: it and its staged files are removed. False
   * (nothing changed) when it has been queued or has run meanwhile.
   */
  async cancel(actor: Actor | null, museumId: number, importId: number) {
    const found = await this.open(actor, museumId, importId);
    const who = this.authorize(actor, museumId);
    const staged = await this.deps.imports.discard(importId);
    if (!staged) return { cancelled: false, status: found.status };
    await this.removeStaged(staged);
    await this.deps.staff.audit({
      userId: who.userId,
      museumId,
      action: 'cancel-import',
      entity: 'exhibits',
      entityId: String(importId),
      details: { file: found.fileName }
    });
    return { cancelled: true, status: found.status };
  }

  /**
   * The `exhibits.import-sweep` job: imports left unfinished (mapping, previewed or failed) and
   * untouched for a day are removed with their staged files, a batch at a time.
   */
  async sweep(batch = 100): Promise<number> {
    const before = new Date(this.deps.clock().getTime() - abandonedAfterMs).toISOString();
    let removed = 0;
    for (const importId of await this.deps.imports.abandoned(before, batch)) {
      const staged = await this.deps.imports.discard(importId);
      if (!staged) continue; // started meanwhile
      await this.removeStaged(staged);
      removed += 1;
    }
    return removed;
  }

  /** Removes an import's staged file and ZIP from storage (deleting a missing key is no error). */
  private async removeStaged(staged: { sourceKey: string; imagesKey: string | null }) {
    await this.deps.storage.delete(staged.sourceKey);
    if (staged.imagesKey) await this.deps.storage.delete(staged.imagesKey);
  }

  /** How far the run has got, for the progress bar. */
  async progress(actor: Actor | null, museumId: number, importId: number) {
    const found = await this.open(actor, museumId, importId);
    return {
      status: found.status,
      processed: found.processedRows,
      total: found.totalRows,
      counts: found.counts,
      error: found.error
    };
  }

  /** The rows with errors or warnings, a batch at a time, for the downloadable report. */
  async *report(actor: Actor | null, museumId: number, importId: number) {
    await this.open(actor, museumId, importId);
    yield* this.deps.imports.rowsWithIssues(importId);
  }

  /**
   * The `exhibits.import` job. Every batch is checked again against the museum as it is now and
   * written in one transaction with the progress, so a run that dies (or runs twice) carries on
   * after the last batch written; rows already applied would find nothing to change anyway.
   */
  async run(importId: number, run: JobRun): Promise<void> {
    const found = await this.deps.imports.find(importId);
    if (!found || !['queued', 'running'].includes(found.status) || !found.runBy) return;
    const who: Actor = { userId: found.runBy, grants: await this.deps.staff.grantsOf(found.runBy) };
    if (!can(who, 'museum.edit', { kind: 'museum', museumId: found.museumId })) {
      await this.deps.imports.update(
        importId,
        { status: 'failed', error: 'no access' },
        this.now()
      );
      return;
    }
    // Rights are read now: someone who lost "publishes without review" sends rows for review.
    const mode = found.mode === 'publish' ? modeOf(who, found.museumId) : 'review';
    await this.deps.imports.update(importId, { status: 'running', mode }, this.now());
    const current = { ...found, mapping: mappingFrom(found.mapping, found.headers.length) };
    try {
      let processed = found.processedRows;
      await this.walk(
        current,
        mode,
        { who, skipThrough: found.lastLine },
        async (results, lastLine, writes) => {
          processed += results.length;
          const written = await this.deps.imports.applyBatch({
            importId,
            museumId: found.museumId,
            userId: who.userId,
            mode,
            now: this.now(),
            rows: writes ?? [],
            processedRows: processed,
            lastLine
          });
          const published = written.flatMap((r) =>
            mode === 'publish' &&
            r.exhibitId !== null &&
            (r.outcome === 'new' || r.outcome === 'changed')
              ? [r.exhibitId]
              : []
          );
          if (published.length > 0) await this.deps.onPublished?.(published);
        }
      );
      const counts = await this.deps.imports.counts(importId);
      await this.deps.imports.update(importId, { status: 'done', counts }, this.now());
      // The rows' outcomes are kept in the database; the staged file and ZIP are not needed.
      await this.removeStaged(found);
      await this.deps.staff.audit({
        userId: who.userId,
        museumId: found.museumId,
        action: 'import',
        entity: 'exhibits',
        entityId: String(importId),
        details: { file: found.fileName, mode, ...counts }
      });
    } catch (error) {
      if (run.lastAttempt) {
        const reason = error instanceof Error ? error.message : String(error);
        await this.deps.imports.update(importId, { status: 'failed', error: reason }, this.now());
      }
      throw error;
    }
  }

  /**
   * Reads the file a batch at a time and plans every row against the museum as it is now.
   * Given `apply`, images a batch's valid rows need are taken from the ZIP first, and the
   * batch is passed on with what to write; rows through `skipThrough` are only remembered.
   */
  private async walk(
    found: ImportFile,
    mode: ImportMode,
    apply: { who: Actor; skipThrough: number } | null,
    handle: (results: RowResult[], lastLine: number, writes?: RowWrite[]) => Promise<void>
  ) {
    await this.withLocalFiles(found, async (source, zipPath) => {
      const context: PlanContext = {
        museumId: found.museumId,
        mode,
        collections: await this.collectionNames(found.museumId),
        zip: zipPath ? await listZip(zipPath) : new Map(),
        seen: new Map(),
        refused: new Map()
      };
      let batch: ReadRow[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const rows = batch;
        batch = [];
        const lastLine = rows.at(-1)?.line ?? 0;
        if (apply && lastLine <= apply.skipThrough) {
          for (const row of rows)
            if (!context.seen.has(row.inventoryNumber))
              context.seen.set(row.inventoryNumber, row.line);
          return;
        }
        let plans = await this.plan(context, rows);
        if (apply && zipPath) {
          const took = await this.takeImages(apply.who, context, plans, zipPath);
          if (took) plans = await this.plan(context, rows);
        }
        if (apply) await this.describeImages(apply.who, context.museumId, plans);
        for (const plan of plans)
          if (plan.inventoryNumber && !context.seen.has(plan.inventoryNumber))
            context.seen.set(plan.inventoryNumber, plan.line);
        await handle(
          plans.map((p) => p.result),
          lastLine,
          plans.map((p) => ({ ...p.result, record: p.record, current: p.current }))
        );
      };
      let header = true;
      for await (const row of readTable(source)) {
        if (header) {
          header = false;
          continue;
        }
        batch.push(readRow(row, found.mapping));
        if (batch.length >= (this.deps.batchSize ?? defaultBatchSize)) await flush();
      }
      await flush();
    });
  }

  private async collectionNames(museumId: number) {
    const names = new Map<string, number>();
    for (const c of await this.deps.imports.collections(museumId)) {
      for (const name of [c.slug, c.title_ru, c.title_en])
        if (name && !names.has(normalizeWord(name))) names.set(normalizeWord(name), c.id);
    }
    return names;
  }

  /** What each row of a batch would do now. Writes nothing. */
  private async plan(context: PlanContext, rows: ReadRow[]): Promise<RowPlan[]> {
    const numbers = [...new Set(rows.map((r) => r.inventoryNumber).filter(Boolean))];
    const current = await this.deps.imports.current(context.museumId, numbers);
    const images = await this.resolveImages(context, rows);
    const mediaIds = new Set<number>();
    for (const exhibit of current.values())
      for (const id of (exhibit.open?.data ?? exhibit.published)?.media ?? []) mediaIds.add(id);
    for (const asset of images.values()) if (asset.kind === 'asset') mediaIds.add(asset.asset.id);
    const assets = new Map(
      (await this.deps.media.assetsOf(context.museumId, [...mediaIds])).map((a) => [a.id, a])
    );
    const inBatch = new Map<string, number>();
    return rows.map((row) => {
      const exhibit = current.get(row.inventoryNumber);
      const base = exhibit?.open?.data ?? exhibit?.published ?? null;
      const issues: RowIssue[] = [...row.issues];
      const earlier = context.seen.get(row.inventoryNumber) ?? inBatch.get(row.inventoryNumber);
      if (row.inventoryNumber && earlier === undefined) inBatch.set(row.inventoryNumber, row.line);
      if (earlier !== undefined) issues.push(repeated(row.inventoryNumber, earlier));
      const attached: number[] = [];
      const pending: ZipImage[] = [];
      const withoutAlt: NamedAsset[] = [];
      for (const name of row.images) {
        const found = images.get(name);
        if (!found || found.kind === 'missing') issues.push(noFile(name, context.zip.size > 0));
        else if (found.kind === 'pending') {
          const refusal = context.refused.get(found.image.entryName);
          if (refusal) issues.push(refusedFile(refusal));
          else pending.push(found.image);
        } else if (found.asset.status === 'failed') issues.push(failedFile(name));
        else {
          attached.push(found.asset.id);
          if (!found.asset.hasAlt) withoutAlt.push(found.asset);
        }
      }
      let collectionId: number | null | undefined;
      if (row.collection !== undefined) {
        collectionId = context.collections.get(normalizeWord(row.collection));
        if (collectionId === undefined) issues.push(noCollection(row.collection));
      }
      const media = [...new Set([...attached, ...(base?.media ?? [])])];
      const input = mergeRow(base, row, { collectionId, media });
      const checked = checkExhibit(
        input,
        {
          assets,
          collections: new Set(context.collections.values()),
          // Related objects the exhibit already had stay as they are.
          related: new Set(base?.related ?? []),
          inventoryTaken: false,
          selfId: exhibit?.id ?? null
        },
        // Images just taken from the ZIP are still being processed; visitors see them when ready.
        false
      );
      const title = input.title?.ru ?? '';
      const result = (outcome: RowOutcome, changes: string[], record?: ExhibitRecord): RowPlan => ({
        line: row.line,
        inventoryNumber: row.inventoryNumber,
        result: {
          line: row.line,
          inventoryNumber: row.inventoryNumber,
          title,
          outcome,
          changes,
          issues,
          exhibitId: exhibit?.id ?? null
        },
        record,
        current: exhibit,
        pending,
        withoutAlt
      });
      if (!checked.ok) {
        issues.push(...checked.errors.map((e) => ({ ...e, level: 'error' as const })));
        return result('invalid', []);
      }
      if (issues.some((i) => i.level === 'error')) return result('invalid', []);
      const record = checked.record;
      if (!exhibit) return result('new', [], record);
      const changes = [
        ...new Set(diffFlattened(base ?? {}, record).map((c) => c.field.replace(/\.\d+$/, ''))),
        ...(pending.length > 0 ? ['media'] : [])
      ];
      const settled =
        !exhibit.open || (context.mode === 'review' && exhibit.open.status === 'review');
      return result(changes.length === 0 && settled ? 'unchanged' : 'changed', changes, record);
    });
  }

  /** Each file name of a batch: a file of the ZIP (taken already or not), of the library, or none. */
  private async resolveImages(context: PlanContext, rows: ReadRow[]) {
    const names = [...new Set(rows.flatMap((r) => r.images))];
    const resolved = new Map<string, ResolvedImage>();
    const fromZip = new Map<string, ZipImage>();
    for (const name of names) {
      const image = context.zip.get(imageKey(name));
      if (image) fromZip.set(name, image);
    }
    const uploadIds = [...fromZip.values()].map((image) => zipUploadId(context.museumId, image));
    const taken = new Map(
      (await this.deps.imports.assetsUploaded(context.museumId, uploadIds)).map((a) => [
        a.uploadId,
        a
      ])
    );
    for (const [name, image] of fromZip) {
      const asset = taken.get(zipUploadId(context.museumId, image));
      resolved.set(name, asset ? { kind: 'asset', asset } : { kind: 'pending', image });
    }
    const others = names.filter((n) => !fromZip.has(n));
    const bases = others.map((n) => n.split(/[\\/]/).pop() ?? n);
    const library = await this.deps.imports.assetsNamed(context.museumId, bases);
    for (const name of others) {
      const base = name.split(/[\\/]/).pop() ?? name;
      const asset =
        library.find((a) => a.fileName === base && a.status !== 'failed') ??
        library.find((a) => a.fileName === base);
      resolved.set(name, asset ? { kind: 'asset', asset } : { kind: 'missing' });
    }
    return resolved;
  }

  /**
   * Takes the images a batch's valid rows need out of the ZIP into the media library, as any
   * upload is taken (checked by their bytes, then processed by a job). The upload id is made
   * from the file's name, size and checksum, so a file taken once is never taken twice.
   */
  private async takeImages(who: Actor, context: PlanContext, plans: RowPlan[], zipPath: string) {
    const wanted = new Map<string, ZipImage>();
    for (const plan of plans)
      if (plan.result.outcome !== 'invalid')
        for (const image of plan.pending) wanted.set(image.entryName, image);
    if (wanted.size === 0) return false;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kraeved-import-images-'));
    try {
      const files = await extractEntries(
        zipPath,
        new Set(wanted.keys()),
        dir,
        this.deps.media.limits.maxUploadBytes
      );
      for (const [entryName, image] of wanted) {
        const file = files.get(entryName);
        if (!file) continue;
        const result = await this.deps.media.ingest(who, context.museumId, {
          path: file,
          fileName: image.fileName,
          panorama: false,
          uploadId: zipUploadId(context.museumId, image)
        });
        if (!result.ok) context.refused.set(entryName, result.message);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return true;
  }

  /** Files without alt text get the exhibit's title, so the exhibit can be published. */
  private async describeImages(who: Actor, museumId: number, plans: RowPlan[]) {
    const done = new Set<number>();
    for (const plan of plans) {
      if (!plan.record) continue;
      for (const asset of plan.withoutAlt) {
        if (done.has(asset.id)) continue;
        done.add(asset.id);
        await this.deps.media.describe(who, museumId, asset.id, {
          alt: { ru: plan.record.title.ru, en: plan.record.title.en },
          caption: { ru: '', en: '' },
          credit: '',
          licence: '',
          focal: null
        });
      }
    }
  }

  /** Runs `work` on local copies of the staged file and ZIP, removed afterwards. */
  private async withLocalFiles<T>(
    found: Omit<ImportFile, 'mapping'>,
    work: (source: TableSource, zipPath: string | null) => Promise<T>
  ): Promise<T> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kraeved-import-'));
    try {
      const sourcePath = path.join(dir, `source.${found.format}`);
      await this.copyOut(found.sourceKey, sourcePath);
      let zipPath: string | null = null;
      if (found.imagesKey) {
        zipPath = path.join(dir, 'images.zip');
        await this.copyOut(found.imagesKey, zipPath);
      }
      const encoding: TextEncoding | null =
        found.encoding && isTextEncoding(found.encoding) ? found.encoding : null;
      return await work({ path: sourcePath, format: found.format, encoding }, zipPath);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async copyOut(key: string, target: string) {
    const content = await this.deps.storage.get(key);
    if (!content) throw new Error(`the staged file ${key} is missing from storage`);
    await pipeline(content.body, createWriteStream(target));
  }
}

interface PlanContext {
  museumId: number;
  mode: ImportMode;
  /** Collections by normalised title or address. */
  collections: Map<string, number>;
  zip: Map<string, ZipImage>;
  /** Inventory numbers of rows already planned, with their line: a repeat is an error. */
  seen: Map<string, number>;
  /** ZIP entries the media library refused, with why. */
  refused: Map<string, Localized>;
}

/** What reading an import's file needs. */
type ImportFile = Pick<
  StoredImport,
  'museumId' | 'format' | 'encoding' | 'sourceKey' | 'imagesKey'
> & { mapping: ColumnMapping };

interface RowPlan {
  line: number;
  inventoryNumber: string;
  result: RowResult;
  record?: ExhibitRecord;
  current?: CurrentExhibit;
  pending: ZipImage[];
  withoutAlt: NamedAsset[];
}

type ResolvedImage =
  { kind: 'asset'; asset: NamedAsset } | { kind: 'pending'; image: ZipImage } | { kind: 'missing' };

function modeOf(who: Actor, museumId: number): ImportMode {
  return can(who, 'museum.publish', { kind: 'museum', museumId }) ? 'publish' : 'review';
}

/** The same file (name, size, checksum) taken from any ZIP into one museum is one asset. */
function zipUploadId(museumId: number, image: ZipImage): string {
  const name = createHash('sha256').update(imageKey(image.fileName)).digest('hex').slice(0, 16);
  return `exhibit-import-${museumId}-${image.crc32.toString(16)}-${image.size}-${name}`;
}

function repeated(inventoryNumber: string, line: number): RowIssue {
  return {
    level: 'error',
    field: 'inventoryNumber',
    message: {
      ru: `Инвентарный номер ${inventoryNumber} уже встречался в строке ${line}. Оставьте одну строку на предмет.`,
      en: `Inventory number ${inventoryNumber} already appeared on row ${line}. Keep one row per object.`
    }
  };
}

function noFile(name: string, withZip: boolean): RowIssue {
  return {
    level: 'warning',
    field: 'media',
    message: withZip
      ? {
          ru: `Файла «${name}» нет ни в архиве, ни в медиатеке — предмет загружен без него.`,
          en: `There is no file “${name}” in the ZIP or the media library — the object is imported without it.`
        }
      : {
          ru: `Файла «${name}» нет в медиатеке — предмет загружен без него.`,
          en: `There is no file “${name}” in the media library — the object is imported without it.`
        }
  };
}

function refusedFile(why: Localized): RowIssue {
  return {
    level: 'warning',
    field: 'media',
    message: {
      ru: `${why.ru} Предмет загружен без этого файла.`,
      en: `${why.en} The object is imported without this file.`
    }
  };
}

function failedFile(name: string): RowIssue {
  return {
    level: 'warning',
    field: 'media',
    message: {
      ru: `Файл «${name}» в медиатеке не обработался — предмет загружен без него. Повторите обработку в медиатеке.`,
      en: `The file “${name}” failed to process in the media library — the object is imported without it. Retry it there.`
    }
  };
}

function noCollection(name: string): RowIssue {
  return {
    level: 'warning',
    field: 'collectionId',
    message: {
      ru: `Коллекции «${name}» в музее нет — предмет загружен без коллекции. Создайте её и загрузите файл ещё раз.`,
      en: `The museum has no collection “${name}” — the object is imported without one. Create it and import the file again.`
    }
  };
}

function unreadable(fileName: string): Localized {
  return {
    ru: `Файл «${fileName}» не читается как таблица. Сохраните его из Excel как CSV или XLSX.`,
    en: `“${fileName}” cannot be read as a table. Save it from Excel as CSV or XLSX.`
  };
}

function empty(fileName: string): Localized {
  return {
    ru: `В файле «${fileName}» нет строки заголовков. Первая строка должна называть столбцы.`,
    en: `“${fileName}” has no header row. The first row must name the columns.`
  };
}

function notAZip(fileName: string): Localized {
  return {
    ru: `Файл «${fileName}» — не ZIP-архив. Упакуйте изображения в ZIP.`,
    en: `“${fileName}” is not a ZIP archive. Pack the images into a ZIP.`
  };
}
