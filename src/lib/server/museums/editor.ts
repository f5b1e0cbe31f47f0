import type { MuseumInput, MuseumRecord } from '$lib/shared/museum';
import { can, requireAccess, NotFoundOrForbidden, type Actor } from '../auth/access';
import type { StaffRepository } from '../auth/staff-repository';
import { checkMuseum, type FieldError } from './catalogue';
import type { MuseumRepository } from './repository';
import type { RevisionRepository } from './revisions';
import type { Asset } from '../media/repository';
import { diffFlattened, type Change } from '../content/changes';

export type Intent = 'draft' | 'review' | 'publish';

export type EditResult =
  { ok: true; status: 'draft' | 'review' | 'published' } | { ok: false; errors: FieldError[] };

/**
 * Staff editing of a museum's profile: draft → waiting for review → published, each step checked
 * against the person's rights. What visitors see changes only on publishing.
 */
export class MuseumEditor {
  constructor(
    private readonly museums: MuseumRepository,
    private readonly revisions: RevisionRepository,
    private readonly staff: StaffRepository,
    private readonly clock: () => Date,
    /** The museum's media assets with these ids (the library's assetsOf). */
    private readonly assetsOf: (
      museumId: number,
      ids: number[]
    ) => Promise<Asset[]> = async () => [],
    /** Told after anything visitors see has changed. */
    private readonly onPublished: (museumId: number) => void = () => {}
  ) {}

  /** The version to edit: the open draft or review if there is one, else what is published. */
  async open(actor: Actor | null, museumId: number) {
    const who = requireAccess(actor, 'museum.read-drafts', { kind: 'museum', museumId });
    const published = await this.museums.loadRecord(museumId);
    if (!published) throw new NotFoundOrForbidden();
    const open = await this.revisions.open(museumId);
    const target = { kind: 'museum', museumId } as const;
    return {
      published,
      record: open?.data ?? published,
      revision: open ? { id: open.id, status: open.status, note: open.note } : null,
      changes: open ? diffRecords(published, open.data) : [],
      canPublish: can(who, 'museum.publish', target),
      canReview: can(who, 'museum.review', target)
    };
  }

  async save(
    actor: Actor | null,
    museumId: number,
    input: MuseumInput,
    intent: Intent
  ): Promise<EditResult> {
    const target = { kind: 'museum', museumId } as const;
    const who = requireAccess(actor, 'museum.edit', target);
    if (intent === 'publish') requireAccess(who, 'museum.publish', target);
    const published = await this.museums.loadRecord(museumId);
    if (!published) throw new NotFoundOrForbidden();
    // The address of a museum (its slug) and its place in the association are the association's to change.
    const checked = checkMuseum({
      ...input,
      slug: published.slug,
      membership: published.membership
    });
    if (!checked.ok) return checked;
    const photoErrors = await this.checkPhotos(museumId, checked.record.photos, intent !== 'draft');
    if (photoErrors.length > 0) return { ok: false, errors: photoErrors };
    const now = this.clock().toISOString();
    const open = await this.revisions.open(museumId);
    const status = intent === 'publish' ? 'published' : intent;
    // The same form sent twice (a double click, a resent request, an autosave with nothing new)
    // is one change: nothing more is recorded.
    const repeated = open
      ? open.status === status && diffRecords(open.data, checked.record).length === 0
      : intent !== 'review' && diffRecords(published, checked.record).length === 0;
    if (repeated) return { ok: true, status };
    let revisionId: number;
    if (open) {
      await this.revisions.update(open.id, {
        status,
        data: checked.record,
        authorId: who.userId,
        note: null,
        now
      });
      revisionId = open.id;
    } else {
      revisionId = await this.revisions.insert(museumId, who.userId, status, checked.record, now);
    }
    if (intent === 'publish') await this.apply(who, museumId, revisionId, checked.record, now);
    // One line for a draft, however often its author saves it (autosave saves every pause).
    const continuing =
      intent === 'draft' && open?.status === 'draft' && open.authorId === who.userId;
    if (continuing) return { ok: true, status };
    await this.staff.audit({
      userId: who.userId,
      museumId,
      action: intent === 'publish' ? 'publish' : intent === 'review' ? 'submit' : 'save-draft',
      entity: 'museum',
      entityId: String(museumId),
      details: { revision: revisionId }
    });
    return { ok: true, status };
  }

