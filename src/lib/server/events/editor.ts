import { z } from 'zod';
import { localized, slug as slugField } from '$lib/shared/fields';
import type { EventInput, EventOrigin, EventRecord } from '$lib/shared/event';
import {
  can,
  isAssociationAdmin,
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
  type SaveIntent,
  type SavedStatus,
  type VersionStore
} from '../content/versions';
import type { Asset } from '../media/repository';
import { checkEvent, rawEventReferences } from './checks';
import type { EventRepository } from './repository';
import { noSessionNotices, type SessionChange, type SessionNotices } from './sessions';

/** Whose event it is: a museum's, or the association's own. The same shape as an access target. */
export type EventOwner = Target;

export type EventEditResult =
  { ok: true; status: SavedStatus } | { ok: false; errors: FieldError[] };

const newEvent = z.object({ slug: slugField, title: localized });
export type NewEventInput = z.input<typeof newEvent>;

export const eventOwnerMuseum = (owner: EventOwner) =>
  owner.kind === 'museum' ? owner.museumId : null;

/** The owner's files with these ids: a museum's library, or every member museum's for the association. */
export type EventAssets = (museumId: number | null, ids: number[]) => Promise<Asset[]>;

/**
 * Staff editing of events: draft → waiting for review → published through the owner's rights.
 * Publishing keeps the event's session rows in step and tells the registrations domain about
 * sessions that moved or were called off.
 */
export class EventEditor {
  private readonly flow: VersionFlow<EventRecord>;
  /** Session changes of a publishing in progress, handed from the store to the notice. */
  private readonly changed = new Map<number, SessionChange[]>();

  constructor(
    private readonly events: EventRepository,
    private readonly staff: StaffRepository,
    private readonly clock: () => Date,
    private readonly assetsOf: EventAssets,
    private readonly notices: SessionNotices = noSessionNotices,
    /** Told after an event visitors see has changed (the search index, the shared cache). */
    onPublished: (eventId: number) => void | Promise<void> = () => {}
  ) {
    const store: VersionStore<EventRecord> = {
      revisions: events.revisions,
      saved: (id, record, now) => events.saved(id, record, now),
      publish: async (id, record, now) => {
        this.changed.set(id, await events.publish(id, record, now));
      }
    };
    this.flow = new VersionFlow(store, clock, async (id) => {
      const changes = this.changed.get(id) ?? [];
      this.changed.delete(id);
      if (changes.length > 0) await this.notices.sessionsChanged(id, changes);
      await onPublished(id);
    });
  }

  async list(actor: Actor | null, owner: EventOwner) {
    const who = requireAccess(actor, 'museum.read-drafts', owner);
    return {
      events: await this.events.list(eventOwnerMuseum(owner)),
      timeZone: await this.events.ownerTimeZone(eventOwnerMuseum(owner)),
      canCreate: can(who, 'museum.edit', owner)
    };
  }

