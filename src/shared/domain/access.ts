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
import { type AccessFacts, type Context, context, unitsOf } from './access-context';
import { enterpriseWrite } from './access-enterprise';
import { signupWrite, workAtEnterprise } from './access-work';
import type { Actor } from './roles';
import { unitAndDescendants } from './units';

export type { AccessFacts } from './access-context';
export { withCreatorAssignment } from './access-enterprise';

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
