import { z } from 'zod';
import type { Auth } from './auth';
import { clientAddressHeader, hashPassword } from './auth';
import { requireAccess, type Actor, type Role } from './access';
import type { StaffRepository } from './staff-repository';

export interface StaffSession {
  user: { id: string; name: string; email: string };
  actor: Actor;
}

export type SignInResult =
  { ok: true; setCookie: string[] } | { ok: false; reason: 'invalid' | 'rate-limited' };

export const newAccountInput = z.object({
  name: z.string().trim().min(2).max(120),
  email: z.email().transform((e) => e.toLowerCase()),
  password: z.string().min(10).max(200)
});
export type NewAccount = z.input<typeof newAccountInput>;

/** Staff accounts: sign-in and sessions through better-auth, roles and the audit log through us. */
export class StaffAccounts {
  constructor(
    private readonly auth: Auth,
    private readonly staff: StaffRepository
  ) {}

  async session(headers: Headers): Promise<StaffSession | null> {
    const session = await this.auth.api.getSession({ headers });
    if (!session) return null;
    const { id, name, email } = session.user;
    return {
      user: { id, name, email },
      actor: { userId: id, grants: await this.staff.grantsOf(id) }
    };
  }

  async signIn(email: string, password: string, clientAddress: string): Promise<SignInResult> {
    // Through better-auth's router, not auth.api: only the router applies the rate limits.
    const response = await this.endpoint('/sign-in/email', clientAddress, {
      email: email.trim().toLowerCase(),
      password
    });
    if (response.status === 429) return { ok: false, reason: 'rate-limited' };
    if (!response.ok) return { ok: false, reason: 'invalid' };
    const user = await this.staff.findUserByEmail(email.trim());
    await this.staff.audit({
      userId: user?.id ?? null,
      museumId: null,
      action: 'sign-in',
      entity: 'session'
    });
    return { ok: true, setCookie: response.headers.getSetCookie() };
  }

  private endpoint(path: string, clientAddress: string, body: unknown): Promise<Response> {
    const origin = this.auth.options.baseURL;
    return this.auth.handler(
      new Request(`${origin}/api/auth${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: String(origin),
          [clientAddressHeader]: clientAddress
        },
        body: JSON.stringify(body)
      })
    );
  }

  /**
   * E-mails a link to set a new password, if the address belongs to someone. The answer is the
   * same either way, so the form tells nobody which addresses have accounts.
   */
  async requestPasswordReset(email: string, clientAddress: string, resetPageUrl: string) {
    const response = await this.endpoint('/request-password-reset', clientAddress, {
      email: email.trim().toLowerCase(),
      redirectTo: resetPageUrl
    });
    return { rateLimited: response.status === 429 };
  }

  async resetPassword(token: string, newPassword: string): Promise<{ ok: boolean }> {
    if (newPassword.length < 10 || newPassword.length > 200) return { ok: false };
    try {
      await this.auth.api.resetPassword({ body: { token, newPassword } });
      return { ok: true };
    } catch {
      return { ok: false };
    }
  }

  /** Ends this session; with `everywhere`, every session of the same person. */
  async signOut(headers: Headers, everywhere = false): Promise<string[]> {
    if (everywhere) await this.auth.api.revokeSessions({ headers });
    const response = await this.auth.api.signOut({ headers, asResponse: true });
    return response.headers.getSetCookie();
  }

  /** A fresh install has no staff: the first person to arrive becomes the association admin. */
  async needsFirstAdmin(): Promise<boolean> {
    return (await this.staff.userCount()) === 0;
  }

  async createFirstAdmin(input: NewAccount): Promise<{ ok: boolean }> {
    if (!(await this.needsFirstAdmin())) return { ok: false };
    const id = await this.createUser(input);
    await this.staff.grant(id, 'association_admin', null, 'publish');
    await this.staff.audit({
      userId: id,
      museumId: null,
      action: 'create',
      entity: 'first-admin',
      entityId: id
    });
    return { ok: true };
  }

  /** An account with a role: admins of a museum by the association, editors by their museum's admin. */
  async createAccount(
    by: Actor | null,
    input: NewAccount & {
      role: Exclude<Role, 'association_admin'>;
      museumId: number;
      publishing?: 'review' | 'publish';
    }
  ): Promise<string> {
    const target = { kind: 'museum', museumId: input.museumId } as const;
    requireAccess(
      by,
      input.role === 'museum_admin' ? 'staff.invite-admin' : 'staff.invite-editor',
      target
    );
    const id = await this.createUser(input);
    const publishing = input.role === 'museum_admin' ? 'publish' : (input.publishing ?? 'review');
    await this.staff.grant(id, input.role, input.museumId, publishing);
    await this.staff.audit({
      userId: by?.userId ?? null,
      museumId: input.museumId,
      action: 'create',
      entity: 'staff',
      entityId: id,
      details: { role: input.role }
    });
    return id;
  }

  /** For the demo data and the first admin: an account created without an inviting actor. */
  async createSeedAccount(
    input: NewAccount & { role: Role; museumId: number | null; publishing?: 'review' | 'publish' }
  ): Promise<string> {
    const id = await this.createUser(input);
    await this.staff.grant(id, input.role, input.museumId, input.publishing ?? 'publish');
    return id;
  }

  private async createUser(input: NewAccount): Promise<string> {
    const account = newAccountInput.parse(input);
    const context = await this.auth.$context;
    const user = await context.internalAdapter.createUser(
      { name: account.name, email: account.email, emailVerified: true },
      { method: 'admin' }
    );
    await context.internalAdapter.linkAccount({
      userId: user.id,
      providerId: 'credential',
      accountId: user.id,
      password: await hashPassword(account.password)
    });
    return user.id;
  }
}
