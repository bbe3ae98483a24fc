import type {
  Enterprise,
  IndicatorEntry,
  SignupRecord,
  Target,
  Unit,
  User,
  Visit,
} from '../schemas';
import type { Issue } from '../vn/issue';
import { makeIssue } from '../vn/issue';
import { isSideState } from './pipeline';
import { type Actor, mayDo, type RoleAction, reachOf, unitsInReach } from './roles';
import { sameValue } from './same-value';
import { type UnitLink, unitAndDescendants } from './units';

/**
 * authorizeWrite: may this user make this write? The roles table (domain/roles.ts) applied to
 * one put or delete of any entity, given the stored record (or none) and the incoming one. The
 * answer is `[]` (allowed) or one `forbidden.*` issue naming the field; the server then rejects
 * the mutation with code `forbidden` and writes nothing.
 *
 * Pure: the caller passes what the rules read — the unit tree, the enterprises the records
 * belong to (visits and signups are in their enterprise's unit), and the users an assignment may
 * name. Server-set fields (authorId, version…) are not judged; fill them and the founding
 * defaults (withFoundingDefaults) before calling.
 */

export type AccessFacts = {
  units: readonly UnitLink[];
  /** Enterprises referred to by the write (enterpriseId of a visit, signup or entry). */
  enterprises?: readonly { id: string; unitId: string }[];
  /** Users an `assignedTo` may name. */
  users?: readonly { id: string; unitId: string; active: boolean }[];
};

type Change<T> =
  | { op: 'put'; stored?: T | undefined; incoming: T }
  | { op: 'delete'; stored?: T | undefined };

export type Write =
  | ({ entity: 'enterprise' } & Change<Enterprise>)
  | ({ entity: 'visit' } & Change<Visit>)
  | ({ entity: 'signup' } & Change<SignupRecord>)
  | ({ entity: 'target' } & Change<Target>)
  | ({ entity: 'indicatorEntry' } & Change<IndicatorEntry>)
  | ({ entity: 'unit' } & Change<Unit>)
  | ({ entity: 'user' } & Change<User>);

type Context = {
  actor: Actor;
  facts: AccessFacts;
  /** [] when the actor may do `action` in every unit given, else one forbidden issue. */
  require(
    action: RoleAction,
    unitIds: readonly (string | undefined)[],
    field: string,
    scopeField?: string,
  ): Issue[];
  enterpriseUnit(enterpriseId: string): string | undefined;
};

function context(actor: Actor, facts: AccessFacts): Context {
  const reach = new Map<RoleAction, ReadonlySet<string>>();
  return {
    actor,
    facts,
    require(action, unitIds, field, scopeField = field) {
      if (reachOf(actor.role, action) === 'none') {
        return [makeIssue(field, 'error', `forbidden.${action}`)];
      }
      let allowed = reach.get(action);
      if (allowed === undefined) {
        allowed = unitsInReach(actor, action, facts.units);
        reach.set(action, allowed);
      }
      const inReach = unitIds.every((id) => id !== undefined && allowed.has(id));
      return inReach ? [] : [makeIssue(scopeField, 'error', 'forbidden.out_of_scope')];
    },
    enterpriseUnit(enterpriseId) {
      return facts.enterprises?.find((enterprise) => enterprise.id === enterpriseId)?.unitId;
    },
  };
}

export function authorizeWrite(actor: Actor, write: Write, facts: AccessFacts): Issue[] {
  if (write.stored === undefined && write.op === 'delete') return [];
  const ctx = context(actor, facts);
  switch (write.entity) {
    case 'enterprise':
      return enterpriseWrite(ctx, write.stored, incomingOf(write));
    case 'visit':
      return workAtEnterprise(ctx, write.stored, incomingOf(write));
    case 'signup':
      return signupWrite(ctx, write.stored, incomingOf(write));
    case 'target': {
      const units = unitsOf(write.stored, incomingOf(write));
      return ctx.require('set_target', units, 'value', 'unitId');
    }
    case 'indicatorEntry':
      return entryWrite(ctx, write.stored, incomingOf(write));
    case 'unit':
      return unitWrite(ctx, write.stored, incomingOf(write));
    case 'user': {
      const units = unitsOf(write.stored, incomingOf(write));
      return ctx.require('manage_accounts', units, 'role', 'unitId');
    }
  }
}

function incomingOf<T>(change: Change<T>): T | undefined {
  return change.op === 'put' ? change.incoming : undefined;
}

function unitsOf(...records: ({ unitId: string } | undefined)[]): string[] {
  return records.flatMap((record) => (record === undefined ? [] : [record.unitId]));
}

