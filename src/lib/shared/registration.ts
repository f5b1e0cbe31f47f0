import type { Locale } from './museum';

/** What a visitor types into the registration form, as the form reads it. */
export interface RegistrationForm {
  sessionId: number;
  name: string;
  email: string;
  phone: string;
  people: number;
  school: string;
  className: string;
  /** Answers to the event's custom questions, in their order. */
  answers: string[];
  consent: boolean;
  /** The honeypot: a field people never see and bots fill in. */
  website: string;
}

/** The most people one registration may bring (a school class with its teachers). */
export const maxPeoplePerRegistration = 50;

/** Whether, and how, a visitor can register for one session right now. */
export type SessionAvailability =
  | { state: 'open'; placesLeft: number }
  | { state: 'waitlist' }
  | { state: 'closed'; reason: 'deadline' | 'cancelled' | 'started' };

/** How a registration ended up. `already`: the same e-mail was registered for this session. */
export type RegistrationOutcome = 'confirmed' | 'waitlisted' | 'already';

/** Refusals that belong to the whole form, not to one field. */
export type RegistrationRefusal = 'deadline' | 'cancelled' | 'started' | 'closed' | 'rate-limited';

/** What the form action hands back to the page: messages already in the visitor's language. */
export type RegistrationFormResult =
  | {
      ok: true;
      outcome: RegistrationOutcome;
      email: string;
      sessionId: number;
    }
  | {
      ok: false;
      /** Field → message; '' for the whole form. */
      errors: Record<string, string>;
      /** What the visitor typed, so nothing is lost. */
      values: Omit<RegistrationForm, 'website'>;
    };

/** One session as the registration box offers it. */
export interface RegistrationSessionOption {
  id: number;
  /** "24 ноября, 10:00–12:00 (хабаровское время)" in the visitor's language. */
  label: string;
  availability: SessionAvailability;
}

/** Everything the box on the event page needs, for one event. */
export interface RegistrationBoxData {
  eventId: number;
  sessions: RegistrationSessionOption[];
  /** School and class fields (a group registration). */
  groups: boolean;
  maxPeople: number;
  phoneRequired: boolean;
  questions: { label: string; required: boolean }[];
  consent: string;
  locale: Locale;
}
