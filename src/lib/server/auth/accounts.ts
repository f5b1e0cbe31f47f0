import { z } from 'zod';
import type { Auth } from './auth';
import { clientAddressHeader, hashPassword } from './auth';
import { requireAccess, type Actor, type Role } from './access';
import type { StaffRepository } from './staff-repository';
import { createHash, randomBytes } from 'node:crypto';
import type { MailMessage } from '../mail/mailer';
import { invitationMail } from './mails';

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
export interface AccountsOptions {
  /** Queues an e-mail (the invitation). */
  send: (message: MailMessage) => Promise<unknown>;
  clock: () => Date;
  /** The public address; invitation links start with it. */
  origin: string;
}

const invitationDays = 7;
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export class StaffAccounts {
  constructor(
    private readonly auth: Auth,
    private readonly staff: StaffRepository,
    private readonly options: AccountsOptions
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

  /**
   * Invites a colleague by e-mail: the association invites museum admins, a museum admin invites
   * editors of that museum. The link works once, for a week.
   */
  async invite(
    by: Actor | null,
    invitation: {
      email: string;
      role: Exclude<Role, 'association_admin'>;
      museumId: number;
      publishing?: 'review' | 'publish';
    },
    inviter: { name: string },
    acceptPath: string
  ): Promise<void> {
    const target = { kind: 'museum', museumId: invitation.museumId } as const;
    const who = requireAccess(
      by,
      invitation.role === 'museum_admin' ? 'staff.invite-admin' : 'staff.invite-editor',
      target
    );
    const email = z.email().parse(invitation.email.trim().toLowerCase());
    const token = randomBytes(32).toString('base64url');
    const now = this.options.clock();
    await this.staff.createInvitation({
      tokenHash: hashToken(token),
      email,
      role: invitation.role,
      museumId: invitation.museumId,
      publishing:
        invitation.role === 'museum_admin' ? 'publish' : (invitation.publishing ?? 'review'),
      invitedBy: who.userId,
      expiresAt: new Date(now.getTime() + invitationDays * 86_400_000).toISOString()
    });
    const link = `${this.options.origin}${acceptPath}?token=${token}`;
    await this.options.send(invitationMail(email, inviter.name, link));
    await this.staff.audit({
      userId: who.userId,
      museumId: invitation.museumId,
      action: 'invite',
      entity: 'staff',
      details: { email, role: invitation.role }
    });
  }

  /** What an invitation link offers, or undefined when it is used, expired or made up. */
  async invitation(token: string) {
    return this.staff.openInvitation(hashToken(token), this.options.clock().toISOString());
  }

  /** Accepts an invitation: a new account (or a new role for an existing one) and a session. */
  async acceptInvitation(
    token: string,
    account: { name: string; password: string },
    clientAddress: string
  ): Promise<SignInResult | { ok: false; reason: 'expired' }> {
    const now = this.options.clock().toISOString();
    const invitation = await this.staff.openInvitation(hashToken(token), now);
    if (!invitation || !(await this.staff.acceptInvitation(invitation.id, now))) {
      return { ok: false, reason: 'expired' };
    }
    const existing = await this.staff.findUserByEmail(invitation.email);
    const userId = existing?.id ?? (await this.createUser({ ...account, email: invitation.email }));
    await this.staff.grant(userId, invitation.role, invitation.museum_id, invitation.publishing);
    await this.staff.audit({
      userId,
      museumId: invitation.museum_id,
      action: 'accept-invitation',
      entity: 'staff',
      entityId: userId
    });
    return existing
      ? { ok: true, setCookie: [] }
      : this.signIn(invitation.email, account.password, clientAddress);
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
