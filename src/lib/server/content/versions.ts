import type { Actor } from '../auth/access';
import { diffFlattened } from './changes';
import type { Revision, RevisionStore } from './revision-store';

/** What a staff member asked for when saving: keep working, ask for review, or publish now. */
export type SaveIntent = 'draft' | 'review' | 'publish';
export type SavedStatus = 'draft' | 'review' | 'published';

export type OpenVersion<R> = Revision<R>;

/**
 * What a versioned thing (a tour, an exhibit) needs from its repository: its versions (a
 * RevisionStore over its `<thing>_revisions` table) and its published record.
 */
export interface VersionStore<R> {
  readonly revisions: RevisionStore<R>;
  /** Makes the record what visitors see. */
  publish(id: number, record: R, now: string): Promise<void>;
  /** A version was saved without publishing: working columns (the title in staff lists) follow it. */
  saved(id: number, record: R, now: string): Promise<void>;
}

/** Writes one line of the audit log about the thing. */
export type AuditWriter<R> = (
  who: Actor,
  action: 'save-draft' | 'submit' | 'publish' | 'approve' | 'send-back' | 'restore',
  record: R,
  details?: Record<string, unknown>
) => Promise<void>;

/**
 * What restoring a past version came to: the new draft, or a refusal because another version is
 * open (the caller offers to discard it — `replacing` its id — or to keep it).
 */
export type RestoreResult =
  | { ok: true; revisionId: number }
  | { ok: false; open: { id: number; status: 'draft' | 'review'; authorId: string | null } };

/**
 * The draft → review → published movement every versioned thing shares. Callers check access
 * and validate first; this decides what is recorded: the same form sent twice is one change, a
 * draft saved again and again by its author is one line in the audit log.
 */
export class VersionFlow<R> {
  constructor(
    private readonly store: VersionStore<R>,
    private readonly clock: () => Date,
    /** Told after anything visitors see has changed. */
    private readonly onPublished: (id: number, record: R) => void | Promise<void>
  ) {}

  async save(
    who: Actor,
    item: { id: number; published: R | null },
    record: R,
    intent: SaveIntent,
    audit: AuditWriter<R>
  ): Promise<SavedStatus> {
    const now = this.clock().toISOString();
    const open = await this.store.revisions.open(item.id);
    const status: SavedStatus = intent === 'publish' ? 'published' : intent;
    const repeated = open
      ? open.status === status && diffFlattened(open.data, record).length === 0
      : intent !== 'review' &&
        item.published !== null &&
        diffFlattened(item.published, record).length === 0;
    if (repeated) return status;
    let revisionId: number;
    if (open) {
      await this.store.revisions.update(open.id, {
        status,
        data: record,
        authorId: who.userId,
        note: null,
        now
      });
      revisionId = open.id;
    } else {
      revisionId = await this.store.revisions.insert(item.id, who.userId, status, record, now);
    }
    if (intent === 'publish') await this.apply(who, item.id, revisionId, record, now);
    else await this.store.saved(item.id, record, now);
    const continuing =
      intent === 'draft' && open?.status === 'draft' && open.authorId === who.userId;
    if (!continuing)
      await audit(
        who,
        intent === 'publish' ? 'publish' : intent === 'review' ? 'submit' : 'save-draft',
        record,
        { revision: revisionId }
      );
    return status;
  }

  /** One of the thing's versions (a past one to preview), or undefined. */
  version(id: number, revisionId: number) {
    return this.store.revisions.find(id, revisionId);
  }

  /** The version waiting for review, or undefined when there is none with this id. */
  async awaitingReview(id: number, revisionId: number) {
    const revision = await this.store.revisions.find(id, revisionId);
    return revision?.status === 'review' ? revision : undefined;
  }

  /** Publishes a version a reviewer approved (checked again by the caller). */
  async approve(who: Actor, id: number, revisionId: number, record: R, audit: AuditWriter<R>) {
    await this.apply(who, id, revisionId, record, this.clock().toISOString());
    await audit(who, 'approve', record);
  }

  /** Sends a submitted version back to its author as a draft, with a note saying why. */
  async sendBack(who: Actor, revision: OpenVersion<R>, note: string, audit: AuditWriter<R>) {
    await this.store.revisions.update(revision.id, {
      status: 'draft',
      note: note.trim() || null,
      now: this.clock().toISOString()
    });
    await audit(who, 'send-back', revision.data);
  }

  /**
   * Starts a draft from a version published before; it becomes the open version and follows the
   * usual review and publishing, nothing visitors see changes until then. Refused while another
   * version is open, unless the caller names it in `replacing`: that one is discarded. Undefined
   * when `revisionId` is not a published version of this thing.
   */
  async restore(
    who: Actor,
    id: number,
    revisionId: number,
    replacing: number | null,
    audit: AuditWriter<R>
  ): Promise<RestoreResult | undefined> {
    const old = await this.store.revisions.find(id, revisionId);
    if (old?.status !== 'published') return undefined;
    const now = this.clock().toISOString();
    const open = await this.store.revisions.open(id);
    if (open && open.id !== replacing)
      return {
        ok: false,
        open: {
          id: open.id,
          status: open.status === 'review' ? 'review' : 'draft',
          authorId: open.authorId
        }
      };
    if (open) await this.store.revisions.update(open.id, { status: 'discarded', now });
    const restored = await this.store.revisions.insert(id, who.userId, 'draft', old.data, now);
    await this.store.saved(id, old.data, now);
    await audit(who, 'restore', old.data, {
      revision: restored,
      from: revisionId,
      ...(open ? { discarded: open.id } : {})
    });
    return { ok: true, revisionId: restored };
  }

  private async apply(who: Actor, id: number, revisionId: number, record: R, now: string) {
    await this.store.publish(id, record, now);
    await this.store.revisions.update(revisionId, {
      status: 'published',
      publishedBy: who.userId,
      now
    });
    await this.onPublished(id, record);
  }
}
