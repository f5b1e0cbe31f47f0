import { z } from 'zod';
import { localized, slug as slugField } from '$lib/shared/fields';
import type { ProjectInput, ProjectOrigin, ProjectRecord } from '$lib/shared/project';
import {
  can,
  found,
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
  type RestoreResult,
  type SaveIntent,
  type SavedStatus
} from '../content/versions';
import type { Asset } from '../media/repository';
import { checkProject, rawReferences } from './checks';
import type { ProjectRepository } from './repository';

/** Whose project it is: a museum's, or the association's own. The same shape as an access target. */
export type ProjectOwner = Target;

export type ProjectEditResult =
  { ok: true; status: SavedStatus } | { ok: false; errors: FieldError[] };

const newProject = z.object({
  slug: slugField,
  title: localized,
  /** The first day; today when not given (staff set the period in the editor). */
  start: z.iso.date().optional()
});
export type NewProjectInput = z.input<typeof newProject>;

export const ownerMuseum = (owner: ProjectOwner) =>
  owner.kind === 'museum' ? owner.museumId : null;

/** The owner's files with these ids: a museum's library, or every member museum's for the association. */
export type OwnerAssets = (museumId: number | null, ids: number[]) => Promise<Asset[]>;

/**
 * Staff editing of projects: draft → waiting for review → published like an exhibition, through
 * the owner's rights (a museum's staff, or the association admins for the association's own).
 */
export class ProjectEditor {
  private readonly flow: VersionFlow<ProjectRecord>;

  constructor(
    private readonly projects: ProjectRepository,
    private readonly staff: StaffRepository,
    private readonly clock: () => Date,
    private readonly assetsOf: OwnerAssets,
    /** Told after a project visitors see has changed (the search index). */
    onPublished: (projectId: number) => void | Promise<void> = () => {}
  ) {
    this.flow = new VersionFlow(projects, clock, (id) => onPublished(id));
  }

  async list(actor: Actor | null, owner: ProjectOwner) {
    const who = requireAccess(actor, 'museum.read-drafts', owner);
    return {
      projects: await this.projects.list(ownerMuseum(owner)),
      canCreate: can(who, 'museum.edit', owner)
    };
  }

