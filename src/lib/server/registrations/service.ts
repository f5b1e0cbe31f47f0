import type { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import { csvFile, xlsxFile, type TableCell } from '../content/table-file';
import type { DB } from '../db/schema';
import type { Mailer } from '../mail/mailer';
import type { JobQueue } from '../jobs/queue';
import type { StaffRepository } from '../auth/staff-repository';
import {
  can,
  museumsOf,
  NotFoundOrForbidden,
  requireAccess,
  type Actor,
  type Target
} from '../auth/access';
import type { FieldError } from '../content/checks';
import type { RateLimit } from '../http/rate-limit';
import type { Locale } from '$lib/shared/museum';
import type {
  RegistrationForm,
  RegistrationOutcome,
  RegistrationRefusal,
  SessionAvailability
} from '$lib/shared/registration';
import { checkRegistration, type RegistrationRequest } from './checks';
import { hashCancelToken, isCancelToken, newCancelToken } from './tokens';
import {
  registrationMail,
  sessionWhen,
  staffMessageMail,
  type RegistrationMailKind,
  type SessionFacts
} from './mails';
import type { Registration, RegistrationRepository } from './repository';
import type { RegistrationSession, SessionChange, SessionSource } from './sessions';

export type RegisterResult =
  | { ok: true; outcome: RegistrationOutcome; registrationId: number | null; email: string }
  | { ok: false; errors: FieldError[] }
  | { ok: false; refused: RegistrationRefusal };

/** The cancel page: what the link is for, before the visitor confirms. */
export interface CancelPreview {
  status: Registration['status'];
  name: string;
  people: number;
  facts: SessionFacts;
}

export const defaultConsent = {
  ru: 'Я даю согласие ассоциации музеев и музею — организатору события на обработку моих персональных данных (фамилия, имя, адрес электронной почты, телефон, сведения о школе и классе) для записи на это событие, связи со мной по поводу него и учёта посещаемости, в соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных». Согласие действует до окончания события и один год после него; я могу отозвать его, написав организатору.',
  en: 'I consent to the association of museums and the museum organising this event processing my personal data (name, e-mail address, phone number, school and class) to register me for this event, to contact me about it and to record attendance, under Russian Federal Law No. 152-FZ "On Personal Data" of 27 July 2006. The consent lasts until the event is over and one year after it; I may withdraw it by writing to the organiser.'
};

/** A day before a session its confirmed registrants are reminded. */
const reminderLeadMs = 24 * 60 * 60 * 1000;

export interface RegistrationDeps {
  repository: RegistrationRepository;
  sessions: SessionSource;
  mailer: Mailer;
  queue: JobQueue;
  staff: StaffRepository;
  clock: () => Date;
  /** The public address, for links in mails. */
  origin: string;
  limit: RateLimit;
}

/**
 * Registration for event sessions: never more confirmed people than places, the rest waiting
 * in order and promoted when places free up; mails for every step; staff lists and attendance.
 */
export class Registrations {
  /**
   * Work on a session waits here, in line, before it takes a database connection: 200 visitors
   * at once would otherwise hold the whole pool while they queue for the row lock, and others
   * would time out waiting for a connection. The lock still decides across app instances.
   */
  private readonly lines = new Map<number, Promise<unknown>>();

  constructor(private readonly deps: RegistrationDeps) {}

  private inLine<T>(sessionId: number, work: () => Promise<T>): Promise<T> {
    const before = this.lines.get(sessionId) ?? Promise.resolve();
    const mine = before.then(work, work);
    const settled = mine.then(
      () => undefined,
      () => undefined
    );
    this.lines.set(sessionId, settled);
    void settled.then(() => {
      if (this.lines.get(sessionId) === settled) this.lines.delete(sessionId);
    });
    return mine;
  }

  /** "places left: N", "waitlist" or "closed" for each of the sessions (public). */
  async availability(sessions: RegistrationSession[]): Promise<Map<number, SessionAvailability>> {
    const open = sessions.filter((s) => s.capacity !== null);
    const loads = await this.deps.repository.loads(open.map((s) => s.id));
    const now = this.deps.clock();
    return new Map(
      open.map((s) => {
        const load = loads.get(s.id) ?? { confirmedPeople: 0, waitlisted: 0 };
        return [s.id, availabilityOf(s, load.confirmedPeople, now)];
      })
    );
  }

  async consentText(): Promise<{ ru: string; en: string }> {
    return (await this.deps.repository.consent()) ?? defaultConsent;
  }

  /** Association admins change the consent text every registration form shows. */
  async saveConsentText(
    actor: Actor | null,
    text: { ru: string; en: string }
  ): Promise<FieldError[]> {
    const who = requireAccess(actor, 'association.edit', { kind: 'association' });
    const errors: FieldError[] = [];
    for (const locale of ['ru', 'en'] as const)
      if (text[locale].trim().length < 20)
        errors.push({
          field: `consent.${locale}`,
          message: {
            ru: 'Текст согласия нужен полностью (не короче 20 знаков).',
            en: 'The consent needs its whole text (at least 20 characters).'
          }
        });
    if (errors.length > 0) return errors;
    await this.deps.repository.saveConsent(
      { ru: text.ru.trim(), en: text.en.trim() },
      this.deps.clock()
    );
    await this.deps.staff.audit({
      userId: who.userId,
      museumId: null,
      action: 'edit',
      entity: 'registration-consent'
    });
    return [];
  }

  /**
   * A visitor registers. Checks first (nothing is saved on any error), then, holding the
   * session's lock, the deadline and status again, the same e-mail, and the places: confirmed
   * while the people fit, waitlisted after. The mail is queued in the same transaction.
   */
  async register(
    form: RegistrationForm,
    context: { locale: Locale; clientAddress: string }
  ): Promise<RegisterResult> {
    if (!this.deps.limit.take(context.clientAddress)) return { ok: false, refused: 'rate-limited' };
    const session = await this.deps.sessions.find(form.sessionId);
    if (!session || session.capacity === null) return { ok: false, refused: 'closed' };
    const checked = checkRegistration(form, session);
    if (!checked.ok) return { ok: false, errors: checked.errors };
    const request = checked.request;
    // A bot that filled the hidden field is told what a person would be, and nothing is kept.
    if (form.website.trim() !== '')
      return { ok: true, outcome: 'confirmed', registrationId: null, email: request.email };
    const token = newCancelToken();
    const consent = (await this.consentText())[context.locale];
    return this.inLine(session.id, () =>
      this.decide(session.id, request, { ...context, consent }, token)
    );
  }

  private decide(
    sessionId: number,
    request: RegistrationRequest,
    context: { locale: Locale; consent: string },
    token: { token: string; hash: string }
  ): Promise<RegisterResult> {
    return this.deps.repository.transaction(async (trx) => {
      if (!(await this.deps.repository.lockSession(trx, sessionId)))
        return { ok: false, refused: 'closed' } as const;
      const current = await this.deps.sessions.find(sessionId, trx);
      if (!current || current.capacity === null) return { ok: false, refused: 'closed' } as const;
      const now = this.deps.clock();
      const closed = closedReason(current, now);
      if (closed) return { ok: false, refused: closed } as const;
      const existing = await this.deps.repository.liveByEmail(trx, current.id, request.email);
      if (existing)
        return {
          ok: true,
          outcome: 'already',
          registrationId: existing.id,
          email: request.email
        } as const;
      // Places added since (a larger capacity published) go to those already waiting first.
      await this.promote(trx, current);
      const taken = await this.deps.repository.confirmedPeople(trx, current.id);
      const status = taken + request.people <= current.capacity ? 'confirmed' : 'waitlisted';
      const id = await this.deps.repository.insert(trx, {
        ...request,
        eventId: current.eventId,
        status,
        locale: context.locale,
        consentText: context.consent,
        cancelTokenHash: token.hash,
        createdAt: now.toISOString()
      });
      const to = {
        name: request.name,
        email: request.email,
        locale: context.locale,
        people: request.people
      };
      await this.deps.mailer.send(
        registrationMail(
          status,
          to,
          this.facts(current, context.locale),
          this.cancelUrl(token.token, context.locale)
        ),
        { transaction: trx }
      );
      if (status === 'confirmed') await this.scheduleReminder(trx, id, current);
      return { ok: true, outcome: status, registrationId: id, email: request.email } as const;
    });
  }

  /** What a cancel link is for; undefined for a link that never was. */
  async cancelPreview(token: string): Promise<CancelPreview | undefined> {
    if (!isCancelToken(token)) return undefined;
    const registration = await this.deps.repository.findByTokenHash(hashCancelToken(token));
    if (!registration) return undefined;
    const session = await this.deps.sessions.find(registration.sessionId);
    if (!session) return undefined;
    return {
      status: registration.status,
      name: registration.name,
      people: registration.people,
      facts: this.facts(session, registration.locale)
    };
  }

  /**
   * The visitor's cancel link, confirmed: 'cancelled' the first time, 'already' after that.
   * The places go to the waitlist in the same transaction.
   */
  async cancelByToken(token: string): Promise<'cancelled' | 'already' | undefined> {
    if (!isCancelToken(token)) return undefined;
    const found = await this.deps.repository.findByTokenHash(hashCancelToken(token));
    if (!found) return undefined;
    return (await this.cancel(found.id, 'visitor')) ? 'cancelled' : 'already';
  }

  private async cancel(id: number, by: 'visitor' | 'staff'): Promise<boolean> {
    // A registration never changes session: its session's line and lock first, then its state.
    const sessionId = (await this.deps.repository.find(id))?.sessionId;
    if (sessionId === undefined) return false;
    return this.inLine(sessionId, () => this.cancelInLine(id, sessionId, by));
  }

  private cancelInLine(id: number, sessionId: number, by: 'visitor' | 'staff') {
    return this.deps.repository.transaction(async (trx) => {
      await this.deps.repository.lockSession(trx, sessionId);
      const registration = await this.deps.repository.find(id, trx);
      if (!registration) return false;
      const session = await this.deps.sessions.find(registration.sessionId, trx);
      if (!(await this.deps.repository.cancel(trx, id, by, this.deps.clock()))) return false;
      if (!session) return true;
      const kind: RegistrationMailKind =
        by === 'visitor' ? 'cancelled-by-you' : 'cancelled-by-staff';
      await this.mail(trx, kind, registration, session);
      if (registration.status === 'confirmed') await this.promote(trx, session);
      return true;
    });
  }

  /**
   * Fills freed places from the waitlist, first come first; one that does not fit (a group
   * larger than the places left) waits while a smaller one after it goes in. Call holding the
   * session's lock.
   */
  private async promote(trx: Transaction<DB>, session: RegistrationSession): Promise<number[]> {
    if (session.capacity === null || closedReason(session, this.deps.clock()) === 'cancelled')
      return [];
    let free = session.capacity - (await this.deps.repository.confirmedPeople(trx, session.id));
    const promoted: number[] = [];
    for (const waiting of await this.deps.repository.waitlist(trx, session.id)) {
      if (free <= 0) break;
      if (waiting.people > free) continue;
      await this.deps.repository.confirm(trx, waiting.id, this.deps.clock());
      free -= waiting.people;
      promoted.push(waiting.id);
      await this.mail(trx, 'promoted', waiting, session);
      await this.scheduleReminder(trx, waiting.id, session);
    }
    return promoted;
  }

  /** Places may have grown (a new capacity published): the waitlist moves up. */
  async promoteWaiting(sessionId: number): Promise<number[]> {
    return this.inLine(sessionId, () =>
      this.deps.repository.transaction(async (trx) => {
        await this.deps.repository.lockSession(trx, sessionId);
        const session = await this.deps.sessions.find(sessionId, trx);
        return session ? this.promote(trx, session) : [];
      })
    );
  }

  /**
   * The events domain calls this after publishing: moved sessions tell everyone registered the
   * new time (and remind again at it); cancelled ones (or a cancelled event) cancel every
   * registration and say so.
   */
  async sessionsChanged(eventId: number, changes: SessionChange[]): Promise<void> {
    for (const change of changes) {
      await this.inLine(change.sessionId, () => this.applyChange(eventId, change));
    }
  }

  private applyChange(eventId: number, change: SessionChange): Promise<void> {
    return this.deps.repository.transaction(async (trx) => {
      await this.deps.repository.lockSession(trx, change.sessionId);
      const session = await this.deps.sessions.find(change.sessionId, trx);
      if (!session || session.eventId !== eventId) return;
      const live = await this.deps.repository.live(trx, [session.id]);
      if (change.kind === 'cancelled' || change.kind === 'removed') {
        for (const registration of live) {
          await this.deps.repository.cancel(trx, registration.id, 'event', this.deps.clock());
          await this.mail(trx, 'cancelled', registration, session);
        }
        return;
      }
      if (change.kind === 'moved') {
        await this.deps.repository.forgetReminders(trx, session.id);
        for (const registration of live) {
          await this.mail(trx, 'moved', registration, session);
          if (registration.status === 'confirmed')
            await this.scheduleReminder(trx, registration.id, session);
        }
      }
      await this.promote(trx, session);
    });
  }

  /**
   * The `registrations.remind` job: one mail a day before, to a registration still confirmed.
   * Early (the session moved later) it waits again; twice, it sends once.
   */
  async remind(registrationId: number): Promise<void> {
    await this.deps.repository.transaction(async (trx) => {
      const registration = await this.deps.repository.find(registrationId, trx);
      if (!registration || registration.status !== 'confirmed' || registration.remindedAt) return;
      const session = await this.deps.sessions.find(registration.sessionId, trx);
      if (!session || closedReason(session, new Date(0)) === 'cancelled') return;
      const now = this.deps.clock().getTime();
      const startsAt = Date.parse(session.startsAt);
      if (startsAt <= now) return;
      if (startsAt - reminderLeadMs > now) {
        await this.scheduleReminder(trx, registration.id, session);
        return;
      }
      if (!(await this.deps.repository.markReminded(trx, registration.id, this.deps.clock())))
        return;
      await this.mail(trx, 'reminder', registration, session);
    });
  }

  // ---------------------------------------------------------------------------------------
  // Staff

  private async authorize(
    actor: Actor | null,
    action: 'registrations.read' | 'registrations.manage',
    eventId: number
  ): Promise<{ who: Actor; sessions: RegistrationSession[] }> {
    const sessions = await this.deps.sessions.ofEvent(eventId);
    const first = sessions[0];
    const target: Target =
      first && first.museumId !== null
        ? { kind: 'museum', museumId: first.museumId }
        : { kind: 'association' };
    if (!first) requireAccess(null, action, target);
    return { who: requireAccess(actor, action, target), sessions };
  }

  /**
   * The events whose registrants the actor may see (their museums'; everything for the
   * association), current and coming, optionally of one museum.
   */
  async overview(actor: Actor | null, museumId: number | null) {
    if (!actor) throw new NotFoundOrForbidden();
    let scope: number[] | 'all';
    if (museumId !== null) {
      requireAccess(actor, 'registrations.read', { kind: 'museum', museumId });
      scope = [museumId];
    } else {
      const all = museumsOf(actor);
      scope =
        all === 'all'
          ? 'all'
          : all.filter((id) => can(actor, 'registrations.read', { kind: 'museum', museumId: id }));
    }
    const since = new Date(this.deps.clock().getTime() - 30 * 24 * 60 * 60 * 1000);
    return this.deps.repository.eventsTakingRegistrations(scope, since.toISOString());
  }

  /** The registrants of an event, session by session: staff of the organiser only. */
  async list(actor: Actor | null, eventId: number) {
    const { sessions } = await this.authorize(actor, 'registrations.read', eventId);
    const all = await this.deps.repository.ofEvent(eventId);
    const loads = await this.deps.repository.loads(sessions.map((s) => s.id));
    return sessions.map((session) => ({
      session,
      load: loads.get(session.id) ?? { confirmedPeople: 0, waitlisted: 0 },
      registrations: all.filter((r) => r.sessionId === session.id)
    }));
  }

  /** The registrants as a spreadsheet (CSV or XLSX), formula-like cells escaped. */
  async exportFile(
    actor: Actor | null,
    eventId: number,
    format: 'csv' | 'xlsx',
    locale: Locale
  ): Promise<Readable> {
    const sessions = await this.list(actor, eventId);
    const ru = locale === 'ru';
    const header = ru
      ? [
          'Сеанс',
          'Статус',
          'Имя',
          'Эл. почта',
          'Телефон',
          'Человек',
          'Школа',
          'Класс',
          'Ответы',
          'Записан',
          'Пришёл'
        ]
      : [
          'Session',
          'Status',
          'Name',
          'E-mail',
          'Phone',
          'People',
          'School',
          'Class',
          'Answers',
          'Registered',
          'Attended'
        ];
    const statusWords = {
      confirmed: ru ? 'записан' : 'confirmed',
      waitlisted: ru ? 'в листе ожидания' : 'waiting list',
      cancelled: ru ? 'отменена' : 'cancelled'
    };
    const rows = sessions.flatMap(({ session, registrations }) =>
      registrations.map((r): TableCell[] => [
        sessionWhen(session, locale),
        statusWords[r.status],
        r.name,
        r.email,
        r.phone,
        r.people,
        r.school,
        r.className,
        r.answers.map((a) => `${a.question}: ${a.answer}`).join('; '),
        new Intl.DateTimeFormat(ru ? 'ru-RU' : 'en-GB', {
          timeZone: session.timeZone,
          dateStyle: 'short',
          timeStyle: 'short'
        }).format(new Date(r.createdAt)),
        r.attended ? (ru ? 'да' : 'yes') : ''
      ])
    );
    const all = (async function* () {
      yield* rows;
    })();
    return format === 'csv'
      ? csvFile(header, all, locale)
      : xlsxFile(header, all, ru ? 'Участники' : 'Registrants');
  }

  async markAttendance(
    actor: Actor | null,
    eventId: number,
    sessionId: number,
    attendedIds: number[]
  ): Promise<void> {
    const { who, sessions } = await this.authorize(actor, 'registrations.manage', eventId);
    const session = sessions.find((s) => s.id === sessionId);
    if (!session) requireAccess(null, 'registrations.manage', { kind: 'association' });
    const changed = await this.deps.repository.setAttendance(sessionId, attendedIds);
    if (changed.length > 0)
      await this.deps.staff.audit({
        userId: who.userId,
        museumId: session?.museumId ?? null,
        action: 'mark-attendance',
        entity: 'event',
        entityId: String(eventId),
        details: { sessionId, changed: changed.length, title: session?.title }
      });
  }

  async cancelByStaff(
    actor: Actor | null,
    eventId: number,
    registrationId: number
  ): Promise<boolean> {
    const { who, sessions } = await this.authorize(actor, 'registrations.manage', eventId);
    const registration = await this.deps.repository.find(registrationId);
    if (!registration || registration.eventId !== eventId)
      requireAccess(null, 'registrations.manage', { kind: 'association' });
    const cancelled = await this.cancel(registrationId, 'staff');
    if (cancelled)
      await this.deps.staff.audit({
        userId: who.userId,
        museumId: sessions[0]?.museumId ?? null,
        action: 'cancel-registration',
        entity: 'event',
        entityId: String(eventId),
        details: { registrationId, title: sessions[0]?.title }
      });
    return cancelled;
  }

  /** A message to everyone registered (confirmed and waiting) for one session or all of them. */
  async writeToAll(
    actor: Actor | null,
    eventId: number,
    message: { sessionId: number | null; subject: string; body: string }
  ): Promise<{ errors: FieldError[]; sent: number }> {
    const { who, sessions } = await this.authorize(actor, 'registrations.manage', eventId);
    const errors: FieldError[] = [];
    if (!message.subject.trim())
      errors.push({
        field: 'subject',
        message: { ru: 'Заполните это поле.', en: 'Fill in this field.' }
      });
    if (!message.body.trim())
      errors.push({
        field: 'body',
        message: { ru: 'Заполните это поле.', en: 'Fill in this field.' }
      });
    if (errors.length > 0) return { errors, sent: 0 };
    const chosen = sessions.filter((s) => message.sessionId === null || s.id === message.sessionId);
    const sent = await this.deps.repository.transaction(async (trx) => {
      const live = await this.deps.repository.live(
        trx,
        chosen.map((s) => s.id)
      );
      for (const registration of live) {
        const session = chosen.find((s) => s.id === registration.sessionId);
        if (!session) continue;
        await this.deps.mailer.send(
          staffMessageMail(addressee(registration), this.facts(session, registration.locale), {
            subject: message.subject.trim(),
            body: message.body.trim()
          }),
          { transaction: trx }
        );
      }
      return live.length;
    });
    await this.deps.staff.audit({
      userId: who.userId,
      museumId: sessions[0]?.museumId ?? null,
      action: 'write-registrants',
      entity: 'event',
      entityId: String(eventId),
      details: { sent, subject: message.subject.trim(), title: sessions[0]?.title }
    });
    return { errors: [], sent };
  }

  // ---------------------------------------------------------------------------------------

  private async mail(
    trx: Transaction<DB>,
    kind: RegistrationMailKind,
    registration: Registration,
    session: RegistrationSession
  ): Promise<void> {
    await this.deps.mailer.send(
      registrationMail(
        kind,
        addressee(registration),
        this.facts(session, registration.locale),
        null
      ),
      { transaction: trx }
    );
  }

  private async scheduleReminder(
    trx: Transaction<DB>,
    registrationId: number,
    session: RegistrationSession
  ): Promise<void> {
    const remindAt = Date.parse(session.startsAt) - reminderLeadMs;
    const delayMs = Math.max(0, remindAt - this.deps.clock().getTime());
    if (Date.parse(session.startsAt) <= this.deps.clock().getTime()) return;
    await this.deps.queue.enqueue(
      'registrations.remind',
      { registrationId },
      { delayMs, transaction: trx }
    );
  }

  private facts(session: RegistrationSession, locale: Locale): SessionFacts {
    return {
      title: session.title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      allDay: session.allDay,
      timeZone: session.timeZone,
      url: `${this.deps.origin}${locale === 'en' ? '/en' : ''}${session.path}`
    };
  }

  private cancelUrl(token: string, locale: Locale): string {
    return `${this.deps.origin}${locale === 'en' ? '/en' : ''}/registrations/cancel/${token}`;
  }
}

function addressee(r: Registration) {
  return { name: r.name, email: r.email, locale: r.locale, people: r.people };
}

/** Why a session takes no registrations now, or null when it does. */
export function closedReason(
  session: RegistrationSession,
  now: Date
): 'cancelled' | 'deadline' | 'started' | null {
  if (session.cancelled) return 'cancelled';
  if (Date.parse(session.startsAt) <= now.getTime()) return 'started';
  if (session.deadline && Date.parse(session.deadline) <= now.getTime()) return 'deadline';
  return null;
}

export function availabilityOf(
  session: RegistrationSession,
  confirmedPeople: number,
  now: Date
): SessionAvailability {
  const closed = closedReason(session, now);
  if (closed) return { state: 'closed', reason: closed };
  const left = (session.capacity ?? 0) - confirmedPeople;
  return left > 0 ? { state: 'open', placesLeft: left } : { state: 'waitlist' };
}
