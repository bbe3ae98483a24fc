import type { IndicatorData } from '../../shared/domain/indicators';
import type { SotayDb } from '../database';
import type { IndicatorEntryRow, TargetRow, UnitRow } from '../rows';

/** Read-only data the server sends down: units, targets, indicator entries. */

export function listUnits(db: SotayDb): Promise<UnitRow[]> {
  return db.units.toArray();
}

export function listChildUnits(db: SotayDb, parentId: string): Promise<UnitRow[]> {
  return db.units.where('parentId').equals(parentId).toArray();
}

export function listTargets(db: SotayDb, unitId: string, year: number): Promise<TargetRow[]> {
  return db.targets.where('[unitId+year]').equals([unitId, year]).toArray();
}

export function listIndicatorEntries(db: SotayDb, unitId?: string): Promise<IndicatorEntryRow[]> {
  return unitId === undefined
    ? db.indicatorEntries.toArray()
    : db.indicatorEntries.where('unitId').equals(unitId).toArray();
}

/** Everything computeIndicators (src/shared/domain) needs, read in one transaction. */
export function loadIndicatorData(db: SotayDb): Promise<IndicatorData> {
  return db.transaction('r', [db.enterprises, db.signups, db.indicatorEntries], async () => {
    const [enterprises, signups, entries] = await Promise.all([
      db.enterprises.toArray(),
      db.signups.toArray(),
      db.indicatorEntries.toArray(),
    ]);
    return { enterprises, signups, entries };
  });
}
