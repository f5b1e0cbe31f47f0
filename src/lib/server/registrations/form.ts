import { fail, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/shared/museum';
import type {
  RegistrationBoxData,
  RegistrationForm,
  RegistrationFormResult,
  RegistrationRefusal
} from '$lib/shared/registration';
import { FormFields } from '../forms/fields';
import type { Registrations } from './service';
import type { SessionSource } from './sessions';
import { sessionWhen } from './mails';

/** The registration form as posted (it works without JavaScript). */
export function readRegistrationForm(data: FormData): RegistrationForm {
  const fields = new FormFields(data);
  const people = fields.text('people');
  const answers: string[] = [];
  for (let i = 0; fields.has(`answers.${i}`); i += 1) answers.push(fields.text(`answers.${i}`));
  return {
    sessionId: Number(fields.text('sessionId')) || 0,
    name: fields.text('name'),
    email: fields.text('email'),
    phone: fields.text('phone'),
    people: people === '' ? 1 : Number(people),
    school: fields.text('school'),
    className: fields.text('className'),
    answers,
    consent: fields.text('consent') === 'yes',
    website: fields.text('website')
  };
}

const refusals: Record<RegistrationRefusal, (locale: Locale) => string> = {
  deadline: (locale) => m.registrations_refused_deadline({}, { locale }),
  cancelled: (locale) => m.registrations_refused_cancelled({}, { locale }),
  started: (locale) => m.registrations_refused_started({}, { locale }),
  closed: (locale) => m.registrations_refused_closed({}, { locale }),
  'rate-limited': (locale) => m.registrations_refused_rate_limited({}, { locale })
};

/**
 * The event page's `register` action: the answer the RegistrationBox shows, or a 400 (429 when
 * rate-limited) with the messages in the visitor's language and everything they typed.
 */
export async function registerAction(event: RequestEvent) {
  const { locals } = event;
  const locale = locals.locale;
  const form = readRegistrationForm(await event.request.formData());
  const result = await locals.app.registrations.register(form, {
    locale,
    clientAddress: event.getClientAddress()
  });
  const values = {
    sessionId: form.sessionId,
    name: form.name,
    email: form.email,
    phone: form.phone,
    people: form.people,
    school: form.school,
    className: form.className,
    answers: form.answers,
    consent: form.consent
  };
  if (result.ok) {
    const answer: RegistrationFormResult = {
      ok: true,
      outcome: result.outcome,
      email: result.email,
      sessionId: form.sessionId
    };
    return { registration: answer };
  }
  const errors: Record<string, string> =
    'refused' in result
      ? { '': refusals[result.refused](locale) }
      : Object.fromEntries(result.errors.map((e) => [e.field, e.message[locale]]));
  const answer: RegistrationFormResult = { ok: false, errors, values };
  return fail('refused' in result && result.refused === 'rate-limited' ? 429 : 400, {
    registration: answer
  });
}

/**
 * What the RegistrationBox shows for an event, or null when none of its sessions takes
 * registrations. Sessions in the past are left out.
 */
export async function registrationBox(
  deps: { registrations: Registrations; sessions: SessionSource; clock: () => Date },
  eventId: number,
  locale: Locale
): Promise<RegistrationBoxData | null> {
  const now = deps.clock().getTime();
  const sessions = (await deps.sessions.ofEvent(eventId)).filter(
    (s) => s.capacity !== null && Date.parse(s.endsAt ?? s.startsAt) > now
  );
  const first = sessions[0];
  if (!first) return null;
  const availability = await deps.registrations.availability(sessions);
  const consent = await deps.registrations.consentText();
  return {
    eventId,
    sessions: sessions.map((s) => ({
      id: s.id,
      label: sessionWhen(s, locale),
      availability: availability.get(s.id) ?? { state: 'closed', reason: 'started' }
    })),
    groups: first.groups,
    maxPeople: first.maxPeople,
    phoneRequired: first.phone === 'required',
    questions: first.questions.map((q) => ({
      label: q.label[locale] || q.label.ru,
      required: q.required
    })),
    consent: consent[locale],
    locale
  };
}
