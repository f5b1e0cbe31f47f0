import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { DialectTypes } from './types';

/** Museums, where they are, their hours and prices; the association and its governance. */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const id = <N extends string>(table: CreateTableBuilder<N, never>) =>
    t.dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const text = (name: string) => [name, 'text'] as const;

  await id(db.schema.createTable('districts'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('settlements'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('district_id', 'integer', (c) => c.references('districts.id'))
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('region_ru', 'text', (c) => c.notNull())
    .addColumn('region_en', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .execute();

  await id(db.schema.createTable('museums'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('membership', 'text', (c) =>
      c.notNull().check(sqlIn(['member', 'partner'], 'membership'))
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn(['active', 'establishing'], 'status'))
    )
    .addColumn('ownership', 'text', (c) =>
      c
        .notNull()
        .check(
          sqlIn(['state', 'municipal', 'private', 'departmental', 'public_movement'], 'ownership')
        )
    )
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn(...text('short_name_ru'))
    .addColumn(...text('short_name_en'))
    .addColumn('founded_year', 'integer')
    .addColumn(...text('founders_ru'))
    .addColumn(...text('founders_en'))
    .addColumn(...text('director_ru'))
    .addColumn(...text('director_en'))
    .addColumn(...text('director_title_ru'))
    .addColumn(...text('director_title_en'))
    .addColumn('settlement_id', 'integer', (c) => c.references('settlements.id'))
    .addColumn(...text('address_ru'))
    .addColumn(...text('address_en'))
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('phones', t.json, (c) => c.notNull())
    .addColumn('emails', t.json, (c) => c.notNull())
    .addColumn(...text('website'))
    .addColumn(...text('vk'))
    .addColumn(...text('telegram'))
    .addColumn(...text('ok'))
    .addColumn(...text('hours_rule'))
    .addColumn(...text('hours_note_ru'))
    .addColumn(...text('hours_note_en'))
    .addColumn(...text('accessibility_ru'))
    .addColumn(...text('accessibility_en'))
    .addColumn('free_admission', t.json, (c) => c.notNull())
    .addColumn(...text('summary_ru'))
    .addColumn(...text('summary_en'))
    .addColumn(...text('about_ru'))
    .addColumn(...text('about_en'))
    .addColumn(...text('history_ru'))
    .addColumn(...text('history_en'))
    .addColumn('publication', 'text', (c) =>
      c
        .notNull()
        .defaultTo('published')
        .check(sqlIn(['draft', 'published'], 'publication'))
    )
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();
  await db.schema.createIndex('museums_settlement').on('museums').column('settlement_id').execute();

  await id(db.schema.createTable('museum_contact_people'))
    .addColumn('museum_id', 'integer', (c) =>
      c.notNull().references('museums.id').onDelete('cascade')
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn(...text('role_ru'))
    .addColumn(...text('role_en'))
    .addColumn(...text('phone'))
    .addColumn(...text('email'))
    .execute();

  await id(db.schema.createTable('price_offers'))
    .addColumn('museum_id', 'integer', (c) =>
      c.notNull().references('museums.id').onDelete('cascade')
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('category_ru', 'text', (c) => c.notNull())
    .addColumn('category_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sqlIn(['amount', 'free', 'by_agreement'], 'kind'))
    )
    .addColumn('amount_rub', 'integer', (c) =>
      c.check(sqlRaw('amount_rub IS NULL OR amount_rub >= 0'))
    )
    .addColumn(...text('conditions_ru'))
    .addColumn(...text('conditions_en'))
    .execute();

  // museum_id NULL: a notice of the association itself.
  await id(db.schema.createTable('notices'))
    .addColumn('museum_id', 'integer', (c) => c.references('museums.id').onDelete('cascade'))
    .addColumn('body_ru', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('valid_from', t.date)
    .addColumn('valid_until', t.date)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  await db.schema
    .createTable('association')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sqlRaw('id = 1')))
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('short_name_ru', 'text', (c) => c.notNull())
    .addColumn('short_name_en', 'text', (c) => c.notNull())
    .addColumn('summary_ru', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text', (c) => c.notNull())
    .addColumn(...text('about_ru'))
    .addColumn(...text('about_en'))
    .addColumn(...text('goals_ru'))
    .addColumn(...text('goals_en'))
    .addColumn(...text('founders_ru'))
    .addColumn(...text('founders_en'))
    .addColumn('founded_on', t.date)
    .addColumn('registered_on', t.date)
    .addColumn('member_towns', t.json, (c) => c.notNull())
    .addColumn(...text('address_ru'))
    .addColumn(...text('address_en'))
    .addColumn('phones', t.json, (c) => c.notNull())
    .addColumn('emails', t.json, (c) => c.notNull())
    .addColumn(...text('website'))
    .execute();

  await id(db.schema.createTable('governance_roles'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) =>
      c.notNull().check(sqlIn(['leadership', 'council', 'revision_commission'], 'body'))
    )
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('person_ru', 'text', (c) => c.notNull())
    .addColumn('person_en', 'text', (c) => c.notNull())
    .addColumn(...text('affiliation_ru'))
    .addColumn(...text('affiliation_en'))
    .execute();

  await id(db.schema.createTable('projects'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title_ru', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn(...text('period_ru'))
    .addColumn(...text('period_en'))
    .addColumn(...text('summary_ru'))
    .addColumn(...text('summary_en'))
    .addColumn(...text('body_ru'))
    .addColumn(...text('body_en'))
    .execute();
}

function sqlIn(values: string[], column: string) {
  return sqlRaw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`);
}

function sqlRaw(expression: string) {
  return sql.raw(expression);
}
