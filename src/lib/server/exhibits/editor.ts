import { z } from 'zod';
import {
  collectionInput,
  titleText,
  type CollectionInput,
  type ExhibitInput,
  type ExhibitOrigin,
  type ExhibitRecord
} from '$lib/shared/exhibit';
import { text } from '$lib/shared/fields';
import { can, found, requireAccess, NotFoundOrForbidden, type Actor } from '../auth/access';
import type { StaffRepository } from '../auth/staff-repository';
import { diffFlattened } from '../content/changes';
import { checkInBothLanguages, type FieldError } from '../content/checks';
import { plainText } from '../content/rich-text';
import {
  VersionFlow,
  type AuditWriter,
  type RestoreResult,
  type SaveIntent,
  type SavedStatus
} from '../content/versions';
import type { Asset } from '../media/repository';
import { checkExhibit, exhibitReferences } from './checks';
import type { ExhibitRepository } from './repository';

export type ExhibitEditResult =
  { ok: true; status: SavedStatus } | { ok: false; errors: FieldError[] };

const newExhibit = z.object({ inventoryNumber: text.min(1).max(64), title: titleText });
export type NewExhibitInput = z.input<typeof newExhibit>;

/**
 * Staff editing of a museum's exhibits and collections: exhibits go draft → waiting for review →
 * published like a tour, checked against the museum's rights; collections are labels that
 * group exhibits and change at once for anyone who may edit the museum.
 */
export class ExhibitEditor {
  private readonly flow: VersionFlow<ExhibitRecord>;

  constructor(
    private readonly exhibits: ExhibitRepository,
    private readonly staff: StaffRepository,
    private readonly clock: () => Date,
    /** The museum's media assets with these ids (the library's assetsOf). */
    private readonly assetsOf: (museumId: number, ids: number[]) => Promise<Asset[]>,
    /** Told after an exhibit visitors see has changed (the search index listens). */
    onPublished: (exhibitId: number) => void | Promise<void> = () => {}
  ) {
    this.flow = new VersionFlow(exhibits, clock, (id) => onPublished(id));
  }

  async list(
    actor: Actor | null,
    museumId: number,
    options: { after?: number; q?: string; limit?: number } = {}
  ) {
    const who = requireAccess(actor, 'museum.read-drafts', { kind: 'museum', museumId });
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
    const exhibits = await this.exhibits.list(museumId, { ...options, limit: limit + 1 });
    return {
      exhibits: exhibits.slice(0, limit),
      next: exhibits.length > limit ? (exhibits[limit - 1]?.id ?? null) : null,
      canCreate: can(who, 'museum.edit', { kind: 'museum', museumId })
    };
  }

