import type { MailMessage } from '../mail/mailer';
import type { Locale } from '$lib/shared/museum';

/** What a mail about a registration tells of its session, in both languages. */
export interface SessionFacts {
  title: { ru: string; en: string };
  startsAt: string;
  endsAt: string | null;
  allDay: boolean;
  timeZone: string;
  /** The event's page. */
  url: string;
}

export interface Addressee {
  name: string;
  email: string;
  locale: Locale;
  people: number;
}

const zoneNames: Record<string, { ru: string; en: string }> = {
  'Asia/Vladivostok': { ru: 'хабаровское время', en: 'Khabarovsk time' },
  'Asia/Magadan': { ru: 'магаданское время', en: 'Magadan time' },
  'Asia/Yakutsk': { ru: 'якутское время', en: 'Yakutsk time' },
  'Europe/Moscow': { ru: 'московское время', en: 'Moscow time' }
};

/** "24 ноября 2026 г., 10:00–12:00 (хабаровское время)", on the venue's clock. */
export function sessionWhen(
  session: Pick<SessionFacts, 'startsAt' | 'endsAt' | 'allDay' | 'timeZone'>,
  locale: Locale
): string {
  const tag = locale === 'ru' ? 'ru-RU' : 'en-GB';
  const day = new Intl.DateTimeFormat(tag, {
    timeZone: session.timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    weekday: 'long'
  }).format(new Date(session.startsAt));
  if (session.allDay) return day;
  const time = (instant: string) =>
    new Intl.DateTimeFormat(tag, {
      timeZone: session.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    }).format(new Date(instant));
  const zone = zoneNames[session.timeZone]?.[locale] ?? session.timeZone;
  const until = session.endsAt ? `–${time(session.endsAt)}` : '';
  return `${day}, ${time(session.startsAt)}${until} (${zone})`;
}

type Words = (s: { title: string; when: string; people: number }) => {
  subject: string;
  lead: string;
};

/** Each kind of mail: its subject and first paragraph, in Russian and English. */
const kinds = {
  confirmed: {
    ru: (s) => ({
      subject: `Вы записаны: ${s.title}`,
      lead: `Вы записаны на «${s.title}» — ${s.when}. Мест за вами: ${s.people}.`
    }),
    en: (s) => ({
      subject: `You are registered: ${s.title}`,
      lead: `You are registered for "${s.title}" — ${s.when}. Places held: ${s.people}.`
    })
  },
  waitlisted: {
    ru: (s) => ({
      subject: `Лист ожидания: ${s.title}`,
      lead: `Все места на «${s.title}» (${s.when}) заняты, и мы поставили вас в лист ожидания. Если место освободится, вы будете записаны автоматически и получите письмо.`
    }),
    en: (s) => ({
      subject: `Waiting list: ${s.title}`,
      lead: `"${s.title}" (${s.when}) is full, so you are on the waiting list. If places free up, you will be registered automatically and we will write to you.`
    })
  },
  promoted: {
    ru: (s) => ({
      subject: `Место освободилось — вы записаны: ${s.title}`,
      lead: `Место освободилось, и вы записаны на «${s.title}» — ${s.when}. Мест за вами: ${s.people}.`
    }),
    en: (s) => ({
      subject: `A place freed up — you are registered: ${s.title}`,
      lead: `A place freed up and you are now registered for "${s.title}" — ${s.when}. Places held: ${s.people}.`
    })
  },
  moved: {
    ru: (s) => ({
      subject: `Перенос: ${s.title}`,
      lead: `«${s.title}» переносится. Новое время: ${s.when}. Ваша запись сохраняется.`
    }),
    en: (s) => ({
      subject: `Moved: ${s.title}`,
      lead: `"${s.title}" has been moved. The new time: ${s.when}. Your registration stands.`
    })
  },
  cancelled: {
    ru: (s) => ({
      subject: `Отменено: ${s.title}`,
      lead: `К сожалению, «${s.title}» (${s.when}) отменяется. Ваша запись снята.`
    }),
    en: (s) => ({
      subject: `Cancelled: ${s.title}`,
      lead: `We are sorry: "${s.title}" (${s.when}) is cancelled, and so is your registration.`
    })
  },
  'cancelled-by-you': {
    ru: (s) => ({
      subject: `Запись отменена: ${s.title}`,
      lead: `Ваша запись на «${s.title}» (${s.when}) отменена. Спасибо, что предупредили — место получит другой человек.`
    }),
    en: (s) => ({
      subject: `Registration cancelled: ${s.title}`,
      lead: `Your registration for "${s.title}" (${s.when}) is cancelled. Thank you for letting us know — someone else will get the place.`
    })
  },
  'cancelled-by-staff': {
    ru: (s) => ({
      subject: `Запись отменена: ${s.title}`,
      lead: `Организатор отменил вашу запись на «${s.title}» (${s.when}). Если это ошибка, ответьте организатору.`
    }),
    en: (s) => ({
      subject: `Registration cancelled: ${s.title}`,
      lead: `The organiser has cancelled your registration for "${s.title}" (${s.when}). If this is a mistake, please contact them.`
    })
  },
  reminder: {
    ru: (s) => ({
      subject: `Напоминание: ${s.title} — завтра`,
      lead: `Напоминаем: «${s.title}» — ${s.when}. Мест за вами: ${s.people}.`
    }),
    en: (s) => ({
      subject: `Reminder: ${s.title} is tomorrow`,
      lead: `A reminder: "${s.title}" — ${s.when}. Places held: ${s.people}.`
    })
  }
} satisfies Record<string, Record<Locale, Words>>;

