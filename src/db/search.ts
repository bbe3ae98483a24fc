import { CDCS_25_MIN_WORKERS } from '../shared/domain/indicators';
import type { Stage, UnionStatus } from '../shared/schemas';
import { searchKey } from '../shared/vn/names';

/**
 * In-memory search over the compact enterprise index (loadEnterpriseIndex). Pure: no database.
 * Treat an index array as immutable: its sorted copy is cached per array.
 */

export type EnterpriseIndexRow = {
  id: string;
  name: string;
  taxCode?: string | undefined;
  address: string;
  searchKey: string;
  stage: Stage;
  wardCode: string;
  unionStatus: UnionStatus;
  workerCount?: number | undefined;
  assignedTo?: string | undefined;
  nextFollowUp?: string | undefined;
};

export type EnterpriseSearch = {
  /** Every word must appear in name, tax code or address, ignoring accents and case. */
  query?: string;
  stage?: Stage;
  wardCode?: string;
  /** No union yet, at least LARGE_ENTERPRISE_MIN_WORKERS workers, not closed. */
  largeWithoutUnion?: boolean;
  assignedTo?: string;
  /** Today (ISO date): only enterprises whose follow-up is today or overdue. */
  followUpDue?: string;
};

/** "Large" follows the new_cdcs_25 indicator: founding a CĐCS at ≥ 25 workers is what is counted. */
export const LARGE_ENTERPRISE_MIN_WORKERS = CDCS_25_MIN_WORKERS;

/** A union being founded is not a union yet (steering committees review both). */
export function hasNoUnion(row: Pick<EnterpriseIndexRow, 'unionStatus'>): boolean {
  return row.unionStatus === 'none' || row.unionStatus === 'founding';
}

const collator = new Intl.Collator('vi');

/** Default order: no union first, then most workers (unknown last), then name (Vietnamese). */
export function compareEnterprises(a: EnterpriseIndexRow, b: EnterpriseIndexRow): number {
  const union = Number(!hasNoUnion(a)) - Number(!hasNoUnion(b));
  if (union !== 0) return union;
  const workers = (b.workerCount ?? -1) - (a.workerCount ?? -1);
  if (workers !== 0) return workers;
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const sortedCache = new WeakMap<readonly EnterpriseIndexRow[], readonly EnterpriseIndexRow[]>();

function sorted(index: readonly EnterpriseIndexRow[]): readonly EnterpriseIndexRow[] {
  let result = sortedCache.get(index);
  if (result === undefined) {
    result = [...index].sort(compareEnterprises);
    sortedCache.set(index, result);
  }
  return result;
}

type Predicate = (row: EnterpriseIndexRow) => boolean;

function predicates(search: EnterpriseSearch): Predicate[] {
  const words = searchKey(search.query ?? '')
    .split(' ')
    .filter((word) => word !== '');
  const { stage, wardCode, assignedTo, followUpDue } = search;
  const tests: (Predicate | false)[] = [
    words.length > 0 && ((row) => words.every((word) => row.searchKey.includes(word))),
    stage !== undefined && ((row) => row.stage === stage),
    wardCode !== undefined && ((row) => row.wardCode === wardCode),
    assignedTo !== undefined && ((row) => row.assignedTo === assignedTo),
    followUpDue !== undefined &&
      ((row) => row.nextFollowUp !== undefined && row.nextFollowUp <= followUpDue),
    search.largeWithoutUnion === true &&
      ((row) =>
        hasNoUnion(row) &&
        row.stage !== 'closed' &&
        (row.workerCount ?? 0) >= LARGE_ENTERPRISE_MIN_WORKERS),
  ];
  return tests.filter((test): test is Predicate => test !== false);
}

/** Matching rows in the default order (a new array; the index is not changed). */
export function searchEnterprises(
  index: readonly EnterpriseIndexRow[],
  search: EnterpriseSearch = {},
): EnterpriseIndexRow[] {
  const tests = predicates(search);
  return sorted(index).filter((row) => tests.every((test) => test(row)));
}
