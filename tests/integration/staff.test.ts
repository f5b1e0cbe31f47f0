import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MuseumRepository } from '$lib/server/museums/repository';
import { MuseumCatalogue } from '$lib/server/museums/catalogue';
import { NotFoundOrForbidden } from '$lib/server/auth/access';
import type { StaffAccounts } from '$lib/server/auth/accounts';
import { placeInput } from '$lib/shared/association';
import { dialects, freshDatabase, type TestDatabase } from './databases';
import { newAccounts, newAuth, newMuseum, testPlaces } from './factories';

/** The session cookie a sign-in sets, as a browser would send it back. */
const cookieFrom = (setCookie: string[]) => setCookie.map((c) => c.split(';')[0]).join('; ');

describe.each(dialects)('staff accounts on %s', (dialect) => {
  let test: TestDatabase;
  let accounts: StaffAccounts;
  let ownMuseum: number;
  let otherMuseum: number;

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    accounts = newAccounts(test.database);
    const museums = new MuseumRepository(test.database.db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const own = await catalogue.create(newMuseum());
    const other = await catalogue.create(newMuseum());
    if (!own.ok || !other.ok) throw new Error('test museums refused');
    ownMuseum = own.id;
    otherMuseum = other.id;
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('makes the first person the association admin, and only the first', async () => {
    expect(await accounts.needsFirstAdmin()).toBe(true);
    const first = await accounts.createFirstAdmin({
      name: 'Нина Маркова',
      email: 'Nina@Example.ru',
      password: 'first admin password'
    });
    expect(first.ok).toBe(true);
    expect(await accounts.needsFirstAdmin()).toBe(false);
    const second = await accounts.createFirstAdmin({
      name: 'Someone Else',
      email: 'else@example.ru',
      password: 'another password!'
    });
    expect(second.ok).toBe(false);
  });

  it('signs in with the right password only, and the session knows the roles', async () => {
    expect(await accounts.signIn('nina@example.ru', 'wrong password', '10.0.0.1')).toEqual({
      ok: false,
      reason: 'invalid'
    });
    const signedIn = await accounts.signIn('NINA@example.ru', 'first admin password', '10.0.0.1');
    expect(signedIn.ok).toBe(true);
    if (!signedIn.ok) return;
    const session = await accounts.session(new Headers({ cookie: cookieFrom(signedIn.setCookie) }));
    expect(session?.user.email).toBe('nina@example.ru');
    expect(session?.actor.grants).toEqual([
      { role: 'association_admin', museumId: null, publishing: 'publish' }
    ]);
  });

  it('keeps the session cookie HttpOnly and SameSite=Lax', async () => {
    const signedIn = await accounts.signIn('nina@example.ru', 'first admin password', '10.0.0.2');
    expect(signedIn.ok && signedIn.setCookie[0]).toMatch(/HttpOnly/i);
    expect(signedIn.ok && signedIn.setCookie[0]).toMatch(/SameSite=Lax/i);
  });

  it('stops guessing: the sixth sign-in in a minute from one address is refused', async () => {
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(await accounts.signIn('nina@example.ru', 'guess ' + i, '10.9.9.9'));
    expect(results.slice(0, 5).every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
    expect(results[5]).toEqual({ ok: false, reason: 'rate-limited' });
    // Another address is not affected.
    expect((await accounts.signIn('nina@example.ru', 'first admin password', '10.9.9.10')).ok).toBe(
      true
    );
  });

  it('signs out everywhere: every session of the person ends', async () => {
    const a = await accounts.signIn('nina@example.ru', 'first admin password', '10.0.1.1');
    const b = await accounts.signIn('nina@example.ru', 'first admin password', '10.0.1.2');
    if (!a.ok || !b.ok) throw new Error('sign-in failed');
    const first = new Headers({ cookie: cookieFrom(a.setCookie) });
    const second = new Headers({ cookie: cookieFrom(b.setCookie) });
    await accounts.signOut(first, true);
    expect(await accounts.session(first)).toBeNull();
    expect(await accounts.session(second)).toBeNull();
  });

  it('lets a museum admin add editors to their museum and nowhere else', async () => {
    const adminSession = await accounts.signIn(
      'nina@example.ru',
      'first admin password',
      '10.0.2.1'
    );
    if (!adminSession.ok) throw new Error('sign-in failed');
    const association = await accounts.session(
      new Headers({ cookie: cookieFrom(adminSession.setCookie) })
    );
    await accounts.createAccount(association!.actor, {
      name: 'Директор',
      email: 'director@museum.ru',
      password: 'director password',
      role: 'museum_admin',
      museumId: ownMuseum
    });
    const signedIn = await accounts.signIn('director@museum.ru', 'director password', '10.0.2.2');
    if (!signedIn.ok) throw new Error('sign-in failed');
    const director = await accounts.session(
      new Headers({ cookie: cookieFrom(signedIn.setCookie) })
    );
    const editor = {
      name: 'Редактор',
      password: 'editor password',
      role: 'museum_editor' as const
    };

    await accounts.createAccount(director!.actor, {
      ...editor,
      email: 'e1@museum.ru',
      museumId: ownMuseum
    });
    await expect(
      accounts.createAccount(director!.actor, {
        ...editor,
        email: 'e2@museum.ru',
        museumId: otherMuseum
      })
    ).rejects.toThrow(NotFoundOrForbidden);
    await expect(
      accounts.createAccount(director!.actor, {
        ...editor,
        role: 'museum_admin',
        email: 'e3@museum.ru',
        museumId: ownMuseum
      })
    ).rejects.toThrow(NotFoundOrForbidden);
    expect((await accounts.signIn('e2@museum.ru', 'editor password', '10.0.2.3')).ok).toBe(false);
  });
});

describe.each(dialects)('password reset on %s', (dialect) => {
  let test: TestDatabase;

  afterAll(async () => {
    await test?.dispose();
  });

  it('mails a one-time link that sets a new password and ends the old sessions', async () => {
    test = await freshDatabase(dialect);
    const sent: { to: string; url: string }[] = [];
    const { auth, accounts } = newAuth(test.database, async (to, url) => {
      sent.push({ to: to.email, url });
    });
    await accounts.createFirstAdmin({
      name: 'Нина',
      email: 'nina@example.ru',
      password: 'old password 123'
    });
    const old = await accounts.signIn('nina@example.ru', 'old password 123', '10.1.0.1');
    if (!old.ok) throw new Error('sign-in failed');

    await accounts.requestPasswordReset(
      'nina@example.ru',
      '10.1.0.1',
      'http://localhost:3000/admin/reset'
    );
    await accounts.requestPasswordReset(
      'nobody@example.ru',
      '10.1.0.1',
      'http://localhost:3000/admin/reset'
    );
    expect(sent.map((s) => s.to)).toEqual(['nina@example.ru']);

    // The link leads through better-auth, which checks the token and sends the person to our page.
    const redirect = await auth.handler(new Request(sent[0]!.url));
    const link = redirect.headers.get('location') ?? '';
    const token = new URL(link).searchParams.get('token');
    expect(new URL(link).pathname).toBe('/admin/reset');
    expect(token).toBeTruthy();

    expect((await accounts.resetPassword(token!, 'short')).ok).toBe(false);
    expect((await accounts.resetPassword(token!, 'a brand new password')).ok).toBe(true);
    expect((await accounts.resetPassword(token!, 'the link works once')).ok).toBe(false);
    expect(await accounts.session(new Headers({ cookie: cookieFrom(old.setCookie) }))).toBeNull();
    expect((await accounts.signIn('nina@example.ru', 'old password 123', '10.1.0.2')).ok).toBe(
      false
    );
    expect((await accounts.signIn('nina@example.ru', 'a brand new password', '10.1.0.2')).ok).toBe(
      true
    );
  });
});

describe.each(dialects)('invitations on %s', (dialect) => {
  let test: TestDatabase;
  let accounts: StaffAccounts;
  let now = new Date('2026-11-24T02:00:00Z');
  const sent: { to: string; text: string }[] = [];
  let ownMuseum: number;
  let otherMuseum: number;
  let directorId = '';
  const museumAdmin = (museumId: number) => ({
    userId: directorId,
    grants: [{ role: 'museum_admin' as const, museumId, publishing: 'publish' as const }]
  });
  const linkIn = (text: string) => text.match(/https?:\/\/\S+/)?.[0] ?? '';
  const tokenIn = (text: string) => new URL(linkIn(text)).searchParams.get('token') ?? '';

  beforeAll(async () => {
    test = await freshDatabase(dialect);
    accounts = newAuth(
      test.database,
      undefined,
      async (message) => sent.push(message),
      () => now
    ).accounts;
    const museums = new MuseumRepository(test.database.db);
    await museums.upsertPlaces(placeInput.parse(testPlaces));
    const catalogue = new MuseumCatalogue(museums);
    const own = await catalogue.create(newMuseum());
    const other = await catalogue.create(newMuseum());
    if (!own.ok || !other.ok) throw new Error('test museums refused');
    ownMuseum = own.id;
    otherMuseum = other.id;
    directorId = await accounts.createSeedAccount({
      name: 'Директор',
      email: 'director@museum.ru',
      password: 'director password',
      role: 'museum_admin',
      museumId: ownMuseum
    });
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('mails a link that makes an editor of the inviting museum, once', async () => {
    const director = (await accounts.signIn(
      'director@museum.ru',
      'director password',
      '10.2.0.1'
    )) as {
      ok: true;
      setCookie: string[];
    };
    const session = await accounts.session(new Headers({ cookie: cookieFrom(director.setCookie) }));
    await accounts.invite(
      session!.actor,
      { email: 'New.Editor@museum.ru', role: 'museum_editor', museumId: ownMuseum },
      { name: 'Директор' },
      '/admin/accept'
    );
    expect(sent.at(-1)?.to).toBe('new.editor@museum.ru');
    const token = tokenIn(sent.at(-1)!.text);
    expect(linkIn(sent.at(-1)!.text)).toMatch(/^http:\/\/localhost:3000\/admin\/accept\?token=/);
    expect((await accounts.invitation(token))?.role).toBe('museum_editor');

    const accepted = await accounts.acceptInvitation(
      token,
      { name: 'Новый редактор', password: 'editor password 1' },
      '10.2.0.2'
    );
    expect(accepted.ok).toBe(true);
    const editorSession = accepted.ok
      ? await accounts.session(new Headers({ cookie: cookieFrom(accepted.setCookie) }))
      : null;
    expect(editorSession?.actor.grants).toEqual([
      { role: 'museum_editor', museumId: ownMuseum, publishing: 'review' }
    ]);
    expect(
      await accounts.acceptInvitation(
        token,
        { name: 'Again', password: 'editor password 2' },
        '10.2.0.3'
      )
    ).toEqual({
      ok: false,
      reason: 'expired'
    });
  });

  it('refuses invitations to another museum, and a museum admin inviting an admin', async () => {
    await expect(
      accounts.invite(
        museumAdmin(ownMuseum),
        { email: 'x@museum.ru', role: 'museum_editor', museumId: otherMuseum },
        { name: 'Д' },
        '/admin/accept'
      )
    ).rejects.toThrow(NotFoundOrForbidden);
    await expect(
      accounts.invite(
        museumAdmin(ownMuseum),
        { email: 'x@museum.ru', role: 'museum_admin', museumId: ownMuseum },
        { name: 'Д' },
        '/admin/accept'
      )
    ).rejects.toThrow(NotFoundOrForbidden);
  });

  it('lets a link expire after a week, and knows no made-up token', async () => {
    await accounts.invite(
      museumAdmin(ownMuseum),
      { email: 'late@museum.ru', role: 'museum_editor', museumId: ownMuseum },
      { name: 'Д' },
      '/admin/accept'
    );
    const token = tokenIn(sent.at(-1)!.text);
    now = new Date(now.getTime() + 8 * 86_400_000);
    expect(await accounts.invitation(token)).toBeUndefined();
    expect(
      (
        await accounts.acceptInvitation(
          token,
          { name: 'Late', password: 'late password 1' },
          '10.2.0.4'
        )
      ).ok
    ).toBe(false);
    expect(await accounts.invitation('made-up-token')).toBeUndefined();
  });
});
