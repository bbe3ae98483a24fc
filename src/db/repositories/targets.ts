import type { AccessFacts } from '../../shared/domain/access';
import type { Actor } from '../../shared/domain/roles';
import { checkTarget, targetKey, targetUniquenessIssues } from '../../shared/domain/targets';
import type { Indicator } from '../../shared/schemas';
import type { Issue } from '../../shared/vn/issue';
import { newId, nowIso } from '../clock';
import type { SotayDb } from '../database';
import { guardStorage, ValidationError } from '../errors';
import type { TargetRow, UnitRow } from '../rows';
import { type LocalChange, writeLocalChange } from './local-change';
import { withStoredServerFields } from './server-fields';
import { accessFacts, writeRefusals } from './supervision';

/**
 * Targets (chỉ tiêu, docs/design.md §3): one per unit, year and indicator. A supervisor sets the
 * year's targets of their unit and the units below in one table; each change is judged by the
 * shared rules (checkTarget, targetUniquenessIssues, checkWriteRules) and all of them are stored
 * in one transaction, or none.
 */

export const TARGET_TABLES = ['targets', 'units'] as const;

export type TargetTableData = {
  units: UnitRow[];
  /** Targets of the year and of the year before (the copy's source). */
  targets: TargetRow[];
};

export async function loadTargetTable(db: SotayDb, year: number): Promise<TargetTableData> {
  const [units, targets] = await Promise.all([
    db.units.toArray(),
    db.targets
      .where('year')
      .anyOf([year, year - 1])
      .toArray(),
  ]);
  return { units, targets };
}

/** One cell of the table: a value to set, or undefined to remove the target. */
export type TargetChange = {
  unitId: string;
  year: number;
  indicator: Indicator;
  value: number | undefined;
};

/** Issues keyed on the cell (`<unitId>.<indicator>`), so the table shows each at its input. */
function atCell(change: TargetChange, issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => ({ ...issue, field: `${change.unitId}.${change.indicator}` }));
}

/** The outbox change of one cell (none when it holds its value already), or its issues. */
function planTarget(
  actor: Actor,
  cell: TargetChange,
  stored: TargetRow | undefined,
  existing: readonly TargetRow[],
  facts: AccessFacts,
): { change?: LocalChange; issues: Issue[] } {
  if (stored?.value === cell.value) return { issues: [] };
  if (cell.value === undefined) {
    if (stored === undefined) return { issues: [] };
    const issues = writeRefusals(actor, { entity: 'target', op: 'delete', stored }, facts);
    const change: LocalChange = { entity: 'target', entityId: stored.id, op: 'delete' };
    return issues.length > 0 ? { issues } : { change, issues };
  }
  const { unitId, year, indicator, value } = cell;
  const id = stored?.id ?? newId();
  const checked = checkTarget(
    withStoredServerFields({ id, unitId, year, indicator, value }, stored),
  );
  const target = checked.value;
  const found = [...checked.issues, ...(target ? targetUniquenessIssues(target, existing) : [])];
  if (target === undefined || found.some((issue) => issue.level === 'error')) {
    return { issues: found };
  }
  const refused = writeRefusals(
    actor,
    { entity: 'target', op: 'put', stored, incoming: target },
    facts,
  );
  if (refused.length > 0) return { issues: refused };
  return { change: { entity: 'target', entityId: id, op: 'put', data: target }, issues: [] };
}

/**
 * Stores the changed cells: a new target, a new value, or a removal; a cell that already holds
 * its value writes nothing. Throws ValidationError with every refused cell's issues.
 */
export async function saveTargets(
  db: SotayDb,
  actor: Actor,
  changes: readonly TargetChange[],
): Promise<number> {
  const now = nowIso();
  const tables = [db.targets, db.units, db.enterprises, db.outbox, db.shadows];
  return guardStorage(() =>
    db.transaction('rw', tables, async () => {
      const years = [...new Set(changes.map((change) => change.year))];
      const [existing, facts] = await Promise.all([
        db.targets.where('year').anyOf(years).toArray(),
        accessFacts(db),
      ]);
      const byKey = new Map(existing.map((target) => [targetKey(target), target]));
      const issues: Issue[] = [];
      const writes: { change: LocalChange; stored: TargetRow | undefined }[] = [];
      for (const change of changes) {
        const stored = byKey.get(targetKey(change));
        const planned = planTarget(actor, change, stored, existing, facts);
        if (planned.issues.length > 0) issues.push(...atCell(change, planned.issues));
        else if (planned.change !== undefined) writes.push({ change: planned.change, stored });
      }
      if (issues.length > 0) throw new ValidationError('target', issues);
      await Promise.all(
        writes.map(({ change, stored }) => writeLocalChange(db, change, stored, now)),
      );
      return writes.length;
    }),
  );
}
