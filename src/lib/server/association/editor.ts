import {
  associationInput,
  type AssociationInput,
  type AssociationRecord
} from '$lib/shared/association';
import { NotFoundOrForbidden, requireAccess, type Actor } from '../auth/access';
import type { StaffRepository } from '../auth/staff-repository';
import { checkInBothLanguages, type FieldError } from '../content/checks';
import { checkNoticeDates } from '../content/notices';
import { sanitizeRichPair } from '../content/rich-text';
import type { AssociationRepository } from './repository';

export type AssociationChecked =
  { ok: true; record: AssociationRecord } | { ok: false; errors: FieldError[] };

/**
 * Every rule the association's record must meet: the schema (messages in Russian and English),
 * notices that end after they start, project addresses that are unique, and rich text (about,
 * goals, project descriptions) cleaned of anything but structure.
 */
export function checkAssociation(input: AssociationInput): AssociationChecked {
  const parsed = checkInBothLanguages(associationInput, input);
  if (!parsed.ok) return parsed;
  const record = parsed.data;
  const errors = [...checkNoticeDates(record.notices)];
  record.projects.forEach((project, i) => {
    if (record.projects.findIndex((p) => p.slug === project.slug) < i) {
      errors.push({
        field: `projects.${i}.slug`,
        message: {
          ru: 'Этот адрес уже у другого проекта.',
          en: 'Another project already has this address.'
        }
      });
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    record: {
      ...record,
      about: sanitizeRichPair(record.about),
      goals: sanitizeRichPair(record.goals),
      projects: record.projects.map((p) => ({ ...p, body: sanitizeRichPair(p.body) }))
    }
  };
}

/**
 * The association admins' editing of the association's record and the pages it fills: about,
 * governance and projects. Only association admins may; a change is public at once (there is
 * no review above them), recorded in the audit log, and the shared cache is told.
 */
export class AssociationEditor {
  constructor(
    private readonly association: AssociationRepository,
    private readonly staff: StaffRepository,
    /** Told after anything visitors see has changed. */
    private readonly onPublished: () => void = () => {}
  ) {}

  async open(actor: Actor | null): Promise<AssociationRecord> {
    requireAccess(actor, 'association.edit', { kind: 'association' });
    const record = await this.association.record();
    if (!record) throw new NotFoundOrForbidden();
    return record;
  }

  async save(
    actor: Actor | null,
    input: AssociationInput
  ): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
    const who = requireAccess(actor, 'association.edit', { kind: 'association' });
    const checked = checkAssociation(input);
    if (!checked.ok) return checked;
    await this.association.save(checked.record);
    await this.staff.audit({
      userId: who.userId,
      museumId: null,
      action: 'publish',
      entity: 'association',
      entityId: null
    });
    this.onPublished();
    return { ok: true };
  }
}
