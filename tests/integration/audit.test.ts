import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { AuditLog } from '$lib/server/auth/audit-log';
import type { Actor } from '$lib/server/auth/access';
import { placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newMuseum, newStaffMember, testPlaces } from './factories';

describe.each(dialects)('the change log on %s', (dialect) => {
  let test: TestDatabase;
  let staff: StaffRepository;
  let log: AuditLog;
  let own: number;
  let other: number;
  let people: { association: Actor; admin: Actor; editor: Actor; otherAdmin: Actor };

  /** Writes an entry at a given instant, as the services would have then. */
  async function entry(who: Actor, museumId: number | null, action: string, at: string) {
    await staff.audit({ userId: who.userId, museumId, action, entity: 'museum' });
    await test.database.db
      .updateTable('audit_log')
      .set({ at })
      .where('id', '=', (eb) => eb.selectFrom('audit_log').select((s) => s.fn.max('id').as('id')))
      .execute();
  }

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    const museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const a = await catalogue.create(
      newMuseum({ name: { ru: 'Музей Амурска', en: 'Amursk Museum' } })
    );
    const b = await catalogue.create(newMuseum());
    if (!a.ok || !b.ok) throw new Error('test museums refused');
    own = a.id;
    other = b.id;
    staff = new StaffRepository(db);
    log = new AuditLog(staff, museums, () => new Date('2026-11-24T02:00:00Z'));
    people = {
      association: await newStaffMember(
        db,
        { role: 'association_admin', museumId: null },
        'Нина Маркова'
      ),
      admin: await newStaffMember(db, { role: 'museum_admin', museumId: own }, 'Анна Петрова'),
      editor: await newStaffMember(db, { role: 'museum_editor', museumId: own }, 'Олег Ким'),
      otherAdmin: await newStaffMember(db, { role: 'museum_admin', museumId: other }, 'Иван Котов')
    };
    // 130 entries over 13 days in the own museum, one a day in the other, a sign-in of the association.
    for (let i = 0; i < 130; i++) {
      const day = String(10 + Math.floor(i / 10)).padStart(2, '0');
      const action = i % 2 === 0 ? 'save-draft' : 'publish';
      const who = i % 2 === 0 ? people.editor : people.admin;
      await entry(who, own, action, `2026-11-${day}T0${i % 10}:00:00.000Z`);
    }
    for (let d = 10; d < 23; d++)
      await entry(people.otherAdmin, other, 'publish', `2026-11-${d}T03:00:00.000Z`);
    await staff.audit({
      userId: people.association.userId,
      museumId: null,
      action: 'sign-in',
      entity: 'session'
    });
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('reads as sentences on the museum’s clock, newest first', async () => {
    const { lines } = await log.page(people.admin, {}, 'ru');
    expect(lines[0]).toMatchObject({
      text: 'Анна Петрова опубликовала профиль музея «Музей Амурска»',
      when: '22 ноября, 19:00'
    });
    expect(lines[1]!.text).toBe('Олег Ким сохранил черновик профиля музея «Музей Амурска»');
  });

  it('pages by the last id shown: every entry once, and new entries do not shift the pages', async () => {
    const seen: number[] = [];
    let before: number | undefined;
    let pages = 0;
    do {
      const page = await log.page(people.admin, { before }, 'en');
      seen.push(...page.lines.map((l) => l.id));
      before = page.next ?? undefined;
      pages++;
      // Someone keeps working while the admin reads.
      if (pages === 1)
        await staff.audit({
          userId: people.admin.userId,
          museumId: own,
          action: 'publish',
          entity: 'museum'
        });
    } while (before !== undefined);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(130);
    expect(new Set(seen).size).toBe(130);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('shows a museum admin their own museum only, the association everything, an editor nothing', async () => {
    const mine = await log.page(people.otherAdmin, {}, 'en');
    expect(mine.lines).toHaveLength(13);
    expect(mine.lines.every((l) => l.text.startsWith('Иван Котов published'))).toBe(true);
    await expect(log.page(people.otherAdmin, { museumId: own }, 'en')).rejects.toThrow(
      'not found or no access'
    );
    await expect(log.page(people.editor, {}, 'en')).rejects.toThrow('not found or no access');
    expect(await log.recent(people.editor, 'en')).toEqual([]);
    const everything = await log.page(people.association, {}, 'en');
    expect(everything.lines.map((l) => l.text)).toContain('Нина Маркова signed in');
  });

  it('filters by museum, person, action and days on Khabarovsk’s calendar', async () => {
    const byPerson = await log.page(people.association, { userId: people.editor.userId }, 'en');
    expect(byPerson.lines.every((l) => l.text.startsWith('Олег Ким saved a draft'))).toBe(true);
    const byAction = await log.page(
      people.association,
      { museumId: other, action: 'publish' },
      'en'
    );
    expect(byAction.lines).toHaveLength(13);
    // 21 November in Khabarovsk runs from 20 Nov 14:00 UTC to 21 Nov 14:00 UTC.
    const oneDay = await log.page(
      people.association,
      { museumId: own, from: '2026-11-21', until: '2026-11-21' },
      'en'
    );
    expect(oneDay.lines.map((l) => l.at)).toEqual([
      ...['09', '08', '07', '06', '05', '04', '03', '02', '01', '00'].map(
        (h) => `2026-11-21T${h}:00:00.000Z`
      )
    ]);
  });

  it('gives the dashboard the latest ten the person may read', async () => {
    const recent = await log.recent(people.otherAdmin, 'ru');
    expect(recent).toHaveLength(10);
    expect(recent[0]!.text).toBe(
      'Иван Котов опубликовал профиль музея «' +
        (await log.filterChoices(people.otherAdmin, 'ru')).museums[0]!.name +
        '»'
    );
  });
});
