import type { Locale } from '$lib/shared/museum';
import { pick } from '$lib/shared/localize';
import { can, NotFoundOrForbidden, requireAccess, roles, type Actor, type Role } from './access';
import type { StaffRepository } from './staff-repository';
import type { MuseumRepository } from '../museums/repository';
import { associationTimeZone, formatWhen } from './audit-lines';

export type TeamChange =
  | { kind: 'role'; role: 'museum_admin' | 'museum_editor' }
  | { kind: 'publishing'; publishing: 'review' | 'publish' }
  | { kind: 'remove' };

/** Why a change was refused, for a message beside the person's row. */
export type TeamRefusal = 'self' | 'last-admin' | 'gone';

/** On success, the person's name, for saying whom the change was about. */
export type TeamResult = { ok: true; name: string } | { ok: false; reason: TeamRefusal };

/**
 * Who works on a museum and what they may do there. Museum admins run their own museum's team,
 * the association every team. Rights are read on every request, so a change applies at once.
 */
export class Team {
  constructor(
    private readonly staff: StaffRepository,
    private readonly museums: MuseumRepository,
    private readonly clock: () => Date
  ) {}

  /** The museum's staff and open invitations, with what the viewer may do about them. */
  async ofMuseum(actor: Actor | null, museumId: number, locale: Locale) {
    const target = { kind: 'museum', museumId } as const;
    const who = requireAccess(actor, 'staff.list', target);
    const canInviteEditors = can(who, 'staff.invite-editor', target);
    const [[museum], members, invitations] = await Promise.all([
      this.museums.namesOf([museumId]),
      this.staff.teamOf(museumId),
      canInviteEditors
        ? this.staff.pendingInvitations(museumId, this.clock().toISOString())
        : Promise.resolve([])
    ]);
    if (!museum) throw new NotFoundOrForbidden();
    const now = this.clock();
    const when = (iso: string) => formatWhen(new Date(iso), associationTimeZone, locale, now);
    return {
      museum: { id: museum.id, name: pick(locale, museum.name_ru, museum.name_en) },
      members: members.map((m) => ({
        id: m.user_id,
        name: m.name,
        email: m.email,
        role: m.role,
        publishing: m.publishing,
        lastSignIn: m.last_sign_in ? when(m.last_sign_in) : null,
        isYou: m.user_id === who.userId
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        invitedBy: i.invited_by,
        until: when(i.expires_at)
      })),
      canChange: can(who, 'staff.change-role', target),
      canInviteEditors,
      canInviteAdmins: can(who, 'staff.invite-admin', target)
    };
  }

  /**
   * Makes an editor an admin or back, lets an editor publish without review or not, or removes
   * someone's access. Nobody changes their own place, and a museum keeps at least one admin.
   */
  async change(
    actor: Actor | null,
    museumId: number,
    userId: string,
    change: TeamChange
  ): Promise<TeamResult> {
    const who = requireAccess(actor, 'staff.change-role', { kind: 'museum', museumId });
    const current = await this.staff.roleIn(museumId, userId);
    if (!current) return { ok: false, reason: 'gone' };
    if (userId === who.userId) return { ok: false, reason: 'self' };
    const done = { ok: true, name: current.name } as const;
    if (change.kind === 'role' && change.role === current.role) return done;
    const next =
      change.kind === 'remove'
        ? ('remove' as const)
        : change.kind === 'role'
          ? {
              role: change.role,
              // An admin always publishes; a new editor starts with review, the safe side.
              publishing:
                change.role === 'museum_admin' ? ('publish' as const) : ('review' as const)
            }
          : current.role === 'museum_editor'
            ? { role: current.role, publishing: change.publishing }
            : null;
    if (!next) return done;
    const outcome = await this.staff.changeGrant(museumId, userId, next);
    if (outcome === 'missing') return { ok: false, reason: 'gone' };
    if (outcome === 'last-admin') return { ok: false, reason: 'last-admin' };
    await this.staff.audit({
      userId: who.userId,
      museumId,
      action:
        change.kind === 'remove'
          ? 'remove'
          : change.kind === 'role'
            ? 'change-role'
            : 'change-publishing',
      entity: 'staff',
      entityId: userId,
      details:
        change.kind === 'role'
          ? { role: change.role, was: current.role }
          : change.kind === 'publishing'
            ? { publishing: change.publishing }
            : { was: current.role }
    });
    return done;
  }

  /**
   * Withdraws an invitation that has not been used, so its link stops working. Whoever may send
   * such an invitation may withdraw it.
   */
  async revokeInvitation(
    actor: Actor | null,
    museumId: number,
    invitationId: number
  ): Promise<{ email: string } | null> {
    const target = { kind: 'museum', museumId } as const;
    requireAccess(actor, 'staff.invite-editor', target);
    const invitation = await this.staff.pendingInvitation(museumId, invitationId);
    if (!invitation) return null;
    const who = requireAccess(
      actor,
      invitation.role === 'museum_admin' ? 'staff.invite-admin' : 'staff.invite-editor',
      target
    );
    if (!(await this.staff.deleteInvitation(invitation.id))) return null;
    await this.staff.audit({
      userId: who.userId,
      museumId,
      action: 'revoke-invitation',
      entity: 'staff',
      details: { email: invitation.email, role: invitation.role }
    });
    return { email: invitation.email };
  }

  /** Everyone's roles across the association, for the association's staff list. */
  async everyone(
    actor: Actor | null,
    filter: { museumId?: number; role?: Role; query?: string },
    locale: Locale
  ) {
    requireAccess(actor, 'staff.list', { kind: 'association' });
    const rows = await this.staff.allStaff({ museumId: filter.museumId, role: filter.role });
    // Matched here rather than in SQL: SQLite's lower() folds only ASCII, and names are Cyrillic.
    const query = filter.query?.trim().toLocaleLowerCase('ru');
    return rows
      .filter(
        (r) =>
          !query ||
          r.name.toLocaleLowerCase('ru').includes(query) ||
          r.email.toLowerCase().includes(query)
      )
      .map((r) => ({
        id: r.user_id,
        name: r.name,
        email: r.email,
        role: r.role,
        publishing: r.publishing,
        museumId: r.museum_id,
        museum: r.museum_ru ? pick(locale, r.museum_ru, r.museum_en) : null
      }));
  }
}

export function isRole(value: unknown): value is Role {
  return roles.some((r) => r === value);
}
