import type { Enterprise, Stage, UnionStatus } from '../schemas';
import { isCalendarDate } from '../schemas';
import { todayInVietnam } from './dates';
import { CDCS_25_MIN_WORKERS } from './indicator-facts';

/**
 * The review list (rà soát, docs/design.md §5): the enterprises of a subtree that have no union
 * yet, largest first, then the longest operating, for steering committees that tell organizers
 * to review them. The same functions order and filter the list on the device (offline) and
 * define what the server's export selects (src/server/reports/review.ts mirrors the filters in
 * SQL and orders with `compareForReview`).
 */

/** "Large" follows the new_cdcs_25 indicator: a CĐCS founded at ≥ 25 workers is what counts. */
export const LARGE_ENTERPRISE_MIN_WORKERS = CDCS_25_MIN_WORKERS;

/** A union being founded is not a union yet (steering committees review both). */
export function hasNoUnion(enterprise: { unionStatus: UnionStatus }): boolean {
  return enterprise.unionStatus === 'none' || enterprise.unionStatus === 'founding';
}

export type ReviewEnterprise = Pick<
  Enterprise,
  | 'id'
  | 'name'
  | 'unionStatus'
  | 'stage'
  | 'wardCode'
  | 'industrialPark'
  | 'workerCount'
  | 'operatingSince'
>;

/** On the list: no union yet, and not closed down (a closed enterprise has nobody to recruit). */
export function needsReview(enterprise: ReviewEnterprise): boolean {
  return hasNoUnion(enterprise) && enterprise.stage !== 'closed';
}

export type ReviewFilters = {
  wardCode?: string | undefined;
  /** The industrial park's name exactly as recorded. */
  industrialPark?: string | undefined;
  /** At least this many workers (an enterprise without a worker count does not qualify). */
  minWorkers?: number | undefined;
  stage?: Stage | undefined;
};

export function matchesReviewFilters(
  enterprise: ReviewEnterprise,
  filters: ReviewFilters,
): boolean {
  const { wardCode, industrialPark, minWorkers, stage } = filters;
  if (wardCode !== undefined && enterprise.wardCode !== wardCode) return false;
  if (industrialPark !== undefined && enterprise.industrialPark !== industrialPark) return false;
  if (stage !== undefined && enterprise.stage !== stage) return false;
  return minWorkers === undefined || (enterprise.workerCount ?? -1) >= minWorkers;
}

let collator: Intl.Collator | undefined;

/**
 * Largest first (an unknown worker count last), then the longest operating (the earliest
 * `operatingSince`; unknown last), then by name in Vietnamese order, then by id so that the
 * order is total.
 */
export function compareForReview(a: ReviewEnterprise, b: ReviewEnterprise): number {
  const workers = (b.workerCount ?? -1) - (a.workerCount ?? -1);
  if (workers !== 0) return workers;
  const since =
    (a.operatingSince ?? Number.POSITIVE_INFINITY) - (b.operatingSince ?? Number.POSITIVE_INFINITY);
  if (since !== 0 && !Number.isNaN(since)) return since;
  collator ??= new Intl.Collator('vi');
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The review list: the enterprises that need review and match the filters, in review order. */
export function reviewList<E extends ReviewEnterprise>(
  enterprises: readonly E[],
  filters: ReviewFilters = {},
): E[] {
  return enterprises
    .filter((enterprise) => needsReview(enterprise) && matchesReviewFilters(enterprise, filters))
    .sort(compareForReview);
}

/** The latest visit's date on Vietnam's calendar; undefined without a readable visit. */
export function lastVisitDate(visits: readonly { visitedAt: string }[]): string | undefined {
  let latest: number | undefined;
  for (const visit of visits) {
    const at = Date.parse(visit.visitedAt);
    if (!Number.isNaN(at) && (latest === undefined || at > latest)) latest = at;
  }
  return latest === undefined ? undefined : todayInVietnam(new Date(latest));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `date` to `today` (ISO dates); undefined when either is not a date. */
export function daysSince(date: string, today: string): number | undefined {
  if (!isCalendarDate(date) || !isCalendarDate(today)) return undefined;
  return Math.round((Date.parse(today) - Date.parse(date)) / DAY_MS);
}
