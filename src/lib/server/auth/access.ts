/**
 * Who may do what, in one place. Every service method that reads private data or changes
 * anything asks `can` (or `require`) before it touches the database.
 */
export const roles = ['association_admin', 'museum_admin', 'museum_editor'] as const;
export type Role = (typeof roles)[number];

export interface Grant {
  role: Role;
  /** null for the association admin, whose grant covers everything. */
  museumId: number | null;
  /** Whether an editor's changes go live without review. */
  publishing: 'review' | 'publish';
}

export interface Actor {
  userId: string;
  grants: Grant[];
}

export type Target = { kind: 'association' } | { kind: 'museum'; museumId: number };

export const actions = [
  'museum.create',
  'museum.read-drafts',
  'museum.edit',
  'museum.publish',
  'museum.review',
  'staff.list',
  'staff.invite-admin',
  'staff.invite-editor',
  'staff.change-role',
  'association.edit',
  'audit.read',
  'media.manage',
  'jobs.manage',
  'mail.read',
  /** Registrants' personal data: the organising museum's staff (the association's admins). */
  'registrations.read',
  /** Attendance, cancelling a registration, writing to everyone registered. */
  'registrations.manage'
] as const;
export type Action = (typeof actions)[number];

/** Thrown for "not found or no access": a museum that is not yours looks like one that is not there. */
export class NotFoundOrForbidden extends Error {
  constructor() {
    super('not found or no access');
  }
}

/** The value, or "not found or no access" when there is none (another museum's thing, say). */
export function found<T>(value: T | null | undefined | false): T {
  if (!value) throw new NotFoundOrForbidden();
  return value;
}

export function isAssociationAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'association_admin');
}

function grantFor(actor: Actor, museumId: number): Grant | undefined {
  return actor.grants.find((g) => g.museumId === museumId);
}

export function can(actor: Actor, action: Action, target: Target): boolean {
  if (isAssociationAdmin(actor)) return true;
  if (target.kind === 'association') return false;
  const grant = grantFor(actor, target.museumId);
  if (!grant) return false;
  const admin = grant.role === 'museum_admin';
  switch (action) {
    case 'museum.read-drafts':
    case 'museum.edit':
    case 'staff.list':
    case 'media.manage':
    case 'registrations.read':
    case 'registrations.manage':
      return true;
    case 'museum.publish':
      return admin || grant.publishing === 'publish';
    case 'museum.review':
    case 'staff.invite-editor':
    case 'staff.change-role':
    case 'audit.read':
      return admin;
    case 'museum.create':
    case 'staff.invite-admin':
    case 'association.edit':
    case 'jobs.manage':
    case 'mail.read':
      return false;
  }
}

export function requireAccess(actor: Actor | null, action: Action, target: Target): Actor {
  if (!actor || !can(actor, action, target)) throw new NotFoundOrForbidden();
  return actor;
}

/** The museums an actor works on, or 'all' for an association admin. */
export function museumsOf(actor: Actor): number[] | 'all' {
  if (isAssociationAdmin(actor)) return 'all';
  return actor.grants.flatMap((g) => (g.museumId === null ? [] : [g.museumId]));
}
