import { m } from '$lib/paraglide/messages';
import { pick } from '$lib/shared/localize';
import type { Locale } from '$lib/shared/museum';

/** The association's own entries (sign-ins, jobs) are shown in Khabarovsk time. */
export const associationTimeZone = 'Asia/Vladivostok';

/** An audit entry as the repository reads it. */
export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: unknown;
  user_name: string | null;
  subject_name: string | null;
  museum_ru: string | null;
  museum_en: string | null;
  time_zone: string | null;
}

/** One readable line: "Анна Петрова опубликовала профиль музея «…»" and when, on the museum's clock. */
export interface AuditLine {
  id: number;
  text: string;
  when: string;
  /** The instant, for <time datetime>. */
  at: string;
}

type Gender = 'f' | 'm' | '*';

interface LineInputs {
  who: string;
  gender: Gender;
  museum: string;
  subject: string;
  email: string;
  id: string;
  action: string;
}

type Message = (inputs: LineInputs, options: { locale: Locale }) => string;

/** Each action the services write, by `action:entity`; anything else gets the plain fallback. */
const lines: Record<string, (details: Record<string, unknown>) => Message> = {
  'sign-in:session': () => m.audit_sign_in,
  'create:first-admin': () => m.audit_first_admin,
  'create:staff': () => m.audit_create_staff,
  'invite:staff': () => m.audit_invite,
  'accept-invitation:staff': () => m.audit_accept_invitation,
  'save-draft:museum': () => m.audit_save_draft,
  'submit:museum': () => m.audit_submit,
  'publish:museum': () => m.audit_publish,
  'publish:association': () => m.forms_audit_publish_association,
  'approve:museum': () => m.audit_approve,
  'send-back:museum': () => m.audit_send_back,
  'restore:museum': () => m.audit_restore,
  'change-role:staff': (d) =>
    d.role === 'museum_admin' ? m.audit_make_admin : m.audit_make_editor,
  'change-publishing:staff': (d) =>
    d.publishing === 'publish' ? m.audit_allow_publishing : m.audit_require_review,
  'remove:staff': () => m.audit_remove,
  'revoke-invitation:staff': () => m.audit_revoke_invitation,
  'retry:job': () => m.audit_retry_job,
  'upload:media': () => m.audit_upload_media,
  'describe:media': () => m.audit_describe_media,
  'delete:media': () => m.audit_delete_media,
  'create:tour': () => m.tours_audit_create,
  'save-draft:tour': () => m.tours_audit_save_draft,
  'submit:tour': () => m.tours_audit_submit,
  'publish:tour': () => m.tours_audit_publish,
  'approve:tour': () => m.tours_audit_approve,
  'send-back:tour': () => m.tours_audit_send_back,
  'delete:tour': () => m.tours_audit_delete,
  'restore:tour': () => m.tours_audit_restore,
  // A new exhibit's first line is its draft, marked `created`.
  'save-draft:exhibit': (d) => (d.created ? m.exhibits_audit_create : m.exhibits_audit_save_draft),
  'submit:exhibit': () => m.exhibits_audit_submit,
  'publish:exhibit': () => m.exhibits_audit_publish,
  'approve:exhibit': () => m.exhibits_audit_approve,
  'send-back:exhibit': () => m.exhibits_audit_send_back,
  'create:collection': () => m.exhibits_audit_collection_create,
  'edit:collection': () => m.exhibits_audit_collection_edit,
  'mark-attendance:event': () => m.audit_mark_attendance,
  'cancel-registration:event': () => m.audit_cancel_registration,
  'write-registrants:event': () => m.audit_write_registrants,
  'edit:registration-consent': () => m.audit_edit_consent
};

/** Audit actions a person can filter by, in the order the filter lists them. */
export const auditActions = [
  'publish',
  'approve',
  'submit',
  'send-back',
  'save-draft',
  'restore',
  'invite',
  'accept-invitation',
  'revoke-invitation',
  'change-role',
  'change-publishing',
  'remove',
  'create',
  'sign-in',
  'retry',
  'upload',
  'describe',
  'delete'
] as const;

