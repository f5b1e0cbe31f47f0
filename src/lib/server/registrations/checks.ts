import type { FieldError } from '../content/checks';
import { maxPeoplePerRegistration, type RegistrationForm } from '$lib/shared/registration';

/** A registration that passed the checks of its own fields (not yet the session's rules). */
export interface RegistrationRequest {
  sessionId: number;
  name: string;
  /** Lower case, so the same address typed twice is one registration. */
  email: string;
  phone: string;
  people: number;
  school: string | null;
  className: string | null;
  answers: { question: string; answer: string }[];
}

/** What the event asks for besides name and e-mail. */
export interface RegistrationFields {
  groups: boolean;
  maxPeople: number;
  phone: 'required' | 'optional';
  questions: { label: { ru: string; en: string }; required: boolean }[];
}

// One address with a dot in its domain; nodemailer takes care of .рф (punycode).
const emailPattern = /^[^\s@,<>"]+@[^\s@,<>".]+(\.[^\s@,<>".]+)+$/;

/** Digits with the usual separators: "+7 (4212) 12-34-56", "8 914 123 45 67". */
export function isPhone(value: string): boolean {
  if (!/^\+?[\d\s()\-.]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 10 && digits.length <= 15;
}

export function isEmail(value: string): boolean {
  return value.length <= 254 && emailPattern.test(value);
}

const fill = { ru: 'Заполните это поле.', en: 'Fill in this field.' };

/**
 * The form's own checks, in both languages, field by field. The session's rules (deadline,
 * cancelled, places) are the service's, under the session's lock.
 */
export function checkRegistration(
  form: RegistrationForm,
  fields: RegistrationFields
): { ok: true; request: RegistrationRequest } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = form.name.trim();
  const email = form.email.trim().toLowerCase();
  const phone = form.phone.trim();
  if (!name) errors.push({ field: 'name', message: fill });
  else if (name.length > 200)
    errors.push({
      field: 'name',
      message: { ru: 'Не длиннее 200 знаков.', en: 'At most 200 characters.' }
    });
  if (!email) errors.push({ field: 'email', message: fill });
  else if (!isEmail(email))
    errors.push({
      field: 'email',
      message: {
        ru: 'Это не похоже на адрес электронной почты: нужен вид name@example.ru.',
        en: 'This does not look like an e-mail address: it should be like name@example.com.'
      }
    });
  if (!phone) {
    if (fields.phone === 'required') errors.push({ field: 'phone', message: fill });
  } else if (!isPhone(phone))
    errors.push({
      field: 'phone',
      message: {
        ru: 'Укажите телефон цифрами, с кодом: например, +7 914 123-45-67.',
        en: 'Give the phone number in digits with its code, e.g. +7 914 123-45-67.'
      }
    });
  const maxPeople = Math.min(fields.maxPeople, maxPeoplePerRegistration);
  if (!Number.isInteger(form.people) || form.people < 1 || form.people > maxPeople)
    errors.push({
      field: 'people',
      message:
        maxPeople === 1
          ? {
              ru: 'На это событие записываются по одному: укажите 1.',
              en: 'This event takes one person per registration: enter 1.'
            }
          : {
              ru: `Число участников — от 1 до ${maxPeople}.`,
              en: `The number of people is 1 to ${maxPeople}.`
            }
    });
  const school = fields.groups ? form.school.trim() : '';
  const className = fields.groups ? form.className.trim() : '';
  if (school.length > 300 || className.length > 50)
    errors.push({
      field: school.length > 300 ? 'school' : 'className',
      message: { ru: 'Слишком длинно.', en: 'Too long.' }
    });
  const answers = fields.questions.map((question, i) => ({
    question: question.label.ru || question.label.en,
    answer: (form.answers[i] ?? '').trim()
  }));
  answers.forEach(({ answer }, i) => {
    if (!answer && fields.questions[i]?.required)
      errors.push({ field: `answers.${i}`, message: fill });
    else if (answer.length > 2000)
      errors.push({
        field: `answers.${i}`,
        message: { ru: 'Не длиннее 2000 знаков.', en: 'At most 2000 characters.' }
      });
  });
  if (!form.consent)
    errors.push({
      field: 'consent',
      message: {
        ru: 'Без согласия на обработку персональных данных записаться нельзя.',
        en: 'We cannot register you without your consent to the processing of personal data.'
      }
    });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      sessionId: form.sessionId,
      name,
      email,
      phone,
      people: form.people,
      school: school || null,
      className: className || null,
      answers
    }
  };
}
