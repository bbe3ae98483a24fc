import { FIRST_SCREEN_JS_BUDGET, PRECACHE_BUDGET } from '../helpers/budget';

export type Comparison = '<' | '≤' | '≥';

export type Budget = {
  key: string;
  compare: Comparison;
  limit: number;
  /**
   * What a mid-range phone needs, beside the ratio that is the budget: shown and marked when
   * missed, but absolute figures move with the machine, so it never fails a run.
   */
  phone?: true;
  /** Why the figure can be absent even when its part runs. */
  absentUntil?: string;
};

/**
 * Issue 16's budgets. Where a figure has a baseline of the same run, the budget is the ratio to
 * it; the absolute figure beside it is the phone's need.
 */
export const BUDGETS: readonly Budget[] = [
  { key: 'saveVisit.ratio', compare: '≤', limit: 2 },
  { key: 'saveVisit.p95Ms', compare: '<', limit: 30, phone: true },
  { key: 'openEnterprise.ratio', compare: '≤', limit: 2 },
  { key: 'openEnterprise.p95Ms', compare: '<', limit: 100, phone: true },
  { key: 'search.ratio', compare: '≤', limit: 1.5 },
  { key: 'search.p95Ms', compare: '<', limit: 50, phone: true },
  { key: 'coldStart.ratio', compare: '≤', limit: 2 },
  { key: 'firstLoad.slow4gMs', compare: '<', limit: 3000 },
  { key: 'bundle.firstScreenJsGzipBytes', compare: '≤', limit: FIRST_SCREEN_JS_BUDGET },
  { key: 'bundle.precacheGzipBytes', compare: '≤', limit: PRECACHE_BUDGET },
  { key: 'drain.pglite.recordsPerSec', compare: '≥', limit: 500 },
  { key: 'drain.postgres.recordsPerSec', compare: '≥', limit: 500 },
  { key: 'push.postgres.p99Ms', compare: '<', limit: 1000 },
  { key: 'report.pgliteMs', compare: '<', limit: 2000 },
  { key: 'report.postgresMs', compare: '<', limit: 2000 },
  { key: 'progress.firstFiguresMs', compare: '<', limit: 300 },
  { key: 'admissions.openQueueMs', compare: '<', limit: 300 },
  { key: 'admissions.accept200Ms', compare: '<', limit: 2000 },
  { key: 'admissions.push200PgliteMs', compare: '<', limit: 5000 },
  { key: 'privacy.saveSignupRatio', compare: '≤', limit: 2 },
  { key: 'privacy.saveSignupP95Ms', compare: '<', limit: 30, phone: true },
  { key: 'privacy.saveVisitRatio', compare: '≤', limit: 2 },
  { key: 'privacy.saveVisitP95Ms', compare: '<', limit: 30, phone: true },
  { key: 'privacy.drafts500Ratio', compare: '≤', limit: 2 },
  { key: 'privacy.drafts500Ms', compare: '<', limit: 300, phone: true },
  { key: 'privacy.unlockMs', compare: '<', limit: 1000 },
  { key: 'lighthouse.performance', compare: '≥', limit: 0.95 },
  { key: 'lighthouse.accessibility', compare: '≥', limit: 1 },
  { key: 'lighthouse.bestPractices', compare: '≥', limit: 1 },
];

export function holds(budget: Budget, value: number): boolean {
  switch (budget.compare) {
    case '<':
      return value < budget.limit;
    case '≤':
      return value <= budget.limit;
    case '≥':
      return value >= budget.limit;
  }
}
