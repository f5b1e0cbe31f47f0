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
