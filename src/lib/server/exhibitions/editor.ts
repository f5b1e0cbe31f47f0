import { z } from 'zod';
import { localized, slug as slugField } from '$lib/shared/fields';
import type { ExhibitionInput, ExhibitionOrigin, ExhibitionRecord } from '$lib/shared/exhibition';
import {
  can,
  found,
  requireAccess,
  NotFoundOrForbidden,
  type Actor,
  type Target
} from '../auth/access';
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
import { checkExhibition, exhibitionExhibits, rawReferences } from './checks';
import type { ExhibitionRepository } from './repository';

/** Whose exhibition it is: a museum's, or the association's own. The same shape as an access target. */
export type ExhibitionOwner = Target;

export type ExhibitionEditResult =
  { ok: true; status: SavedStatus } | { ok: false; errors: FieldError[] };

const newExhibition = z.object({ slug: slugField, title: localized });
export type NewExhibitionInput = z.input<typeof newExhibition>;

export const ownerMuseum = (owner: ExhibitionOwner) =>
  owner.kind === 'museum' ? owner.museumId : null;

/** The owner's files with these ids: a museum's library, or every member museum's for the association. */
export type OwnerAssets = (museumId: number | null, ids: number[]) => Promise<Asset[]>;

/**
 * Staff editing of online exhibitions: draft → waiting for review → published like a tour,
 * through the owner's rights (a museum's, or the association admins' for the association's own).
 */
export class ExhibitionEditor {
  private readonly flow: VersionFlow<ExhibitionRecord>;

  constructor(
    private readonly exhibitions: ExhibitionRepository,
    private readonly staff: StaffRepository,
    private readonly clock: () => Date,
    private readonly assetsOf: OwnerAssets,
    /** Told after an exhibition visitors see has changed (the search index, the shared cache). */
    onPublished: (exhibitionId: number) => void | Promise<void> = () => {}
  ) {
    this.flow = new VersionFlow(exhibitions, clock, (id) => onPublished(id));
  }

  async list(actor: Actor | null, owner: ExhibitionOwner) {
    const who = requireAccess(actor, 'museum.read-drafts', owner);
    return {
      exhibitions: await this.exhibitions.list(ownerMuseum(owner)),
      canCreate: can(who, 'museum.edit', owner)
    };
  }

