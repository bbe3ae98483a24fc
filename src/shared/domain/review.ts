import type { Enterprise, Stage } from '../schemas';
import { CDCS_25_MIN_WORKERS } from './thresholds';

/**
 * The review list (rà soát): the enterprises of a subtree that have no union yet, largest first,
 * then the longest operating, which steering committees tell organizers to review. The device
 * orders and filters its list (offline) with these functions.
 */

/** "Size ≥ 25": the threshold of the new_cdcs_25 indicator, which is what a founding counts for. */
export const REVIEW_MIN_WORKERS = CDCS_25_MIN_WORKERS;

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

/**
 * On the list: no union yet (a union being founded is not one yet) and not closed down (a closed
 * enterprise has nobody left to recruit).
 */
export function needsReview(enterprise: Pick<ReviewEnterprise, 'unionStatus' | 'stage'>): boolean {
  const noUnion = enterprise.unionStatus === 'none' || enterprise.unionStatus === 'founding';
  return noUnion && enterprise.stage !== 'closed';
}

export type ReviewFilter = {
  wardCode?: string | undefined;
  /** The industrial park's name exactly as recorded. */
  industrialPark?: string | undefined;
  /** At least this many workers: an enterprise without a worker count does not qualify. */
  minWorkers?: number | undefined;
  stage?: Stage | undefined;
};

/** True when the enterprise needs review and passes every filter that is set. */
export function reviewFilter(enterprise: ReviewEnterprise, filter: ReviewFilter): boolean {
  const { wardCode, industrialPark, minWorkers, stage } = filter;
  if (!needsReview(enterprise)) return false;
  if (wardCode !== undefined && enterprise.wardCode !== wardCode) return false;
  if (industrialPark !== undefined && enterprise.industrialPark !== industrialPark) return false;
  if (stage !== undefined && enterprise.stage !== stage) return false;
  return minWorkers === undefined || (enterprise.workerCount ?? -1) >= minWorkers;
}

let collator: Intl.Collator | undefined;

/**
 * The review order: most workers first (an unknown count last), then the longest operating (the
 * earliest `operatingSince`; unknown last), then the name in Vietnamese order, then the id, so
 * that the order is total and the same everywhere.
 */
export function reviewOrder(a: ReviewEnterprise, b: ReviewEnterprise): number {
  const workers = (b.workerCount ?? -1) - (a.workerCount ?? -1);
  if (workers !== 0) return workers;
  const since =
    (a.operatingSince ?? Number.MAX_SAFE_INTEGER) - (b.operatingSince ?? Number.MAX_SAFE_INTEGER);
  if (since !== 0) return since;
  collator ??= new Intl.Collator('vi');
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The list: the enterprises that need review and pass the filter, in review order. */
export function reviewList<E extends ReviewEnterprise>(
  enterprises: readonly E[],
  filter: ReviewFilter = {},
): E[] {
  return enterprises.filter((enterprise) => reviewFilter(enterprise, filter)).sort(reviewOrder);
}
