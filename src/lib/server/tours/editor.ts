import { z } from 'zod';
import { slug as slugField, localized } from '$lib/shared/fields';
import type { HotspotTarget, TourInput, TourRecord } from '$lib/shared/tour';
import { can, found, requireAccess, NotFoundOrForbidden, type Actor } from '../auth/access';
import type { StaffRepository } from '../auth/staff-repository';
import { diffFlattened } from '../content/changes';
import { VersionFlow, type AuditWriter, type RestoreResult } from '../content/versions';
import { checkInBothLanguages, type FieldError } from '../content/checks';
import type { Asset } from '../media/repository';
import type { Localized } from '../media/types';
import { assetReferences, checkTour, plainText } from './checks';
import type { TourRepository } from './repository';

export type TourIntent = 'draft' | 'review' | 'publish';

export type TourEditResult =
  { ok: true; status: 'draft' | 'review' | 'published' } | { ok: false; errors: FieldError[] };

const newTour = z.object({ slug: slugField, title: localized });

/** How long a deleted tour can be brought back. */
export const RESTORABLE_DAYS = 30;
const RESTORABLE_MS = RESTORABLE_DAYS * 24 * 60 * 60 * 1000;
export type NewTourInput = z.input<typeof newTour>;

/** A hotspot whose target is gone (a deleted scene or file): shown as broken to staff, hidden from visitors. */
export interface BrokenHotspot {
  scene: string;
  hotspot: string;
}

/**
 * Staff editing of a museum's virtual tours: draft → waiting for review → published, checked
 * against the museum's rights like its profile. Visitors see a tour only once it is published.
 */
export class TourEditor {
  private readonly flow: VersionFlow<TourRecord>;

  constructor(
    private readonly tours: TourRepository,
    private readonly staff: StaffRepository,
    private readonly clock: () => Date,
    /** The museum's media assets with these ids (the library's assetsOf). */
    private readonly assetsOf: (museumId: number, ids: number[]) => Promise<Asset[]>,
    /** Told after anything visitors see has changed. */
    private readonly onPublished: () => void = () => {},
    /** The museum's exhibits, which hotspots may open. */
    private readonly exhibits: TourExhibits = noExhibits
  ) {
    this.flow = new VersionFlow(tours, clock, () => onPublished());
  }

  async list(actor: Actor | null, museumId: number) {
    const who = requireAccess(actor, 'museum.read-drafts', { kind: 'museum', museumId });
    return {
      tours: await this.tours.list(museumId),
      canCreate: can(who, 'museum.edit', { kind: 'museum', museumId }),
      canDelete: can(who, 'museum.publish', { kind: 'museum', museumId })
    };
  }

