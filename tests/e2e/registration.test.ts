import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDatabase } from '$lib/server/db/connection';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { EventRepository } from '$lib/server/events/repository';
import { EventEditor } from '$lib/server/events/editor';
import { startServer, type RunningServer } from './server';
import { openBrowser, type OpenBrowser } from './browser';
import { industrialHeritage, signIn } from './helpers';
import { bodyPart, header, startSmtpServer } from '../smtp-server';

/**
 * A master class of the industrial-heritage museum with two places, a week ahead, published
 * straight into the running server's database through the events domain itself.
 */
async function publishMasterClass(dataDir: string) {
  const database = await openDatabase({
    kind: 'sqlite',
    file: path.join(dataDir, 'kraeved.sqlite')
  });
  try {
    const db = database.db;
    const museum = await db
      .selectFrom('museums')
      .where('slug', '=', industrialHeritage.slug)
      .select('id')
      .executeTakeFirstOrThrow();
    const admin = await db
      .selectFrom('users')
      .where('email', '=', 'admin@kraeved.demo')
      .select('id')
      .executeTakeFirstOrThrow();
    const actor = {
      userId: admin.id,
      grants: [
        { role: 'association_admin' as const, museumId: null, publishing: 'publish' as const }
      ]
    };
    const editor = new EventEditor(
      new EventRepository(db),
      new StaffRepository(db),
      () => new Date(),
      async () => []
    );
    const owner = { kind: 'museum', museumId: museum.id } as const;
    const made = await editor.create(actor, owner, {
      slug: 'forge-class',
      title: { ru: 'Кузнечный мастер-класс', en: 'Blacksmithing class' }
    });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    const day = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const saved = await editor.save(
      actor,
      owner,
      made.id,
      {
        slug: 'forge-class',
        kind: 'master-class',
        title: { ru: 'Кузнечный мастер-класс', en: 'Blacksmithing class' },
        dates: {
          kind: 'single',
          sessions: [{ key: 's1', date: day, start: '10:00', end: '12:00', capacity: 2 }]
        },
        venue: { kind: 'museum', museumId: museum.id },
        ageRating: '12+',
        registration: { enabled: true, phone: 'required' }
      },
      'publish'
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    return made.id;
  } finally {
    await database.close();
  }
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
  );
}

async function fillRegistration(page: Page, who: { name: string; email: string }) {
  await page.getByLabel('Имя и фамилия').fill(who.name);
  await page.getByLabel('Электронная почта').fill(who.email);
  await page.getByLabel('Телефон').fill('+7 914 123-45-67');
}