  /** A new event, as a draft with its address, title and a first day (today) to fill in. */
  async create(
    actor: Actor | null,
    owner: EventOwner,
    input: NewEventInput,
    origin: EventOrigin = 'staff'
  ): Promise<{ ok: true; id: number } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.edit', owner);
    const checked = checkInBothLanguages(newEvent, {
      slug: input.slug,
      title: { ru: plainText(input.title?.ru ?? ''), en: plainText(input.title?.en ?? '') }
    });
    if (!checked.ok) return checked;
    const { slug, title } = checked.data;
    const museumId = eventOwnerMuseum(owner);
    const id = await this.events.create(museumId, slug, title, origin);
    if (id === null)
      return {
        ok: false,
        errors: [
          {
            field: 'slug',
            message: {
              ru: 'Событие с таким адресом уже есть. Выберите другой.',
              en: 'There is already an event at this address. Choose another.'
            }
          }
        ]
      };
    const today = this.clock().toISOString().slice(0, 10);
    const record: EventRecord = {
      slug,
      kind: 'lecture',
      title,
      dates: {
        kind: 'single',
        sessions: [{ key: 's1', date: today, start: null, end: null, cancelled: false }]
      },
      venue:
        museumId === null
          ? { kind: 'address', address: { ru: '—', en: '—' } }
          : { kind: 'museum', museumId },
      ageRating: '0+',
      price: { kind: 'free' },
      status: 'scheduled',
      forSchools: false,
      registration: { enabled: false, group: false, maxPeople: 1, phone: 'optional', questions: [] }
    };
    const now = this.clock().toISOString();
    await this.events.revisions.insert(id, who.userId, 'draft', record, now);
    await this.audit(owner, id)(who, 'save-draft', record, { created: true });
    return { ok: true, id };
  }

  /** The version to edit (the open one, else the published one), what changed, the sessions. */
  async open(actor: Actor | null, owner: EventOwner, eventId: number) {
    const who = requireAccess(actor, 'museum.read-drafts', owner);
    const event = await this.events.find(eventOwnerMuseum(owner), eventId);
    if (!event) throw new NotFoundOrForbidden();
    const open = await this.events.revisions.open(eventId);
    const record = open?.data ?? event.published;
    if (!record) throw new Error(`event ${eventId} has neither a version nor a published record`);
    return {
      event: { id: event.id, slug: event.slug, origin: event.origin, title: event.title },
      published: event.published,
      record,
      /** The zone the record's times are read in (the venue's, else the organiser's). */
      timeZone: (await this.events.placement(eventOwnerMuseum(owner), record)).timeZone,
      sessions: await this.events.sessionsOf(eventId),
      revision: open ? { id: open.id, status: open.status, note: open.note } : null,
      changes: open && event.published ? diffFlattened(event.published, open.data) : [],
      canPublish: can(who, 'museum.publish', owner),
      canReview: can(who, 'museum.review', owner)
    };
  }

  async save(
    actor: Actor | null,
    owner: EventOwner,
    eventId: number,
    input: EventInput,
    intent: SaveIntent
  ): Promise<EventEditResult> {
    const who = requireAccess(actor, 'museum.edit', owner);
    if (intent === 'publish') requireAccess(who, 'museum.publish', owner);
    const event = await this.events.find(eventOwnerMuseum(owner), eventId);
    if (!event) throw new NotFoundOrForbidden();
    // The address is set when the event is made: links and feeds point at it.
    const checked = await this.check(owner, { ...input, slug: event.slug }, intent !== 'draft');
    if (!checked.ok) return checked;
    const status = await this.flow.save(
      who,
      event,
      checked.record,
      intent,
      this.audit(owner, eventId)
    );
    return { ok: true, status };
  }

  /** A reviewer publishes what an editor submitted, checked again: a file may have gone since. */
  async approve(
    actor: Actor | null,
    owner: EventOwner,
    eventId: number,
    revisionId: number
  ): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.review', owner);
    const event = await this.events.find(eventOwnerMuseum(owner), eventId);
    const revision = event ? await this.flow.awaitingReview(eventId, revisionId) : undefined;
    if (!revision) throw new NotFoundOrForbidden();
    const checked = await this.check(owner, revision.data, true);
    if (!checked.ok) return checked;
    await this.flow.approve(who, eventId, revisionId, checked.record, this.audit(owner, eventId));
    return { ok: true };
  }

  async sendBack(
    actor: Actor | null,
    owner: EventOwner,
    eventId: number,
    revisionId: number,
    note: string
  ): Promise<void> {
    const who = requireAccess(actor, 'museum.review', owner);
    const event = await this.events.find(eventOwnerMuseum(owner), eventId);
    const revision = event ? await this.flow.awaitingReview(eventId, revisionId) : undefined;
    if (!revision) throw new NotFoundOrForbidden();
    await this.flow.sendBack(who, revision, note, this.audit(owner, eventId));
  }

  async history(actor: Actor | null, owner: EventOwner, eventId: number) {
    requireAccess(actor, 'museum.read-drafts', owner);
    if (!(await this.events.find(eventOwnerMuseum(owner), eventId)))
      throw new NotFoundOrForbidden();
    return this.events.revisions.history(eventId);
  }

  /** Events waiting for review that this person may approve, for the dashboard. */
  async waitingForReview(actor: Actor | null, locale: 'ru' | 'en') {
    if (!actor) return [];
    const scope = isAssociationAdmin(actor)
      ? ('all' as const)
      : actor.grants.flatMap((g) => (g.museumId === null ? [] : [g.museumId]));
    const rows = await this.events.awaitingReview(scope);
    return rows
      .filter((r) =>
        can(
          actor,
          'museum.review',
          r.museum_id === null ? { kind: 'association' } : { kind: 'museum', museumId: r.museum_id }
        )
      )
      .map((r) => ({
        revisionId: r.id,
        title: (locale === 'en' ? r.title_en : r.title_ru) || r.title_ru,
        owner: r.museum_id === null ? null : ((locale === 'en' ? r.name_en : r.name_ru) ?? ''),
        author: r.author,
        href:
          r.museum_id === null
            ? `/admin/association/events/${r.event_id}`
            : `/admin/museums/${r.museum_id}/events/${r.event_id}`
      }));
  }

  /** Museums and towns to choose the venue from. */
  async venues(actor: Actor | null, owner: EventOwner) {
    requireAccess(actor, 'museum.read-drafts', owner);
    return this.events.venueChoices();
  }

  /** The owner's files with these ids, for the editor's choices. */
  async files(actor: Actor | null, owner: EventOwner, ids: number[]) {
    requireAccess(actor, 'museum.read-drafts', owner);
    return this.assetsOf(eventOwnerMuseum(owner), ids);
  }

  private async check(owner: EventOwner, input: EventInput, forVisitors: boolean) {
    const refs = rawEventReferences(input);
    const [assets, museums] = await Promise.all([
      this.assetsOf(eventOwnerMuseum(owner), refs.assets),
      this.events.museumsAmong(refs.museums)
    ]);
    return checkEvent(
      input,
      { assets: new Map(assets.map((a) => [a.id, a])), museums },
      forVisitors
    );
  }

  private audit(owner: EventOwner, eventId: number): AuditWriter<EventRecord> {
    return async (who, action, record, details = {}) =>
      this.staff.audit({
        userId: who.userId,
        museumId: eventOwnerMuseum(owner),
        action,
        entity: 'event',
        entityId: String(eventId),
        details: { ...details, title: record.title }
      });
  }
}