  /** A new exhibition, as a draft with only its address and title. */
  async create(
    actor: Actor | null,
    owner: ExhibitionOwner,
    input: NewExhibitionInput,
    origin: ExhibitionOrigin = 'staff'
  ): Promise<{ ok: true; id: number } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.edit', owner);
    const checked = checkInBothLanguages(newExhibition, {
      slug: input.slug,
      title: { ru: plainText(input.title?.ru ?? ''), en: plainText(input.title?.en ?? '') }
    });
    if (!checked.ok) return checked;
    const { slug, title } = checked.data;
    const id = await this.exhibitions.create(ownerMuseum(owner), slug, title, origin);
    if (id === null)
      return {
        ok: false,
        errors: [
          {
            field: 'slug',
            message: {
              ru: 'Выставка с таким адресом уже есть. Выберите другой.',
              en: 'There is already an exhibition at this address. Choose another.'
            }
          }
        ]
      };
    const record: ExhibitionRecord = {
      slug,
      title,
      authors: [],
      dates: { kind: 'permanent' },
      blocks: []
    };
    const now = this.clock().toISOString();
    await this.exhibitions.revisions.insert(id, who.userId, 'draft', record, now);
    await this.audit(owner, id)(who, 'save-draft', record, { created: true });
    return { ok: true, id };
  }

  /** The version to edit (the open one, else the published one), what changed and what is broken. */
  async open(actor: Actor | null, owner: ExhibitionOwner, exhibitionId: number) {
    const who = requireAccess(actor, 'museum.read-drafts', owner);
    const exhibition = await this.exhibitions.find(ownerMuseum(owner), exhibitionId);
    if (!exhibition) throw new NotFoundOrForbidden();
    const open = await this.exhibitions.revisions.open(exhibitionId);
    const record = open?.data ?? exhibition.published;
    if (!record)
      throw new Error(`exhibition ${exhibitionId} has neither a version nor a published record`);
    const shown = await this.exhibitions.exhibitsAmong(
      ownerMuseum(owner),
      exhibitionExhibits(record)
    );
    const published = new Set(shown.map((e) => e.id));
    return {
      exhibition: {
        id: exhibition.id,
        slug: exhibition.slug,
        origin: exhibition.origin,
        title: exhibition.title
      },
      published: exhibition.published,
      record,
      revision: open ? { id: open.id, status: open.status, note: open.note } : null,
      changes: open && exhibition.published ? diffFlattened(exhibition.published, open.data) : [],
      /** Keys of exhibit blocks whose exhibit is gone or unpublished: visitors will not see them. */
      broken: record.blocks.flatMap((b) =>
        b.kind === 'exhibit' && !published.has(b.exhibitId) ? [b.key] : []
      ),
      canPublish: can(who, 'museum.publish', owner),
      canReview: can(who, 'museum.review', owner)
    };
  }

  async save(
    actor: Actor | null,
    owner: ExhibitionOwner,
    exhibitionId: number,
    input: ExhibitionInput,
    intent: SaveIntent
  ): Promise<ExhibitionEditResult> {
    const who = requireAccess(actor, 'museum.edit', owner);
    if (intent === 'publish') requireAccess(who, 'museum.publish', owner);
    const exhibition = await this.exhibitions.find(ownerMuseum(owner), exhibitionId);
    if (!exhibition) throw new NotFoundOrForbidden();
    // The address is set when the exhibition is made: links elsewhere point at it.
    const checked = await this.check(
      owner,
      { ...input, slug: exhibition.slug },
      intent !== 'draft'
    );
    if (!checked.ok) return checked;
    const status = await this.flow.save(
      who,
      exhibition,
      checked.record,
      intent,
      this.audit(owner, exhibitionId)
    );
    return { ok: true, status };
  }

  /** A reviewer publishes what an editor submitted, checked again: a file may have gone since. */
  async approve(
    actor: Actor | null,
    owner: ExhibitionOwner,
    exhibitionId: number,
    revisionId: number
  ): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.review', owner);
    const exhibition = await this.exhibitions.find(ownerMuseum(owner), exhibitionId);
    const revision = exhibition
      ? await this.flow.awaitingReview(exhibitionId, revisionId)
      : undefined;
    if (!revision) throw new NotFoundOrForbidden();
    const checked = await this.check(owner, revision.data, true);
    if (!checked.ok) return checked;
    await this.flow.approve(
      who,
      exhibitionId,
      revisionId,
      checked.record,
      this.audit(owner, exhibitionId)
    );
    return { ok: true };
  }

  async sendBack(
    actor: Actor | null,
    owner: ExhibitionOwner,
    exhibitionId: number,
    revisionId: number,
    note: string
  ): Promise<void> {
    const who = requireAccess(actor, 'museum.review', owner);
    const exhibition = await this.exhibitions.find(ownerMuseum(owner), exhibitionId);
    const revision = exhibition
      ? await this.flow.awaitingReview(exhibitionId, revisionId)
      : undefined;
    if (!revision) throw new NotFoundOrForbidden();
    await this.flow.sendBack(who, revision, note, this.audit(owner, exhibitionId));
  }

  async history(actor: Actor | null, owner: ExhibitionOwner, exhibitionId: number) {
    requireAccess(actor, 'museum.read-drafts', owner);
    if (!(await this.exhibitions.find(ownerMuseum(owner), exhibitionId)))
      throw new NotFoundOrForbidden();
    return this.exhibitions.revisions.history(exhibitionId);
  }

  /** A version of the exhibition, a past one to preview before restoring it. */
  async version(
    actor: Actor | null,
    owner: ExhibitionOwner,
    exhibitionId: number,
    revisionId: number
  ) {
    requireAccess(actor, 'museum.read-drafts', owner);
    const exhibition = await this.exhibitions.find(ownerMuseum(owner), exhibitionId);
    return found(exhibition && (await this.flow.version(exhibitionId, revisionId)));
  }

  /** A past published version as the new draft (VersionFlow.restore); the owner's editors' right. */
  async restoreVersion(
    actor: Actor | null,
    owner: ExhibitionOwner,
    exhibitionId: number,
    revisionId: number,
    replacing: number | null
  ): Promise<RestoreResult> {
    const who = requireAccess(actor, 'museum.edit', owner);
    const exhibition = await this.exhibitions.find(ownerMuseum(owner), exhibitionId);
    const audit = this.audit(owner, exhibitionId);
    return found(
      exhibition && (await this.flow.restore(who, exhibitionId, revisionId, replacing, audit))
    );
  }

  /** The owner's files with these ids, for the editor's choices. */
  async files(actor: Actor | null, owner: ExhibitionOwner, ids: number[]) {
    requireAccess(actor, 'museum.read-drafts', owner);
    return this.assetsOf(ownerMuseum(owner), ids);
  }

  private async check(owner: ExhibitionOwner, input: ExhibitionInput, forVisitors: boolean) {
    // Ids are read from the raw input only to look them up; checkExhibition decides what is valid.
    const refs = rawReferences(input);
    const museumId = ownerMuseum(owner);
    const [assets, exhibits] = await Promise.all([
      this.assetsOf(museumId, [...refs.assets]),
      this.exhibitions.existingExhibits(museumId, [...refs.exhibits])
    ]);
    return checkExhibition(
      input,
      { assets: new Map(assets.map((a) => [a.id, a])), exhibits },
      forVisitors
    );
  }

  private audit(owner: ExhibitionOwner, exhibitionId: number): AuditWriter<ExhibitionRecord> {
    return async (who, action, record, details = {}) =>
      this.staff.audit({
        userId: who.userId,
        museumId: ownerMuseum(owner),
        action,
        entity: 'exhibition',
        entityId: String(exhibitionId),
        details: { ...details, title: record.title }
      });
  }
}