export function describeAudit(entry: AuditEntry, locale: Locale, now: Date): AuditLine {
  const details =
    entry.details && typeof entry.details === 'object'
      ? (entry.details as Record<string, unknown>)
      : {};
  const who = entry.user_name ?? m.audit_someone({}, { locale });
  const inputs: LineInputs = {
    who,
    gender: russianGender(who),
    museum: entry.museum_ru ? pick(locale, entry.museum_ru, entry.museum_en) : '',
    subject:
      entry.subject_name ??
      (typeof details.email === 'string'
        ? details.email
        : typeof details.file === 'string'
          ? details.file
          : (localizedTitle(details.title, locale) ?? '—')),
    email: typeof details.email === 'string' ? details.email : '',
    id: entry.entity_id ?? '',
    action: `${entry.action} ${entry.entity}`
  };
  const message = lines[`${entry.action}:${entry.entity}`]?.(details) ?? m.audit_other;
  return {
    id: entry.id,
    text: message(inputs, { locale }),
    when: formatWhen(new Date(entry.at), entry.time_zone ?? associationTimeZone, locale, now),
    at: entry.at
  };
}

/** A title kept in the entry's details in both languages (a tour's). */
function localizedTitle(value: unknown, locale: Locale): string | null {
  if (!value || typeof value !== 'object') return null;
  const { ru, en } = value as Record<string, unknown>;
  return typeof ru === 'string' ? pick(locale, ru, typeof en === 'string' ? en : null) : null;
}

/** "22 ноября, 14:32" on the given clock; the year only when it is not this year's. */
export function formatWhen(at: Date, timeZone: string, locale: Locale, now: Date): string {
  const tag = locale === 'ru' ? 'ru-RU' : 'en-GB';
  const year = (d: Date) => new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(d);
  const date = new Intl.DateTimeFormat(tag, {
    timeZone,
    day: 'numeric',
    month: 'long',
    ...(year(at) === year(now) ? {} : { year: 'numeric' })
  }).format(at);
  const time = new Intl.DateTimeFormat(tag, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).format(at);
  return `${date}, ${time}`;
}

const femalePatronymic = /(овна|евна|ична|инична)$/;
const malePatronymic = /(ович|евич|ич)$/;
const femaleSurname = /(ова|ева|ёва|ина|ына|ская|цкая)$/;
const maleSurname = /(ов|ев|ёв|ин|ын|ский|цкий)$/;
/** Men's names that end like women's; and names worn by both. */
const maleNamesInA = new Set(['никита', 'илья', 'фома', 'кузьма', 'лука', 'савва', 'данила']);
const eitherNames = new Set(['саша', 'женя', 'валя', 'шура', 'слава']);

/**
 * Russian past tense agrees with the person: "опубликовала" or "опубликовал". We guess from the
 * patronymic, the surname or the first name, and say "опубликовал(а)" when we cannot tell.
 */
export function russianGender(name: string): Gender {
  const words = name
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => /^[а-яё-]{2,}$/.test(w));
  if (words.length === 0) return '*';
  for (const word of words) {
    if (femalePatronymic.test(word)) return 'f';
    if (word.length > 5 && malePatronymic.test(word)) return 'm';
  }
  if (words.some((w) => eitherNames.has(w))) return '*';
  if (words.some((w) => maleNamesInA.has(w))) return 'm';
  for (const word of words) {
    if (word.length < 4) continue;
    if (femaleSurname.test(word)) return 'f';
    if (maleSurname.test(word)) return 'm';
  }
  const first = words[0]!;
  if (/[ая]$/.test(first)) return 'f';
  if (/[бвгджзйклмнпрстфхцчшщ]$/.test(first)) return 'm';
  return '*';
}
