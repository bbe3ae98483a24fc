import type { UserRole } from '../schemas';
import { type UnitLink, unitAndDescendants } from './units';

/**
 * The roles table of docs/design.md §3 as data: what each role may do, and where. The server
 * enforces it on every push (authorizeWrite, domain/access.ts); the app reads it to show each
 * role only the controls it may use (mayDo).
 *
 * Reach: `own_unit` = the user's unit only; `subtree` = the user's unit and every unit below it.
 */

export const ROLE_ACTIONS = [
  /** Enterprises, visits and undecided applications: create, edit, delete one's own. */
  'record_work',
  /** Edit or delete a visit or an undecided application that someone else recorded. */
  'edit_others_work',
  /** Accept or reject an application (its decision). */
  'decide_signup',
  /** Record or correct a founding (the recognition decision, the counts at founding). */
  'record_founding',
  /** Record, edit or delete indicator entries (movements, figures from outside the app). */
  'record_entry',
  'set_target',
  /** Assign enterprises to users (assignedTo). */
  'assign',
  'delete_accepted_signup',
  'undo_founding',
  /** Units and accounts. */
  'manage_accounts',
] as const;
export type RoleAction = (typeof ROLE_ACTIONS)[number];

export type Reach = 'none' | 'own_unit' | 'subtree';

const SUPERVISOR_ONLY = { organizer: 'none', supervisor: 'subtree', admin: 'subtree' } as const;
const ADMIN_ONLY = { organizer: 'none', supervisor: 'none', admin: 'subtree' } as const;

export const ROLE_TABLE: Readonly<Record<RoleAction, Readonly<Record<UserRole, Reach>>>> = {
  record_work: { organizer: 'own_unit', supervisor: 'subtree', admin: 'subtree' },
  edit_others_work: SUPERVISOR_ONLY,
  decide_signup: SUPERVISOR_ONLY,
  record_founding: SUPERVISOR_ONLY,
  record_entry: SUPERVISOR_ONLY,
  set_target: SUPERVISOR_ONLY,
  assign: SUPERVISOR_ONLY,
  delete_accepted_signup: ADMIN_ONLY,
  undo_founding: ADMIN_ONLY,
  manage_accounts: ADMIN_ONLY,
};

export function reachOf(role: UserRole, action: RoleAction): Reach {
  return ROLE_TABLE[action][role];
}

/** Whether a role may do `action` at all (somewhere): what the app uses to show a control. */
export function mayDo(role: UserRole, action: RoleAction): boolean {
  return reachOf(role, action) !== 'none';
}

/** The user as the rules see them. */
export type Actor = { id: string; role: UserRole; unitId: string };

/** The units where `actor` may do `action` (empty when not at all). */
export function unitsInReach(
  actor: Actor,
  action: RoleAction,
  units: readonly UnitLink[],
): ReadonlySet<string> {
  const reach = reachOf(actor.role, action);
  if (reach === 'none') return new Set();
  return reach === 'own_unit' ? new Set([actor.unitId]) : unitAndDescendants(units, actor.unitId);
}
