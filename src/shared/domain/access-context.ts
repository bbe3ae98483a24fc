import type { Issue } from '../vn/issue';
import { makeIssue } from '../vn/issue';
import { type Actor, type RoleAction, reachOf, unitsInReach } from './roles';
import type { UnitLink } from './units';

/** What the write rules read besides the records (see authorizeWrite in access.ts). */
export type AccessFacts = {
  units: readonly UnitLink[];
  /** Enterprises referred to by the write (enterpriseId of a visit, signup or entry). */
  enterprises?: readonly { id: string; unitId: string }[];
  /** Users an `assignedTo` may name. */
  users?: readonly { id: string; unitId: string; active: boolean }[];
};

/** The actor and the facts, with the two questions every write asks. */
export type Context = {
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

export function context(actor: Actor, facts: AccessFacts): Context {
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

/** The unitIds of the records given (absent records skipped). */
export function unitsOf(...records: ({ unitId: string } | undefined)[]): string[] {
  return records.flatMap((record) => (record === undefined ? [] : [record.unitId]));
}
