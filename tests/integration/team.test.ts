import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { StaffRepository } from '$lib/server/auth/staff-repository';
import { Team } from '$lib/server/auth/team';
import { AuditLog } from '$lib/server/auth/audit-log';
import type { StaffAccounts } from '$lib/server/auth/accounts';
import type { Actor } from '$lib/server/auth/access';
import type { MailMessage } from '$lib/server/mail/mailer';
import { placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newAuth, newMuseum, newStaffMember, testPlaces } from './factories';

const cookieFrom = (setCookie: string[]) => setCookie.map((c) => c.split(';')[0]).join('; ');
const tokenIn = (text: string) => /token=([\w-]+)/.exec(text)![1]!;

describe.each(dialects)('a museum team on %s', (dialect) => {
  let test: TestDatabase;
  let accounts: StaffAccounts;
  let team: Team;
  let audit: AuditLog;
  let museums: MuseumRepository;
  let association: Actor;
  let museumId: number;
  let otherMuseumId: number;
  const sent: MailMessage[] = [];
  const now = () => new Date();

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    const db = test.database.db;
    museums = new MuseumRepository(db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const own = await catalogue.create(
      newMuseum({ name: { ru: 'Музей Амурска', en: 'Amursk Museum' } })
    );
    const other = await catalogue.create(newMuseum());
    if (!own.ok || !other.ok) throw new Error('test museums refused');
    museumId = own.id;
    otherMuseumId = other.id;
    accounts = newAuth(
      test.database,
      async () => {},
      async (m) => sent.push(m),
      now
    ).accounts;
    const staff = new StaffRepository(db);
    team = new Team(staff, museums, now);
    audit = new AuditLog(staff, museums, now);
    association = await newStaffMember(
      db,
      { role: 'association_admin', museumId: null },
      'Нина Маркова'
    );
  });
  afterAll(async () => {
    await test?.dispose();
  });

  /** A fresh museum with one admin and one editor, so each test starts from the same team. */
  let fresh: { museumId: number; admin: Actor; editor: Actor };
  beforeEach(async () => {
    const created = await new MuseumCatalogue(museums).create(newMuseum());
    if (!created.ok) throw new Error('museum refused');
    const db = test.database.db;
    fresh = {
      museumId: created.id,
      admin: await newStaffMember(
        db,
        { role: 'museum_admin', museumId: created.id },
        'Анна Петрова'
      ),
      editor: await newStaffMember(db, { role: 'museum_editor', museumId: created.id }, 'Олег Ким')
    };
  });

  it('lists who works on the museum, with their role, publishing and last sign-in', async () => {
    await accounts.createSeedAccount({
      name: 'Вера Лисова',
      email: 'vera@museum.ru',
      password: 'vera password 1',
      role: 'museum_editor',
      museumId,
      publishing: 'publish'
    });
    await accounts.createSeedAccount({
      name: 'Пётр Волков',
      email: 'petr@museum.ru',
      password: 'petr password 1',
      role: 'museum_admin',
      museumId
    });
    expect((await accounts.signIn('vera@museum.ru', 'vera password 1', '10.3.0.1')).ok).toBe(true);
    const petr = (await accounts.session(
      new Headers({
        cookie: cookieFrom(
          (
            (await accounts.signIn('petr@museum.ru', 'petr password 1', '10.3.0.2')) as {
              setCookie: string[];
            }
          ).setCookie
        )
      })
    ))!;
    const view = await team.ofMuseum(petr.actor, museumId, 'ru');
    expect(view.museum.name).toBe('Музей Амурска');
    expect(view.members.map((p) => [p.name, p.role, p.publishing, p.isYou])).toEqual([
      ['Пётр Волков', 'museum_admin', 'publish', true],
      ['Вера Лисова', 'museum_editor', 'publish', false]
    ]);
    expect(view.members.every((p) => p.lastSignIn !== null)).toBe(true);
    expect(view).toMatchObject({ canChange: true, canInviteEditors: true, canInviteAdmins: false });
  });

  it('makes an editor an admin and back, and the next request sees it', async () => {
    await accounts.createSeedAccount({
      name: 'Мария Белова',
      email: 'maria@museum.ru',
      password: 'maria password 1',
      role: 'museum_editor',
      museumId: fresh.museumId
    });
    const signedIn = await accounts.signIn('maria@museum.ru', 'maria password 1', '10.3.0.3');
    const headers = new Headers({
      cookie: cookieFrom((signedIn as { setCookie: string[] }).setCookie)
    });
    const maria = (await accounts.session(headers))!;

    expect(
      await team.change(fresh.admin, fresh.museumId, maria.user.id, {
        kind: 'role',
        role: 'museum_admin'
      })
    ).toEqual({ ok: true, name: 'Мария Белова' });
    expect((await accounts.session(headers))!.actor.grants).toEqual([
      { role: 'museum_admin', museumId: fresh.museumId, publishing: 'publish' }
    ]);
    expect(
      await team.change(fresh.admin, fresh.museumId, maria.user.id, {
        kind: 'role',
        role: 'museum_editor'
      })
    ).toEqual({ ok: true, name: 'Мария Белова' });
    expect((await accounts.session(headers))!.actor.grants).toEqual([
      { role: 'museum_editor', museumId: fresh.museumId, publishing: 'review' }
    ]);
  });

  it('switches whether an editor publishes without review', async () => {
    const id = fresh.editor.userId;
    await team.change(fresh.admin, fresh.museumId, id, {
      kind: 'publishing',
      publishing: 'publish'
    });
    const staff = new StaffRepository(test.database.db);
    expect(await staff.grantsOf(id)).toEqual([
      { role: 'museum_editor', museumId: fresh.museumId, publishing: 'publish' }
    ]);
    await team.change(fresh.admin, fresh.museumId, id, {
      kind: 'publishing',
      publishing: 'review'
    });
    expect((await staff.grantsOf(id))[0]?.publishing).toBe('review');
  });

  it('removes someone’s access to the museum, and their rights with it', async () => {
    expect(
      await team.change(fresh.admin, fresh.museumId, fresh.editor.userId, { kind: 'remove' })
    ).toEqual({ ok: true, name: 'Олег Ким' });
    expect(await new StaffRepository(test.database.db).grantsOf(fresh.editor.userId)).toEqual([]);
    expect(
      await team.change(fresh.admin, fresh.museumId, fresh.editor.userId, { kind: 'remove' })
    ).toEqual({
      ok: false,
      reason: 'gone'
    });
  });

  it('lets nobody demote or remove themselves', async () => {
    const second = await newStaffMember(test.database.db, {
      role: 'museum_admin',
      museumId: fresh.museumId
    });
    for (const change of [{ kind: 'role', role: 'museum_editor' }, { kind: 'remove' }] as const) {
      expect(await team.change(second, fresh.museumId, second.userId, change)).toEqual({
        ok: false,
        reason: 'self'
      });
    }
  });

  it('keeps at least one museum admin', async () => {
    for (const change of [{ kind: 'role', role: 'museum_editor' }, { kind: 'remove' }] as const) {
      expect(await team.change(association, fresh.museumId, fresh.admin.userId, change)).toEqual({
        ok: false,
        reason: 'last-admin'
      });
    }
    const view = await team.ofMuseum(association, fresh.museumId, 'ru');
    expect(view.members.filter((p) => p.role === 'museum_admin')).toHaveLength(1);
  });

  it('lets only one of two admins demoting each other at the same moment succeed', async () => {
    // Many rounds straight at the repository, so the two transactions really overlap.
    const staff = new StaffRepository(test.database.db);
    for (let round = 0; round < 15; round++) {
      const created = await new MuseumCatalogue(museums).create(newMuseum());
      if (!created.ok) throw new Error('museum refused');
      const db = test.database.db;
      const a = await newStaffMember(db, { role: 'museum_admin', museumId: created.id });
      const b = await newStaffMember(db, { role: 'museum_admin', museumId: created.id });
      const demote = { role: 'museum_editor', publishing: 'review' } as const;
      const results = await Promise.all([
        staff.changeGrant(created.id, a.userId, demote),
        staff.changeGrant(created.id, b.userId, demote)
      ]);
      expect(results.sort()).toEqual(['changed', 'last-admin']);
    }
  });

  it('writes every change to the audit log, in words', async () => {
    await team.change(fresh.admin, fresh.museumId, fresh.editor.userId, {
      kind: 'publishing',
      publishing: 'publish'
    });
    await team.change(fresh.admin, fresh.museumId, fresh.editor.userId, {
      kind: 'role',
      role: 'museum_admin'
    });
    await team.change(association, fresh.museumId, fresh.editor.userId, { kind: 'remove' });
    const { lines } = await audit.page(fresh.admin, { museumId: fresh.museumId }, 'ru');
    const name = (await team.ofMuseum(association, fresh.museumId, 'ru')).museum.name;
    expect(lines.map((l) => l.text)).toEqual([
      `Нина Маркова закрыла доступ к музею «${name}»: Олег Ким`,
      `Анна Петрова назначила администратором музея «${name}»: Олег Ким`,
      `Анна Петрова разрешила публиковать без проверки в музее «${name}»: Олег Ким`
    ]);
  });

  it('lists open invitations and revokes one, so its link stops working', async () => {
    await accounts.invite(
      fresh.admin,
      { email: 'guest@museum.ru', role: 'museum_editor', museumId: fresh.museumId },
      { name: 'Анна Петрова' },
      '/admin/accept'
    );
    const token = tokenIn(sent.at(-1)!.text);
    const view = await team.ofMuseum(fresh.admin, fresh.museumId, 'ru');
    expect(view.invitations.map((i) => [i.email, i.role, i.invitedBy])).toEqual([
      ['guest@museum.ru', 'museum_editor', 'Анна Петрова']
    ]);
    const id = view.invitations[0]!.id;
    expect(await team.revokeInvitation(fresh.admin, fresh.museumId, id)).toEqual({
      email: 'guest@museum.ru'
    });
    expect(await accounts.invitation(token)).toBeUndefined();
    expect((await team.ofMuseum(fresh.admin, fresh.museumId, 'ru')).invitations).toEqual([]);
    expect(await team.revokeInvitation(fresh.admin, fresh.museumId, id)).toBeNull();
    // Editors see the team but not the invitations.
    expect((await team.ofMuseum(fresh.editor, fresh.museumId, 'ru')).canInviteEditors).toBe(false);
  });

  it('lets a museum admin withdraw an editor’s invitation but not an admin’s', async () => {
    await accounts.invite(
      association,
      { email: 'boss@museum.ru', role: 'museum_admin', museumId: fresh.museumId },
      { name: 'Нина Маркова' },
      '/admin/accept'
    );
    const [invitation] = (await team.ofMuseum(fresh.admin, fresh.museumId, 'ru')).invitations;
    await expect(
      team.revokeInvitation(fresh.admin, fresh.museumId, invitation!.id)
    ).rejects.toThrow('not found or no access');
    expect(await team.revokeInvitation(association, fresh.museumId, invitation!.id)).toEqual({
      email: 'boss@museum.ru'
    });
  });

  it('shows the association everyone, filtered by museum, role and a name in any case', async () => {
    const all = await team.everyone(association, {}, 'en');
    expect(all.some((p) => p.role === 'association_admin' && p.museum === null)).toBe(true);
    const found = await team.everyone(
      association,
      { query: 'АННА', museumId: fresh.museumId },
      'en'
    );
    expect(found.map((p) => [p.name, p.role])).toEqual([['Анна Петрова', 'museum_admin']]);
    const editors = await team.everyone(association, { role: 'museum_editor' }, 'en');
    expect(editors.every((p) => p.role === 'museum_editor')).toBe(true);
    await expect(team.everyone(fresh.admin, {}, 'en')).rejects.toThrow('not found or no access');
    expect(otherMuseumId).toBeGreaterThan(0);
  });
});