// ── enterprises ──────────────────────────────────────────────────────────────────────────────

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
function foundingAct(
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

function enterpriseWrite(
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

// ── visits and signups: work at an enterprise ────────────────────────────────────────────────

type AtEnterprise = { enterpriseId: string; authorId?: string | undefined };

function enterpriseUnits(ctx: Context, ...records: (AtEnterprise | undefined)[]) {
  return records.flatMap((r) => (r === undefined ? [] : [ctx.enterpriseUnit(r.enterpriseId)]));
}

/** In the user's scope, and someone else's record only where they may edit others' work. */
function workAtEnterprise(
  ctx: Context,
  stored: AtEnterprise | undefined,
  incoming: AtEnterprise | undefined,
): Issue[] {
  const units = enterpriseUnits(ctx, stored, incoming);
  const scope = ctx.require('record_work', units, 'enterpriseId');
  if (scope.length > 0 || stored === undefined || stored.authorId === ctx.actor.id) return scope;
  return ctx.require('edit_others_work', units, 'authorId');
}

function decisionOf(signup: SignupRecord | undefined) {
  return signup === undefined || signup.status === 'draft'
    ? { decision: undefined, rejectionReason: undefined }
    : { decision: signup.decision, rejectionReason: signup.rejectionReason };
}

function isDecided(signup: SignupRecord | undefined): boolean {
  return signup?.status === 'accepted' || signup?.status === 'rejected';
}

/** The field that makes a signup write a decision, if it is one. */
function decisionField(
  stored: SignupRecord | undefined,
  incoming: SignupRecord | undefined,
): string | undefined {
  if (incoming === undefined) return isDecided(stored) ? 'status' : undefined;
  if (isDecided(incoming) && incoming.status !== stored?.status) return 'status';
  const before = decisionOf(stored);
  const after = decisionOf(incoming);
  if (!sameValue(before.decision, after.decision)) return 'decision';
  if (!sameValue(before.rejectionReason, after.rejectionReason)) return 'rejectionReason';
  // Any edit of a decided application is the decider's.
  return isDecided(stored) ? 'status' : undefined;
}

function signupWrite(
  ctx: Context,
  stored: SignupRecord | undefined,
  incoming: SignupRecord | undefined,
): Issue[] {
  const units = enterpriseUnits(ctx, stored, incoming);
  const scope = ctx.require('record_work', units, 'enterpriseId');
  if (scope.length > 0) return scope;
  // Taking an accepted application back (deleting it, or any other status) removes a member.
  if (stored?.status === 'accepted' && incoming?.status !== 'accepted') {
    return ctx.require('delete_accepted_signup', units, 'status');
  }
  const field = decisionField(stored, incoming);
  if (field !== undefined) return ctx.require('decide_signup', units, field);
  return workAtEnterprise(ctx, stored, incoming);
}

// ── entries and units ────────────────────────────────────────────────────────────────────────

function entryWrite(
  ctx: Context,
  stored: IndicatorEntry | undefined,
  incoming: IndicatorEntry | undefined,
): Issue[] {
  const denied = ctx.require('record_entry', unitsOf(stored, incoming), 'kind', 'unitId');
  if (denied.length > 0) return denied;
  const enterpriseIds = [stored?.enterpriseId, incoming?.enterpriseId].filter(
    (id): id is string => id !== undefined,
  );
  const units = enterpriseIds.map((id) => ctx.enterpriseUnit(id));
  return ctx.require('record_entry', units, 'kind', 'enterpriseId');
}

/**
 * Units: an admin creates and edits units of their subtree; a unit's new parent must be in the
 * subtree too and not below the unit itself (no cycles, no new roots). The admin's own unit can
 * be renamed but neither moved nor deleted.
 */
function unitWrite(ctx: Context, stored: Unit | undefined, incoming: Unit | undefined): Issue[] {
  const denied = ctx.require('manage_accounts', stored ? [stored.id] : [], 'name', 'id');
  if (denied.length > 0) return denied;
  if (incoming === undefined) {
    const own = stored?.id === ctx.actor.unitId;
    return own ? [makeIssue('id', 'error', 'forbidden.out_of_scope')] : [];
  }
  if (stored !== undefined && incoming.parentId === stored.parentId) return [];
  const parent = incoming.parentId;
  const below = unitAndDescendants(ctx.facts.units, incoming.id);
  const scope = ctx.require('manage_accounts', [parent], 'name', 'parentId');
  if (scope.length > 0) return scope;
  return parent !== undefined && below.has(parent)
    ? [makeIssue('parentId', 'error', 'forbidden.out_of_scope')]
    : [];
}
