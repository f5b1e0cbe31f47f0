import { z } from 'zod';
import { localized, slug as slugField } from '$lib/shared/fields';
import type { NewsInput, NewsOrigin, NewsRecord } from '$lib/shared/news';
import {
  can,
  found,
  requireAccess,
  NotFoundOrForbidden,
  type Actor,
  type Target
} from '../auth/access';
import { associationTimeZone } from '../auth/audit-lines';
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
import type { JobQueue } from '../jobs/queue';
import type { Asset } from '../media/repository';
import { checkNews, rawAssetIds } from './checks';
import type { NewsRepository } from './repository';
import { readPublishAt, wallClockInput } from './schedule';

/** Whose news it is: a museum's, or the association's own. The same shape as an access target. */
export type NewsOwner = Target;

export type NewsEditResult =
  | { ok: true; status: SavedStatus | 'scheduled'; at?: string }
  | { ok: false; errors: FieldError[] };

const newNews = z.object({ slug: slugField, title: localized });
export type NewNewsInput = z.input<typeof newNews>;

export const ownerMuseum = (owner: NewsOwner) => (owner.kind === 'museum' ? owner.museumId : null);

/** The owner's files with these ids: a museum's library, or any member museum's for the association. */
export type OwnerAssets = (museumId: number | null, ids: number[]) => Promise<Asset[]>;

/** Where a scheduled publishing job is queued; the handler calls `publishScheduled`. */
export type NewsQueue = Pick<JobQueue, 'enqueue'>;

/**
 * Staff editing of news: draft → waiting for review → published through the owner's rights,
 * like an exhibition, and scheduled publishing: a person who may publish picks the owner's
 * wall-clock time, the version is kept as it is and a delayed job publishes it then. Any later
 * save, a send-back or "publish now" drops the schedule; the job also checks that the version is
 * still the one scheduled, unchanged, so a stale job does nothing, and it can run twice.
 */
export class NewsEditor {
  private readonly flow: VersionFlow<NewsRecord>;

  constructor(
    private readonly news: NewsRepository,
    private readonly staff: StaffRepository,
    private readonly clock: () => Date,
    private readonly assetsOf: OwnerAssets,
    private readonly queue: NewsQueue,
    /** Told after news visitors see has changed (the search index). */
    onPublished: (newsId: number) => void | Promise<void> = () => {}
  ) {
    this.flow = new VersionFlow(news, clock, (id) => onPublished(id));
  }

  async list(actor: Actor | null, owner: NewsOwner) {
    const who = requireAccess(actor, 'museum.read-drafts', owner);
    const timeZone = await this.timeZoneOf(owner);
    return {
      news: await this.news.list(ownerMuseum(owner)),
      timeZone,
      canCreate: can(who, 'museum.edit', owner)
    };
  }

