import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Whose report: one museum's things, or everything (the association's report). */
export type ReportScope = { museumId: number } | 'all';

/** SQL of reports: sessions held, registrations and attendance, projects and their stops. */
export class ReportRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** A museum's name and time zone (its report's days are its own). */
  async museum(museumId: number) {
    const row = await this.db
      .selectFrom('museums')
      .where('id', '=', museumId)
      .select(['name_ru', 'name_en', 'time_zone'])
      .executeTakeFirst();
    return row
      ? { name: { ru: row.name_ru, en: row.name_en }, timeZone: row.time_zone }
      : undefined;
  }

  /** Member museums by name, for choosing whose report to read. */
  async museums(ids: number[] | 'all') {
    let query = this.db
      .selectFrom('museums')
      .select(['id', 'name_ru', 'name_en'])
      .orderBy('name_ru');
    if (ids !== 'all') {
      if (ids.length === 0) return [];
      query = query.where('id', 'in', ids);
    }
    return query.execute();
  }

  /**
   * Sessions of published events that started within [from, to) (UTC instants) and were not
   * called off, with their event, organiser and district.
   */
  async sessionsHeld(scope: ReportScope, from: string, to: string) {
    let query = this.db
      .selectFrom('event_sessions')
      .innerJoin('events', 'events.id', 'event_sessions.event_id')
      .leftJoin('museums', 'museums.id', 'events.museum_id')
      .leftJoin('districts', 'districts.id', 'events.district_id')
      .where('events.published', 'is not', null)
      .where('event_sessions.status', 'in', ['scheduled', 'moved'])
      .where((eb) =>
        eb.or([eb('events.status', 'is', null), eb('events.status', '!=', 'cancelled')])
      )
      .where('event_sessions.starts_at', '>=', from)
      .where('event_sessions.starts_at', '<', to)
      .select([
        'event_sessions.id as session_id',
        'event_sessions.starts_at',
        'events.id as event_id',
        'events.title_ru',
        'events.title_en',
        'museums.name_ru as museum_ru',
        'museums.name_en as museum_en',
        'districts.name_ru as district_ru',
        'districts.name_en as district_en'
      ])
      .orderBy('event_sessions.starts_at')
      .orderBy('event_sessions.id');
    if (scope !== 'all') query = query.where('events.museum_id', '=', scope.museumId);
    return query.execute();
  }

  /**
   * People registered (confirmed) and people marked as having come, per session. A group counts
   * as its number of people.
   */
  async attendance(sessionIds: number[]) {
    const counts = new Map<number, { registered: number; attended: number }>();
    if (sessionIds.length === 0) return counts;
    for (let i = 0; i < sessionIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('registrations')
        .where('session_id', 'in', sessionIds.slice(i, i + 500))
        .where('status', '=', 'confirmed')
        .groupBy('session_id')
        .select((eb) => [
          'session_id',
          eb.fn.sum<number | string>('people').as('registered'),
          eb.fn
            .sum<number | string>(
              eb.case().when('attended', '=', 1).then(eb.ref('people')).else(0).end()
            )
            .as('attended')
        ])
        .execute();
      for (const r of rows)
        counts.set(r.session_id, {
          registered: Number(r.registered ?? 0),
          attended: Number(r.attended ?? 0)
        });
    }
    return counts;
  }

  /**
   * Published projects whose period meets [from, to] (ISO dates), with their stops within it: of
   * one museum (its own), or all of them.
   */
  async projectsWithin(scope: ReportScope, from: string, to: string) {
    let query = this.db
      .selectFrom('projects')
      .leftJoin('museums', 'museums.id', 'projects.museum_id')
      .where('projects.published', 'is not', null)
      .where('projects.starts_on', '<=', to)
      .where((eb) =>
        eb.or([eb('projects.ends_on', 'is', null), eb('projects.ends_on', '>=', from)])
      )
      .select([
        'projects.id',
        'projects.title_ru',
        'projects.title_en',
        'projects.starts_on',
        'projects.ends_on',
        'projects.published',
        'museums.name_ru as museum_ru',
        'museums.name_en as museum_en'
      ])
      .orderBy('projects.starts_on')
      .orderBy('projects.id');
    if (scope !== 'all') query = query.where('projects.museum_id', '=', scope.museumId);
    const projects = await query.execute();
    const ids = projects.map((p) => p.id);
    const stops =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom('project_stops')
            .where('project_id', 'in', ids)
            .select([
              'project_id',
              'district_ru',
              'district_en',
              'starts_on',
              'ends_on',
              'participants'
            ])
            .orderBy('project_id')
            .orderBy('position')
            .execute();
    return { projects, stops };
  }
}
