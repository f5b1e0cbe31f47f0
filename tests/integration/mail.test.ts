import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobRepository } from '$lib/server/jobs/repository';
import { JobQueue } from '$lib/server/jobs/queue';
import { JobWorker } from '$lib/server/jobs/worker';
import { MailRepository } from '$lib/server/mail/repository';
import { Mailer, type MailConfig } from '$lib/server/mail/mailer';
import { NotFoundOrForbidden, type Actor } from '$lib/server/auth/access';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { bodyPart, header, startSmtpServer } from '../smtp-server';

/** A port nothing listens on: connections to it are refused. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Only the association's admins read the outbox. */
const associationAdmin: Actor = {
  userId: 'admin',
  grants: [{ role: 'association_admin', museumId: null, publishing: 'publish' }]
};

const letter = {
  to: 'curator@museum.test',
  subject: 'Новая выставка «Фрегат „Паллада“» — приглашение',
  text: 'Здравствуйте!\n\nЖдём вас в Гродековском музее: ёлка, самовар и карта Амура.',
  html: '<p>Здравствуйте!</p><p>Ждём вас в <b>Гродековском музее</b>.</p>'
};

describe.each(dialects)('mail on %s', (dialect) => {
  let test: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let now: number;
  const clock = () => new Date(now);
  let repository: MailRepository;
  let jobs: JobRepository;
  let queue: JobQueue;
  const mailers: Mailer[] = [];

  const mailer = (config: MailConfig) => {
    const m = new Mailer({ repository, queue, config, clock });
    mailers.push(m);
    return m;
  };
  const workerFor = (m: Mailer) =>
    new JobWorker({
      repository: jobs,
      clock,
      handlers: { 'send-mail': (payload) => m.deliver(payload) }
    });
  const smtpConfig = (port: number): MailConfig => ({
    kind: 'smtp',
    host: '127.0.0.1',
    port,
    secure: false,
    from: 'Краевед <noreply@kraeved.test>'
  });

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    for (const m of mailers) m.close();
    await smtp.close();
    await test.dispose();
  });
  beforeEach(() => {
    now = new Date('2026-11-24T02:00:00.000Z').getTime();
    repository = new MailRepository(test.database.db);
    jobs = new JobRepository(test.database.db, dialect, { retry: { random: () => 1 } });
    queue = new JobQueue(jobs, clock);
    smtp.received.length = 0;
  });

  it("shows the outbox to the association's admins only", async () => {
    const outbox = mailer({ kind: 'outbox' });
    const museumAdmin: Actor = {
      userId: 'museum-admin',
      grants: [{ role: 'museum_admin', museumId: 1, publishing: 'publish' }]
    };
    await expect(outbox.outbox(museumAdmin)).rejects.toThrow(NotFoundOrForbidden);
    await expect(outbox.outbox(null)).rejects.toThrow(NotFoundOrForbidden);
  });

  it('keeps a message in the outbox, where staff read it, and marks it sent', async () => {
    const outbox = mailer({ kind: 'outbox' });
    const { mailId } = await outbox.send(letter);
    expect((await outbox.outbox(associationAdmin))[0]).toMatchObject({
      id: mailId,
      to: letter.to,
      subject: letter.subject,
      text: letter.text,
      html: letter.html,
      transport: 'outbox',
      sentAt: null
    });
    expect((await queue.recent({ limit: 1 }))[0]).toMatchObject({
      name: 'send-mail',
      payload: { mailId },
      status: 'queued'
    });

    now += 1000;
    expect(await workerFor(outbox).drain()).toBe(1);
    const [sent] = await outbox.outbox(associationAdmin, 1);
    expect(sent).toMatchObject({ id: mailId, sentAt: '2026-11-24T02:00:01.000Z', error: null });
    expect((await queue.recent({ limit: 1 }))[0]).toMatchObject({ status: 'done' });
    expect(smtp.received).toHaveLength(0);
  });

  it('sends through a real SMTP server with the subject, recipient and Cyrillic text intact', async () => {
    const viaSmtp = mailer(smtpConfig(smtp.port));
    const { mailId } = await viaSmtp.send(letter);
    expect(smtp.received).toHaveLength(0);

    expect(await workerFor(viaSmtp).drain()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message!.to).toEqual(['curator@museum.test']);
    expect(message!.from).toBe('noreply@kraeved.test');
    expect(header(message!.raw, 'Subject')).toBe(letter.subject);
    expect(header(message!.raw, 'From')).toBe('Краевед <noreply@kraeved.test>');
    expect(bodyPart(message!.raw, 'text/plain').replace(/\r\n/g, '\n')).toBe(letter.text);
    expect(bodyPart(message!.raw, 'text/html')).toBe(letter.html);
    expect((await viaSmtp.outbox(associationAdmin, 1))[0]).toMatchObject({
      id: mailId,
      transport: 'smtp',
      sentAt: expect.any(String)
    });
  });

  it('sends once when the job runs twice', async () => {
    const viaSmtp = mailer(smtpConfig(smtp.port));
    const { mailId } = await viaSmtp.send({ to: letter.to, subject: 'Один раз', text: 'Раз.' });
    await viaSmtp.deliver({ mailId });
    await viaSmtp.deliver({ mailId });
    expect(await workerFor(viaSmtp).drain()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(header(smtp.received[0]!.raw, 'Subject')).toBe('Один раз');
  });

  it('keeps the error and retries later when the SMTP server cannot be reached', async () => {
    const unreachable = mailer(smtpConfig(await closedPort()));
    const { mailId } = await unreachable.send(letter);
    expect(await workerFor(unreachable).drain()).toBe(1);
    const [failed] = await unreachable.outbox(associationAdmin, 1);
    expect(failed).toMatchObject({
      id: mailId,
      sentAt: null,
      error: expect.stringMatching(/ECONNREFUSED/)
    });
    const [job] = await queue.recent({ limit: 1 });
    expect(job).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: expect.stringMatching(/ECONNREFUSED/)
    });

    // The operator fixes the address; the retry, once due, goes through.
    const fixed = mailer(smtpConfig(smtp.port));
    expect(await workerFor(fixed).drain()).toBe(0);
    now += 30_000;
    expect(await workerFor(fixed).drain()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect((await fixed.outbox(associationAdmin, 1))[0]).toMatchObject({
      id: mailId,
      sentAt: expect.any(String),
      error: null
    });
  });

  it('refuses what is not one e-mail address, and stores nothing', async () => {
    const outbox = mailer({ kind: 'outbox' });
    const before = (await outbox.outbox(associationAdmin)).length;
    await expect(
      outbox.send({ ...letter, to: 'curator@museum.test, other@museum.test' })
    ).rejects.toThrow(/Not an e-mail address/);
    expect((await outbox.outbox(associationAdmin)).length).toBe(before);
  });

  it('accepts an address on a Cyrillic domain', async () => {
    const viaSmtp = mailer(smtpConfig(smtp.port));
    await viaSmtp.send({ to: 'музей@краевед.рф', subject: 'Привет', text: 'Проверка' });
    expect(await workerFor(viaSmtp).drain()).toBe(1);
    expect(smtp.received[0]!.to).toEqual(['музей@краевед.рф']);
  });
});