describe('registering for an event, cancelling, the waiting list and the staff list', () => {
  let server: RunningServer;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let plain: OpenBrowser;
  let scripted: OpenBrowser;
  let eventId: number;
  const eventPath = `/museums/${industrialHeritage.slug}/events/forge-class`;

  /** The text of the newest mail to `to` whose subject starts so, once it has arrived. */
  async function mailTo(to: string, subject: string): Promise<string> {
    let found: string | undefined;
    await expect
      .poll(
        () => {
          const mail = smtp.received.findLast(
            (r) => r.to.includes(to) && header(r.raw, 'Subject').startsWith(subject)
          );
          found = mail && bodyPart(mail.raw, 'text/plain');
          return Boolean(found);
        },
        { timeout: 30_000, interval: 250 }
      )
      .toBe(true);
    return found ?? '';
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({
      env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' }
    });
    eventId = await publishMasterClass(server.dataDir);
    plain = await openBrowser({ javaScriptEnabled: false });
    scripted = await openBrowser();
  });
  afterAll(async () => {
    await plain?.close();
    await scripted?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('finds the event in the calendar by town and registers without JavaScript, keeping what was typed', async () => {
    const page = await plain.newPage();
    await page.goto(`${server.url}/events?view=list&days=14`);
    await page.getByLabel('Населённый пункт').selectOption({ label: 'Хабаровск' });
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForLoadState();
    expect(new URL(page.url()).searchParams.get('town')).toBe('khabarovsk');
    await page.getByRole('link', { name: 'Кузнечный мастер-класс' }).first().click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(eventPath);
    await expect.poll(() => page.getByText('осталось мест: 2').count()).toBe(1);
    await fillRegistration(page, { name: 'Анна Первая', email: 'anna@example.ru' });
    await page.getByRole('button', { name: 'Записаться' }).click();
    await page.waitForLoadState();
    expect(await page.getByText('Без согласия на обработку персональных данных').count()).toBe(1);
    expect(await page.getByLabel('Имя и фамилия').inputValue()).toBe('Анна Первая');
    await page.getByLabel('Я согласен(на) на обработку персональных данных').check();
    await page.getByRole('button', { name: 'Записаться' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').textContent()).toContain('Вы записаны.');
    const mail = await mailTo('anna@example.ru', 'Вы записаны');
    expect(mail).toContain('Кузнечный мастер-класс');
    expect(mail).toMatch(/\/registrations\/cancel\/[A-Za-z0-9_-]{43}/);
  });

  it('registers with JavaScript in place, without leaving the event page', async () => {
    const page = await scripted.newPage();
    await page.goto(`${server.url}${eventPath}`);
    await page.evaluate(() => Object.assign(window, { stayed: true }));
    await fillRegistration(page, { name: 'Борис Второй', email: 'boris@example.ru' });
    await page.getByLabel('Я согласен(на) на обработку персональных данных').check();
    await page.getByRole('button', { name: 'Записаться' }).click();
    await expect
      .poll(() => page.locator('[data-outcome="confirmed"]').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true
    );
    expect(new URL(page.url()).pathname).toBe(eventPath);
    expect(await axeViolations(page)).toEqual([]);
    await mailTo('boris@example.ru', 'Вы записаны');
  });

  it('puts the third on the waiting list and promotes them when the first cancels by the link', async () => {
    const page = await plain.newPage();
    await page.goto(`${server.url}/registrations/event/${eventId}`);
    expect(await page.getByText('мест нет — запись в лист ожидания').count()).toBe(1);
    await fillRegistration(page, { name: 'Вера Третья', email: 'vera@example.ru' });
    await page.getByLabel('Я согласен(на) на обработку персональных данных').check();
    await page.getByRole('button', { name: 'Записаться' }).click();
    await page.waitForLoadState();
    expect(await page.locator('[data-outcome="waitlisted"]').count()).toBe(1);
    await mailTo('vera@example.ru', 'Лист ожидания');

    const confirmation = await mailTo('anna@example.ru', 'Вы записаны');
    const link = /https?:\/\/\S+\/registrations\/cancel\/[A-Za-z0-9_-]{43}/.exec(confirmation)?.[0];
    expect(link).toBeDefined();
    await page.goto(link!);
    expect(await page.getByText('Анна Первая, отменить вашу запись').count()).toBe(1);
    await page.getByRole('button', { name: 'Да, отменить запись' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('status').textContent()).toContain('Запись отменена.');
    await page.goto(link!);
    expect(await page.getByRole('status').textContent()).toContain('уже отменена');
    // axe runs in the page: a browser with JavaScript.
    const reader = await scripted.newPage();
    await reader.goto(link!);
    expect(await axeViolations(reader)).toEqual([]);

    const promoted = await mailTo('vera@example.ru', 'Место освободилось');
    expect(promoted).toContain('вы записаны на «Кузнечный мастер-класс»');
  });

  it('says what is wrong in English beside each field, in place with JavaScript', async () => {
    const page = await scripted.newPage();
    await page.goto(`${server.url}/en/registrations/event/${eventId}`);
    await page.getByLabel('E-mail').fill('not an address');
    await page.getByRole('button', { name: 'Register' }).click();
    await expect
      .poll(() => page.getByText('This does not look like an e-mail address').count())
      .toBe(1);
    expect(await page.getByLabel('E-mail').inputValue()).toBe('not an address');
    expect(await page.getByText('Fill in this field.').count()).toBe(2);
    expect(await page.getByText('We cannot register you without your consent').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the organiser’s staff the list: they download it and mark who came', async () => {
    const page = await plain.newPage();
    await signIn(page, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
    await page.goto(`${server.url}/admin/registrations`);
    await page.getByRole('link', { name: 'Кузнечный мастер-класс' }).click();
    await page.waitForLoadState();
    expect(await page.getByText('boris@example.ru').count()).toBe(1);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Скачать CSV' }).click()
    ]);
    const text = await readFile((await csv.path())!, 'utf8');
    expect(text).toContain('Борис Второй');
    expect(text).toContain('vera@example.ru');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Скачать XLSX' }).click()
    ]);
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString()).toBe('PK');

    await page.getByLabel('Борис Второй пришёл(ла)').check();
    await page.getByRole('button', { name: 'Сохранить посещаемость' }).click();
    await page.waitForLoadState();
    expect(await page.getByText('Посещаемость сохранена.').count()).toBe(1);
    await page.goto(`${server.url}/admin/registrations/${eventId}`);
    expect(await page.getByLabel('Борис Второй пришёл(ла)').isChecked()).toBe(true);

    // Staff of another museum do not see it at all.
    await signIn(page, server.url, 'grodekov-admin@kraeved.demo', 'demo-grodekov-admin');
    const other = await page.goto(`${server.url}/admin/registrations/${eventId}`);
    expect(other?.status()).toBe(404);
  });
});
