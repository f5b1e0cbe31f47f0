import type { Locale } from '$lib/shared/museum';
import { pick } from '$lib/shared/localize';
import { parseIsoDate, addDays, instantOfWallClock } from '../hours/timezone';
import { can, isAssociationAdmin, NotFoundOrForbidden, type Actor } from './access';
import type { AuditFilter, StaffRepository } from './staff-repository';
import { associationTimeZone, auditActions, describeAudit, type AuditLine } from './audit-lines';
import type { MuseumRepository } from '../museums/repository';

/** What a person asks the audit page for; dates are days on Khabarovsk's calendar. */
export interface AuditQuery {
  museumId?: number;
  userId?: string;
  action?: string;
  from?: string;
  until?: string;
  /** The id below which the page starts (keyset paging). */
  before?: number;
}

export interface AuditPage {
  lines: AuditLine[];
  /** The `before` of the next (older) page, or null on the last one. */
  next: number | null;
}

const pageSize = 50;

/**
 * Who changed what and when, as readable lines. Museum admins read their museums' entries, the
 * association reads everything (including sign-ins, which belong to no museum); editors nothing.
 */
export class AuditLog {
  constructor(
    private readonly staff: StaffRepository,
    private readonly museums: MuseumRepository,
    private readonly clock: () => Date
  ) {}

  /** The museums whose log the actor may read, or 'all'; "no access" when there are none. */
  scope(actor: Actor | null, museumId?: number): number[] | 'all' {
    if (!actor) throw new NotFoundOrForbidden();
    if (museumId !== undefined) {
      if (!can(actor, 'audit.read', { kind: 'museum', museumId })) throw new NotFoundOrForbidden();
      return [museumId];
    }
    if (isAssociationAdmin(actor)) return 'all';
    const own = actor.grants.flatMap((g) =>
      g.museumId !== null && can(actor, 'audit.read', { kind: 'museum', museumId: g.museumId })
        ? [g.museumId]
        : []
    );
    if (own.length === 0) throw new NotFoundOrForbidden();
    return own;
  }

  /** Whether the actor may read any of the log (for showing links and lists). */
  readable(actor: Actor | null): boolean {
    try {
      this.scope(actor);
      return true;
    } catch {
      return false;
    }
  }

  async page(actor: Actor | null, query: AuditQuery, locale: Locale): Promise<AuditPage> {
    const museums = this.scope(actor, query.museumId);
    const filter: AuditFilter = {
      museums,
      userId: query.userId,
      actions: query.action ? [query.action] : undefined,
      from: query.from ? startOfDay(query.from) : undefined,
      until: query.until ? startOfDay(addDays(query.until, 1)) : undefined,
      before: query.before
    };
    const rows = await this.staff.auditEntries(filter, pageSize + 1);
    const now = this.clock();
    const shown = rows.slice(0, pageSize);
    return {
      lines: shown.map((row) => describeAudit(row, locale, now)),
      next: rows.length > pageSize ? shown[shown.length - 1]!.id : null
    };
  }

  /** The latest lines the actor may read, for the dashboard; none for those who may read none. */
  async recent(actor: Actor | null, locale: Locale, limit = 10): Promise<AuditLine[]> {
    if (!this.readable(actor)) return [];
    const rows = await this.staff.auditEntries({ museums: this.scope(actor) }, limit);
    const now = this.clock();
    return rows.map((row) => describeAudit(row, locale, now));
  }

  /** What the filters offer: the museums and people in the actor's part of the log. */
  async filterChoices(actor: Actor | null, locale: Locale) {
    const museums = this.scope(actor);
    const [names, people] = await Promise.all([
      this.museums.namesOf(museums),
      this.staff.auditPeople(museums)
    ]);
    return {
      museums: names.map((n) => ({ id: n.id, name: pick(locale, n.name_ru, n.name_en) })),
      people,
      actions: auditActions
    };
  }
}

/** Midnight of a Khabarovsk calendar day, as an instant. */
function startOfDay(date: string): string {
  const { year, month, day } = parseIsoDate(date);
  return instantOfWallClock(
    { year, month, day, hour: 0, minute: 0, second: 0 },
    associationTimeZone
  ).toISOString();
}

export type AuditQueryError = 'date' | 'range';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const { year, month, day } = parseIsoDate(value);
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The audit page's filters from its URL. A malformed date is reported beside its field (and
 * not applied); other unknown values are dropped, as the directory's filters are.
 */
export function readAuditQuery(params: URLSearchParams): {
  query: AuditQuery;
  values: Record<'museum' | 'person' | 'action' | 'from' | 'until', string>;
  errors: Partial<Record<'from' | 'until', AuditQueryError>>;
} {
  const text = (name: string) => (params.get(name) ?? '').trim();
  const values = {
    museum: text('museum'),
    person: text('person'),
    action: text('action'),
    from: text('from'),
    until: text('until')
  };
  const errors: Partial<Record<'from' | 'until', AuditQueryError>> = {};
  const query: AuditQuery = {};
  const museumId = Number(values.museum);
  if (Number.isInteger(museumId) && museumId > 0) query.museumId = museumId;
  if (values.person) query.userId = values.person;
  if ((auditActions as readonly string[]).includes(values.action)) query.action = values.action;
  for (const name of ['from', 'until'] as const) {
    if (!values[name]) continue;
    if (validDate(values[name])) query[name] = values[name];
    else errors[name] = 'date';
  }
  if (query.from && query.until && query.until < query.from) {
    errors.until = 'range';
    delete query.until;
  }
  const before = Number(text('before'));
  if (Number.isInteger(before) && before > 0) query.before = before;
  return { query, values, errors };
}
