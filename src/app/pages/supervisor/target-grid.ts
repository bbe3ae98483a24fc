import type { TargetChange, TargetRow, UnitRow } from '../../../db';
import { copyTargets, type TargetSplit, targetSplit } from '../../../shared/domain/targets';
import { childrenOf } from '../../../shared/domain/units';
import { INDICATORS, type Indicator, type Target } from '../../../shared/schemas';
import { parseCount } from '../../forms/parse';
import { byVietnameseName } from './names';

/**
 * The targets table (units × indicators) as typed: a cell per unit and indicator, keyed
 * `<unitId>.<indicator>` (the key the repository puts its issues on). The split of each
 * indicator between the unit and the units below it is the shared targetSplit, on the typed
 * values, so the warning follows the typing.
 */

export type Cells = Readonly<Record<string, string>>;

export function cellKey(unitId: string, indicator: Indicator): string {
  return `${unitId}.${indicator}`;
}

/** The unit first, then the units directly below it by name. */
export function gridUnits(units: readonly UnitRow[], unitId: string): UnitRow[] {
  const unit = units.find((u) => u.id === unitId);
  const children = byVietnameseName(
    childrenOf(units, unitId).map((u) => ({ ...u, label: u.name })),
  );
  return [...(unit ? [unit] : []), ...children];
}

export function initialCells(
  targets: readonly TargetRow[],
  unitIds: readonly string[],
  year: number,
): Cells {
  const ids = new Set(unitIds);
  const cells: Record<string, string> = {};
  for (const target of targets) {
    if (target.year === year && ids.has(target.unitId)) {
      cells[cellKey(target.unitId, target.indicator)] = String(target.value);
    }
  }
  return cells;
}

/** Every cell of the table as a change: a value, or undefined when empty (the target removed). */
export function cellChanges(
  cells: Cells,
  unitIds: readonly string[],
  year: number,
): TargetChange[] {
  return unitIds.flatMap((unitId) =>
    INDICATORS.map((indicator) => ({
      unitId,
      year,
      indicator,
      value: parseCount(cells[cellKey(unitId, indicator)] ?? ''),
    })),
  );
}

/** The typed cells as targets (unreadable ones left out), for targetSplit. */
function typedTargets(cells: Cells, unitIds: readonly string[], year: number): Target[] {
  return cellChanges(cells, unitIds, year).flatMap(({ unitId, indicator, value }) =>
    value === undefined || Number.isNaN(value)
      ? []
      : [{ id: cellKey(unitId, indicator), unitId, year, indicator, value }],
  );
}

export function splitOf(
  units: readonly UnitRow[],
  cells: Cells,
  unitId: string,
  year: number,
): TargetSplit[] {
  const unitIds = gridUnits(units, unitId).map((unit) => unit.id);
  return targetSplit(units, typedTargets(cells, unitIds, year), unitId, year);
}

/** Last year's targets into the empty cells (copyTargets: none where a target is typed). */
export function copyLastYear(
  cells: Cells,
  targets: readonly TargetRow[],
  unitIds: readonly string[],
  year: number,
): { cells: Cells; copied: number } {
  const present = typedTargets(cells, unitIds, year);
  const copies = copyTargets([...targets, ...present], new Set(unitIds), year - 1, year, () => '');
  const next: Record<string, string> = { ...cells };
  for (const copy of copies) next[cellKey(copy.unitId, copy.indicator)] = String(copy.value);
  return { cells: next, copied: copies.length };
}
