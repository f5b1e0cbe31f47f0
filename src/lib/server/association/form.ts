import {
  governanceBodies,
  governanceRoles,
  type AssociationInput,
  type AssociationRecord
} from '$lib/shared/association';
import { FormFields } from '../forms/fields';
import { readNotices } from '../forms/notices';

/**
 * Reads the association's form (plain HTML, works without JavaScript). Lists are one item a
 * line; governance, projects and notices are numbered rows, and an empty row is no row. A list
 * the page did not show keeps what was saved.
 */
export function readAssociationForm(
  form: FormData | FormFields,
  base: AssociationRecord
): AssociationInput {
  const f = form instanceof FormFields ? form : new FormFields(form);
  const required = (name: string) => f.pair(name) ?? { ru: '', en: '' };

  const governance = f.has('governance')
    ? f.rows('governance', (row) => {
        const person = f.pair(`${row}.person`);
        const affiliation = f.pair(`${row}.affiliation`);
        if (!person && !affiliation) return null;
        return {
          body: governanceBodies.find((b) => b === f.text(`${row}.body`)) ?? 'council',
          role: governanceRoles.find((r) => r === f.text(`${row}.role`)) ?? 'council_member',
          person: person ?? { ru: '', en: '' },
          affiliation
        };
      })
    : base.governance;

  const projects = f.has('projects')
    ? f.rows('projects', (row) => {
        const slug = f.text(`${row}.slug`);
        const title = f.pair(`${row}.title`);
        const period = f.pair(`${row}.period`);
        const summary = f.pair(`${row}.summary`);
        const body = f.pair(`${row}.body`);
        if (!slug && !title && !period && !summary && !body) return null;
        return { slug, title: title ?? { ru: '', en: '' }, period, summary, body };
      })
    : base.projects;

  return {
    ...base,
    name: required('name'),
    shortName: required('shortName'),
    summary: required('summary'),
    about: f.pair('about'),
    goals: f.pair('goals'),
    founders: f.pair('founders'),
    foundedOn: f.date('foundedOn'),
    registeredOn: f.date('registeredOn'),
    memberTowns: f.pairLines('memberTowns'),
    address: f.pair('address'),
    // A number typed again keeps the label it had.
    phones: f
      .lines('phones')
      .map((number) => base.phones.find((p) => p.number === number) ?? { number }),
    emails: f.lines('emails'),
    website: f.optional('website'),
    governance,
    projects,
    notices: f.has('notices') ? readNotices(f) : base.notices
  };
}