  /** A new tour, as a draft with no scenes yet. */
  async create(
    actor: Actor | null,
    museumId: number,
    input: NewTourInput
  ): Promise<{ ok: true; id: number } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.edit', { kind: 'museum', museumId });
    const checked = checkInBothLanguages(newTour, {
      ...input,
      title: { ru: plainText(input.title.ru), en: plainText(input.title.en) }
    });
    if (!checked.ok) return checked;
    const { slug, title } = checked.data;
    const id = await this.tours.create(museumId, slug, title);
    if (id === null) {
      return {
        ok: false,
        errors: [
          {
            field: 'slug',
            message: {
              ru: 'У музея уже есть экскурсия с таким адресом. Выберите другой.',
              en: 'The museum already has a tour at this address. Choose another.'
            }
          }
        ]
      };
    }
    const record: TourRecord = { slug, title, scenes: [], route: [], videos: [] };
    const now = this.clock().toISOString();
    await this.tours.revisions.insert(id, who.userId, 'draft', record, now);
    await this.audit(who, museumId, id, 'create', title);
    return { ok: true, id };
  }

  /** The version to edit (the open one, else the published one), with what changed and what is broken. */
  async open(actor: Actor | null, museumId: number, tourId: number) {
    const target = { kind: 'museum', museumId } as const;
    const who = requireAccess(actor, 'museum.read-drafts', target);
    const tour = await this.tours.find(museumId, tourId);
    if (!tour) throw new NotFoundOrForbidden();
    const open = await this.tours.revisions.open(tourId);
    const record = open?.data ?? tour.published;
    if (!record) throw new Error(`tour ${tourId} has neither a version nor a published record`);
    const assets = await this.assetMap(museumId, record);
    const exhibitIds = exhibitReferences(record);
    const published = new Set(
      (await this.exhibits.publishedAmong(museumId, exhibitIds)).map((e) => e.id)
    );
    return {
      tour: { id: tour.id, slug: tour.slug, title: tour.title },
      published: tour.published,
      record,
      revision: open ? { id: open.id, status: open.status, note: open.note } : null,
      changes: open && tour.published ? diffFlattened(tour.published, open.data) : [],
      broken: brokenHotspots(record, assets, published),
      /** Inventory numbers and titles of the exhibits the hotspots open. */
      exhibits: await this.exhibits.labels(museumId, exhibitIds),
      canPublish: can(who, 'museum.publish', target),
      canReview: can(who, 'museum.review', target)
    };
  }

  async save(
    actor: Actor | null,
    museumId: number,
    tourId: number,
    input: TourInput,
    intent: TourIntent
  ): Promise<TourEditResult> {
    const target = { kind: 'museum', museumId } as const;
    const who = requireAccess(actor, 'museum.edit', target);
    if (intent === 'publish') requireAccess(who, 'museum.publish', target);
    const tour = await this.tours.find(museumId, tourId);
    if (!tour) throw new NotFoundOrForbidden();
    // A tour's address is set when it is made: links and embeds on other sites point at it.
    const candidate = { ...input, slug: tour.slug };
    const checked = await this.check(museumId, candidate, intent !== 'draft');
    if (!checked.ok) return checked;
    const status = await this.flow.save(
      who,
      tour,
      checked.record,
      intent,
      this.auditOf(museumId, tourId)
    );
    return { ok: true, status };
  }

  /** A reviewer publishes what an editor submitted, checked again: a file may have gone since. */
  async approve(
    actor: Actor | null,
    museumId: number,
    tourId: number,
    revisionId: number
  ): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.review', { kind: 'museum', museumId });
    const tour = await this.tours.find(museumId, tourId);
    const revision = tour ? await this.flow.awaitingReview(tourId, revisionId) : undefined;
    if (!revision) throw new NotFoundOrForbidden();
    const checked = await this.check(museumId, revision.data, true);
    if (!checked.ok) return checked;
    await this.flow.approve(
      who,
      tourId,
      revisionId,
      checked.record,
      this.auditOf(museumId, tourId)
    );
    return { ok: true };
  }

  /** Sends a submitted version back to its author as a draft, with a note saying why. */
  async sendBack(
    actor: Actor | null,
    museumId: number,
    tourId: number,
    revisionId: number,
    note: string
  ): Promise<void> {
    const who = requireAccess(actor, 'museum.review', { kind: 'museum', museumId });
    const tour = await this.tours.find(museumId, tourId);
    const revision = tour ? await this.flow.awaitingReview(tourId, revisionId) : undefined;
    if (!revision) throw new NotFoundOrForbidden();
    await this.flow.sendBack(who, revision, note, this.auditOf(museumId, tourId));
  }

  /**
   * Takes a tour off the site and out of every embed at once; it stays restorable for
   * `RESTORABLE_DAYS`. Only those who may publish the museum's pages may unpublish one this way.
   */
  async delete(
    actor: Actor | null,
    museumId: number,
    tourId: number
  ): Promise<{ title: Localized }> {
    const who = requireAccess(actor, 'museum.publish', { kind: 'museum', museumId });
    const tour = await this.tours.find(museumId, tourId);
    if (!tour) throw new NotFoundOrForbidden();
    await this.tours.markDeleted(tourId, who.userId, this.clock().toISOString());
    await this.audit(who, museumId, tourId, 'delete', tour.title);
    this.onPublished();
    return { title: tour.title };
  }

  /** The museum's tours deleted within the last `RESTORABLE_DAYS`, with when they go for good. */
  async deleted(actor: Actor | null, museumId: number) {
    const target = { kind: 'museum', museumId } as const;
    const who = requireAccess(actor, 'museum.read-drafts', target);
    const tours = await this.tours.deletedSince(museumId, this.restorableSince());
    return {
      tours: tours.map((tour) => ({
        ...tour,
        restorableUntil: new Date(Date.parse(tour.deletedAt) + RESTORABLE_MS).toISOString()
      })),
      canRestore: can(who, 'museum.publish', target)
    };
  }

  /** Brings a deleted tour back as it was: published again if it was, with its open version. */
  async restore(
    actor: Actor | null,
    museumId: number,
    tourId: number
  ): Promise<{ title: Localized }> {
    const who = requireAccess(actor, 'museum.publish', { kind: 'museum', museumId });
    const now = this.clock().toISOString();
    if (!(await this.tours.restore(museumId, tourId, this.restorableSince(), now))) {
      throw new NotFoundOrForbidden();
    }
    const tour = await this.tours.find(museumId, tourId);
    if (!tour) throw new NotFoundOrForbidden();
    await this.audit(who, museumId, tourId, 'restore', tour.title);
    this.onPublished();
    return { title: tour.title };
  }

  private restorableSince(): string {
    return new Date(this.clock().getTime() - RESTORABLE_MS).toISOString();
  }

  async history(actor: Actor | null, museumId: number, tourId: number) {
    requireAccess(actor, 'museum.read-drafts', { kind: 'museum', museumId });
    if (!(await this.tours.find(museumId, tourId))) throw new NotFoundOrForbidden();
    return this.tours.revisions.history(tourId);
  }

  /** A version of the tour, a past one to preview before restoring it. */
  async version(actor: Actor | null, museumId: number, tourId: number, revisionId: number) {
    requireAccess(actor, 'museum.read-drafts', { kind: 'museum', museumId });
    const tour = await this.tours.find(museumId, tourId);
    return found(tour && (await this.flow.version(tourId, revisionId)));
  }

  /** A past published version as the new draft (VersionFlow.restore); a museum editor's right. */
  async restoreVersion(
    actor: Actor | null,
    museumId: number,
    tourId: number,
    revisionId: number,
    replacing: number | null
  ): Promise<RestoreResult> {
    const who = requireAccess(actor, 'museum.edit', { kind: 'museum', museumId });
    const tour = await this.tours.find(museumId, tourId);
    const audit = this.auditOf(museumId, tourId);
    return found(tour && (await this.flow.restore(who, tourId, revisionId, replacing, audit)));
  }

  private async check(museumId: number, input: TourInput, forVisitors: boolean) {
    const resolved = await this.findExhibits(museumId, input);
    // Ids are read from the raw input only to look them up; checkTour decides what is valid.
    const ids = rawAssetIds(resolved);
    const assets = new Map((await this.assetsOf(museumId, ids)).map((a) => [a.id, a]));
    const exhibits = await this.exhibits.existing(museumId, rawExhibitIds(resolved));
    return checkTour(resolved, assets, forVisitors, exhibits);
  }

  /** Exhibit hotspots named by inventory number get the exhibit's id (0 when there is none). */
  private async findExhibits(museumId: number, input: TourInput): Promise<TourInput> {
    const numbers = new Set<string>();
    const visit = (target: { kind?: unknown; inventoryNumber?: unknown }) => {
      if (target.kind === 'exhibit' && typeof target.inventoryNumber === 'string')
        numbers.add(target.inventoryNumber.trim());
    };
    const scenes = Array.isArray(input.scenes) ? input.scenes : [];
    for (const scene of scenes)
      for (const hotspot of Array.isArray(scene?.hotspots) ? scene.hotspots : [])
        if (hotspot?.target) visit(hotspot.target);
    numbers.delete('');
    if (numbers.size === 0) return input;
    const ids = await this.exhibits.idsByInventory(museumId, [...numbers]);
    return {
      ...input,
      scenes: scenes.map((scene) => ({
        ...scene,
        hotspots: (Array.isArray(scene?.hotspots) ? scene.hotspots : []).map((hotspot) => {
          const target = hotspot?.target;
          if (target?.kind !== 'exhibit' || typeof target.inventoryNumber !== 'string')
            return hotspot;
          return {
            ...hotspot,
            target: { ...target, exhibitId: ids.get(target.inventoryNumber.trim()) ?? 0 }
          };
        })
      }))
    };
  }

  private async assetMap(museumId: number, record: TourRecord) {
    const ids = assetReferences(record).map((r) => r.assetId);
    return new Map((await this.assetsOf(museumId, ids)).map((a) => [a.id, a]));
  }

  private auditOf(museumId: number, tourId: number): AuditWriter<TourRecord> {
    return (who, action, record, details) =>
      this.audit(who, museumId, tourId, action, record.title, details);
  }

  private async audit(
    who: Actor,
    museumId: number,
    tourId: number,
    action: string,
    title: { ru: string; en: string },
    details: Record<string, unknown> = {}
  ) {
    await this.staff.audit({
      userId: who.userId,
      museumId,
      action,
      entity: 'tour',
      entityId: String(tourId),
      details: { ...details, title }
    });
  }
}

