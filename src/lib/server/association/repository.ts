import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import { insertNotices } from '../db/notices';
import { associationInput, type AssociationRecord } from '$lib/shared/association';

/** SQL for the association: its single record, governance and projects. */
export class AssociationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async find() {
    const row = await this.db.selectFrom('association').selectAll().executeTakeFirst();
    if (!row) return undefined;
    return {
      ...row,
      member_towns: readJson(row.member_towns),
      phones: readJson(row.phones),
      emails: readJson(row.emails)
    };
  }

  governance() {
    return this.db
      .selectFrom('governance_roles')
      .select(['body', 'role', 'person_ru', 'person_en', 'affiliation_ru', 'affiliation_en'])
      .orderBy('position')
      .execute();
  }

  projects() {
    return this.db
      .selectFrom('association_projects')
      .select([
        'slug',
        'title_ru',
        'title_en',
        'period_ru',
        'period_en',
        'summary_ru',
        'summary_en',
        'body_ru',
        'body_en'
      ])
      .orderBy('position')
      .execute();
  }

  /** The whole record as staff edit it: the row, governance, projects and the association's notices. */
  async record(): Promise<AssociationRecord | undefined> {
    const a = await this.find();
    if (!a) return undefined;
    const [governance, projects, notices] = await Promise.all([
      this.governance(),
      this.projects(),
      this.db
        .selectFrom('notices')
        .where('museum_id', 'is', null)
        .select(['body_ru', 'body_en', 'valid_from', 'valid_until'])
        .orderBy('id')
        .execute()
    ]);
    const pair = (ru: string | null, en: string | null) =>
      ru || en ? { ru: ru ?? '', en: en ?? '' } : null;
    // Parsed, not cast: governance roles are plain text in the table.
    return associationInput.parse({
      name: { ru: a.name_ru, en: a.name_en },
      shortName: { ru: a.short_name_ru, en: a.short_name_en },
      summary: { ru: a.summary_ru, en: a.summary_en },
      about: pair(a.about_ru, a.about_en),
      goals: pair(a.goals_ru, a.goals_en),
      founders: pair(a.founders_ru, a.founders_en),
      foundedOn: a.founded_on,
      registeredOn: a.registered_on,
      memberTowns: a.member_towns,
      address: pair(a.address_ru, a.address_en),
      phones: a.phones,
      emails: a.emails,
      website: a.website,
      governance: governance.map((g) => ({
        body: g.body,
        role: g.role,
        person: { ru: g.person_ru, en: g.person_en },
        affiliation: pair(g.affiliation_ru, g.affiliation_en)
      })),
      projects: projects.map((p) => ({
        slug: p.slug,
        title: { ru: p.title_ru, en: p.title_en },
        period: pair(p.period_ru, p.period_en),
        summary: pair(p.summary_ru, p.summary_en),
        body: pair(p.body_ru, p.body_en)
      })),
      notices: notices.map((n) => ({
        body: { ru: n.body_ru, en: n.body_en },
        validFrom: n.valid_from,
        validUntil: n.valid_until
      }))
    });
  }

  /** Replaces the association's record, governance, projects and own notices in one transaction. */
  async save(a: AssociationRecord): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const values = {
        name_ru: a.name.ru,
        name_en: a.name.en,
        short_name_ru: a.shortName.ru,
        short_name_en: a.shortName.en,
        summary_ru: a.summary.ru,
        summary_en: a.summary.en,
        about_ru: a.about?.ru ?? null,
        about_en: a.about?.en ?? null,
        goals_ru: a.goals?.ru ?? null,
        goals_en: a.goals?.en ?? null,
        founders_ru: a.founders?.ru ?? null,
        founders_en: a.founders?.en ?? null,
        founded_on: a.foundedOn ?? null,
        registered_on: a.registeredOn ?? null,
        member_towns: writeJson(a.memberTowns),
        address_ru: a.address?.ru ?? null,
        address_en: a.address?.en ?? null,
        phones: writeJson(a.phones),
        emails: writeJson(a.emails),
        website: a.website ?? null
      };
      await trx
        .insertInto('association')
        .values({ id: 1, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
      await trx.deleteFrom('governance_roles').execute();
      if (a.governance.length > 0) {
        await trx
          .insertInto('governance_roles')
          .values(
            a.governance.map((g, position) => ({
              position,
              body: g.body,
              role: g.role,
              person_ru: g.person.ru,
              person_en: g.person.en,
              affiliation_ru: g.affiliation?.ru ?? null,
              affiliation_en: g.affiliation?.en ?? null
            }))
          )
          .execute();
      }
      await trx.deleteFrom('association_projects').execute();
      if (a.projects.length > 0) {
        await trx
          .insertInto('association_projects')
          .values(
            a.projects.map((p, position) => ({
              slug: p.slug,
              position,
              title_ru: p.title.ru,
              title_en: p.title.en,
              period_ru: p.period?.ru ?? null,
              period_en: p.period?.en ?? null,
              summary_ru: p.summary?.ru ?? null,
              summary_en: p.summary?.en ?? null,
              body_ru: p.body?.ru ?? null,
              body_en: p.body?.en ?? null
            }))
          )
          .execute();
      }
      await trx.deleteFrom('notices').where('museum_id', 'is', null).execute();
      await insertNotices(trx, null, a.notices);
    });
  }
}
