import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readJson, writeJson } from '../db/json';
import type { Grant, Role } from './access';

/** What the audit page asks for; instants are ISO strings, `before` an entry id. */
export interface AuditFilter {
  museums: number[] | 'all';
  userId?: string;
  actions?: string[];
  from?: string;
  until?: string;
  before?: number;
}

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

  /**
   * Audit entries newest first, `limit` of them after the `before` id (keyset paging: the next
   * page starts below the last id shown, so new entries never shift it). With the museum's name
   * and time zone, the actor's name and, for staff changes, the colleague's.
   */
  async auditEntries(filter: AuditFilter, limit: number) {
    const { museums } = filter;
    if (museums !== 'all' && museums.length === 0) return [];
    let query = this.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.user_id')
      .leftJoin('museums', 'museums.id', 'audit_log.museum_id')
      .leftJoin('users as subject', (join) =>
        join.onRef('subject.id', '=', 'audit_log.entity_id').on('audit_log.entity', '=', 'staff')
      )
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.action',
        'audit_log.entity',
        'audit_log.entity_id',
        'audit_log.details',
        'audit_log.museum_id',
        'users.name as user_name',
        'museums.name_ru as museum_ru',
        'museums.name_en as museum_en',
        'museums.time_zone',
        'subject.name as subject_name'
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(limit);
    if (museums !== 'all') query = query.where('audit_log.museum_id', 'in', museums);
    if (filter.userId) query = query.where('audit_log.user_id', '=', filter.userId);
    if (filter.actions) query = query.where('audit_log.action', 'in', filter.actions);
    if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
    if (filter.until) query = query.where('audit_log.at', '<', filter.until);
    if (filter.before) query = query.where('audit_log.id', '<', filter.before);
    const rows = await query.execute();
    return rows.map((row) => ({ ...row, details: row.details ? readJson(row.details) : null }));
  }

  /** The people who appear in the audit log of these museums, for the "who" filter. */
  async auditPeople(museums: number[] | 'all') {
    if (museums !== 'all' && museums.length === 0) return [];
    return this.db
      .selectFrom('users')
      .where((eb) => {
        let inLog = eb
          .selectFrom('audit_log')
          .select('audit_log.id')
          .whereRef('audit_log.user_id', '=', 'users.id');
        if (museums !== 'all') inLog = inLog.where('audit_log.museum_id', 'in', museums);
        return eb.exists(inLog);
      })
      .select(['users.id', 'users.name'])
      .orderBy('users.name')
      .execute();
  }

  /**
   * The people with a role in one museum, with when each last signed in (from the audit log:
   * sessions end, the log stays).
   */
  async teamOf(museumId: number) {
    return this.db
      .selectFrom('staff_roles')
      .innerJoin('users', 'users.id', 'staff_roles.user_id')
      .where('staff_roles.museum_id', '=', museumId)
      .select((eb) => [
        'users.id as user_id',
        'users.name',
        'users.email',
        'staff_roles.role',
        'staff_roles.publishing',
        eb
          .selectFrom('audit_log')
          .whereRef('audit_log.user_id', '=', 'users.id')
          .where('audit_log.action', '=', 'sign-in')
          .select((inner) => inner.fn.max('audit_log.at').as('at'))
          .as('last_sign_in')
      ])
      .orderBy('staff_roles.role')
      .orderBy('users.name')
      .execute();
  }

  /** One person's role in one museum. */
  async roleIn(museumId: number, userId: string) {
    return this.db
      .selectFrom('staff_roles')
      .innerJoin('users', 'users.id', 'staff_roles.user_id')
      .where('staff_roles.museum_id', '=', museumId)
      .where('staff_roles.user_id', '=', userId)
      .select(['staff_roles.id', 'staff_roles.role', 'staff_roles.publishing', 'users.name'])
      .executeTakeFirst();
  }

  /**
   * Changes one person's grant in a museum unless it would leave the museum without an admin.
   * The museum's admin rows are locked first (a no-op update: a row lock on PostgreSQL, the
   * write lock on SQLite), so two admins demoting each other at once cannot both succeed.
   */
  async changeGrant(
    museumId: number,
    userId: string,
    change: { role: 'museum_admin' | 'museum_editor'; publishing: 'review' | 'publish' } | 'remove'
  ): Promise<'changed' | 'last-admin' | 'missing'> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('staff_roles')
        .set((eb) => ({ role: eb.ref('role') }))
        .where('museum_id', '=', museumId)
        .where('role', '=', 'museum_admin')
        .execute();
      const current = await trx
        .selectFrom('staff_roles')
        .where('museum_id', '=', museumId)
        .where('user_id', '=', userId)
        .select(['id', 'role'])
        .executeTakeFirst();
      if (!current) return 'missing';
      const losesAdmin =
        current.role === 'museum_admin' && (change === 'remove' || change.role !== 'museum_admin');
      if (losesAdmin) {
        const others = await trx
          .selectFrom('staff_roles')
          .where('museum_id', '=', museumId)
          .where('role', '=', 'museum_admin')
          .where('id', '<>', current.id)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        if (Number(others.n) === 0) return 'last-admin';
      }
      if (change === 'remove') {
        await trx.deleteFrom('staff_roles').where('id', '=', current.id).execute();
      } else {
        await trx
          .updateTable('staff_roles')
          .set({ role: change.role, publishing: change.publishing })
          .where('id', '=', current.id)
          .execute();
      }
      return 'changed';
    });
  }

  /** Staff across museums for the association's list, filtered; association admins too. */
  async allStaff(filter: { museumId?: number; role?: Role }) {
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
      .orderBy('users.name')
      .orderBy('museums.name_ru');
    if (filter.museumId) query = query.where('staff_roles.museum_id', '=', filter.museumId);
    if (filter.role) query = query.where('staff_roles.role', '=', filter.role);
    return query.execute();
  }

  /** Invitations to a museum that can still be accepted at `now`. */
  async pendingInvitations(museumId: number, now: string) {
    return this.db
      .selectFrom('invitations')
      .leftJoin('users', 'users.id', 'invitations.invited_by')
      .where('invitations.museum_id', '=', museumId)
      .where('invitations.accepted_at', 'is', null)
      .where('invitations.expires_at', '>', now)
      .select([
        'invitations.id',
        'invitations.email',
        'invitations.role',
        'invitations.publishing',
        'invitations.created_at',
        'invitations.expires_at',
        'users.name as invited_by'
      ])
      .orderBy('invitations.id', 'desc')
      .execute();
  }

  /** An open invitation to one museum, for revoking it. */
  async pendingInvitation(museumId: number, id: number) {
    return this.db
      .selectFrom('invitations')
      .where('museum_id', '=', museumId)
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .select(['id', 'email', 'role'])
      .executeTakeFirst();
  }

  /** Deletes an unused invitation, so its link stops working; false when it was used meanwhile. */
  async deleteInvitation(id: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('invitations')
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
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