  /** A new exhibit, as a draft with only its number and title. */
  async create(
    actor: Actor | null,
    museumId: number,
    input: NewExhibitInput,
    origin: ExhibitOrigin = 'staff'
  ): Promise<{ ok: true; id: number } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.edit', { kind: 'museum', museumId });
    const checked = checkInBothLanguages(newExhibit, {
      inventoryNumber: plainText(input.inventoryNumber ?? ''),
      title: { ru: plainText(input.title?.ru ?? ''), en: plainText(input.title?.en ?? '') }
    });
    if (!checked.ok) return checked;
    const { inventoryNumber, title } = checked.data;
    const id = await this.exhibits.create(museumId, inventoryNumber, title, origin);
    if (id === null)
      return {
        ok: false,
        errors: [
          {
            field: 'inventoryNumber',
            message: {
              ru: `В музее уже есть предмет с инвентарным номером ${inventoryNumber}. Откройте его или проверьте номер.`,
              en: `The museum already has an object with inventory number ${inventoryNumber}. Open it or check the number.`
            }
          }
        ]
      };
    const record = checkExhibit({ inventoryNumber, title }, emptyContext, false);
    if (!record.ok) throw new Error('a new exhibit’s record does not pass its own check');
    await this.exhibits.revisions.insert(
      id,
      who.userId,
      'draft',
      record.record,
      this.clock().toISOString()
    );
    await this.exhibits.saved(id, record.record, this.clock().toISOString());
    await this.audit(museumId, id)(who, 'save-draft', record.record, { created: true });
    return { ok: true, id };
  }

  /** The version to edit (the open one, else the published one), with what changed. */
  async open(actor: Actor | null, museumId: number, exhibitId: number) {
    const target = { kind: 'museum', museumId } as const;
    const who = requireAccess(actor, 'museum.read-drafts', target);
    const exhibit = await this.exhibits.find(museumId, exhibitId);
    if (!exhibit) throw new NotFoundOrForbidden();
    const open = await this.exhibits.revisions.open(exhibitId);
    const record = open?.data ?? exhibit.published;
    if (!record)
      throw new Error(`exhibit ${exhibitId} has neither a version nor a published record`);
    return {
      exhibit: {
        id: exhibit.id,
        inventoryNumber: exhibit.inventoryNumber,
        origin: exhibit.origin,
        title: exhibit.title
      },
      published: exhibit.published,
      record,
      revision: open ? { id: open.id, status: open.status, note: open.note } : null,
      changes: open && exhibit.published ? diffFlattened(exhibit.published, open.data) : [],
      assets: await this.assetsOf(museumId, record.media),
      related: await this.exhibits.labels(museumId, record.related),
      collections: await this.exhibits.collections(museumId),
      canPublish: can(who, 'museum.publish', target),
      canReview: can(who, 'museum.review', target)
    };
  }

  /** The museum's exhibits with these inventory numbers (how staff name related objects). */
  async byInventory(
    actor: Actor | null,
    museumId: number,
    numbers: string[]
  ): Promise<Map<string, number>> {
    requireAccess(actor, 'museum.read-drafts', { kind: 'museum', museumId });
    return this.exhibits.idsByInventory(museumId, numbers);
  }

  async save(
    actor: Actor | null,
    museumId: number,
    exhibitId: number,
    input: ExhibitInput,
    intent: SaveIntent
  ): Promise<ExhibitEditResult> {
    const target = { kind: 'museum', museumId } as const;
    const who = requireAccess(actor, 'museum.edit', target);
    if (intent === 'publish') requireAccess(who, 'museum.publish', target);
    const exhibit = await this.exhibits.find(museumId, exhibitId);
    if (!exhibit) throw new NotFoundOrForbidden();
    const checked = await this.check(museumId, exhibitId, input, intent !== 'draft');
    if (!checked.ok) return checked;
    const status = await this.flow.save(
      who,
      exhibit,
      checked.record,
      intent,
      this.audit(museumId, exhibitId)
    );
    return { ok: true, status };
  }

  /** A reviewer publishes what an editor submitted, checked again: a file may have gone since. */
  async approve(
    actor: Actor | null,
    museumId: number,
    exhibitId: number,
    revisionId: number
  ): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.review', { kind: 'museum', museumId });
    const exhibit = await this.exhibits.find(museumId, exhibitId);
    const revision = exhibit ? await this.flow.awaitingReview(exhibitId, revisionId) : undefined;
    if (!revision) throw new NotFoundOrForbidden();
    const checked = await this.check(museumId, exhibitId, revision.data, true);
    if (!checked.ok) return checked;
    await this.flow.approve(
      who,
      exhibitId,
      revisionId,
      checked.record,
      this.audit(museumId, exhibitId)
    );
    return { ok: true };
  }

  async sendBack(
    actor: Actor | null,
    museumId: number,
    exhibitId: number,
    revisionId: number,
    note: string
  ): Promise<void> {
    const who = requireAccess(actor, 'museum.review', { kind: 'museum', museumId });
    const exhibit = await this.exhibits.find(museumId, exhibitId);
    const revision = exhibit ? await this.flow.awaitingReview(exhibitId, revisionId) : undefined;
    if (!revision) throw new NotFoundOrForbidden();
    await this.flow.sendBack(who, revision, note, this.audit(museumId, exhibitId));
  }

  async history(actor: Actor | null, museumId: number, exhibitId: number) {
    requireAccess(actor, 'museum.read-drafts', { kind: 'museum', museumId });
    if (!(await this.exhibits.find(museumId, exhibitId))) throw new NotFoundOrForbidden();
    return this.exhibits.revisions.history(exhibitId);
  }

  /** A version of the exhibit, a past one to preview before restoring it. */
  async version(actor: Actor | null, museumId: number, exhibitId: number, revisionId: number) {
    requireAccess(actor, 'museum.read-drafts', { kind: 'museum', museumId });
    const exhibit = await this.exhibits.find(museumId, exhibitId);
    return found(exhibit && (await this.flow.version(exhibitId, revisionId)));
  }

  /** A past published version as the new draft (VersionFlow.restore); a museum editor's right. */
  async restoreVersion(
    actor: Actor | null,
    museumId: number,
    exhibitId: number,
    revisionId: number,
    replacing: number | null
  ): Promise<RestoreResult> {
    const who = requireAccess(actor, 'museum.edit', { kind: 'museum', museumId });
    const exhibit = await this.exhibits.find(museumId, exhibitId);
    const audit = this.audit(museumId, exhibitId);
    return found(
      exhibit && (await this.flow.restore(who, exhibitId, revisionId, replacing, audit))
    );
  }

  async collections(actor: Actor | null, museumId: number) {
    requireAccess(actor, 'museum.read-drafts', { kind: 'museum', museumId });
    return this.exhibits.collections(museumId);
  }

  /** Creates a collection (no id) or changes one; the slug is unique within the museum. */
  async saveCollection(
    actor: Actor | null,
    museumId: number,
    collectionId: number | null,
    input: CollectionInput
  ): Promise<{ ok: true; id: number } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.edit', { kind: 'museum', museumId });
    const checked = checkInBothLanguages(collectionInput, input);
    if (!checked.ok) return checked;
    const record = {
      ...checked.data,
      title: { ru: plainText(checked.data.title.ru), en: plainText(checked.data.title.en) },
      description: {
        ru: plainText(checked.data.description.ru),
        en: plainText(checked.data.description.en)
      }
    };
    const errors: FieldError[] = [];
    if (!record.title.ru) errors.push({ field: 'title.ru', message: fillIn });
    if (record.coverAssetId) {
      const [cover] = await this.assetsOf(museumId, [record.coverAssetId]);
      if (cover?.kind !== 'image') errors.push({ field: 'coverAssetId', message: notAnImage });
    }
    if (errors.length > 0) return { ok: false, errors };
    let id: number | null = collectionId;
    if (collectionId === null) id = await this.exhibits.createCollection(museumId, record);
    else {
      const exists = (await this.exhibits.collections(museumId)).some((c) => c.id === collectionId);
      if (!exists) throw new NotFoundOrForbidden();
      if (
        !(await this.exhibits.updateCollection(
          museumId,
          collectionId,
          record,
          this.clock().toISOString()
        ))
      )
        id = null;
    }
    if (id === null) return { ok: false, errors: [{ field: 'slug', message: slugTaken }] };
    await this.staff.audit({
      userId: who.userId,
      museumId,
      action: collectionId === null ? 'create' : 'edit',
      entity: 'collection',
      entityId: String(id),
      details: { title: record.title }
    });
    return { ok: true, id };
  }

  /** Checks a record against the museum's files, collections and exhibits. */
  async check(
    museumId: number,
    exhibitId: number | null,
    input: ExhibitInput,
    forVisitors: boolean
  ) {
    const refs = exhibitReferences(input);
    const [assets, collections, related, inventoryTaken] = await Promise.all([
      this.assetsOf(museumId, refs.assets),
      this.exhibits.collections(museumId),
      this.exhibits.existing(museumId, refs.related),
      typeof input.inventoryNumber === 'string'
        ? this.exhibits.inventoryTaken(museumId, input.inventoryNumber.trim(), exhibitId ?? 0)
        : Promise.resolve(false)
    ]);
    return checkExhibit(
      input,
      {
        assets: new Map(assets.map((a) => [a.id, a])),
        collections: new Set(collections.map((c) => c.id)),
        related,
        inventoryTaken,
        selfId: exhibitId
      },
      forVisitors
    );
  }

  private audit(museumId: number, exhibitId: number): AuditWriter<ExhibitRecord> {
    return async (who, action, record, details = {}) =>
      this.staff.audit({
        userId: who.userId,
        museumId,
        action,
        entity: 'exhibit',
        entityId: String(exhibitId),
        details: { ...details, title: record.title, inventoryNumber: record.inventoryNumber }
      });
  }
}

const emptyContext = {
  assets: new Map(),
  collections: new Set<number>(),
  related: new Set<number>(),
  inventoryTaken: false,
  selfId: null
};
const fillIn = { ru: 'Заполните это поле.', en: 'Fill in this field.' };
const notAnImage = {
  ru: 'Обложкой может быть только изображение из медиатеки музея.',
  en: 'The cover can only be an image from the museum’s media library.'
};
const slugTaken = {
  ru: 'У музея уже есть коллекция с таким адресом. Выберите другой.',
  en: 'The museum already has a collection at this address. Choose another.'
};
