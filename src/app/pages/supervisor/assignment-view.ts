import type { AssignableEnterprise, AssignmentData } from '../../../db';
import { unitAndDescendants } from '../../../shared/domain/units';
import type { DirectoryUser } from '../../../shared/protocol';
import type { Option } from './admission-queue';
import { byVietnameseName } from './names';

/** The assignments screen's filters; '' means all. */
export type AssignmentFilter = { unitId: string; wardCode: string; unassignedOnly: boolean };

export const ALL_ENTERPRISES: AssignmentFilter = {
  unitId: '',
  wardCode: '',
  unassignedOnly: false,
};

export function filterEnterprises(
  data: AssignmentData,
  filter: AssignmentFilter,
): AssignableEnterprise[] {
  const units = filter.unitId === '' ? undefined : unitAndDescendants(data.units, filter.unitId);
  const rows = data.enterprises.filter(
    (e) =>
      (units === undefined || units.has(e.unitId)) &&
      (filter.wardCode === '' || e.wardCode === filter.wardCode) &&
      (!filter.unassignedOnly || e.assignedTo === undefined),
  );
  return byVietnameseName(rows.map((row) => ({ ...row, label: row.name })));
}

/** The wards of the enterprises shown by the unit filter, named by `wardName`. */
export function wardOptions(
  data: AssignmentData,
  unitId: string,
  wardName: (code: string) => string,
): Option[] {
  const rows = filterEnterprises(data, { ...ALL_ENTERPRISES, unitId });
  const codes = [...new Set(rows.map((row) => row.wardCode))];
  return byVietnameseName(codes.map((code) => ({ value: code, label: wardName(code) })));
}

/**
 * Whom the chosen enterprises may go to: the active people of their units (the rule an
 * assignment must pass). With enterprises of several units chosen, only people those units
 * share, which is nobody: choose one unit's enterprises at a time.
 */
export function assigneeOptions(
  people: readonly DirectoryUser[],
  chosen: readonly AssignableEnterprise[],
): Option[] {
  const units = new Set(chosen.map((e) => e.unitId));
  const fitting = people.filter(
    (p) => p.active && (units.size === 0 || (units.size === 1 && units.has(p.unitId))),
  );
  return byVietnameseName(fitting.map((p) => ({ value: p.id, label: p.displayName })));
}
