import type { MailMessage } from '../mail/mailer';

/** We do not know which language a person reads when they forget a password: both, Russian first. */
export function passwordResetMail(to: { email: string; name: string }, url: string): MailMessage {
  return {
    to: to.email,
    subject: 'Краевед: новый пароль / Kraeved: a new password',
    text: [
      `${to.name}, здравствуйте!`,
      '',
      'Чтобы задать новый пароль, откройте ссылку (она действует один час):',
      url,
      '',
      'Если вы не просили сменить пароль, просто удалите это письмо.',
      '',
      '—',
      '',
      `Hello, ${to.name}.`,
      '',
      'To set a new password, open this link (it works for one hour):',
      url,
      '',
      'If you did not ask for it, just delete this e-mail.'
    ].join('\n')
  };
}

export function invitationMail(to: string, inviter: string, url: string): MailMessage {
  return {
    to,
    subject: 'Приглашение в «Краевед» / An invitation to Kraeved',
    text: [
      'Здравствуйте!',
      '',
      `${inviter} приглашает вас работать с профилем музея на платформе «Краевед».`,
      'Чтобы принять приглашение и задать пароль, откройте ссылку (она действует неделю и один раз):',
      url,
      '',
      '—',
      '',
      'Hello,',
      '',
      `${inviter} invites you to work on a museum's profile on Kraeved.`,
      'To accept and set your password, open this link (it works once, for a week):',
      url
    ].join('\n')
  };
}
