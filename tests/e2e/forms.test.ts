import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser';
import { industrialHeritage, screenshot, signIn } from './helpers';
import { startServer, type RunningServer } from './server';

/**
 * The staff forms with JavaScript: contact people and notices as rows, autosave of drafts, and
 * the association's form with the rich-text editor and pasting from Google Docs.
 */
describe('staff forms: rows, autosave and the association', () => {
  let server: RunningServer;
  let browser: OpenBrowser;
  let page: Page;
  let museumForm: string;

  const signInAs = (email: string, password: string) => signIn(page, server.url, email, password);

  /** Opens a staff form and waits until its script runs (the rich-text toolbar is there). */
  async function openForm(url: string) {
    await page.goto(url);
    await page.getByRole('toolbar', { name: 'Оформление текста' }).first().waitFor();
  }

  beforeAll(async () => {
    // A server of its own: these tests change a museum and the association that others read.
    server = await startServer({ frozenNow: '2026-11-24T02:00:00Z' });
    browser = await openBrowser();
    page = await browser.newPage();
    await signInAs('museum-admin@kraeved.demo', 'demo-museum-admin');
    await page.getByRole('link', { name: industrialHeritage.ru }).first().click();
    await page.waitForURL(/\/admin\/museums\/\d+$/);
    museumForm = page.url();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('adds a contact person and a notice, publishes, and visitors see both', async () => {
    await openForm(museumForm);
    const people = page.getByRole('group', { name: 'Контактные лица' });
    // The empty row is there to fill; a second one comes from the button.
    await people.getByRole('button', { name: 'Добавить контактное лицо' }).click();
    const second = people.getByRole('group', { name: 'Контактное лицо 2' });
    await second.getByRole('group', { name: 'Имя' }).getByLabel('По-русски').fill('Анна Петрова');
    await second
      .getByRole('group', { name: 'Имя' })
      .getByLabel('По-английски')
      .fill('Anna Petrova');
    await second
      .getByRole('group', { name: 'Должность' })
      .getByLabel('По-русски')
      .fill('Хранитель');
    await second
      .getByRole('group', { name: 'Должность' })
      .getByLabel('По-английски')
      .fill('Curator');
    await second.getByLabel('Телефон').fill('+7 924 000-00-01');
    // Moved up, the person keeps what was typed; the empty first row is then removed.
    await second.getByRole('button', { name: 'Выше: Контактное лицо 2' }).click();
    await people.getByRole('button', { name: 'Удалить: Контактное лицо 2' }).click();
    await expect
      .poll(() => people.getByRole('group', { name: /^Контактное лицо \d$/ }).count())
      .toBe(1);

    const notices = page.getByRole('group', { name: 'Объявления для посетителей' });
    const notice = notices.getByRole('group', { name: 'Объявление 1' });
    await notice.getByLabel('По-русски').fill('Вход по пушкинской карте с 1 декабря.');
    await notice.getByLabel('По-английски').fill('The Pushkin card is accepted from 1 December.');
    await notice.getByLabel('Показывать с').fill('2026-11-20');
    await notice.getByLabel('Показывать по').fill('2026-12-31');
    await screenshot(page, 'forms-01-rows');

    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await page.getByRole('status').filter({ hasText: 'Опубликовано' }).waitFor();

    const visitor = await browser.newPage();
    await visitor.goto(`${server.url}/museums/${industrialHeritage.slug}`);
    const contacts = visitor.getByRole('region', { name: 'Контакты' });
    expect(await contacts.textContent()).toContain('Анна Петрова');
    expect(await contacts.textContent()).toContain('Хранитель');
    expect(
      await visitor.getByRole('complementary', { name: 'Внимание' }).first().textContent()
    ).toContain('Вход по пушкинской карте с 1 декабря.');
    await visitor.close();
  });

  it('refuses a notice that ends before it starts, beside its end date, keeping what was typed', async () => {
    await openForm(museumForm);
    const notice = page
      .getByRole('group', { name: 'Объявления для посетителей' })
      .getByRole('group', { name: 'Объявление 2' });
    await notice.getByLabel('По-русски').fill('Санитарный день');
    await notice.getByLabel('По-английски').fill('Cleaning day');
    await notice.getByLabel('Показывать с').fill('2026-12-10');
    await notice.getByLabel('Показывать по').fill('2026-12-01');
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByText('Дата окончания раньше даты начала.').waitFor();
    expect(await notice.getByLabel('По-русски').inputValue()).toBe('Санитарный день');
  });

  it('saves a draft by itself when typing stops, and the text is there after a reload', async () => {
    await openForm(museumForm);
    await page.locator('input[name="summary.ru"]').fill('Музей паровозов и тракторов.');
    await page.getByText(/^Черновик сохранён в \d\d:\d\d$/).waitFor({ timeout: 15_000 });
    await screenshot(page, 'forms-02-autosaved');
    await openForm(museumForm);
    expect(await page.locator('input[name="summary.ru"]').inputValue()).toBe(
      'Музей паровозов и тракторов.'
    );
    // A draft only: visitors still read the published summary.
    const published = await (
      await fetch(`${server.url}/museums/${industrialHeritage.slug}`)
    ).text();
    expect(published).not.toContain('Музей паровозов и тракторов.');
  });

  it('works without JavaScript: HTML in a plain textarea, and an empty row to fill', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      const p = await plain.newPage();
      await signIn(p, server.url, 'museum-admin@kraeved.demo', 'demo-museum-admin');
      await p.goto(museumForm);
      expect(await p.locator('textarea[name="about.ru"]').inputValue()).toMatch(/^<p>/);
      const people = p.getByRole('group', { name: 'Контактные лица' });
      const empty = people.getByRole('group', { name: /^Контактное лицо \d$/ }).last();
      await empty.getByRole('group', { name: 'Имя' }).getByLabel('По-русски').fill('Олег Ким');
      await empty.getByRole('group', { name: 'Имя' }).getByLabel('По-английски').fill('Oleg Kim');
      await empty.getByLabel('№').fill('0');
      await p.getByRole('button', { name: 'Сохранить черновик' }).click();
      await p.getByRole('status').filter({ hasText: 'Черновик сохранён' }).waitFor();
      // Numbered 0, the new person comes first; the draft keeps the person saved before.
      const names = await p
        .locator('input[name^="contacts."][name$=".name.ru"]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      expect(names).toEqual(['Олег Ким', 'Анна Петрова', '']);
    } finally {
      await plain.close();
    }
  });

  it('gives a museum admin no association form', async () => {
    const response = await page.goto(`${server.url}/admin/association`);
    expect(response?.status()).toBe(404);
  });

  it('lets the association admin edit the about text, pasted from Google Docs, and visitors read it clean', async () => {
    await signInAs('admin@kraeved.demo', 'demo-association-admin');
    await page.getByRole('link', { name: 'Сведения об ассоциации' }).click();
    await page.waitForURL(/\/admin\/association$/);
    await page.getByRole('toolbar', { name: 'Оформление текста' }).first().waitFor();
    const about = page
      .getByRole('group', { name: 'Об ассоциации', exact: true })
      .getByRole('textbox', { name: 'По-русски' });
    await about.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    const clipboard = await readFile(
      new URL(
        '../../src/lib/components/staff/rich-text/fixtures/google-docs.html',
        import.meta.url
      ),
      'utf8'
    );
    await about.evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Цели ассоциации');
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
      );
    }, clipboard);
    await page
      .getByRole('toolbar', { name: 'Оформление текста' })
      .first()
      .getByRole('button', { name: 'Полужирный' })
      .waitFor();
    await screenshot(page, 'forms-03-association-pasted');
    await page.getByRole('button', { name: 'Сохранить и опубликовать' }).click();
    await page.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();

    const html = await (await fetch(`${server.url}/association`)).text();
    expect(html).toContain('<strong>музеи Хабаровского края</strong>');
    expect(html).toContain('<em>поддерживает</em>');
    expect(html).toContain('href="https://museums-khv.ru/charter"');
    const prose = html.slice(html.indexOf('class="prose"'));
    expect(prose.slice(0, prose.indexOf('</div>'))).not.toMatch(/style=|docs-internal-guid|<span/);
  });
});
