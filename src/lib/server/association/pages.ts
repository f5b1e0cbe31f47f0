import type { Locale } from '$lib/shared/museum';
import { pick } from '$lib/shared/localize';
import type { AssociationRepository } from './repository';

/** The visitors' view of the association: about, governance and projects in one language. */
export class AssociationPages {
  constructor(private readonly association: AssociationRepository) {}

  async about(locale: Locale) {
    const a = await this.association.find();
    if (!a) return undefined;
    return {
      name: pick(locale, a.name_ru, a.name_en),
      shortName: pick(locale, a.short_name_ru, a.short_name_en),
      summary: pick(locale, a.summary_ru, a.summary_en),
      about: pick(locale, a.about_ru, a.about_en),
      goals: pick(locale, a.goals_ru, a.goals_en),
      founders: pick(locale, a.founders_ru, a.founders_en),
      foundedOn: a.founded_on,
      registeredOn: a.registered_on,
      memberTowns: a.member_towns.map((t) => pick(locale, t.ru, t.en)),
      address: pick(locale, a.address_ru, a.address_en),
      phones: a.phones.map((p) => p.number),
      emails: a.emails,
      website: a.website
    };
  }

  async governance(locale: Locale) {
    const rows = await this.association.governance();
    return rows.map((r) => ({
      body: r.body,
      role: r.role,
      person: pick(locale, r.person_ru, r.person_en),
      affiliation: pick(locale, r.affiliation_ru, r.affiliation_en)
    }));
  }

  async projects(locale: Locale) {
    const rows = await this.association.projects();
    return rows.map((p) => ({
      slug: p.slug,
      title: pick(locale, p.title_ru, p.title_en),
      period: pick(locale, p.period_ru, p.period_en),
      summary: pick(locale, p.summary_ru, p.summary_en),
      body: pick(locale, p.body_ru, p.body_en)
    }));
  }
}
