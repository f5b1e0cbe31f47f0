import nodemailer, { type Transporter } from 'nodemailer';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { JobQueue } from '../jobs/queue';
import type { JobPayloads } from '../jobs/types';
import type { MailRepository, OutboxMail } from './repository';
import type { MailConfig } from './types';
import { requireAccess, type Actor } from '../auth/access';

export type { MailConfig };

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export class MailError extends Error {}

// One address, no spaces or line breaks; nodemailer does the rest (and punycode for .рф domains).
const address = /^[^\s@,<>]+@[^\s@,<>]+$/;

/** Sends mail through the job queue, so a slow or absent mail server never holds up a request. */
export class Mailer {
  private transporter: Transporter | null = null;

  constructor(
    private readonly deps: {
      repository: MailRepository;
      queue: JobQueue;
      config: MailConfig;
      clock: () => Date;
    }
  ) {}

  /**
   * Stores the message and queues its delivery, both or neither; inside the caller's
   * `transaction` when given, so a message about a change goes only if the change commits.
   */
  async send(
    message: MailMessage,
    options: { transaction?: Transaction<DB> } = {}
  ): Promise<{ mailId: number }> {
    if (!address.test(message.to)) throw new MailError(`Not an e-mail address: ${message.to}`);
    const { repository, queue, config, clock } = this.deps;
    const write = async (transaction: Transaction<DB>) => {
      const mailId = await repository.insert(message, config.kind, clock(), transaction);
      await queue.enqueue('send-mail', { mailId }, { transaction });
      return { mailId };
    };
    return options.transaction ? write(options.transaction) : repository.transaction(write);
  }

  /**
   * The 'send-mail' job. A message already marked sent is left alone, so running this twice sends
   * once. (A worker that dies between the SMTP server's "OK" and the mark may send it again.)
   */
  async deliver({ mailId }: JobPayloads['send-mail']): Promise<void> {
    const { repository, config, clock } = this.deps;
    const mail = await repository.find(mailId);
    if (!mail || mail.sentAt) return;
    if (mail.transport === 'smtp') {
      try {
        if (config.kind !== 'smtp') {
          throw new MailError('This message is for SMTP, but no SMTP server is configured');
        }
        await this.smtp(config).sendMail({
          from: config.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html ?? undefined
        });
      } catch (error) {
        await repository.recordError(
          mailId,
          error instanceof Error ? error.message : String(error)
        );
        throw error;
      }
    }
    await repository.markSent(mailId, clock());
  }

  /**
   * What the platform has sent lately, newest first, for the association's admins: without a
   * mail server configured, this is where invitations and reset links can be read.
   */
  async outbox(actor: Actor | null, limit?: number): Promise<OutboxMail[]> {
    requireAccess(actor, 'mail.read', { kind: 'association' });
    return this.deps.repository.listRecent(limit);
  }

  close(): void {
    this.transporter?.close();
    this.transporter = null;
  }

  private smtp(config: Extract<MailConfig, { kind: 'smtp' }>): Transporter {
    this.transporter ??= nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      auth: config.user ? { user: config.user, pass: config.pass } : undefined,
      // A job should fail and retry, not hang for nodemailer's default minutes.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000
    });
    return this.transporter;
  }
}