/** Every positive integer under an `assetId`-like key of the raw input. */
function rawAssetIds(value: unknown, out = new Set<number>()): number[] {
  if (Array.isArray(value)) value.forEach((v) => rawAssetIds(v, out));
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (/assetId$/i.test(key) && Number.isInteger(inner) && Number(inner) > 0)
        out.add(Number(inner));
      else rawAssetIds(inner, out);
    }
  return [...out];
}

/** Every exhibit id the raw input's hotspots name. */
function rawExhibitIds(input: TourInput): number[] {
  const ids = new Set<number>();
  for (const scene of Array.isArray(input.scenes) ? input.scenes : [])
    for (const hotspot of Array.isArray(scene?.hotspots) ? scene.hotspots : [])
      if (hotspot?.target?.kind === 'exhibit' && Number.isInteger(hotspot.target.exhibitId))
        ids.add(hotspot.target.exhibitId);
  return [...ids];
}

/** The exhibits a tour's hotspots open. */
export function exhibitReferences(record: TourRecord): number[] {
  return [
    ...new Set(
      record.scenes.flatMap((scene) =>
        scene.hotspots.flatMap((h) => (h.target.kind === 'exhibit' ? [h.target.exhibitId] : []))
      )
    )
  ];
}

/** What tours need of the museum's exhibits (ExhibitRepository has it). */
export interface TourExhibits {
  idsByInventory(museumId: number, numbers: string[]): Promise<Map<string, number>>;
  existing(museumId: number, ids: number[]): Promise<Set<number>>;
  publishedAmong(museumId: number, ids: number[]): Promise<{ id: number }[]>;
  labels(
    museumId: number,
    ids: number[]
  ): Promise<{ id: number; inventoryNumber: string; title: { ru: string; en: string } }[]>;
}