export type RegistrationMailKind = keyof typeof kinds;

/** Kinds whose registration still stands, so the mail carries the cancel link. */
const standing = new Set<RegistrationMailKind>([
  'confirmed',
  'waitlisted',
  'promoted',
  'moved',
  'reminder'
]);

/**
 * A mail about one registration, in the registrant's language. `cancelUrl` is given only when
 * the mail is written in the same breath as the token (the confirmation): later mails link to
 * the event page, since the token is not kept.
 */
export function registrationMail(
  kind: RegistrationMailKind,
  to: Addressee,
  session: SessionFacts,
  cancelUrl: string | null
): MailMessage {
  const locale = to.locale;
  const title = session.title[locale] || session.title.ru;
  const words = kinds[kind][locale]({
    title,
    when: sessionWhen(session, locale),
    people: to.people
  });
  const ru = locale === 'ru';
  const lines = [ru ? `${to.name}, здравствуйте!` : `Hello, ${to.name}.`, '', words.lead, ''];
  lines.push(ru ? `Страница события: ${session.url}` : `The event's page: ${session.url}`);
  if (standing.has(kind) && cancelUrl)
    lines.push(
      '',
      ru
        ? `Если не сможете прийти, отмените запись по ссылке (она работает один раз):`
        : `If you cannot come, cancel your registration here (the link works once):`,
      cancelUrl
    );
  else if (standing.has(kind))
    lines.push(
      '',
      ru
        ? 'Если не сможете прийти, отмените запись по ссылке из первого письма.'
        : 'If you cannot come, cancel with the link in our first e-mail.'
    );
  lines.push('', ru ? '— «Краевед»' : '— Kraeved');
  return { to: to.email, subject: words.subject, text: lines.join('\n') };
}

/** Staff writing to everyone registered: their words, with the event named in the subject. */
export function staffMessageMail(
  to: Addressee,
  session: SessionFacts,
  message: { subject: string; body: string }
): MailMessage {
  const ru = to.locale === 'ru';
  const title = session.title[to.locale] || session.title.ru;
  return {
    to: to.email,
    subject: `${message.subject} — ${title}`,
    text: [
      ru ? `${to.name}, здравствуйте!` : `Hello, ${to.name}.`,
      '',
      message.body,
      '',
      `${title}: ${sessionWhen(session, to.locale)}`,
      session.url,
      '',
      ru ? '— «Краевед»' : '— Kraeved'
    ].join('\n')
  };
}
