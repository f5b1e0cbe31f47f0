import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB, MailOutboxTable } from '../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

export type MailTransportKind = MailOutboxTable['transport'];

export interface OutboxMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  transport: MailTransportKind;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
}

/** SQL for the mail outbox: every message the platform sends, and whether it has gone. */
export class MailRepository {
  constructor(private readonly db: Kysely<DB>) {}

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async insert(
    mail: { to: string; subject: string; text: string; html?: string },
    transport: MailTransportKind,
    now: Date,
    executor: Executor = this.db
  ): Promise<number> {
    const row = await executor
      .insertInto('mail_outbox')
      .values({
        to_address: mail.to,
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html ?? null,
        transport,
        created_at: now.toISOString()
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async find(id: number): Promise<OutboxMail | undefined> {
    const row = await this.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toMail(row);
  }

  /** False when the message had already been marked sent. */
  async markSent(id: number, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('mail_outbox')
      .set({ sent_at: now.toISOString(), error: null })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async recordError(id: number, error: string): Promise<void> {
    await this.db
      .updateTable('mail_outbox')
      .set({ error: error.slice(0, 4000) })
      .where('id', '=', id)
      .execute();
  }

  /** The newest messages first: the outbox staff read. */
  async listRecent(limit = 50): Promise<OutboxMail[]> {
    const rows = await this.db
      .selectFrom('mail_outbox')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toMail);
  }
}

function toMail(row: Selectable<MailOutboxTable>): OutboxMail {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    transport: row.transport,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    error: row.error
  };
}