const noExhibits: TourExhibits = {
  idsByInventory: async () => new Map(),
  existing: async () => new Set(),
  publishedAmong: async () => [],
  labels: async () => []
};

/**
 * Hotspots whose target is missing: a scene no longer in the tour, or a file no longer in the
 * museum's library. The editor marks them; the read model leaves them out for visitors.
 */
export function brokenHotspots(
  record: TourRecord,
  assets: Map<number, Asset>,
  /** The published exhibits among those the hotspots open. */
  exhibits: Set<number>
): BrokenHotspot[] {
  const scenes = new Set(record.scenes.map((s) => s.key));
  const broken: BrokenHotspot[] = [];
  for (const scene of record.scenes)
    for (const hotspot of scene.hotspots)
      if (!targetExists(hotspot.target, scenes, assets, exhibits))
        broken.push({ scene: scene.key, hotspot: hotspot.key });
  return broken;
}

export function targetExists(
  target: HotspotTarget,
  scenes: Set<string>,
  assets: Map<number, Asset>,
  exhibits: Set<number>
): boolean {
  switch (target.kind) {
    case 'scene':
      return scenes.has(target.sceneKey);
    case 'photo':
    case 'audio':
      return assets.get(target.assetId)?.status === 'ready';
    case 'exhibit':
      return exhibits.has(target.exhibitId);
    case 'text':
      return true;
  }
}