  /** A new project, as a draft with only its address, title and start. */
  async create(
    actor: Actor | null,
    owner: ProjectOwner,
    input: NewProjectInput,
    origin: ProjectOrigin = 'staff'
  ): Promise<{ ok: true; id: number } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.edit', owner);
    const checked = checkInBothLanguages(newProject, {
      slug: input.slug,
      title: { ru: plainText(input.title?.ru ?? ''), en: plainText(input.title?.en ?? '') },
      start: input.start || undefined
    });
    if (!checked.ok) return checked;
    const { slug, title } = checked.data;
    const start = checked.data.start ?? this.clock().toISOString().slice(0, 10);
    const id = await this.projects.create(ownerMuseum(owner), slug, title, origin);
    if (id === null)
      return {
        ok: false,
        errors: [
          {
            field: 'slug',
            message: {
              ru: 'Проект с таким адресом уже есть. Выберите другой.',
              en: 'There is already a project at this address. Choose another.'
            }
          }
        ]
      };
    const record: ProjectRecord = {
      slug,
      title,
      period: { start },
      partners: [],
      museumIds: [],
      eventIds: [],
      newsIds: [],
      results: { lines: [] },
      gallery: [],
      stops: []
    };
    const now = this.clock().toISOString();
    await this.projects.revisions.insert(id, who.userId, 'draft', record, now);
    await this.audit(owner, id)(who, 'save-draft', record, { created: true });
    return { ok: true, id };
  }

  /** The version to edit (the open one, else the published one) and what changed. */
  async open(actor: Actor | null, owner: ProjectOwner, projectId: number) {
    const who = requireAccess(actor, 'museum.read-drafts', owner);
    const project = await this.projects.find(ownerMuseum(owner), projectId);
    if (!project) throw new NotFoundOrForbidden();
    const open = await this.projects.revisions.open(projectId);
    const record = open?.data ?? project.published;
    if (!record)
      throw new Error(`project ${projectId} has neither a version nor a published record`);
    return {
      project: { id: project.id, slug: project.slug, origin: project.origin, title: project.title },
      published: project.published,
      record,
      revision: open ? { id: open.id, status: open.status, note: open.note } : null,
      changes: open && project.published ? diffFlattened(project.published, open.data) : [],
      canPublish: can(who, 'museum.publish', owner),
      canReview: can(who, 'museum.review', owner)
    };
  }

  async save(
    actor: Actor | null,
    owner: ProjectOwner,
    projectId: number,
    input: ProjectInput,
    intent: SaveIntent
  ): Promise<ProjectEditResult> {
    const who = requireAccess(actor, 'museum.edit', owner);
    if (intent === 'publish') requireAccess(who, 'museum.publish', owner);
    const project = await this.projects.find(ownerMuseum(owner), projectId);
    if (!project) throw new NotFoundOrForbidden();
    // The address is set when the project is made: links elsewhere point at it.
    const checked = await this.check(owner, { ...input, slug: project.slug }, intent !== 'draft');
    if (!checked.ok) return checked;
    const status = await this.flow.save(
      who,
      project,
      checked.record,
      intent,
      this.audit(owner, projectId)
    );
    return { ok: true, status };
  }

  /** A reviewer publishes what an editor submitted, checked again: a file may have gone since. */
  async approve(
    actor: Actor | null,
    owner: ProjectOwner,
    projectId: number,
    revisionId: number
  ): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'museum.review', owner);
    const project = await this.projects.find(ownerMuseum(owner), projectId);
    const revision = project ? await this.flow.awaitingReview(projectId, revisionId) : undefined;
    if (!revision) throw new NotFoundOrForbidden();
    const checked = await this.check(owner, revision.data, true);
    if (!checked.ok) return checked;
    await this.flow.approve(
      who,
      projectId,
      revisionId,
      checked.record,
      this.audit(owner, projectId)
    );
    return { ok: true };
  }

  async sendBack(
    actor: Actor | null,
    owner: ProjectOwner,
    projectId: number,
    revisionId: number,
    note: string
  ): Promise<void> {
    const who = requireAccess(actor, 'museum.review', owner);
    const project = await this.projects.find(ownerMuseum(owner), projectId);
    const revision = project ? await this.flow.awaitingReview(projectId, revisionId) : undefined;
    if (!revision) throw new NotFoundOrForbidden();
    await this.flow.sendBack(who, revision, note, this.audit(owner, projectId));
  }

  async history(actor: Actor | null, owner: ProjectOwner, projectId: number) {
    requireAccess(actor, 'museum.read-drafts', owner);
    if (!(await this.projects.find(ownerMuseum(owner), projectId))) throw new NotFoundOrForbidden();
    return this.projects.revisions.history(projectId);
  }

  /** A version of the project, a past one to preview before restoring it. */
  async version(actor: Actor | null, owner: ProjectOwner, projectId: number, revisionId: number) {
    requireAccess(actor, 'museum.read-drafts', owner);
    const project = await this.projects.find(ownerMuseum(owner), projectId);
    return found(project && (await this.flow.version(projectId, revisionId)));
  }

  /** A past published version as the new draft (VersionFlow.restore); the owner's editors' right. */
  async restoreVersion(
    actor: Actor | null,
    owner: ProjectOwner,
    projectId: number,
    revisionId: number,
    replacing: number | null
  ): Promise<RestoreResult> {
    const who = requireAccess(actor, 'museum.edit', owner);
    const project = await this.projects.find(ownerMuseum(owner), projectId);
    const audit = this.audit(owner, projectId);
    return found(
      project && (await this.flow.restore(who, projectId, revisionId, replacing, audit))
    );
  }

  /** Projects waiting for this person's review, for the dashboard: the edit page of each. */
  async waitingForReview(actor: Actor | null, locale: 'ru' | 'en') {
    if (!actor) return [];
    const scope = isAssociationAdmin(actor)
      ? ('all' as const)
      : actor.grants.flatMap((g) => (g.museumId === null ? [] : [g.museumId]));
    const rows = await this.projects.awaitingReview(scope);
    return rows
      .filter((r) =>
        can(
          actor,
          'museum.review',
          r.museum_id === null ? { kind: 'association' } : { kind: 'museum', museumId: r.museum_id }
        )
      )
      .map((r) => ({
        projectId: r.id,
        title: (locale === 'en' ? r.title_en : r.title_ru) || r.title_ru,
        owner: r.museum_id === null ? null : ((locale === 'en' ? r.name_en : r.name_ru) ?? ''),
        href:
          r.museum_id === null
            ? `/admin/association/projects/${r.id}`
            : `/admin/museums/${r.museum_id}/projects/${r.id}`
      }));
  }

  /** What the editor's lists offer: member museums, and the owner's files with these ids. */
  async choices(
    actor: Actor | null,
    owner: ProjectOwner,
    named: { assetIds: number[]; eventIds: number[]; newsIds: number[] }
  ) {
    requireAccess(actor, 'museum.read-drafts', owner);
    const [museums, files, events, news] = await Promise.all([
      this.projects.museumChoices(),
      this.assetsOf(ownerMuseum(owner), named.assetIds),
      this.projects.eventChoices(ownerMuseum(owner), named.eventIds),
      this.projects.newsChoices(ownerMuseum(owner), named.newsIds)
    ]);
    return { museums, files, events, news };
  }

  private async check(owner: ProjectOwner, input: ProjectInput, forVisitors: boolean) {
    // Ids are read from the raw input only to look them up; checkProject decides what is valid.
    const refs = rawReferences(input);
    const [assets, museums, events, news] = await Promise.all([
      this.assetsOf(ownerMuseum(owner), [...refs.assets]),
      this.projects.museumsAmong([...refs.museums]),
      this.projects.existingEvents([...refs.events]),
      this.projects.existingNews([...refs.news])
    ]);
    return checkProject(
      input,
      {
        assets: new Map(assets.map((a) => [a.id, a])),
        museums: new Set(museums.map((m) => m.id)),
        events,
        news
      },
      forVisitors
    );
  }

  private audit(owner: ProjectOwner, projectId: number): AuditWriter<ProjectRecord> {
    return async (who, action, record, details = {}) =>
      this.staff.audit({
        userId: who.userId,
        museumId: ownerMuseum(owner),
        action,
        entity: 'project',
        entityId: String(projectId),
        details: { ...details, title: record.title }
      });
  }
}
