import { z } from 'zod';
import { pick } from '$lib/shared/localize';
import type { Locale } from '$lib/shared/museum';
import { projectInput } from '$lib/shared/project';
import type {
  ReportEventRow,
  ReportPeriod,
  ReportProjectRow,
  ReportView
} from '$lib/shared/report';
import {
  NotFoundOrForbidden,
  can,
  isAssociationAdmin,
  requireAccess,
  type Actor,
  type Target
} from '../auth/access';
import { associationTimeZone } from '../auth/audit-lines';
import { readJson } from '../db/json';
import { addDays, instantOfWallClock, parseIsoDate, wallClockAt } from '../hours/timezone';
import type { ReportRepository, ReportScope } from './repository';

export const reportPeriod = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((p) => p.to >= p.from, { path: ['to'], message: 'to: not before from' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 3 * 366 * 86_400_000, {
    path: ['to'],
    message: 'to: at most three years after from'
  });

/**
 * Reports of a museum (for its staff) and of the association (for its admins): what happened in a
 * period, counted from published events and their sessions, registrations with attendance, and
 * published projects with their itineraries. Days are the owner's: the museum's time zone, or
 * Khabarovsk's for the association.
 */
export class Reports {
  constructor(
    private readonly reports: ReportRepository,
    private readonly clock: () => Date
  ) {}

  /** Throws "not found or no access" unless the actor may read the owner's working data. */
  authorize(actor: Actor | null, owner: Target): Actor {
    return requireAccess(actor, 'museum.read-drafts', owner);
  }

  /**
   * Whose reports this person may read: the association's (its admins) and each museum they
   * work on (every museum for an admin of the association).
   */
  async owners(actor: Actor | null, locale: Locale) {
    if (!actor) throw new NotFoundOrForbidden();
    const admin = isAssociationAdmin(actor);
    const ids = admin
      ? ('all' as const)
      : actor.grants.flatMap((g) => (g.museumId === null ? [] : [g.museumId]));
    const museums = (await this.reports.museums(ids)).filter((m) =>
      can(actor, 'museum.read-drafts', { kind: 'museum', museumId: m.id })
    );
    return {
      association: admin,
      museums: museums.map((m) => ({ id: m.id, name: pick(locale, m.name_ru, m.name_en) }))
    };
  }

  /** The year so far, in the owner's days: the period a report opens with. */
  async defaultPeriod(owner: Target): Promise<ReportPeriod> {
    const museum = owner.kind === 'museum' ? await this.reports.museum(owner.museumId) : undefined;
    const wc = wallClockAt(this.clock(), museum?.timeZone ?? associationTimeZone);
    const pad = (n: number) => String(n).padStart(2, '0');
    return { from: `${wc.year}-01-01`, to: `${wc.year}-${pad(wc.month)}-${pad(wc.day)}` };
  }

  async report(
    actor: Actor | null,
    owner: Target,
    period: ReportPeriod,
    locale: Locale
  ): Promise<ReportView> {
    this.authorize(actor, owner);
    const museum = owner.kind === 'museum' ? await this.reports.museum(owner.museumId) : undefined;
    const timeZone = museum?.timeZone ?? associationTimeZone;
    const scope: ReportScope = owner.kind === 'museum' ? { museumId: owner.museumId } : 'all';
    const startOf = (date: string) => {
      const { year, month, day } = parseIsoDate(date);
      return instantOfWallClock({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
    };
    const from = startOf(period.from);
    // Held: started before now, within the period's days.
    const end = new Date(
      Math.min(startOf(addDays(period.to, 1)).getTime(), this.clock().getTime())
    );
    const sessions =
      end > from
        ? await this.reports.sessionsHeld(scope, from.toISOString(), end.toISOString())
        : [];
    const attendance = await this.reports.attendance(sessions.map((s) => s.session_id));
    const dayOf = (instant: string) => {
      const wc = wallClockAt(new Date(instant), timeZone);
      return `${wc.year}-${String(wc.month).padStart(2, '0')}-${String(wc.day).padStart(2, '0')}`;
    };

    const events = new Map<number, ReportEventRow>();
    const months = new Map<string, { events: Set<number>; attended: number }>();
    for (const month of monthsBetween(period.from, period.to))
      months.set(month, { events: new Set(), attended: 0 });
    let registered = 0;
    let attended = 0;
    for (const s of sessions) {
      const counts = attendance.get(s.session_id) ?? { registered: 0, attended: 0 };
      registered += counts.registered;
      attended += counts.attended;
      const day = dayOf(s.starts_at);
      const row = events.get(s.event_id) ?? {
        title: pick(locale, s.title_ru, s.title_en),
        organiser: s.museum_ru === null ? null : pick(locale, s.museum_ru, s.museum_en ?? ''),
        district: s.district_ru === null ? null : pick(locale, s.district_ru, s.district_en ?? ''),
        sessions: 0,
        date: day,
        registered: 0,
        attended: 0
      };
      row.sessions += 1;
      row.registered += counts.registered;
      row.attended += counts.attended;
      events.set(s.event_id, row);
      const month = months.get(day.slice(0, 7));
      if (month) {
        month.events.add(s.event_id);
        month.attended += counts.attended;
      }
    }

    const { projects, stops } = await this.reports.projectsWithin(scope, period.from, period.to);
    const districts = new Map<string, string>();
    for (const e of events.values())
      if (e.district) districts.set(e.district.toLowerCase(), e.district);
    const projectRows: ReportProjectRow[] = projects.map((p) => {
      const whole =
        !!p.starts_on && p.starts_on >= period.from && !!p.ends_on && p.ends_on <= period.to;
      const own = stops.filter((s) => s.project_id === p.id);
      const within = own.filter((s) =>
        s.starts_on ? s.starts_on <= period.to && (s.ends_on ?? s.starts_on) >= period.from : whole
      );
      for (const s of within) {
        const name = pick(locale, s.district_ru, s.district_en);
        districts.set(name.toLowerCase(), name);
      }
      const stopParticipants = within.reduce((sum, s) => sum + (s.participants ?? 0), 0);
      const participants = participantsOf(p.published);
      return {
        title: pick(locale, p.title_ru, p.title_en),
        organiser: p.museum_ru === null ? null : pick(locale, p.museum_ru, p.museum_en ?? ''),
        participants,
        stopParticipants,
        stops: within.length,
        counted: whole ? (participants ?? stopParticipants) : stopParticipants
      };
    });

    const eventRows = [...events.values()];
    return {
      period,
      owner: museum ? pick(locale, museum.name.ru, museum.name.en) : null,
      totals: {
        eventsHeld: eventRows.length,
        sessionsHeld: sessions.length,
        registered,
        attended,
        projects: projectRows.length,
        projectParticipants: projectRows.reduce((sum, p) => sum + p.counted, 0),
        districts: districts.size
      },
      months: [...months].map(([month, m]) => ({
        month,
        events: m.events.size,
        attended: m.attended
      })),
      events: eventRows,
      projects: projectRows,
      districts: [...districts.values()].sort((a, b) => a.localeCompare(b, locale))
    };
  }
}

/** The published figure of participants of a project record. */
function participantsOf(published: unknown): number | null {
  const parsed = projectInput.safeParse(readJson(published));
  return parsed.success ? (parsed.data.results.participants ?? null) : null;
}

/** `YYYY-MM` of every month the period touches. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    out.push(key);
    if (key >= last || out.length > 40) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}
