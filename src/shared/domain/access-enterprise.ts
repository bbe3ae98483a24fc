import type { Enterprise } from '../schemas';
import type { Issue } from '../vn/issue';
import { makeIssue } from '../vn/issue';
import { type Context, unitsOf } from './access-context';
import { isSideState } from './pipeline';
import { type Actor, mayDo, type RoleAction } from './roles';
import { sameValue } from './same-value';

/** Enterprises: scope, foundings and their undoing, assignments (docs/design.md §3). */

const FOUNDING_FIELDS = [
  'foundingDecision',
  'foundedAt',
  'workerCountAtFounding',
  'membersAtFounding',
] as const;

function hasFounding(enterprise: Enterprise | undefined): boolean {
  return enterprise?.foundingDecision !== undefined || enterprise?.foundedAt !== undefined;
}

/** Which founding act a write is, if any, and the field that shows it. */
export function foundingAct(
  stored: Enterprise | undefined,
  incoming: Enterprise | undefined,
): { action: RoleAction; field: string } | undefined {
  if (hasFounding(stored) && !hasFounding(incoming)) {
    return { action: 'undo_founding', field: 'foundingDecision' };
  }
  if (incoming === undefined) return undefined;
  // Back into the pipeline takes the union away; to a side state (closed…) it stays founded.
  if (stored?.stage === 'founded' && incoming.stage !== 'founded' && !isSideState(incoming.stage)) {
    return { action: 'undo_founding', field: 'stage' };
  }
  const changed = FOUNDING_FIELDS.find((field) => !sameValue(stored?.[field], incoming[field]));
  if (changed !== undefined) return { action: 'record_founding', field: changed };
  if (incoming.stage === 'founded' && stored?.stage !== 'founded') {
    return { action: 'record_founding', field: 'stage' };
  }
  return undefined;
}

export function enterpriseWrite(
  ctx: Context,
  stored: Enterprise | undefined,
  incoming: Enterprise | undefined,
): Issue[] {
  const units = unitsOf(stored, incoming);
  const scope = ctx.require('record_work', units, 'unitId');
  if (scope.length > 0) return scope;
  const act = foundingAct(stored, incoming);
  const founding = act === undefined ? [] : ctx.require(act.action, units, act.field);
  if (founding.length > 0 || incoming === undefined) return founding;
  return assignmentIssues(ctx, stored, incoming);
}

/**
 * Assigning is a supervisor's act, and names an active user of the enterprise's unit. A put that
 * leaves `assignedTo` as it was is no assignment; an organizer's new enterprise may be assigned
 * to themselves (withCreatorAssignment does it when they leave it empty).
 */
function assignmentIssues(
  ctx: Context,
  stored: Enterprise | undefined,
  incoming: Enterprise,
): Issue[] {
  const assignee = incoming.assignedTo;
  const changed = assignee !== stored?.assignedTo;
  const moved = stored !== undefined && stored.unitId !== incoming.unitId && assignee !== undefined;
  if (!changed && !moved) return [];
  const ownNewEnterprise = stored === undefined && assignee === ctx.actor.id;
  if (ownNewEnterprise && !mayDo(ctx.actor.role, 'assign')) return [];
  const denied = ctx.require('assign', [incoming.unitId], 'assignedTo');
  if (denied.length > 0 || assignee === undefined) return denied;
  const user = ctx.facts.users?.find((candidate) => candidate.id === assignee);
  const valid = user?.active === true && user.unitId === incoming.unitId;
  return valid ? [] : [makeIssue('assignedTo', 'error', 'forbidden.assignee')];
}

/**
 * An enterprise created by an organizer is assigned to them (docs/design.md §3): the record to
 * store when an organizer creates one without `assignedTo`.
 */
export function withCreatorAssignment(
  actor: Actor,
  stored: Enterprise | undefined,
  incoming: Enterprise,
): Enterprise {
  const organizerCreates = stored === undefined && !mayDo(actor.role, 'assign');
  return organizerCreates && incoming.assignedTo === undefined
    ? { ...incoming, assignedTo: actor.id }
    : incoming;
}
