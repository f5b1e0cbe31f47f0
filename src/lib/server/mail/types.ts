/**
 * Where mail goes. 'outbox' (the default, with no SMTP server configured) keeps each message in
 * the outbox table for staff to read; 'smtp' delivers it through the given server.
 */
export type MailConfig =
  | { kind: 'outbox' }
  | {
      kind: 'smtp';
      host: string;
      port: number;
      /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
      secure: boolean;
      user?: string;
      pass?: string;
      /** The From header, e.g. 'Краевед <noreply@example.org>'. */
      from: string;
    };
