import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { writeJson } from '../db/json';
import type { Grant, Role } from './access';

/** SQL for staff grants and the audit log. Accounts themselves belong to better-auth. */
export class StaffRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async grantsOf(userId: string): Promise<Grant[]> {
    const rows = await this.db
      .selectFrom('staff_roles')
      .where('user_id', '=', userId)
      .select(['role', 'museum_id', 'publishing'])
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ role: r.role, museumId: r.museum_id, publishing: r.publishing }));
  }

  async grant(
    userId: string,
    role: Role,
    museumId: number | null,
    publishing: 'review' | 'publish'
  ) {
    await this.db
      .insertInto('staff_roles')
      .values({ user_id: userId, role, museum_id: museumId, publishing })
      .execute();
  }

  async userCount(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async findUserByEmail(email: string) {
    return this.db
      .selectFrom('users')
      .where('email', '=', email.toLowerCase())
      .select(['id', 'name', 'email'])
      .executeTakeFirst();
  }

  /** Staff of some museums (or all, for 'all'), with their museum's name. */
  async staffOf(museums: number[] | 'all') {
    let query = this.db
      .selectFrom('staff_roles')
      .innerJoin('users', 'users.id', 'staff_roles.user_id')
      .leftJoin('museums', 'museums.id', 'staff_roles.museum_id')
      .select([
        'users.id as user_id',
        'users.name',
        'users.email',
        'staff_roles.role',
        'staff_roles.publishing',
        'staff_roles.museum_id',
        'museums.name_ru as museum_ru',
        'museums.name_en as museum_en'
      ])
      .orderBy('users.name');
    if (museums !== 'all') {
      if (museums.length === 0) return [];
      query = query.where('staff_roles.museum_id', 'in', museums);
    }
    return query.execute();
  }

  async audit(entry: {
    userId: string | null;
    museumId: number | null;
    action: string;
    entity: string;
    entityId?: string | null;
    details?: Record<string, unknown>;
  }) {
    await this.db
      .insertInto('audit_log')
      .values({
        user_id: entry.userId,
        museum_id: entry.museumId,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId ?? null,
        details: entry.details ? writeJson(entry.details) : null
      })
      .execute();
  }

  async recentAudit(museums: number[] | 'all', limit = 50) {
    let query = this.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.user_id')
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.action',
        'audit_log.entity',
        'audit_log.entity_id',
        'audit_log.museum_id',
        'users.name as user_name'
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(limit);
    if (museums !== 'all') {
      if (museums.length === 0) return [];
      query = query.where('audit_log.museum_id', 'in', museums);
    }
    return query.execute();
  }

  async createInvitation(invitation: {
    tokenHash: string;
    email: string;
    role: 'museum_admin' | 'museum_editor';
    museumId: number;
    publishing: 'review' | 'publish';
    invitedBy: string;
    expiresAt: string;
  }) {
    await this.db
      .insertInto('invitations')
      .values({
        token_hash: invitation.tokenHash,
        email: invitation.email,
        role: invitation.role,
        museum_id: invitation.museumId,
        publishing: invitation.publishing,
        invited_by: invitation.invitedBy,
        expires_at: invitation.expiresAt
      })
      .execute();
  }

  /** An invitation that can still be accepted at `now`. */
  async openInvitation(tokenHash: string, now: string) {
    return this.db
      .selectFrom('invitations')
      .leftJoin('museums', 'museums.id', 'invitations.museum_id')
      .where('invitations.token_hash', '=', tokenHash)
      .where('invitations.accepted_at', 'is', null)
      .where('invitations.expires_at', '>', now)
      .select([
        'invitations.id',
        'invitations.email',
        'invitations.role',
        'invitations.museum_id',
        'invitations.publishing',
        'museums.name_ru as museum_ru',
        'museums.name_en as museum_en'
      ])
      .executeTakeFirst();
  }

  /** Marks an invitation used; false when someone else used it a moment earlier. */
  async acceptInvitation(id: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set({ accepted_at: now })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
