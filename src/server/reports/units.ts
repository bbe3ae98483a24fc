import { type Actor, type ReportUnit, type RoleAction, unitsInReach } from '../../shared/domain';
import type { User } from '../../shared/schemas';
import { apiError } from '../http/errors';
import type { Sql } from '../store/types';

/**
 * The unit tree as reports read it, and the one check of every report route: the roles table of
 * docs/design.md §3 (`read_report`, `close_month`, `reopen_month`) applied with the shared
 * `unitsInReach`. A unit outside the user's reach — or one that does not exist — is 403, so that
 * nobody learns which units exist outside their scope.
 */

let collator: Intl.Collator | undefined;

/** Every unit, by name in Vietnamese order (sub-units appear in reports in this order). */
export async function loadUnits(sql: Sql): Promise<ReportUnit[]> {
  const result = await sql.query<{ id: string; name: string; parent_id: string | null }>(
    'SELECT id, name, parent_id FROM units',
  );
  collator ??= new Intl.Collator('vi');
  const byName = collator.compare;
  return result.rows
    .map((row) => ({ id: row.id, name: row.name, parentId: row.parent_id ?? undefined }))
    .sort((a, b) => byName(a.name, b.name) || (a.id < b.id ? -1 : 1));
}

/** The units, after checking that `user` may do `action` in `unitId`; 403 otherwise. */
export async function unitsFor(
  sql: Sql,
  user: User,
  action: RoleAction,
  unitId: string,
): Promise<ReportUnit[]> {
  const units = await loadUnits(sql);
  const actor: Actor = { id: user.id, role: user.role, unitId: user.unitId };
  if (!unitsInReach(actor, action, units).has(unitId)) throw apiError(403, 'forbidden');
  return units;
}

/** The name of a unit of `units` (checked to exist by unitsFor). */
export function unitName(units: readonly ReportUnit[], unitId: string): string {
  return units.find((unit) => unit.id === unitId)?.name ?? '';
}
