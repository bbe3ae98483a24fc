import type { AdmissionQueue, SignupRow, UnitRow } from '../../../db';
import { idNumberDuplicateIssues, idNumberKey } from '../../../shared/domain/admission';
import { checkEligibility } from '../../../shared/domain/eligibility';
import { ancestorsOf, unitAndDescendants } from '../../../shared/domain/units';
import type { Issue } from '../../../shared/vn/issue';
import { byVietnameseName } from './names';

/**
 * The admissions queue as the screen shows it: filters over the waiting applications, and each
 * one's eligibility issues and possible duplicates (computed for the rows drawn only: 2,000
 * applications wait on a busy supervisor's device).
 */

/** '' means "all" for every filter; dates are ISO, inclusive, on `signedAt`. */
export type QueueFilter = {
  unitId: string;
  enterpriseId: string;
  authorId: string;
  from: string;
  to: string;
};

export const NO_FILTER: QueueFilter = {
  unitId: '',
  enterpriseId: '',
  authorId: '',
  from: '',
  to: '',
};

/** An application written on this device and not yet named by the server has no authorId. */
export function authorOf(row: SignupRow, selfId: string): string {
  return row.authorId ?? selfId;
}

export function filterQueue(
  queue: AdmissionQueue,
  filter: QueueFilter,
  selfId: string,
): SignupRow[] {
  const units = filter.unitId === '' ? undefined : unitAndDescendants(queue.units, filter.unitId);
  return queue.waiting.filter((row) => {
    if (filter.enterpriseId !== '' && row.enterpriseId !== filter.enterpriseId) return false;
    if (units !== undefined) {
      const unitId = queue.enterprises.get(row.enterpriseId)?.unitId;
      if (unitId === undefined || !units.has(unitId)) return false;
    }
    if (filter.authorId !== '' && authorOf(row, selfId) !== filter.authorId) return false;
    const signed = row.signedAt ?? '';
    if (filter.from !== '' && signed < filter.from) return false;
    if (filter.to !== '' && signed > filter.to) return false;
    return true;
  });
}

export type Option = { value: string; label: string };

export type QueueOptions = { units: Option[]; enterprises: Option[]; organizers: Option[] };

/** What the filters offer before the whole queue is read: "all" only. */
export const NO_OPTIONS: QueueOptions = { units: [], enterprises: [], organizers: [] };

/** The units, enterprises and organizers that the waiting applications belong to. */
export function queueOptions(
  queue: AdmissionQueue,
  selfId: string,
  nameOf: (authorId: string) => string,
): QueueOptions {
  const unitIds = new Set<string>();
  const enterpriseIds = new Set<string>();
  const authorIds = new Set<string>();
  for (const row of queue.waiting) {
    enterpriseIds.add(row.enterpriseId);
    authorIds.add(authorOf(row, selfId));
    const unitId = queue.enterprises.get(row.enterpriseId)?.unitId;
    // A unit filter takes in the subtree: offer the unit and every unit above it in the tree.
    if (unitId !== undefined)
      for (const id of [unitId, ...ancestorsOf(queue.units, unitId)]) unitIds.add(id);
  }
  const unitName = new Map(queue.units.map((unit) => [unit.id, unit.name]));
  return {
    units: byVietnameseName(
      [...unitIds].flatMap((id) => {
        const name = unitName.get(id);
        return name === undefined ? [] : [{ value: id, label: name }];
      }),
    ),
    enterprises: byVietnameseName(
      [...enterpriseIds].map((id) => ({
        value: id,
        label: queue.enterprises.get(id)?.name ?? id.slice(0, 8),
      })),
    ),
    organizers: byVietnameseName([...authorIds].map((id) => ({ value: id, label: nameOf(id) }))),
  };
}

/**
 * What the supervisor should know before deciding: eligibility and possible duplicates. The
 * duplicates only once the whole queue is read (`queue.idNumbers`): until then the screen says
 * the check is still running (duplicatesPending).
 */
export function applicationIssues(row: SignupRow, queue: AdmissionQueue): Issue[] {
  if (row.status === 'draft') return [];
  const holders = queue.idNumbers?.get(idNumberKey(row.idNumber)) ?? [];
  return [...checkEligibility(row), ...idNumberDuplicateIssues(row, holders)];
}

/** Whether the duplicate check of the queue's rows is still running (the first screen). */
export function duplicatesPending(queue: AdmissionQueue): boolean {
  return queue.idNumbers === undefined;
}

/**
 * Units that may issue the decision for the supervisor's records: their own unit, the units
 * above it and those below it (checkDecisionIssuer accepts each for a record of the subtree
 * when it stands on the record's line). The supervisor's unit comes first: the usual issuer.
 */
export function issuerOptions(units: readonly UnitRow[], ownUnitId: string): Option[] {
  const line = [...ancestorsOf(units, ownUnitId), ...unitAndDescendants(units, ownUnitId)];
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const options = [...new Set(line)].flatMap((id) => {
    const unit = byId.get(id);
    return unit === undefined ? [] : [{ value: unit.id, label: unit.name }];
  });
  const own = options.filter((option) => option.value === ownUnitId);
  return [...own, ...byVietnameseName(options.filter((option) => option.value !== ownUnitId))];
}

/** The latest signature among the selected applications: a decision may not be dated before it. */
export function latestSignature(rows: readonly SignupRow[]): string | undefined {
  let latest: string | undefined;
  for (const row of rows) {
    const signed = row.signedAt;
    if (signed !== undefined && (latest === undefined || signed > latest)) latest = signed;
  }
  return latest;
}
