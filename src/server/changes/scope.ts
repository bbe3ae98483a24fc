import type { User } from '../../shared/schemas';
import { ancestorIds, subtreeIds } from '../accounts/units';
import type { Sql } from '../store/types';

/**
 * What a user may read and write. An organizer works in their own unit; a supervisor (and an
 * admin) in their unit and every unit below it. Units themselves are visible further up too, so
 * that the app can name the organisations above the user.
 */
export type Scope = {
  /** Units whose records (enterprises, visits, signups, targets, entries) the user may see and change. */
  dataUnitIds: readonly string[];
  /** Units the user may see. */
  visibleUnitIds: readonly string[];
  has(unitId: string): boolean;
};

export async function scopeOf(sql: Sql, user: User): Promise<Scope> {
  const dataUnitIds =
    user.role === 'organizer' ? [user.unitId] : await subtreeIds(sql, user.unitId);
  const visibleUnitIds = [...dataUnitIds, ...(await ancestorIds(sql, user.unitId))];
  const set = new Set(dataUnitIds);
  return { dataUnitIds, visibleUnitIds, has: (unitId) => set.has(unitId) };
}