  /** A new item, as a draft with only its address and title. */
  async create(
    actor: Actor | null,
    owner: NewsOwner,
    input: NewNewsInput,
    origin: NewsOrigin = 'staff'
  ): Promise<{ ok: true; id: number } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.edit', owner);
    const checked = checkInBothLanguages(newNews, {
      slug: input.slug,
      title: { ru: plainText(input.title?.ru ?? ''), en: plainText(input.title?.en ?? '') }
    });
    if (!checked.ok) return checked;
    const { slug, title } = checked.data;
    const id = await this.news.create(ownerMuseum(owner), slug, title, origin);
    if (id === null)
      return {
        ok: false,
        errors: [
          {
            field: 'slug',
            message: {
              ru: 'Новость с таким адресом уже есть. Выберите другой.',
              en: 'There is already a news item at this address. Choose another.'
            }
          }
        ]
      };
    const empty = { ru: '', en: '' };
    const record = {
      slug,
      title,
      lead: empty,
      body: empty,
      gallery: [],
      tags: [],
      museumIds: [],
      eventIds: [],
      projectIds: []
    } as NewsRecord;
    await this.news.revisions.insert(id, who.userId, 'draft', record, this.clock().toISOString());
    await this.audit(owner, id)(who, 'save-draft', record, { created: true });
    return { ok: true, id };
  }

  /** The version to edit (the open one, else the published one), what changed, any schedule. */
  async open(actor: Actor | null, owner: NewsOwner, newsId: number) {
    const who = requireAccess(actor, 'museum.read-drafts', owner);
    const item = await this.news.find(ownerMuseum(owner), newsId);
    if (!item) throw new NotFoundOrForbidden();
    const open = await this.news.revisions.open(newsId);
    const record = open?.data ?? item.published;
    if (!record) throw new Error(`news ${newsId} has neither a version nor a published record`);
    const timeZone = await this.timeZoneOf(owner);
    return {
      news: { id: item.id, slug: item.slug, origin: item.origin, title: item.title },
      published: item.published,
      record,
      revision: open ? { id: open.id, status: open.status, note: open.note } : null,
      changes: open && item.published ? diffFlattened(item.published, open.data) : [],
      schedule: item.schedule
        ? { at: item.schedule.at, local: wallClockInput(new Date(item.schedule.at), timeZone) }
        : null,
      timeZone,
      canPublish: can(who, 'museum.publish', owner),
      canReview: can(who, 'museum.review', owner)
    };
  }

  async save(
    actor: Actor | null,
    owner: NewsOwner,
    newsId: number,
    input: NewsInput,
    intent: SaveIntent
  ): Promise<NewsEditResult> {
    const who = requireAccess(actor, 'museum.edit', owner);
    if (intent === 'publish') requireAccess(who, 'museum.publish', owner);
    const item = await this.news.find(ownerMuseum(owner), newsId);
    if (!item) throw new NotFoundOrForbidden();
    // The address is set when the item is made: links and feeds point at it.
    const checked = await this.check(owner, { ...input, slug: item.slug }, intent !== 'draft');
    if (!checked.ok) return checked;
    // Whatever is saved now is not what was scheduled: the schedule goes.
    await this.dropSchedule(who, owner, newsId, checked.record.title);
    const status = await this.flow.save(
      who,
      item,
      checked.record,
      intent,
      this.audit(owner, newsId)
    );
    return { ok: true, status };
  }

  /**
   * Saves the version as typed and schedules it for `publishAt`, the owner's wall clock
   * ('YYYY-MM-DDTHH:mm'). Needs the right to publish; checked as for visitors now.
   */
  async schedule(
    actor: Actor | null,
    owner: NewsOwner,
    newsId: number,
    input: NewsInput,
    publishAt: string
  ): Promise<NewsEditResult> {
    const who = requireAccess(actor, 'museum.publish', owner);
    const item = await this.news.find(ownerMuseum(owner), newsId);
    if (!item) throw new NotFoundOrForbidden();
    const checked = await this.check(owner, { ...input, slug: item.slug }, true);
    const now = this.clock();
    const when = readPublishAt(publishAt, await this.timeZoneOf(owner), now);
    const errors = [...(checked.ok ? [] : checked.errors), ...(when.ok ? [] : [when.error])];
    if (!checked.ok || !when.ok) return { ok: false, errors };
    await this.news.clearSchedule(newsId);
    // Kept as a version waiting for its time (status 'review', left out of the review list).
    await this.flow.save(who, item, checked.record, 'review', async () => {});
    const open = await this.news.openStamp(newsId);
    if (!open)
      return {
        ok: false,
        errors: [
          {
            field: 'publishAt',
            message: {
              ru: 'Эта версия уже опубликована: планировать нечего.',
              en: 'This version is already published: there is nothing to schedule.'
            }
          }
        ]
      };
    const at = when.at.toISOString();
    await this.news.setSchedule(newsId, {
      at,
      revisionId: open.id,
      stamp: open.updatedAt,
      by: who.userId
    });
    await this.queue.enqueue(
      'news.publish',
      { newsId, revisionId: open.id },
      { delayMs: Math.max(0, when.at.getTime() - now.getTime()) }
    );
    await this.note(who, owner, newsId, 'schedule', {
      title: checked.record.title,
      scheduledAt: at
    });
    return { ok: true, status: 'scheduled', at };
  }

  /** Drops the schedule; the version stays, waiting for review. */
  async cancelSchedule(actor: Actor | null, owner: NewsOwner, newsId: number): Promise<void> {
    const who = requireAccess(actor, 'museum.publish', owner);
    const item = await this.news.find(ownerMuseum(owner), newsId);
    if (!item) throw new NotFoundOrForbidden();
    await this.dropSchedule(who, owner, newsId, item.title);
  }

  private async dropSchedule(who: Actor, owner: NewsOwner, newsId: number, title: unknown) {
    if (await this.news.clearSchedule(newsId))
      await this.note(who, owner, newsId, 'unschedule', { title });
  }

  private note(
    who: Actor,
    owner: NewsOwner,
    newsId: number,
    action: string,
    details: Record<string, unknown>
  ) {
    return this.staff.audit({
      userId: who.userId,
      museumId: ownerMuseum(owner),
      action,
      entity: 'news',
      entityId: String(newsId),
      details
    });
  }

  /**
   * The job of a scheduled publishing. Does nothing when the schedule is gone (cancelled,
   * replaced, or taken by an earlier run), when the version changed since, or when the person who
   * scheduled it may no longer publish; queues itself again when it is early.
   */
  async publishScheduled(payload: {
    newsId: number;
    revisionId: number;
  }): Promise<'published' | 'early' | 'stale'> {
    const owned = await this.news.ownerOf(payload.newsId);
    if (!owned) return 'stale';
    const item = await this.news.find(owned.museumId, payload.newsId);
    const schedule = item?.schedule;
    if (!item || !schedule || schedule.revisionId !== payload.revisionId) return 'stale';
    const now = this.clock();
    const wait = new Date(schedule.at).getTime() - now.getTime();
    if (wait > 0) {
      await this.queue.enqueue('news.publish', payload, { delayMs: wait });
      return 'early';
    }
    const owner: NewsOwner =
      owned.museumId === null
        ? { kind: 'association' }
        : { kind: 'museum', museumId: owned.museumId };
    const [revision, stamp] = await Promise.all([
      this.news.revisions.open(payload.newsId),
      this.news.openStamp(payload.newsId)
    ]);
    const grants = schedule.by ? await this.staff.grantsOf(schedule.by) : [];
    const who: Actor = { userId: schedule.by ?? '', grants };
    const current =
      revision?.id === schedule.revisionId &&
      stamp?.updatedAt === schedule.stamp &&
      can(who, 'museum.publish', owner);
    if (!current || !revision) {
      await this.news.clearSchedule(payload.newsId);
      return 'stale';
    }
    // Only one run publishes: the schedule is taken before anything is written.
    if (!(await this.news.claimSchedule(payload.newsId, schedule.revisionId))) return 'stale';
    const checked = await this.check(owner, revision.data, true);
    if (!checked.ok) return 'stale';
    await this.flow.approve(who, payload.newsId, revision.id, checked.record, (w, _a, record) =>
      this.note(w, owner, payload.newsId, 'publish-scheduled', {
        title: record.title,
        scheduledAt: schedule.at
      })
    );
    return 'published';
  }

  /** A reviewer publishes what an editor submitted, checked again: a file may have gone since. */
  async approve(
    actor: Actor | null,
    owner: NewsOwner,
    newsId: number,
    revisionId: number
  ): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.review', owner);
    const item = await this.news.find(ownerMuseum(owner), newsId);
    const revision = item ? await this.flow.awaitingReview(newsId, revisionId) : undefined;
    if (!revision) throw new NotFoundOrForbidden();
    const checked = await this.check(owner, revision.data, true);
    if (!checked.ok) return checked;
    await this.news.clearSchedule(newsId);
    await this.flow.approve(who, newsId, revisionId, checked.record, this.audit(owner, newsId));
    return { ok: true };
  }

  async sendBack(
    actor: Actor | null,
    owner: NewsOwner,
    newsId: number,
    revisionId: number,
    note: string
  ): Promise<void> {
    const who = requireAccess(actor, 'museum.review', owner);
    const item = await this.news.find(ownerMuseum(owner), newsId);
    const revision = item ? await this.flow.awaitingReview(newsId, revisionId) : undefined;
    if (!revision) throw new NotFoundOrForbidden();
    await this.news.clearSchedule(newsId);
    await this.flow.sendBack(who, revision, note, this.audit(owner, newsId));
  }

  async history(actor: Actor | null, owner: NewsOwner, newsId: number) {
    requireAccess(actor, 'museum.read-drafts', owner);
    if (!(await this.news.find(ownerMuseum(owner), newsId))) throw new NotFoundOrForbidden();
    return this.news.revisions.history(newsId);
  }

  /** A version of the item, a past one to preview before restoring it. */
  async version(actor: Actor | null, owner: NewsOwner, newsId: number, revisionId: number) {
    requireAccess(actor, 'museum.read-drafts', owner);
    const item = await this.news.find(ownerMuseum(owner), newsId);
    return found(item && (await this.flow.version(newsId, revisionId)));
  }

  /** A past published version as the new draft (VersionFlow.restore); drops any schedule. */
  async restoreVersion(
    actor: Actor | null,
    owner: NewsOwner,
    newsId: number,
    revisionId: number,
    replacing: number | null
  ): Promise<RestoreResult> {
    const who = requireAccess(actor, 'museum.edit', owner);
    const item = await this.news.find(ownerMuseum(owner), newsId);
    const result = found(
      item &&
        (await this.flow.restore(who, newsId, revisionId, replacing, this.audit(owner, newsId)))
    );
    if (result.ok && item) await this.dropSchedule(who, owner, newsId, item.title);
    return result;
  }

  /** The owner's files with these ids, for the editor's choices. */
  async files(actor: Actor | null, owner: NewsOwner, ids: number[]) {
    requireAccess(actor, 'museum.read-drafts', owner);
    return this.assetsOf(ownerMuseum(owner), ids);
  }

  /** Member museums a news item may be about, for the editor. */
  async museumChoices(actor: Actor | null, owner: NewsOwner) {
    requireAccess(actor, 'museum.read-drafts', owner);
    return this.news.museumChoices();
  }

  /** The owner's time zone: the museum's, or Khabarovsk's for the association. */
  async timeZoneOf(owner: NewsOwner): Promise<string> {
    return (await this.news.museumOf(ownerMuseum(owner)))?.timeZone ?? associationTimeZone;
  }

  private async check(owner: NewsOwner, input: NewsInput, forVisitors: boolean) {
    const [assets, museums] = await Promise.all([
      this.assetsOf(ownerMuseum(owner), rawAssetIds(input)),
      this.news.museumChoices()
    ]);
    return checkNews(
      input,
      { assets: new Map(assets.map((a) => [a.id, a])), museums: new Set(museums.map((m) => m.id)) },
      forVisitors
    );
  }

  private audit(owner: NewsOwner, newsId: number): AuditWriter<NewsRecord> {
    return async (who, action, record, details = {}) =>
      this.staff.audit({
        userId: who.userId,
        museumId: ownerMuseum(owner),
        action,
        entity: 'news',
        entityId: String(newsId),
        details: { ...details, title: record.title }
      });
  }
}
