import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { clickAndLoad, screenshot, textOf } from './helpers';
import { startServer, type RunningServer } from './server';

const editorRow = 'Редактор музея \\(демо\\)';
const adminRow = 'Администратор музея \\(демо\\)';

/**
 * Three people, each signed in once in a browser of their own (sign-in allows five tries a
 * minute from one address): the museum admin with JavaScript, the editor with JavaScript, the
 * association admin without, so its forms go through plain posts.
 */
describe('the team, the change log and the jobs of the staff workspace', () => {
  let server: RunningServer;
  const browsers: OpenBrowser[] = [];
  let admin: Page;
  let editor: Page;
  let association: Page;
  let teamPath: string;

  async function signedIn(email: string, password: string, javaScriptEnabled: boolean) {
    const browser = await openBrowser({ javaScriptEnabled });
    browsers.push(browser);
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin/sign-in`);
    await page.getByLabel('Электронная почта').fill(email);
    await page.getByLabel('Пароль').fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(/\/admin$/);
    return page;
  }

  const row = (on: Page, name: string) => on.getByRole('row', { name: new RegExp(name) });
  const rights = (on: Page) => textOf(on.getByRole('region', { name: 'Ваши права' }));

  beforeAll(async () => {
    // A server of its own: these tests change who may do what.
    server = await startServer({ frozenNow: '2026-11-24T02:00:00Z' });
    admin = await signedIn('museum-admin@kraeved.demo', 'demo-museum-admin', true);
    editor = await signedIn('editor@kraeved.demo', 'demo-museum-editor', true);
    association = await signedIn('admin@kraeved.demo', 'demo-association-admin', false);
  });
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await server?.stop();
  });

  it('takes a museum admin from the dashboard to the museum’s team', async () => {
    await screenshot(admin, 'team-00-dashboard-ru');
    await clickAndLoad(admin, admin.getByRole('link', { name: 'Сотрудники', exact: true }));
    expect(new URL(admin.url()).pathname).toMatch(/^\/admin\/museums\/\d+\/team$/);
    teamPath = new URL(admin.url()).pathname;
    expect(await textOf(admin.locator('h1'))).toContain(
      'Музей индустриально-технического наследия'
    );
    const self = row(admin, adminRow);
    expect(await textOf(self)).toContain('это вы');
    // Nobody demotes or removes themselves: their own row offers nothing.
    expect(await self.getByRole('button').count()).toBe(0);
    expect(await textOf(row(admin, editorRow))).toContain('после проверки');
    await screenshot(admin, 'team-01-museum-team-ru');
  });

  it('lets the editor publish without review, and the editor’s next page knows it', async () => {
    expect(await rights(editor)).toContain('изменения публикуются после проверки');
    await row(admin, editorRow)
      .getByRole('button', { name: 'Разрешить публиковать без проверки' })
      .click();
    await expect
      .poll(() => admin.getByRole('status').first().textContent())
      .toContain('Сохранено: Редактор музея (демо)');
    expect(await textOf(row(admin, editorRow))).toContain('без проверки');

    await editor.reload();
    expect(await rights(editor)).toContain('может публиковать сам');

    await row(admin, editorRow)
      .getByRole('button', { name: 'Проверять перед публикацией' })
      .click();
    await expect.poll(() => textOf(row(admin, editorRow))).toContain('после проверки');
  });

  it('shows the editor the team but no controls, and no log, jobs or staff list', async () => {
    await editor.goto(`${server.url}${teamPath}`);
    expect(await row(editor, adminRow).count()).toBe(1);
    expect(await editor.getByRole('button', { name: /Сделать|Разрешить|Проверять/ }).count()).toBe(
      0
    );
    expect(await editor.getByRole('heading', { name: 'Пригласить коллегу' }).count()).toBe(0);
    for (const path of ['/admin/audit', '/admin/jobs', '/admin/team']) {
      const response = await editor.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(404);
    }
  });

  it('invites by e-mail, says what is wrong beside the field, and revokes the invitation', async () => {
    const email = admin.getByLabel('Электронная почта');
    await email.fill('not-an-address@');
    // Past the browser's own check, to see the server's answer.
    await email.evaluate((input: HTMLInputElement) => (input.type = 'text'));
    await admin.getByRole('button', { name: 'Отправить приглашение' }).click();
    await expect
      .poll(() => admin.locator('.field-error').first().textContent())
      .toContain('Проверьте адрес');
    expect(await email.inputValue()).toBe('not-an-address@');

    await email.fill('new.curator@museum.ru');
    await admin.getByRole('button', { name: 'Отправить приглашение' }).click();
    await expect
      .poll(() => admin.getByRole('status').first().textContent())
      .toContain('Приглашение отправлено на new.curator@museum.ru');
    const invitations = admin.getByRole('region', { name: 'Приглашения, которые ещё не приняты' });
    expect(await textOf(invitations)).toContain('new.curator@museum.ru');
    await screenshot(admin, 'team-02-invitation-ru');

    await admin
      .getByRole('button', { name: 'Отозвать приглашение для new.curator@museum.ru' })
      .click();
    await expect
      .poll(() => admin.getByRole('status').first().textContent())
      .toContain('ссылка из письма больше не работает');
    expect(await invitations.count()).toBe(0);
  });

  it('keeps the last admin of a museum, with a message beside the row', async () => {
    await association.goto(`${server.url}${teamPath}`);
    await clickAndLoad(
      association,
      row(association, adminRow).getByRole('button', { name: 'Сделать редактором' })
    );
    expect(await textOf(row(association, adminRow).getByRole('alert'))).toContain(
      'хотя бы один администратор'
    );
    expect(await textOf(row(association, adminRow))).toContain('Администратор музея');
    await screenshot(association, 'team-03-last-admin-ru');
  });

  it('makes an editor an admin and back, and removes access, without JavaScript', async () => {
    const click = (name: string, button: string) =>
      clickAndLoad(association, row(association, name).getByRole('button', { name: button }));
    await click(editorRow, 'Сделать администратором');
    expect(await textOf(row(association, editorRow))).toContain('Администратор музея');
    // With two admins, the first one may step down, and come back.
    await click(adminRow, 'Сделать редактором');
    expect(await textOf(row(association, adminRow))).toContain('Редактор музея');
    await click(adminRow, 'Сделать администратором');
    await click(editorRow, 'Сделать редактором');
    expect(await textOf(row(association, editorRow))).toContain('Редактор музея');

    await row(association, editorRow).getByText('Закрыть доступ…').click();
    await click(editorRow, 'Да, закрыть доступ');
    expect(await textOf(association.getByRole('status'))).toContain(
      'Доступ закрыт: Редактор музея (демо)'
    );
    expect(await row(association, editorRow).count()).toBe(0);

    // The editor's very next page no longer has the museum.
    await editor.goto(`${server.url}/admin`);
    expect(await textOf(editor.getByRole('region', { name: 'Мои музеи' }))).not.toContain(
      'индустриально'
    );
    expect((await editor.goto(`${server.url}${teamPath}`))?.status()).toBe(404);
  });

  it('shows the change log in words, filtered, in Russian and English', async () => {
    await admin.goto(`${server.url}/admin`);
    await clickAndLoad(admin, admin.getByRole('link', { name: 'Журнал изменений' }).first());
    const lines = admin.locator('.audit-lines li');
    expect(await textOf(lines.first())).toMatch(
      /^Администратор ассоциации \(демо\) закрыл доступ к музею «Музей индустриально-технического наследия Дальнего Востока»: Редактор музея \(демо\), \d{1,2} ноября, \d\d:\d\d$/
    );
    const all = await lines.allTextContents();
    expect(all.some((l) => l.includes('разрешил публиковать без проверки'))).toBe(true);
    // Sign-ins belong to no museum: a museum admin does not see them.
    expect(all.some((l) => l.includes('вошёл'))).toBe(false);
    await screenshot(admin, 'team-04-audit-ru');

    await admin.getByLabel('Действие').selectOption({ label: 'смена роли' });
    await clickAndLoad(admin, admin.getByRole('button', { name: 'Показать' }));
    const roleLines = await lines.allTextContents();
    expect(roleLines.length).toBeGreaterThan(0);
    expect(roleLines.every((l) => l.includes('назначил'))).toBe(true);

    await admin.goto(`${server.url}/admin/audit?from=24.11.2026`);
    expect(await textOf(admin.locator('.field-error'))).toContain('2026-11-22');

    await admin.goto(`${server.url}/en/admin/audit`);
    expect(await textOf(lines.first())).toMatch(
      /^Администратор ассоциации \(демо\) removed Редактор музея \(демо\) from Museum of the Industrial and Technical Heritage of the Far East, \d{1,2} November, \d\d:\d\d$/
    );
    await screenshot(admin, 'team-05-audit-en');
  });

  it('gives the association everyone’s list, and the jobs with their counts', async () => {
    await association.goto(`${server.url}/admin`);
    expect(await textOf(association.getByRole('region', { name: 'Фоновые задачи' }))).toContain(
      'С ошибкой: 0'
    );
    expect(await textOf(association.getByRole('region', { name: 'Последние действия' }))).toContain(
      'Администратор ассоциации (демо) вошёл в рабочий кабинет'
    );
    await screenshot(association, 'team-06-dashboard-association-ru');

    await clickAndLoad(
      association,
      association.getByRole('link', { name: 'Сотрудники всех музеев' })
    );
    await association.getByLabel('Имя или почта').fill('гродеков');
    await clickAndLoad(association, association.getByRole('button', { name: 'Показать' }));
    expect(await association.locator('tbody tr').count()).toBe(1);
    expect(await textOf(association.locator('tbody tr'))).toContain('grodekov-admin@kraeved.demo');
    await screenshot(association, 'team-07-all-staff-ru');
    await association.goto(`${server.url}/en/admin/team`);
    await screenshot(association, 'team-08-all-staff-en');

    await association.goto(`${server.url}/admin/jobs`);
    const mailRows = association.getByRole('row', { name: /Письмо/ });
    expect(await mailRows.count()).toBeGreaterThan(0);
    expect(await textOf(mailRows.first())).toContain('готово');
    await screenshot(association, 'team-09-jobs-ru');
    await association.goto(`${server.url}/en/admin/jobs`);
    await screenshot(association, 'team-10-jobs-en');
    await association.goto(`${server.url}/en${teamPath}`);
    await screenshot(association, 'team-11-museum-team-en');
    await association.goto(`${server.url}/en/admin`);
    await screenshot(association, 'team-12-dashboard-en');
  });

  it('retries a job that used up its attempts, from the jobs page', async () => {
    // A mail job whose last attempt failed, as a broken SMTP server would have left it.
    const db = new SQLite(path.join(server.dataDir, 'kraeved.sqlite'));
    db.pragma('busy_timeout = 5000');
    const { id } = db
      .prepare(
        `INSERT INTO jobs (name, payload, status, attempts, max_attempts, run_at, last_error, created_at, updated_at)
         VALUES ('send-mail', '{"mailId":999999}', 'failed', 5, 5, ?, 'connect ECONNREFUSED 127.0.0.1:25', ?, ?)
         RETURNING id`
      )
      .get(...Array(3).fill('2026-11-24T01:00:00.000Z')) as { id: number };
    db.close();

    await association.goto(`${server.url}/admin`);
    expect(await textOf(association.getByRole('region', { name: 'Фоновые задачи' }))).toContain(
      'С ошибкой: 1'
    );
    await clickAndLoad(
      association,
      association.getByRole('link', { name: 'Подробнее о задачах →' })
    );
    const failed = association.getByRole('row', { name: new RegExp(`^${id} `) });
    expect(await textOf(failed)).toContain('ECONNREFUSED');
    expect(await textOf(failed)).toContain('5 из 5');
    await screenshot(association, 'team-13-jobs-failed-ru');
    await clickAndLoad(
      association,
      failed.getByRole('button', { name: `Перезапустить задачу №${id}` })
    );
    expect(await textOf(association.getByRole('status'))).toContain(
      `Задача №${id} снова в очереди`
    );
    // The worker in the server takes it at once; the mail is long gone, so the job is done.
    await expect
      .poll(async () => {
        await association.goto(`${server.url}/admin/jobs`);
        return textOf(association.getByRole('row', { name: new RegExp(`^${id} `) }));
      })
      .toContain('готово');
    await association.goto(`${server.url}/admin/audit?action=retry`);
    expect(await textOf(association.locator('.audit-lines li').first())).toContain(
      `перезапустил фоновую задачу №${id}`
    );
  });
});