  /** A museum admin publishes what an editor submitted. */
  async approve(
    actor: Actor | null,
    museumId: number,
    revisionId: number
  ): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.review', { kind: 'museum', museumId });
    const revision = await this.revisions.find(museumId, revisionId);
    if (!revision || revision.status !== 'review') throw new NotFoundOrForbidden();
    // A photo may have lost its processing or been changed since the version was submitted.
    const photoErrors = await this.checkPhotos(museumId, revision.data.photos, true);
    if (photoErrors.length > 0) return { ok: false, errors: photoErrors };
    const now = this.clock().toISOString();
    await this.apply(who, museumId, revisionId, revision.data, now);
    await this.staff.audit({
      userId: who.userId,
      museumId,
      action: 'approve',
      entity: 'museum',
      entityId: String(museumId)
    });
    return { ok: true };
  }

  /**
   * Photos must be this museum's images. Before they go to review or to visitors they must also
   * be processed and described in both languages: a visitor who cannot see the picture hears
   * its alt text.
   */
  private async checkPhotos(
    museumId: number,
    ids: number[],
    forVisitors: boolean
  ): Promise<FieldError[]> {
    if (ids.length === 0) return [];
    const assets = new Map((await this.assetsOf(museumId, ids)).map((a) => [a.id, a]));
    const errors: FieldError[] = [];
    ids.forEach((id, index) => {
      const asset = assets.get(id);
      const field = `photos.${index}`;
      if (!asset || (asset.kind !== 'image' && asset.kind !== 'panorama')) {
        errors.push({
          field,
          message: {
            ru: 'Этого изображения нет в медиатеке музея. Выберите другое.',
            en: 'This picture is not in the museum’s media library. Choose another one.'
          }
        });
      } else if (forVisitors && (!asset.alt.ru || !asset.alt.en)) {
        errors.push({
          field,
          message: {
            ru: `У фото «${asset.fileName}» нет описания для незрячих (alt) на обоих языках. Добавьте его в медиатеке.`,
            en: `“${asset.fileName}” has no description for blind visitors (alt text) in both languages. Add it in the media library.`
          }
        });
      } else if (forVisitors && asset.status !== 'ready') {
        errors.push({
          field,
          message:
            asset.status === 'failed'
              ? {
                  ru: `Фото «${asset.fileName}» не удалось обработать. Повторите обработку в медиатеке или выберите другое.`,
                  en: `“${asset.fileName}” could not be processed. Retry it in the media library or choose another.`
                }
              : {
                  ru: `Фото «${asset.fileName}» ещё обрабатывается. Подождите минуту и попробуйте снова.`,
                  en: `“${asset.fileName}” is still being processed. Wait a minute and try again.`
                }
        });
      }
    });
    return errors;
  }

  /** Sends a submitted version back to its author as a draft, with a note saying why. */
  async sendBack(
    actor: Actor | null,
    museumId: number,
    revisionId: number,
    note: string
  ): Promise<void> {
    const who = requireAccess(actor, 'museum.review', { kind: 'museum', museumId });
    const revision = await this.revisions.find(museumId, revisionId);
    if (!revision || revision.status !== 'review') throw new NotFoundOrForbidden();
    await this.revisions.update(revisionId, {
      status: 'draft',
      note: note.trim() || null,
      now: this.clock().toISOString()
    });
    await this.staff.audit({
      userId: who.userId,
      museumId,
      action: 'send-back',
      entity: 'museum',
      entityId: String(museumId)
    });
  }

  async history(actor: Actor | null, museumId: number) {
    requireAccess(actor, 'museum.read-drafts', { kind: 'museum', museumId });
    return this.revisions.history(museumId);
  }

  /** Starts a new draft from an earlier version; nothing visitors see changes until it is published. */
  async restore(actor: Actor | null, museumId: number, revisionId: number): Promise<void> {
    const who = requireAccess(actor, 'museum.edit', { kind: 'museum', museumId });
    const old = await this.revisions.find(museumId, revisionId);
    if (!old) throw new NotFoundOrForbidden();
    const open = await this.revisions.open(museumId);
    const now = this.clock().toISOString();
    if (open)
      await this.revisions.update(open.id, {
        status: 'draft',
        data: old.data,
        authorId: who.userId,
        now
      });
    else await this.revisions.insert(museumId, who.userId, 'draft', old.data, now);
    await this.staff.audit({
      userId: who.userId,
      museumId,
      action: 'restore',
      entity: 'museum',
      entityId: String(museumId),
      details: { from: revisionId }
    });
  }

  private async apply(
    who: Actor,
    museumId: number,
    revisionId: number,
    record: MuseumRecord,
    now: string
  ) {
    await this.museums.replace(museumId, record, now);
    await this.revisions.update(revisionId, { status: 'published', publishedBy: who.userId, now });
    this.onPublished(museumId);
  }
}

export type { Change };

/** What differs between two versions, field by field, in words a person can read. */
export function diffRecords(before: MuseumRecord, after: MuseumRecord): Change[] {
  // The gallery reads as one list ("#12, #15"), not as a field per position.
  const readable = (record: MuseumRecord) => ({
    ...record,
    photos: record.photos.map((id) => `#${id}`).join(', ')
  });
  return diffFlattened(readable(before), readable(after));
}
